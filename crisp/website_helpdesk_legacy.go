package crisp

// The routes of the old helpdesk (articles, categories and sections of a
// helpdesk locale, and the old shapes of feedbacks, import and export).
// Crisp keeps them only for workspaces not yet migrated to the new
// Knowledge Base; every method here is deprecated in favour of the content
// tree routes of the Knowledge Base (ListHelpdeskTree, ResolveHelpdeskTreePath
// and the like).

import (
	"context"
	"iter"

	"github.com/crisp-go/crisp-go/api"
)

// ListHelpdeskLocaleArticles returns one page (1-based) of the articles of
// a helpdesk locale in the old helpdesk.
//
// Deprecated: use ListHelpdeskTree (or ListHelpdeskPages) instead; the old
// helpdesk routes only serve workspaces not yet migrated to the new
// Knowledge Base.
//
//crisp:operation listHelpdeskLocaleArticles
func (s *WebsiteService) ListHelpdeskLocaleArticles(ctx context.Context, websiteID, locale string, page int) ([]api.HelpdeskLegacyArticle, error) {
	const op = "listHelpdeskLocaleArticles"
	if err := checkPath(op, "website_id", websiteID, "locale", locale); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListHelpdeskLocaleArticles(ctx, websiteID, locale, page)
	return decodeList[api.HelpdeskLegacyArticle](op, resp, err)
}

// ListHelpdeskLocaleArticlesIter walks every page of
// ListHelpdeskLocaleArticles and yields the articles one by one; it stops
// at the first error, which it yields.
//
// Deprecated: use ListHelpdeskTreeIter (or ListHelpdeskPagesIter) instead;
// the old helpdesk routes only serve workspaces not yet migrated to the new
// Knowledge Base.
func (s *WebsiteService) ListHelpdeskLocaleArticlesIter(ctx context.Context, websiteID, locale string) iter.Seq2[api.HelpdeskLegacyArticle, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.HelpdeskLegacyArticle, error) {
		return s.ListHelpdeskLocaleArticles(ctx, websiteID, locale, page)
	})
}

// AddNewHelpdeskLocaleArticle adds a new draft article with a title to a
// helpdesk locale in the old helpdesk and returns its identifier.
//
// Deprecated: use CreateHelpdeskTreePath instead; the old helpdesk routes
// only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation addNewHelpdeskLocaleArticle
func (s *WebsiteService) AddNewHelpdeskLocaleArticle(ctx context.Context, websiteID, locale string, body *api.HelpdeskLegacyArticleAdd) (*api.HelpdeskLegacyArticleCreated, error) {
	const op = "addNewHelpdeskLocaleArticle"
	if err := checkPath(op, "website_id", websiteID, "locale", locale); err != nil {
		return nil, err
	}
	if err := checkBody(op, body); err != nil {
		return nil, err
	}
	resp, err := s.c.api.AddNewHelpdeskLocaleArticle(ctx, websiteID, locale, *body)
	return decode[api.HelpdeskLegacyArticleCreated](op, resp, err)
}

// CheckHelpdeskLocaleArticleExists reports whether an article exists in a
// helpdesk locale of the old helpdesk.
//
// Deprecated: use ResolveHelpdeskTreePath instead; the old helpdesk routes
// only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation checkHelpdeskLocaleArticleExists
func (s *WebsiteService) CheckHelpdeskLocaleArticleExists(ctx context.Context, websiteID, locale, articleID string) (bool, error) {
	const op = "checkHelpdeskLocaleArticleExists"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "article_id", articleID); err != nil {
		return false, err
	}
	resp, err := s.c.api.CheckHelpdeskLocaleArticleExists(ctx, websiteID, locale, articleID)
	return exists(op, resp, err)
}

