package ingest

import (
	"os"
	"testing"
)

// TestMain lets the test binary serve as its own PDF worker: the parent
// test starts os.Executable() (this binary) with the worker variable set.
func TestMain(m *testing.M) {
	if WorkerRequested() {
		os.Exit(RunWorker())
	}
	os.Exit(m.Run())
}
