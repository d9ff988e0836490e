package main

import (
	"strings"
	"testing"

	"github.com/crisp-go/crisp-go/crisp"
	"github.com/stretchr/testify/require"
)

func TestHelp(t *testing.T) {
	res := crispRun(t, nil, "", "--help")
	require.Equal(t, 0, res.code, res.stderr)
	for _, want := range []string{"Usage:", "Examples:", "crisp mock", "CRISP_IDENTIFIER", "Exit status", "--base-url", "--mock"} {
		require.Contains(t, res.stdout, want)
	}
	for cmd, flags := range map[string][]string{
		"listen":     {"--forward-to", "--events", "--secret", "--print-json", "--websites"},
		"trigger":    {"--to", "--set", "--list", "--secret", "--print-json"},
		"call":       {"--data", "--all-pages", "--pretty", "--timeout"},
		"operations": {"--tag"},
		"mock":       {"--addr", "--seed", "--stateless"},
		"verify":     {"--secret", "--timestamp", "--signature", "--tolerance"},
		"completion": {"bash", "zsh", "fish", "powershell"},
	} {
		res := crispRun(t, nil, "", cmd, "--help")
		require.Equal(t, 0, res.code, res.stderr)
		require.Contains(t, res.stdout, "Usage:\n  crisp "+cmd, cmd)
		if cmd != "completion" {
			require.Contains(t, res.stdout, "Examples:\n  crisp "+cmd, cmd)
		}
		for _, f := range flags {
			require.Contains(t, res.stdout, f, cmd)
		}
		require.Contains(t, res.stdout, "--identifier", "%s shows the global flags", cmd)
	}

	res = crispRun(t, nil, "", "--version")
	require.Equal(t, 0, res.code)
	require.Contains(t, res.stdout, crisp.Version)

	res = crispRun(t, nil, "", "lisen")
	require.Equal(t, exitUsage, res.code)
	require.Contains(t, res.stderr, "listen", "cobra suggests the command")
	res = crispRun(t, nil, "", "call", "--nope", "getWebsite")
	require.Equal(t, exitUsage, res.code)
	require.Contains(t, res.stderr, "unknown flag: --nope")
}

// complete returns the candidates the shell completion gets for args.
func complete(t *testing.T, args ...string) []string {
	t.Helper()
	res := crispRun(t, nil, "", append([]string{"__complete"}, args...)...)
	require.Equal(t, 0, res.code, res.stderr)
	var out []string
	for _, line := range strings.Split(res.stdout, "\n") {
		if line == "" || strings.HasPrefix(line, ":") {
			continue
		}
		name, _, _ := strings.Cut(line, "\t")
		out = append(out, name)
	}
	return out
}

func TestCompletion(t *testing.T) {
	require.Contains(t, complete(t, "call", "listConv"), "listConversations")
	require.NotContains(t, complete(t, "call", "listConv"), "getConversation")
	require.Equal(t, []string{"per_page="}, complete(t, "call", "listConversations", "website_id=x", "per_"))
	params := complete(t, "call", "listConversations", "website_id=x", "")
	require.Contains(t, params, "filter_unread=")
	require.NotContains(t, params, "website_id=", "a given parameter is not offered again")
	require.Equal(t, []string{"search_type=text", "search_type=segment", "search_type=filter"}, complete(t, "call", "listConversations", "search_type="))
	require.Contains(t, complete(t, "trigger", "message:s"), "message:send")
	require.Contains(t, complete(t, "listen", "--events", "message:send,session:set_s"), "message:send,session:set_state")
	require.Contains(t, complete(t, "operations", "--tag", ""), "Website Conversations")
	require.Equal(t, []string{"plugin", "website", "user"}, complete(t, "call", "--tier", ""))

	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		res := crispRun(t, nil, "", "completion", shell)
		require.Equal(t, 0, res.code, res.stderr)
		require.Contains(t, res.stdout, "crisp", shell)
	}
}