// ResolveHelpdeskLocaleArticle returns an article of a helpdesk locale in
// the old helpdesk, with its content.
//
// Deprecated: use ResolveHelpdeskTreeMetadata and ResolveHelpdeskTreeContent
// instead; the old helpdesk routes only serve workspaces not yet migrated to
// the new Knowledge Base.
//
//crisp:operation resolveHelpdeskLocaleArticle
func (s *WebsiteService) ResolveHelpdeskLocaleArticle(ctx context.Context, websiteID, locale, articleID string) (*api.HelpdeskLegacyArticle, error) {
	const op = "resolveHelpdeskLocaleArticle"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "article_id", articleID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ResolveHelpdeskLocaleArticle(ctx, websiteID, locale, articleID)
	return decode[api.HelpdeskLegacyArticle](op, resp, err)
}

// SaveHelpdeskLocaleArticle saves (fully replaces) the editable fields of
// an article in a helpdesk locale of the old helpdesk; a null or unset
// Description clears the description.
//
// Deprecated: use SaveHelpdeskTreeContent and UpdateHelpdeskTreeMetadata
// instead; the old helpdesk routes only serve workspaces not yet migrated to
// the new Knowledge Base.
//
//crisp:operation saveHelpdeskLocaleArticle
func (s *WebsiteService) SaveHelpdeskLocaleArticle(ctx context.Context, websiteID, locale, articleID string, body *api.HelpdeskLegacyArticleSave) error {
	const op = "saveHelpdeskLocaleArticle"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "article_id", articleID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	b := *body // a copy: the caller's body is not changed
	nullIfUnset(&b.Description)
	resp, err := s.c.api.SaveHelpdeskLocaleArticle(ctx, websiteID, locale, articleID, b)
	return done(op, resp, err)
}

// UpdateHelpdeskLocaleArticle updates some fields of an article in a
// helpdesk locale of the old helpdesk; unset fields are kept, and a null
// Description (nullable.NewNullNullable) clears it.
//
// Deprecated: use UpdateHelpdeskTreeMetadata or SaveHelpdeskTreeContent
// instead; the old helpdesk routes only serve workspaces not yet migrated to
// the new Knowledge Base.
//
//crisp:operation updateHelpdeskLocaleArticle
func (s *WebsiteService) UpdateHelpdeskLocaleArticle(ctx context.Context, websiteID, locale, articleID string, body *api.HelpdeskLegacyArticleUpdate) error {
	const op = "updateHelpdeskLocaleArticle"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "article_id", articleID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.UpdateHelpdeskLocaleArticle(ctx, websiteID, locale, articleID, *body)
	return done(op, resp, err)
}

// DeleteHelpdeskLocaleArticle deletes an article from a helpdesk locale of
// the old helpdesk.
//
// Deprecated: use DeleteHelpdeskTreePath instead; the old helpdesk routes
// only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation deleteHelpdeskLocaleArticle
func (s *WebsiteService) DeleteHelpdeskLocaleArticle(ctx context.Context, websiteID, locale, articleID string) error {
	const op = "deleteHelpdeskLocaleArticle"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "article_id", articleID); err != nil {
		return err
	}
	resp, err := s.c.api.DeleteHelpdeskLocaleArticle(ctx, websiteID, locale, articleID)
	return done(op, resp, err)
}

// ResolveHelpdeskLocaleArticlePage returns the public page (title and URL)
// of an article in a helpdesk locale of the old helpdesk.
//
// Deprecated: use ResolveHelpdeskTreePage instead; the old helpdesk routes
// only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation resolveHelpdeskLocaleArticlePage
func (s *WebsiteService) ResolveHelpdeskLocaleArticlePage(ctx context.Context, websiteID, locale, articleID string) (*api.HelpdeskLegacyArticlePage, error) {
	const op = "resolveHelpdeskLocaleArticlePage"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "article_id", articleID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ResolveHelpdeskLocaleArticlePage(ctx, websiteID, locale, articleID)
	return decode[api.HelpdeskLegacyArticlePage](op, resp, err)
}

