package crisp

import (
	"encoding/base64"
	"fmt"
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

// secret holds a credential. Every way of printing it is redacted, so that
// a client or its configuration can be logged safely.
type secret string

const redacted = "[REDACTED]"

// String returns a redacted placeholder.
func (secret) String() string { return redacted }

// GoString returns a redacted placeholder.
func (secret) GoString() string { return redacted }

// Format prints a redacted placeholder for every verb.
func (secret) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(redacted)) }

// token is a Crisp token keypair and its tier.
type token struct {
	tier       Tier
	identifier string
	key        secret
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
	return &token{tier: tier, identifier: identifier, key: secret(key), header: secret(h)}, nil
}

// Format prints the token's tier and identifier, never its key.
func (t token) Format(f fmt.State, _ rune) {
	_, _ = fmt.Fprintf(f, "{tier: %s, identifier: %s, key: %s}", t.tier, t.identifier, redacted)
}
