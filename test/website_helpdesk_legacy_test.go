package test

import (
	"go/ast"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

// IDs of the old helpdesk tests; some carry characters that must be
// escaped in a path.
const (
	legacyLocale     = "zh/Hant ?"
	legacyArticleID  = "article/1 ?@x"
	legacyCategoryID = "category/1 ?"
	legacySectionID  = "section/1 ?"
	legacyLinked     = "pt/BR ?"
)

// legacyNotFound scripts a 404 answer for a HEAD route.
func legacyNotFound(srv *crisptest.Server, op string) {
	srv.Handle(op, func(*crisptest.Call) (int, any) { return 404, nil })
}

// legacyPages scripts a paged list: page 1 answers items, page 2 an empty
// page, which ends the walk; it returns the number of calls made.
func legacyPages[T any](srv *crisptest.Server, op string, items []T) *int {
	calls := 0
	srv.Handle(op, func(r *crisptest.Call) (int, any) {
		calls++
		data := []T{}
		if r.PathParams["page_number"] == "1" {
			data = items
		}
		return 200, map[string]any{"error": false, "reason": "listed", "data": data}
	})
	return &calls
}

// ---- Articles ----

func TestListHelpdeskLocaleArticles(t *testing.T) {
	const op = "listHelpdeskLocaleArticles"
	srv, c := setupFor(t, op)
	got, err := c.Website.ListHelpdeskLocaleArticles(t.Context(), websiteID, legacyLocale, 2)
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.HelpdeskLegacyArticle](t, srv, op), got)
	requireSent(t, srv, op, "GET", "website", websiteID, "helpdesk", "locale", legacyLocale, "articles", "2")

	_, err = c.Website.ListHelpdeskLocaleArticles(t.Context(), websiteID, legacyLocale, 0)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	_, err = c.Website.ListHelpdeskLocaleArticles(t.Context(), websiteID, "..", 1)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), 1)
}

func TestListHelpdeskLocaleArticlesIter(t *testing.T) {
	const op = "listHelpdeskLocaleArticles"
	srv, c := setupFor(t, op)
	page := exampleData[[]api.HelpdeskLegacyArticle](t, srv, op)
	calls := legacyPages(srv, op, page)
	var got []api.HelpdeskLegacyArticle
	for a, err := range c.Website.ListHelpdeskLocaleArticlesIter(t.Context(), websiteID, legacyLocale) {
		require.NoError(t, err)
		got = append(got, a)
	}
	require.Equal(t, page, got)
	require.Equal(t, 2, *calls)
	requirePath(t, lastRequest(t, srv, op), "website", websiteID, "helpdesk", "locale", legacyLocale, "articles", "2")
}

func TestAddNewHelpdeskLocaleArticle(t *testing.T) {
	const op = "addNewHelpdeskLocaleArticle"
	srv, c := setupFor(t, op)
	_, err := c.Website.AddNewHelpdeskLocaleArticle(t.Context(), websiteID, legacyLocale, nil)
	requireRefused(t, srv, err)

	body := specRequestExample[api.HelpdeskLegacyArticleAdd](t, op)
	got, err := c.Website.AddNewHelpdeskLocaleArticle(t.Context(), websiteID, legacyLocale, body)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskLegacyArticleCreated](t, srv, op), *got)
	require.NotEmpty(t, got.ArticleID)
	req := requireSent(t, srv, op, "POST", "website", websiteID, "helpdesk", "locale", legacyLocale, "article")
	requireBody(t, req, string(requestExamples(t)[op]))
}

func TestCheckHelpdeskLocaleArticleExists(t *testing.T) {
	const op = "checkHelpdeskLocaleArticleExists"
	srv, c := setupFor(t, op)
	ok, err := c.Website.CheckHelpdeskLocaleArticleExists(t.Context(), websiteID, legacyLocale, legacyArticleID)
	require.NoError(t, err)
	require.True(t, ok)
	requireSent(t, srv, op, "HEAD", "website", websiteID, "helpdesk", "locale", legacyLocale, "article", legacyArticleID)

	legacyNotFound(srv, op)
	ok, err = c.Website.CheckHelpdeskLocaleArticleExists(t.Context(), websiteID, legacyLocale, "missing")
	require.NoError(t, err)
	require.False(t, ok)

	_, err = c.Website.CheckHelpdeskLocaleArticleExists(t.Context(), websiteID, legacyLocale, "")
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), 2)
}

func TestResolveHelpdeskLocaleArticle(t *testing.T) {
	const op = "resolveHelpdeskLocaleArticle"
	srv, c := setupFor(t, op)
	got, err := c.Website.ResolveHelpdeskLocaleArticle(t.Context(), websiteID, legacyLocale, legacyArticleID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskLegacyArticle](t, srv, op), *got)
	require.NotNil(t, got.Content)
	requireSent(t, srv, op, "GET", "website", websiteID, "helpdesk", "locale", legacyLocale, "article", legacyArticleID)
}

