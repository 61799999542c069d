//go:build !unix

package vntext

import "time"

// cpuTime is not measured on this platform; the benchmarks then report
// wall-clock MB/s only.
func cpuTime() time.Duration { return 0 }
