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

// batchCase is one batch operation: a call with a body, the same call with
// a nil body, and the JSON the call must send.
type batchCase struct {
	op, method, route string
	call              func(ctx context.Context, c *crisp.Client, websiteID string) error
	callNil           func(ctx context.Context, c *crisp.Client) error
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
			callNil: func(ctx context.Context, c *crisp.Client) error {
				return c.Website.BatchResolveConversations(ctx, websiteID, nil)
			},
			want: convJSON,
		},
		{
			op: "batchUnresolveConversations", method: "PATCH", route: "unresolve",
			call: func(ctx context.Context, c *crisp.Client, w string) error {
				return c.Website.BatchUnresolveConversations(ctx, w, &api.BatchConversationsOperation{InboxID: nullable.NewNullableWithValue(inbox)})
			},
			callNil: func(ctx context.Context, c *crisp.Client) error {
				return c.Website.BatchUnresolveConversations(ctx, websiteID, nil)
			},
			want: `{"inbox_id":"d42e8b3b-ea8f-4e79-a9f8-d0e467fc1c31"}`,
		},
		{
			op: "batchReadConversations", method: "PATCH", route: "read",
			call: func(ctx context.Context, c *crisp.Client, w string) error {
				return c.Website.BatchReadConversations(ctx, w, &api.BatchConversationsOperation{})
			},
			callNil: func(ctx context.Context, c *crisp.Client) error {
				return c.Website.BatchReadConversations(ctx, websiteID, nil)
			},
			want: `{}`,
		},
		{
			op: "batchUnreadConversations", method: "PATCH", route: "unread",
			call: func(ctx context.Context, c *crisp.Client, w string) error {
				return c.Website.BatchUnreadConversations(ctx, w, conv)
			},
			callNil: func(ctx context.Context, c *crisp.Client) error {
				return c.Website.BatchUnreadConversations(ctx, websiteID, nil)
			},
			want: convJSON,
		},
		{
			op: "batchRemoveConversations", method: "PATCH", route: "remove",
			call: func(ctx context.Context, c *crisp.Client, w string) error {
				return c.Website.BatchRemoveConversations(ctx, w, &api.BatchRemoveOperation{Sessions: batchSessions[1:], InboxID: nullable.NewNullableWithValue(inbox)})
			},
			callNil: func(ctx context.Context, c *crisp.Client) error {
				return c.Website.BatchRemoveConversations(ctx, websiteID, nil)
			},
			want: `{"sessions":["session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"],"inbox_id":"d42e8b3b-ea8f-4e79-a9f8-d0e467fc1c31"}`,
		},
		{
			op: "batchReportConversations", method: "POST", route: "report",
			call: func(ctx context.Context, c *crisp.Client, w string) error {
				return c.Website.BatchReportConversations(ctx, w, &api.BatchReportOperation{Sessions: batchSessions, Flag: "spam"})
			},
			callNil: func(ctx context.Context, c *crisp.Client) error {
				return c.Website.BatchReportConversations(ctx, websiteID, nil)
			},
			want: `{"sessions":["session_19e5240f-0a8d-461e-a661-a3123fc6eec9","session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"],"flag":"spam"}`,
		},
		{
			op: "batchBlockConversations", method: "PATCH", route: "block",
			call: func(ctx context.Context, c *crisp.Client, w string) error {
				return c.Website.BatchBlockConversations(ctx, w, &api.BatchBlockOperation{Sessions: batchSessions, Blocked: false})
			},
			callNil: func(ctx context.Context, c *crisp.Client) error {
				return c.Website.BatchBlockConversations(ctx, websiteID, nil)
			},
			want: `{"sessions":["session_19e5240f-0a8d-461e-a661-a3123fc6eec9","session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"],"blocked":false}`,
		},
		{
			op: "batchRoutingConversations", method: "PATCH", route: "routing",
			call: func(ctx context.Context, c *crisp.Client, w string) error {
				return c.Website.BatchRoutingConversations(ctx, w, &api.BatchRoutingOperation{Sessions: batchSessions, Assigned: nullable.NewNullableWithValue(api.BatchRoutingAssignee{UserID: "a4c32c68-be91-4e29-b97e-b3b6af886eaa"})})
			},
			callNil: func(ctx context.Context, c *crisp.Client) error {
				return c.Website.BatchRoutingConversations(ctx, websiteID, nil)
			},
			want: `{"sessions":["session_19e5240f-0a8d-461e-a661-a3123fc6eec9","session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"],"assigned":{"user_id":"a4c32c68-be91-4e29-b97e-b3b6af886eaa"}}`,
		},
		{
			op: "batchInboxConversations", method: "PATCH", route: "inbox",
			call: func(ctx context.Context, c *crisp.Client, w string) error {
				return c.Website.BatchInboxConversations(ctx, w, &api.BatchInboxOperation{Sessions: batchSessions, InboxID: nullable.NewNullableWithValue(inbox)})
			},
			callNil: func(ctx context.Context, c *crisp.Client) error {
				return c.Website.BatchInboxConversations(ctx, websiteID, nil)
			},
			want: `{"sessions":["session_19e5240f-0a8d-461e-a661-a3123fc6eec9","session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"],"inbox_id":"d42e8b3b-ea8f-4e79-a9f8-d0e467fc1c31"}`,
		},
		{
			op: "batchUpdateConversationsData", method: "PATCH", route: "data",
			call: func(ctx context.Context, c *crisp.Client, w string) error {
				return c.Website.BatchUpdateConversationsData(ctx, w, &api.BatchDataOperation{Sessions: batchSessions, Data: map[string]any{"plan": "pro", "subscribed": true}})
			},
			callNil: func(ctx context.Context, c *crisp.Client) error {
				return c.Website.BatchUpdateConversationsData(ctx, websiteID, nil)
			},
			want: `{"sessions":["session_19e5240f-0a8d-461e-a661-a3123fc6eec9","session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"],"data":{"plan":"pro","subscribed":true}}`,
		},
		{
			op: "batchUpdateConversationsSegments", method: "PATCH", route: "segments",
			call: func(ctx context.Context, c *crisp.Client, w string) error {
				return c.Website.BatchUpdateConversationsSegments(ctx, w, &api.BatchSegmentsOperation{Sessions: batchSessions[:1], Segments: []string{"vip", "lead & co"}})
			},
			callNil: func(ctx context.Context, c *crisp.Client) error {
				return c.Website.BatchUpdateConversationsSegments(ctx, websiteID, nil)
			},
			want: `{"sessions":["session_19e5240f-0a8d-461e-a661-a3123fc6eec9"],"segments":["vip","lead & co"]}`,
		},
	}
}

