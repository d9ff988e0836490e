package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/stretchr/testify/require"
)

// actionSessionID is a session ID with characters a path must escape.
const actionSessionID = "session_x/y ?z"

func TestRequestIdentityVerificationForConversation(t *testing.T) {
	const op = "requestIdentityVerificationForConversation"
	srv, c := setupFor(t, op)
	body := specRequestExample[api.ActionIdentityVerification](t, op)
	require.NoError(t, c.Website.RequestIdentityVerificationForConversation(t.Context(), websiteID, actionSessionID, body))
	req := requireSent(t, srv, op, "POST", "website", websiteID, "conversation", actionSessionID, "verify", "identity")
	requireBody(t, req, string(requestExamples(t)[op]))
	srv.Reset()
	requireRefused(t, srv, c.Website.RequestIdentityVerificationForConversation(t.Context(), websiteID, sessionID, nil))
}

func TestRedeemIdentityVerificationLinkForConversation(t *testing.T) {
	const op = "redeemIdentityVerificationLinkForConversation"
	srv, c := setupFor(t, op)
	body := specRequestExample[api.ActionIdentityVerificationRedeem](t, op)
	require.NoError(t, c.Website.RedeemIdentityVerificationLinkForConversation(t.Context(), websiteID, actionSessionID, body))
	req := requireSent(t, srv, op, "PUT", "website", websiteID, "conversation", actionSessionID, "verify", "identity", "link")
	requireBody(t, req, `{"identity":"email","token":"709691"}`)
	srv.Reset()
	requireRefused(t, srv, c.Website.RedeemIdentityVerificationLinkForConversation(t.Context(), websiteID, sessionID, nil))
}

func TestRequestEmailTranscriptForConversation(t *testing.T) {
	const op = "requestEmailTranscriptForConversation"
	srv, c := setupFor(t, op)
	body := specRequestExample[api.ActionTranscript](t, op)
	require.NoError(t, c.Website.RequestEmailTranscriptForConversation(t.Context(), websiteID, actionSessionID, body))
	req := requireSent(t, srv, op, "POST", "website", websiteID, "conversation", actionSessionID, "transcript")
	requireBody(t, req, string(requestExamples(t)[op]))
	srv.Reset()
	requireRefused(t, srv, c.Website.RequestEmailTranscriptForConversation(t.Context(), websiteID, sessionID, nil))
}

func TestRequestChatboxBindingPurgeForConversation(t *testing.T) {
	const op = "requestChatboxBindingPurgeForConversation"
	srv, c := setupFor(t, op)
	require.NoError(t, c.Website.RequestChatboxBindingPurgeForConversation(t.Context(), websiteID, actionSessionID))
	req := requireSent(t, srv, op, "POST", "website", websiteID, "conversation", actionSessionID, "purge")
	requireBody(t, req, `{}`)
	srv.QueueError(op, 404, "session_not_found")
	require.ErrorIs(t, c.Website.RequestChatboxBindingPurgeForConversation(t.Context(), websiteID, sessionID), crisp.ErrNotFound)
}

func TestRequestUserFeedbackForConversation(t *testing.T) {
	const op = "requestUserFeedbackForConversation"
	srv, c := setupFor(t, op)
	require.NoError(t, c.Website.RequestUserFeedbackForConversation(t.Context(), websiteID, actionSessionID))
	req := requireSent(t, srv, op, "POST", "website", websiteID, "conversation", actionSessionID, "feedback")
	requireBody(t, req, `{}`)
	srv.Reset()
	requireRefused(t, srv, c.Website.RequestUserFeedbackForConversation(t.Context(), "", sessionID))
}

func TestListBrowsingSessionsForConversation(t *testing.T) {
	const op = "listBrowsingSessionsForConversation"
	srv, c := setupFor(t, op)
	got, err := c.Website.ListBrowsingSessionsForConversation(t.Context(), websiteID, actionSessionID)
	require.NoError(t, err)
	want := exampleData[[]api.ActionBrowsingSession](t, srv, op)
	require.NotEmpty(t, want)
	require.Equal(t, want, got)
	require.Equal(t, "browsing_05a9392d-ff3f-45e7-b021-1179c45668fa", got[0].BrowsingID)
	requireSent(t, srv, op, "GET", "website", websiteID, "conversation", actionSessionID, "browsing")
}