func TestSaveHelpdeskLocaleArticle(t *testing.T) {
	const op = "saveHelpdeskLocaleArticle"
	srv, c := setupFor(t, op)
	requireRefused(t, srv, c.Website.SaveHelpdeskLocaleArticle(t.Context(), websiteID, legacyLocale, legacyArticleID, nil))

	body := specRequestExample[api.HelpdeskLegacyArticleSave](t, op)
	require.True(t, body.Description.IsNull(), "the example clears the description")
	require.NoError(t, c.Website.SaveHelpdeskLocaleArticle(t.Context(), websiteID, legacyLocale, legacyArticleID, body))
	req := requireSent(t, srv, op, "PUT", "website", websiteID, "helpdesk", "locale", legacyLocale, "article", legacyArticleID)
	requireBody(t, req, string(requestExamples(t)[op]))
	require.Contains(t, string(req.Body), `"description":null`)
}

func TestUpdateHelpdeskLocaleArticle(t *testing.T) {
	const op = "updateHelpdeskLocaleArticle"
	srv, c := setupFor(t, op)
	requireRefused(t, srv, c.Website.UpdateHelpdeskLocaleArticle(t.Context(), websiteID, legacyLocale, legacyArticleID, nil))

	body := specRequestExample[api.HelpdeskLegacyArticleUpdate](t, op)
	require.NoError(t, c.Website.UpdateHelpdeskLocaleArticle(t.Context(), websiteID, legacyLocale, legacyArticleID, body))
	req := requireSent(t, srv, op, "PATCH", "website", websiteID, "helpdesk", "locale", legacyLocale, "article", legacyArticleID)
	requireBody(t, req, string(requestExamples(t)[op]))
}

func TestDeleteHelpdeskLocaleArticle(t *testing.T) {
	const op = "deleteHelpdeskLocaleArticle"
	srv, c := setupFor(t, op)
	require.NoError(t, c.Website.DeleteHelpdeskLocaleArticle(t.Context(), websiteID, legacyLocale, legacyArticleID))
	requireSent(t, srv, op, "DELETE", "website", websiteID, "helpdesk", "locale", legacyLocale, "article", legacyArticleID)

	srv.QueueError(op, 404, "article_not_found")
	err := c.Website.DeleteHelpdeskLocaleArticle(t.Context(), websiteID, legacyLocale, "gone")
	var e *crisp.Error
	require.ErrorAs(t, err, &e)
	require.Equal(t, 404, e.StatusCode)
	require.Equal(t, op, e.Operation)
}

func TestResolveHelpdeskLocaleArticlePage(t *testing.T) {
	const op = "resolveHelpdeskLocaleArticlePage"
	srv, c := setupFor(t, op)
	got, err := c.Website.ResolveHelpdeskLocaleArticlePage(t.Context(), websiteID, legacyLocale, legacyArticleID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskLegacyArticlePage](t, srv, op), *got)
	requirePath(t, lastRequest(t, srv, op), "website", websiteID, "helpdesk", "locale", legacyLocale, "article", legacyArticleID, "page")
}

func TestResolveHelpdeskLocaleArticleCategory(t *testing.T) {
	const op = "resolveHelpdeskLocaleArticleCategory"
	srv, c := setupFor(t, op)
	got, err := c.Website.ResolveHelpdeskLocaleArticleCategory(t.Context(), websiteID, legacyLocale, legacyArticleID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskLegacyArticleCategory](t, srv, op), *got)
	requireSent(t, srv, op, "GET", "website", websiteID, "helpdesk", "locale", legacyLocale, "article", legacyArticleID, "category")
}

func TestUpdateHelpdeskLocaleArticleCategory(t *testing.T) {
	const op = "updateHelpdeskLocaleArticleCategory"
	srv, c := setupFor(t, op)
	requireRefused(t, srv, c.Website.UpdateHelpdeskLocaleArticleCategory(t.Context(), websiteID, legacyLocale, legacyArticleID, nil))

	section := "14886b8c-faf6-4967-af0a-2d90b3419263"
	body := &api.HelpdeskLegacyArticleCategoryUpdate{CategoryID: "00d344a3-8948-45b5-9bc4-82ec249fcd44", SectionID: &section}
	require.NoError(t, c.Website.UpdateHelpdeskLocaleArticleCategory(t.Context(), websiteID, legacyLocale, legacyArticleID, body))
	req := requireSent(t, srv, op, "PATCH", "website", websiteID, "helpdesk", "locale", legacyLocale, "article", legacyArticleID, "category")
	requireBody(t, req, `{"category_id":"00d344a3-8948-45b5-9bc4-82ec249fcd44","section_id":"14886b8c-faf6-4967-af0a-2d90b3419263"}`)
}

