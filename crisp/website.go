package crisp

import (
	"context"

	"github.com/crisp-go/crisp-go/api"
)

// CheckWebsiteExists reports whether a Crisp website exists for a domain
// (for example "crisp.chat").
//
//crisp:operation checkWebsiteExists
func (s *WebsiteService) CheckWebsiteExists(ctx context.Context, domain string) (bool, error) {
	const op = "checkWebsiteExists"
	if domain == "" {
		return false, invalidArg(op, "domain must not be empty")
	}
	resp, err := s.c.api.CheckWebsiteExists(ctx, &api.CheckWebsiteExistsParams{Domain: domain})
	return exists(op, resp, err)
}
