package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/stretchr/testify/require"
)

func TestChangeBillPeriodForWebsitePlanSubscription(t *testing.T) {
	srv, c := setupFor(t, "changeBillPeriodForWebsitePlanSubscription")
	// The spec's example is yearly.
	require.NoError(t, c.Plan.ChangeBillPeriodForWebsitePlanSubscription(t.Context(), websiteID, &api.PlanBillPeriodChange{Period: api.PlanBillPeriodMonthly}))
	requireBody(t, lastRequest(t, srv, "changeBillPeriodForWebsitePlanSubscription"), `{"period":"monthly"}`)
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
