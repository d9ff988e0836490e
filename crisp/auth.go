package crisp

import (
	"encoding/base64"
	"fmt"

	"github.com/crisp-go/crisp-go/internal/redact"
)

// Tier is the kind of token a client authenticates with, sent in the
// X-Crisp-Tier header. Each Crisp route lists the tiers it accepts.
type Tier string

// The token tiers Crisp knows.
const (
	// TierPlugin is a Marketplace plugin token: it reaches every website
	// that installed the plugin, within the scopes it was granted.
	TierPlugin Tier = "plugin"
	// TierWebsite is a Website Token, generated in the Crisp app for one
	// workspace.
	TierWebsite Tier = "website"
	// TierUser is the token of a Crisp account session, as the Crisp apps
	// use.
	TierUser Tier = "user"
)

// Valid reports whether t is one of the tiers Crisp knows.
func (t Tier) Valid() bool {
	switch t {
	case TierPlugin, TierWebsite, TierUser:
		return true
	}
	return false
}

// secret holds a credential inside a closure: fmt prints a func as an
// address whatever the verb and however deep it sits, even where it cannot
// call a redacting method (unexported fields, values held in other
// structs), so a credential never appears in printed output.
type secret func() string

func newSecret(v string) secret { return func() string { return v } }

const redacted = redact.Redacted

// token is a Crisp token keypair and its tier.
type token struct {
	tier Tier
	// identifier is half of the credential: a secret, printed redacted
	// only (see redactIdentifier).
	identifier secret
	// header is the precomputed Authorization header value.
	header secret
}

func newToken(tier Tier, identifier, key string) (*token, error) {
	if !tier.Valid() {
		return nil, fmt.Errorf("crisp: unknown token tier %q (want %q, %q or %q)", string(tier), TierPlugin, TierWebsite, TierUser)
	}
	if identifier == "" || key == "" {
		return nil, fmt.Errorf("crisp: token identifier and key must not be empty")
	}
	h := "Basic " + base64.StdEncoding.EncodeToString([]byte(identifier+":"+key))
	return &token{tier: tier, identifier: newSecret(identifier), header: newSecret(h)}, nil
}

// Format prints the token's tier and its identifier redacted, never its
// key.
func (t token) Format(f fmt.State, _ rune) {
	_, _ = fmt.Fprintf(f, "{tier: %s, identifier: %s, key: %s}", t.tier, redactIdentifier(t.identifier()), redacted)
}

// redactIdentifier is how a token identifier is printed (redact.Identifier).
func redactIdentifier(id string) string { return redact.Identifier(id) }
