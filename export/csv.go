package export

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
)

// bom is the UTF-8 byte order mark: Excel reads a CSV file as UTF-8 only
// when it starts with one.
const bom = "\uFEFF"

// CSV writes one sheet of an export as CSV: UTF-8 with a byte order mark,
// comma-separated, CRLF line ends, a header row. Text that a spreadsheet
// could take for a formula (starting with = + - @, tab or CR) gets a
// leading ' ; numbers are written plainly (90, 1.5, -3), dates as their
// ISO text, links as the path.
type CSV struct {
	buf    *bufio.Writer
	w      *csv.Writer
	lang   Lang
	sheet  Sheet
	begun  bool
	cols   []column
	rec    []string
	closed bool
}

// NewCSV returns a writer of one sheet as CSV to w. Only opts.Lang is
// used; BeginSheet may be called once.
func NewCSV(w io.Writer, opts Options) *CSV {
	b := bufio.NewWriterSize(w, 64<<10)
	c := csv.NewWriter(b)
	c.UseCRLF = true
	return &CSV{buf: b, w: c, lang: opts.lang()}
}

// BeginSheet writes the byte order mark and the header of s.
func (c *CSV) BeginSheet(s Sheet) error {
	if c.begun {
		return errors.New("csv: one sheet per file")
	}
	c.begun, c.sheet, c.cols = true, s, s.columns()
	if _, err := c.buf.WriteString(bom); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	if err := c.w.Write(s.Headers(c.lang)); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	return nil
}

// WriteRow writes one row.
func (c *CSV) WriteRow(vals []any) error {
	if !c.begun {
		return errors.New("csv: row before the sheet began")
	}
	if len(vals) != len(c.cols) {
		return fmt.Errorf("csv: %d values for %d columns", len(vals), len(c.cols))
	}
	if cap(c.rec) < len(vals) {
		c.rec = make([]string, len(vals))
	}
	rec := c.rec[:len(vals)]
	for i, v := range vals {
		s, err := c.field(v)
		if err != nil {
			return fmt.Errorf("csv: column %d: %w", i+1, err)
		}
		rec[i] = s
	}
	if err := c.w.Write(rec); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	return nil
}

// field is one value as a CSV field.
func (c *CSV) field(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return CSVText(CleanText(v, cutMarker(c.lang))), nil
	case int:
		return strconv.Itoa(v), nil
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return "", nil
		}
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	case Date:
		return CSVText(CleanText(v.ISO, cutMarker(c.lang))), nil
	case Link:
		return CSVText(CleanText(v.Path, cutMarker(c.lang))), nil
	}
	return "", fmt.Errorf("unsupported cell value %T", v)
}

// Close flushes the CSV. A CSV that no sheet began holds nothing.
func (c *CSV) Close() error {
	if c.closed {
		return nil
	}
	c.closed = true
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	if err := c.buf.Flush(); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	return nil
}
