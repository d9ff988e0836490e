package crisp

import (
	"context"
	"encoding/json"
	"iter"
	"time"

	"github.com/crisp-go/crisp-go/api"
)

// ListConversationsOptions filters and orders ListConversations. The zero
// value lists the most recently updated conversations with messages.
type ListConversationsOptions struct {
	// PerPage is the page size, 20 to 50 (0 means Crisp's default, 20).
	PerPage int
	// IncludeEmpty also lists conversations without messages.
	IncludeEmpty bool
	// FilterInboxID lists the conversations of one inbox.
	FilterInboxID string
	// FilterUnread lists conversations with unread messages.
	FilterUnread bool
	// FilterResolved and FilterNotResolved filter on the resolved state.
	FilterResolved, FilterNotResolved bool
	// FilterMention lists conversations that mention the token's user.
	FilterMention bool
	// FilterAssigned lists the conversations assigned to a user ID.
	FilterAssigned string
	// FilterUnassigned lists conversations assigned to nobody.
	FilterUnassigned bool
	// FilterDateStart and FilterDateEnd bound the conversations' dates.
	FilterDateStart, FilterDateEnd time.Time
	// OrderDateCreated, OrderDateUpdated and OrderDateWaiting choose the
	// order (default: by update date).
	OrderDateCreated, OrderDateUpdated, OrderDateWaiting bool
	// SearchText searches the conversations for text (search_type text).
	SearchText string
	// SearchSegment lists the conversations of a segment (search_type
	// segment).
	SearchSegment string
	// SearchFilters lists the conversations matching filters (search_type
	// filter); SearchOperator ("and", the default, or "or") combines them.
	SearchFilters  []api.ConversationSearchFilter
	SearchOperator api.ListConversationsParamsSearchOperator
}

// params builds the generated query parameters.
func (o *ListConversationsOptions) params(op string) (*api.ListConversationsParams, error) {
	if o == nil {
		return nil, nil
	}
	p := &api.ListConversationsParams{
		PerPage:           optInt(o.PerPage),
		IncludeEmpty:      flag(o.IncludeEmpty),
		FilterInboxID:     optString(o.FilterInboxID),
		FilterUnread:      flag(o.FilterUnread),
		FilterResolved:    flag(o.FilterResolved),
		FilterNotResolved: flag(o.FilterNotResolved),
		FilterMention:     flag(o.FilterMention),
		FilterAssigned:    optString(o.FilterAssigned),
		FilterUnassigned:  flag(o.FilterUnassigned),
		FilterDateStart:   optTime(o.FilterDateStart),
		FilterDateEnd:     optTime(o.FilterDateEnd),
		OrderDateCreated:  flag(o.OrderDateCreated),
		OrderDateUpdated:  flag(o.OrderDateUpdated),
		OrderDateWaiting:  flag(o.OrderDateWaiting),
		SearchOperator:    optString(o.SearchOperator),
	}
	if o.PerPage != 0 && (o.PerPage < 20 || o.PerPage > 50) {
		return nil, invalidArg(op, "PerPage must be between 20 and 50, got %d", o.PerPage)
	}
	searches := 0
	if o.SearchText != "" {
		searches++
		p.SearchType, p.SearchQuery = optString(api.ListConversationsParamsSearchTypeText), &o.SearchText
	}
	if o.SearchSegment != "" {
		searches++
		p.SearchType, p.SearchQuery = optString(api.ListConversationsParamsSearchTypeSegment), &o.SearchSegment
	}
	if len(o.SearchFilters) > 0 {
		searches++
		b, err := json.Marshal(o.SearchFilters)
		if err != nil {
			return nil, invalidArg(op, "SearchFilters cannot be encoded: %v", err)
		}
		q := string(b)
		p.SearchType, p.SearchQuery = optString(api.ListConversationsParamsSearchTypeFilter), &q
	}
	if searches > 1 {
		return nil, invalidArg(op, "set only one of SearchText, SearchSegment and SearchFilters")
	}
	return p, nil
}

func (o *ListConversationsOptions) perPage() int {
	if o == nil || o.PerPage == 0 {
		return 20
	}
	return o.PerPage
}

// ListConversations returns one page (1-based) of a website's
// conversations, filtered and ordered by opts (which may be nil).
//
//crisp:operation listConversations
func (s *WebsiteService) ListConversations(ctx context.Context, websiteID string, page int, opts *ListConversationsOptions) ([]api.Conversation, error) {
	return listWebsitePageWith[api.Conversation](ctx, "listConversations", websiteID, page, opts.params, s.c.api.ListConversations)
}