// ---- Article alternates ----

func TestListHelpdeskLocaleArticleAlternates(t *testing.T) {
	const op = "listHelpdeskLocaleArticleAlternates"
	srv, c := setupFor(t, op)
	got, err := c.Website.ListHelpdeskLocaleArticleAlternates(t.Context(), websiteID, legacyLocale, legacyArticleID)
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.HelpdeskLegacyArticleAlternate](t, srv, op), got)
	requirePath(t, lastRequest(t, srv, op), "website", websiteID, "helpdesk", "locale", legacyLocale, "article", legacyArticleID, "alternates")
}

func TestCheckHelpdeskLocaleArticleAlternateExists(t *testing.T) {
	const op = "checkHelpdeskLocaleArticleAlternateExists"
	srv, c := setupFor(t, op)
	ok, err := c.Website.CheckHelpdeskLocaleArticleAlternateExists(t.Context(), websiteID, legacyLocale, legacyArticleID, legacyLinked)
	require.NoError(t, err)
	require.True(t, ok)
	requireSent(t, srv, op, "HEAD", "website", websiteID, "helpdesk", "locale", legacyLocale, "article", legacyArticleID, "alternate", legacyLinked)

	legacyNotFound(srv, op)
	ok, err = c.Website.CheckHelpdeskLocaleArticleAlternateExists(t.Context(), websiteID, legacyLocale, legacyArticleID, "de")
	require.NoError(t, err)
	require.False(t, ok)
	last, _ := srv.LastRequest(op)
	require.Equal(t, "de", last.PathParams["locale_linked"])
}

func TestResolveHelpdeskLocaleArticleAlternate(t *testing.T) {
	const op = "resolveHelpdeskLocaleArticleAlternate"
	srv, c := setupFor(t, op)
	got, err := c.Website.ResolveHelpdeskLocaleArticleAlternate(t.Context(), websiteID, legacyLocale, legacyArticleID, legacyLinked)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskLegacyArticleAlternate](t, srv, op), *got)
	require.NotEmpty(t, got.ArticleID)
	requirePath(t, lastRequest(t, srv, op), "website", websiteID, "helpdesk", "locale", legacyLocale, "article", legacyArticleID, "alternate", legacyLinked)
}

func TestSaveHelpdeskLocaleArticleAlternate(t *testing.T) {
	const op = "saveHelpdeskLocaleArticleAlternate"
	srv, c := setupFor(t, op)
	require.ErrorIs(t, c.Website.SaveHelpdeskLocaleArticleAlternate(t.Context(), websiteID, legacyLocale, legacyArticleID, legacyLinked, nil), crisp.ErrInvalidArgument)
	requireRefused(t, srv, c.Website.SaveHelpdeskLocaleArticleAlternate(t.Context(), websiteID, legacyLocale, legacyArticleID, ".", &api.HelpdeskLegacyArticleAlternateSave{ArticleID: "x"}))

	body := specRequestExample[api.HelpdeskLegacyArticleAlternateSave](t, op)
	require.NoError(t, c.Website.SaveHelpdeskLocaleArticleAlternate(t.Context(), websiteID, legacyLocale, legacyArticleID, legacyLinked, body))
	req := requireSent(t, srv, op, "PUT", "website", websiteID, "helpdesk", "locale", legacyLocale, "article", legacyArticleID, "alternate", legacyLinked)
	requireBody(t, req, string(requestExamples(t)[op]))
}

func TestDeleteHelpdeskLocaleArticleAlternate(t *testing.T) {
	const op = "deleteHelpdeskLocaleArticleAlternate"
	srv, c := setupFor(t, op)
	require.NoError(t, c.Website.DeleteHelpdeskLocaleArticleAlternate(t.Context(), websiteID, legacyLocale, legacyArticleID, legacyLinked))
	requireSent(t, srv, op, "DELETE", "website", websiteID, "helpdesk", "locale", legacyLocale, "article", legacyArticleID, "alternate", legacyLinked)
}

// ---- Publication ----

func TestPublishHelpdeskLocaleArticle(t *testing.T) {
	const op = "publishHelpdeskLocaleArticle"
	srv, c := setupFor(t, op)
	got, err := c.Website.PublishHelpdeskLocaleArticle(t.Context(), websiteID, legacyLocale, legacyArticleID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskLegacyArticlePublished](t, srv, op), *got)
	requireSent(t, srv, op, "POST", "website", websiteID, "helpdesk", "locale", legacyLocale, "article", legacyArticleID, "publish")
}