// ResolveHelpdeskLocaleArticleCategory returns the category and section an
// article is filed in, in a helpdesk locale of the old helpdesk.
//
// Deprecated: use ResolveHelpdeskTreePath instead; the old helpdesk routes
// only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation resolveHelpdeskLocaleArticleCategory
func (s *WebsiteService) ResolveHelpdeskLocaleArticleCategory(ctx context.Context, websiteID, locale, articleID string) (*api.HelpdeskLegacyArticleCategory, error) {
	const op = "resolveHelpdeskLocaleArticleCategory"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "article_id", articleID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ResolveHelpdeskLocaleArticleCategory(ctx, websiteID, locale, articleID)
	return decode[api.HelpdeskLegacyArticleCategory](op, resp, err)
}

// UpdateHelpdeskLocaleArticleCategory moves an article to another category
// (and optionally section) in a helpdesk locale of the old helpdesk.
//
// Deprecated: use UpdateHelpdeskTreePath instead; the old helpdesk routes
// only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation updateHelpdeskLocaleArticleCategory
func (s *WebsiteService) UpdateHelpdeskLocaleArticleCategory(ctx context.Context, websiteID, locale, articleID string, body *api.HelpdeskLegacyArticleCategoryUpdate) error {
	const op = "updateHelpdeskLocaleArticleCategory"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "article_id", articleID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.UpdateHelpdeskLocaleArticleCategory(ctx, websiteID, locale, articleID, *body)
	return done(op, resp, err)
}

// ListHelpdeskLocaleArticleAlternates returns the translations of an
// article linked in other helpdesk locales of the old helpdesk.
//
// Deprecated: use ResolveHelpdeskTreePath in each locale instead; the old
// helpdesk routes only serve workspaces not yet migrated to the new
// Knowledge Base.
//
//crisp:operation listHelpdeskLocaleArticleAlternates
func (s *WebsiteService) ListHelpdeskLocaleArticleAlternates(ctx context.Context, websiteID, locale, articleID string) ([]api.HelpdeskLegacyArticleAlternate, error) {
	const op = "listHelpdeskLocaleArticleAlternates"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "article_id", articleID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListHelpdeskLocaleArticleAlternates(ctx, websiteID, locale, articleID)
	return decodeList[api.HelpdeskLegacyArticleAlternate](op, resp, err)
}

// CheckHelpdeskLocaleArticleAlternateExists reports whether an article of
// the old helpdesk has a linked translation in the locale localeLinked.
//
// Deprecated: use ResolveHelpdeskTreePath in that locale instead; the old
// helpdesk routes only serve workspaces not yet migrated to the new
// Knowledge Base.
//
//crisp:operation checkHelpdeskLocaleArticleAlternateExists
func (s *WebsiteService) CheckHelpdeskLocaleArticleAlternateExists(ctx context.Context, websiteID, locale, articleID, localeLinked string) (bool, error) {
	const op = "checkHelpdeskLocaleArticleAlternateExists"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "article_id", articleID, "locale_linked", localeLinked); err != nil {
		return false, err
	}
	resp, err := s.c.api.CheckHelpdeskLocaleArticleAlternateExists(ctx, websiteID, locale, articleID, localeLinked)
	return exists(op, resp, err)
}

// ResolveHelpdeskLocaleArticleAlternate returns the translation of an
// article of the old helpdesk linked in the locale localeLinked.
//
// Deprecated: use ResolveHelpdeskTreePath in that locale instead; the old
// helpdesk routes only serve workspaces not yet migrated to the new
// Knowledge Base.
//
//crisp:operation resolveHelpdeskLocaleArticleAlternate
func (s *WebsiteService) ResolveHelpdeskLocaleArticleAlternate(ctx context.Context, websiteID, locale, articleID, localeLinked string) (*api.HelpdeskLegacyArticleAlternate, error) {
	const op = "resolveHelpdeskLocaleArticleAlternate"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "article_id", articleID, "locale_linked", localeLinked); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ResolveHelpdeskLocaleArticleAlternate(ctx, websiteID, locale, articleID, localeLinked)
	return decode[api.HelpdeskLegacyArticleAlternate](op, resp, err)
}

