package word

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"vanban/ingest/vntext"

	"vanban/internal/lazyregexp"
)

// DOCX limits. Header sizes in a zip are not trusted: the bytes are counted
// while inflating. They are variables so that tests can lower them.
var (
	// maxDOCXPart is the most a single part may inflate to.
	maxDOCXPart int64 = 64 << 20
	// maxDOCXTotal is the most all parts read may inflate to together.
	maxDOCXTotal int64 = 128 << 20
)

// docxReader reads a Word 2007+ document: the paragraphs and table rows of
// word/document.xml in order, then footnotes and endnotes, then headers
// and footers; core properties give title, author and creation time.
func docxReader(_ string, data []byte) (parsed, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return parsed{}, fmt.Errorf("%w: not a ZIP/OOXML document: %v", ErrCorrupt, err)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	main := parts["word/document.xml"]
	if main == nil {
		// Some producers name the main part differently; the package
		// relationships say where it is.
		if target := mainPartFromRels(parts); target != "" {
			main = parts[target]
		}
	}
	if main == nil {
		if parts["word/document2.xml"] != nil {
			main = parts["word/document2.xml"]
		}
	}
	if main == nil {
		return parsed{}, fmt.Errorf("%w: DOCX without word/document.xml (the main document part is missing)", ErrCorrupt)
	}
	budget := maxDOCXTotal
	var p parsed
	num, err := loadDOCXNumbering(parts, &budget)
	if err != nil {
		p.warnings = append(p.warnings, fmt.Sprintf("automatic numbering left out: %v", err))
		num = nil
	}
	body, err := docxPartText(main, &budget, num)
	if err != nil {
		return parsed{}, err
	}
	blocks := []string{body}

	// Footnotes and endnotes, then headers and footers (deduplicated: the
	// same running header often sits in several parts).
	var notes, heads []string
	for _, name := range sortedParts(parts) {
		var isNote bool
		switch {
		case name == "word/footnotes.xml" || name == "word/endnotes.xml":
			isNote = true
		case docxHeaderPart.MatchString(name):
		default:
			continue
		}
		text, err := docxPartText(parts[name], &budget, nil)
		if err != nil {
			p.warnings = append(p.warnings, fmt.Sprintf("skipped DOCX part %s: %v", name, err))
			continue
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		if isNote {
			notes = append(notes, text)
		} else if !onlyPageNumbers(text) && !contains(heads, text) {
			heads = append(heads, text)
		}
	}
	blocks = append(blocks, notes...)
	blocks = append(blocks, heads...)
	var nonEmpty []string
	for _, b := range blocks {
		if b = strings.Trim(b, "\n"); b != "" {
			nonEmpty = append(nonEmpty, b)
		}
	}
	p.pages = []string{strings.Join(nonEmpty, "\n")}
	if f := parts["docProps/core.xml"]; f != nil {
		if err := docxCoreProps(f, &budget, &p); err != nil {
			p.warnings = append(p.warnings, fmt.Sprintf("unreadable DOCX core properties: %v", err))
		}
	}
	if f := parts["docProps/app.xml"]; f != nil {
		if app := docxAppName(f, &budget); app != "" {
			if p.meta == nil {
				p.meta = map[string]string{}
			}
			p.meta["producer"] = app
		}
	}
	return p, nil
}

var docxHeaderPart = lazyregexp.New(`^word/(header|footer)[0-9]*\.xml$`)

// sortedParts returns the part names in natural order (header2 before
// header10).
func sortedParts(parts map[string]*zip.File) []string {
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i], names[j]
		if len(a) != len(b) && strings.TrimRight(a, "0123456789.xml") == strings.TrimRight(b, "0123456789.xml") {
			return len(a) < len(b)
		}
		return a < b
	})
	return names
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// onlyPageNumbers reports whether a header or footer holds nothing but
// page numbers ("1", "Trang 2", "- 3 -").
func onlyPageNumbers(s string) bool {
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "trang", "")
	s = strings.ReplaceAll(s, "page", "")
	for _, r := range s {
		if !unicode.IsDigit(r) && !unicode.IsSpace(r) && !strings.ContainsRune("-/|.", r) {
			return false
		}
	}
	return true
}

