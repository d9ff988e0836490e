package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/stretchr/testify/require"
)

func TestGetPlanSubscriptionForWebsite(t *testing.T) {
	srv, c := setupFor(t, "getPlanSubscriptionForWebsite")
	got, err := c.Plan.GetPlanSubscriptionForWebsite(t.Context(), websiteID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.PlanSubscription](t, srv, "getPlanSubscriptionForWebsite"), *got)
	require.Equal(t, api.PlanBillPeriodYearly, got.BillPeriod)
	requirePath(t, lastRequest(t, srv, "getPlanSubscriptionForWebsite"), "plans", "subscription", websiteID)

	srv.Reset()
	_, err = c.Plan.GetPlanSubscriptionForWebsite(t.Context(), "")
	requireRefused(t, srv, err)
}

func TestSubscribeWebsiteToPlan(t *testing.T) {
	srv, c := setupFor(t, "subscribeWebsiteToPlan")
	body := specRequestExample[api.PlanSubscriptionCreate](t, "subscribeWebsiteToPlan")
	require.NoError(t, c.Plan.SubscribeWebsiteToPlan(t.Context(), websiteID, body))
	req := requireSent(t, srv, "subscribeWebsiteToPlan", "POST", "plans", "subscription", websiteID)
	requireBody(t, req, string(requestExamples(t)["subscribeWebsiteToPlan"]))

	srv.Reset()
	requireRefused(t, srv, c.Plan.SubscribeWebsiteToPlan(t.Context(), websiteID, nil))
}

func TestChangeBillPeriodForWebsitePlanSubscription(t *testing.T) {
	srv, c := setupFor(t, "changeBillPeriodForWebsitePlanSubscription")
	body := specRequestExample[api.PlanBillPeriodChange](t, "changeBillPeriodForWebsitePlanSubscription")
	require.NoError(t, c.Plan.ChangeBillPeriodForWebsitePlanSubscription(t.Context(), websiteID, body))
	req := requireSent(t, srv, "changeBillPeriodForWebsitePlanSubscription", "PATCH", "plans", "subscription", websiteID, "bill", "period")
	requireBody(t, req, string(requestExamples(t)["changeBillPeriodForWebsitePlanSubscription"]))

	require.NoError(t, c.Plan.ChangeBillPeriodForWebsitePlanSubscription(t.Context(), websiteID, &api.PlanBillPeriodChange{Period: api.PlanBillPeriodMonthly}))
	requireBody(t, lastRequest(t, srv, "changeBillPeriodForWebsitePlanSubscription"), `{"period":"monthly"}`)

	srv.Reset()
	requireRefused(t, srv, c.Plan.ChangeBillPeriodForWebsitePlanSubscription(t.Context(), websiteID, nil))
}

func TestCheckCouponAvailabilityForWebsitePlanSubscription(t *testing.T) {
	srv, c := setupFor(t, "checkCouponAvailabilityForWebsitePlanSubscription")
	got, err := c.Plan.CheckCouponAvailabilityForWebsitePlanSubscription(t.Context(), websiteID, "CRISP+AWESOME &more")
	require.NoError(t, err)
	require.Equal(t, exampleData[api.PlanCoupon](t, srv, "checkCouponAvailabilityForWebsitePlanSubscription"), *got)
	require.Equal(t, "CRISP+AWESOME", got.Code)
	req := requireSent(t, srv, "checkCouponAvailabilityForWebsitePlanSubscription", "GET", "plans", "subscription", websiteID, "coupon")
	require.Equal(t, "CRISP+AWESOME &more", req.Query.Get("code"), "the + and & of a code survive the query string")

	srv.Reset()
	_, err = c.Plan.CheckCouponAvailabilityForWebsitePlanSubscription(t.Context(), websiteID, "")
	requireRefused(t, srv, err)
}

func TestRedeemCouponForWebsitePlanSubscription(t *testing.T) {
	srv, c := setupFor(t, "redeemCouponForWebsitePlanSubscription")
	body := specRequestExample[api.PlanCouponRedeem](t, "redeemCouponForWebsitePlanSubscription")
	require.NoError(t, c.Plan.RedeemCouponForWebsitePlanSubscription(t.Context(), websiteID, body))
	req := requireSent(t, srv, "redeemCouponForWebsitePlanSubscription", "PATCH", "plans", "subscription", websiteID, "coupon")
	requireBody(t, req, string(requestExamples(t)["redeemCouponForWebsitePlanSubscription"]))

	srv.Reset()
	requireRefused(t, srv, c.Plan.RedeemCouponForWebsitePlanSubscription(t.Context(), websiteID, nil))
}
