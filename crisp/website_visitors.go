package crisp

import (
	"context"

	"github.com/crisp-go/crisp-go/api"
)

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