// ListConversationsIter walks every page of ListConversations and yields
// the conversations one by one; it stops at the first error, which it
// yields.
func (s *WebsiteService) ListConversationsIter(ctx context.Context, websiteID string, opts *ListConversationsOptions) iter.Seq2[api.Conversation, error] {
	return pages(ctx, opts.perPage(), func(ctx context.Context, page int) ([]api.Conversation, error) {
		return s.ListConversations(ctx, websiteID, page, opts)
	})
}

// ListSuggestedConversationSegments returns one page of the segments
// Crisp suggests for conversations.
//
//crisp:operation listSuggestedConversationSegments
func (s *WebsiteService) ListSuggestedConversationSegments(ctx context.Context, websiteID string, page int) ([]api.ConversationSuggestedSegment, error) {
	return listWebsitePage[api.ConversationSuggestedSegment](ctx, "listSuggestedConversationSegments", websiteID, page, s.c.api.ListSuggestedConversationSegments)
}

// ListSuggestedConversationSegmentsIter walks every page of
// ListSuggestedConversationSegments.
func (s *WebsiteService) ListSuggestedConversationSegmentsIter(ctx context.Context, websiteID string) iter.Seq2[api.ConversationSuggestedSegment, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.ConversationSuggestedSegment, error) {
		return s.ListSuggestedConversationSegments(ctx, websiteID, page)
	})
}

// DeleteSuggestedConversationSegment removes a suggested conversation
// segment.
//
//crisp:operation deleteSuggestedConversationSegment
func (s *WebsiteService) DeleteSuggestedConversationSegment(ctx context.Context, websiteID string, body *api.ConversationSuggestedSegmentDeletion) error {
	const op = "deleteSuggestedConversationSegment"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.DeleteSuggestedConversationSegment(ctx, websiteID, *body)
	return done(op, resp, err)
}

// ListSuggestedConversationDataKeys returns one page of the custom data
// keys Crisp suggests for conversations.
//
//crisp:operation listSuggestedConversationDataKeys
func (s *WebsiteService) ListSuggestedConversationDataKeys(ctx context.Context, websiteID string, page int) ([]api.ConversationSuggestedDataKey, error) {
	return listWebsitePage[api.ConversationSuggestedDataKey](ctx, "listSuggestedConversationDataKeys", websiteID, page, s.c.api.ListSuggestedConversationDataKeys)
}

// ListSuggestedConversationDataKeysIter walks every page of
// ListSuggestedConversationDataKeys.
func (s *WebsiteService) ListSuggestedConversationDataKeysIter(ctx context.Context, websiteID string) iter.Seq2[api.ConversationSuggestedDataKey, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.ConversationSuggestedDataKey, error) {
		return s.ListSuggestedConversationDataKeys(ctx, websiteID, page)
	})
}

// DeleteSuggestedConversationDataKey removes a suggested conversation data
// key.
//
//crisp:operation deleteSuggestedConversationDataKey
func (s *WebsiteService) DeleteSuggestedConversationDataKey(ctx context.Context, websiteID string, body *api.ConversationSuggestedDataKeyDeletion) error {
	const op = "deleteSuggestedConversationDataKey"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.DeleteSuggestedConversationDataKey(ctx, websiteID, *body)
	return done(op, resp, err)
}

// ListSpamConversations returns one page of the conversations held as spam.
//
//crisp:operation listSpamConversations
func (s *WebsiteService) ListSpamConversations(ctx context.Context, websiteID string, page int) ([]api.ConversationSpam, error) {
	return listWebsitePage[api.ConversationSpam](ctx, "listSpamConversations", websiteID, page, s.c.api.ListSpamConversations)
}

// ListSpamConversationsIter walks every page of ListSpamConversations.
func (s *WebsiteService) ListSpamConversationsIter(ctx context.Context, websiteID string) iter.Seq2[api.ConversationSpam, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.ConversationSpam, error) {
		return s.ListSpamConversations(ctx, websiteID, page)
	})
}

// ResolveSpamConversationContent returns the content of a spam
// conversation.
//
//crisp:operation resolveSpamConversationContent
func (s *WebsiteService) ResolveSpamConversationContent(ctx context.Context, websiteID, spamID string) (*api.ConversationSpamContent, error) {
	const op = "resolveSpamConversationContent"
	if err := checkPath(op, "website_id", websiteID, "spam_id", spamID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ResolveSpamConversationContent(ctx, websiteID, spamID)
	return decode[api.ConversationSpamContent](op, resp, err)
}

// SubmitSpamConversationDecision accepts or rejects a spam conversation.
//
//crisp:operation submitSpamConversationDecision
func (s *WebsiteService) SubmitSpamConversationDecision(ctx context.Context, websiteID, spamID string, body *api.ConversationSpamDecision) error {
	const op = "submitSpamConversationDecision"
	if err := checkPath(op, "website_id", websiteID, "spam_id", spamID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.SubmitSpamConversationDecision(ctx, websiteID, spamID, *body)
	return done(op, resp, err)
}
