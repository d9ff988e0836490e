package crisp

import (
	"context"

	"github.com/crisp-go/crisp-go/api"
)

// ListAllActivePlanSubscriptions returns the active plan subscriptions of
// all the websites the user is a member of or pays for.
//
//crisp:operation listAllActivePlanSubscriptions
func (s *PlanService) ListAllActivePlanSubscriptions(ctx context.Context) ([]api.PlanSubscription, error) {
	const op = "listAllActivePlanSubscriptions"
	resp, err := s.c.api.ListAllActivePlanSubscriptions(ctx)
	return decodeList[api.PlanSubscription](op, resp, err)
}

// GetPlanSubscriptionForWebsite returns the plan subscription of a website.
//
//crisp:operation getPlanSubscriptionForWebsite
func (s *PlanService) GetPlanSubscriptionForWebsite(ctx context.Context, websiteID string) (*api.PlanSubscription, error) {
	const op = "getPlanSubscriptionForWebsite"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetPlanSubscriptionForWebsite(ctx, websiteID)
	return decode[api.PlanSubscription](op, resp, err)
}

// SubscribeWebsiteToPlan subscribes a website to a plan.
//
//crisp:operation subscribeWebsiteToPlan
func (s *PlanService) SubscribeWebsiteToPlan(ctx context.Context, websiteID string, body *api.PlanSubscriptionCreate) error {
	const op = "subscribeWebsiteToPlan"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.SubscribeWebsiteToPlan(ctx, websiteID, *body)
	return done(op, resp, err)
}

// UnsubscribePlanFromWebsite unsubscribes a website from its plan.
//
//crisp:operation unsubscribePlanFromWebsite
func (s *PlanService) UnsubscribePlanFromWebsite(ctx context.Context, websiteID string) error {
	const op = "unsubscribePlanFromWebsite"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	resp, err := s.c.api.UnsubscribePlanFromWebsite(ctx, websiteID)
	return done(op, resp, err)
}

// ChangeBillPeriodForWebsitePlanSubscription changes how often the plan
// subscription of a website is billed (monthly or yearly).
//
//crisp:operation changeBillPeriodForWebsitePlanSubscription
func (s *PlanService) ChangeBillPeriodForWebsitePlanSubscription(ctx context.Context, websiteID string, body *api.PlanBillPeriodChange) error {
	const op = "changeBillPeriodForWebsitePlanSubscription"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.ChangeBillPeriodForWebsitePlanSubscription(ctx, websiteID, *body)
	return done(op, resp, err)
}

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

// RedeemCouponForWebsitePlanSubscription redeems a coupon code for the plan
// subscription of a website.
//
//crisp:operation redeemCouponForWebsitePlanSubscription
func (s *PlanService) RedeemCouponForWebsitePlanSubscription(ctx context.Context, websiteID string, body *api.PlanCouponRedeem) error {
	const op = "redeemCouponForWebsitePlanSubscription"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.RedeemCouponForWebsitePlanSubscription(ctx, websiteID, *body)
	return done(op, resp, err)
}
