//go:build !unix

package testshared

import "time"

// CPUTime returns 0: the system does not tell the process's CPU time here.
func CPUTime() time.Duration { return 0 }
