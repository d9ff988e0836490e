package crisp

import (
	"context"

	"github.com/crisp-go/crisp-go/api"
)

// CheckCouponAvailabilityForWebsitePlanSubscription resolves a coupon code
// and checks whether it can be redeemed for the plan subscription of a
// website.
//
//crisp:operation checkCouponAvailabilityForWebsitePlanSubscription
func (s *PlanService) CheckCouponAvailabilityForWebsitePlanSubscription(ctx context.Context, websiteID, code string) (*api.PlanCoupon, error) {
	const op = "checkCouponAvailabilityForWebsitePlanSubscription"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	if code == "" {
		return nil, invalidArg(op, "code must not be empty")
	}
	params := &api.CheckCouponAvailabilityForWebsitePlanSubscriptionParams{Code: code}
	resp, err := s.c.api.CheckCouponAvailabilityForWebsitePlanSubscription(ctx, websiteID, params)
	return decode[api.PlanCoupon](op, resp, err)
}
