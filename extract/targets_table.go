package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"vanban/internal/lazyregexp"
)

// Tables of indicators ("STT | Chỉ tiêu | Đơn vị tính | Kế hoạch 2026"):
// plans and their appendices list their targets row by row, with the unit
// in a cell of its own and a column per year or per plan and outturn. The
// sentence scan cannot read them (a cell is no sentence), so tables are
// parsed apart and each number of a row is a candidate, described by its
// row label, its column's header and the table's headings.

// tgCell is a cell of a table: its byte span in the text, trimmed.
type tgCell struct{ start, end int }

// tgTable is a table found in the text, row by row.
type tgTable struct {
	start, end int // byte span of the whole table
	rows       [][]tgCell
}

type tgLine struct{ start, end int } // a line without its line break

// tgLines returns the lines of text. A page break ends a line too: a
// table that runs over two pages of a PDF has its bars on both sides of
// it ("|\f|").
//
// A PDF reader may also join a cell-per-line table's bar to the cell
// beside it ("|Ha", "26.120|") or two bars ("||"): such a line, with one
// bar at one end and nothing else, or two bars alone, is split into the
// bar and the rest.
func tgLines(text string) []tgLine {
	var out []tgLine
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' || text[i] == '\f' {
			out = tgSplitBar(text, out, tgLine{start, i})
			start = i + 1
		}
	}
	return out
}

// tgSplitBar appends l to out, split at a bar joined to its neighbour
// (tgLines).
func tgSplitBar(text string, out []tgLine, l tgLine) []tgLine {
	s, e := l.start, l.end
	for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r') {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r') {
		e--
	}
	if e-s < 2 || strings.Count(text[s:e], "|") != 1 && text[s:e] != "||" {
		return append(out, l)
	}
	switch {
	case text[s] == '|':
		return append(out, tgLine{s, s + 1}, tgLine{s + 1, e})
	case text[e-1] == '|':
		return append(out, tgLine{s, e - 1}, tgLine{e - 1, e})
	}
	return append(out, l)
}

// tgTrimCell trims spaces and Markdown emphasis from text[s:e].
func tgTrimCell(text string, s, e int) (int, int) {
	for s < e && strings.IndexByte(" \t\r\f*_", text[s]) >= 0 {
		s++
	}
	for e > s && strings.IndexByte(" \t\r\f*_", text[e-1]) >= 0 {
		e--
	}
	return s, e
}

// tgFindTables returns the tables of text, in order: tables with one cell
// per line (a line "|" between cells and two between rows, as Markdown
// converted from HTML has them) and tables with one row per line ("a | b |
// c": Word and spreadsheet rows, Markdown tables).
func tgFindTables(text string) []tgTable {
	if strings.IndexByte(text, '|') < 0 {
		return nil
	}
	lines := tgLines(text)
	var out []tgTable
	for i := 0; i < len(lines); {
		l := lines[i]
		line := strings.TrimSpace(text[l.start:l.end])
		switch {
		case line == "|":
			t, next := tgCellPerLine(text, lines, i)
			if len(t.rows) > 0 {
				out = append(out, t)
			}
			i = next
		case tgRowLine(line):
			t := tgTable{start: l.start}
			for i < len(lines) {
				l := lines[i]
				line := strings.TrimSpace(text[l.start:l.end])
				if !tgRowLine(line) && !tgRuleRow(line) && !tgGroupLine(text, lines, i, line) {
					break
				}
				if !tgRuleRow(line) {
					t.rows = append(t.rows, tgSplitRow(text, l))
				}
				t.end = l.end
				i++
			}
			out = append(out, t)
		default:
			i++
		}
	}
	return out
}

// tgCellPerLine reads a table of one cell per line from lines[i] (a "|"
// line) to its last "|" line before the first blank line; it returns the
// table and the line after. Lines after the last bar are no cell: a reader
// that keeps no blank lines (PDF text, a Word file without empty
// paragraphs) runs the heading's table into the body, and a run of more
// than tgMaxCellLines lines without a bar ends the table at the bar before
// it.
//
// Such a table is "| a | b |" with every cell on a line of its own, so two
// bars in a row are an empty cell or the end of a row: where the rows are
// numbered ("1", "-", "I", "a" in the first column) the rows' width tells
// which; else every empty cell ends a row.
func tgCellPerLine(text string, lines []tgLine, i int) (tgTable, int) {
	t := tgTable{start: lines[i].start}
	var slots []tgCell // cells in order; an empty cell is {-1, -1}
	cell := tgCell{-1, -1}
	bars, cellLines := 0, 0
	for ; i < len(lines); i++ {
		l := lines[i]
		line := strings.TrimSpace(text[l.start:l.end])
		if line == "" || cellLines == tgMaxCellLines || tgOutsideTable(line) {
			break
		}
		if line != "|" {
			if cell.start < 0 {
				cell.start = l.start
			}
			cell.end = l.end
			cellLines++
			continue
		}
		t.end = l.end
		bars++
		cellLines = 0
		if cell.start >= 0 {
			s, e := tgTrimCell(text, cell.start, cell.end)
			slots = append(slots, tgCell{s, e})
			cell = tgCell{-1, -1}
		} else if bars > 1 {
			slots = append(slots, tgCell{-1, -1})
		}
	}
	if cell.start >= 0 {
		// the lines after the last bar are the text under the table
		i = lastLineBefore(lines, i, cell.start) + 1
	}
	t.rows = tgSlotRows(text, slots)
	return t, i
}

// tgMaxCellLines is the most lines a cell of a cell-per-line table runs
// to: a heading cell wraps over three to five, a table's longest
// description cell over a dozen.
const tgMaxCellLines = 16

