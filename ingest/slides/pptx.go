package slides

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

	"vanban/ingest/vntext"
)

// PPTX limits. Sizes in a zip header are not trusted: bytes are counted
// while inflating. They are variables so that tests can lower them.
var (
	// maxPart is the most one part may inflate to.
	maxPart int64 = 64 << 20
	// maxTotal is the most all parts read may inflate to together.
	maxTotal int64 = 256 << 20
	// maxSlides is the most slides read from one file.
	maxSlides = 10000
)

// ReadPPTX reads a PowerPoint 2007+ presentation (.pptx): the slides in
// the order of ppt/presentation.xml (by part name where it lists none),
// each slide's text boxes and tables, then its notes; core properties
// give title, author and creation date.
func ReadPPTX(data []byte) (deck Deck, err error) {
	defer func() {
		if r := recover(); r != nil {
			deck, err = Deck{}, fmt.Errorf("pptx: %w: reader crashed: %v", ErrCorrupt, r)
		}
	}()
	p, err := openPkg(data, "pptx", "OOXML")
	if err != nil {
		return Deck{}, err
	}
	main := "ppt/presentation.xml"
	if t := p.officeDocument(); t != "" {
		main = t
	}
	names, err := p.slideOrder(main)
	if err != nil {
		return Deck{}, err
	}
	if len(names) == 0 {
		if p.parts[main] == nil {
			return Deck{}, fmt.Errorf("pptx: %w: no %s and no slides (not a presentation)", ErrCorrupt, main)
		}
	}
	encs := encCounter{}
	for i, name := range names {
		if i >= maxSlides {
			deck.Warnings = append(deck.Warnings, fmt.Sprintf("only the first %d slides read", maxSlides))
			break
		}
		text, err := p.drawingText(name, encs)
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return Deck{}, err
			}
			deck.Warnings = append(deck.Warnings, fmt.Sprintf("slide %d (%s) left out: %v", i+1, name, err))
			deck.Slides = append(deck.Slides, "")
			continue
		}
		for _, rel := range p.rels(name) {
			if !strings.HasSuffix(rel.typ, "/notesSlide") {
				continue
			}
			notes, err := p.drawingText(rel.target, encs)
			if err != nil {
				if errors.Is(err, ErrTooLarge) {
					return Deck{}, err
				}
				deck.Warnings = append(deck.Warnings, fmt.Sprintf("notes of slide %d left out: %v", i+1, err))
				continue
			}
			if notes = strings.Trim(notes, "\n"); notes != "" {
				text = strings.TrimRight(text, "\n") + "\n" + notes
			}
		}
		deck.Slides = append(deck.Slides, strings.Trim(text, "\n"))
	}
	deck.Encoding = encs.Most()
	if f := p.parts["docProps/core.xml"]; f != nil {
		if err := p.coreProps(f, &deck); err != nil {
			deck.Warnings = append(deck.Warnings, fmt.Sprintf("unreadable core properties: %v", err))
		}
	}
	return deck, nil
}

// openPkg opens data as a ZIP package (format "pptx" or "odp", kind
// "OOXML" or "OpenDocument" for the error), its parts by name.
func openPkg(data []byte, format, kind string) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w: not a ZIP/%s package: %v", format, ErrCorrupt, kind, err)
	}
	p := &pkg{parts: map[string]*zip.File{}, budget: maxTotal}
	for _, f := range zr.File {
		p.parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	return p, nil
}

// pkg is an open OOXML package with the inflation budget left.
type pkg struct {
	parts  map[string]*zip.File
	budget int64
}

// limited is an inflating reader that fails, rather than truncates, past
// its limits.
type limited struct {
	rc     io.ReadCloser
	name   string
	n      int64
	budget *int64
}

