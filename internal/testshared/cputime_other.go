//go:build !unix

package testshared

import (
	"os"
	"time"
)

// CPUTime returns 0: the system does not tell the process's CPU time here.
func CPUTime() time.Duration { return 0 }

// PeakRSS returns 0: the system does not tell a process's peak resident
// set size here.
func PeakRSS(ps *os.ProcessState) int64 { return 0 }
