package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/oapi-codegen/nullable"
	"github.com/stretchr/testify/require"
)

// convSessionID carries characters that must be escaped in a path.
const convSessionID = "session_a/b ?c@d"

func TestCreateNewConversation(t *testing.T) {
	srv, c := setupFor(t, "createNewConversation")
	got, err := c.Website.CreateNewConversation(t.Context(), websiteID)
	require.NoError(t, err)
	want := exampleData[api.ConversationNew](t, srv, "createNewConversation")
	require.NotEmpty(t, want.SessionID)
	require.Equal(t, want.SessionID, got)
	req := requireSent(t, srv, "createNewConversation", "POST", "website", websiteID, "conversation")
	requireBody(t, req, `{}`)

	_, err = c.Website.CreateNewConversation(t.Context(), "")
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), 1)
}

func TestCheckConversationExists(t *testing.T) {
	srv, c := setupFor(t, "checkConversationExists")
	ok, err := c.Website.CheckConversationExists(t.Context(), websiteID, convSessionID)
	require.NoError(t, err)
	require.True(t, ok)
	requireSent(t, srv, "checkConversationExists", "HEAD", "website", websiteID, "conversation", convSessionID)

	srv.Handle("checkConversationExists", func(*crisptest.Call) (int, any) { return 404, nil })
	ok, err = c.Website.CheckConversationExists(t.Context(), websiteID, sessionID)
	require.NoError(t, err)
	require.False(t, ok)
}

func TestGetConversation(t *testing.T) {
	srv, c := setupFor(t, "getConversation")
	got, err := c.Website.GetConversation(t.Context(), websiteID, convSessionID)
	require.NoError(t, err)
	want := exampleData[api.Conversation](t, srv, "getConversation")
	require.Equal(t, want, *got)
	require.NotEmpty(t, got.SessionID)
	req := requireSent(t, srv, "getConversation", "GET", "website", websiteID, "conversation", convSessionID)
	require.Equal(t, convSessionID, req.PathParams["session_id"])
}

func TestGetConversationNotFound(t *testing.T) {
	srv, c := setupFor(t, "getConversation")
	srv.QueueError("getConversation", 404, "not_found")
	_, err := c.Website.GetConversation(t.Context(), websiteID, sessionID)
	require.ErrorIs(t, err, crisp.ErrNotFound)
	var ce *crisp.Error
	require.ErrorAs(t, err, &ce)
	require.Equal(t, "getConversation", ce.Operation)
}

func TestAssignConversationRouting(t *testing.T) {
	srv, c := setupFor(t, "assignConversationRouting")
	body := specRequestExample[api.ConversationRoutingAssignUpdate](t, "assignConversationRouting")
	require.NoError(t, c.Website.AssignConversationRouting(t.Context(), websiteID, sessionID, body))
	requireBody(t, lastRequest(t, srv, "assignConversationRouting"), string(requestExamples(t)["assignConversationRouting"]))

	// Assigned unset unassigns: it is sent as null.
	silent := true
	require.NoError(t, c.Website.AssignConversationRouting(t.Context(), websiteID, sessionID, &api.ConversationRoutingAssignUpdate{Silent: &silent}))
	requireBody(t, lastRequest(t, srv, "assignConversationRouting"), `{"assigned":null,"silent":true}`)

	n := len(srv.Requests())
	require.ErrorIs(t, c.Website.AssignConversationRouting(t.Context(), websiteID, sessionID, nil), crisp.ErrInvalidArgument)
	require.ErrorIs(t, c.Website.AssignConversationRouting(t.Context(), websiteID, sessionID,
		&api.ConversationRoutingAssignUpdate{Assigned: nullable.NewNullableWithValue(api.ConversationRoutingAssignee{})}), crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), n)
}