func TestUnpublishHelpdeskLocaleArticle(t *testing.T) {
	const op = "unpublishHelpdeskLocaleArticle"
	srv, c := setupFor(t, op)
	require.NoError(t, c.Website.UnpublishHelpdeskLocaleArticle(t.Context(), websiteID, legacyLocale, legacyArticleID))
	requireSent(t, srv, op, "POST", "website", websiteID, "helpdesk", "locale", legacyLocale, "article", legacyArticleID, "unpublish")
}

// ---- Categories ----

func TestListHelpdeskLocaleCategories(t *testing.T) {
	const op = "listHelpdeskLocaleCategories"
	srv, c := setupFor(t, op)
	got, err := c.Website.ListHelpdeskLocaleCategories(t.Context(), websiteID, legacyLocale, 1)
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.HelpdeskLegacyCategory](t, srv, op), got)
	requirePath(t, lastRequest(t, srv, op), "website", websiteID, "helpdesk", "locale", legacyLocale, "categories", "1")

	_, err = c.Website.ListHelpdeskLocaleCategories(t.Context(), websiteID, legacyLocale, -1)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), 1)
}

func TestListHelpdeskLocaleCategoriesIter(t *testing.T) {
	const op = "listHelpdeskLocaleCategories"
	srv, c := setupFor(t, op)
	page := exampleData[[]api.HelpdeskLegacyCategory](t, srv, op)
	calls := legacyPages(srv, op, page)
	var got []api.HelpdeskLegacyCategory
	for cat, err := range c.Website.ListHelpdeskLocaleCategoriesIter(t.Context(), websiteID, legacyLocale) {
		require.NoError(t, err)
		got = append(got, cat)
	}
	require.Equal(t, page, got)
	require.Equal(t, 2, *calls)
}

func TestAddHelpdeskLocaleCategory(t *testing.T) {
	const op = "addHelpdeskLocaleCategory"
	srv, c := setupFor(t, op)
	_, err := c.Website.AddHelpdeskLocaleCategory(t.Context(), websiteID, legacyLocale, nil)
	requireRefused(t, srv, err)

	body := specRequestExample[api.HelpdeskLegacyCategoryAdd](t, op)
	got, err := c.Website.AddHelpdeskLocaleCategory(t.Context(), websiteID, legacyLocale, body)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskLegacyCategoryCreated](t, srv, op), *got)
	require.NotEmpty(t, got.CategoryID)
	req := requireSent(t, srv, op, "POST", "website", websiteID, "helpdesk", "locale", legacyLocale, "category")
	requireBody(t, req, string(requestExamples(t)[op]))
}

func TestCheckHelpdeskLocaleCategoryExists(t *testing.T) {
	const op = "checkHelpdeskLocaleCategoryExists"
	srv, c := setupFor(t, op)
	ok, err := c.Website.CheckHelpdeskLocaleCategoryExists(t.Context(), websiteID, legacyLocale, legacyCategoryID)
	require.NoError(t, err)
	require.True(t, ok)
	requireSent(t, srv, op, "HEAD", "website", websiteID, "helpdesk", "locale", legacyLocale, "category", legacyCategoryID)

	legacyNotFound(srv, op)
	ok, err = c.Website.CheckHelpdeskLocaleCategoryExists(t.Context(), websiteID, legacyLocale, legacyCategoryID)
	require.NoError(t, err)
	require.False(t, ok)
}

func TestResolveHelpdeskLocaleCategory(t *testing.T) {
	const op = "resolveHelpdeskLocaleCategory"
	srv, c := setupFor(t, op)
	got, err := c.Website.ResolveHelpdeskLocaleCategory(t.Context(), websiteID, legacyLocale, legacyCategoryID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskLegacyCategory](t, srv, op), *got)
	require.NotEmpty(t, got.CategoryID)
	requirePath(t, lastRequest(t, srv, op), "website", websiteID, "helpdesk", "locale", legacyLocale, "category", legacyCategoryID)
}

func TestSaveHelpdeskLocaleCategory(t *testing.T) {
	const op = "saveHelpdeskLocaleCategory"
	srv, c := setupFor(t, op)
	requireRefused(t, srv, c.Website.SaveHelpdeskLocaleCategory(t.Context(), websiteID, legacyLocale, legacyCategoryID, nil))

	body := specRequestExample[api.HelpdeskLegacyCategorySave](t, op)
	require.NoError(t, c.Website.SaveHelpdeskLocaleCategory(t.Context(), websiteID, legacyLocale, legacyCategoryID, body))
	req := requireSent(t, srv, op, "PUT", "website", websiteID, "helpdesk", "locale", legacyLocale, "category", legacyCategoryID)
	requireBody(t, req, string(requestExamples(t)[op]))
	require.Contains(t, string(req.Body), `"image":null`)
}