// SaveHelpdeskLocaleArticleAlternate links an article of the old helpdesk
// to its translation in the locale localeLinked.
//
// Deprecated: use CreateHelpdeskTreePath at the same path in that locale
// instead; the old helpdesk routes only serve workspaces not yet migrated to
// the new Knowledge Base.
//
//crisp:operation saveHelpdeskLocaleArticleAlternate
func (s *WebsiteService) SaveHelpdeskLocaleArticleAlternate(ctx context.Context, websiteID, locale, articleID, localeLinked string, body *api.HelpdeskLegacyArticleAlternateSave) error {
	const op = "saveHelpdeskLocaleArticleAlternate"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "article_id", articleID, "locale_linked", localeLinked); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.SaveHelpdeskLocaleArticleAlternate(ctx, websiteID, locale, articleID, localeLinked, *body)
	return done(op, resp, err)
}

// DeleteHelpdeskLocaleArticleAlternate unlinks the translation of an
// article of the old helpdesk in the locale localeLinked.
//
// Deprecated: use DeleteHelpdeskTreePath in that locale instead; the old
// helpdesk routes only serve workspaces not yet migrated to the new
// Knowledge Base.
//
//crisp:operation deleteHelpdeskLocaleArticleAlternate
func (s *WebsiteService) DeleteHelpdeskLocaleArticleAlternate(ctx context.Context, websiteID, locale, articleID, localeLinked string) error {
	const op = "deleteHelpdeskLocaleArticleAlternate"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "article_id", articleID, "locale_linked", localeLinked); err != nil {
		return err
	}
	resp, err := s.c.api.DeleteHelpdeskLocaleArticleAlternate(ctx, websiteID, locale, articleID, localeLinked)
	return done(op, resp, err)
}

// PublishHelpdeskLocaleArticle publishes an article of a helpdesk locale in
// the old helpdesk and returns its public URL.
//
// Deprecated: use UpdateHelpdeskTreeMetadata with state.published instead;
// the old helpdesk routes only serve workspaces not yet migrated to the new
// Knowledge Base.
//
//crisp:operation publishHelpdeskLocaleArticle
func (s *WebsiteService) PublishHelpdeskLocaleArticle(ctx context.Context, websiteID, locale, articleID string) (*api.HelpdeskLegacyArticlePublished, error) {
	const op = "publishHelpdeskLocaleArticle"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "article_id", articleID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.PublishHelpdeskLocaleArticle(ctx, websiteID, locale, articleID)
	return decode[api.HelpdeskLegacyArticlePublished](op, resp, err)
}

// UnpublishHelpdeskLocaleArticle unpublishes an article of a helpdesk
// locale in the old helpdesk, turning it back into a draft.
//
// Deprecated: use UpdateHelpdeskTreeMetadata with state.published instead;
// the old helpdesk routes only serve workspaces not yet migrated to the new
// Knowledge Base.
//
//crisp:operation unpublishHelpdeskLocaleArticle
func (s *WebsiteService) UnpublishHelpdeskLocaleArticle(ctx context.Context, websiteID, locale, articleID string) error {
	const op = "unpublishHelpdeskLocaleArticle"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "article_id", articleID); err != nil {
		return err
	}
	resp, err := s.c.api.UnpublishHelpdeskLocaleArticle(ctx, websiteID, locale, articleID)
	return done(op, resp, err)
}

// ListHelpdeskLocaleCategories returns one page (1-based) of the
// categories of a helpdesk locale in the old helpdesk.
//
// Deprecated: use ListHelpdeskTree instead; the old helpdesk routes only
// serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation listHelpdeskLocaleCategories
func (s *WebsiteService) ListHelpdeskLocaleCategories(ctx context.Context, websiteID, locale string, page int) ([]api.HelpdeskLegacyCategory, error) {
	const op = "listHelpdeskLocaleCategories"
	if err := checkPath(op, "website_id", websiteID, "locale", locale); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListHelpdeskLocaleCategories(ctx, websiteID, locale, page)
	return decodeList[api.HelpdeskLegacyCategory](op, resp, err)
}

