//go:build !linux

package index

// mappedBytes is not measured outside Linux: nothing is released.
func mappedBytes() int64 { return 0 }

// releaseMapped does nothing outside Linux.
func releaseMapped(string, func(string) bool) {}
