//go:build unix

package vntext

import (
	"syscall"
	"time"
)

// cpuTime returns the process's user+system CPU time. On a loaded machine
// wall-clock MB/s says more about the neighbours than about the code, so
// the benchmarks also report MB per CPU second ("cpuMB/s").
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