func (l *limited) Read(b []byte) (int, error) {
	n, err := l.rc.Read(b)
	l.n += int64(n)
	*l.budget -= int64(n)
	if l.n > maxPart {
		return n, fmt.Errorf("pptx: %w: part %s exceeds %s decompressed", ErrTooLarge, l.name, humanBytes(maxPart))
	}
	if *l.budget < 0 {
		return n, fmt.Errorf("pptx: %w: parts exceed %s decompressed in all", ErrTooLarge, humanBytes(maxTotal))
	}
	return n, err
}

func (l *limited) Close() error { return l.rc.Close() }

// open opens a part for streaming under the limits.
func (p *pkg) open(name string) (io.ReadCloser, error) {
	f := p.parts[name]
	if f == nil {
		return nil, fmt.Errorf("pptx: %w: part %s is missing", ErrCorrupt, name)
	}
	if f.UncompressedSize64 > uint64(maxPart) {
		return nil, fmt.Errorf("pptx: %w: part %s is %s decompressed (limit %s)", ErrTooLarge, name, humanBytes(int64(min(f.UncompressedSize64, 1<<62))), humanBytes(maxPart))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("pptx: %w: part %s: %v", ErrCorrupt, name, err)
	}
	return &limited{rc: rc, name: name, budget: &p.budget}, nil
}

// rel is one relationship of a part.
type rel struct {
	id, typ, target string
}

// rels reads the relationships of part name (its _rels/NAME.rels), with
// targets resolved to part names.
func (p *pkg) rels(name string) []rel {
	dir, file := path.Split(name)
	rc, err := p.open(dir + "_rels/" + file + ".rels")
	if err != nil {
		return nil
	}
	defer rc.Close()
	dec := newDecoder(rc)
	var out []rel
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return out
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" || attr(se, "TargetMode") == "External" {
			continue
		}
		t := attr(se, "Target")
		if strings.HasPrefix(t, "/") {
			t = path.Clean(t)
		} else {
			t = path.Join("/"+dir, t)
		}
		out = append(out, rel{id: attr(se, "Id"), typ: attr(se, "Type"), target: strings.TrimPrefix(t, "/")})
	}
}

// officeDocument returns the main part the package relationships name.
func (p *pkg) officeDocument() string {
	for _, r := range p.rels("") {
		if strings.HasSuffix(r.typ, "/officeDocument") {
			return r.target
		}
	}
	return ""
}

// slideOrder returns the slide parts in presentation order: the
// p:sldIdLst of the presentation part through its relationships, or the
// ppt/slides/slideN.xml parts by N when that list is missing or empty.
func (p *pkg) slideOrder(main string) ([]string, error) {
	byID := map[string]string{}
	for _, r := range p.rels(main) {
		if strings.HasSuffix(r.typ, "/slide") {
			byID[r.id] = r.target
		}
	}
	var names []string
	if rc, err := p.open(main); err == nil {
		dec := newDecoder(rc)
		for {
			tok, err := dec.RawToken()
			if err != nil {
				if errors.Is(err, ErrTooLarge) {
					rc.Close()
					return nil, err
				}
				break
			}
			se, ok := tok.(xml.StartElement)
			if !ok || se.Name.Local != "sldId" {
				continue
			}
			id := attr(se, "id", "r")
			if id == "" {
				for _, a := range se.Attr {
					if a.Name.Local == "id" && a.Name.Space != "" {
						id = a.Value
					}
				}
			}
			if t := byID[id]; t != "" && p.parts[t] != nil {
				names = append(names, t)
			}
		}
		rc.Close()
	}
	if len(names) > 0 {
		return names, nil
	}
	type numbered struct {
		n    int
		name string
	}
	var found []numbered
	for name := range p.parts {
		if !strings.HasPrefix(name, "ppt/slides/slide") || !strings.HasSuffix(name, ".xml") {
			continue
		}
		if n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(name, "ppt/slides/slide"), ".xml")); err == nil {
			found = append(found, numbered{n, name})
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].n < found[j].n })
	for _, f := range found {
		names = append(names, f.name)
	}
	return names, nil
}

