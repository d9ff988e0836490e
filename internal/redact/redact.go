// Package redact is how the packages of the module print credentials.
package redact

// Redacted stands for a secret in printed text.
const Redacted = "[REDACTED]"

// Identifier is how a token identifier is printed: it is half of the
// credential, so only its first 4 characters are shown, to tell tokens
// apart, and only when it is long enough (at least 16 bytes: Crisp
// identifiers are UUIDs) for them to tell little about it.
func Identifier(id string) string {
	if len(id) < 16 {
		return Redacted
	}
	r := []rune(id)
	return string(r[:4]) + "…" + Redacted
}
