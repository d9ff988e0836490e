package crisp

import (
	"context"
	"iter"
	"time"

	"github.com/crisp-go/crisp-go/api"
)

// ListConnectWebsitesOptions filters ListAllConnectWebsites and
// ListConnectWebsitesSince. The zero value lists every website, without
// plans.
type ListConnectWebsitesOptions struct {
	// FilterConfigured lists only the websites where the plugin has been
	// configured.
	FilterConfigured bool
	// IncludePlan adds the Crisp plan of each website.
	IncludePlan bool
}

// ListAllConnectWebsites returns one page (1-based) of the websites that
// installed the connected plugin, filtered by opts (which may be nil).
//
//crisp:operation listAllConnectWebsites
func (s *PluginService) ListAllConnectWebsites(ctx context.Context, page int, opts *ListConnectWebsitesOptions) ([]api.PluginConnectWebsite, error) {
	const op = "listAllConnectWebsites"
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	var params *api.ListAllConnectWebsitesParams
	if opts != nil {
		params = &api.ListAllConnectWebsitesParams{
			FilterConfigured: flag(opts.FilterConfigured),
			IncludePlan:      flag(opts.IncludePlan),
		}
	}
	resp, err := s.c.api.ListAllConnectWebsites(ctx, page, params)
	return decodeList[api.PluginConnectWebsite](op, resp, err)
}

// ListAllConnectWebsitesIter walks every page of ListAllConnectWebsites
// and yields the websites one by one; it stops at the first error, which
// it yields.
func (s *PluginService) ListAllConnectWebsitesIter(ctx context.Context, opts *ListConnectWebsitesOptions) iter.Seq2[api.PluginConnectWebsite, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.PluginConnectWebsite, error) {
		return s.ListAllConnectWebsites(ctx, page, opts)
	})
}

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