func TestInitiateBrowsingSessionForConversation(t *testing.T) {
	const op = "initiateBrowsingSessionForConversation"
	srv, c := setupFor(t, op)
	require.NoError(t, c.Website.InitiateBrowsingSessionForConversation(t.Context(), websiteID, actionSessionID))
	req := requireSent(t, srv, op, "POST", "website", websiteID, "conversation", actionSessionID, "browsing")
	requireBody(t, req, `{}`)
}

func TestSendActionToExistingBrowsingSession(t *testing.T) {
	const op = "sendActionToExistingBrowsingSession"
	srv, c := setupFor(t, op)
	body := specRequestExample[api.ActionBrowsingCommand](t, op)
	require.NoError(t, c.Website.SendActionToExistingBrowsingSession(t.Context(), websiteID, actionSessionID, "browsing/1 ?", body))
	req := requireSent(t, srv, op, "PATCH", "website", websiteID, "conversation", actionSessionID, "browsing", "browsing/1 ?")
	requireBody(t, req, `{"action":"start"}`)
	srv.Reset()
	require.ErrorIs(t, c.Website.SendActionToExistingBrowsingSession(t.Context(), websiteID, sessionID, "b", nil), crisp.ErrInvalidArgument)
	requireRefused(t, srv, c.Website.SendActionToExistingBrowsingSession(t.Context(), websiteID, sessionID, "", body))
}

func TestAssistExistingBrowsingSession(t *testing.T) {
	const op = "assistExistingBrowsingSession"
	srv, c := setupFor(t, op)
	body := specRequestExample[api.ActionBrowsingAssist](t, op)
	require.NoError(t, c.Website.AssistExistingBrowsingSession(t.Context(), websiteID, actionSessionID, "browsing_05a9392d", body))
	req := requireSent(t, srv, op, "PATCH", "website", websiteID, "conversation", actionSessionID, "browsing", "browsing_05a9392d", "assist")
	requireBody(t, req, string(requestExamples(t)[op]))
	srv.Reset()
	requireRefused(t, srv, c.Website.AssistExistingBrowsingSession(t.Context(), websiteID, sessionID, "b", nil))
}

func TestInitiateNewCallSessionForConversation(t *testing.T) {
	const op = "initiateNewCallSessionForConversation"
	srv, c := setupFor(t, op)
	body := specRequestExample[api.ActionCallInitiate](t, op)
	got, err := c.Website.InitiateNewCallSessionForConversation(t.Context(), websiteID, actionSessionID, body)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.ActionCallSession](t, srv, op), *got)
	require.Equal(t, "call_35a0c062-72fa-4095-a2a0-f9911d47ee56", got.CallID)
	req := requireSent(t, srv, op, "POST", "website", websiteID, "conversation", actionSessionID, "call")
	requireBody(t, req, `{"mode":"audio"}`)
	srv.Reset()
	_, err = c.Website.InitiateNewCallSessionForConversation(t.Context(), websiteID, sessionID, nil)
	requireRefused(t, srv, err)
}

func TestGetOngoingCallSessionForConversation(t *testing.T) {
	const op = "getOngoingCallSessionForConversation"
	srv, c := setupFor(t, op)
	got, err := c.Website.GetOngoingCallSessionForConversation(t.Context(), websiteID, actionSessionID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.ActionCallSession](t, srv, op), *got)
	require.NotEmpty(t, got.CallID)
	requireSent(t, srv, op, "GET", "website", websiteID, "conversation", actionSessionID, "call")
	srv.QueueError(op, 404, "call_not_found")
	_, err = c.Website.GetOngoingCallSessionForConversation(t.Context(), websiteID, sessionID)
	require.ErrorIs(t, err, crisp.ErrNotFound)
}

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

