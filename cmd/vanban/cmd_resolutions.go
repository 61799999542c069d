package main

import (
	"context"
	"errors"
	"io"
)

// runResolutions is the "resolutions" subcommand.
func runResolutions(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("resolutions: not implemented yet")
}