// mainPartFromRels reads _rels/.rels for the officeDocument target.
func mainPartFromRels(parts map[string]*zip.File) string {
	f := parts["_rels/.rels"]
	if f == nil {
		return ""
	}
	budget := int64(1 << 20)
	rc, err := openPart(f, &budget)
	if err != nil {
		return ""
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			continue
		}
		if strings.HasSuffix(attr(se, "Type"), "/officeDocument") {
			return strings.TrimPrefix(path.Clean("/"+attr(se, "Target")), "/")
		}
	}
}

// limitedPart is an inflating reader that fails, rather than truncates,
// past its limit.
type limitedPart struct {
	rc     io.ReadCloser
	name   string
	n      int64  // bytes read so far
	limit  int64  // per-part limit
	budget *int64 // shared remaining budget for the whole file
}

func (l *limitedPart) Read(b []byte) (int, error) {
	n, err := l.rc.Read(b)
	l.n += int64(n)
	*l.budget -= int64(n)
	if l.n > l.limit {
		return n, fmt.Errorf("%w: part %s exceeds %s decompressed", ErrTooLarge, l.name, humanBytes(l.limit))
	}
	if *l.budget < 0 {
		return n, fmt.Errorf("%w: parts exceed %s decompressed in all", ErrTooLarge, humanBytes(maxDOCXTotal))
	}
	return n, err
}

func (l *limitedPart) Close() error { return l.rc.Close() }

// openPart opens a zip part for streaming with the size limits applied.
// A part whose header already declares more than the limit is refused
// before inflating anything.
func openPart(f *zip.File, budget *int64) (io.ReadCloser, error) {
	if f.UncompressedSize64 > uint64(maxDOCXPart) {
		return nil, fmt.Errorf("%w: part %s is %s decompressed (limit %s)", ErrTooLarge, f.Name, humanBytes(int64(min(f.UncompressedSize64, 1<<62))), humanBytes(maxDOCXPart))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: part %s: %v", ErrCorrupt, f.Name, err)
	}
	return &limitedPart{rc: rc, name: f.Name, limit: maxDOCXPart, budget: budget}, nil
}

// docxPartText streams one WordprocessingML part into text.
func docxPartText(f *zip.File, budget *int64, num *docxNumbering) (string, error) {
	rc, err := openPart(f, budget)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	text, err := wordMLTextNum(rc, num)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return "", err
		}
		return "", fmt.Errorf("%w: DOCX part %s: %v", ErrCorrupt, f.Name, err)
	}
	return text, nil
}

// wordML is the state of the WordprocessingML walk.
type wordML struct {
	out   strings.Builder
	paras []*wordPara    // open paragraphs (text boxes nest them)
	num   *docxNumbering // automatic numbering, or nil
	inPPr int            // depth inside the innermost paragraph's w:pPr (0: outside)
	// tables holds, per open table, the open row's finished cells and the
	// open cell's paragraphs.
	tables []*wordTable
	skip   int  // depth inside an element whose content is not text
	inText bool // inside <w:t>
	inTabs bool // inside <w:tabs> (tab stop definitions, not tab characters)
}

// wordPara is an open paragraph: its text so far and its numbering.
type wordPara struct {
	b   strings.Builder
	num paraNum
}

type wordTable struct {
	cells [][]string // the open row's finished cells, as paragraphs
	cell  []string   // the open cell's paragraphs
	inRow bool
}

// wordMLText extracts the text of a WordprocessingML part: paragraphs one
// per line, table rows one per line with cells joined by " | ".
func wordMLText(r io.Reader) (string, error) {
	return wordMLTextNum(r, nil)
}

