package redact

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestIdentifier(t *testing.T) {
	require.Equal(t, "8f14…[REDACTED]", Identifier("8f14e45f-ceea-467f-a9f5-e5b6cbd6d30c"))
	require.Equal(t, Redacted, Identifier("short-id"))
	require.Equal(t, Redacted, Identifier(""))
	require.Equal(t, "ééé€…[REDACTED]", Identifier("ééé€ééé€ééé€"), "whole characters, never a split one")
}