func TestUpdateHelpdeskLocaleCategory(t *testing.T) {
	const op = "updateHelpdeskLocaleCategory"
	srv, c := setupFor(t, op)
	requireRefused(t, srv, c.Website.UpdateHelpdeskLocaleCategory(t.Context(), websiteID, legacyLocale, legacyCategoryID, nil))

	body := specRequestExample[api.HelpdeskLegacyCategoryUpdate](t, op)
	require.NoError(t, c.Website.UpdateHelpdeskLocaleCategory(t.Context(), websiteID, legacyLocale, legacyCategoryID, body))
	req := requireSent(t, srv, op, "PATCH", "website", websiteID, "helpdesk", "locale", legacyLocale, "category", legacyCategoryID)
	requireBody(t, req, string(requestExamples(t)[op]))
}

func TestDeleteHelpdeskLocaleCategory(t *testing.T) {
	const op = "deleteHelpdeskLocaleCategory"
	srv, c := setupFor(t, op)
	require.NoError(t, c.Website.DeleteHelpdeskLocaleCategory(t.Context(), websiteID, legacyLocale, legacyCategoryID))
	requireSent(t, srv, op, "DELETE", "website", websiteID, "helpdesk", "locale", legacyLocale, "category", legacyCategoryID)
}

// ---- Sections ----

func TestListHelpdeskLocaleSections(t *testing.T) {
	const op = "listHelpdeskLocaleSections"
	srv, c := setupFor(t, op)
	got, err := c.Website.ListHelpdeskLocaleSections(t.Context(), websiteID, legacyLocale, legacyCategoryID, 3)
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.HelpdeskLegacySection](t, srv, op), got)
	requirePath(t, lastRequest(t, srv, op), "website", websiteID, "helpdesk", "locale", legacyLocale, "category", legacyCategoryID, "sections", "3")

	_, err = c.Website.ListHelpdeskLocaleSections(t.Context(), websiteID, legacyLocale, "", 1)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), 1)
}

func TestListHelpdeskLocaleSectionsIter(t *testing.T) {
	const op = "listHelpdeskLocaleSections"
	srv, c := setupFor(t, op)
	page := exampleData[[]api.HelpdeskLegacySection](t, srv, op)
	calls := legacyPages(srv, op, page)
	var got []api.HelpdeskLegacySection
	for sec, err := range c.Website.ListHelpdeskLocaleSectionsIter(t.Context(), websiteID, legacyLocale, legacyCategoryID) {
		require.NoError(t, err)
		got = append(got, sec)
	}
	require.Equal(t, page, got)
	require.Equal(t, 2, *calls)
	requirePath(t, lastRequest(t, srv, op), "website", websiteID, "helpdesk", "locale", legacyLocale, "category", legacyCategoryID, "sections", "2")
}

func TestAddHelpdeskLocaleSection(t *testing.T) {
	const op = "addHelpdeskLocaleSection"
	srv, c := setupFor(t, op)
	_, err := c.Website.AddHelpdeskLocaleSection(t.Context(), websiteID, legacyLocale, legacyCategoryID, nil)
	requireRefused(t, srv, err)

	body := specRequestExample[api.HelpdeskLegacySectionAdd](t, op)
	got, err := c.Website.AddHelpdeskLocaleSection(t.Context(), websiteID, legacyLocale, legacyCategoryID, body)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskLegacySectionCreated](t, srv, op), *got)
	require.NotEmpty(t, got.SectionID)
	req := requireSent(t, srv, op, "POST", "website", websiteID, "helpdesk", "locale", legacyLocale, "category", legacyCategoryID, "section")
	requireBody(t, req, string(requestExamples(t)[op]))
}

func TestCheckHelpdeskLocaleSectionExists(t *testing.T) {
	const op = "checkHelpdeskLocaleSectionExists"
	srv, c := setupFor(t, op)
	ok, err := c.Website.CheckHelpdeskLocaleSectionExists(t.Context(), websiteID, legacyLocale, legacyCategoryID, legacySectionID)
	require.NoError(t, err)
	require.True(t, ok)
	requireSent(t, srv, op, "HEAD", "website", websiteID, "helpdesk", "locale", legacyLocale, "category", legacyCategoryID, "section", legacySectionID)

	legacyNotFound(srv, op)
	ok, err = c.Website.CheckHelpdeskLocaleSectionExists(t.Context(), websiteID, legacyLocale, legacyCategoryID, legacySectionID)
	require.NoError(t, err)
	require.False(t, ok)
}

