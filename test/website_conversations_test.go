package test

import (
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

func TestListConversations(t *testing.T) {
	srv, c := setup(t)
	got, err := c.Website.ListConversations(t.Context(), websiteID, 2, &crisp.ListConversationsOptions{
		PerPage:         30,
		FilterUnread:    true,
		FilterAssigned:  "a4c32c68-be91-4e29-8a05-976e93abbe3f",
		FilterDateStart: time.Date(2024, 3, 1, 17, 0, 0, 0, time.UTC),
		SearchText:      "invoice & refund",
	})
	require.NoError(t, err)
	require.Equal(t, exampleData[[]api.Conversation](t, srv, "listConversations"), got)
	require.NotEmpty(t, got)
	req := lastRequest(t, srv, "listConversations")
	requirePath(t, req, "website", websiteID, "conversations", "2")
	require.Equal(t, "30", req.Query.Get("per_page"))
	require.Equal(t, "1", req.Query.Get("filter_unread"))
	require.Equal(t, "a4c32c68-be91-4e29-8a05-976e93abbe3f", req.Query.Get("filter_assigned"))
	require.Equal(t, "2024-03-01T17:00:00Z", req.Query.Get("filter_date_start"))
	require.Equal(t, "text", req.Query.Get("search_type"))
	require.Equal(t, "invoice & refund", req.Query.Get("search_query"))
	require.False(t, req.Query.Has("filter_resolved"), "false flags are left out")
}

func TestListConversationsFilters(t *testing.T) {
	srv, c := setup(t)
	_, err := c.Website.ListConversations(t.Context(), websiteID, 1, &crisp.ListConversationsOptions{
		SearchFilters:  []api.ConversationSearchFilter{{Model: "session", Criterion: "meta.email", Operator: "eq", Query: []string{"jane@example.com"}}},
		SearchOperator: api.ListConversationsParamsSearchOperatorOr,
	})
	require.NoError(t, err)
	req := lastRequest(t, srv, "listConversations")
	require.Equal(t, "filter", req.Query.Get("search_type"))
	require.JSONEq(t, `[{"model":"session","criterion":"meta.email","operator":"eq","query":["jane@example.com"]}]`, req.Query.Get("search_query"))
	require.Equal(t, "or", req.Query.Get("search_operator"))
}

func TestListConversationsRejectsBadOptions(t *testing.T) {
	srv, c := setup(t)
	_, err := c.Website.ListConversations(t.Context(), websiteID, 1, &crisp.ListConversationsOptions{SearchText: "a", SearchSegment: "b"})
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	_, err = c.Website.ListConversations(t.Context(), websiteID, 1, &crisp.ListConversationsOptions{PerPage: 10})
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	_, err = c.Website.ListConversations(t.Context(), websiteID, 0, nil)
	requireRefused(t, srv, err)
}

func TestListConversationsIter(t *testing.T) {
	srv, c := setup(t)
	page := exampleData[[]api.Conversation](t, srv, "listConversations")
	calls := 0
	srv.Handle("listConversations", func(r *crisptest.Call) (int, any) {
		calls++
		data := []api.Conversation{}
		if r.PathParams["page_number"] == "1" {
			// A full page of 20, then a short page ends the walk.
			for len(data) < 20 {
				data = append(data, page[0])
			}
		} else if r.PathParams["page_number"] == "2" {
			data = append(data, page...)
		}
		return 200, map[string]any{"error": false, "reason": "listed", "data": data}
	})
	n := 0
	for conv, err := range c.Website.ListConversationsIter(t.Context(), websiteID, nil) {
		require.NoError(t, err)
		require.NotEmpty(t, conv.SessionID)
		n++
	}
	require.Equal(t, 20+len(page), n)
	require.Equal(t, 2, calls)
}