func TestTransmitSignalingOnOngoingCallSession(t *testing.T) {
	const op = "transmitSignalingOnOngoingCallSession"
	srv, c := setupFor(t, op)
	body := specRequestExample[api.ActionCallSignaling](t, op)
	require.NoError(t, c.Website.TransmitSignalingOnOngoingCallSession(t.Context(), websiteID, actionSessionID, "call_35a0c062", body))
	req := requireSent(t, srv, op, "PATCH", "website", websiteID, "conversation", actionSessionID, "call", "call_35a0c062")
	requireBody(t, req, string(requestExamples(t)[op]))
	srv.Reset()
	requireRefused(t, srv, c.Website.TransmitSignalingOnOngoingCallSession(t.Context(), websiteID, sessionID, "c", nil))
}

func TestRequestToolCallForConversation(t *testing.T) {
	const op = "requestToolCallForConversation"
	srv, c := setupFor(t, op)
	body := specRequestExample[api.ActionToolCall](t, op)
	got, err := c.Website.RequestToolCallForConversation(t.Context(), websiteID, actionSessionID, body)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.ActionToolCallResult](t, srv, op), got)
	require.Contains(t, got, "tools")
	req := requireSent(t, srv, op, "POST", "website", websiteID, "conversation", actionSessionID, "tool")
	requireBody(t, req, `{"command":"list_tools"}`)

	_, err = c.Website.RequestToolCallForConversation(t.Context(), websiteID, sessionID, &api.ActionToolCall{
		Command: "lookup_order", Payload: map[string]any{"order": "4821"},
	})
	require.NoError(t, err)
	requireBody(t, lastRequest(t, srv, op), `{"command":"lookup_order","payload":{"order":"4821"}}`)
	srv.Reset()
	_, err = c.Website.RequestToolCallForConversation(t.Context(), websiteID, sessionID, nil)
	requireRefused(t, srv, err)
}

func TestDeliverWidgetButtonActionForConversation(t *testing.T) {
	const op = "deliverWidgetButtonActionForConversation"
	srv, c := setupFor(t, op)
	body := specRequestExample[api.ActionWidgetButton](t, op)
	got, err := c.Website.DeliverWidgetButtonActionForConversation(t.Context(), websiteID, actionSessionID, "plugin/1 ?", body)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.ActionWidgetDispatch](t, srv, op), *got)
	require.Equal(t, "6d1a0e4f-5c2b-4a77-9d0e-3f8b2c1a9e55", got.CorrelationID)
	req := requireSent(t, srv, op, "POST", "website", websiteID, "conversation", actionSessionID, "widget", "plugin/1 ?", "button")
	requireBody(t, req, string(requestExamples(t)[op]))
	srv.Reset()
	_, err = c.Website.DeliverWidgetButtonActionForConversation(t.Context(), websiteID, sessionID, pluginID, nil)
	requireRefused(t, srv, err)
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

func TestScheduleReminderForConversation(t *testing.T) {
	const op = "scheduleReminderForConversation"
	srv, c := setupFor(t, op)
	body := specRequestExample[api.ActionReminder](t, op)
	require.NoError(t, c.Website.ScheduleReminderForConversation(t.Context(), websiteID, actionSessionID, body))
	req := requireSent(t, srv, op, "POST", "website", websiteID, "conversation", actionSessionID, "reminder")
	requireBody(t, req, `{"date":"2018-05-29T09:00:00Z","note":"Call this customer."}`)
	srv.Reset()
	requireRefused(t, srv, c.Website.ScheduleReminderForConversation(t.Context(), websiteID, sessionID, nil))
}

func TestReportConversation(t *testing.T) {
	const op = "reportConversation"
	srv, c := setupFor(t, op)
	body := specRequestExample[api.ActionReport](t, op)
	require.NoError(t, c.Website.ReportConversation(t.Context(), websiteID, actionSessionID, body))
	req := requireSent(t, srv, op, "POST", "website", websiteID, "conversation", actionSessionID, "report")
	requireBody(t, req, `{"flag":"spam"}`)
	srv.Reset()
	requireRefused(t, srv, c.Website.ReportConversation(t.Context(), websiteID, sessionID, nil))
}
