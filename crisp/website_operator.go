package crisp

import (
	"context"

	"github.com/crisp-go/crisp-go/api"
)

// ListWebsiteOperators lists all the operator members of a website.
//
//crisp:operation listWebsiteOperators
func (s *WebsiteService) ListWebsiteOperators(ctx context.Context, websiteID string) ([]api.OperatorMember, error) {
	const op = "listWebsiteOperators"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListWebsiteOperators(ctx, websiteID)
	return decodeList[api.OperatorMember](op, resp, err)
}

// ListLastActiveWebsiteOperators lists the operators of a website that
// were active most recently.
//
//crisp:operation listLastActiveWebsiteOperators
func (s *WebsiteService) ListLastActiveWebsiteOperators(ctx context.Context, websiteID string) ([]api.OperatorLastActive, error) {
	const op = "listLastActiveWebsiteOperators"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListLastActiveWebsiteOperators(ctx, websiteID)
	return decodeList[api.OperatorLastActive](op, resp, err)
}

// FlushLastActiveWebsiteOperators empties the list of last active
// operators of a website.
//
//crisp:operation flushLastActiveWebsiteOperators
func (s *WebsiteService) FlushLastActiveWebsiteOperators(ctx context.Context, websiteID string) error {
	const op = "flushLastActiveWebsiteOperators"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	resp, err := s.c.api.FlushLastActiveWebsiteOperators(ctx, websiteID)
	return done(op, resp, err)
}

// SendEmailToWebsiteOperators sends an email to the operators of a
// website.
//
//crisp:operation sendEmailToWebsiteOperators
func (s *WebsiteService) SendEmailToWebsiteOperators(ctx context.Context, websiteID string, body *api.OperatorEmail) error {
	const op = "sendEmailToWebsiteOperators"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.SendEmailToWebsiteOperators(ctx, websiteID, *body)
	return done(op, resp, err)
}

// InviteWebsiteOperator invites an email address to join a website as an
// operator.
//
//crisp:operation inviteWebsiteOperator
func (s *WebsiteService) InviteWebsiteOperator(ctx context.Context, websiteID string, body *api.OperatorInvitation) error {
	const op = "inviteWebsiteOperator"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.InviteWebsiteOperator(ctx, websiteID, *body)
	return done(op, resp, err)
}

// GetWebsiteOperator resolves an operator member of a website.
//
//crisp:operation getWebsiteOperator
func (s *WebsiteService) GetWebsiteOperator(ctx context.Context, websiteID, userID string) (*api.Operator, error) {
	const op = "getWebsiteOperator"
	if err := checkPath(op, "website_id", websiteID, "user_id", userID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetWebsiteOperator(ctx, websiteID, userID)
	return decode[api.Operator](op, resp, err)
}

// ChangeOperatorMembership changes the role and title of an operator
// member of a website.
//
//crisp:operation changeOperatorMembership
func (s *WebsiteService) ChangeOperatorMembership(ctx context.Context, websiteID, userID string, body *api.OperatorMembership) error {
	const op = "changeOperatorMembership"
	if err := checkPath(op, "website_id", websiteID, "user_id", userID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.ChangeOperatorMembership(ctx, websiteID, userID, *body)
	return done(op, resp, err)
}

// UnlinkOperatorFromWebsite removes an operator from a website; Crisp
// refuses to unlink the last operator.
//
//crisp:operation unlinkOperatorFromWebsite
func (s *WebsiteService) UnlinkOperatorFromWebsite(ctx context.Context, websiteID, userID string) error {
	const op = "unlinkOperatorFromWebsite"
	if err := checkPath(op, "website_id", websiteID, "user_id", userID); err != nil {
		return err
	}
	resp, err := s.c.api.UnlinkOperatorFromWebsite(ctx, websiteID, userID)
	return done(op, resp, err)
}
