package word

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"vanban/ingest/vntext"
)

// ReadODT reads an OpenDocument text (.odt): the paragraphs, headings,
// lists and table rows of content.xml in order, then the footnotes and
// endnotes, then the headers and footers of the master pages of
// styles.xml (each once, those with nothing but a page number left out,
// as the DOCX reader does); meta.xml gives title, author and creation
// date. Text set in a
// legacy Vietnamese font (a .doc in .VnTime or VNI-Times converted to
// .odt keeps the legacy bytes as Windows-1252 characters) is decoded by
// the encoding of the font its style names.
func ReadODT(data []byte) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = Result{}, fmt.Errorf("odt: %w: reader crashed: %v", ErrCorrupt, r)
		}
	}()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Result{}, fmt.Errorf("odt: %w: not a ZIP/OpenDocument package: %v", ErrCorrupt, err)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	budget := maxDOCXTotal
	if f := parts["META-INF/manifest.xml"]; f != nil {
		if b, err := readPart(f, &budget); err == nil && bytes.Contains(b, []byte("encryption-data")) {
			return Result{}, fmt.Errorf("odt: %w: the document is password-protected", ErrEncrypted)
		}
	}
	content := parts["content.xml"]
	if content == nil {
		return Result{}, fmt.Errorf("odt: %w: no content.xml (not an OpenDocument text)", ErrCorrupt)
	}
	st := odtStyles{font: map[string]string{}, style: map[string]odtStyle{}}
	var styles []byte
	if f := parts["styles.xml"]; f != nil {
		if b, err := readPart(f, &budget); err == nil {
			st.read(b)
			styles = b
		} else if errors.Is(err, ErrTooLarge) {
			return Result{}, fmt.Errorf("odt: %w", err)
		}
	}
	b, err := readPart(content, &budget)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return Result{}, fmt.Errorf("odt: %w", err)
		}
		return Result{}, fmt.Errorf("odt: %w: content.xml: %v", ErrCorrupt, err)
	}
	st.read(b) // the automatic styles of content.xml
	text, encs, err := odtText(b, &st)
	if err != nil {
		return Result{}, fmt.Errorf("odt: %w: content.xml: %v", ErrCorrupt, err)
	}
	// Headers and footers after the body and notes, as the DOCX reader
	// gives them: each once, page numbers alone left out.
	var heads []string
	for _, h := range odtHeaders(styles, &st, encs) {
		if !onlyPageNumbers(h) && !contains(heads, h) {
			heads = append(heads, h)
		}
	}
	if len(heads) > 0 {
		text = strings.Trim(text+"\n"+strings.Join(heads, "\n"), "\n")
	}
	p := parsed{pages: []string{text}, encoding: encs.Most()}
	if f := parts["meta.xml"]; f != nil {
		if m, err := readPart(f, &budget); err == nil {
			odtMeta(m, &p)
		}
	}
	return p.result(), nil
}

