package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// maxODSXML bounds content.xml and styles.xml once unpacked.
const maxODSXML = 256 << 20

// ReadODS reads an OpenDocument spreadsheet (.ods): every table's rows
// from content.xml, repeated rows and columns expanded only where they
// hold something, numbers by their value type, text decoded by its font
// where a style sets a legacy Vietnamese one (a workbook converted from a
// .VnTime or VNI-Times .xls).
func ReadODS(data []byte) (book Book, err error) {
	defer func() {
		if r := recover(); r != nil {
			book, err = Book{}, fmt.Errorf("ods: %w: reader crashed: %v", ErrCorrupt, r)
		}
	}()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Book{}, fmt.Errorf("ods: %w: %v", ErrCorrupt, err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	if _, ok := files["META-INF/manifest.xml"]; ok {
		if enc, _ := readZipFile(files["META-INF/manifest.xml"]); bytes.Contains(enc, []byte("encryption-data")) {
			return Book{}, fmt.Errorf("ods: %w: the spreadsheet is password-protected", ErrEncrypted)
		}
	}
	content, ok := files["content.xml"]
	if !ok {
		return Book{}, fmt.Errorf("ods: %w: no content.xml", ErrNotWorkbook)
	}
	st := odsStyles{fonts: map[string]string{}, style: map[string]odsStyle{}}
	if f, ok := files["styles.xml"]; ok {
		if b, err := readZipFile(f); err == nil {
			st.read(b)
		}
	}
	b, err := readZipFile(content)
	if err != nil {
		return Book{}, fmt.Errorf("ods: %w: content.xml: %v", ErrCorrupt, err)
	}
	book, err = readODSContent(b, &st)
	if err != nil {
		return Book{}, err
	}
	if f, ok := files["meta.xml"]; ok {
		if m, err := readZipFile(f); err == nil {
			readODSMeta(m, &book)
		}
	}
	return book, nil
}

func readZipFile(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > maxODSXML {
		return nil, fmt.Errorf("%s: %d bytes unpacked, over the limit", f.Name, f.UncompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxODSXML+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxODSXML {
		return nil, fmt.Errorf("%s: over the size limit", f.Name)
	}
	return b, nil
}

// odsStyle is what a style says that matters here: its font, its parent.
type odsStyle struct {
	font, parent string
	percent      bool
}

// odsStyles holds font faces (name -> family) and styles by name.
type odsStyles struct {
	fonts map[string]string
	style map[string]odsStyle
}

// read takes the font faces and styles of an XML part (styles.xml, or the
// automatic styles of content.xml).
func (s *odsStyles) read(b []byte) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var cur string
	for {
		tok, err := d.Token()
		if err != nil {
			return
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		s.element(se, &cur)
	}
}

// element records a font face, style or text-properties element; cur is
// the style being read.
func (s *odsStyles) element(se xml.StartElement, cur *string) {
	switch se.Name.Local {
	case "font-face":
		name, fam := attr(se, "name"), attr(se, "font-family")
		if fam == "" {
			fam = name
		}
		s.fonts[name] = strings.Trim(fam, `'"`)
	case "style":
		*cur = attr(se, "name")
		st := s.style[*cur]
		st.parent = attr(se, "parent-style-name")
		if dn := attr(se, "data-style-name"); dn != "" && s.style[dn].percent {
			st.percent = true
		}
		s.style[*cur] = st
	case "percentage-style":
		n := attr(se, "name")
		st := s.style[n]
		st.percent = true
		s.style[n] = st
	case "text-properties":
		if *cur == "" {
			return
		}
		if fn := attr(se, "font-name"); fn != "" {
			st := s.style[*cur]
			st.font = fn
			s.style[*cur] = st
		} else if ff := attr(se, "font-family"); ff != "" {
			st := s.style[*cur]
			st.font = ff
			s.style[*cur] = st
		}
	}
}

// fontOf returns the font family a style sets, through its parents.
func (s *odsStyles) fontOf(name string) string {
	for range 16 {
		st, ok := s.style[name]
		if !ok {
			return ""
		}
		if st.font != "" {
			if fam, ok := s.fonts[st.font]; ok {
				return fam
			}
			return strings.Trim(st.font, `'"`)
		}
		name = st.parent
	}
	return ""
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func attrInt(se xml.StartElement, local string, def int) int {
	if v := attr(se, local); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			return n
		}
	}
	return def
}

// readODSContent walks content.xml: automatic styles, then the tables.
func readODSContent(b []byte, st *odsStyles) (Book, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	r := &odsReader{st: st, encs: encCounter{}}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if r.sheet == nil && len(r.book.Sheets) == 0 {
				return Book{}, fmt.Errorf("ods: %w: content.xml: %v", ErrCorrupt, err)
			}
			r.book.Warnings = append(r.book.Warnings, fmt.Sprintf("content.xml is damaged after some rows: %v", err))
			break
		}
		if r.lim.hit {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			r.start(t)
		case xml.EndElement:
			r.end(t)
		case xml.CharData:
			r.chars(t)
		}
	}
	book := r.book
	book.Encoding = r.encs.Most()
	book.Warnings = append(book.Warnings, r.lim.warning()...)
	if len(book.Sheets) == 0 {
		return book, fmt.Errorf("ods: %w: no table in content.xml", ErrNotWorkbook)
	}
	return book, nil
}

