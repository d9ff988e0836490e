package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/oapi-codegen/nullable"
	"github.com/stretchr/testify/require"
)

// convSessionID carries characters that must be escaped in a path.
const convSessionID = "session_a/b ?c@d"

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
}