// readPart inflates a whole part under the DOCX limits.
func readPart(f *zip.File, budget *int64) ([]byte, error) {
	rc, err := openPart(f, budget)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// odtStyle is what a style says that matters here.
type odtStyle struct {
	font, parent string
}

// odtStyles holds font faces (name -> family), styles and list styles by
// name.
type odtStyles struct {
	font  map[string]string
	style map[string]odtStyle
	lists map[string]map[int]odtLevel
}

// odtLevel is one level of a list style: a bullet, or a number format
// with its prefix and suffix and how many levels the label shows.
type odtLevel struct {
	bullet                 string
	format, prefix, suffix string
	start, display         int
	numbered               bool
}

// read takes the font faces and styles of styles.xml or content.xml.
func (s *odtStyles) read(b []byte) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	var cur string
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "body":
			return // content.xml: the styles come before the body
		case "list-style", "outline-style":
			cur = attr(se, "name")
			if se.Name.Local == "outline-style" {
				cur = odtOutline
			}
		case "list-level-style-bullet", "list-level-style-number", "outline-level-style":
			s.listLevel(cur, se)
		case "font-face":
			fam := attr(se, "font-family")
			if fam == "" {
				fam = attr(se, "name")
			}
			if i := strings.IndexByte(fam, ','); i >= 0 {
				fam = fam[:i]
			}
			s.font[attr(se, "name")] = strings.Trim(strings.TrimSpace(fam), `'"`)
		case "style", "default-style":
			cur = attr(se, "name")
			st := s.style[cur]
			st.parent = attr(se, "parent-style-name")
			s.style[cur] = st
		case "text-properties":
			if cur == "" {
				continue
			}
			font := attr(se, "font-name")
			if f, ok := s.font[font]; ok {
				font = f
			}
			if font == "" {
				font = strings.Trim(attr(se, "font-family"), `'"`)
			}
			if font != "" {
				st := s.style[cur]
				st.font = font
				s.style[cur] = st
			}
		}
	}
}

// odtOutline names the outline numbering of headings among list styles.
const odtOutline = "\x00outline"

// listLevel records a level of list style name.
func (s *odtStyles) listLevel(name string, se xml.StartElement) {
	level, err := strconv.Atoi(attr(se, "level"))
	if err != nil || level < 1 || level > 10 {
		return
	}
	if s.lists == nil {
		s.lists = map[string]map[int]odtLevel{}
	}
	if s.lists[name] == nil {
		s.lists[name] = map[int]odtLevel{}
	}
	l := odtLevel{prefix: attr(se, "num-prefix"), suffix: attr(se, "num-suffix"), start: 1, display: 1}
	if se.Name.Local == "list-level-style-bullet" {
		l.bullet = attr(se, "bullet-char")
		if r, _ := utf8.DecodeRuneInString(l.bullet); r >= 0xE000 && r <= 0xF8FF || l.bullet == "" {
			l.bullet = "•" // a symbol font's private-use glyph
		}
	} else {
		l.numbered = true
		l.format = attr(se, "num-format")
		if v, err := strconv.Atoi(attr(se, "start-value")); err == nil {
			l.start = v
		}
		if v, err := strconv.Atoi(attr(se, "display-levels")); err == nil && v > 0 {
			l.display = min(v, level)
		}
	}
	s.lists[name][level] = l
}

// fontOf returns the font a style sets, through its parents.
func (s *odtStyles) fontOf(name string) string {
	for depth := 0; name != "" && depth < 20; depth++ {
		st, ok := s.style[name]
		if !ok {
			return ""
		}
		if st.font != "" {
			return st.font
		}
		name = st.parent
	}
	return ""
}

// odtWalk is the state of the content.xml walk: the paragraphs and tables
// go through the WordprocessingML writer (same rendering as DOCX).
type odtWalk struct {
	body, notes wordML
	st          *odtStyles
	encs        encCounter
	fonts       []string // font of each open paragraph or span ("" = none)
	inNote      int      // depth inside text:note-body
	skip        int      // depth inside an element whose text is not shown
	inBody      bool
	root        func(xml.Name) bool // the element whose content is read
	parts       []string            // the text of each root element read
	partStart   int                 // where the open root's text began
	lists       []odtList           // open text:list elements
	counters    map[string][]int    // per list style: the counter of each level
	pending     bool                // the next paragraph starts a list item
	headCount   [11]int             // outline numbering counters of headings
}

// odtList is an open text:list: its style (inherited from the enclosing
// list) and level.
type odtList struct {
	style string
	level int
}

