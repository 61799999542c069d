//go:build tools

// Package tools pins module dependencies that are not yet imported by code,
// so that `go mod tidy` keeps them while the packages that use them are built.
// It is removed once every dependency is imported by real code.
package tools

import (
	_ "codeberg.org/readeck/go-readability/v2"
	_ "github.com/blevesearch/bleve/v2"
	_ "github.com/ledongthuc/pdf"
	_ "github.com/richardlehane/mscfb"
	_ "github.com/rogpeppe/go-internal/testscript"
	_ "github.com/xuri/excelize/v2"
	_ "golang.org/x/sync/errgroup"
	_ "golang.org/x/term"
	_ "golang.org/x/text/unicode/norm"
)
