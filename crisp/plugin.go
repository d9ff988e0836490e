package crisp

import (
	"context"
	"time"

	"github.com/crisp-go/crisp-go/api"
)

// ListConnectWebsitesSince returns the websites that installed, removed or
// changed the connected plugin after since, filtered by opts (which may be
// nil); each website's Difference says what changed.
//
//crisp:operation listConnectWebsitesSince
func (s *PluginService) ListConnectWebsitesSince(ctx context.Context, since time.Time, opts *ListConnectWebsitesOptions) ([]api.PluginConnectWebsite, error) {
	const op = "listConnectWebsitesSince"
	if since.IsZero() {
		return nil, invalidArg(op, "date_since must not be the zero time")
	}
	params := &api.ListConnectWebsitesSinceParams{DateSince: since}
	if opts != nil {
		params.FilterConfigured = flag(opts.FilterConfigured)
		params.IncludePlan = flag(opts.IncludePlan)
	}
	resp, err := s.c.api.ListConnectWebsitesSince(ctx, params)
	return decodeList[api.PluginConnectWebsite](op, resp, err)
}
