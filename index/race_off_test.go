//go:build !race

package index

// raceEnabled reports whether the race detector is on.
const raceEnabled = false
