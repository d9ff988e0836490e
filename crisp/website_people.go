package crisp

import (
	"context"
	"iter"
	"time"

	"github.com/crisp-go/crisp-go/api"
)

// GetPeopleStatistics returns statistics on the people profiles of a
// website, such as their total number.
//
//crisp:operation getPeopleStatistics
func (s *WebsiteService) GetPeopleStatistics(ctx context.Context, websiteID string) (*api.PeopleStatistics, error) {
	const op = "getPeopleStatistics"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetPeopleStatistics(ctx, websiteID)
	return decode[api.PeopleStatistics](op, resp, err)
}

// ListSuggestedPeopleSegments returns one page of the segments in use on
// the people profiles of a website, with how many profiles carry each.
//
//crisp:operation listSuggestedPeopleSegments
func (s *WebsiteService) ListSuggestedPeopleSegments(ctx context.Context, websiteID string, page int) ([]api.PeopleSuggestedSegment, error) {
	return listWebsitePage[api.PeopleSuggestedSegment](ctx, "listSuggestedPeopleSegments", websiteID, page, s.c.api.ListSuggestedPeopleSegments)
}

// ListSuggestedPeopleSegmentsIter walks every page of
// ListSuggestedPeopleSegments.
func (s *WebsiteService) ListSuggestedPeopleSegmentsIter(ctx context.Context, websiteID string) iter.Seq2[api.PeopleSuggestedSegment, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.PeopleSuggestedSegment, error) {
		return s.ListSuggestedPeopleSegments(ctx, websiteID, page)
	})
}

// DeleteSuggestedPeopleSegment removes a segment from the people segment
// suggestions of a website.
//
//crisp:operation deleteSuggestedPeopleSegment
func (s *WebsiteService) DeleteSuggestedPeopleSegment(ctx context.Context, websiteID string, body *api.PeopleSuggestedSegmentDelete) error {
	const op = "deleteSuggestedPeopleSegment"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.DeleteSuggestedPeopleSegment(ctx, websiteID, *body)
	return done(op, resp, err)
}

// ListSuggestedPeopleDataKeys returns one page of the custom data keys in
// use on the people profiles of a website, with how many profiles carry
// each.
//
//crisp:operation listSuggestedPeopleDataKeys
func (s *WebsiteService) ListSuggestedPeopleDataKeys(ctx context.Context, websiteID string, page int) ([]api.PeopleSuggestedDataKey, error) {
	return listWebsitePage[api.PeopleSuggestedDataKey](ctx, "listSuggestedPeopleDataKeys", websiteID, page, s.c.api.ListSuggestedPeopleDataKeys)
}

// ListSuggestedPeopleDataKeysIter walks every page of
// ListSuggestedPeopleDataKeys.
func (s *WebsiteService) ListSuggestedPeopleDataKeysIter(ctx context.Context, websiteID string) iter.Seq2[api.PeopleSuggestedDataKey, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.PeopleSuggestedDataKey, error) {
		return s.ListSuggestedPeopleDataKeys(ctx, websiteID, page)
	})
}

// DeleteSuggestedPeopleDataKey removes a custom data key from the people
// data key suggestions of a website.
//
//crisp:operation deleteSuggestedPeopleDataKey
func (s *WebsiteService) DeleteSuggestedPeopleDataKey(ctx context.Context, websiteID string, body *api.PeopleSuggestedDataKeyDelete) error {
	const op = "deleteSuggestedPeopleDataKey"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.DeleteSuggestedPeopleDataKey(ctx, websiteID, *body)
	return done(op, resp, err)
}

// ListSuggestedPeopleEvents returns one page of the event texts in use on
// the people profiles of a website, with how many times each occurs.
//
//crisp:operation listSuggestedPeopleEvents
func (s *WebsiteService) ListSuggestedPeopleEvents(ctx context.Context, websiteID string, page int) ([]api.PeopleSuggestedEvent, error) {
	return listWebsitePage[api.PeopleSuggestedEvent](ctx, "listSuggestedPeopleEvents", websiteID, page, s.c.api.ListSuggestedPeopleEvents)
}