// odsReader is the state of readODSContent's walk through content.xml.
type odsReader struct {
	st   *odsStyles
	book Book
	encs encCounter
	lim  limiter

	sheet      *Sheet
	row        int // index of the current row
	rowRepeat  int
	col        int
	cellRepeat int
	cellStyle  string
	colStyles  []string // default cell style per column
	rowStyle   string
	inCell     bool
	cellText   strings.Builder
	cellValue  string
	dateValue  string
	valueType  string
	spanFonts  []string // fonts of the open text spans
	paras      int
	curStyle   string
	inStyles   bool
	skip       int // depth inside an annotation (a comment), whose text is no cell text
}

// start takes an element's start tag.
func (r *odsReader) start(t xml.StartElement) {
	if t.Name.Local == "annotation" || r.skip > 0 {
		r.skip++
		return
	}
	switch t.Name.Local {
	case "automatic-styles", "font-face-decls":
		r.inStyles = true
	}
	if r.inStyles {
		r.st.element(t, &r.curStyle)
		return
	}
	switch t.Name.Local {
	case "table":
		r.book.Sheets = append(r.book.Sheets, Sheet{Name: attr(t, "name")})
		r.sheet = &r.book.Sheets[len(r.book.Sheets)-1]
		r.row, r.colStyles = 0, nil
	case "table-column":
		n := min(attrInt(t, "number-columns-repeated", 1), maxCols)
		for range n {
			if len(r.colStyles) < maxCols {
				r.colStyles = append(r.colStyles, attr(t, "default-cell-style-name"))
			}
		}
	case "table-row":
		r.col = 0
		r.rowRepeat = attrInt(t, "number-rows-repeated", 1)
		r.rowStyle = attr(t, "default-cell-style-name")
	case "table-cell", "covered-table-cell":
		r.startCell(t)
	case "p", "h":
		if r.inCell {
			if r.paras > 0 {
				r.cellText.WriteByte(' ')
			}
			r.paras++
			r.spanFonts = append(r.spanFonts, r.st.fontOf(attr(t, "style-name")))
		}
	case "span":
		if r.inCell {
			r.spanFonts = append(r.spanFonts, r.st.fontOf(attr(t, "style-name")))
		}
	case "s":
		if r.inCell {
			r.cellText.WriteString(strings.Repeat(" ", min(attrInt(t, "c", 1), 64)))
		}
	case "tab", "line-break":
		if r.inCell {
			r.cellText.WriteByte(' ')
		}
	}
}

