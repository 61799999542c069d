//go:build !race

package main

// raceEnabled reports whether the race detector is on: it slows code
// several times, so per-file time limits are not checked under it.
const raceEnabled = false
