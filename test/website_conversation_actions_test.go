package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/stretchr/testify/require"
)

// actionSessionID is a session ID with characters a path must escape.
const actionSessionID = "session_x/y ?z"

func TestAbortOngoingCallSessionForConversation(t *testing.T) {
	const op = "abortOngoingCallSessionForConversation"
	srv, c := setupFor(t, op)
	body := specRequestExample[api.ActionCallAbort](t, op)
	require.NoError(t, c.Website.AbortOngoingCallSessionForConversation(t.Context(), websiteID, actionSessionID, "call/1 ?", body))
	req := requireSent(t, srv, op, "DELETE", "website", websiteID, "conversation", actionSessionID, "call", "call/1 ?")
	requireBody(t, req, string(requestExamples(t)[op]))

	// The body is optional: nil sends {}.
	require.NoError(t, c.Website.AbortOngoingCallSessionForConversation(t.Context(), websiteID, sessionID, "call_1", nil))
	requireBody(t, lastRequest(t, srv, op), `{}`)
	srv.Reset()
	requireRefused(t, srv, c.Website.AbortOngoingCallSessionForConversation(t.Context(), websiteID, sessionID, "", nil))
}

func TestRequestToolCallForConversation(t *testing.T) {
	const op = "requestToolCallForConversation"
	srv, c := setupFor(t, op)
	// The spec's example has no payload.
	_, err := c.Website.RequestToolCallForConversation(t.Context(), websiteID, sessionID, &api.ActionToolCall{
		Command: "lookup_order", Payload: map[string]any{"order": "4821"},
	})
	require.NoError(t, err)
	requireBody(t, lastRequest(t, srv, op), `{"command":"lookup_order","payload":{"order":"4821"}}`)
}

func TestDeliverWidgetDataFetchActionForConversation(t *testing.T) {
	const op = "deliverWidgetDataFetchActionForConversation"
	srv, c := setupFor(t, op)
	body := specRequestExample[api.ActionWidgetData](t, op)
	got, err := c.Website.DeliverWidgetDataFetchActionForConversation(t.Context(), websiteID, actionSessionID, pluginID, body)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.ActionWidgetDispatch](t, srv, op), *got)
	require.NotNil(t, got.Strategy)
	req := requireSent(t, srv, op, "POST", "website", websiteID, "conversation", actionSessionID, "widget", pluginID, "data")
	// The example's empty "data": {} is dropped (omitempty on a map); the
	// explicit action keeps the request a fetch.
	requireBody(t, req, `{"section_id":"payments","item_id":"unpaid_balance","action":"fetch"}`)

	// Without Action: fetch, unless a Value makes it an edit.
	_, err = c.Website.DeliverWidgetDataFetchActionForConversation(t.Context(), websiteID, sessionID, pluginID, &api.ActionWidgetData{
		SectionID: "payments", ItemID: "invoice", Data: map[string]any{"invoice": "D-1929-X"},
	})
	require.NoError(t, err)
	requireBody(t, lastRequest(t, srv, op), `{"section_id":"payments","item_id":"invoice","action":"fetch","data":{"invoice":"D-1929-X"}}`)
	value := "42"
	noAction := &api.ActionWidgetData{SectionID: "payments", ItemID: "balance", Value: &value}
	_, err = c.Website.DeliverWidgetDataFetchActionForConversation(t.Context(), websiteID, sessionID, pluginID, noAction)
	require.NoError(t, err)
	requireBody(t, lastRequest(t, srv, op), `{"section_id":"payments","item_id":"balance","action":"edit","value":"42"}`)
	require.Nil(t, noAction.Action, "the caller's body is not modified")

	srv.Reset()
	_, err = c.Website.DeliverWidgetDataFetchActionForConversation(t.Context(), websiteID, sessionID, pluginID, nil)
	requireRefused(t, srv, err)
}

func TestDeliverWidgetDataEditActionForConversation(t *testing.T) {
	const op = "deliverWidgetDataFetchActionForConversation"
	srv, c := setupFor(t, op)
	value := "120.50"
	body := &api.ActionWidgetData{SectionID: "payments", ItemID: "unpaid_balance", Value: &value}
	got, err := c.Website.DeliverWidgetDataEditActionForConversation(t.Context(), websiteID, actionSessionID, "plugin/2", body)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.ActionWidgetDispatch](t, srv, op), *got)
	req := lastRequest(t, srv, op)
	requirePath(t, req, "website", websiteID, "conversation", actionSessionID, "widget", "plugin/2", "data")
	requireBody(t, req, `{"section_id":"payments","item_id":"unpaid_balance","action":"edit","value":"120.50"}`)
	require.Nil(t, body.Action, "the caller's body is not modified")

	srv.Reset()
	fetch := api.ActionWidgetDataActionFetch
	_, err = c.Website.DeliverWidgetDataEditActionForConversation(t.Context(), websiteID, sessionID, pluginID, &api.ActionWidgetData{SectionID: "s", ItemID: "i", Action: &fetch})
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	_, err = c.Website.DeliverWidgetDataEditActionForConversation(t.Context(), websiteID, sessionID, pluginID, nil)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	_, err = c.Website.DeliverWidgetDataEditActionForConversation(t.Context(), websiteID, sessionID, "", body)
	requireRefused(t, srv, err)
}
