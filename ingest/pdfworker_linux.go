package ingest

import (
	"os/exec"
	"syscall"
)

// setWorkerAttrs makes the kernel kill the worker if the parent dies, so
// that a worker stuck in a hostile PDF does not outlive a killed ingest.
func setWorkerAttrs(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
