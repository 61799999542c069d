//go:build race

package index

// raceEnabled reports whether the race detector is on: it slows code
// down many times, so the corpus-wide comparisons take a sample under it.
const raceEnabled = true
