package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

func TestListTeamsIter(t *testing.T) {
	srv, c := setupFor(t, "listTeams")
	page := exampleData[[]api.Team](t, srv, "listTeams")
	srv.Handle("listTeams", func(r *crisptest.Call) (int, any) {
		return 200, map[string]any{"error": false, "reason": "listed", "data": pagesOf(page, r.PathParams["page_number"])}
	})
	n := 0
	for team, err := range c.Website.ListTeamsIter(t.Context(), websiteID) {
		require.NoError(t, err)
		require.Equal(t, page[n%len(page)], team)
		n++
	}
	require.Equal(t, 3*len(page), n)
	require.Len(t, srv.RequestsFor("listTeams"), 3)
}

func TestCheckTeamExists(t *testing.T) {
	const teamID = "team/sales ?@eu" // reserved characters, escaped in the path
	srv, c := setupFor(t, "checkTeamExists")
	ok, err := c.Website.CheckTeamExists(t.Context(), websiteID, teamID)
	require.NoError(t, err)
	require.True(t, ok)
	requireSent(t, srv, "checkTeamExists", "HEAD", "website", websiteID, "team", teamID)

	srv.Handle("checkTeamExists", func(*crisptest.Call) (int, any) { return 404, nil })
	ok, err = c.Website.CheckTeamExists(t.Context(), websiteID, teamID)
	require.NoError(t, err)
	require.False(t, ok)
}

func TestGetTeam(t *testing.T) {
	const teamID = "team/sales ?@eu" // reserved characters, escaped in the path
	srv, c := setupFor(t, "getTeam")
	got, err := c.Website.GetTeam(t.Context(), websiteID, teamID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.Team](t, srv, "getTeam"), *got)
	require.NotNil(t, got.CreatedAt)
	requireSent(t, srv, "getTeam", "GET", "website", websiteID, "team", teamID)
}

func TestSaveTeam(t *testing.T) {
	const teamID = "team/sales ?@eu" // reserved characters, escaped in the path
	srv, c := setupFor(t, "saveTeam")
	requireRefused(t, srv, c.Website.SaveTeam(t.Context(), websiteID, teamID, nil))

	body := specRequestExample[api.TeamSettings](t, "saveTeam")
	require.NoError(t, c.Website.SaveTeam(t.Context(), websiteID, teamID, body))
	req := requireSent(t, srv, "saveTeam", "PUT", "website", websiteID, "team", teamID)
	requireBody(t, req, string(requestExamples(t)["saveTeam"]))
}

func TestDeleteTeam(t *testing.T) {
	const teamID = "team/sales ?@eu" // reserved characters, escaped in the path
	srv, c := setupFor(t, "deleteTeam")
	require.NoError(t, c.Website.DeleteTeam(t.Context(), websiteID, teamID))
	requireSent(t, srv, "deleteTeam", "DELETE", "website", websiteID, "team", teamID)
}