func TestResolveHelpdeskLocaleSection(t *testing.T) {
	const op = "resolveHelpdeskLocaleSection"
	srv, c := setupFor(t, op)
	got, err := c.Website.ResolveHelpdeskLocaleSection(t.Context(), websiteID, legacyLocale, legacyCategoryID, legacySectionID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskLegacySection](t, srv, op), *got)
	require.NotEmpty(t, got.SectionID)
	requirePath(t, lastRequest(t, srv, op), "website", websiteID, "helpdesk", "locale", legacyLocale, "category", legacyCategoryID, "section", legacySectionID)
}

func TestSaveHelpdeskLocaleSection(t *testing.T) {
	const op = "saveHelpdeskLocaleSection"
	srv, c := setupFor(t, op)
	requireRefused(t, srv, c.Website.SaveHelpdeskLocaleSection(t.Context(), websiteID, legacyLocale, legacyCategoryID, legacySectionID, nil))

	body := specRequestExample[api.HelpdeskLegacySectionSave](t, op)
	require.NoError(t, c.Website.SaveHelpdeskLocaleSection(t.Context(), websiteID, legacyLocale, legacyCategoryID, legacySectionID, body))
	req := requireSent(t, srv, op, "PUT", "website", websiteID, "helpdesk", "locale", legacyLocale, "category", legacyCategoryID, "section", legacySectionID)
	requireBody(t, req, string(requestExamples(t)[op]))
}

func TestUpdateHelpdeskLocaleSection(t *testing.T) {
	const op = "updateHelpdeskLocaleSection"
	srv, c := setupFor(t, op)
	requireRefused(t, srv, c.Website.UpdateHelpdeskLocaleSection(t.Context(), websiteID, legacyLocale, legacyCategoryID, legacySectionID, nil))

	name := "Customize the chatbox"
	require.NoError(t, c.Website.UpdateHelpdeskLocaleSection(t.Context(), websiteID, legacyLocale, legacyCategoryID, legacySectionID, &api.HelpdeskLegacySectionUpdate{Name: &name}))
	req := requireSent(t, srv, op, "PATCH", "website", websiteID, "helpdesk", "locale", legacyLocale, "category", legacyCategoryID, "section", legacySectionID)
	requireBody(t, req, `{"name":"Customize the chatbox"}`)
}

func TestDeleteHelpdeskLocaleSection(t *testing.T) {
	const op = "deleteHelpdeskLocaleSection"
	srv, c := setupFor(t, op)
	require.NoError(t, c.Website.DeleteHelpdeskLocaleSection(t.Context(), websiteID, legacyLocale, legacyCategoryID, legacySectionID))
	requireSent(t, srv, op, "DELETE", "website", websiteID, "helpdesk", "locale", legacyLocale, "category", legacyCategoryID, "section", legacySectionID)
}

// ---- Feedbacks, import and export (old shapes) ----

func TestMapHelpdeskLocaleFeedbackRatingsLegacy(t *testing.T) {
	const op = "mapHelpdeskLocaleFeedbackRatingsLegacy"
	srv, c := setupFor(t, op)
	start := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2024, 4, 30, 23, 59, 59, 0, time.UTC)
	got, err := c.Website.MapHelpdeskLocaleFeedbackRatingsLegacy(t.Context(), websiteID, legacyLocale, &crisp.MapHelpdeskLocaleFeedbackRatingsLegacyOptions{FilterDateStart: start, FilterDateEnd: end})
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskLegacyFeedbackRatings](t, srv, op), *got)
	req := requireSent(t, srv, op, "GET", "website", websiteID, "helpdesk", "locale", legacyLocale, "feedback", "ratings")
	require.Equal(t, "2024-04-01T00:00:00Z", req.Query.Get("filter_date_start"))
	require.Equal(t, "2024-04-30T23:59:59Z", req.Query.Get("filter_date_end"))

	_, err = c.Website.MapHelpdeskLocaleFeedbackRatingsLegacy(t.Context(), websiteID, legacyLocale, nil)
	require.NoError(t, err)
	require.Empty(t, lastRequest(t, srv, op).Query)
}

func TestListHelpdeskLocaleFeedbacksLegacy(t *testing.T) {
	const op = "listHelpdeskLocaleFeedbacksLegacy"
	srv, c := setupFor(t, op)
	start := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	got, err := c.Website.ListHelpdeskLocaleFeedbacksLegacy(t.Context(), websiteID, legacyLocale, 2, &crisp.ListHelpdeskLocaleFeedbacksLegacyOptions{FilterDateStart: start})
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.HelpdeskLegacyFeedback](t, srv, op), got)
	req := lastRequest(t, srv, op)
	requirePath(t, req, "website", websiteID, "helpdesk", "locale", legacyLocale, "feedback", "list", "2")
	require.Equal(t, "2024-04-01T00:00:00Z", req.Query.Get("filter_date_start"))
	require.False(t, req.Query.Has("filter_date_end"))

	_, err = c.Website.ListHelpdeskLocaleFeedbacksLegacy(t.Context(), websiteID, legacyLocale, 0, nil)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), 1)
}

