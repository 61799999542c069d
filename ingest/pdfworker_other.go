//go:build !linux

package ingest

import "os/exec"

// setWorkerAttrs has nothing to set outside Linux: the worker's own
// watchdog ends a hung parse, and a closed stdin ends an idle worker.
func setWorkerAttrs(cmd *exec.Cmd) {}