// ListHelpdeskLocaleCategoriesIter walks every page of
// ListHelpdeskLocaleCategories and yields the categories one by one; it
// stops at the first error, which it yields.
//
// Deprecated: use ListHelpdeskTreeIter instead; the old helpdesk routes only
// serve workspaces not yet migrated to the new Knowledge Base.
func (s *WebsiteService) ListHelpdeskLocaleCategoriesIter(ctx context.Context, websiteID, locale string) iter.Seq2[api.HelpdeskLegacyCategory, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.HelpdeskLegacyCategory, error) {
		return s.ListHelpdeskLocaleCategories(ctx, websiteID, locale, page)
	})
}

// AddHelpdeskLocaleCategory adds a category to a helpdesk locale in the old
// helpdesk and returns its identifier.
//
// Deprecated: use CreateHelpdeskTreePath instead; the old helpdesk routes
// only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation addHelpdeskLocaleCategory
func (s *WebsiteService) AddHelpdeskLocaleCategory(ctx context.Context, websiteID, locale string, body *api.HelpdeskLegacyCategoryAdd) (*api.HelpdeskLegacyCategoryCreated, error) {
	const op = "addHelpdeskLocaleCategory"
	if err := checkPath(op, "website_id", websiteID, "locale", locale); err != nil {
		return nil, err
	}
	if err := checkBody(op, body); err != nil {
		return nil, err
	}
	resp, err := s.c.api.AddHelpdeskLocaleCategory(ctx, websiteID, locale, *body)
	return decode[api.HelpdeskLegacyCategoryCreated](op, resp, err)
}

// CheckHelpdeskLocaleCategoryExists reports whether a category exists in a
// helpdesk locale of the old helpdesk.
//
// Deprecated: use ResolveHelpdeskTreePath instead; the old helpdesk routes
// only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation checkHelpdeskLocaleCategoryExists
func (s *WebsiteService) CheckHelpdeskLocaleCategoryExists(ctx context.Context, websiteID, locale, categoryID string) (bool, error) {
	const op = "checkHelpdeskLocaleCategoryExists"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "category_id", categoryID); err != nil {
		return false, err
	}
	resp, err := s.c.api.CheckHelpdeskLocaleCategoryExists(ctx, websiteID, locale, categoryID)
	return exists(op, resp, err)
}

// ResolveHelpdeskLocaleCategory returns a category of a helpdesk locale in
// the old helpdesk.
//
// Deprecated: use ResolveHelpdeskTreeMetadata instead; the old helpdesk
// routes only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation resolveHelpdeskLocaleCategory
func (s *WebsiteService) ResolveHelpdeskLocaleCategory(ctx context.Context, websiteID, locale, categoryID string) (*api.HelpdeskLegacyCategory, error) {
	const op = "resolveHelpdeskLocaleCategory"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "category_id", categoryID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ResolveHelpdeskLocaleCategory(ctx, websiteID, locale, categoryID)
	return decode[api.HelpdeskLegacyCategory](op, resp, err)
}

// SaveHelpdeskLocaleCategory saves (fully replaces) the editable fields of
// a category in a helpdesk locale of the old helpdesk; a null or unset
// Description or Image clears it.
//
// Deprecated: use UpdateHelpdeskTreeMetadata instead; the old helpdesk
// routes only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation saveHelpdeskLocaleCategory
func (s *WebsiteService) SaveHelpdeskLocaleCategory(ctx context.Context, websiteID, locale, categoryID string, body *api.HelpdeskLegacyCategorySave) error {
	const op = "saveHelpdeskLocaleCategory"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "category_id", categoryID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	b := *body // a copy: the caller's body is not changed
	nullIfUnset(&b.Description)
	nullIfUnset(&b.Image)
	resp, err := s.c.api.SaveHelpdeskLocaleCategory(ctx, websiteID, locale, categoryID, b)
	return done(op, resp, err)
}