func TestListHelpdeskLocaleFeedbacksLegacyIter(t *testing.T) {
	const op = "listHelpdeskLocaleFeedbacksLegacy"
	srv, c := setupFor(t, op)
	page := exampleData[[]api.HelpdeskLegacyFeedback](t, srv, op)
	calls := legacyPages(srv, op, page)
	end := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	var got []api.HelpdeskLegacyFeedback
	for f, err := range c.Website.ListHelpdeskLocaleFeedbacksLegacyIter(t.Context(), websiteID, legacyLocale, &crisp.ListHelpdeskLocaleFeedbacksLegacyOptions{FilterDateEnd: end}) {
		require.NoError(t, err)
		got = append(got, f)
	}
	require.Equal(t, page, got)
	require.Equal(t, 2, *calls)
	for _, r := range srv.RequestsFor(op) {
		require.Equal(t, "2024-05-01T00:00:00Z", r.Query.Get("filter_date_end"), "every page keeps the filters")
	}
}

func TestImportExternalHelpdeskToLocaleLegacy(t *testing.T) {
	const op = "importExternalHelpdeskToLocaleLegacy"
	srv, c := setupFor(t, op)
	requireRefused(t, srv, c.Website.ImportExternalHelpdeskToLocaleLegacy(t.Context(), websiteID, legacyLocale, nil))

	body := specRequestExample[api.HelpdeskLegacyImport](t, op)
	require.NoError(t, c.Website.ImportExternalHelpdeskToLocaleLegacy(t.Context(), websiteID, legacyLocale, body))
	req := requireSent(t, srv, op, "POST", "website", websiteID, "helpdesk", "locale", legacyLocale, "import")
	requireBody(t, req, string(requestExamples(t)[op]))
}

func TestExportHelpdeskLocaleArticlesLegacy(t *testing.T) {
	const op = "exportHelpdeskLocaleArticlesLegacy"
	srv, c := setupFor(t, op)
	require.NoError(t, c.Website.ExportHelpdeskLocaleArticlesLegacy(t.Context(), websiteID, legacyLocale))
	requireSent(t, srv, op, "POST", "website", websiteID, "helpdesk", "locale", legacyLocale, "export")

	require.ErrorIs(t, c.Website.ExportHelpdeskLocaleArticlesLegacy(t.Context(), "", legacyLocale), crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), 1)
}

// ---- Deprecation markers ----

// legacyFacadeFile is the facade file of the old helpdesk routes, relative
// to this package.
// legacyFacadeFiles are the files of package crisp (generated or not).
const legacyFacadeFiles = "../crisp/*.go"

// legacyMethod reports whether fn wraps a deprecated helpdesk operation,
// or walks the pages of one.
func legacyMethod(fn *ast.FuncDecl, ops map[string]specOp) bool {
	name := strings.TrimSuffix(fn.Name.Name, "Iter")
	for id, o := range ops {
		if o.op.Deprecated && len(o.op.Tags) == 1 && o.op.Tags[0] == "Website Helpdesk" && legacyPascal(id) == name {
			return true
		}
	}
	return false
}

// legacyOpIDWord matches the words of a description that may be operationIds.
var legacyOpIDWord = regexp.MustCompile(`\b[a-z][A-Za-z0-9]+\b`)

