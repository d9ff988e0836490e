package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/stretchr/testify/require"
)

func TestListAllActivePlanSubscriptions(t *testing.T) {
	srv, c := setupFor(t, "listAllActivePlanSubscriptions")
	got, err := c.Plan.ListAllActivePlanSubscriptions(t.Context())
	require.NoError(t, err)
	require.Equal(t, exampleData[[]api.PlanSubscription](t, srv, "listAllActivePlanSubscriptions"), got)
	require.NotEmpty(t, got)
	req := lastRequest(t, srv, "listAllActivePlanSubscriptions")
	require.Equal(t, "GET", req.Method)
	requirePath(t, req, "plans", "subscription")
}

func TestGetPlanSubscriptionForWebsite(t *testing.T) {
	srv, c := setupFor(t, "getPlanSubscriptionForWebsite")
	got, err := c.Plan.GetPlanSubscriptionForWebsite(t.Context(), websiteID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.PlanSubscription](t, srv, "getPlanSubscriptionForWebsite"), *got)
	require.Equal(t, api.PlanBillPeriodYearly, got.BillPeriod)
	requirePath(t, lastRequest(t, srv, "getPlanSubscriptionForWebsite"), "plans", "subscription", websiteID)

	srv.Reset()
	_, err = c.Plan.GetPlanSubscriptionForWebsite(t.Context(), "")
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Empty(t, srv.Requests())
}

func TestSubscribeWebsiteToPlan(t *testing.T) {
	srv, c := setupFor(t, "subscribeWebsiteToPlan")
	body := specRequestExample[api.PlanSubscriptionCreate](t, "subscribeWebsiteToPlan")
	require.NoError(t, c.Plan.SubscribeWebsiteToPlan(t.Context(), websiteID, body))
	req := lastRequest(t, srv, "subscribeWebsiteToPlan")
	require.Equal(t, "POST", req.Method)
	requirePath(t, req, "plans", "subscription", websiteID)
	requireBody(t, req, string(requestExamples(t)["subscribeWebsiteToPlan"]))

	srv.Reset()
	require.ErrorIs(t, c.Plan.SubscribeWebsiteToPlan(t.Context(), websiteID, nil), crisp.ErrInvalidArgument)
	require.Empty(t, srv.Requests())
}

func TestUnsubscribePlanFromWebsite(t *testing.T) {
	srv, c := setupFor(t, "unsubscribePlanFromWebsite")
	require.NoError(t, c.Plan.UnsubscribePlanFromWebsite(t.Context(), websiteID))
	req := lastRequest(t, srv, "unsubscribePlanFromWebsite")
	require.Equal(t, "DELETE", req.Method)
	requirePath(t, req, "plans", "subscription", websiteID)
}

func TestChangeBillPeriodForWebsitePlanSubscription(t *testing.T) {
	srv, c := setupFor(t, "changeBillPeriodForWebsitePlanSubscription")
	body := specRequestExample[api.PlanBillPeriodChange](t, "changeBillPeriodForWebsitePlanSubscription")
	require.NoError(t, c.Plan.ChangeBillPeriodForWebsitePlanSubscription(t.Context(), websiteID, body))
	req := lastRequest(t, srv, "changeBillPeriodForWebsitePlanSubscription")
	require.Equal(t, "PATCH", req.Method)
	requirePath(t, req, "plans", "subscription", websiteID, "bill", "period")
	requireBody(t, req, string(requestExamples(t)["changeBillPeriodForWebsitePlanSubscription"]))

	require.NoError(t, c.Plan.ChangeBillPeriodForWebsitePlanSubscription(t.Context(), websiteID, &api.PlanBillPeriodChange{Period: api.PlanBillPeriodMonthly}))
	requireBody(t, lastRequest(t, srv, "changeBillPeriodForWebsitePlanSubscription"), `{"period":"monthly"}`)

	srv.Reset()
	require.ErrorIs(t, c.Plan.ChangeBillPeriodForWebsitePlanSubscription(t.Context(), websiteID, nil), crisp.ErrInvalidArgument)
	require.Empty(t, srv.Requests())
}

func TestCheckCouponAvailabilityForWebsitePlanSubscription(t *testing.T) {
	srv, c := setupFor(t, "checkCouponAvailabilityForWebsitePlanSubscription")
	got, err := c.Plan.CheckCouponAvailabilityForWebsitePlanSubscription(t.Context(), websiteID, "CRISP+AWESOME &more")
	require.NoError(t, err)
	require.Equal(t, exampleData[api.PlanCoupon](t, srv, "checkCouponAvailabilityForWebsitePlanSubscription"), *got)
	require.Equal(t, "CRISP+AWESOME", got.Code)
	req := lastRequest(t, srv, "checkCouponAvailabilityForWebsitePlanSubscription")
	require.Equal(t, "GET", req.Method)
	requirePath(t, req, "plans", "subscription", websiteID, "coupon")
	require.Equal(t, "CRISP+AWESOME &more", req.Query.Get("code"), "the + and & of a code survive the query string")

	srv.Reset()
	_, err = c.Plan.CheckCouponAvailabilityForWebsitePlanSubscription(t.Context(), websiteID, "")
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Empty(t, srv.Requests())
}

func TestRedeemCouponForWebsitePlanSubscription(t *testing.T) {
	srv, c := setupFor(t, "redeemCouponForWebsitePlanSubscription")
	body := specRequestExample[api.PlanCouponRedeem](t, "redeemCouponForWebsitePlanSubscription")
	require.NoError(t, c.Plan.RedeemCouponForWebsitePlanSubscription(t.Context(), websiteID, body))
	req := lastRequest(t, srv, "redeemCouponForWebsitePlanSubscription")
	require.Equal(t, "PATCH", req.Method)
	requirePath(t, req, "plans", "subscription", websiteID, "coupon")
	requireBody(t, req, string(requestExamples(t)["redeemCouponForWebsitePlanSubscription"]))

	srv.Reset()
	require.ErrorIs(t, c.Plan.RedeemCouponForWebsitePlanSubscription(t.Context(), websiteID, nil), crisp.ErrInvalidArgument)
	require.Empty(t, srv.Requests())
}
