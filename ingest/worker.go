package ingest

// WorkerRequested reports whether this process was started as a parsing
// worker by another vanban process (see RunWorker).
func WorkerRequested() bool { return false }

// RunWorker serves parse requests from the parent process on stdin/stdout
// and returns the exit status. main calls it first when WorkerRequested.
func RunWorker() int { return 0 }
