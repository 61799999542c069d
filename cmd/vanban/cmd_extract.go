package main

import (
	"context"
	"errors"
	"io"
)

// runExtract is the "extract" subcommand.
func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("extract: not implemented yet")
}
