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