// UpdateHelpdeskLocaleCategory updates some fields of a category in a
// helpdesk locale of the old helpdesk; unset fields are kept, and a null
// Description or Image (nullable.NewNullNullable) clears it.
//
// Deprecated: use UpdateHelpdeskTreeMetadata instead; the old helpdesk
// routes only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation updateHelpdeskLocaleCategory
func (s *WebsiteService) UpdateHelpdeskLocaleCategory(ctx context.Context, websiteID, locale, categoryID string, body *api.HelpdeskLegacyCategoryUpdate) error {
	const op = "updateHelpdeskLocaleCategory"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "category_id", categoryID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.UpdateHelpdeskLocaleCategory(ctx, websiteID, locale, categoryID, *body)
	return done(op, resp, err)
}

// DeleteHelpdeskLocaleCategory deletes a category from a helpdesk locale of
// the old helpdesk.
//
// Deprecated: use DeleteHelpdeskTreePath instead; the old helpdesk routes
// only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation deleteHelpdeskLocaleCategory
func (s *WebsiteService) DeleteHelpdeskLocaleCategory(ctx context.Context, websiteID, locale, categoryID string) error {
	const op = "deleteHelpdeskLocaleCategory"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "category_id", categoryID); err != nil {
		return err
	}
	resp, err := s.c.api.DeleteHelpdeskLocaleCategory(ctx, websiteID, locale, categoryID)
	return done(op, resp, err)
}

// ListHelpdeskLocaleSections returns one page (1-based) of the sections of
// a category in a helpdesk locale of the old helpdesk.
//
// Deprecated: use ListHelpdeskTree with a sub_path instead; the old helpdesk
// routes only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation listHelpdeskLocaleSections
func (s *WebsiteService) ListHelpdeskLocaleSections(ctx context.Context, websiteID, locale, categoryID string, page int) ([]api.HelpdeskLegacySection, error) {
	const op = "listHelpdeskLocaleSections"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "category_id", categoryID); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListHelpdeskLocaleSections(ctx, websiteID, locale, categoryID, page)
	return decodeList[api.HelpdeskLegacySection](op, resp, err)
}

// ListHelpdeskLocaleSectionsIter walks every page of
// ListHelpdeskLocaleSections and yields the sections one by one; it stops
// at the first error, which it yields.
//
// Deprecated: use ListHelpdeskTreeIter with a sub_path instead; the old
// helpdesk routes only serve workspaces not yet migrated to the new
// Knowledge Base.
func (s *WebsiteService) ListHelpdeskLocaleSectionsIter(ctx context.Context, websiteID, locale, categoryID string) iter.Seq2[api.HelpdeskLegacySection, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.HelpdeskLegacySection, error) {
		return s.ListHelpdeskLocaleSections(ctx, websiteID, locale, categoryID, page)
	})
}

// AddHelpdeskLocaleSection adds a section to a category in a helpdesk
// locale of the old helpdesk and returns its identifier.
//
// Deprecated: use CreateHelpdeskTreePath instead; the old helpdesk routes
// only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation addHelpdeskLocaleSection
func (s *WebsiteService) AddHelpdeskLocaleSection(ctx context.Context, websiteID, locale, categoryID string, body *api.HelpdeskLegacySectionAdd) (*api.HelpdeskLegacySectionCreated, error) {
	const op = "addHelpdeskLocaleSection"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "category_id", categoryID); err != nil {
		return nil, err
	}
	if err := checkBody(op, body); err != nil {
		return nil, err
	}
	resp, err := s.c.api.AddHelpdeskLocaleSection(ctx, websiteID, locale, categoryID, *body)
	return decode[api.HelpdeskLegacySectionCreated](op, resp, err)
}

