package crisp

import (
	"context"

	"github.com/crisp-go/crisp-go/api"
)

// GenerateHelpdeskDomainSetupFlow returns the DNS records to set up so that
// a custom domain serves the helpdesk; params (which may be nil) names the
// custom domain, by default the one already requested.
//
//crisp:operation generateHelpdeskDomainSetupFlow
func (s *WebsiteService) GenerateHelpdeskDomainSetupFlow(ctx context.Context, websiteID string, params *api.GenerateHelpdeskDomainSetupFlowParams) (*api.HelpdeskDomainSetupFlow, error) {
	const op = "generateHelpdeskDomainSetupFlow"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GenerateHelpdeskDomainSetupFlow(ctx, websiteID, params)
	return decode[api.HelpdeskDomainSetupFlow](op, resp, err)
}
