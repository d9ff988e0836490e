package main

import (
	"fmt"
	"strings"
)

// closest returns the candidate nearest to s (by edit distance, ignoring
// case), and false when none is near enough to be a likely typo.
func closest(s string, candidates []string) (string, bool) {
	best, bestDist, bestNear := "", -1, false
	ls := strings.ToLower(s)
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := distance(ls, lc)
		// A truncated or extended name is near whatever its length.
		near := d <= max(2, len(s)/3) || strings.HasPrefix(lc, ls) || strings.HasPrefix(ls, lc)
		if near && (!bestNear || d < bestDist) {
			best, bestDist, bestNear = c, d, true
		}
	}
	return best, bestNear
}

// didYouMean returns `; did you mean "x"?` for the candidate closest to
// s, or "" when none is close.
func didYouMean(s string, candidates []string) string {
	if c, ok := closest(s, candidates); ok {
		return fmt.Sprintf("; did you mean %q?", c)
	}
	return ""
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
