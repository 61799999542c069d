package main

import (
	"context"
	"errors"
	"fmt"

	"vanban/index"
)

// Exit statuses, the same in every subcommand.
const (
	exitOK          = 0
	exitFailed      = 1  // some files failed, or a search found nothing
	exitUsage       = 2  // usage error or bad query
	exitInUse       = 75 // the index is held by another vanban process: try again later (sysexits' EX_TEMPFAIL)
	exitInterrupted = 130
)

// exitError carries an exit status with an error.
type exitError struct {
	code int
	err  error
}

func (e exitError) Error() string { return e.err.Error() }
func (e exitError) Unwrap() error { return e.err }

// quietError is an error whose message was already printed; report prints
// nothing more for it and only uses its exit status.
type quietError struct{ code int }

func (e quietError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// usageErrorf returns an error that exits with status 2.
func usageErrorf(format string, args ...any) error {
	return exitError{exitUsage, fmt.Errorf(format, args...)}
}

// errSomeFailed is returned when some inputs failed and the rest were done;
// the failures were already reported.
var errSomeFailed = quietError{exitFailed}

// exitCode maps err to an exit status.
func exitCode(err error) int {
	var q quietError
	if errors.As(err, &q) {
		return q.code
	}
	var e exitError
	if errors.As(err, &e) {
		return e.code
	}
	if errors.Is(err, context.Canceled) {
		return exitInterrupted
	}
	if errors.Is(err, index.ErrInUse) {
		return exitInUse
	}
	return exitFailed
}
