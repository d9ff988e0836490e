// Package test holds the contract tests of crisp-go: the specification's
// completeness checks, and the facade ↔ specification map.
package test