func TestUpdateConversationInbox(t *testing.T) {
	srv, c := setupFor(t, "updateConversationInbox")
	require.NoError(t, c.Website.UpdateConversationInbox(t.Context(), websiteID, convSessionID, "bf6935c9-43b3-4f8e-87ea-175c1e1ed1a9"))
	req := requireSent(t, srv, "updateConversationInbox", "PATCH", "website", websiteID, "conversation", convSessionID, "inbox")
	requireBody(t, req, string(requestExamples(t)["updateConversationInbox"]))

	// An empty inbox ID moves the conversation back to the default inbox.
	require.NoError(t, c.Website.UpdateConversationInbox(t.Context(), websiteID, sessionID, ""))
	requireBody(t, lastRequest(t, srv, "updateConversationInbox"), `{"inbox_id":null}`)
}

func TestListConversationPagesIter(t *testing.T) {
	srv, c := setupFor(t, "listConversationPages")
	page := exampleData[[]api.ConversationPage](t, srv, "listConversationPages")
	srv.Handle("listConversationPages", func(r *crisptest.Call) (int, any) {
		return 200, map[string]any{"error": false, "reason": "listed", "data": pagesOf(page, r.PathParams["page_number"])}
	})
	var got []api.ConversationPage
	for p, err := range c.Website.ListConversationPagesIter(t.Context(), websiteID, convSessionID) {
		require.NoError(t, err)
		got = append(got, p)
	}
	require.Equal(t, threeTimes(page), got)
	require.Len(t, srv.RequestsFor("listConversationPages"), 3)
	requirePath(t, lastRequest(t, srv, "listConversationPages"), "website", websiteID, "conversation", convSessionID, "pages", "3")
}

func TestListConversationEvents(t *testing.T) {
	srv, c := setupFor(t, "listConversationEvents")
	got, err := c.Website.ListConversationEvents(t.Context(), websiteID, convSessionID, 1)
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.ConversationEvent](t, srv, "listConversationEvents"), got)
	requirePath(t, lastRequest(t, srv, "listConversationEvents"), "website", websiteID, "conversation", convSessionID, "events", "1")

	n := 0
	for _, err := range c.Website.ListConversationEventsIter(t.Context(), websiteID, sessionID) {
		if err != nil {
			requirePaginationLoop(t, err) // the stateless server answers every page alike
			break
		}
		n++
	}
	require.Equal(t, len(got), n, "the repeated page 2 is not yielded")
}

func TestListConversationFiles(t *testing.T) {
	srv, c := setupFor(t, "listConversationFiles")
	got, err := c.Website.ListConversationFiles(t.Context(), websiteID, convSessionID, 4)
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.ConversationFile](t, srv, "listConversationFiles"), got)
	requirePath(t, lastRequest(t, srv, "listConversationFiles"), "website", websiteID, "conversation", convSessionID, "files", "4")

	// The walk yields page 1, then stops at the first error, yielded once.
	srv.Handle("listConversationFiles", func(r *crisptest.Call) (int, any) {
		if r.PathParams["page_number"] != "1" {
			return 404, map[string]any{"error": true, "reason": "not_found", "data": map[string]any{}}
		}
		return 200, map[string]any{"error": false, "reason": "listed", "data": got}
	})
	var items []api.ConversationFile
	var errs []error
	for f, err := range c.Website.ListConversationFilesIter(t.Context(), websiteID, sessionID) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items = append(items, f)
	}
	require.Equal(t, got, items)
	require.Len(t, errs, 1)
	require.ErrorIs(t, errs[0], crisp.ErrNotFound)
}

func TestChangeConversationState(t *testing.T) {
	srv, c := setupFor(t, "changeConversationState")
	origin := "urn:acme:bot:0"
	nick := "Acme Bot"
	require.NoError(t, c.Website.ChangeConversationState(t.Context(), websiteID, sessionID, &api.ConversationStateChange{
		State:  api.ConversationStatePending,
		Origin: &origin,
		User:   &api.ConversationActionUser{Nickname: &nick},
	}))
	requireBody(t, lastRequest(t, srv, "changeConversationState"), `{"state":"pending","origin":"urn:acme:bot:0","user":{"nickname":"Acme Bot"}}`)

	n := len(srv.Requests())
	require.ErrorIs(t, c.Website.ChangeConversationState(t.Context(), websiteID, sessionID, nil), crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), n)
}