// CheckHelpdeskLocaleSectionExists reports whether a section exists in a
// category of a helpdesk locale in the old helpdesk.
//
// Deprecated: use ResolveHelpdeskTreePath instead; the old helpdesk routes
// only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation checkHelpdeskLocaleSectionExists
func (s *WebsiteService) CheckHelpdeskLocaleSectionExists(ctx context.Context, websiteID, locale, categoryID, sectionID string) (bool, error) {
	const op = "checkHelpdeskLocaleSectionExists"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "category_id", categoryID, "section_id", sectionID); err != nil {
		return false, err
	}
	resp, err := s.c.api.CheckHelpdeskLocaleSectionExists(ctx, websiteID, locale, categoryID, sectionID)
	return exists(op, resp, err)
}

// ResolveHelpdeskLocaleSection returns a section of a category in a
// helpdesk locale of the old helpdesk.
//
// Deprecated: use ResolveHelpdeskTreeMetadata instead; the old helpdesk
// routes only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation resolveHelpdeskLocaleSection
func (s *WebsiteService) ResolveHelpdeskLocaleSection(ctx context.Context, websiteID, locale, categoryID, sectionID string) (*api.HelpdeskLegacySection, error) {
	const op = "resolveHelpdeskLocaleSection"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "category_id", categoryID, "section_id", sectionID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ResolveHelpdeskLocaleSection(ctx, websiteID, locale, categoryID, sectionID)
	return decode[api.HelpdeskLegacySection](op, resp, err)
}

// SaveHelpdeskLocaleSection saves (fully replaces) the editable fields of a
// section in a helpdesk locale of the old helpdesk.
//
// Deprecated: use UpdateHelpdeskTreeMetadata instead; the old helpdesk
// routes only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation saveHelpdeskLocaleSection
func (s *WebsiteService) SaveHelpdeskLocaleSection(ctx context.Context, websiteID, locale, categoryID, sectionID string, body *api.HelpdeskLegacySectionSave) error {
	const op = "saveHelpdeskLocaleSection"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "category_id", categoryID, "section_id", sectionID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.SaveHelpdeskLocaleSection(ctx, websiteID, locale, categoryID, sectionID, *body)
	return done(op, resp, err)
}

// UpdateHelpdeskLocaleSection updates some fields of a section in a
// helpdesk locale of the old helpdesk; nil fields are kept.
//
// Deprecated: use UpdateHelpdeskTreeMetadata (or UpdateHelpdeskTreePath to
// move it) instead; the old helpdesk routes only serve workspaces not yet
// migrated to the new Knowledge Base.
//
//crisp:operation updateHelpdeskLocaleSection
func (s *WebsiteService) UpdateHelpdeskLocaleSection(ctx context.Context, websiteID, locale, categoryID, sectionID string, body *api.HelpdeskLegacySectionUpdate) error {
	const op = "updateHelpdeskLocaleSection"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "category_id", categoryID, "section_id", sectionID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.UpdateHelpdeskLocaleSection(ctx, websiteID, locale, categoryID, sectionID, *body)
	return done(op, resp, err)
}

// DeleteHelpdeskLocaleSection deletes a section from a category in a
// helpdesk locale of the old helpdesk.
//
// Deprecated: use DeleteHelpdeskTreePath instead; the old helpdesk routes
// only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation deleteHelpdeskLocaleSection
func (s *WebsiteService) DeleteHelpdeskLocaleSection(ctx context.Context, websiteID, locale, categoryID, sectionID string) error {
	const op = "deleteHelpdeskLocaleSection"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "category_id", categoryID, "section_id", sectionID); err != nil {
		return err
	}
	resp, err := s.c.api.DeleteHelpdeskLocaleSection(ctx, websiteID, locale, categoryID, sectionID)
	return done(op, resp, err)
}

