//go:build race

package html

// raceEnabled reports whether the race detector is on: it slows code
// down many times, so wall-clock limits are not checked under it.
const raceEnabled = true
