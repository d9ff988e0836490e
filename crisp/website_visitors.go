package crisp

import (
	"context"
	"iter"

	"github.com/crisp-go/crisp-go/api"
)

// CountVisitors counts the visitors currently browsing a website.
//
//crisp:operation countVisitors
func (s *WebsiteService) CountVisitors(ctx context.Context, websiteID string) (*api.VisitorCount, error) {
	const op = "countVisitors"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.CountVisitors(ctx, websiteID)
	return decode[api.VisitorCount](op, resp, err)
}

// ListVisitors returns one page (1-based) of the visitors currently
// browsing a website.
//
//crisp:operation listVisitors
func (s *WebsiteService) ListVisitors(ctx context.Context, websiteID string, page int) ([]api.Visitor, error) {
	return listWebsitePage[api.Visitor](ctx, "listVisitors", websiteID, page, s.c.api.ListVisitors)
}

// ListVisitorsIter walks every page of ListVisitors and yields the
// visitors one by one; it stops at the first error, which it yields.
func (s *WebsiteService) ListVisitorsIter(ctx context.Context, websiteID string) iter.Seq2[api.Visitor, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.Visitor, error) {
		return s.ListVisitors(ctx, websiteID, page)
	})
}

// PinpointVisitorsOnMapOptions centers PinpointVisitorsOnMap on an area;
// all three fields are sent together.
type PinpointVisitorsOnMapOptions struct {
	// CenterLongitude is the longitude of the center, -180 to 180.
	CenterLongitude float64
	// CenterLatitude is the latitude of the center, -90 to 90.
	CenterLatitude float64
	// CenterRadius is the radius of the area around the center, 0 or more.
	CenterRadius int
}

// params builds the generated query parameters.
func (o *PinpointVisitorsOnMapOptions) params(op string) (*api.PinpointVisitorsOnMapParams, error) {
	if o == nil {
		return nil, nil
	}
	if !(o.CenterLongitude >= -180 && o.CenterLongitude <= 180) {
		return nil, invalidArg(op, "CenterLongitude must be between -180 and 180, got %v", o.CenterLongitude)
	}
	if !(o.CenterLatitude >= -90 && o.CenterLatitude <= 90) {
		return nil, invalidArg(op, "CenterLatitude must be between -90 and 90, got %v", o.CenterLatitude)
	}
	if o.CenterRadius < 0 {
		return nil, invalidArg(op, "CenterRadius must be 0 or more, got %d", o.CenterRadius)
	}
	lon, lat, radius := o.CenterLongitude, o.CenterLatitude, o.CenterRadius
	return &api.PinpointVisitorsOnMapParams{CenterLongitude: &lon, CenterLatitude: &lat, CenterRadius: &radius}, nil
}

// PinpointVisitorsOnMap places the visitors of a website on a map,
// worldwide when opts is nil or around the center point opts gives.
//
//crisp:operation pinpointVisitorsOnMap
func (s *WebsiteService) PinpointVisitorsOnMap(ctx context.Context, websiteID string, opts *PinpointVisitorsOnMapOptions) ([]api.VisitorMapPoint, error) {
	const op = "pinpointVisitorsOnMap"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	params, err := opts.params(op)
	if err != nil {
		return nil, err
	}
	resp, err := s.c.api.PinpointVisitorsOnMap(ctx, websiteID, params)
	return decodeList[api.VisitorMapPoint](op, resp, err)
}

// GetSessionIdentifierFromToken resolves the session identifier bound to a
// visitor session token.
//
//crisp:operation getSessionIdentifierFromToken
func (s *WebsiteService) GetSessionIdentifierFromToken(ctx context.Context, websiteID, tokenID string) (*api.VisitorTokenSession, error) {
	const op = "getSessionIdentifierFromToken"
	if err := checkPath(op, "website_id", websiteID, "token_id", tokenID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetSessionIdentifierFromToken(ctx, websiteID, tokenID)
	return decode[api.VisitorTokenSession](op, resp, err)
}

// CountBlockedVisitors counts the blocked visitors of a website, for each
// blocking rule.
//
//crisp:operation countBlockedVisitors
func (s *WebsiteService) CountBlockedVisitors(ctx context.Context, websiteID string) ([]api.VisitorBlockedCount, error) {
	const op = "countBlockedVisitors"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.CountBlockedVisitors(ctx, websiteID)
	return decodeList[api.VisitorBlockedCount](op, resp, err)
}

// CountBlockedVisitorsInRule counts the blocked visitors of a website for
// one blocking rule (for example "ip").
//
//crisp:operation countBlockedVisitorsInRule
func (s *WebsiteService) CountBlockedVisitorsInRule(ctx context.Context, websiteID, rule string) (*api.VisitorBlockedCount, error) {
	const op = "countBlockedVisitorsInRule"
	if err := checkPath(op, "website_id", websiteID, "rule", rule); err != nil {
		return nil, err
	}
	resp, err := s.c.api.CountBlockedVisitorsInRule(ctx, websiteID, rule)
	return decode[api.VisitorBlockedCount](op, resp, err)
}

// ClearBlockedVisitorsInRule clears the blocked visitors of a website for
// one blocking rule.
//
//crisp:operation clearBlockedVisitorsInRule
func (s *WebsiteService) ClearBlockedVisitorsInRule(ctx context.Context, websiteID, rule string) error {
	const op = "clearBlockedVisitorsInRule"
	if err := checkPath(op, "website_id", websiteID, "rule", rule); err != nil {
		return err
	}
	resp, err := s.c.api.ClearBlockedVisitorsInRule(ctx, websiteID, rule)
	return done(op, resp, err)
}

// GetWebsiteAvailabilityStatus resolves the availability status of a
// website, derived from its operators.
//
//crisp:operation getWebsiteAvailabilityStatus
func (s *WebsiteService) GetWebsiteAvailabilityStatus(ctx context.Context, websiteID string) (*api.AvailabilityStatus, error) {
	const op = "getWebsiteAvailabilityStatus"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetWebsiteAvailabilityStatus(ctx, websiteID)
	return decode[api.AvailabilityStatus](op, resp, err)
}

// ListWebsiteOperatorAvailabilities lists the availability of each
// operator of a website.
//
//crisp:operation listWebsiteOperatorAvailabilities
func (s *WebsiteService) ListWebsiteOperatorAvailabilities(ctx context.Context, websiteID string) ([]api.AvailabilityOperator, error) {
	const op = "listWebsiteOperatorAvailabilities"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListWebsiteOperatorAvailabilities(ctx, websiteID)
	return decodeList[api.AvailabilityOperator](op, resp, err)
}

// GenerateAnalytics generates the analytics points of a website for the
// metric, type and date range body asks for.
//
//crisp:operation generateAnalytics
func (s *WebsiteService) GenerateAnalytics(ctx context.Context, websiteID string, body *api.AnalyticsQuery) ([]api.AnalyticsPoint, error) {
	const op = "generateAnalytics"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	if err := checkBody(op, body); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GenerateAnalytics(ctx, websiteID, *body)
	return decodeList[api.AnalyticsPoint](op, resp, err)
}