func TestSaveConversationParticipants(t *testing.T) {
	srv, c := setupFor(t, "saveConversationParticipants")
	body := specRequestExample[api.ConversationParticipantsSave](t, "saveConversationParticipants")
	require.NoError(t, c.Website.SaveConversationParticipants(t.Context(), websiteID, convSessionID, body))
	req := requireSent(t, srv, "saveConversationParticipants", "PUT", "website", websiteID, "conversation", convSessionID, "participants")
	requireBody(t, req, string(requestExamples(t)["saveConversationParticipants"]))

	// An empty list removes every participant.
	require.NoError(t, c.Website.SaveConversationParticipants(t.Context(), websiteID, sessionID, &api.ConversationParticipantsSave{Participants: []api.ConversationParticipantInput{}}))
	requireBody(t, lastRequest(t, srv, "saveConversationParticipants"), `{"participants":[]}`)

	n := len(srv.Requests())
	require.ErrorIs(t, c.Website.SaveConversationParticipants(t.Context(), websiteID, sessionID, nil), crisp.ErrInvalidArgument)
	require.ErrorIs(t, c.Website.SaveConversationParticipants(t.Context(), websiteID, sessionID, &api.ConversationParticipantsSave{}), crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), n)
}

func TestBlockIncomingMessagesForConversation(t *testing.T) {
	srv, c := setupFor(t, "blockIncomingMessagesForConversation")
	origin := "chat"
	require.NoError(t, c.Website.BlockIncomingMessagesForConversation(t.Context(), websiteID, sessionID, &api.ConversationBlockChange{Blocked: true, Origin: &origin}))
	requireBody(t, lastRequest(t, srv, "blockIncomingMessagesForConversation"), `{"blocked":true,"origin":"chat"}`)

	n := len(srv.Requests())
	require.ErrorIs(t, c.Website.BlockIncomingMessagesForConversation(t.Context(), websiteID, sessionID, nil), crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), n)
}

// TestConversationPathSafety checks that a session ID cannot change the
// route: reserved characters are escaped, and the IDs a URL resolver would
// drop or climb with ("", ".", "..") are refused before any request.
func TestConversationPathSafety(t *testing.T) {
	t.Run("escaped", func(t *testing.T) {
		srv, c := setupFor(t, "getConversation")
		const tricky = "a/../b"
		_, err := c.Website.GetConversation(t.Context(), websiteID, tricky)
		require.NoError(t, err)
		req := lastRequest(t, srv, "getConversation")
		requirePath(t, req, "website", websiteID, "conversation", tricky)
		require.Equal(t, "/v1/website/"+websiteID+"/conversation/a%2F..%2Fb", req.Path)
		require.Equal(t, tricky, req.PathParams["session_id"])

		require.NoError(t, c.Website.ChangeConversationState(t.Context(), websiteID, tricky, &api.ConversationStateChange{State: api.ConversationStateResolved}))
		req = lastRequest(t, srv, "changeConversationState")
		requirePath(t, req, "website", websiteID, "conversation", tricky, "state")
		require.Equal(t, tricky, req.PathParams["session_id"])
		require.Len(t, srv.Requests(), 2)
	})
	for _, bad := range []string{"", ".", ".."} {
		t.Run("refused "+bad, func(t *testing.T) {
			srv, c := setupFor(t, "getConversation")
			_, err := c.Website.GetConversation(t.Context(), websiteID, bad)
			require.ErrorIs(t, err, crisp.ErrInvalidArgument)
			var ce *crisp.Error
			require.ErrorAs(t, err, &ce)
			require.Equal(t, "getConversation", ce.Operation)
			require.Contains(t, ce.Message, "session_id")

			err = c.Website.ChangeConversationState(t.Context(), websiteID, bad, &api.ConversationStateChange{State: api.ConversationStateResolved})
			require.ErrorIs(t, err, crisp.ErrInvalidArgument)
			require.ErrorAs(t, err, &ce)
			require.Equal(t, "changeConversationState", ce.Operation)

			_, err = c.Website.GetConversation(t.Context(), bad, sessionID)
			requireRefused(t, srv, err)
		})
	}
}