// wordMLTextNum is wordMLText with automatic numbering rendered.
func wordMLTextNum(r io.Reader, num *docxNumbering) (string, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		// Word writes UTF-8 (or UTF-16, which the decoder does not read);
		// treat any declared label as UTF-8 rather than fail.
		return input, nil
	}
	w := wordML{num: num}
	for {
		tok, err := dec.RawToken() // no namespace resolution: local names suffice, and it is faster
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return "", err
			}
			// A damaged part: keep what was read, if anything.
			if w.out.Len() > 0 || w.open() {
				w.closeAll()
				return w.out.String(), nil
			}
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			w.start(t)
		case xml.EndElement:
			w.end(t)
		case xml.CharData:
			if w.skip == 0 && w.inText {
				w.text(string(t))
			}
		}
	}
	w.closeAll()
	return w.out.String(), nil
}

func (w *wordML) open() bool { return len(w.paras) > 0 }

// start handles an opening tag.
func (w *wordML) start(t xml.StartElement) {
	if w.skip > 0 {
		w.skip++
		return
	}
	if w.inPPr > 0 {
		w.inPPr++
		w.paraProp(t)
		return
	}
	switch t.Name.Local {
	case "pPr":
		if len(w.paras) > 0 {
			w.inPPr = 1
		}
	case "Fallback", "instrText", "delText", "delInstrText", "moveFrom", "pPrChange", "rPrChange", "numberingChange":
		// mc:Fallback repeats mc:Choice; field codes and deleted text are
		// not part of the visible text.
		w.skip = 1
	case "p":
		w.paras = append(w.paras, &wordPara{})
	case "t":
		w.inText = true
	case "tab", "ptab":
		if t.Name.Local == "tab" && w.inTabs {
			return // a tab stop definition in w:tabs, not a tab character
		}
		w.text("\t")
	case "tabs":
		w.inTabs = true
	case "br", "cr":
		w.text("\n")
	case "noBreakHyphen":
		w.text("-")
	case "sym":
		w.text(symbolChar(attr(t, "char"), attr(t, "font")))
	case "tbl":
		w.openTable()
	case "tr":
		w.openRow()
	case "tc":
		w.openCell()
	}
}

// end handles a closing tag.
func (w *wordML) end(t xml.EndElement) {
	if w.skip > 0 {
		w.skip--
		return
	}
	if w.inPPr > 0 {
		w.inPPr--
		return
	}
	switch t.Name.Local {
	case "t":
		w.inText = false
	case "tabs":
		w.inTabs = false
	case "p":
		w.closePara()
	case "tc":
		w.endCell()
	case "tr":
		w.endRow()
	case "tbl":
		w.endTable()
	}
}

// openTable, openRow and openCell start a table, a row and a cell (w:tbl,
// w:tr, w:tc in DOCX; table:table, table:table-row, table:table-cell in
// ODT).
func (w *wordML) openTable() { w.tables = append(w.tables, &wordTable{}) }

func (w *wordML) openRow() {
	if tb := w.table(); tb != nil {
		tb.cells, tb.cell, tb.inRow = nil, nil, true
	}
}

func (w *wordML) openCell() {
	if tb := w.table(); tb != nil {
		tb.cell = nil
	}
}

// endCell closes the cell of the innermost table (DOCX w:tc, ODT
// table:table-cell).
func (w *wordML) endCell() {
	if tb := w.table(); tb != nil {
		tb.cells = append(tb.cells, tb.cell)
		tb.cell = nil
	}
}

// endRow closes the row of the innermost table.
func (w *wordML) endRow() {
	if tb := w.table(); tb != nil {
		w.closeRow(tb)
	}
}

// endTable closes the innermost table, and its row if one is open.
func (w *wordML) endTable() {
	if tb := w.table(); tb != nil {
		if tb.inRow {
			w.closeRow(tb)
		}
		w.tables = w.tables[:len(w.tables)-1]
	}
}