// odtText renders the body of content.xml: paragraphs and headings one
// per line, list items with their label where the file writes one, table
// rows as DOCX rows are rendered, notes after the body.
func odtText(b []byte, st *odtStyles) (string, encCounter, error) {
	w := &odtWalk{st: st, encs: encCounter{}, counters: map[string][]int{}, root: isODTBody}
	if err := w.walk(b); err != nil {
		return "", nil, err
	}
	out := strings.Trim(w.body.out.String(), "\n")
	if n := strings.Trim(w.notes.out.String(), "\n"); n != "" {
		out += "\n" + n
	}
	return out, w.encs, nil
}

// isODTBody reports whether name is office:text, the body of content.xml.
func isODTBody(name xml.Name) bool { return name.Space == "office" && name.Local == "text" }

// isODTHeader reports whether name is a header or footer of a master page
// in styles.xml (first, left and right pages alike).
func isODTHeader(name xml.Name) bool {
	if name.Space != "style" {
		return false
	}
	switch name.Local {
	case "header", "footer", "header-left", "footer-left", "header-first", "footer-first":
		return true
	}
	return false
}

// odtHeaders renders the headers and footers of the master pages of
// styles.xml, one text each (empty ones left out).
func odtHeaders(b []byte, st *odtStyles, encs encCounter) []string {
	w := &odtWalk{st: st, encs: encs, counters: map[string][]int{}, root: isODTHeader}
	if err := w.walk(b); err != nil {
		return nil
	}
	var out []string
	for _, p := range w.parts {
		if p = strings.Trim(p, "\n"); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// walk reads the XML of a part, rendering the content of its root
// elements.
func (w *odtWalk) walk(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	dec.CharsetReader = func(_ string, input io.Reader) (io.Reader, error) { return input, nil }
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			if w.body.out.Len() > 0 || w.body.open() {
				break // a damaged part: keep what was read
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			w.start(t)
		case xml.EndElement:
			w.end(t)
		case xml.CharData:
			if w.inBody && w.skip == 0 && w.cur().open() {
				w.text(string(t))
			}
		}
	}
	w.body.closeAll()
	w.notes.closeAll()
	return nil
}

// cur is the writer text goes to: the notes inside a note body.
func (w *odtWalk) cur() *wordML {
	if w.inNote > 0 {
		return &w.notes
	}
	return &w.body
}

// text writes character data in the font of the innermost span or
// paragraph.
func (w *odtWalk) text(s string) {
	font := ""
	for i := len(w.fonts) - 1; i >= 0; i-- {
		if w.fonts[i] != "" {
			font = w.fonts[i]
			break
		}
	}
	s, enc := legacyFontText(s, font)
	w.encs.Add(enc)
	w.cur().text(s)
}

func (w *odtWalk) start(t xml.StartElement) {
	if !w.inBody {
		if w.inBody = w.root(t.Name); w.inBody {
			w.partStart = w.body.out.Len()
		}
		return
	}
	if w.skip > 0 {
		w.skip++
		return
	}
	c := w.cur()
	switch t.Name.Local {
	case "tracked-changes", "annotation", "sequence-decls", "note-citation", "forms", "index-title-template", "table-of-content-source", "alphabetical-index-source", "illustration-index-source":
		w.skip = 1
	case "note-body":
		w.inNote++
	case "p", "h":
		c.paras = append(c.paras, &wordPara{})
		w.fonts = append(w.fonts, w.st.fontOf(attr(t, "style-name")))
		if label := w.label(t); label != "" {
			c.text(label + " ")
		}
	case "span", "a":
		w.fonts = append(w.fonts, w.st.fontOf(attr(t, "style-name")))
	case "s":
		if c.open() {
			n, err := strconv.Atoi(attr(t, "c"))
			if err != nil || n < 1 {
				n = 1
			}
			c.text(strings.Repeat(" ", min(n, 256)))
		}
	case "tab":
		if c.open() {
			c.text("\t")
		}
	case "line-break":
		if c.open() {
			c.text("\n")
		}
	case "list":
		l := odtList{style: attr(t, "style-name"), level: len(w.lists) + 1}
		if l.style == "" && len(w.lists) > 0 {
			l.style = w.lists[len(w.lists)-1].style
		}
		if len(w.lists) == 0 && attr(t, "continue-numbering") != "true" && attr(t, "continue-list") == "" {
			delete(w.counters, l.style) // a new list starts again at 1
		}
		w.lists = append(w.lists, l)
	case "list-item":
		w.pending = true
		if len(w.lists) > 0 {
			w.count(w.lists[len(w.lists)-1])
		}
	case "list-header":
		w.pending = false
	case "table":
		c.openTable()
	case "table-row":
		c.openRow()
	case "table-cell":
		c.openCell()
	}
}

func (w *odtWalk) end(t xml.EndElement) {
	if !w.inBody {
		return
	}
	if w.skip > 0 {
		w.skip--
		return
	}
	if w.root(t.Name) {
		w.body.closeAll()
		w.inBody = false
		w.parts = append(w.parts, w.body.out.String()[w.partStart:])
		return
	}
	c := w.cur()
	switch t.Name.Local {
	case "note-body":
		if w.inNote > 0 {
			w.inNote--
		}
	case "p", "h":
		c.closePara()
		w.popFont()
	case "span", "a":
		w.popFont()
	case "list":
		if len(w.lists) > 0 {
			w.lists = w.lists[:len(w.lists)-1]
		}
	case "list-item":
		w.pending = false
	case "table-cell":
		c.endCell()
	case "table-row":
		c.endRow()
	case "table":
		c.endTable()
	}
}

// count steps the counter of a list item's level and resets the deeper
// levels.
func (w *odtWalk) count(l odtList) {
	c := w.counters[l.style]
	for len(c) < 11 {
		c = append(c, 0)
	}
	lvl := min(l.level, 10)
	if c[lvl] == 0 {
		c[lvl] = w.st.lists[l.style][lvl].start - 1
	}
	c[lvl]++
	for k := lvl + 1; k < len(c); k++ {
		c[k] = 0
	}
	w.counters[l.style] = c
}

// label returns the list label of a paragraph that opens a list item, or
// of a heading under outline numbering; "" for others.
func (w *odtWalk) label(t xml.StartElement) string {
	if t.Name.Local == "h" && len(w.lists) == 0 {
		lvl, err := strconv.Atoi(attr(t, "outline-level"))
		if err != nil || lvl < 1 || lvl > 10 {
			return ""
		}
		levels := w.st.lists[odtOutline]
		if !levels[lvl].numbered || levels[lvl].format == "" {
			return ""
		}
		w.headCount[lvl]++
		for k := lvl + 1; k < len(w.headCount); k++ {
			w.headCount[k] = 0
		}
		return numberLabel(levels, w.headCount[:], lvl)
	}
	if !w.pending || len(w.lists) == 0 {
		return ""
	}
	w.pending = false
	l := w.lists[len(w.lists)-1]
	levels := w.st.lists[l.style]
	lv, ok := levels[min(l.level, 10)]
	if !ok {
		return ""
	}
	if !lv.numbered {
		return lv.bullet
	}
	return numberLabel(levels, w.counters[l.style], min(l.level, 10))
}

// numberLabel writes the label of level lvl: the numbers of the levels it
// displays, in their formats, between the prefix and suffix.
func numberLabel(levels map[int]odtLevel, counters []int, lvl int) string {
	lv := levels[lvl]
	if lv.format == "" || lvl >= len(counters) {
		return ""
	}
	var parts []string
	for k := lvl - lv.display + 1; k <= lvl; k++ {
		f := levels[k].format
		if f == "" {
			f = "1"
		}
		v := counters[k]
		if v == 0 {
			v = max(levels[k].start, 1)
		}
		parts = append(parts, odfNumber(v, f))
	}
	return lv.prefix + strings.Join(parts, ".") + lv.suffix
}

// odfNumber writes v in an ODF number format ("1", "a", "A", "i", "I").
func odfNumber(v int, format string) string {
	switch format {
	case "a":
		return letters(v, 'a')
	case "A":
		return letters(v, 'A')
	case "i":
		return strings.ToLower(roman(v))
	case "I":
		return roman(v)
	}
	return strconv.Itoa(v)
}

func (w *odtWalk) popFont() {
	if len(w.fonts) > 0 {
		w.fonts = w.fonts[:len(w.fonts)-1]
	}
}

// odtMeta reads meta.xml: dc:title, meta:initial-creator, dc:creator,
// meta:creation-date, dc:date.
func odtMeta(b []byte, p *parsed) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	var cur string
	vals := map[string]string{}
	for {
		tok, err := dec.RawToken()
		if err != nil {
			break
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
	p.published = vntext.MetaDate(vals["creation-date"])
	meta := map[string]string{}
	author := strings.TrimSpace(vals["initial-creator"])
	if author == "" {
		author = strings.TrimSpace(vals["creator"])
	}
	if author != "" {
		meta["author"] = author
	}
	if m := vntext.MetaDate(vals["date"]); m != "" {
		meta["modified"] = m
	}
	if g := strings.TrimSpace(vals["generator"]); g != "" {
		meta["producer"] = g
	}
	if len(meta) > 0 {
		p.meta = meta
	}
}

// encCounter tallies the legacy encodings text was decoded from.
type encCounter = vntext.EncCount

// legacyFontText decodes text set in a legacy Vietnamese font (TCVN3,
// VNI) whose bytes were stored as Windows-1252 characters; other text is
// returned as is, with "" as the encoding.
func legacyFontText(s, font string) (string, string) {
	enc := vntext.FontEncoding(font, -1)
	if enc == vntext.EncSymbol {
		return symbolText(s), ""
	}
	if enc != vntext.EncTCVN3 && enc != vntext.EncVNI {
		return s, ""
	}
	b := make([]byte, 0, len(s))
	ascii := true
	for _, r := range s {
		switch {
		case r < 0x100:
			b = append(b, byte(r))
		default:
			c, ok := cp1252High[r]
			if !ok {
				return s, "" // real Unicode letters: typed in Unicode after all
			}
			b = append(b, c)
		}
		if r >= 0x80 {
			ascii = false
		}
	}
	if ascii {
		return s, ""
	}
	out := vntext.DecodeLegacy(b, enc)
	// a font's name can lie: "VNSTCVN3" set over VNI bytes ("Coâng taùc")
	// in a .doc saved again as .odt; the other legacy encoding wins when
	// it reads as clearly more Vietnamese words
	other := vntext.EncVNI
	if enc == vntext.EncVNI {
		other = vntext.EncTCVN3
	}
	if alt := vntext.DecodeLegacy(b, other); vntext.ScoreText(alt).Net() > vntext.ScoreText(out).Net()+1 {
		out, enc = alt, other
	}
	if enc == vntext.EncTCVN3 && vntext.CapitalFont(font) {
		out = strings.ToUpper(out)
	}
	return out, enc
}

// cp1252High maps the characters Windows-1252 has at 0x80-0x9F to their
// bytes.
var cp1252High = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88,
	'‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91, '’': 0x92, '“': 0x93,
	'”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B,
	'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// symbolText maps the characters of a symbol font (its glyph codes, or
// the same codes at U+F000 as converters write them) to the Unicode
// characters they show (a bullet, a dash, an arrow); ASCII stays.
func symbolText(s string) string {
	var b strings.Builder
	for _, r := range s {
		code := r
		if code >= 0xF000 && code <= 0xF0FF {
			code -= 0xF000
		}
		switch {
		case code >= 0x80 && code < 0x100:
			b.WriteString(vntext.DecodeLegacy([]byte{byte(code)}, vntext.EncSymbol))
		default:
			b.WriteRune(code)
		}
	}
	return b.String()
}
