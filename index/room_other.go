//go:build !linux

package index

// roomFor answers yes outside Linux, where free space is not looked up.
func roomFor(string, int64) bool { return true }
