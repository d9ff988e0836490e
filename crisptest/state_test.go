package crisptest

import (
	"net/http"
	"strings"
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/stretchr/testify/require"
)

func TestConversationFlow(t *testing.T) {
	s := Start(t)
	c := s.Client(t)
	ctx := t.Context()

	sid, err := c.Website.CreateNewConversation(ctx, WebsiteID)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(sid, "session_"))
	ok, err := c.Website.CheckConversationExists(ctx, WebsiteID, sid)
	require.NoError(t, err)
	require.True(t, ok)

	// An empty conversation is listed only with include_empty.
	list, err := c.Website.ListConversations(ctx, WebsiteID, 1, nil)
	require.NoError(t, err)
	require.Empty(t, list)
	list, err = c.Website.ListConversations(ctx, WebsiteID, 1, &crisp.ListConversationsOptions{IncludeEmpty: true})
	require.NoError(t, err)
	require.Len(t, list, 1)

	// A sent message is listed, and shows in the conversation.
	fp, err := c.Website.SendTextMessage(ctx, WebsiteID, sid, "Where is my parcel?")
	require.NoError(t, err)
	require.NotZero(t, fp)
	msgs, err := c.Website.GetMessagesInConversation(ctx, WebsiteID, sid, nil)
	require.NoError(t, err)
	require.Len(t, msgs.Messages, 1)
	require.False(t, msgs.More)
	require.Equal(t, fp, msgs.Messages[0].Fingerprint)
	text, isText := crisp.MessageText(&msgs.Messages[0])
	require.True(t, isText)
	require.Equal(t, "Where is my parcel?", text)
	msg, err := c.Website.GetMessageInConversation(ctx, WebsiteID, sid, fp)
	require.NoError(t, err)
	require.Equal(t, fp, msg.Fingerprint)

	// Search finds it by text.
	list, err = c.Website.ListConversations(ctx, WebsiteID, 1, &crisp.ListConversationsOptions{SearchText: "parcel"})
	require.NoError(t, err)
	require.Len(t, list, 1)
	require.Equal(t, "Where is my parcel?", list[0].LastMessage)
	list, err = c.Website.ListConversations(ctx, WebsiteID, 1, &crisp.ListConversationsOptions{SearchText: "invoice"})
	require.NoError(t, err)
	require.Empty(t, list)

	// A state change is read back and filters the list.
	require.NoError(t, c.Website.ChangeConversationState(ctx, WebsiteID, sid, &api.ConversationStateChange{State: api.ConversationStateResolved}))
	st, err := c.Website.GetConversationState(ctx, WebsiteID, sid)
	require.NoError(t, err)
	require.Equal(t, api.ConversationStateResolved, st.State)
	list, err = c.Website.ListConversations(ctx, WebsiteID, 1, &crisp.ListConversationsOptions{FilterNotResolved: true})
	require.NoError(t, err)
	require.Empty(t, list)

	// Metas merge.
	require.NoError(t, c.Website.UpdateConversationMetas(ctx, WebsiteID, sid, &api.ConversationMetaUpdate{Nickname: ptr("Jane"), Data: map[string]any{"plan": "pro"}}))
	meta, err := c.Website.GetConversationMetas(ctx, WebsiteID, sid)
	require.NoError(t, err)
	require.Equal(t, "Jane", meta.Nickname)
	require.Equal(t, "pro", meta.Data["plan"])

	// Removal.
	require.NoError(t, c.Website.RemoveConversation(ctx, WebsiteID, sid))
	ok, err = c.Website.CheckConversationExists(ctx, WebsiteID, sid)
	require.NoError(t, err)
	require.False(t, ok)
	_, err = c.Website.GetConversation(ctx, WebsiteID, sid)
	require.ErrorIs(t, err, crisp.ErrNotFound)
}

func TestMessagesPageBackWith206(t *testing.T) {
	s := Start(t)
	c := s.Client(t)
	ctx := t.Context()
	sid, err := c.Website.CreateNewConversation(ctx, WebsiteID)
	require.NoError(t, err)
	for range messagesPerPage + 5 {
		_, err := c.Website.SendTextMessage(ctx, WebsiteID, sid, "hello")
		require.NoError(t, err)
	}
	page, err := c.Website.GetMessagesInConversation(ctx, WebsiteID, sid, nil)
	require.NoError(t, err)
	require.True(t, page.More, "206 while older messages remain")
	require.Len(t, page.Messages, messagesPerPage)
	n := 0
	for _, err := range c.Website.GetMessagesInConversationIter(ctx, WebsiteID, sid) {
		require.NoError(t, err)
		n++
	}
	require.Equal(t, messagesPerPage+5, n)
}

