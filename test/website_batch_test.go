package test

import (
	"context"
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/oapi-codegen/nullable"
	"github.com/stretchr/testify/require"
)

var batchSessions = []string{"session_19e5240f-0a8d-461e-a661-a3123fc6eec9", "session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"}

// batchCase is one batch operation: a call with a body built in Go (not
// the spec's example), and the JSON the call must send.
type batchCase struct {
	op, method, route string
	call              func(ctx context.Context, c *crisp.Client, websiteID string) error
	want              string
}

func batchCases() []batchCase {
	inbox := "d42e8b3b-ea8f-4e79-a9f8-d0e467fc1c31"
	conv := &api.BatchConversationsOperation{Sessions: batchSessions}
	convJSON := `{"sessions":["session_19e5240f-0a8d-461e-a661-a3123fc6eec9","session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"]}`
	return []batchCase{
		{
			op: "batchResolveConversations", method: "PATCH", route: "resolve",
			call: func(ctx context.Context, c *crisp.Client, w string) error {
				return c.Website.BatchResolveConversations(ctx, w, conv)
			},
			want: convJSON,
		},
		{
			op: "batchUnresolveConversations", method: "PATCH", route: "unresolve",
			call: func(ctx context.Context, c *crisp.Client, w string) error {
				return c.Website.BatchUnresolveConversations(ctx, w, &api.BatchConversationsOperation{InboxID: nullable.NewNullableWithValue(inbox)})
			},
			want: `{"inbox_id":"d42e8b3b-ea8f-4e79-a9f8-d0e467fc1c31"}`,
		},
		{
			op: "batchReadConversations", method: "PATCH", route: "read",
			call: func(ctx context.Context, c *crisp.Client, w string) error {
				return c.Website.BatchReadConversations(ctx, w, &api.BatchConversationsOperation{})
			},
			want: `{}`,
		},
		{
			op: "batchRemoveConversations", method: "PATCH", route: "remove",
			call: func(ctx context.Context, c *crisp.Client, w string) error {
				return c.Website.BatchRemoveConversations(ctx, w, &api.BatchRemoveOperation{Sessions: batchSessions[1:], InboxID: nullable.NewNullableWithValue(inbox)})
			},
			want: `{"sessions":["session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"],"inbox_id":"d42e8b3b-ea8f-4e79-a9f8-d0e467fc1c31"}`,
		},
		{
			op: "batchBlockConversations", method: "PATCH", route: "block",
			call: func(ctx context.Context, c *crisp.Client, w string) error {
				return c.Website.BatchBlockConversations(ctx, w, &api.BatchBlockOperation{Sessions: batchSessions, Blocked: false})
			},
			want: `{"sessions":["session_19e5240f-0a8d-461e-a661-a3123fc6eec9","session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"],"blocked":false}`,
		},
		{
			op: "batchUpdateConversationsSegments", method: "PATCH", route: "segments",
			call: func(ctx context.Context, c *crisp.Client, w string) error {
				return c.Website.BatchUpdateConversationsSegments(ctx, w, &api.BatchSegmentsOperation{Sessions: batchSessions[:1], Segments: []string{"vip", "lead & co"}})
			},
			want: `{"sessions":["session_19e5240f-0a8d-461e-a661-a3123fc6eec9"],"segments":["vip","lead & co"]}`,
		},
	}
}

func TestBatchConversations(t *testing.T) {
	for _, tc := range batchCases() {
		t.Run(tc.op, func(t *testing.T) {
			srv, c := setupFor(t, tc.op)
			require.NoError(t, tc.call(t.Context(), c, websiteID))
			req := requireSent(t, srv, tc.op, tc.method, "website", websiteID, "batch", tc.route)
			requireBody(t, req, tc.want)
		})
	}
}

func TestBatchRoutingConversationsUnassign(t *testing.T) {
	srv, c := setupFor(t, "batchRoutingConversations")
	require.NoError(t, c.Website.BatchRoutingConversations(t.Context(), websiteID, &api.BatchRoutingOperation{Sessions: batchSessions[:1]}))
	requireBody(t, lastRequest(t, srv, "batchRoutingConversations"), `{"sessions":["session_19e5240f-0a8d-461e-a661-a3123fc6eec9"],"assigned":null}`)
}

