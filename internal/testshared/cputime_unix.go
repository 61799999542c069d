//go:build unix

package testshared

import (
	"os"
	"runtime"
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

// PeakRSS returns the peak resident set size, in bytes, of the finished
// process ps (0 when the system does not say). Linux and the BSDs report
// it in kilobytes, Darwin in bytes.
func PeakRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss)
	}
	return int64(ru.Maxrss) << 10
}
