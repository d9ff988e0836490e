package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/stretchr/testify/require"
)

// oddPluginID carries characters that must be escaped in a path
// (plugin_id is free text in the spec; website_id must be a UUID).
const oddPluginID = "acme/plugin ?v=1@x"

func TestSubscribeWebsiteToPlugin(t *testing.T) {
	srv, c := setupFor(t, "subscribeWebsiteToPlugin")
	body := specRequestExample[api.PluginSubscriptionCreate](t, "subscribeWebsiteToPlugin")
	require.NoError(t, c.Plugin.SubscribeWebsiteToPlugin(t.Context(), websiteID, body))
	req := requireSent(t, srv, "subscribeWebsiteToPlugin", "POST", "plugins", "subscription", websiteID)
	requireBody(t, req, string(requestExamples(t)["subscribeWebsiteToPlugin"]))

	srv.Reset()
	requireRefused(t, srv, c.Plugin.SubscribeWebsiteToPlugin(t.Context(), websiteID, nil))
}

func TestGetSubscriptionDetails(t *testing.T) {
	srv, c := setupFor(t, "getSubscriptionDetails")
	got, err := c.Plugin.GetSubscriptionDetails(t.Context(), websiteID, oddPluginID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.PluginSubscription](t, srv, "getSubscriptionDetails"), *got)
	require.Equal(t, pluginID, got.ID)
	req := lastRequest(t, srv, "getSubscriptionDetails")
	requirePath(t, req, "plugins", "subscription", websiteID, oddPluginID)
}

func TestUnsubscribePluginFromWebsite(t *testing.T) {
	srv, c := setupFor(t, "unsubscribePluginFromWebsite")
	require.NoError(t, c.Plugin.UnsubscribePluginFromWebsite(t.Context(), websiteID, oddPluginID))
	requireSent(t, srv, "unsubscribePluginFromWebsite", "DELETE", "plugins", "subscription", websiteID, oddPluginID)

	srv.Reset()
	requireRefused(t, srv, c.Plugin.UnsubscribePluginFromWebsite(t.Context(), websiteID, ""))
}

func TestGetSubscriptionSettings(t *testing.T) {
	srv, c := setupFor(t, "getSubscriptionSettings")
	got, err := c.Plugin.GetSubscriptionSettings(t.Context(), websiteID, pluginID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.PluginSubscriptionSettings](t, srv, "getSubscriptionSettings"), *got)
	require.NotNil(t, got.Settings)
	require.Contains(t, *got.Settings, "chatbox")
	requirePath(t, lastRequest(t, srv, "getSubscriptionSettings"), "plugins", "subscription", websiteID, pluginID, "settings")
}

func TestSaveSubscriptionSettings(t *testing.T) {
	srv, c := setupFor(t, "saveSubscriptionSettings")
	settings := *specRequestExample[api.PluginSettingsValues](t, "saveSubscriptionSettings")
	require.NoError(t, c.Plugin.SaveSubscriptionSettings(t.Context(), websiteID, oddPluginID, settings))
	req := requireSent(t, srv, "saveSubscriptionSettings", "PUT", "plugins", "subscription", websiteID, oddPluginID, "settings")
	requireBody(t, req, string(requestExamples(t)["saveSubscriptionSettings"]))

	// An empty map clears the settings; nil is refused.
	require.NoError(t, c.Plugin.SaveSubscriptionSettings(t.Context(), websiteID, pluginID, api.PluginSettingsValues{}))
	requireBody(t, lastRequest(t, srv, "saveSubscriptionSettings"), `{}`)
	srv.Reset()
	requireRefused(t, srv, c.Plugin.SaveSubscriptionSettings(t.Context(), websiteID, pluginID, nil))
}

func TestUpdateSubscriptionSettings(t *testing.T) {
	srv, c := setupFor(t, "updateSubscriptionSettings")
	settings := api.PluginSettingsValues{"chatbox": map[string]any{"25": "#bbbbbb"}, "enabled": true}
	require.NoError(t, c.Plugin.UpdateSubscriptionSettings(t.Context(), websiteID, pluginID, settings))
	req := requireSent(t, srv, "updateSubscriptionSettings", "PATCH", "plugins", "subscription", websiteID, pluginID, "settings")
	requireBody(t, req, `{"chatbox":{"25":"#bbbbbb"},"enabled":true}`)

	srv.Reset()
	requireRefused(t, srv, c.Plugin.UpdateSubscriptionSettings(t.Context(), websiteID, pluginID, nil))
}

func TestReportPluginUsageToBill(t *testing.T) {
	srv, c := setupFor(t, "reportPluginUsageToBill")
	body := specRequestExample[api.PluginUsageReport](t, "reportPluginUsageToBill")
	require.NoError(t, c.Plugin.ReportPluginUsageToBill(t.Context(), websiteID, pluginID, body))
	req := requireSent(t, srv, "reportPluginUsageToBill", "POST", "plugins", "subscription", websiteID, pluginID, "bill", "usage")
	requireBody(t, req, string(requestExamples(t)["reportPluginUsageToBill"]))

	srv.Reset()
	requireRefused(t, srv, c.Plugin.ReportPluginUsageToBill(t.Context(), websiteID, pluginID, nil))
}

func TestForwardPluginPayloadToChannel(t *testing.T) {
	srv, c := setupFor(t, "forwardPluginPayloadToChannel")
	body := specRequestExample[api.PluginChannelForward](t, "forwardPluginPayloadToChannel")
	require.NoError(t, c.Plugin.ForwardPluginPayloadToChannel(t.Context(), websiteID, oddPluginID, body))
	req := requireSent(t, srv, "forwardPluginPayloadToChannel", "POST", "plugins", "subscription", websiteID, oddPluginID, "channel")
	requireBody(t, req, string(requestExamples(t)["forwardPluginPayloadToChannel"]))

	srv.Reset()
	requireRefused(t, srv, c.Plugin.ForwardPluginPayloadToChannel(t.Context(), websiteID, pluginID, nil))
}

func TestDispatchPluginEvent(t *testing.T) {
	srv, c := setupFor(t, "dispatchPluginEvent")
	body := specRequestExample[api.PluginEventDispatch](t, "dispatchPluginEvent")
	require.NoError(t, c.Plugin.DispatchPluginEvent(t.Context(), websiteID, pluginID, body))
	req := requireSent(t, srv, "dispatchPluginEvent", "POST", "plugins", "subscription", websiteID, pluginID, "event")
	requireBody(t, req, string(requestExamples(t)["dispatchPluginEvent"]))

	srv.Reset()
	requireRefused(t, srv, c.Plugin.DispatchPluginEvent(t.Context(), websiteID, pluginID, nil))
}