func TestPeopleFlow(t *testing.T) {
	s := Start(t)
	c := s.Client(t)
	ctx := t.Context()
	created, err := c.Website.AddNewPeopleProfile(ctx, WebsiteID, &api.PeopleProfileNew{
		Email: "jane+vip@example.com", Person: api.PeopleProfileNewPerson{Nickname: "Jane Doe"}, Segments: []string{"vip"},
	})
	require.NoError(t, err)
	_, err = c.Website.AddNewPeopleProfile(ctx, WebsiteID, &api.PeopleProfileNew{Email: "bob@example.com", Person: api.PeopleProfileNewPerson{Nickname: "Bob"}})
	require.NoError(t, err)

	// By ID and by email.
	for _, id := range []string{created.PeopleID, "jane+vip@example.com"} {
		ok, err := c.Website.CheckPeopleProfileExists(ctx, WebsiteID, id)
		require.NoError(t, err)
		require.True(t, ok, id)
		p, err := c.Website.GetPeopleProfile(ctx, WebsiteID, id)
		require.NoError(t, err)
		require.Equal(t, created.PeopleID, p.PeopleID)
	}

	all, err := c.Website.ListPeopleProfiles(ctx, WebsiteID, 1, nil)
	require.NoError(t, err)
	require.Len(t, all, 2)
	found, err := c.Website.ListPeopleProfiles(ctx, WebsiteID, 1, &crisp.ListPeopleProfilesOptions{SearchText: "bob"})
	require.NoError(t, err)
	require.Len(t, found, 1)
	found, err = c.Website.ListPeopleProfiles(ctx, WebsiteID, 1, &crisp.ListPeopleProfilesOptions{
		SearchFilters: []api.PeopleFilter{{Model: "people", Criterion: "segments", Operator: "eq", Query: []string{"vip"}}},
	})
	require.NoError(t, err)
	require.Len(t, found, 1)
	require.Equal(t, created.PeopleID, found[0].PeopleID)

	require.NoError(t, c.Website.RemovePeopleProfile(ctx, WebsiteID, created.PeopleID))
	_, err = c.Website.GetPeopleProfile(ctx, WebsiteID, created.PeopleID)
	require.ErrorIs(t, err, crisp.ErrNotFound)
	ok, err := c.Website.CheckPeopleProfileExists(ctx, WebsiteID, "jane+vip@example.com")
	require.NoError(t, err)
	require.False(t, ok, "a removed profile is gone")
}

func TestInvalidBodyThroughTheClient(t *testing.T) {
	s := Start(t)
	c := s.Client(t)
	sid, err := c.Website.CreateNewConversation(t.Context(), WebsiteID)
	require.NoError(t, err)
	_, err = c.Website.SendMessageInConversation(t.Context(), WebsiteID, sid, &api.MessageNew{Type: "sticker", From: "operator", Origin: "chat", Content: textContent(t, "hi")})
	require.ErrorIs(t, err, crisp.ErrInvalidData)
	var e *crisp.Error
	require.ErrorAs(t, err, &e)
	require.Equal(t, http.StatusBadRequest, e.StatusCode)
	require.Equal(t, "invalid_data", e.Reason)
	require.NotEmpty(t, e.Message)
}

func TestUnknownWebsiteIsNotFound(t *testing.T) {
	s := Start(t)
	_, err := s.Client(t).Website.GetConversation(t.Context(), "00000000-0000-4000-8000-000000000000", "session_x")
	require.ErrorIs(t, err, crisp.ErrNotFound)
}

func ptr[T any](v T) *T { return &v }

func textContent(t *testing.T, s string) api.MessageContent {
	var c api.MessageContent
	require.NoError(t, c.FromMessageContentText(s))
	return c
}

func TestWebsiteFlow(t *testing.T) {
	s := Start(t)
	user := s.Client(t, crisp.WithToken(crisp.TierUser, Identifier, Key))
	ctx := t.Context()
	ok, err := user.Website.CheckWebsiteExists(ctx, "crisptest.example")
	require.NoError(t, err)
	require.True(t, ok)
	w, err := user.Website.CreateWebsite(ctx, &api.WebsiteCreation{Name: "Acme", Domain: "acme.example"})
	require.NoError(t, err)
	require.NotEqual(t, WebsiteID, w.WebsiteID)
	got, err := user.Website.GetWebsite(ctx, w.WebsiteID)
	require.NoError(t, err)
	require.Equal(t, "acme.example", got.Domain)
	ok, err = user.Website.CheckWebsiteExists(ctx, "acme.example")
	require.NoError(t, err)
	require.True(t, ok)

	// A conversation lives in its website.
	sid, err := user.Website.CreateNewConversation(ctx, w.WebsiteID)
	require.NoError(t, err)
	_, err = user.Website.GetConversation(ctx, w.WebsiteID, sid)
	require.NoError(t, err)

	require.NoError(t, user.Website.DeleteWebsite(ctx, w.WebsiteID, &api.WebsiteDeletion{Verify: api.WebsiteVerifyChallenge{Method: "password", Secret: "x"}}))
	_, err = user.Website.GetWebsite(ctx, w.WebsiteID)
	require.ErrorIs(t, err, crisp.ErrNotFound)
	_, err = user.Website.GetConversation(ctx, w.WebsiteID, sid)
	require.ErrorIs(t, err, crisp.ErrNotFound)
}