// drawingText streams the text of a slide or notes part.
func (p *pkg) drawingText(name string, encs encCounter) (string, error) {
	rc, err := p.open(name)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	text, err := drawingMLText(rc, encs)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return "", err
		}
		return "", fmt.Errorf("pptx: %w: part %s: %v", ErrCorrupt, name, err)
	}
	return text, nil
}

// skipPlaceholders are the placeholder types whose text is page chrome
// (slide numbers, dates, footers) or none (the slide image of a notes
// page).
var skipPlaceholders = map[string]bool{"sldNum": true, "dt": true, "ftr": true, "sldImg": true, "hdr": true}

// drawing is the state of a DrawingML walk.
type drawing struct {
	out    strings.Builder
	encs   encCounter
	para   *strings.Builder // the open paragraph, or nil
	run    strings.Builder  // the open run's text
	font   string           // the open run's font
	inRun  bool
	inText bool
	skip   int  // depth inside an element whose text is not shown
	chrome bool // inside a shape that is a chrome placeholder
	tables []*table
}

// table is an open table: the open row's finished cells and the open
// cell's paragraphs.
type table struct {
	cells [][]string
	cell  []string
	inRow bool
}

// drawingMLText extracts the text of a PresentationML slide or notes
// part: paragraphs one per line; a table row of one-paragraph cells on
// one line, cells joined by " | ", other rows cell after cell.
func drawingMLText(r io.Reader, encs encCounter) (string, error) {
	d := drawing{encs: encs}
	dec := newDecoder(r)
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return "", err
			}
			if d.out.Len() > 0 || d.para != nil {
				d.closeAll()
				return d.out.String(), nil
			}
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			d.start(t)
		case xml.EndElement:
			d.end(t)
		case xml.CharData:
			if d.inText && d.skip == 0 {
				d.run.Write(t)
			}
		}
	}
	d.closeAll()
	return d.out.String(), nil
}

func (d *drawing) start(t xml.StartElement) {
	if d.skip > 0 {
		d.skip++
		return
	}
	switch t.Name.Local {
	case "Fallback":
		d.skip = 1 // mc:Fallback repeats mc:Choice
	case "ph":
		if skipPlaceholders[attr(t, "type")] {
			d.chrome = true
		}
	case "p":
		if d.para != nil {
			d.closePara()
		}
		d.para = &strings.Builder{}
	case "r", "fld":
		d.inRun, d.font = true, ""
		d.run.Reset()
	case "latin", "cs", "ea", "sym":
		if d.inRun && (d.font == "" || t.Name.Local == "latin") {
			d.font = attr(t, "typeface")
		}
	case "t":
		if d.inRun {
			d.inText = true
		}
	case "br":
		if d.para != nil {
			d.para.WriteByte('\n')
		}
	case "tab":
		if d.inRun && d.para != nil {
			d.run.WriteByte('\t')
		}
	case "tbl":
		d.openTable()
	case "tr":
		d.openRow()
	case "tc":
		d.openCell()
	}
}

func (d *drawing) end(t xml.EndElement) {
	if d.skip > 0 {
		d.skip--
		return
	}
	switch t.Name.Local {
	case "t":
		d.inText = false
	case "r", "fld":
		if d.inRun {
			d.closeRun()
		}
	case "p":
		d.closePara()
	case "sp":
		d.chrome = false
	case "tc":
		d.endCell()
	case "tr":
		d.endRow()
	case "tbl":
		d.endTable()
	}
}

// openTable, openRow and openCell start a table, a row and a cell (a:tbl,
// a:tr, a:tc in .pptx; table:table, table:table-row, table:table-cell in
// .odp); endCell, endRow and endTable close them.
func (d *drawing) openTable() { d.tables = append(d.tables, &table{}) }

func (d *drawing) openRow() {
	if tb := d.table(); tb != nil {
		tb.cells, tb.cell, tb.inRow = nil, nil, true
	}
}

func (d *drawing) openCell() {
	if tb := d.table(); tb != nil {
		tb.cell = nil
	}
}

