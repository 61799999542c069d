//go:build unix

package testshared

import (
	"syscall"
	"time"
)

// CPUTime returns the CPU time (user and system) the process has used so
// far. On a loaded machine wall-clock rates say more about the neighbours
// than about the code, so benchmarks report rates per CPU second too.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