// ListSuggestedPeopleEventsIter walks every page of
// ListSuggestedPeopleEvents.
func (s *WebsiteService) ListSuggestedPeopleEventsIter(ctx context.Context, websiteID string) iter.Seq2[api.PeopleSuggestedEvent, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.PeopleSuggestedEvent, error) {
		return s.ListSuggestedPeopleEvents(ctx, websiteID, page)
	})
}

// DeleteSuggestedPeopleEvent removes an event text from the people event
// suggestions of a website.
//
//crisp:operation deleteSuggestedPeopleEvent
func (s *WebsiteService) DeleteSuggestedPeopleEvent(ctx context.Context, websiteID string, body *api.PeopleSuggestedEventDelete) error {
	const op = "deleteSuggestedPeopleEvent"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.DeleteSuggestedPeopleEvent(ctx, websiteID, *body)
	return done(op, resp, err)
}

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

// AddNewPeopleProfile adds a people profile to a website and returns its
// identifier.
//
//crisp:operation addNewPeopleProfile
func (s *WebsiteService) AddNewPeopleProfile(ctx context.Context, websiteID string, body *api.PeopleProfileNew) (*api.PeopleProfileCreated, error) {
	const op = "addNewPeopleProfile"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	if err := checkBody(op, body); err != nil {
		return nil, err
	}
	resp, err := s.c.api.AddNewPeopleProfile(ctx, websiteID, *body)
	return decode[api.PeopleProfileCreated](op, resp, err)
}

// CheckPeopleProfileExists reports whether a people profile exists;
// peopleID is a people ID or an email address.
//
//crisp:operation checkPeopleProfileExists
func (s *WebsiteService) CheckPeopleProfileExists(ctx context.Context, websiteID, peopleID string) (bool, error) {
	const op = "checkPeopleProfileExists"
	if err := checkPath(op, "website_id", websiteID, "people_id", peopleID); err != nil {
		return false, err
	}
	resp, err := s.c.api.CheckPeopleProfileExists(ctx, websiteID, peopleID)
	return exists(op, resp, err)
}

// GetPeopleProfile returns a people profile; peopleID is a people ID or an
// email address.
//
//crisp:operation getPeopleProfile
func (s *WebsiteService) GetPeopleProfile(ctx context.Context, websiteID, peopleID string) (*api.PeopleProfile, error) {
	const op = "getPeopleProfile"
	if err := checkPath(op, "website_id", websiteID, "people_id", peopleID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetPeopleProfile(ctx, websiteID, peopleID)
	return decode[api.PeopleProfile](op, resp, err)
}

// SavePeopleProfile saves a people profile, replacing all of its previous
// information; peopleID is a people ID or an email address.
//
//crisp:operation savePeopleProfile
func (s *WebsiteService) SavePeopleProfile(ctx context.Context, websiteID, peopleID string, body *api.PeopleProfileUpdate) error {
	const op = "savePeopleProfile"
	if err := checkPath(op, "website_id", websiteID, "people_id", peopleID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.SavePeopleProfile(ctx, websiteID, peopleID, *body)
	return done(op, resp, err)
}

// UpdatePeopleProfile updates a people profile, changing only the fields
// given; peopleID is a people ID or an email address.
//
//crisp:operation updatePeopleProfile
func (s *WebsiteService) UpdatePeopleProfile(ctx context.Context, websiteID, peopleID string, body *api.PeopleProfileUpdate) error {
	const op = "updatePeopleProfile"
	if err := checkPath(op, "website_id", websiteID, "people_id", peopleID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.UpdatePeopleProfile(ctx, websiteID, peopleID, *body)
	return done(op, resp, err)
}

// RemovePeopleProfile removes a people profile from a website; peopleID is
// a people ID or an email address.
//
//crisp:operation removePeopleProfile
func (s *WebsiteService) RemovePeopleProfile(ctx context.Context, websiteID, peopleID string) error {
	const op = "removePeopleProfile"
	if err := checkPath(op, "website_id", websiteID, "people_id", peopleID); err != nil {
		return err
	}
	resp, err := s.c.api.RemovePeopleProfile(ctx, websiteID, peopleID)
	return done(op, resp, err)
}

// ListPeopleConversationsOptions filters ListPeopleConversations. The zero
// value lists every conversation of the profile.
type ListPeopleConversationsOptions struct {
	// FilterUnread lists conversations with unread messages.
	FilterUnread bool
	// FilterResolved and FilterNotResolved filter on the resolved state.
	FilterResolved, FilterNotResolved bool
}

// params builds the generated query parameters.
func (o *ListPeopleConversationsOptions) params() *api.ListPeopleConversationsParams {
	if o == nil {
		return nil
	}
	return &api.ListPeopleConversationsParams{
		FilterUnread:      flag(o.FilterUnread),
		FilterResolved:    flag(o.FilterResolved),
		FilterNotResolved: flag(o.FilterNotResolved),
	}
}

// ListPeopleConversations returns one page of the session IDs of the
// conversations linked to a people profile (a people ID or an email
// address), filtered by opts (which may be nil).
//
//crisp:operation listPeopleConversations
func (s *WebsiteService) ListPeopleConversations(ctx context.Context, websiteID, peopleID string, page int, opts *ListPeopleConversationsOptions) ([]string, error) {
	const op = "listPeopleConversations"
	if err := checkPath(op, "website_id", websiteID, "people_id", peopleID); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListPeopleConversations(ctx, websiteID, peopleID, page, opts.params())
	return decodeList[string](op, resp, err)
}

// ListPeopleConversationsIter walks every page of ListPeopleConversations
// and yields the session IDs one by one.
func (s *WebsiteService) ListPeopleConversationsIter(ctx context.Context, websiteID, peopleID string, opts *ListPeopleConversationsOptions) iter.Seq2[string, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]string, error) {
		return s.ListPeopleConversations(ctx, websiteID, peopleID, page, opts)
	})
}

