package export

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Row heights. A spreadsheet does not grow a row to fit its wrapped text
// when it opens a file: Excel and LibreOffice both show a row without a
// stored height at the default height, and the lines of its wrapped cells
// then run over the rows below. So each row that holds wrapped text gets
// the height of its tallest cell, estimated from the text and the column's
// width; the estimate errs on the tall side, since a row a little too tall
// only shows some white space.
const (
	lineHeight   = 15.0  // points per line of 11-point text (Excel's default row height)
	rowPadding   = 2.0   // points above and below the lines
	maxRowHeight = 409.0 // the tallest row a spreadsheet allows, in points
	cellPadding  = 1.0   // column width (in characters) lost to the cell's margins
	widthMargin  = 1.12  // text is taken this much wider than measured: fonts differ (Calibri in Excel, its stand-ins in LibreOffice)
	boldWidth    = 1.08  // bold text is about this much wider
)

// rowHeight returns the height in points that shows every line of the
// wrapped cells of a row, or 0 when one line is enough (the default
// height). cells are the row's values, cols its columns.
func rowHeight(cols []column, cells []any, bold bool) float64 {
	return heightOf(rowLines(cols, cells, bold, nil))
}

// heightOf is the height of a row of lines lines (0: the default).
func heightOf(lines int) float64 {
	if lines <= 1 {
		return 0
	}
	return min(float64(lines)*lineHeight+rowPadding, maxRowHeight)
}

// lineCache remembers the line count of the last text of each column:
// the rows of one document repeat its title, issuer and often a sentence.
type lineCache struct {
	text  []string
	lines []int
}

// rowLines is the line count of the tallest wrapped cell of a row (at
// least 1); c, when not nil, saves counting a text again.
func rowLines(cols []column, cells []any, bold bool, c *lineCache) int {
	if c != nil && len(c.text) != len(cols) {
		c.text, c.lines = make([]string, len(cols)), make([]int, len(cols))
	}
	lines := 1
	for i, col := range cols {
		if col.kind != colWrap || i >= len(cells) {
			continue
		}
		s, ok := cells[i].(string)
		if !ok || s == "" {
			continue
		}
		var n int
		if c != nil && c.text[i] == s {
			n = c.lines[i]
		} else {
			n = wrappedLines(s, col.width, bold)
			if c != nil {
				c.text[i], c.lines[i] = s, n
			}
		}
		lines = max(lines, n)
	}
	return lines
}

// wrappedLines estimates how many lines s takes in a wrapped cell of a
// column width characters wide (the width of the digit 0 is one
// character): each line of s is broken at spaces, and a word wider than
// the cell is broken where it runs out.
func wrappedLines(s string, width float64, bold bool) int {
	avail := max(width-cellPadding, 1)
	scale := widthMargin
	if bold {
		scale *= boldWidth
	}
	space := runeWidth(' ') * scale
	lines := 0
	for para := range strings.SplitSeq(s, "\n") {
		lines++
		x := 0.0 // width of the current line
		for len(para) > 0 {
			word := para
			if i := strings.IndexByte(para, ' '); i >= 0 {
				word, para = para[:i], para[i+1:]
			} else {
				para = ""
			}
			w := textWidth(word) * scale
			sp := 0.0
			if x > 0 {
				sp = space
			}
			if x+sp+w <= avail {
				x += sp + w
				continue
			}
			if x > 0 {
				lines++
				x = 0
			}
			// A word wider than the cell fills whole lines.
			for w > avail {
				lines++
				w -= avail
			}
			x = w
		}
		if float64(lines)*lineHeight > maxRowHeight {
			break // taller than a row can be
		}
	}
	return lines
}

// textWidth is the width of s in characters (the width of a digit).
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

// Widths of ASCII characters (see runeWidth), computed once.
var asciiWidth = func() (t [utf8.RuneSelf]float64) {
	for r := range rune(utf8.RuneSelf) {
		t[r] = slowRuneWidth(r)
	}
	return t
}()

// runeWidth is about how wide r is in Calibri 11, the digit 0 being 1:
// narrow letters and punctuation half, capitals and m, w wider, CJK and
// other wide characters two. Vietnamese letters are as wide as their base
// letters (the marks sit above and below).
func runeWidth(r rune) float64 {
	if r < utf8.RuneSelf {
		return asciiWidth[r]
	}
	if r < 0x2E80 { // below the CJK blocks: Latin (Vietnamese), Greek, Cyrillic, punctuation
		if unicode.IsUpper(r) {
			return 1.25
		}
		return 1
	}
	return slowRuneWidth(r)
}

// slowRuneWidth is runeWidth for any rune.
func slowRuneWidth(r rune) float64 {
	switch {
	case r == ' ':
		return 0.45
	case r < utf8.RuneSelf && strings.ContainsRune("iljI.,:;'!|", r):
		return 0.45
	case r < utf8.RuneSelf && strings.ContainsRune("frt()[]{}/\\\"-", r):
		return 0.7
	case r == 'm' || r == 'w' || r == 'M' || r == 'W' || r == '%' || r == '@':
		return 1.6
	case r >= '0' && r <= '9':
		return 1
	case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
		return 2
	case unicode.IsUpper(r):
		return 1.25
	}
	return 1
}
