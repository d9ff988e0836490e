package crisp

import (
	"context"
	"iter"
	"time"

	"github.com/crisp-go/crisp-go/api"
)

// ListPeopleProfilesOptions sorts, searches and filters ListPeopleProfiles.
// The zero value lists the profiles in Crisp's default order.
type ListPeopleProfilesOptions struct {
	// PerPage is the page size, 20 to 50 (0 means Crisp's default, 20).
	PerPage int
	// SortField is the profile field to sort on, such as "nickname";
	// SortOrder is ascending or descending.
	SortField string
	SortOrder api.PeopleSortOrder
	// SearchFilters lists the profiles matching filters (sent as the
	// JSON-encoded search_filter); SearchOperator ("and", the default, or
	// "or") combines them.
	SearchFilters  []api.PeopleFilter
	SearchOperator api.PeopleSearchOperator
	// SearchText searches the profiles for text (name, email, ...).
	SearchText string
	// FilterDateStart and FilterDateEnd bound the profiles' creation dates.
	FilterDateStart, FilterDateEnd time.Time
}

// params builds the generated query parameters.
func (o *ListPeopleProfilesOptions) params(op string) (*api.ListPeopleProfilesParams, error) {
	if o == nil {
		return nil, nil
	}
	if o.PerPage != 0 && (o.PerPage < 20 || o.PerPage > 50) {
		return nil, invalidArg(op, "PerPage must be between 20 and 50, got %d", o.PerPage)
	}
	p := &api.ListPeopleProfilesParams{
		PerPage:         optInt(o.PerPage),
		SortField:       optString(o.SortField),
		SortOrder:       optString(o.SortOrder),
		SearchOperator:  optString(o.SearchOperator),
		SearchText:      optString(o.SearchText),
		FilterDateStart: optTime(o.FilterDateStart),
		FilterDateEnd:   optTime(o.FilterDateEnd),
	}
	if len(o.SearchFilters) > 0 {
		p.SearchFilter = o.SearchFilters
	}
	return p, nil
}

func (o *ListPeopleProfilesOptions) perPage() int {
	if o == nil || o.PerPage == 0 {
		return 20
	}
	return o.PerPage
}

// ListPeopleProfiles returns one page (1-based) of the people profiles of
// a website, sorted, searched and filtered by opts (which may be nil).
//
//crisp:operation listPeopleProfiles
func (s *WebsiteService) ListPeopleProfiles(ctx context.Context, websiteID string, page int, opts *ListPeopleProfilesOptions) ([]api.PeopleProfile, error) {
	return listWebsitePageWith[api.PeopleProfile](ctx, "listPeopleProfiles", websiteID, page, opts.params, s.c.api.ListPeopleProfiles)
}

// ListPeopleProfilesIter walks every page of ListPeopleProfiles and yields
// the profiles one by one; it stops at the first error, which it yields.
func (s *WebsiteService) ListPeopleProfilesIter(ctx context.Context, websiteID string, opts *ListPeopleProfilesOptions) iter.Seq2[api.PeopleProfile, error] {
	return pages(ctx, opts.perPage(), func(ctx context.Context, page int) ([]api.PeopleProfile, error) {
		return s.ListPeopleProfiles(ctx, websiteID, page, opts)
	})
}

// AddPeopleEventText is AddPeopleEvent with the event given directly: its
// text, its custom data (nil for none) and its color ("" for Crisp's
// default).
func (s *WebsiteService) AddPeopleEventText(ctx context.Context, websiteID, peopleID, text string, data map[string]any, color api.PeopleEventColor) error {
	if text == "" {
		return invalidArg("addPeopleEvent", "text must not be empty")
	}
	return s.AddPeopleEvent(ctx, websiteID, peopleID, &api.PeopleEventNew{Text: text, Data: data, Color: optString(color)})
}

// SetPeopleEmailSubscription is UpdatePeopleSubscriptionStatus with the
// status given directly: true subscribes the profile to emails, false
// unsubscribes it.
func (s *WebsiteService) SetPeopleEmailSubscription(ctx context.Context, websiteID, peopleID string, email bool) error {
	return s.UpdatePeopleSubscriptionStatus(ctx, websiteID, peopleID, &api.PeopleSubscriptionUpdate{Email: email})
}
