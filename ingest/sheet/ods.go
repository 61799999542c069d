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
	var book Book
	encs := encCounter{}
	var lim limiter
	var (
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
	)
	flushCell := func() {
		text := ""
		switch valueType {
		case "float", "currency":
			if v, err := strconv.ParseFloat(cellValue, 64); err == nil {
				nf := fmtGeneral
				if st.style[cellStyle].percent {
					nf = fmtPercent
				}
				text = formatNumber(v, nf, false)
			}
		case "percentage":
			if v, err := strconv.ParseFloat(cellValue, 64); err == nil {
				text = formatNumber(v, fmtPercent, false)
			}
		case "date":
			if t, err := time.Parse("2006-01-02", dateValue[:min(len(dateValue), 10)]); err == nil {
				text = t.Format("02/01/2006")
				if len(dateValue) >= 16 && dateValue[10] == 'T' && dateValue[11:16] != "00:00" {
					text += " " + dateValue[11:16]
				}
			}
		}
		if text == "" {
			text = cellText.String()
		}
		if strings.TrimSpace(text) != "" && col < maxCols {
			for k := 0; k < cellRepeat && col+k < maxCols; k++ {
				for r := 0; r < rowRepeat; r++ {
					if !lim.add(text) {
						return
					}
					sheet.Rows = setCell(sheet.Rows, row+r, col+k, text)
				}
			}
		}
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if sheet == nil && len(book.Sheets) == 0 {
				return Book{}, fmt.Errorf("ods: %w: content.xml: %v", ErrCorrupt, err)
			}
			book.Warnings = append(book.Warnings, fmt.Sprintf("content.xml is damaged after some rows: %v", err))
			break
		}
		if lim.hit {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "annotation" || skip > 0 {
				skip++
				continue
			}
			switch t.Name.Local {
			case "automatic-styles", "font-face-decls":
				inStyles = true
			}
			if inStyles {
				st.element(t, &curStyle)
				continue
			}
			switch t.Name.Local {
			case "table":
				book.Sheets = append(book.Sheets, Sheet{Name: attr(t, "name")})
				sheet = &book.Sheets[len(book.Sheets)-1]
				row, colStyles = 0, nil
			case "table-column":
				n := min(attrInt(t, "number-columns-repeated", 1), maxCols)
				for range n {
					if len(colStyles) < maxCols {
						colStyles = append(colStyles, attr(t, "default-cell-style-name"))
					}
				}
			case "table-row":
				col = 0
				rowRepeat = attrInt(t, "number-rows-repeated", 1)
				rowStyle = attr(t, "default-cell-style-name")
			case "table-cell", "covered-table-cell":
				if sheet == nil {
					continue
				}
				inCell = true
				cellRepeat = attrInt(t, "number-columns-repeated", 1)
				cellStyle = attr(t, "style-name")
				if cellStyle == "" && col < len(colStyles) {
					cellStyle = colStyles[col]
				}
				if cellStyle == "" {
					cellStyle = rowStyle
				}
				valueType, cellValue, dateValue = attr(t, "value-type"), attr(t, "value"), attr(t, "date-value")
				cellText.Reset()
				paras = 0
				spanFonts = spanFonts[:0]
			case "p", "h":
				if inCell {
					if paras > 0 {
						cellText.WriteByte(' ')
					}
					paras++
					spanFonts = append(spanFonts, st.fontOf(attr(t, "style-name")))
				}
			case "span":
				if inCell {
					spanFonts = append(spanFonts, st.fontOf(attr(t, "style-name")))
				}
			case "s":
				if inCell {
					cellText.WriteString(strings.Repeat(" ", min(attrInt(t, "c", 1), 64)))
				}
			case "tab", "line-break":
				if inCell {
					cellText.WriteByte(' ')
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "automatic-styles", "font-face-decls":
				inStyles = false
				curStyle = ""
			case "table-cell", "covered-table-cell":
				if inCell {
					flushCell()
					inCell = false
				}
				col += cellRepeat
			case "table-row":
				// Rows repeated without content (the million empty rows
				// at the end of a sheet) cost nothing: only the count.
				row += rowRepeat
				if row > 1<<20 {
					row = 1 << 20
				}
			case "table":
				if sheet != nil {
					sheet.Rows = trimRows(sheet.Rows)
				}
				sheet = nil
			case "p", "h", "span":
				if inCell && len(spanFonts) > 0 {
					spanFonts = spanFonts[:len(spanFonts)-1]
				}
			}
		case xml.CharData:
			if inCell && skip == 0 {
				font := ""
				for i := len(spanFonts) - 1; i >= 0 && font == ""; i-- {
					font = spanFonts[i]
				}
				if font == "" {
					font = st.fontOf(cellStyle)
				}
				s, _ := decodeFont(string(t), font, encs)
				cellText.WriteString(s)
			}
		}
	}
	book.Encoding = encs.Most()
	book.Warnings = append(book.Warnings, lim.warning()...)
	if len(book.Sheets) == 0 {
		return book, fmt.Errorf("ods: %w: no table in content.xml", ErrNotWorkbook)
	}
	return book, nil
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