// MapHelpdeskLocaleFeedbackRatingsLegacy counts the helpful and unhelpful
// article ratings of a helpdesk locale in the old helpdesk, optionally
// between two dates (params may be nil).
//
// Deprecated: use MapHelpdeskLocaleFeedbackRatings instead; the old helpdesk
// routes only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation mapHelpdeskLocaleFeedbackRatingsLegacy
func (s *WebsiteService) MapHelpdeskLocaleFeedbackRatingsLegacy(ctx context.Context, websiteID, locale string, params *api.MapHelpdeskLocaleFeedbackRatingsLegacyParams) (*api.HelpdeskLegacyFeedbackRatings, error) {
	const op = "mapHelpdeskLocaleFeedbackRatingsLegacy"
	if err := checkPath(op, "website_id", websiteID, "locale", locale); err != nil {
		return nil, err
	}
	resp, err := s.c.api.MapHelpdeskLocaleFeedbackRatingsLegacy(ctx, websiteID, locale, params)
	return decode[api.HelpdeskLegacyFeedbackRatings](op, resp, err)
}

// ListHelpdeskLocaleFeedbacksLegacy returns one page (1-based) of the
// article feedbacks left by readers of a helpdesk locale in the old
// helpdesk, optionally between two dates (params may be nil).
//
// Deprecated: use ListHelpdeskLocaleFeedbacks instead; the old helpdesk
// routes only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation listHelpdeskLocaleFeedbacksLegacy
func (s *WebsiteService) ListHelpdeskLocaleFeedbacksLegacy(ctx context.Context, websiteID, locale string, page int, params *api.ListHelpdeskLocaleFeedbacksLegacyParams) ([]api.HelpdeskLegacyFeedback, error) {
	const op = "listHelpdeskLocaleFeedbacksLegacy"
	if err := checkPath(op, "website_id", websiteID, "locale", locale); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListHelpdeskLocaleFeedbacksLegacy(ctx, websiteID, locale, page, params)
	return decodeList[api.HelpdeskLegacyFeedback](op, resp, err)
}

// ListHelpdeskLocaleFeedbacksLegacyIter walks every page of
// ListHelpdeskLocaleFeedbacksLegacy and yields the feedbacks one by one; it
// stops at the first error, which it yields.
//
// Deprecated: use ListHelpdeskLocaleFeedbacksIter instead; the old helpdesk
// routes only serve workspaces not yet migrated to the new Knowledge Base.
func (s *WebsiteService) ListHelpdeskLocaleFeedbacksLegacyIter(ctx context.Context, websiteID, locale string, params *api.ListHelpdeskLocaleFeedbacksLegacyParams) iter.Seq2[api.HelpdeskLegacyFeedback, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.HelpdeskLegacyFeedback, error) {
		return s.ListHelpdeskLocaleFeedbacksLegacy(ctx, websiteID, locale, page, params)
	})
}

// ImportExternalHelpdeskToLocaleLegacy starts importing the articles of an
// external helpdesk into a helpdesk locale of the old helpdesk; the import
// runs in the background.
//
// Deprecated: use ImportExternalHelpdeskToLocale instead; the old helpdesk
// routes only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation importExternalHelpdeskToLocaleLegacy
func (s *WebsiteService) ImportExternalHelpdeskToLocaleLegacy(ctx context.Context, websiteID, locale string, body *api.HelpdeskLegacyImport) error {
	const op = "importExternalHelpdeskToLocaleLegacy"
	if err := checkPath(op, "website_id", websiteID, "locale", locale); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.ImportExternalHelpdeskToLocaleLegacy(ctx, websiteID, locale, *body)
	return done(op, resp, err)
}

// ExportHelpdeskLocaleArticlesLegacy starts exporting the articles of a
// helpdesk locale in the old helpdesk; Crisp sends the archive by email.
//
// Deprecated: use ExportHelpdeskLocaleArticles instead; the old helpdesk
// routes only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation exportHelpdeskLocaleArticlesLegacy
func (s *WebsiteService) ExportHelpdeskLocaleArticlesLegacy(ctx context.Context, websiteID, locale string) error {
	const op = "exportHelpdeskLocaleArticlesLegacy"
	if err := checkPath(op, "website_id", websiteID, "locale", locale); err != nil {
		return err
	}
	resp, err := s.c.api.ExportHelpdeskLocaleArticlesLegacy(ctx, websiteID, locale)
	return done(op, resp, err)
}
