// Command stdprog is the trivial standard-library-only program
// scripts/bench-build builds first, to check its primed cache.
package main

import "fmt"

func main() { fmt.Println("std") }