func (d *drawing) endCell() {
	if tb := d.table(); tb != nil {
		tb.cells = append(tb.cells, tb.cell)
		tb.cell = nil
	}
}

func (d *drawing) endRow() {
	if tb := d.table(); tb != nil {
		d.closeRow(tb)
	}
}

func (d *drawing) endTable() {
	if tb := d.table(); tb != nil {
		if tb.inRow {
			d.closeRow(tb)
		}
		d.tables = d.tables[:len(d.tables)-1]
	}
}

func (d *drawing) table() *table {
	if len(d.tables) == 0 {
		return nil
	}
	return d.tables[len(d.tables)-1]
}

// closeRun decodes the run's text by its font into the paragraph.
func (d *drawing) closeRun() {
	d.inRun, d.inText = false, false
	if d.para == nil || d.run.Len() == 0 {
		return
	}
	s, enc := fontText(d.run.String(), d.font)
	d.encs.Add(enc)
	d.para.WriteString(s)
	d.run.Reset()
}

// closePara routes the finished paragraph to the open table cell or to
// the output. Chrome placeholders are dropped.
func (d *drawing) closePara() {
	if d.inRun {
		d.closeRun()
	}
	if d.para == nil {
		return
	}
	text := d.para.String()
	d.para = nil
	if d.chrome {
		return
	}
	if tb := d.table(); tb != nil && tb.inRow {
		for _, l := range strings.Split(text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				tb.cell = append(tb.cell, l)
			}
		}
		return
	}
	if strings.TrimSpace(text) == "" {
		return
	}
	d.out.WriteString(text)
	d.out.WriteByte('\n')
}

// closeRow writes a finished table row: one line with cells joined by
// " | " when every cell is one paragraph (a data table), else the cells'
// paragraphs one per line (a heading laid out in a table).
func (d *drawing) closeRow(tb *table) {
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
	if len(d.tables) > 1 {
		outer := d.tables[len(d.tables)-2]
		outer.cell = append(outer.cell, lines...)
		return
	}
	for _, l := range lines {
		d.out.WriteString(l)
		d.out.WriteByte('\n')
	}
}

// closeAll flushes what is open at the end of a (possibly damaged) part.
func (d *drawing) closeAll() {
	d.closePara()
	for len(d.tables) > 0 {
		tb := d.table()
		if len(tb.cell) > 0 {
			tb.cells = append(tb.cells, tb.cell)
			tb.cell = nil
		}
		d.closeRow(tb)
		d.tables = d.tables[:len(d.tables)-1]
	}
}

// coreProps reads docProps/core.xml: title, creator, created, modified.
func (p *pkg) coreProps(f *zip.File, deck *Deck) error {
	rc, err := p.open(strings.TrimPrefix(f.Name, "/"))
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := newDecoder(rc)
	var cur string
	vals := map[string]string{}
	for {
		tok, err := dec.RawToken()
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
	deck.Title = strings.TrimSpace(vals["title"])
	deck.Published = vntext.MetaDate(vals["created"])
	meta := map[string]string{}
	for k, name := range map[string]string{"creator": "author", "lastModifiedBy": "last_modified_by", "subject": "subject", "keywords": "keywords"} {
		if v := strings.TrimSpace(vals[k]); v != "" {
			meta[name] = v
		}
	}
	if m := vntext.MetaDate(vals["modified"]); m != "" {
		meta["modified"] = m
	}
	if len(meta) > 0 {
		deck.Meta = meta
	}
	return nil
}

// newDecoder returns a lenient XML decoder (any declared charset is read
// as UTF-8).
func newDecoder(r io.Reader) *xml.Decoder {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.CharsetReader = func(_ string, input io.Reader) (io.Reader, error) { return input, nil }
	return dec
}

// attr returns the value of the attribute with the given local name (and
// prefix, when one is given).
func attr(se xml.StartElement, local string, prefix ...string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && (len(prefix) == 0 || a.Name.Space == prefix[0]) {
			return a.Value
		}
	}
	return ""
}
