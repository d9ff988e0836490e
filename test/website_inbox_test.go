package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

func TestListInboxesIter(t *testing.T) {
	srv, c := setupFor(t, "listInboxes")
	page := exampleData[[]api.Inbox](t, srv, "listInboxes")
	srv.Handle("listInboxes", func(r *crisptest.Call) (int, any) {
		data := []api.Inbox{}
		if r.PathParams["page_number"] == "1" {
			data = page
		}
		return 200, map[string]any{"error": false, "reason": "listed", "data": data}
	})
	var got []api.Inbox
	for inbox, err := range c.Website.ListInboxesIter(t.Context(), websiteID) {
		require.NoError(t, err)
		got = append(got, inbox)
	}
	require.Equal(t, page, got)
	require.Len(t, srv.RequestsFor("listInboxes"), 2)

	// The first error ends the walk, yielded once.
	srv.Handle("listInboxes", func(*crisptest.Call) (int, any) {
		return 403, map[string]any{"error": true, "reason": "not_allowed", "data": map[string]any{}}
	})
	n := 0
	for _, err := range c.Website.ListInboxesIter(t.Context(), websiteID) {
		require.Error(t, err)
		n++
	}
	require.Equal(t, 1, n)
}

func TestBatchOrderInboxes(t *testing.T) {
	srv, c := setupFor(t, "batchOrderInboxes")
	requireRefused(t, srv, c.Website.BatchOrderInboxes(t.Context(), websiteID, nil))

	body := specRequestExample[api.InboxOrderBatch](t, "batchOrderInboxes")
	require.NoError(t, c.Website.BatchOrderInboxes(t.Context(), websiteID, body))
	req := requireSent(t, srv, "batchOrderInboxes", "PATCH", "website", websiteID, "inboxes", "batch", "order")
	requireBody(t, req, string(requestExamples(t)["batchOrderInboxes"]))
}

func TestCheckInboxExists(t *testing.T) {
	const inboxID = "inbox/VIP ?1" // reserved characters, escaped in the path
	srv, c := setupFor(t, "checkInboxExists")
	ok, err := c.Website.CheckInboxExists(t.Context(), websiteID, inboxID)
	require.NoError(t, err)
	require.True(t, ok)
	requireSent(t, srv, "checkInboxExists", "HEAD", "website", websiteID, "inbox", inboxID)

	srv.Handle("checkInboxExists", func(*crisptest.Call) (int, any) { return 404, nil })
	ok, err = c.Website.CheckInboxExists(t.Context(), websiteID, inboxID)
	require.NoError(t, err)
	require.False(t, ok)
}

func TestGetInbox(t *testing.T) {
	const inboxID = "inbox/VIP ?1" // reserved characters, escaped in the path
	srv, c := setupFor(t, "getInbox")
	got, err := c.Website.GetInbox(t.Context(), websiteID, inboxID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.Inbox](t, srv, "getInbox"), *got)
	require.NotEmpty(t, got.Conditions)
	requireSent(t, srv, "getInbox", "GET", "website", websiteID, "inbox", inboxID)
}

func TestSaveInbox(t *testing.T) {
	const inboxID = "inbox/VIP ?1" // reserved characters, escaped in the path
	srv, c := setupFor(t, "saveInbox")
	requireRefused(t, srv, c.Website.SaveInbox(t.Context(), websiteID, inboxID, nil))

	body := specRequestExample[api.InboxSettings](t, "saveInbox")
	require.NoError(t, c.Website.SaveInbox(t.Context(), websiteID, inboxID, body))
	req := requireSent(t, srv, "saveInbox", "PUT", "website", websiteID, "inbox", inboxID)
	requireBody(t, req, string(requestExamples(t)["saveInbox"]))
}

func TestDeleteInbox(t *testing.T) {
	const inboxID = "inbox/VIP ?1" // reserved characters, escaped in the path
	srv, c := setupFor(t, "deleteInbox")
	require.NoError(t, c.Website.DeleteInbox(t.Context(), websiteID, inboxID))
	requireSent(t, srv, "deleteInbox", "DELETE", "website", websiteID, "inbox", inboxID)

	require.ErrorIs(t, c.Website.DeleteInbox(t.Context(), websiteID, ".."), crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), 1)
}
