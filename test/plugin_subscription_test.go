package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/stretchr/testify/require"
)

func TestSaveSubscriptionSettings(t *testing.T) {
	srv, c := setupFor(t, "saveSubscriptionSettings")
	// An empty map clears the settings; nil is refused.
	require.NoError(t, c.Plugin.SaveSubscriptionSettings(t.Context(), websiteID, pluginID, api.PluginSettingsValues{}))
	requireBody(t, lastRequest(t, srv, "saveSubscriptionSettings"), `{}`)
	srv.Reset()
	requireRefused(t, srv, c.Plugin.SaveSubscriptionSettings(t.Context(), websiteID, pluginID, nil))
}

func TestUpdateSubscriptionSettings(t *testing.T) {
	srv, c := setupFor(t, "updateSubscriptionSettings")
	// A boolean next to the spec's example.
	settings := api.PluginSettingsValues{"chatbox": map[string]any{"25": "#bbbbbb"}, "enabled": true}
	require.NoError(t, c.Plugin.UpdateSubscriptionSettings(t.Context(), websiteID, pluginID, settings))
	req := requireSent(t, srv, "updateSubscriptionSettings", "PATCH", "plugins", "subscription", websiteID, pluginID, "settings")
	requireBody(t, req, `{"chatbox":{"25":"#bbbbbb"},"enabled":true}`)
}