// ListPeopleCampaigns returns one page of the campaigns a people profile
// (a people ID or an email address) received, with what the recipient did
// with each one.
//
//crisp:operation listPeopleCampaigns
func (s *WebsiteService) ListPeopleCampaigns(ctx context.Context, websiteID, peopleID string, page int) ([]api.PeopleCampaign, error) {
	const op = "listPeopleCampaigns"
	if err := checkPath(op, "website_id", websiteID, "people_id", peopleID); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListPeopleCampaigns(ctx, websiteID, peopleID, page)
	return decodeList[api.PeopleCampaign](op, resp, err)
}

// ListPeopleCampaignsIter walks every page of ListPeopleCampaigns.
func (s *WebsiteService) ListPeopleCampaignsIter(ctx context.Context, websiteID, peopleID string) iter.Seq2[api.PeopleCampaign, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.PeopleCampaign, error) {
		return s.ListPeopleCampaigns(ctx, websiteID, peopleID, page)
	})
}

// AddPeopleEvent adds an event (a text, optional custom data and a color)
// to the timeline of a people profile (a people ID or an email address).
//
//crisp:operation addPeopleEvent
func (s *WebsiteService) AddPeopleEvent(ctx context.Context, websiteID, peopleID string, body *api.PeopleEventNew) error {
	const op = "addPeopleEvent"
	if err := checkPath(op, "website_id", websiteID, "people_id", peopleID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.AddPeopleEvent(ctx, websiteID, peopleID, *body)
	return done(op, resp, err)
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

// ListPeopleEvents returns one page of the events of a people profile (a
// people ID or an email address), newest first.
//
//crisp:operation listPeopleEvents
func (s *WebsiteService) ListPeopleEvents(ctx context.Context, websiteID, peopleID string, page int) ([]api.PeopleEvent, error) {
	const op = "listPeopleEvents"
	if err := checkPath(op, "website_id", websiteID, "people_id", peopleID); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListPeopleEvents(ctx, websiteID, peopleID, page)
	return decodeList[api.PeopleEvent](op, resp, err)
}

// ListPeopleEventsIter walks every page of ListPeopleEvents.
func (s *WebsiteService) ListPeopleEventsIter(ctx context.Context, websiteID, peopleID string) iter.Seq2[api.PeopleEvent, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.PeopleEvent, error) {
		return s.ListPeopleEvents(ctx, websiteID, peopleID, page)
	})
}