// tgOutsideTable reports whether a line is no cell of a table but the text
// between two tables that a reader kept no blank line around: an
// appendix's heading or caption ("PHỤ LỤC 02", "(Ban hành kèm theo …)"),
// a type line ("QUYẾT ĐỊNH"), a recital, the enacting formula or an
// article ("Điều 1.").
func tgOutsideTable(line string) bool {
	c := strings.TrimSpace(strings.Trim(line, "*_#( "))
	if c == "" {
		return false
	}
	f := foldKey(c)
	for _, p := range []string{"phu luc", "ban hanh kem theo", "kem theo ", "can cu ", "quyet dinh:", "quyet nghi:"} {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	if rest, ok := strings.CutPrefix(f, "dieu "); ok && len(rest) > 0 && rest[0] >= '0' && rest[0] <= '9' {
		return true
	}
	return isTypeLine(c)
}

// lastLineBefore returns the index, at most i, of the last of lines that
// starts before byte offset at.
func lastLineBefore(lines []tgLine, i, at int) int {
	for i >= len(lines) || i > 0 && lines[i].start >= at {
		i--
	}
	return i
}

// tgRowStarter reports whether a cell opens a numbered row: "1", "12",
// "I", "IV", "a", "-", "+".
func tgRowStarter(text string, c tgCell) bool {
	if c.start < 0 {
		return false
	}
	w := strings.Trim(text[c.start:c.end], "*_ .)")
	switch {
	case w == "-" || w == "+" || w == "–":
		return true
	case w == "":
		return false
	case len(w) <= 3 && strings.Trim(w, "0123456789") == "":
		return true
	case len(w) <= 4 && isRomanNumeral(w) && strings.ToUpper(w) == w:
		return true
	}
	r := []rune(w)
	return len(r) == 1 && unicode.IsLower(r[0])
}

// tgSlotRows splits the cells of a cell-per-line table into rows.
func tgSlotRows(text string, slots []tgCell) [][]tgCell {
	// the usual distance between numbered rows is the width plus the
	// empty cell that ends a row
	gaps := map[int]int{}
	prev := -1
	for k, c := range slots {
		if !tgRowStarter(text, c) || k+1 < len(slots) && tgRowStarter(text, slots[k+1]) {
			continue // a starter followed by a starter: a numbering row
		}
		if prev >= 0 && k-prev >= 3 {
			gaps[k-prev]++
		}
		prev = k
	}
	period, best := 0, 1
	for g, n := range gaps {
		if n > best || n == best && g < period {
			period, best = g, n
		}
	}
	var rows [][]tgCell
	emit := func(cs []tgCell) {
		var row []tgCell
		for _, c := range cs {
			if c.start < 0 {
				c = tgCell{} // an empty cell, kept for the columns
			}
			row = append(row, c)
		}
		for len(row) > 0 && row[len(row)-1] == (tgCell{}) {
			row = row[:len(row)-1]
		}
		if len(row) > 0 {
			rows = append(rows, row)
		}
	}
	splitAtEmpty := func(cs []tgCell) {
		var row []tgCell
		for _, c := range cs {
			if c.start < 0 {
				emit(row)
				row = nil
				continue
			}
			row = append(row, c)
		}
		emit(row)
	}
	if period == 0 {
		splitAtEmpty(slots)
		return rows
	}
	// the header: everything before the first numbered row of the body
	k := 0
	for k < len(slots) && !(tgRowStarter(text, slots[k]) && (k+1 >= len(slots) || !tgRowStarter(text, slots[k+1]))) {
		k++
	}
	splitAtEmpty(slots[:k])
	for k < len(slots) {
		end := k + period
		if end > len(slots) {
			end = len(slots)
		}
		if end < len(slots) && !(slots[end-1].start < 0 && tgRowStarter(text, slots[end])) {
			// out of step: this row ends at its first empty cell
			e := k + 1
			for e < len(slots) && slots[e].start >= 0 {
				e++
			}
			emit(slots[k:e])
			k = e + 1
			continue
		}
		emit(slots[k:end])
		k = end
	}
	return rows
}

// tgRowLine reports whether line is a table row of its own: cells joined
// by "|", at least two of them not empty.
func tgRowLine(line string) bool {
	if strings.Count(line, "|") == 0 || tgRuleRow(line) {
		return false
	}
	n := 0
	for _, c := range strings.Split(line, "|") {
		if strings.Trim(c, " \t*_") != "" {
			n++
		}
	}
	return n >= 2
}

// tgGroupLine reports whether line, lines[i] inside a table of one row
// per line, is a group row of one cell ("A. Chỉ tiêu kinh tế", "Trong
// đó:"): a spreadsheet row whose other cells are empty has no bar, yet
// the table goes on in the next line, a row of values. A line before a
// row without values (the header of another table) is that table's
// caption.
func tgGroupLine(text string, lines []tgLine, i int, line string) bool {
	if line == "" || strings.Contains(line, "|") || utf8.RuneCountInString(line) > 100 || i+1 >= len(lines) {
		return false
	}
	next := strings.TrimSpace(text[lines[i+1].start:lines[i+1].end])
	if !tgRowLine(next) {
		return false
	}
	values := 0
	for _, c := range strings.Split(next, "|") {
		c = strings.Trim(c, " \t*_")
		if c != "" && strings.Trim(c, "0123456789.,%-–+") == "" && strings.ContainsAny(c, "0123456789") {
			values++
		}
	}
	return values >= 2
}

// tgRuleRow reports whether line is a Markdown table rule ("|---|:--:|").
func tgRuleRow(line string) bool {
	return strings.Contains(line, "|") && strings.Trim(line, "|-: \t") == ""
}

// tgSplitRow splits a row line at its bars; empty edge cells are dropped.
func tgSplitRow(text string, l tgLine) []tgCell {
	var row []tgCell
	s := l.start
	for i := l.start; i <= l.end; i++ {
		if i < l.end && text[i] != '|' {
			continue
		}
		cs, ce := tgTrimCell(text, s, i)
		row = append(row, tgCell{cs, ce})
		s = i + 1
	}
	// "| a | b |": the edges are no cells
	if len(row) > 0 && row[0].start == row[0].end {
		row = row[1:]
	}
	if len(row) > 0 && row[len(row)-1].start == row[len(row)-1].end {
		row = row[:len(row)-1]
	}
	return row
}

// tgCellKind classifies a cell's text.
type tgCellKind int

const (
	cellEmpty  tgCellKind = iota
	cellNumber            // a number, perhaps with a comparator and unit
	cellUnit              // a unit alone ("Tỷ đồng", "%")
	cellLabel             // words
)

// cellKind classifies cell c: a unit alone, a number (at most three words
// beside it; a year or a document number is no value), a label, or empty.
func (f *targetFinder) cellKind(c tgCell) tgCellKind {
	toks := f.cellToks(c)
	if len(toks) == 0 {
		return cellEmpty
	}
	if u, ok := tgMatchUnit(toks, 0); ok && u.next == len(toks) && !u.open {
		return cellUnit
	}
	words, nums := 0, 0
	for _, t := range toks {
		switch t.kind {
		case tgWord:
			if _, _, isCmp := tgCmpBefore([]tgTok{t}, 1); !isCmp {
				words++
			}
		case tgNum:
			if _, isDate := f.numberOrDate(t.start); !isDate {
				nums++ // a year or a document number is no value
			}
		}
	}
	if nums > 0 && words <= 3 {
		return cellNumber
	}
	if nums > 1 && f.boundsCell(toks) {
		return cellNumber
	}
	if words > 0 {
		return cellLabel
	}
	return cellEmpty
}

// leadValues marks as a number a cell of words that opens with a value,
// in a column where other rows hold numbers: the value with a comment
// ("≥ 3% và tăng dần theo yêu cầu phát triển", "90 (toàn trình)").
func (f *targetFinder) leadValues(tb tgTable, kinds [][]tgCellKind, width int) {
	nums := make([]int, width)
	for r, row := range tb.rows {
		if len(row) != width {
			continue
		}
		for c := range row {
			if kinds[r][c] == cellNumber {
				nums[c]++
			}
		}
	}
	for r, row := range tb.rows {
		if len(row) != width {
			continue
		}
		for c := range row {
			if kinds[r][c] == cellLabel && nums[c] >= 2 && f.leadValue(f.cellToks(row[c])) {
				kinds[r][c] = cellNumber
			}
		}
	}
}

// leadValue reports whether a cell's tokens open with a value (a number,
// perhaps after a comparator and before a unit) that a conjunction or a
// bracket ends: "≥ 3% và …", "90 (…)", "100, …".
func (f *targetFinder) leadValue(toks []tgTok) bool {
	j := 0
	for j < len(toks) && toks[j].kind != tgNum {
		j++
	}
	if j == len(toks) {
		return false
	}
	if j > 0 {
		if _, i, ok := tgCmpBefore(toks, j); !ok || i != 0 {
			return false
		}
	}
	if _, isDate := f.numberOrDate(toks[j].start); isDate {
		return false
	}
	k := j + 1
	if u, ok := tgMatchUnit(toks, k); ok {
		k = u.next
	}
	if k >= len(toks) {
		return false
	}
	switch toks[k].low {
	case "và", ",", ";", "(":
		return true
	}
	return false
}

// tgMaxScopeWords is the most words a bound of a cell of several bounds
// may have after its number: its scope ("≤ 3 Đông Nam Á").
const tgMaxScopeWords = 3

// boundsCell reports whether a cell's tokens are several values split by
// semicolons, each a number with at most tgMaxScopeWords words beside it
// ("≤ 3 Đông Nam Á; ≤ 50 Thế giới": a rank in two scopes).
func (f *targetFinder) boundsCell(toks []tgTok) bool {
	parts, words, nums := 0, 0, 0
	for i := 0; i <= len(toks); i++ {
		if i == len(toks) || toks[i].raw == ";" {
			if nums == 0 || words > tgMaxScopeWords {
				return false
			}
			parts++
			words, nums = 0, 0
			continue
		}
		switch t := toks[i]; t.kind {
		case tgWord:
			if _, _, isCmp := tgCmpBefore([]tgTok{t}, 1); !isCmp {
				words++
			}
		case tgNum:
			if _, isDate := f.numberOrDate(t.start); !isDate {
				nums++
			}
		}
	}
	return parts > 1
}

// cellParts returns the values of a cell of numbers: the cell, or each
// of its bounds split by semicolons (boundsCell).
func (f *targetFinder) cellParts(c tgCell) []tgCell {
	toks := f.cellToks(c)
	if !f.boundsCell(toks) {
		return []tgCell{c}
	}
	var out []tgCell
	from := 0
	for i := 0; i <= len(toks); i++ {
		if i == len(toks) || toks[i].raw == ";" {
			if i > from {
				out = append(out, tgCell{toks[from].start, toks[i-1].end})
			}
			from = i + 1
		}
	}
	return out
}

// table weighs every number of a table's rows.
func (f *targetFinder) table(tb tgTable) {
	f.cellCache = nil
	defer func() { f.cellCache = nil }()
	kinds := make([][]tgCellKind, len(tb.rows))
	first := -1 // the first row with a label and a number: the body starts there
	var valueRows [][]tgCell
	for r, row := range tb.rows {
		kinds[r] = make([]tgCellKind, len(row))
		hasLabel, hasNum := false, false
		for c, cell := range row {
			k := f.cellKind(cell)
			kinds[r][c] = k
			if k == cellLabel {
				hasLabel = true
			}
			if k == cellNumber && hasLabel {
				hasNum = true
			}
		}
		if hasLabel && hasNum {
			if first < 0 {
				first = r
			}
			valueRows = append(valueRows, row)
		}
	}
	if first < 0 {
		return
	}
	// the body's width: that of most rows of values (a long page
	// flattened into one table has rows of text below its table too)
	width := tgCommonWidth(valueRows)
	f.leadValues(tb, kinds, width)
	// the header ends at the first numbered row ("I | CÂY CÔNG NGHIỆP",
	// "1 | 2 | 3 …"), a group row of one cell under a wider header row
	// ("A. Chỉ tiêu kinh tế": a spreadsheet row whose other cells are
	// empty) or the first row of values
	head := 0
	for head < first && !tgRowStarter(f.text, tb.rows[head][0]) &&
		!(head > 0 && len(tb.rows[head]) == 1 && len(tb.rows[head-1]) > 1) {
		head++
	}
	headers, caption := f.columnHeaders(tb.rows[:head], width)
	if caption.end <= caption.start {
		caption = f.captionAbove(tb)
	}
	f.tabSense = f.captionSense(caption)
	f.tabUnit = f.captionUnit(tb, tb.rows[:head])
	f.tabUnitCol = f.unitColumn(headers)
	f.tabPastCol = f.pastColumn(headers)
	var group, dated []tgCell // the last group row, and the last one with a date
	for r := head; r < len(tb.rows); r++ {
		row := tb.rows[r]
		label, unit := -1, -1
		for c := range row {
			if c == 0 && len(row) > 2 && tgRowStarter(f.text, row[0]) {
				continue // "a | Tỷ lệ …": the row's number is no label
			}
			if c == f.tabUnitCol && len(row) == width && label >= 0 {
				// the column headed "Đơn vị tính" holds the row's unit,
				// whatever its words ("Thứ bậc", "Tbps")
				if kinds[r][c] == cellLabel || kinds[r][c] == cellUnit {
					unit = c
				}
				continue
			}
			if kinds[r][c] == cellLabel && label < 0 {
				label = c
			}
			if kinds[r][c] == cellUnit && label >= 0 && unit < 0 {
				unit = c
			}
		}
		if label < 0 {
			continue
		}
		values := 0
		for c := label + 1; c < len(row); c++ {
			if kinds[r][c] == cellNumber {
				values++
			}
		}
		if values == 0 {
			group = row // a group's row: "I | NHÓM XÃ, PHƯỜNG"
			if len(f.datesIn(row[0].start, row[len(row)-1].end)) > 0 {
				dated = row // "I | Giai đoạn 2025-2027" holds "I.1 | …" too
			}
			continue
		}
		nth := 0
		for c := label + 1; c < len(row); c++ {
			if kinds[r][c] != cellNumber {
				continue
			}
			var head []tgCell
			if len(row) == width && c < len(headers) {
				head = headers[c]
			}
			for _, part := range f.cellParts(row[c]) {
				f.tableCell(tb, row, part, label, unit, c, nth, values, head, group, dated)
			}
			nth++
		}
	}
}

// columnHeaders returns, for each of width columns, the header cells above
// it. A header row as wide as the body maps one to one. A narrower row over
// a second one has cells that span the second's: s = n1 - (width - n2) of
// them, each over n2/s cells ("Kế hoạch 2026" over "Lượng | Giá trị", five
// times). One spanning cell among several is the period that holds the
// years of the cells below ("GIAI ĐOẠN 2026 - 2030" over "Năm 2026 | … |
// Năm 2030"), or, over cells without years, the first year ("Năm hiện hành
// 2025" over "Kế hoạch | Ước thực hiện").
//
// A row wider than the body is the header with what stands before the
// table glued in front (a page flattened to one cell per line: "Nơi nhận |
// … | PHỤ LỤC I DANH MỤC CÁC CHỈ TIÊU | TT | Chỉ tiêu | Đơn vị | …"): its
// last width cells are the header, the cell before them the table's
// caption, and the rows above it are no part of the table.
func (f *targetFinder) columnHeaders(rows [][]tgCell, width int) (headers [][]tgCell, caption tgCell) {
	out := make([][]tgCell, width)
	for i := 0; i < len(rows); i++ {
		row := rows[i]
		if width >= 3 && len(row) > width {
			out = make([][]tgCell, width)
			caption = row[len(row)-width-1]
			row = row[len(row)-width:]
		}
		if len(row) == width {
			for c := range row {
				out[c] = append(out[c], row[c])
			}
			continue
		}
		if i+1 < len(rows) && len(row) < width {
			sub := rows[i+1]
			s := len(row) - (width - len(sub))
			if s >= 1 && s <= len(row) && len(sub)%s == 0 {
				m := len(sub) / s
				first := len(row) - s // the spanning cells: row[first:first+s]
				if s == 1 {
					first = f.spanningCell(row, sub)
				}
				col, k := 0, 0
				for c := range row {
					n := 1
					if c >= first && c < first+s {
						n = m
					}
					for j := 0; j < n && col < width; j++ {
						out[col] = append(out[col], row[c])
						if n > 1 || c >= first && c < first+s {
							out[col] = append(out[col], sub[k])
							k++
						}
						col++
					}
				}
				i++
				continue
			}
		}
		// unknown spans: right-aligned, the usual place of year columns
		off := width - len(row)
		for c := range row {
			if c+off >= 0 && c+off < width {
				out[c+off] = append(out[c+off], row[c])
			}
		}
	}
	return out, caption
}

// captionSense reads what a table's caption says of its numbers: targets
// ("DANH MỤC CÁC CHỈ TIÊU", "Mục tiêu …", "Kế hoạch …") or forecasts
// ("DỰ BÁO …").
func (f *targetFinder) captionSense(caption tgCell) tgColumn {
	var c tgColumn
	if caption.end <= caption.start {
		return c
	}
	var words []string
	for _, t := range f.cellToks(caption) {
		if t.kind != tgWord || len(words) == 24 {
			continue
		}
		if t.low == "theo" && len(words) > 0 && words[len(words)-1] == "kèm" {
			// "(Kèm theo Kế hoạch số …)" names the text it is attached
			// to, not what the table holds
			words = words[:len(words)-1]
			break
		}
		words = append(words, t.low)
	}
	w := " " + strings.Join(words, " ") + " "
	for _, k := range []string{" chỉ tiêu ", " mục tiêu ", " kế hoạch ", " phấn đấu "} {
		c.plan = c.plan || strings.Contains(w, k)
	}
	c.forecast = strings.Contains(w, " dự báo ")
	// "DỰ BÁO MỘT SỐ CHỈ TIÊU …" forecasts its indicators
	c.plan = c.plan && !c.forecast
	return c
}

// spanningCell returns the one cell of row that spans the cells of sub.
func (f *targetFinder) spanningCell(row, sub []tgCell) int {
	var years []int
	for _, c := range sub {
		for _, d := range f.datesIn(c.start, c.end) {
			if y, err := strconv.Atoi(d.p.End); err == nil {
				years = append(years, y)
			}
		}
	}
	firstYear := -1
	for c := 1; c < len(row); c++ {
		for _, d := range f.datesIn(row[c].start, row[c].end) {
			y0, e0 := strconv.Atoi(d.p.Start)
			y1, e1 := strconv.Atoi(d.p.End)
			if e1 != nil {
				continue
			}
			if firstYear < 0 {
				firstYear = c
			}
			if len(years) > 0 && e0 == nil && y0 < y1 {
				in := true
				for _, y := range years {
					in = in && y0 <= y && y <= y1
				}
				if in {
					return c
				}
			}
		}
	}
	if len(years) == 0 && firstYear >= 0 {
		return firstYear
	}
	return len(row) - 1
}

// tableCell weighs the number in cell, row[c] of a table or a part of it
// (cellParts).
func (f *targetFinder) tableCell(tb tgTable, row []tgCell, cell tgCell, label, unit, c, nth, values int, head, group, dated []tgCell) {
	p := paraInfo{span: tgSpan(cell), toks: f.cellToks(cell)}
	toks := p.toks
	j := 0
	for j < len(toks) && toks[j].kind != tgNum {
		j++
	}
	if j == len(toks) {
		return
	}
	q, ok := f.cellQuantity(p, j, row, label, unit, head)
	if !ok {
		return
	}
	ltoks := f.cellToks(row[label])
	subj, ind := f.rowRoles(ltoks, row[label], group, head)
	if subj == "" {
		return
	}
	hdates, per := f.cellPeriod(head, group, dated)
	col := f.columnSense(head, hdates)
	if f.tabSense.plan && col.result && !col.past {
		// "Kết quả" under a caption of targets ("DANH MỤC CÁC CHỈ
		// TIÊU"): the result to reach
		col.result = false
	}
	col.plan = col.plan || f.tabSense.plan
	col.forecast = col.forecast || f.tabSense.forecast
	if !col.future && f.docYear > 0 {
		// a group's time frame that ends after the document's year
		// ("I | Giai đoạn 2025-2027" in a decision of 2025)
		for _, g := range [][]tgCell{group, dated} {
			if len(g) == 0 {
				continue
			}
			for _, d := range f.datesIn(g[0].start, g[len(g)-1].end) {
				if y, err := strconv.Atoi(d.p.End); err == nil && d.usable && y > f.docYear {
					col.future = true
				}
			}
		}
	}
	rule := !col.past && !col.result && !col.ratio && (col.plan || col.future && !col.forecast || (f.sectionTarget > 0 || f.listTarget) && !col.forecast)
	// a table of norms: under a heading that names them, or in a document
	// whose title does (a budget split's percentages, a fee schedule)
	rule = rule && !f.normDoc && f.sectionNorm == 0
	// a cell no header stands over, in a table with a column of outturns
	// ("Năm 2025" over "Dự toán | Ước thực hiện"): its number may be an
	// estimate as well as a plan
	rule = rule && !(len(head) == 0 && f.tabPastCol && !f.tabSense.plan)
	// a forecast table's counts of people and facilities ("Dân số", "Số
	// giường bệnh", "+ Học sinh bán trú" in "DỰ BÁO MỘT SỐ CHỈ TIÊU KINH
	// TẾ - XÃ HỘI"): the statistics a budget is reckoned on, not goals
	rule = rule && !(col.forecast && tgStockRow(q.unit, ind, f.text[row[label].start:row[label].end]))
	var fs []string
	if f.model != nil || f.collect {
		fs = f.tableFeatures(q, row, label, unit, c, nth, values, head, group, hdates)
		fs = append(fs, col.features()...)
		if f.normDoc {
			fs = append(fs, "normDoc")
		}
		if f.sectionNorm > 0 {
			fs = append(fs, "secN")
		}
		if rule {
			fs = append(fs, "rule", "rule&kind="+f.c.Kind, "rule&table")
		} else {
			fs = append(fs, "table&norule")
		}
	}
	accept, score := f.decide(rule, fs)
	if !accept && !f.collect {
		return
	}
	t := Target{Comparator: q.cmp, Value: q.value, ValueMax: q.max, Unit: q.unit.text,
		Subject: tgCleanPhrase(tgSpaces(subj)), Indicator: tgCleanPhrase(tgSpaces(ind)), Period: per,
		Text:     tgSpaces(f.text[row[label].start:cell.end]),
		Sentence: tgSpaces(f.text[row[0].start:row[len(row)-1].end]),
		Page:     f.pageOf(cell.start)}
	if t.Indicator == "" {
		t.Indicator = t.Subject
	}
	if f.c.Number != "" {
		t.SourceNumber = NullString(f.c.Number)
	}
	if exp := Expand(t.Subject, f.c.Abbreviations); exp != "" {
		t.SubjectExpanded = NullString(exp)
	}
	off := toks[q.numTok].start
	if f.collect {
		f.cands = append(f.cands, TargetCandidate{Target: t, Offset: off, Start: toks[q.first].start, End: toks[q.last-1].end, Features: fs, Rule: rule})
	}
	if !accept {
		return
	}
	f.found = append(f.found, tgFound{t: t, score: score, offset: off, parent: -1, enum: strconv.Itoa(len(f.found)),
		sentence: row[0].start, para: -1 - len(f.found), section: f.section, listItem: true, table: true,
		sentToks: tgWordSet(t.Sentence), textToks: tgWordSet(t.Text)})
}

// rowRoles returns the subject and indicator of a table row's cells from
// its label (ltoks, the tokens of cell label), its group row and its
// column's headers (head). A column whose header names a measure
// ("Lượng (Tấn)", "Giá trị tham gia xuất khẩu (Nghìn USD)") gives the
// indicator; a label with a verb splits into subject and indicator
// ("Tỉ lệ hồ sơ … | được số hóa"); a rate's name gives the rate ("Tốc độ
// tăng trưởng | GRDP", "Mức giảm | tỷ lệ hộ nghèo"); a bare measure under
// a group names the group's measure ("Cà phê" / "- Diện tích": subject
// "Cà phê diện tích"); a group that names a structure ("Cơ cấu kinh tế")
// makes each row a share in it. Otherwise the row's number is a level the
// column sets, and the indicator is "đạt".
func (f *targetFinder) rowRoles(ltoks []tgTok, label tgCell, group, head []tgCell) (subj, ind string) {
	subj, ind, from, verb := f.labelRolesSplit(ltoks, 0, len(ltoks), f.datesIn(label.start, label.end))
	if subj == "" {
		return "", ""
	}
	if _, opens := tgVerbs.at(ltoks, from); verb && tgFalseRowSplit(subj, opens) && !tgRateLabel(ltoks) {
		// "Tỉ trọng | xuất khẩu sản phẩm công nghệ cao …": the verb
		// belongs to the label's noun phrase, and the whole label names
		// what is measured
		subj = subj + " " + ind
	}
	if g := f.groupLabel(group); g != "" && tgMeasureLabel(ltoks) {
		// "Cà phê" / "- Diện tích": the group names what is measured
		m := strings.Trim(tgSpaces(f.text[label.start:label.end]), "-+–*_ ")
		subj, ind, verb = g+" "+strings.ToLower(m), "", false
	}
	if m := f.columnMeasure(head); m != "" {
		return subj, m
	}
	if whole := subj + " " + ind; verb && tgRateLabel(ltoks) {
		// "Mức giảm tỷ lệ hộ nghèo": the rate's verb is no predicate
		if rs, ri := tgRateRoles(whole); rs != "" {
			return rs, ri
		}
	} else if !verb {
		if rs, ri := tgRateRoles(ind); rs != "" {
			return rs, ri
		}
	}
	if g := strings.ToLower(f.groupLabel(group)); strings.HasPrefix(g, "cơ cấu ") && tgSubItem(f.text[label.start:label.end]) {
		// "Cơ cấu kinh tế" / "- Dịch vụ": each item's share in the
		// structure
		return subj, "tỷ trọng trong " + tgCleanPhrase(g)
	}
	if !verb {
		ind = "đạt"
	}
	return subj, ind
}

// tgMeasureHeads are head nouns that name a measure and need the words
// after them ("Tỉ trọng xuất khẩu …", "Xếp hạng chỉ số phát triển …").
var tgMeasureHeads = map[string]bool{"tỉ trọng": true, "tỷ trọng": true, "xếp hạng": true,
	"xếp hạng chỉ số": true, "chỉ số": true, "cơ cấu": true, "mức": true, "quy mô": true,
	"giá trị": true, "số lượng": true}

// tgHangingWords cannot end a subject: a preposition, a conjunction or
// an auxiliary that needs the words after it ("Chi ngân sách hằng năm
// cho", "thanh toán trực tuyến trong", "dữ liệu đã").
var tgHangingWords = map[string]bool{"cho": true, "trong": true, "về": true, "của": true,
	"với": true, "đã": true, "và": true, "để": true, "từ": true, "trên": true, "theo": true,
	"các": true, "những": true, "đang": true, "sẽ": true}

// tgFalseRowSplit reports whether subj, the part of a table row's label
// before the verb that split it, names nothing measured on its own, so
// the verb belongs to the label's noun phrase: the label opens with a
// verb (opens: "Hoàn thành | xây dựng …"), subj is "người", which a verb
// makes an agent noun ("người | sử dụng …"), or a measure's bare head
// ("Tỉ trọng | xuất khẩu …"), or it
// ends in a word that needs what follows ("Chi ngân sách hằng năm cho |
// phát triển …").
func tgFalseRowSplit(subj string, opens bool) bool {
	words := strings.Fields(strings.ToLower(tgCleanPhrase(subj)))
	if len(words) == 0 {
		return false
	}
	return opens || len(words) == 1 && words[0] == "người" || tgMeasureHeads[strings.Join(words, " ")] ||
		tgHangingWords[strings.Trim(words[len(words)-1], ",;:")]
}

// tgSubItem reports whether a row label is an item of the group above it:
// it opens with a dash or a plus ("- Dịch vụ", "*+ Cà phê*").
func tgSubItem(label string) bool {
	l := strings.TrimLeft(label, "*_ ")
	return strings.HasPrefix(l, "-") || strings.HasPrefix(l, "+") || strings.HasPrefix(l, "–")
}

// tgRateRoles splits the name of a rate of change into what changes and
// the rate ("Tốc độ tăng trưởng GRDP": "GRDP", "tốc độ tăng trưởng"), or
// returns "" when name is none.
func tgRateRoles(name string) (subj, rate string) {
	if s, r := tgGrowthRoles(name, ""); s != name {
		return s, r
	}
	low := strings.ToLower(name)
	for _, p := range []string{"mức giảm ", "mức tăng "} {
		if strings.HasPrefix(low, p) && len(name) > len(p) {
			return strings.TrimSpace(name[len(p):]), strings.TrimSpace(p)
		}
	}
	return "", ""
}

// tgRateLabel reports whether a row label opens with the name of a rate
// of change ("Tốc độ tăng trưởng GRDP", "Mức giảm tỷ lệ hộ nghèo").
func tgRateLabel(toks []tgTok) bool {
	i := 0
	for i < len(toks) && toks[i].kind != tgWord {
		i++
	}
	for _, lead := range [][]string{{"tốc", "độ"}, {"mức", "tăng"}, {"mức", "giảm"}, {"tỷ", "lệ", "tăng"}} {
		if _, ok := tgPhraseAt(toks, i, lead); ok {
			return true
		}
	}
	return false
}

// columnMeasure returns the measure a column's header names, without its
// unit: "Lượng (Tấn)" gives "Lượng", "Giá trị tham gia xuất khẩu (Nghìn
// USD)" gives "Giá trị tham gia xuất khẩu". A header that says when or
// how sure the numbers are ("Kế hoạch 2026", "Ước thực hiện", "Năm 2030")
// or is an index ("1", "TT") names none.
func (f *targetFinder) columnMeasure(head []tgCell) string {
	for k := len(head) - 1; k >= 0; k-- {
		h := head[k]
		if f.cellKind(h) != cellLabel || len(f.datesIn(h.start, h.end)) > 0 {
			continue
		}
		toks := f.cellToks(h)
		if !tgMeasureLabel(toks) {
			continue
		}
		var keep []int
		depth := 0
		for i, t := range toks {
			switch {
			case t.raw == "(" || t.raw == "[":
				depth++
			case t.raw == ")" || t.raw == "]":
				depth = max(0, depth-1)
			case depth == 0 && t.kind == tgWord:
				keep = append(keep, i)
			}
		}
		words := " " + strings.ToLower(tgJoin(toks, keep)) + " "
		sense := false
		for _, w := range []string{" kế hoạch ", " kh ", " mục tiêu ", " chỉ tiêu ", " ước ", " thực hiện ", " dự báo ", " so sánh ", " đơn vị "} {
			sense = sense || strings.Contains(words, w)
		}
		if !sense && len(keep) > 0 {
			return tgCleanPhrase(tgJoin(toks, keep))
		}
	}
	return ""
}

// cellQuantity reads the quantity of a table cell whose first number is
// toks[j] (p holds the cell's tokens): as in a sentence (quantityAt), else
// the bare number or range, with its comparator sign, in the unit of its
// row or column (tableUnit).
func (f *targetFinder) cellQuantity(p paraInfo, j int, row []tgCell, label, unit int, head []tgCell) (tgQty, bool) {
	toks := p.toks
	q, ok := f.quantityAt(p, j, 0, len(toks))
	if !ok {
		v, okv := ParseNumber(toks[j].raw, f.conv)
		if !okv {
			return q, false
		}
		q = tgQty{first: j, last: j + 1, numTok: j, value: v, cmp: "="}
		if cmp, i, ok := tgCmpBefore(toks, j); ok {
			q.cmp, q.first = cmp, i
		}
		if j+2 < len(toks) && tgIsDash(toks[j+1].raw) && toks[j+2].kind == tgNum {
			if v2, ok := ParseNumber(toks[j+2].raw, f.conv); ok && v2 > v {
				q.max, q.cmp, q.last = &v2, "range", j+3
			}
		}
		u, ok := f.tableUnit(row, label, unit, head)
		if !ok {
			return q, false
		}
		q.unit = u
	}
	return q, true
}

// cellPeriod returns the dates of a cell's column headers and the cell's
// time frame: the last dated header's, else the group row's, else the
// frame of the text around the table.
func (f *targetFinder) cellPeriod(head, group, dated []tgCell) ([]tgDate, *Period) {
	var hdates []tgDate
	for _, h := range head {
		hdates = append(hdates, f.datesIn(h.start, h.end)...)
	}
	var per *Period
	for _, d := range hdates {
		if d.p.End != "" {
			pp := d.p
			per = &pp
		}
	}
	for _, g := range [][]tgCell{group, dated} {
		if per != nil || len(g) == 0 {
			break
		}
		// a group's row names the time frame of its rows ("II |
		// Giai đoạn 2028-2030"), and of its sub-groups' rows
		for _, d := range f.datesIn(g[0].start, g[len(g)-1].end) {
			if d.usable && d.p.End != "" {
				pp := d.p
				per = &pp
			}
		}
	}
	if per == nil {
		per = f.frame()
	}
	return hdates, per
}

// tableUnit finds the unit of a bare number of a row: its row's unit cell,
// else a unit in brackets at the end of its column's header or its label
// ("Tỷ lệ hộ nghèo (%)", "Kế hoạch (tỷ đồng)").
func (f *targetFinder) tableUnit(row []tgCell, label, unit int, head []tgCell) (tgUnit, bool) {
	try := func(c tgCell) (tgUnit, bool) {
		toks := f.cellToks(c)
		// the unit alone, or in the last brackets
		if u, ok := tgMatchUnit(toks, 0); ok && u.next == len(toks) {
			return u, true
		}
		for i := len(toks) - 1; i > 0; i-- {
			if toks[i].raw == ")" {
				for k := i - 1; k >= 0; k-- {
					if toks[k].raw == "(" {
						if u, ok := tgMatchUnit(toks[k+1:i], 0); ok && u.next == i-k-1 {
							return u, true
						}
						break
					}
				}
				break
			}
		}
		return tgUnit{}, false
	}
	if unit >= 0 {
		if u, ok := try(row[unit]); ok {
			return u, true
		}
		if unit == f.tabUnitCol {
			if u, ok := f.columnUnit(row[unit]); ok {
				return u, true
			}
		}
	}
	for i := len(head) - 1; i >= 0; i-- {
		if u, ok := try(head[i]); ok {
			return u, true
		}
	}
	if u, ok := try(row[label]); ok {
		return u, true
	}
	if f.tabUnit != nil {
		return *f.tabUnit, true
	}
	return tgUnit{}, false
}

// tgUnitHeader matches the header of a table's unit column: "ĐVT",
// "Đơn vị tính", "Đơn vị".
var tgUnitHeader = lazyregexp.New(`^(?i)(?:đvt|đơn vị(?: tính| đo)?)\s*:?$`)

// unitColumn returns the column whose header names it the unit column
// ("Đơn vị tính", "ĐVT"), or -1.
func (f *targetFinder) unitColumn(headers [][]tgCell) int {
	for c, hs := range headers {
		for _, h := range hs {
			if tgUnitHeader.MatchString(tgSpaces(f.text[h.start:h.end])) {
				return c
			}
		}
	}
	return -1
}

// tgMaxUnitWords is the most words a unit column's cell may have to be
// read as a unit ("Trung tâm dữ liệu quốc gia").
const tgMaxUnitWords = 5

// columnUnit reads the cell of a unit column as the unit of its row's
// numbers: a unit with the base it is a share of ("% GDP", "% dân số":
// "%"), else the cell's words, lower case but for acronyms ("Thứ bậc",
// "Tuyến cáp quang biển", "Thành phố, Tỉnh"; "Số doanh nghiệp/1000 dân":
// "doanh nghiệp/1000 dân"), a count no list names. A cell of more than
// tgMaxUnitWords words, or with a bracket, is a description, no unit.
func (f *targetFinder) columnUnit(c tgCell) (tgUnit, bool) {
	toks := f.cellToks(c)
	if len(toks) == 0 {
		return tgUnit{}, false
	}
	if u, ok := tgMatchUnit(toks, 0); ok && u.text == "%" {
		for _, t := range toks[u.next:] {
			if t.kind != tgWord {
				return tgUnit{}, false
			}
		}
		u.next = len(toks)
		return u, true
	}
	if toks[0].kind != tgWord {
		return tgUnit{}, false
	}
	first, words := 0, 0
	if len(toks) > 1 && toks[0].low == "số" && toks[1].kind == tgWord {
		first = 1 // "Số doanh nghiệp": the count of them
	}
	per := false
	for _, t := range toks[first:] {
		switch {
		case t.kind == tgWord:
			if !per {
				words++
			}
		case t.raw == "/":
			per = true
		case t.raw == "," || t.kind == tgNum && per:
		default:
			return tgUnit{}, false
		}
	}
	if words == 0 || words > tgMaxUnitWords {
		return tgUnit{}, false
	}
	var b strings.Builder
	for i, t := range toks[first:] {
		if i > 0 && t.start > toks[first+i-1].end {
			b.WriteByte(' ')
		}
		if t.kind == tgWord && !tgMixedCase(t.raw) {
			b.WriteString(t.low)
		} else {
			b.WriteString(t.raw)
		}
	}
	return tgUnit{text: b.String(), next: len(toks), count: true, open: true}, true
}

// tgMixedCase reports whether a word has a capital letter after its first
// ("GDP", "NSNN", "TWh"): it keeps its case in a unit.
func tgMixedCase(w string) bool {
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// tgUnitCaption matches a caption that gives a table's unit: "ĐVT: tỷ
// đồng", "Đơn vị tính: triệu đồng", "(Đơn vị: %)".
var tgUnitCaption = lazyregexp.New(`(?i)(?:đvt|đơn vị tính|đơn vị)\s*:\s*([^\n|)]{1,40})`)

// captionUnit returns the unit a caption gives the whole table: in the
// line right above it or in a header row ("ĐVT: tỷ đồng"), else nil.
func (f *targetFinder) captionUnit(tb tgTable, header [][]tgCell) *tgUnit {
	var spans [][2]int
	// the two lines above the table
	from := tb.start
	for n := 0; n < 3 && from > 0; n++ {
		k := strings.LastIndexByte(f.text[:from-1], '\n')
		from = k + 1
		if k < 0 {
			break
		}
	}
	spans = append(spans, [2]int{from, tb.start})
	for _, row := range header {
		for _, c := range row {
			spans = append(spans, [2]int{c.start, c.end})
		}
	}
	for _, sp := range spans {
		if sp[1] <= sp[0] || sp[1] > len(f.text) {
			continue
		}
		t := f.text[sp[0]:sp[1]]
		if !strings.Contains(t, "vị") && !strings.Contains(t, "VỊ") && !strings.Contains(t, "VT") && !strings.Contains(t, "vt") && !strings.Contains(t, "Vị") {
			continue // no "ĐVT", "Đơn vị": no regexp
		}
		m := tgUnitCaption.FindStringSubmatchIndex(t)
		if m == nil {
			continue
		}
		a, b := sp[0]+m[2], sp[0]+m[3]
		toks := tgTokenize(f.text, a, b)
		for len(toks) > 0 && toks[0].kind == tgPunct {
			toks = toks[1:]
		}
		if u, ok := tgMatchUnit(toks, 0); ok && (u.next == len(toks) || toks[u.next].kind == tgPunct) {
			return &u
		}
	}
	return nil
}

// frame is the time frame around a table or a list: the list's intro, the
// section's horizon, or the last frame the text named.
func (f *targetFinder) frame() *Period {
	for _, p := range []*Period{f.listFrame, f.sectionHorizon, f.running} {
		if p != nil {
			pp := *p
			return &pp
		}
	}
	return nil
}

// tableFeatures describes a table's number for the model.
func (f *targetFinder) tableFeatures(q tgQty, row []tgCell, label, unit, c, nth, values int, head, group []tgCell, hdates []tgDate) []string {
	fs := make([]string, 0, 48)
	add := func(s string) { fs = append(fs, s) }
	add("kind=" + f.c.Kind)
	add("table")
	add("table&kind=" + f.c.Kind)
	add("cmp=" + q.cmp)
	uc := unitClass(q.unit)
	add("unit=" + uc)
	add("tunit=" + uc)
	add("val=" + valueBucket(q.value))
	if nth == 0 {
		add("tcol=first")
	}
	if nth == values-1 {
		add("tcol=last")
	}
	if f.sectionTarget > 0 {
		add("secT")
	}
	if f.sectionPast > 0 {
		add("secP")
	}
	if f.listTarget {
		add("listT")
	}
	words := func(prefix string, cs []tgCell, max int) {
		n := 0
		for _, cl := range cs {
			for _, t := range f.cellToks(cl) {
				if t.kind == tgWord && n < max {
					add(prefix + t.low)
					n++
				}
			}
		}
	}
	words("col=", head, 12)
	if len(head) == 0 {
		add("col=?")
	}
	words("lab=", row[label:label+1], 6)
	words("grp=", group, 6)
	for _, d := range hdates {
		rel := "y?"
		if y, err := strconv.Atoi(d.p.End); err == nil && f.docYear > 0 {
			switch {
			case y < f.docYear:
				rel = "y<"
			case y == f.docYear:
				rel = "y="
			default:
				rel = "y>"
			}
		}
		add("coldate" + rel)
		if d.horizon {
			add("colhorizon")
		}
	}
	f.headFeatures(add)
	if r, _ := utf8.DecodeRuneInString(f.text[row[label].start:row[label].end]); unicode.IsUpper(r) {
		add("labcaps")
	}
	return fs
}

// tgCommonWidth returns the most common number of cells of rows.
func tgCommonWidth(rows [][]tgCell) int {
	n := map[int]int{}
	best, bestN := 0, 0
	for _, r := range rows {
		n[len(r)]++
		if n[len(r)] > bestN || n[len(r)] == bestN && len(r) > best {
			best, bestN = len(r), n[len(r)]
		}
	}
	return best
}

// tgColumn is what a column's header and the table's headings say of its
// numbers: a plan ("Kế hoạch 2026", "Mục tiêu", a year after the
// document's), an outturn ("Ước thực hiện", "TH 2024", a past year), a
// forecast (a table headed "Dự báo").
type tgColumn struct {
	plan, past, future, forecast bool
	result                       bool // "Kết quả": a result, reached or to reach
	ratio                        bool // "So sánh (%)", "DT 2026 với UTH 2025 (%)", "4=3/2": one column against another
}

// features returns the column's senses as features of its cells.
func (c tgColumn) features() []string {
	var fs []string
	for _, x := range []struct {
		on   bool
		name string
	}{{c.plan, "colplan"}, {c.past || c.result, "colpast"}, {c.future, "colfuture"}, {c.forecast, "tforecast"}, {c.ratio, "colratio"}} {
		if x.on {
			fs = append(fs, x.name)
		}
	}
	return fs
}

// columnSense reads what a column's numbers are from its headers (head,
// with their dates hdates) and the headings above the table.
func (f *targetFinder) columnSense(head []tgCell, hdates []tgDate) tgColumn {
	var c tgColumn
	var words []string
	for _, h := range head {
		for _, t := range f.cellToks(h) {
			if t.kind == tgWord {
				words = append(words, t.low)
			}
		}
	}
	hw := " " + strings.Join(words, " ") + " "
	for _, w := range []string{" kế hoạch ", " kh ", " mục tiêu ", " chỉ tiêu ", " phấn đấu ", " định hướng ", " giao "} {
		c.plan = c.plan || strings.Contains(hw, w)
	}
	for _, w := range []string{" ước ", " ước thực hiện ", " thực hiện ", " th ", " ưth ", " đã ", " thực tế "} {
		c.past = c.past || strings.Contains(hw, w)
	}
	c.result = strings.Contains(hw, " kết quả ")
	for _, w := range []string{" so sánh ", " so với ", " với ", " tăng giảm ", " tăng/giảm "} {
		c.ratio = c.ratio || strings.Contains(hw, w)
	}
	for _, h := range head {
		c.ratio = c.ratio || tgRatioFormula(f.text[h.start:h.end])
	}
	for _, d := range hdates {
		if y, err := strconv.Atoi(d.p.End); err == nil && f.docYear > 0 {
			c.future = c.future || y > f.docYear || d.horizon
			if y < f.docYear && !d.horizon {
				c.past = true
			}
		}
	}
	for _, h := range f.heads {
		t := " " + strings.Join(h, " ") + " "
		c.forecast = c.forecast || strings.Contains(t, " dự báo ")
	}
	return c
}

// pastColumn reports whether one of a table's columns, by its headers,
// holds outturns: an estimate ("Ước thực hiện", "ƯTH"), a result ("Thực
// hiện") or a year before the document's.
func (f *targetFinder) pastColumn(headers [][]tgCell) bool {
	for _, h := range headers {
		hdates, _ := f.cellPeriod(h, nil, nil)
		if len(h) > 0 && f.columnSense(h, hdates).past {
			return true
		}
	}
	return false
}

// tgStockRow reports whether a table row counts a stock of people or
// facilities: its unit is a bare count ("Người", "Giường", "Trường", not
// "Giường/vạn dân") and its label has no verb of achievement (ind is the
// default "đạt" of rowRoles, and the label does not say it).
func tgStockRow(u tgUnit, ind, label string) bool {
	return unitClass(u) == "count" && ind == "đạt" && !strings.Contains(strings.ToLower(label), "đạt")
}

// tgRatioFormula reports whether a header cell is a formula of one
// column over another ("4=3/2", "(5)=(4)/(3)", "6 = 5/3 (%)").
func tgRatioFormula(h string) bool {
	h = strings.NewReplacer("(", "", ")", "", "*", "", " ", "").Replace(h)
	eq := strings.IndexByte(h, '=')
	if eq <= 0 || eq+3 > len(h) {
		return false
	}
	rhs := h[eq+1:]
	sl := strings.IndexByte(rhs, '/')
	digits := func(s string) bool {
		if s == "" {
			return false
		}
		for _, r := range s {
			if r < '0' || r > '9' {
				return false
			}
		}
		return true
	}
	return sl > 0 && digits(h[:eq]) && digits(rhs[:sl]) && digits(strings.TrimSuffix(rhs[sl+1:], "%"))
}

// groupLabel returns the words of a group row's label ("1 | Cà Phê",
// "I | Cà phê"), not its number.
func (f *targetFinder) groupLabel(group []tgCell) string {
	for _, c := range group {
		if f.cellKind(c) == cellLabel && !tgRowStarter(f.text, c) {
			return tgSpaces(f.text[c.start:c.end])
		}
	}
	return ""
}

// tgMeasureLabel reports whether a row label names a measure of something
// its group names: "Diện tích", "Sản lượng cà phê nhân", "Giá trị".
func tgMeasureLabel(toks []tgTok) bool {
	for _, lead := range [][]string{{"diện", "tích"}, {"sản", "lượng"}, {"giá", "trị"}, {"năng", "suất"},
		{"số", "lượng"}, {"quy", "mô"}, {"doanh", "thu"}, {"kim", "ngạch"}, {"lượng"}, {"tổng"}} {
		for i := 0; i < len(toks) && i < 2; i++ {
			if _, ok := tgPhraseAt(toks, i, lead); ok {
				return true
			}
		}
	}
	return false
}

// cellToks returns the tokens of a table cell, tokenized once per table.
func (f *targetFinder) cellToks(c tgCell) []tgTok {
	if toks, ok := f.cellCache[c]; ok {
		return toks
	}
	toks := tgTokenize(f.text, c.start, c.end)
	if f.cellCache == nil {
		f.cellCache = map[tgCell][]tgTok{}
	}
	f.cellCache[c] = toks
	return toks
}

// captionAbove returns the caption written over a table, its heading
// lines up to the text before ("PHỤ LỤC I / DANH MỤC CÁC CHỈ TIÊU CỤ THỂ
// / (Kèm theo …)", also the text between two tables that a reader kept no
// blank line around, tgOutsideTable): at most four lines and 400 bytes,
// none of them a sentence (ending in "." or ";") or another table's row;
// an empty cell when there is none.
func (f *targetFinder) captionAbove(tb tgTable) tgCell {
	start, n := tb.start, 0
	for start > 0 && n < 4 && tb.start-start < 400 {
		k := strings.LastIndexByte(f.text[:start-1], '\n') + 1
		line := strings.TrimSpace(f.text[k : start-1])
		if line != "" {
			if strings.HasSuffix(line, ".") || strings.HasSuffix(line, ";") || strings.Contains(line, "|") {
				break
			}
			n++
		}
		start = k
		if k == 0 {
			break
		}
	}
	if n == 0 {
		return tgCell{}
	}
	s, e := tgTrimCell(f.text, start, tb.start)
	return tgCell{s, e}
}
