package crisp

import (
	"context"
	"iter"

	"github.com/crisp-go/crisp-go/api"
)

// ListTeams returns one page (1-based) of the operator teams of a website.
//
//crisp:operation listTeams
func (s *WebsiteService) ListTeams(ctx context.Context, websiteID string, page int) ([]api.Team, error) {
	return listWebsitePage[api.Team](ctx, "listTeams", websiteID, page, s.c.api.ListTeams)
}

// ListTeamsIter walks every page of ListTeams and yields the teams one by
// one; it stops at the first error, which it yields.
func (s *WebsiteService) ListTeamsIter(ctx context.Context, websiteID string) iter.Seq2[api.Team, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.Team, error) {
		return s.ListTeams(ctx, websiteID, page)
	})
}

// CreateNewTeam creates a new team of operators in a website and returns
// its ID.
//
//crisp:operation createNewTeam
func (s *WebsiteService) CreateNewTeam(ctx context.Context, websiteID string, body *api.TeamSettings) (*api.TeamCreated, error) {
	const op = "createNewTeam"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	if err := checkBody(op, body); err != nil {
		return nil, err
	}
	resp, err := s.c.api.CreateNewTeam(ctx, websiteID, *body)
	return decode[api.TeamCreated](op, resp, err)
}

// CheckTeamExists reports whether a team exists in a website.
//
//crisp:operation checkTeamExists
func (s *WebsiteService) CheckTeamExists(ctx context.Context, websiteID, teamID string) (bool, error) {
	const op = "checkTeamExists"
	if err := checkPath(op, "website_id", websiteID, "team_id", teamID); err != nil {
		return false, err
	}
	resp, err := s.c.api.CheckTeamExists(ctx, websiteID, teamID)
	return exists(op, resp, err)
}

// GetTeam resolves a team of a website.
//
//crisp:operation getTeam
func (s *WebsiteService) GetTeam(ctx context.Context, websiteID, teamID string) (*api.Team, error) {
	const op = "getTeam"
	if err := checkPath(op, "website_id", websiteID, "team_id", teamID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetTeam(ctx, websiteID, teamID)
	return decode[api.Team](op, resp, err)
}

// SaveTeam saves a team of a website, replacing its settings with body.
//
//crisp:operation saveTeam
func (s *WebsiteService) SaveTeam(ctx context.Context, websiteID, teamID string, body *api.TeamSettings) error {
	const op = "saveTeam"
	if err := checkPath(op, "website_id", websiteID, "team_id", teamID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.SaveTeam(ctx, websiteID, teamID, *body)
	return done(op, resp, err)
}

// DeleteTeam deletes a team of a website.
//
//crisp:operation deleteTeam
func (s *WebsiteService) DeleteTeam(ctx context.Context, websiteID, teamID string) error {
	const op = "deleteTeam"
	if err := checkPath(op, "website_id", websiteID, "team_id", teamID); err != nil {
		return err
	}
	resp, err := s.c.api.DeleteTeam(ctx, websiteID, teamID)
	return done(op, resp, err)
}