func TestBatchInboxConversationsOutOfInbox(t *testing.T) {
	srv, c := setupFor(t, "batchInboxConversations")
	require.NoError(t, c.Website.BatchInboxConversations(t.Context(), websiteID, &api.BatchInboxOperation{Sessions: batchSessions[:1]}))
	requireBody(t, lastRequest(t, srv, "batchInboxConversations"), `{"sessions":["session_19e5240f-0a8d-461e-a661-a3123fc6eec9"],"inbox_id":null}`)
}

func TestBatchRemovePeople(t *testing.T) {
	srv, c := setupFor(t, "batchRemoveConversations")
	require.ErrorIs(t, c.Website.BatchRemovePeople(t.Context(), websiteID, nil), crisp.ErrInvalidArgument)
	requireRefused(t, srv, c.Website.BatchRemovePeople(t.Context(), "..", &api.BatchPeopleSelection{}))

	op := api.PeopleSearchOperatorOr
	require.NoError(t, c.Website.BatchRemovePeople(t.Context(), websiteID, &api.BatchPeopleSelection{
		Search: &api.BatchPeopleSearch{
			Filter:   []api.PeopleFilter{{Model: "people", Criterion: "email", Operator: "eq", Query: []string{"jane+test@example.com"}}},
			Operator: &op,
		},
	}))
	req := requireSent(t, srv, "batchRemoveConversations", "PATCH", "website", websiteID, "batch", "remove")
	requireBody(t, req, `{"people":{"search":{"filter":[{"model":"people","criterion":"email","operator":"eq","query":["jane+test@example.com"]}],"operator":"or"}}}`)
}

func TestBatchUpdatePeopleData(t *testing.T) {
	srv, c := setupFor(t, "batchUpdateConversationsData")
	people := &api.BatchPeopleSelection{Profiles: []string{"eee8759d-52db-48e5-982d-3426e3566ce0"}}
	require.ErrorIs(t, c.Website.BatchUpdatePeopleData(t.Context(), websiteID, nil, map[string]any{"plan": "pro"}), crisp.ErrInvalidArgument)
	requireRefused(t, srv, c.Website.BatchUpdatePeopleData(t.Context(), websiteID, people, nil))

	require.NoError(t, c.Website.BatchUpdatePeopleData(t.Context(), websiteID, people, map[string]any{"plan": "pro", "seats": 3}))
	req := requireSent(t, srv, "batchUpdateConversationsData", "PATCH", "website", websiteID, "batch", "data")
	requireBody(t, req, `{"people":{"profiles":["eee8759d-52db-48e5-982d-3426e3566ce0"]},"data":{"plan":"pro","seats":3}}`)
}

func TestBatchUpdatePeopleSegments(t *testing.T) {
	srv, c := setupFor(t, "batchUpdateConversationsSegments")
	requireRefused(t, srv, c.Website.BatchUpdatePeopleSegments(t.Context(), websiteID, nil, []string{"vip"}))

	people := &api.BatchPeopleSelection{Profiles: []string{"eee8759d-52db-48e5-982d-3426e3566ce0"}}
	require.NoError(t, c.Website.BatchUpdatePeopleSegments(t.Context(), websiteID, people, []string{"vip", "lead"}))
	req := requireSent(t, srv, "batchUpdateConversationsSegments", "PATCH", "website", websiteID, "batch", "segments")
	requireBody(t, req, string(requestExamples(t)["batchUpdateConversationsSegments"]))

	require.NoError(t, c.Website.BatchUpdatePeopleSegments(t.Context(), websiteID, people, nil))
	requireBody(t, lastRequest(t, srv, "batchUpdateConversationsSegments"), `{"people":{"profiles":["eee8759d-52db-48e5-982d-3426e3566ce0"]},"segments":[]}`)
}