// GetPeopleData returns the custom data stored on a people profile (a
// people ID or an email address).
//
//crisp:operation getPeopleData
func (s *WebsiteService) GetPeopleData(ctx context.Context, websiteID, peopleID string) (*api.PeopleData, error) {
	const op = "getPeopleData"
	if err := checkPath(op, "website_id", websiteID, "people_id", peopleID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetPeopleData(ctx, websiteID, peopleID)
	return decode[api.PeopleData](op, resp, err)
}

// SavePeopleData saves the custom data of a people profile (a people ID or
// an email address), replacing all previous keys.
//
//crisp:operation savePeopleData
func (s *WebsiteService) SavePeopleData(ctx context.Context, websiteID, peopleID string, body *api.PeopleData) error {
	const op = "savePeopleData"
	if err := checkPath(op, "website_id", websiteID, "people_id", peopleID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.SavePeopleData(ctx, websiteID, peopleID, *body)
	return done(op, resp, err)
}

// UpdatePeopleData updates the custom data of a people profile (a people
// ID or an email address), changing only the keys given.
//
//crisp:operation updatePeopleData
func (s *WebsiteService) UpdatePeopleData(ctx context.Context, websiteID, peopleID string, body *api.PeopleData) error {
	const op = "updatePeopleData"
	if err := checkPath(op, "website_id", websiteID, "people_id", peopleID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.UpdatePeopleData(ctx, websiteID, peopleID, *body)
	return done(op, resp, err)
}

// GetPeopleSubscriptionStatus returns whether a people profile (a people
// ID or an email address) is subscribed to emails (campaigns).
//
//crisp:operation getPeopleSubscriptionStatus
func (s *WebsiteService) GetPeopleSubscriptionStatus(ctx context.Context, websiteID, peopleID string) (*api.PeopleSubscription, error) {
	const op = "getPeopleSubscriptionStatus"
	if err := checkPath(op, "website_id", websiteID, "people_id", peopleID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetPeopleSubscriptionStatus(ctx, websiteID, peopleID)
	return decode[api.PeopleSubscription](op, resp, err)
}

// UpdatePeopleSubscriptionStatus subscribes a people profile (a people ID
// or an email address) to emails (campaigns), or unsubscribes it.
//
//crisp:operation updatePeopleSubscriptionStatus
func (s *WebsiteService) UpdatePeopleSubscriptionStatus(ctx context.Context, websiteID, peopleID string, body *api.PeopleSubscriptionUpdate) error {
	const op = "updatePeopleSubscriptionStatus"
	if err := checkPath(op, "website_id", websiteID, "people_id", peopleID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.UpdatePeopleSubscriptionStatus(ctx, websiteID, peopleID, *body)
	return done(op, resp, err)
}

// SetPeopleEmailSubscription is UpdatePeopleSubscriptionStatus with the
// status given directly: true subscribes the profile to emails, false
// unsubscribes it.
func (s *WebsiteService) SetPeopleEmailSubscription(ctx context.Context, websiteID, peopleID string, email bool) error {
	return s.UpdatePeopleSubscriptionStatus(ctx, websiteID, peopleID, &api.PeopleSubscriptionUpdate{Email: email})
}

// ExportPeopleProfiles starts an export of all the people profiles of a
// website; Crisp emails the export file to the requesting user.
//
//crisp:operation exportPeopleProfiles
func (s *WebsiteService) ExportPeopleProfiles(ctx context.Context, websiteID string) error {
	const op = "exportPeopleProfiles"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	resp, err := s.c.api.ExportPeopleProfiles(ctx, websiteID)
	return done(op, resp, err)
}

// ImportPeopleProfiles starts an import of people profiles from a CSV file
// uploaded beforehand and returns the import identifier.
//
//crisp:operation importPeopleProfiles
func (s *WebsiteService) ImportPeopleProfiles(ctx context.Context, websiteID string, body *api.PeopleImportSetup) (*api.PeopleImport, error) {
	const op = "importPeopleProfiles"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	if err := checkBody(op, body); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ImportPeopleProfiles(ctx, websiteID, *body)
	return decode[api.PeopleImport](op, resp, err)
}