func TestBatchConversations(t *testing.T) {
	for _, tc := range batchCases() {
		t.Run(tc.op, func(t *testing.T) {
			srv, c := setupFor(t, tc.op)
			require.ErrorIs(t, tc.callNil(t.Context(), c), crisp.ErrInvalidArgument)
			requireRefused(t, srv, tc.call(t.Context(), c, ""))

			require.NoError(t, tc.call(t.Context(), c, websiteID))
			req := requireSent(t, srv, tc.op, tc.method, "website", websiteID, "batch", tc.route)
			requireBody(t, req, tc.want)
		})
	}
}

func TestBatchConversationsSpecExamples(t *testing.T) {
	// Every spec example, decoded into the facade's body type, is accepted.
	sends := map[string]func(ctx context.Context, c *crisp.Client) error{
		"batchResolveConversations": func(ctx context.Context, c *crisp.Client) error {
			return c.Website.BatchResolveConversations(ctx, websiteID, specRequestExample[api.BatchConversationsOperation](t, "batchResolveConversations"))
		},
		"batchUnresolveConversations": func(ctx context.Context, c *crisp.Client) error {
			return c.Website.BatchUnresolveConversations(ctx, websiteID, specRequestExample[api.BatchConversationsOperation](t, "batchUnresolveConversations"))
		},
		"batchReadConversations": func(ctx context.Context, c *crisp.Client) error {
			return c.Website.BatchReadConversations(ctx, websiteID, specRequestExample[api.BatchConversationsOperation](t, "batchReadConversations"))
		},
		"batchUnreadConversations": func(ctx context.Context, c *crisp.Client) error {
			return c.Website.BatchUnreadConversations(ctx, websiteID, specRequestExample[api.BatchConversationsOperation](t, "batchUnreadConversations"))
		},
		"batchRemoveConversations": func(ctx context.Context, c *crisp.Client) error {
			return c.Website.BatchRemoveConversations(ctx, websiteID, specRequestExample[api.BatchRemoveOperation](t, "batchRemoveConversations"))
		},
		"batchReportConversations": func(ctx context.Context, c *crisp.Client) error {
			return c.Website.BatchReportConversations(ctx, websiteID, specRequestExample[api.BatchReportOperation](t, "batchReportConversations"))
		},
		"batchBlockConversations": func(ctx context.Context, c *crisp.Client) error {
			return c.Website.BatchBlockConversations(ctx, websiteID, specRequestExample[api.BatchBlockOperation](t, "batchBlockConversations"))
		},
		"batchRoutingConversations": func(ctx context.Context, c *crisp.Client) error {
			return c.Website.BatchRoutingConversations(ctx, websiteID, specRequestExample[api.BatchRoutingOperation](t, "batchRoutingConversations"))
		},
		"batchInboxConversations": func(ctx context.Context, c *crisp.Client) error {
			return c.Website.BatchInboxConversations(ctx, websiteID, specRequestExample[api.BatchInboxOperation](t, "batchInboxConversations"))
		},
		"batchUpdateConversationsData": func(ctx context.Context, c *crisp.Client) error {
			return c.Website.BatchUpdateConversationsData(ctx, websiteID, specRequestExample[api.BatchDataOperation](t, "batchUpdateConversationsData"))
		},
		"batchUpdateConversationsSegments": func(ctx context.Context, c *crisp.Client) error {
			return c.Website.BatchUpdateConversationsSegments(ctx, websiteID, specRequestExample[api.BatchSegmentsOperation](t, "batchUpdateConversationsSegments"))
		},
	}
	for op, send := range sends {
		srv, c := setupFor(t, op)
		require.NoError(t, send(t.Context(), c), op)
		require.JSONEq(t, string(requestExamples(t)[op]), string(lastRequest(t, srv, op).Body), op)
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
