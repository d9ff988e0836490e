package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/stretchr/testify/require"
)

func TestSendEmailToWebsiteOperators(t *testing.T) {
	srv, c := setupFor(t, "sendEmailToWebsiteOperators")
	requireRefused(t, srv, c.Website.SendEmailToWebsiteOperators(t.Context(), websiteID, nil))

	body := specRequestExample[api.OperatorEmail](t, "sendEmailToWebsiteOperators")
	require.NoError(t, c.Website.SendEmailToWebsiteOperators(t.Context(), websiteID, body))
	req := requireSent(t, srv, "sendEmailToWebsiteOperators", "POST", "website", websiteID, "operators", "email")
	requireBody(t, req, string(requestExamples(t)["sendEmailToWebsiteOperators"]))
}

func TestInviteWebsiteOperator(t *testing.T) {
	srv, c := setupFor(t, "inviteWebsiteOperator")
	requireRefused(t, srv, c.Website.InviteWebsiteOperator(t.Context(), websiteID, nil))

	body := specRequestExample[api.OperatorInvitation](t, "inviteWebsiteOperator")
	require.NoError(t, c.Website.InviteWebsiteOperator(t.Context(), websiteID, body))
	req := requireSent(t, srv, "inviteWebsiteOperator", "POST", "website", websiteID, "operator")
	requireBody(t, req, `{"email":"julien@crisp.chat","role":"member","verify":{"method":"password","secret":"MySuperSecurePassword"}}`)
}

func TestGetWebsiteOperator(t *testing.T) {
	const operatorUserID = "julien@crisp.chat/ops ?" // reserved characters, escaped in the path
	srv, c := setupFor(t, "getWebsiteOperator")
	got, err := c.Website.GetWebsiteOperator(t.Context(), websiteID, operatorUserID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.Operator](t, srv, "getWebsiteOperator"), *got)
	requireSent(t, srv, "getWebsiteOperator", "GET", "website", websiteID, "operator", operatorUserID)

	_, err = c.Website.GetWebsiteOperator(t.Context(), websiteID, "")
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
}

func TestChangeOperatorMembership(t *testing.T) {
	const operatorUserID = "julien@crisp.chat/ops ?" // reserved characters, escaped in the path
	srv, c := setupFor(t, "changeOperatorMembership")
	requireRefused(t, srv, c.Website.ChangeOperatorMembership(t.Context(), websiteID, operatorUserID, nil))

	body := specRequestExample[api.OperatorMembership](t, "changeOperatorMembership")
	require.NoError(t, c.Website.ChangeOperatorMembership(t.Context(), websiteID, operatorUserID, body))
	req := requireSent(t, srv, "changeOperatorMembership", "PATCH", "website", websiteID, "operator", operatorUserID)
	requireBody(t, req, `{"role":"owner","title":"CTO"}`)
}

func TestUnlinkOperatorFromWebsite(t *testing.T) {
	const operatorUserID = "julien@crisp.chat/ops ?" // reserved characters, escaped in the path
	srv, c := setupFor(t, "unlinkOperatorFromWebsite")
	require.NoError(t, c.Website.UnlinkOperatorFromWebsite(t.Context(), websiteID, operatorUserID))
	requireSent(t, srv, "unlinkOperatorFromWebsite", "DELETE", "website", websiteID, "operator", operatorUserID)
}