// TestHelpdeskLegacyMethodsAreDeprecated reads the facade file of the old
// helpdesk routes and checks that every method wrapping a deprecated
// operation carries Go's "Deprecated:" paragraph, naming (as methods) the
// replacement operations the specification names, and that every Iter
// method of such a list is deprecated too.
func TestHelpdeskLegacyMethodsAreDeprecated(t *testing.T) {
	doc := loadSpec(t)
	ops := map[string]specOp{}
	for _, o := range specOps(doc) {
		ops[o.op.OperationID] = o
	}

	fset := token.NewFileSet()
	paths, err := filepath.Glob(legacyFacadeFiles)
	require.NoError(t, err)
	var decls []ast.Decl
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		require.NoError(t, err)
		decls = append(decls, file.Decls...)
	}

	websiteService := reflect.TypeOf((*crisp.WebsiteService)(nil))
	wrapped := map[string]string{}    // operationId -> method
	deprecated := map[string]string{} // method -> its Deprecated paragraph
	var iters []string
	for _, decl := range decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Recv == nil || !fn.Name.IsExported() || !legacyMethod(fn, ops) {
			continue
		}
		name := fn.Name.Name
		if p, ok := legacyDeprecatedParagraph(fn.Doc); ok {
			deprecated[name] = p
		}
		if strings.HasSuffix(name, "Iter") {
			iters = append(iters, name)
		}
		if fn.Doc == nil {
			continue
		}
		for _, c := range fn.Doc.List {
			id, ok := strings.CutPrefix(c.Text, "//crisp:operation ")
			if !ok {
				continue
			}
			id = strings.TrimSpace(id)
			require.NotContainsf(t, wrapped, id, "%s: operation %s wrapped twice", name, id)
			wrapped[id] = name
		}
	}

	// The file wraps exactly the deprecated operations of the helpdesk.
	var want, got []string
	for id, o := range ops {
		if o.op.Deprecated && len(o.op.Tags) == 1 && o.op.Tags[0] == "Website Helpdesk" {
			want = append(want, id)
		}
	}
	for id := range wrapped {
		got = append(got, id)
	}
	sort.Strings(want)
	sort.Strings(got)
	require.Equal(t, want, got)
	require.Len(t, got, 35)

	for id, method := range wrapped {
		o, ok := ops[id]
		require.Truef(t, ok, "%s: unknown operation %s", method, id)
		require.Equalf(t, legacyPascal(id), method, "%s: method name", id)
		if !o.op.Deprecated {
			continue
		}
		para, ok := deprecated[method]
		if !legacyAssert(t, ok, "%s (%s) has no \"Deprecated:\" paragraph", method, id) {
			continue
		}
		// Every operation the description names after "deprecated" is a
		// replacement: the paragraph must name its method.
		_, after, found := strings.Cut(o.op.Description, "deprecated")
		require.Truef(t, found, "%s: description does not say it is deprecated", id)
		var replacements []string
		for _, w := range legacyOpIDWord.FindAllString(after, -1) {
			if _, isOp := ops[w]; isOp && w != id {
				replacements = append(replacements, w)
			}
		}
		require.NotEmptyf(t, replacements, "%s: description names no replacement", id)
		require.Truef(t, strings.HasPrefix(para, "Deprecated: use "+legacyPascal(replacements[0])), "%s: %q should start with \"Deprecated: use %s\"", method, para, legacyPascal(replacements[0]))
		for _, r := range replacements {
			require.Containsf(t, para, legacyPascal(r), "%s: Deprecated paragraph should name %s", method, legacyPascal(r))
			_, ok := websiteService.MethodByName(legacyPascal(r))
			require.Truef(t, ok, "%s: replacement method %s does not exist", method, legacyPascal(r))
		}
	}

	require.Len(t, iters, 4)
	for _, name := range iters {
		base := strings.TrimSuffix(name, "Iter")
		require.Containsf(t, deprecated, base, "%s walks no deprecated method", name)
		para, ok := deprecated[name]
		require.Truef(t, ok, "%s has no \"Deprecated:\" paragraph", name)
		m := regexp.MustCompile(`^Deprecated: use (\w+Iter)\b`).FindStringSubmatch(para)
		require.NotNilf(t, m, "%s: %q should name an Iter method", name, para)
		_, ok = websiteService.MethodByName(m[1])
		require.Truef(t, ok, "%s: replacement method %s does not exist", name, m[1])
	}
}

// legacyDeprecatedParagraph returns the paragraph of a doc comment that starts
// with "Deprecated: ", as go doc and gopls recognize it (not the first
// paragraph, which is the summary).
func legacyDeprecatedParagraph(cg *ast.CommentGroup) (string, bool) {
	if cg == nil {
		return "", false
	}
	var p comment.Parser
	d := p.Parse(cg.Text())
	for i, b := range d.Content {
		para, ok := b.(*comment.Paragraph)
		if !ok || i == 0 {
			continue
		}
		var sb strings.Builder
		for _, tx := range para.Text {
			switch v := tx.(type) {
			case comment.Plain:
				sb.WriteString(string(v))
			case comment.Italic:
				sb.WriteString(string(v))
			}
		}
		text := strings.Join(strings.Fields(sb.String()), " ")
		if strings.HasPrefix(text, "Deprecated: ") {
			return text, true
		}
	}
	return "", false
}

// legacyPascal turns an operationId into its method name.
func legacyPascal(id string) string {
	return strings.ToUpper(id[:1]) + id[1:]
}

// legacyAssert reports a failure without stopping the test.
func legacyAssert(t *testing.T, ok bool, format string, args ...any) bool {
	t.Helper()
	if !ok {
		t.Errorf(format, args...)
	}
	return ok
}
