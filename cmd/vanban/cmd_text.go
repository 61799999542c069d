package main

import (
	"context"
	"errors"
	"io"
)

// runText is the "text" subcommand.
func runText(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("text: not implemented yet")
}
