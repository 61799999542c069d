package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"vanban/extract"
	"vanban/index"
)

// JSONL writes records as JSON Lines: one object per document, the record
// contract of vanban extract --json (../shared/spec/records.md).
type JSONL struct {
	// MinConfidence leaves out of each record the targets whose confidence
	// is below it (0 keeps all); the parents of the others are renumbered.
	MinConfidence float64
	// Groups, when set, makes ExportJSONL write one record per group of
	// copies of one text: its primary's (index.Groups.Primary).
	Groups *index.Groups

	buf *bufio.Writer
	enc *json.Encoder
	n   int
}

// NewJSONL returns a JSON Lines writer to w.
func NewJSONL(w io.Writer) *JSONL {
	b := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	return &JSONL{buf: b, enc: enc}
}

// Write writes one record on one line.
func (j *JSONL) Write(rec extract.Record) error {
	if rec.Authors == nil {
		rec.Authors = []string{}
	}
	if rec.References == nil {
		rec.References = []extract.Reference{}
	}
	if rec.Abbreviations == nil {
		rec.Abbreviations = []extract.Abbreviation{}
	}
	if rec.Dates == nil {
		rec.Dates = []extract.Date{}
	}
	if j.MinConfidence > 0 {
		rec.Targets = ConfidentTargets(rec.Targets, j.MinConfidence)
	}
	if rec.Targets == nil {
		rec.Targets = []extract.Target{}
	}
	if rec.Warnings == nil {
		rec.Warnings = []string{}
	}
	if err := j.enc.Encode(rec); err != nil {
		return fmt.Errorf("jsonl: %w", err)
	}
	j.n++
	return nil
}

// Count returns the number of records written.
func (j *JSONL) Count() int { return j.n }

// Close flushes the output.
func (j *JSONL) Close() error {
	if err := j.buf.Flush(); err != nil {
		return fmt.Errorf("jsonl: %w", err)
	}
	return nil
}

// ExportJSONL writes every selected record of ix (all of them for a nil
// sel) to j, and closes j; with j.Groups, one record per group of copies
// (its primary's). It
// returns the number of records written.
func ExportJSONL(ctx context.Context, ix *index.Index, sel *index.Selection, j *JSONL) (int, error) {
	err := ix.Records(ctx, sel, func(rec extract.Record) error {
		if j.Groups.Primary(rec.SHA256) != rec.SHA256 {
			return nil // a copy: its group's primary stands for it
		}
		return j.Write(rec)
	})
	if err != nil {
		return j.n, fmt.Errorf("jsonl: %w", err)
	}
	if err := j.Close(); err != nil {
		return j.n, err
	}
	return j.n, nil
}

// ConfidentTargets returns the targets whose confidence is at least min,
// in a new slice, with each Parent renumbered to its place among them (nil
// when the parent is left out).
func ConfidentTargets(ts []extract.Target, min float64) []extract.Target {
	at := make([]int, len(ts)) // old index → new index, or -1
	out := make([]extract.Target, 0, len(ts))
	for i, t := range ts {
		at[i] = -1
		if t.Confidence >= min {
			at[i] = len(out)
			out = append(out, t)
		}
	}
	for i := range out {
		p := out[i].Parent
		if p == nil {
			continue
		}
		out[i].Parent = nil
		if *p >= 0 && *p < len(at) && at[*p] >= 0 {
			n := at[*p]
			out[i].Parent = &n
		}
	}
	return out
}
