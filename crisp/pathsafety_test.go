package crisp

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/stretchr/testify/require"
)

// Path safety: whatever a path parameter holds, the request either is
// refused before sending (empty, "." and "..", which URL resolution would
// turn into another route) or reaches exactly the intended route, with the
// parameter in its own segment and decoded back intact.

// memTransport is an in-memory RoundTripper: it records the requests and
// answers each with answer (a success envelope by default).
type memTransport struct {
	mu     sync.Mutex
	reqs   []*http.Request
	answer func(req *http.Request) *http.Response
}

func (m *memTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	m.mu.Lock()
	m.reqs = append(m.reqs, req)
	m.mu.Unlock()
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		_ = req.Body.Close()
	}
	if m.answer != nil {
		return m.answer(req), nil
	}
	// A page of a list (a path ending in its number) or an object.
	path := req.URL.EscapedPath()
	if last := path[strings.LastIndexByte(path, '/')+1:]; last != "" && strings.Trim(last, "0123456789") == "" {
		return jsonResponse(req, 200, `{"error":false,"reason":"listed","data":[]}`), nil
	}
	return jsonResponse(req, 200, `{"error":false,"reason":"resolved","data":{}}`), nil
}

func (m *memTransport) requests() []*http.Request {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]*http.Request(nil), m.reqs...)
}

