//go:build !unix

package export

import "time"

// cpuTime returns 0: the system does not tell the process's CPU time here.
func cpuTime() time.Duration { return 0 }