// startCell opens a cell: its repeat count, its style (its own, else its
// column's, else its row's) and its typed value.
func (r *odsReader) startCell(t xml.StartElement) {
	if r.sheet == nil {
		return
	}
	r.inCell = true
	r.cellRepeat = attrInt(t, "number-columns-repeated", 1)
	r.cellStyle = attr(t, "style-name")
	if r.cellStyle == "" && r.col < len(r.colStyles) {
		r.cellStyle = r.colStyles[r.col]
	}
	if r.cellStyle == "" {
		r.cellStyle = r.rowStyle
	}
	r.valueType, r.cellValue, r.dateValue = attr(t, "value-type"), attr(t, "value"), attr(t, "date-value")
	r.cellText.Reset()
	r.paras = 0
	r.spanFonts = r.spanFonts[:0]
}

// end takes an element's end tag.
func (r *odsReader) end(t xml.EndElement) {
	if r.skip > 0 {
		r.skip--
		return
	}
	switch t.Name.Local {
	case "automatic-styles", "font-face-decls":
		r.inStyles = false
		r.curStyle = ""
	case "table-cell", "covered-table-cell":
		if r.inCell {
			r.flushCell()
			r.inCell = false
		}
		r.col += r.cellRepeat
	case "table-row":
		// Rows repeated without content (the million empty rows at the
		// end of a sheet) cost nothing: only the count.
		r.row += r.rowRepeat
		if r.row > 1<<20 {
			r.row = 1 << 20
		}
	case "table":
		if r.sheet != nil {
			r.sheet.Rows = trimRows(r.sheet.Rows)
		}
		r.sheet = nil
	case "p", "h", "span":
		if r.inCell && len(r.spanFonts) > 0 {
			r.spanFonts = r.spanFonts[:len(r.spanFonts)-1]
		}
	}
}

// chars takes text: a cell's, decoded by the font of its innermost span
// (else of the cell's style).
func (r *odsReader) chars(t xml.CharData) {
	if !r.inCell || r.skip > 0 {
		return
	}
	font := ""
	for i := len(r.spanFonts) - 1; i >= 0 && font == ""; i-- {
		font = r.spanFonts[i]
	}
	if font == "" {
		font = r.st.fontOf(r.cellStyle)
	}
	s, _ := decodeFont(string(t), font, r.encs)
	r.cellText.WriteString(s)
}

// flushCell stores the cell that ends: its typed value formatted, else its
// text, in every row and column it repeats over.
func (r *odsReader) flushCell() {
	text := ""
	switch r.valueType {
	case "float", "currency":
		if v, err := strconv.ParseFloat(r.cellValue, 64); err == nil {
			nf := fmtGeneral
			if r.st.style[r.cellStyle].percent {
				nf = fmtPercent
			}
			text = formatNumber(v, nf, false)
		}
	case "percentage":
		if v, err := strconv.ParseFloat(r.cellValue, 64); err == nil {
			text = formatNumber(v, fmtPercent, false)
		}
	case "date":
		if t, err := time.Parse("2006-01-02", r.dateValue[:min(len(r.dateValue), 10)]); err == nil {
			text = t.Format("02/01/2006")
			if len(r.dateValue) >= 16 && r.dateValue[10] == 'T' && r.dateValue[11:16] != "00:00" {
				text += " " + r.dateValue[11:16]
			}
		}
	}
	if text == "" {
		text = r.cellText.String()
	}
	if strings.TrimSpace(text) == "" || r.col >= maxCols {
		return
	}
	for k := 0; k < r.cellRepeat && r.col+k < maxCols; k++ {
		for i := 0; i < r.rowRepeat; i++ {
			if !r.lim.add(text) {
				return
			}
			r.sheet.Rows = setCell(r.sheet.Rows, r.row+i, r.col+k, text)
		}
	}
}

// readODSMeta takes the title, the initial creator and the creation date
// from meta.xml.
func readODSMeta(b []byte, book *Book) {
	var m struct {
		Title   string `xml:"meta>title"`
		Creator string `xml:"meta>initial-creator"`
		Created string `xml:"meta>creation-date"`
	}
	if err := xml.Unmarshal(b, &m); err != nil {
		return
	}
	book.Title, book.Author = strings.TrimSpace(m.Title), strings.TrimSpace(m.Creator)
	if len(m.Created) >= 10 {
		book.Created = m.Created[:10]
	}
}