func jsonResponse(req *http.Request, status int, body string) *http.Response {
	return &http.Response{
		StatusCode:    status,
		Status:        http.StatusText(status),
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        http.Header{"Content-Type": {"application/json"}},
		Body:          io.NopCloser(strings.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       req,
	}
}

// memBase is the base URL of the in-memory clients.
const memBase = "https://api.crisp.test/v1/"

func memClient(t testing.TB, m *memTransport, opts ...Option) *Client {
	t.Helper()
	base := []Option{WithBaseURL(memBase), WithToken(TierPlugin, "id", "secret-key"), WithHTTPClient(&http.Client{Transport: m}), WithMaxRetries(0)}
	c, err := New(append(base, opts...)...)
	require.NoError(t, err)
	return c
}

// route is a facade method with one free path parameter, and the route
// it must reach: the segments before and after the parameter.
type route struct {
	name   string
	param  string
	call   func(ctx context.Context, c *Client, v string) error
	before []string
	after  []string
}

var pathRoutes = []route{
	{"GetConversation", "session_id", func(ctx context.Context, c *Client, v string) error {
		_, err := c.Website.GetConversation(ctx, wid, v)
		return err
	}, []string{"v1", "website", wid, "conversation"}, nil},
	{"ListConversationPages", "session_id", func(ctx context.Context, c *Client, v string) error {
		_, err := c.Website.ListConversationPages(ctx, wid, v, 2)
		return err
	}, []string{"v1", "website", wid, "conversation"}, []string{"pages", "2"}},
	{"RemoveConversation", "session_id", func(ctx context.Context, c *Client, v string) error {
		return c.Website.RemoveConversation(ctx, wid, v)
	}, []string{"v1", "website", wid, "conversation"}, nil},
	{"GetPeopleProfile", "people_id", func(ctx context.Context, c *Client, v string) error {
		_, err := c.Website.GetPeopleProfile(ctx, wid, v)
		return err
	}, []string{"v1", "website", wid, "people", "profile"}, nil},
	{"ListPeopleConversations", "people_id", func(ctx context.Context, c *Client, v string) error {
		_, err := c.Website.ListPeopleConversations(ctx, wid, v, 3, nil)
		return err
	}, []string{"v1", "website", wid, "people", "conversations"}, []string{"list", "3"}},
	{"RemovePeopleProfile", "people_id", func(ctx context.Context, c *Client, v string) error {
		return c.Website.RemovePeopleProfile(ctx, wid, v)
	}, []string{"v1", "website", wid, "people", "profile"}, nil},
	{"ResolveHelpdeskTreePath", "path", func(ctx context.Context, c *Client, v string) error {
		_, err := c.Website.ResolveHelpdeskTreePath(ctx, wid, "en", api.HelpdeskContentKindArticles, v)
		return err
	}, []string{"v1", "website", wid, "helpdesk", "tree", "path", "en", "articles"}, nil},
	{"ResolveHelpdeskTreeContent", "path", func(ctx context.Context, c *Client, v string) error {
		_, err := c.Website.ResolveHelpdeskTreeContent(ctx, wid, "en", api.HelpdeskContentKindGuides, v)
		return err
	}, []string{"v1", "website", wid, "helpdesk", "tree", "content", "en", "guides"}, nil},
	{"DeleteHelpdeskTreePath", "path", func(ctx context.Context, c *Client, v string) error {
		return c.Website.DeleteHelpdeskTreePath(ctx, wid, "en", api.HelpdeskContentKindNews, v)
	}, []string{"v1", "website", wid, "helpdesk", "tree", "path", "en", "news"}, nil},
	{"ResolveHelpdeskLocale (locale)", "locale", func(ctx context.Context, c *Client, v string) error {
		_, err := c.Website.ResolveHelpdeskLocale(ctx, wid, v)
		return err
	}, []string{"v1", "website", wid, "helpdesk", "locale"}, nil},
}

// requireRoute checks that req went to r with value v in its own segment.
func requireRoute(t testing.TB, r route, req *http.Request, v string) {
	t.Helper()
	require.Equal(t, "api.crisp.test", req.URL.Host, "same host")
	require.Empty(t, req.URL.RawQuery, "nothing leaked into the query")
	require.Empty(t, req.URL.Fragment, "nothing leaked into a fragment")
	require.False(t, req.URL.ForceQuery)
	segs := strings.Split(req.URL.EscapedPath(), "/")
	require.Equal(t, "", segs[0])
	segs = segs[1:]
	require.Lenf(t, segs, len(r.before)+1+len(r.after), "%s: %q", req.URL.EscapedPath(), v)
	require.Equal(t, r.before, segs[:len(r.before)])
	require.Equal(t, strings.Join(r.after, "/"), strings.Join(segs[len(r.before)+1:], "/"))
	seg := segs[len(r.before)]
	for _, bad := range []string{"/", "?", "#", " "} {
		require.NotContains(t, seg, bad, "escaped in the segment")
	}
	got, err := url.PathUnescape(seg)
	require.NoError(t, err)
	require.Equal(t, v, got, "decoded back intact")
	// The decoded path, as a server that decodes once sees it.
	want := "/" + strings.Join(r.before, "/") + "/" + v
	if len(r.after) > 0 {
		want += "/" + strings.Join(r.after, "/")
	}
	require.Equal(t, want, req.URL.Path)
}

// checkPathValue runs r with v and checks the outcome; reject says that v
// must be refused before sending.
func checkPathValue(t testing.TB, r route, v string, reject bool) {
	t.Helper()
	m := &memTransport{}
	c := memClient(t, m)
	err := r.call(context.Background(), c, v)
	reqs := m.requests()
	if reject {
		require.ErrorIs(t, err, ErrInvalidArgument)
		var e *Error
		require.ErrorAs(t, err, &e)
		require.Contains(t, e.Message, r.param)
		require.Empty(t, reqs, "nothing was sent")
		return
	}
	require.NoError(t, err)
	require.Len(t, reqs, 1)
	requireRoute(t, r, reqs[0], v)
}

var pathCases = []struct {
	name   string
	value  string
	reject bool
}{
	{"empty", "", true},
	{"dot", ".", true},
	{"dot dot", "..", true},
	{"slash", "a/b", false},
	{"leading slash", "/abs", false},
	{"trailing slash", "a/", false},
	{"only a slash", "/", false},
	{"traversal", "../../../plan/subscription", false},
	{"dot slash", "./", false},
	{"dot dot slash", "../", false},
	{"inner dot dot", "a/../b", false},
	{"question mark", "x?y=1&z=2", false},
	{"only a question mark", "?", false},
	{"hash", "x#frag", false},
	{"only a hash", "#", false},
	{"percent", "100%", false},
	{"percent escape", "a%2Fb", false},
	{"escaped dots", "%2e%2e", false},
	{"escaped dots slash", "%2E%2E%2F", false},
	{"space", "with space", false},
	{"only a space", " ", false},
	{"plus", "a+b", false},
	{"unicode", "ünïcödé ☃ 日本語", false},
	{"email", "john.doe+crisp@example.com", false},
	{"three dots", "...", false},
	{"dot suffix", "x.", false},
	{"dot prefix", ".x", false},
	{"backslash traversal", `..\..\admin`, false},
	{"semicolon", "a;b=c", false},
	{"control characters", "a\x00b\r\nc\td", false},
	{"invalid utf-8", "\xff\xfe", false},
	{"colon", "a:b", false},
	{"at and brackets", "[::1]@host", false},
	{"double slash", "//evil.example/x", false},
	{"scheme", "https://evil.example/", false},
}

// TestPathSafety runs every case on every route: at least a session ID,
// a people ID (an email) and a helpdesk tree path, plus a locale.
func TestPathSafety(t *testing.T) {
	for _, r := range pathRoutes {
		t.Run(r.name, func(t *testing.T) {
			for _, pc := range pathCases {
				t.Run(pc.name, func(t *testing.T) { checkPathValue(t, r, pc.value, pc.reject) })
			}
		})
	}
}

// TestPathSafetyTreePathKeepsItsSlashes: a tree path "a/b" is one
// segment, its slash escaped, as documented on CreateHelpdeskTreePath.
func TestPathSafetyTreePathKeepsItsSlashes(t *testing.T) {
	m := &memTransport{}
	c := memClient(t, m)
	require.NoError(t, c.Website.CreateHelpdeskTreePath(t.Context(), wid, "en", api.HelpdeskContentKindArticles, "getting-started/install"))
	reqs := m.requests()
	require.Len(t, reqs, 1)
	require.Equal(t, http.MethodPost, reqs[0].Method)
	require.Equal(t, "/v1/website/"+wid+"/helpdesk/tree/path/en/articles/getting-started%2Finstall", reqs[0].URL.EscapedPath())
}

// TestPathSafetyEveryParameterOfARoute: the website ID, the locale and
// the content type are checked too.
func TestPathSafetyEveryParameterOfARoute(t *testing.T) {
	m := &memTransport{}
	c := memClient(t, m)
	ctx := t.Context()
	for _, bad := range []string{"", ".", ".."} {
		_, err := c.Website.ResolveHelpdeskTreePath(ctx, bad, "en", api.HelpdeskContentKindArticles, "p")
		require.ErrorIs(t, err, ErrInvalidArgument)
		_, err = c.Website.ResolveHelpdeskTreePath(ctx, wid, bad, api.HelpdeskContentKindArticles, "p")
		require.ErrorIs(t, err, ErrInvalidArgument)
		_, err = c.Website.ResolveHelpdeskTreePath(ctx, wid, "en", api.HelpdeskContentKind(bad), "p")
		require.ErrorIs(t, err, ErrInvalidArgument)
		_, err = c.Website.GetPeopleProfile(ctx, bad, "jo@example.com")
		require.ErrorIs(t, err, ErrInvalidArgument)
	}
	_, err := c.Website.ResolveHelpdeskTreePath(ctx, wid, "en", api.HelpdeskContentKind("../../x"), "p")
	require.ErrorIs(t, err, ErrInvalidArgument, "the content type is an enumeration")
	require.Empty(t, m.requests())

	// A website ID with reserved characters stays in its segment.
	_, err = c.Website.GetConversation(ctx, "../w?x#y", "s")
	require.NoError(t, err)
	reqs := m.requests()
	require.Len(t, reqs, 1)
	require.Equal(t, "/v1/website/..%2Fw%3Fx%23y/conversation/s", reqs[0].URL.EscapedPath())
}

// TestPathSafetyBaseURLPathIsKept: base URLs with or without a trailing
// slash, or a deeper path, keep their prefix. A base URL with a query or a
// fragment is refused, or its path prefix is kept all the same.
func TestPathSafetyBaseURLPathIsKept(t *testing.T) {
	const conv = "/website/" + wid + "/conversation/a%2Fb"
	for _, tc := range []struct {
		base, want string
		mayRefuse  bool
	}{
		{"https://api.crisp.test/v1", "/v1" + conv, false},
		{"https://api.crisp.test/v1/", "/v1" + conv, false},
		{"https://proxy.test/crisp/v1", "/crisp/v1" + conv, false},
		{"https://api.crisp.test/p%2Fq/v1", "/p%2Fq/v1" + conv, false},
		{"https://api.crisp.test/", conv, false},
		{"https://api.crisp.test", conv, false},
		{"https://api.crisp.test/v1?x=1", "/v1" + conv, true},
		{"https://api.crisp.test/v1?", "/v1" + conv, true},
		{"https://api.crisp.test/v1#frag", "/v1" + conv, true},
	} {
		t.Run(tc.base, func(t *testing.T) {
			m := &memTransport{}
			c, err := New(WithBaseURL(tc.base), WithToken(TierPlugin, "id", "key"), WithHTTPClient(&http.Client{Transport: m}))
			if err != nil {
				require.True(t, tc.mayRefuse, "refused: %v", err)
				return
			}
			_, err = c.Website.GetConversation(t.Context(), wid, "a/b")
			require.NoError(t, err)
			reqs := m.requests()
			require.Len(t, reqs, 1)
			got := reqs[0].URL.EscapedPath()
			if got != tc.want && tc.mayRefuse {
				knownBug(t, "WithBaseURL appends \"/\" after the query or fragment, so the base path is dropped: "+got)
			}
			require.Equal(t, tc.want, got)
		})
	}
}
