package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"vanban/index"
)

var resolutionsUsage = `usage: vanban resolutions [--index DIR] [--all-copies] [--json]

Lists every resolution the archive knows: those stored as documents and
those only cited by other documents, merged by number and date (Party
numbers restart each term), each with the documents that cite it.

Copies of one text (the same text as PDF, DOCX, HTML, in a legacy
encoding, or re-posted: see vanban search -h) are one document: a
resolution lists the files of every copy, and a citing text cites once
(from the copy in the most faithful format). --all-copies counts every
file apart.

Examples:

  vanban resolutions
  vanban resolutions --index /data/vanban --json > nghi-quyet.jsonl

` + exitStatusHelp("resolutions listed",
	"none known, or the index cannot be opened",
	"usage error") + `Flags:
`

func runResolutions(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("resolutions", resolutionsUsage, stderr)
	var dir string
	indexFlag(fs, &dir)
	asJSON := fs.Bool("json", false, "print one JSON object per resolution")
	allCopies := fs.Bool("all-copies", false, "count the copies of one text (the same text as PDF, DOCX, HTML, a legacy encoding, a re-post) apart instead of as one document")
	rest, err := parseFlags(fs, args, stdout)
	if err != nil {
		return helpOr(err)
	}
	if len(rest) > 0 {
		return fs.usageError("unexpected argument %q", rest[0])
	}
	defer oneQueryGC()()
	ix, err := index.OpenReadOnly(resolveIndexDir(dir))
	if err != nil {
		return fmt.Errorf("resolutions: %w", err)
	}
	defer ix.Close()
	var groups *index.Groups
	if !*allCopies {
		if groups, err = ix.NearGroups(ctx); err != nil {
			return fmt.Errorf("resolutions: %w", err)
		}
		if groups.Stale() {
			fmt.Fprintln(stderr, staleCopiesNote)
		}
	}
	rs, err := ix.Resolutions(ctx, nil, groups)
	if err != nil {
		return fmt.Errorf("resolutions: %w", err)
	}
	if len(rs) == 0 {
		fmt.Fprintln(stderr, "vanban: no resolution is known to this archive")
		return quietError{exitFailed}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for _, r := range rs {
			if err := enc.Encode(r); err != nil {
				return fmt.Errorf("resolutions: write: %w", err)
			}
		}
		return nil
	}
	stored := 0
	for _, r := range rs {
		issued := r.Issued
		if issued == "" {
			issued = "(ngày?)"
		}
		fmt.Fprintf(stdout, "%s  %s", r.Number, issued)
		if r.Title != "" {
			fmt.Fprintf(stdout, "  %s", clip(r.Title, 160))
		}
		if r.Issuer != "" {
			fmt.Fprintf(stdout, " — %s", r.Issuer)
		}
		fmt.Fprintln(stdout)
		if len(r.Paths) == 0 {
			fmt.Fprintln(stdout, "   (only cited; not in the archive)")
		} else {
			stored++
		}
		for _, p := range r.Paths {
			fmt.Fprintf(stdout, "   document: %s\n", p)
		}
		for _, c := range r.CitedBy {
			who := c.Path
			if c.Number != "" {
				who += " (" + c.Number
				if c.Issued != "" {
					who += ", " + c.Issued
				}
				who += ")"
			}
			fmt.Fprintf(stdout, "   cited by: %s\n", who)
		}
	}
	fmt.Fprintf(stdout, "%d resolutions: %d in the archive, %d only cited\n", len(rs), stored, len(rs)-stored)
	return nil
}