func (w *wordML) table() *wordTable {
	if len(w.tables) == 0 {
		return nil
	}
	return w.tables[len(w.tables)-1]
}

// paraProp records the numbering parts of a paragraph's properties
// (w:pStyle, w:numPr/w:numId, w:numPr/w:ilvl); rPr and the rest are
// ignored.
func (w *wordML) paraProp(t xml.StartElement) {
	if len(w.paras) == 0 {
		return
	}
	n := &w.paras[len(w.paras)-1].num
	switch t.Name.Local {
	case "pStyle":
		n.style = attr(t, "val")
	case "numId":
		n.numID, n.hasNum = attr(t, "val"), true
	case "ilvl":
		if v, err := strconv.Atoi(attr(t, "val")); err == nil {
			n.ilvl, n.hasIlvl = v, true
		}
	}
}

// closeRow emits a finished row. A row of one-paragraph cells (a data
// table) is one line with cells joined by " | "; a row whose cells hold
// several paragraphs (the two-column heading of an official document, a
// signature block) is written cell after cell, one paragraph per line, so
// that lines such as "Số: 19/2019/NĐ-CP" stay whole. A nested table's rows
// go into the enclosing cell.
func (w *wordML) closeRow(tb *wordTable) {
	tb.inRow = false
	var cells [][]string
	multi := false
	for _, c := range tb.cells {
		if len(c) == 0 {
			continue
		}
		cells = append(cells, c)
		if len(c) > 1 {
			multi = true
		}
	}
	tb.cells = nil
	if len(cells) == 0 {
		return
	}
	var lines []string
	if multi {
		for _, c := range cells {
			lines = append(lines, c...)
		}
	} else {
		one := make([]string, len(cells))
		for i, c := range cells {
			one[i] = c[0]
		}
		lines = []string{strings.Join(one, " | ")}
	}
	if len(w.tables) > 1 {
		outer := w.tables[len(w.tables)-2]
		outer.cell = append(outer.cell, lines...)
		return
	}
	for _, l := range lines {
		w.line(l)
	}
}

// closePara ends the innermost paragraph and routes its text to the open
// table cell, or to the output.
func (w *wordML) closePara() {
	if len(w.paras) == 0 {
		return
	}
	p := w.paras[len(w.paras)-1]
	w.paras = w.paras[:len(w.paras)-1]
	text := p.b.String()
	if label := w.num.label(p.num); label != "" {
		text = label + text
	}
	if len(w.paras) > 0 {
		// A text box inside a paragraph: its own line, before the
		// paragraph that anchors it.
		if strings.TrimSpace(text) != "" {
			w.line(text)
		}
		return
	}
	if tb := w.table(); tb != nil && tb.inRow {
		// Line breaks inside a cell paragraph are kept as lines.
		for _, l := range strings.Split(text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				tb.cell = append(tb.cell, l)
			}
		}
		return
	}
	w.line(text)
}

// line writes one line to the output (empty paragraphs are kept as blank
// lines, which Clean may fold).
func (w *wordML) line(s string) {
	w.out.WriteString(s)
	w.out.WriteByte('\n')
}

// text appends run text to the innermost open paragraph; text outside any
// paragraph (rare, malformed) becomes its own paragraph.
func (w *wordML) text(s string) {
	if len(w.paras) == 0 {
		w.paras = append(w.paras, &wordPara{})
	}
	w.paras[len(w.paras)-1].b.WriteString(s)
}

// closeAll flushes what is open at the end of a (possibly damaged) part.
func (w *wordML) closeAll() {
	for len(w.paras) > 0 {
		w.closePara()
	}
	for len(w.tables) > 0 {
		tb := w.table()
		if len(tb.cell) > 0 {
			tb.cells = append(tb.cells, tb.cell)
			tb.cell = nil
		}
		w.closeRow(tb)
		w.tables = w.tables[:len(w.tables)-1]
	}
}

