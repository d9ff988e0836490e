package crisp

import (
	"context"

	"github.com/crisp-go/crisp-go/api"
)

// ListAllActiveSubscriptions returns the active plugin subscriptions of all
// the websites the user is a member of or pays for.
//
//crisp:operation listAllActiveSubscriptions
func (s *PluginService) ListAllActiveSubscriptions(ctx context.Context) ([]api.PluginSubscription, error) {
	const op = "listAllActiveSubscriptions"
	resp, err := s.c.api.ListAllActiveSubscriptions(ctx)
	return decodeList[api.PluginSubscription](op, resp, err)
}

// ListSubscriptionsForWebsite returns the plugin subscriptions of a
// website.
//
//crisp:operation listSubscriptionsForWebsite
func (s *PluginService) ListSubscriptionsForWebsite(ctx context.Context, websiteID string) ([]api.PluginSubscription, error) {
	const op = "listSubscriptionsForWebsite"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListSubscriptionsForWebsite(ctx, websiteID)
	return decodeList[api.PluginSubscription](op, resp, err)
}

// SubscribeWebsiteToPlugin subscribes a website to a plugin, which installs
// the plugin on the website.
//
//crisp:operation subscribeWebsiteToPlugin
func (s *PluginService) SubscribeWebsiteToPlugin(ctx context.Context, websiteID string, body *api.PluginSubscriptionCreate) error {
	const op = "subscribeWebsiteToPlugin"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.SubscribeWebsiteToPlugin(ctx, websiteID, *body)
	return done(op, resp, err)
}

// GetSubscriptionDetails returns the subscription of a website to a
// plugin.
//
//crisp:operation getSubscriptionDetails
func (s *PluginService) GetSubscriptionDetails(ctx context.Context, websiteID, pluginID string) (*api.PluginSubscription, error) {
	const op = "getSubscriptionDetails"
	if err := checkPath(op, "website_id", websiteID, "plugin_id", pluginID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetSubscriptionDetails(ctx, websiteID, pluginID)
	return decode[api.PluginSubscription](op, resp, err)
}

// UnsubscribePluginFromWebsite unsubscribes a website from a plugin, which
// uninstalls the plugin from the website.
//
//crisp:operation unsubscribePluginFromWebsite
func (s *PluginService) UnsubscribePluginFromWebsite(ctx context.Context, websiteID, pluginID string) error {
	const op = "unsubscribePluginFromWebsite"
	if err := checkPath(op, "website_id", websiteID, "plugin_id", pluginID); err != nil {
		return err
	}
	resp, err := s.c.api.UnsubscribePluginFromWebsite(ctx, websiteID, pluginID)
	return done(op, resp, err)
}

// GetSubscriptionSettings returns the settings of a plugin on a website,
// with the plugin's settings schema and URLs.
//
//crisp:operation getSubscriptionSettings
func (s *PluginService) GetSubscriptionSettings(ctx context.Context, websiteID, pluginID string) (*api.PluginSubscriptionSettings, error) {
	const op = "getSubscriptionSettings"
	if err := checkPath(op, "website_id", websiteID, "plugin_id", pluginID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetSubscriptionSettings(ctx, websiteID, pluginID)
	return decode[api.PluginSubscriptionSettings](op, resp, err)
}

// SaveSubscriptionSettings saves the settings of a plugin on a website,
// replacing all the existing settings. The settings are free-form, shaped
// by the plugin's settings schema; nil is refused (pass an empty map to
// clear them).
//
//crisp:operation saveSubscriptionSettings
func (s *PluginService) SaveSubscriptionSettings(ctx context.Context, websiteID, pluginID string, settings api.PluginSettingsValues) error {
	const op = "saveSubscriptionSettings"
	if err := checkPath(op, "website_id", websiteID, "plugin_id", pluginID); err != nil {
		return err
	}
	if settings == nil {
		return invalidArg(op, "settings must not be nil")
	}
	resp, err := s.c.api.SaveSubscriptionSettings(ctx, websiteID, pluginID, settings)
	return done(op, resp, err)
}

// UpdateSubscriptionSettings merges settings into the existing settings of
// a plugin on a website. The settings are free-form, shaped by the
// plugin's settings schema; nil is refused.
//
//crisp:operation updateSubscriptionSettings
func (s *PluginService) UpdateSubscriptionSettings(ctx context.Context, websiteID, pluginID string, settings api.PluginSettingsValues) error {
	const op = "updateSubscriptionSettings"
	if err := checkPath(op, "website_id", websiteID, "plugin_id", pluginID); err != nil {
		return err
	}
	if settings == nil {
		return invalidArg(op, "settings must not be nil")
	}
	resp, err := s.c.api.UpdateSubscriptionSettings(ctx, websiteID, pluginID, settings)
	return done(op, resp, err)
}

// GetPluginUsageBills returns the open (not yet settled) usage bills of a
// plugin on a website.
//
//crisp:operation getPluginUsageBills
func (s *PluginService) GetPluginUsageBills(ctx context.Context, websiteID, pluginID string) ([]api.PluginUsageBill, error) {
	const op = "getPluginUsageBills"
	if err := checkPath(op, "website_id", websiteID, "plugin_id", pluginID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetPluginUsageBills(ctx, websiteID, pluginID)
	return decodeList[api.PluginUsageBill](op, resp, err)
}

// ReportPluginUsageToBill reports a billable usage of a plugin by a
// website.
//
//crisp:operation reportPluginUsageToBill
func (s *PluginService) ReportPluginUsageToBill(ctx context.Context, websiteID, pluginID string, body *api.PluginUsageReport) error {
	const op = "reportPluginUsageToBill"
	if err := checkPath(op, "website_id", websiteID, "plugin_id", pluginID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.ReportPluginUsageToBill(ctx, websiteID, pluginID, *body)
	return done(op, resp, err)
}

// GetPluginAttestProvenance returns an attestation of the calling user's
// provenance for a plugin on a website, signed with the plugin signature
// secret.
//
//crisp:operation getPluginAttestProvenance
func (s *PluginService) GetPluginAttestProvenance(ctx context.Context, websiteID, pluginID string) (*api.PluginAttestProvenance, error) {
	const op = "getPluginAttestProvenance"
	if err := checkPath(op, "website_id", websiteID, "plugin_id", pluginID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetPluginAttestProvenance(ctx, websiteID, pluginID)
	return decode[api.PluginAttestProvenance](op, resp, err)
}

// ForwardPluginPayloadToChannel forwards a payload to the plugin channel of
// a website, where it is delivered as a plugin:channel event.
//
//crisp:operation forwardPluginPayloadToChannel
func (s *PluginService) ForwardPluginPayloadToChannel(ctx context.Context, websiteID, pluginID string, body *api.PluginChannelForward) error {
	const op = "forwardPluginPayloadToChannel"
	if err := checkPath(op, "website_id", websiteID, "plugin_id", pluginID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.ForwardPluginPayloadToChannel(ctx, websiteID, pluginID, *body)
	return done(op, resp, err)
}

// DispatchPluginEvent dispatches a named plugin event with data on a
// website, where it is delivered as a plugin:event event.
//
//crisp:operation dispatchPluginEvent
func (s *PluginService) DispatchPluginEvent(ctx context.Context, websiteID, pluginID string, body *api.PluginEventDispatch) error {
	const op = "dispatchPluginEvent"
	if err := checkPath(op, "website_id", websiteID, "plugin_id", pluginID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.DispatchPluginEvent(ctx, websiteID, pluginID, *body)
	return done(op, resp, err)
}