// symbolChar returns the character a <w:sym> stands for. Symbol fonts put
// their glyphs at U+F000+code; the common ones are mapped to Unicode.
func symbolChar(hex, font string) string {
	code, err := strconv.ParseUint(hex, 16, 32)
	if err != nil || code == 0 {
		return ""
	}
	if code >= 0xF000 && code <= 0xF0FF {
		code -= 0xF000
	}
	f := strings.ToLower(font)
	switch {
	case strings.HasPrefix(f, "wingdings") || strings.HasPrefix(f, "webdings"):
		return "•" // bullets, boxes, arrows: a bullet keeps the line readable
	case f == "symbol":
		if r, ok := symbolFont[rune(code)]; ok {
			return string(r)
		}
		if code >= 0x20 && code < 0x7f {
			return string(rune(code))
		}
		return ""
	}
	r := rune(code)
	if !unicode.IsGraphic(r) || unicode.Is(unicode.Co, r) {
		return ""
	}
	return string(r)
}

// symbolFont maps the Symbol font's non-ASCII codes that appear in
// documents to Unicode.
var symbolFont = map[rune]rune{
	0x22: '∀', 0x24: '∃', 0x2d: '−', 0x61: 'α', 0x62: 'β', 0x63: 'χ', 0x64: 'δ',
	0x70: 'π', 0x6d: 'μ', 0x73: 'σ', 0x57: 'Ω', 0x44: 'Δ', 0xa3: '≤', 0xb3: '≥',
	0xb1: '±', 0xb4: '×', 0xb8: '÷', 0xb9: '≠', 0xbb: '≈', 0xb7: '•', 0xae: '→',
	0xac: '←', 0xad: '↑', 0xaf: '↓', 0xde: '⇒', 0xdb: '⇔', 0xa5: '∞', 0xb0: '°',
	0xd6: '√', 0xe5: '∑', 0xf2: '∫', 0xce: '∈', 0xc6: '∅', 0xa7: '♣', 0xa8: '♦',
	0xa9: '♥', 0xaa: '♠', 0xbc: '…', 0xbe: '—', 0xd7: '·',
}

// attr returns the value of the attribute with the given local name.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// docxCoreProps reads docProps/core.xml: dc:title, dc:creator,
// dcterms:created, dcterms:modified, cp:lastModifiedBy.
func docxCoreProps(f *zip.File, budget *int64, p *parsed) error {
	rc, err := openPart(f, budget)
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	dec.Strict = false
	var cur string
	vals := map[string]string{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			cur = t.Name.Local
		case xml.EndElement:
			cur = ""
		case xml.CharData:
			if cur != "" && len(vals[cur]) < 4096 {
				vals[cur] += string(t)
			}
		}
	}
	p.title = strings.TrimSpace(vals["title"])
	p.published = vntext.MetaDate(vals["created"])
	meta := map[string]string{}
	for k, name := range map[string]string{"creator": "author", "lastModifiedBy": "last_modified_by", "subject": "subject", "keywords": "keywords", "description": "description"} {
		if v := strings.TrimSpace(vals[k]); v != "" {
			meta[name] = v
		}
	}
	if m := vntext.MetaDate(vals["modified"]); m != "" {
		meta["modified"] = m
	}
	if len(meta) > 0 {
		if p.meta == nil {
			p.meta = meta
		} else {
			for k, v := range meta {
				p.meta[k] = v
			}
		}
	}
	return nil
}

// docxAppName reads the Application element of docProps/app.xml.
func docxAppName(f *zip.File, budget *int64) string {
	rc, err := openPart(f, budget)
	if err != nil {
		return ""
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	dec.Strict = false
	in := false
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		switch t := tok.(type) {
		case xml.StartElement:
			in = t.Name.Local == "Application"
		case xml.EndElement:
			if in {
				return ""
			}
		case xml.CharData:
			if in {
				return strings.TrimSpace(string(t))
			}
		}
	}
}
