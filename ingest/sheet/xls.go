package sheet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/charmap"
)

// BIFF record types read here.
const (
	recBOF        = 0x0809
	recBOF5       = 0x0809
	recEOF        = 0x000A
	recContinue   = 0x003C
	recFilepass   = 0x002F
	recCodepage   = 0x0042
	recDatemode   = 0x0022
	recFont       = 0x0031
	recFormat     = 0x041E
	recXF         = 0x00E0
	recBoundsheet = 0x0085
	recSST        = 0x00FC
	recLabelSST   = 0x00FD
	recLabel      = 0x0204
	recRString    = 0x00D6
	recNumber     = 0x0203
	recRK         = 0x027E
	recMulRK      = 0x00BD
	recFormula    = 0x0006
	recString     = 0x0207
	recBoolErr    = 0x0205
)

// maxStream bounds the Workbook stream read into memory.
const maxStream = 256 << 20

// ReadXLS reads an Excel 97-2003 workbook (BIFF8, and BIFF5/7 of Excel
// 5.0/95) from the bytes of its OLE2 compound file.
//
// BIFF is read here rather than through a third-party package: the
// pure-Go .xls readers available either are unmaintained forks of one
// 2017 code base that panics on damaged records, or return cell values
// only, and decoding a legacy-font workbook needs each cell's font (its
// XF record's FONT) and each rich-text run's font, which none exposes.
func ReadXLS(data []byte) (book Book, err error) {
	defer func() {
		// The OLE2 reader panics on some damaged headers.
		if r := recover(); r != nil {
			book, err = Book{}, fmt.Errorf("xls: %w: reader crashed: %v", ErrCorrupt, r)
		}
	}()
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return Book{}, fmt.Errorf("xls: %w: not a readable OLE2 compound file: %w", ErrCorrupt, err)
	}
	var wb *mscfb.File
	for _, e := range r.File {
		if len(e.Path) == 0 && e.Size > 0 && (e.Name == "Workbook" || e.Name == "Book" || e.Name == "WORKBOOK" || e.Name == "BOOK") {
			if wb == nil || e.Name == "Workbook" {
				wb = e
			}
		}
	}
	if wb == nil {
		return Book{}, fmt.Errorf("xls: %w: OLE2 file without a Workbook stream", ErrNotWorkbook)
	}
	if wb.Size > maxStream || wb.Size > int64(len(data)) {
		return Book{}, fmt.Errorf("xls: %w: Workbook stream claims %d bytes in a %d-byte file", ErrCorrupt, wb.Size, len(data))
	}
	buf := make([]byte, wb.Size)
	n, err := wb.ReadAt(buf, 0)
	if err != nil && !errors.Is(err, io.EOF) && n == 0 {
		return Book{}, fmt.Errorf("xls: %w: reading the Workbook stream: %w", ErrCorrupt, err)
	}
	return parseBIFF(buf[:n])
}

// record is one BIFF record: its type and data, CONTINUE records that
// follow it kept apart (strings restart their flags at each).
type record struct {
	typ   uint16
	data  []byte
	conts [][]byte
	pos   int // offset of the record in the stream
}

// records splits a BIFF stream into records, CONTINUE records attached to
// the one before.
func records(s []byte) []record {
	var out []record
	for pos := 0; pos+4 <= len(s); {
		typ := binary.LittleEndian.Uint16(s[pos:])
		n := int(binary.LittleEndian.Uint16(s[pos+2:]))
		end := min(pos+4+n, len(s))
		data := s[pos+4 : end]
		if typ == recContinue && len(out) > 0 {
			out[len(out)-1].conts = append(out[len(out)-1].conts, data)
		} else {
			out = append(out, record{typ: typ, data: data, pos: pos})
		}
		pos = end
	}
	return out
}

// biff is the state of one workbook being read.
type biff struct {
	version  int // 8 for BIFF8, 5 for BIFF5/7
	codepage int
	date1904 bool
	fonts    []string       // font names by index (index 4 is skipped in the file)
	xfs      []xf           // cell formats
	formats  map[int]numFmt // custom number formats by id
	sst      []richString
	encs     encCounter
	lim      limiter
	warns    []string
}

type xf struct {
	font int
	fmt  int
}

// richString is a string with its rich-text runs: from character index
// ich on, the text is set in font ifnt.
type richString struct {
	text []uint16 // UTF-16 units (a compressed string's bytes widened)
	runs []fontRun
}

type fontRun struct{ ich, ifnt int }

func parseBIFF(s []byte) (Book, error) {
	recs := records(s)
	if len(recs) == 0 || (recs[0].typ != recBOF && recs[0].typ != 0x0409 && recs[0].typ != 0x0209) {
		return Book{}, fmt.Errorf("xls: %w: no BIFF beginning-of-file record", ErrCorrupt)
	}
	b := &biff{version: 8, codepage: 1252, formats: map[int]numFmt{}, encs: encCounter{}}
	if d := recs[0].data; len(d) >= 2 && binary.LittleEndian.Uint16(d) < 0x0600 {
		b.version = 5
	}
	type sheetRef struct {
		name string
		pos  int
	}
	var sheets []sheetRef
	for _, rec := range recs[1:] {
		d := rec.data
		switch rec.typ {
		case recEOF:
			goto globalsDone
		case recFilepass:
			return Book{}, fmt.Errorf("xls: %w: the workbook is password-protected", ErrEncrypted)
		case recCodepage:
			if len(d) >= 2 {
				b.codepage = int(binary.LittleEndian.Uint16(d))
			}
		case recDatemode:
			b.date1904 = len(d) >= 2 && d[0] == 1
		case recFont:
			if len(d) >= 15 {
				name, _ := b.shortString(d[14:])
				b.fonts = append(b.fonts, name)
			} else {
				b.fonts = append(b.fonts, "")
			}
		case recFormat:
			if len(d) >= 3 {
				id := int(binary.LittleEndian.Uint16(d))
				var code string
				if b.version == 8 {
					code, _ = b.unicodeString(d[2:], 2)
				} else {
					code, _ = b.shortString(d[2:])
				}
				b.formats[id] = classifyFormat(code)
			}
		case recXF:
			if len(d) >= 4 {
				b.xfs = append(b.xfs, xf{font: int(binary.LittleEndian.Uint16(d)), fmt: int(binary.LittleEndian.Uint16(d[2:]))})
			}
		case recBoundsheet:
			if len(d) >= 7 {
				pos := int(binary.LittleEndian.Uint32(d))
				kind := d[5]
				name, _ := b.shortString(d[6:])
				if kind == 0 { // a worksheet (not a chart or macro sheet)
					sheets = append(sheets, sheetRef{name, pos})
				}
			}
		case recSST:
			b.sst = b.readSST(rec)
		}
	}
globalsDone:
	byPos := map[int]int{}
	for i, r := range recs {
		byPos[r.pos] = i
	}
	var book Book
	for _, sh := range sheets {
		i, ok := byPos[sh.pos]
		if !ok {
			b.warns = append(b.warns, fmt.Sprintf("sheet %q: its records were not found", sh.name))
			continue
		}
		book.Sheets = append(book.Sheets, Sheet{Name: sh.name, Rows: b.readSheet(recs[i+1:])})
		if b.lim.hit {
			break
		}
	}
	if len(sheets) == 0 && b.version == 5 {
		// A BIFF5 worksheet file has its cells right after the globals.
		book.Sheets = append(book.Sheets, Sheet{Rows: b.readSheet(recs[1:])})
	}
	book.Encoding = b.encs.Most()
	book.Warnings = append(b.warns, b.lim.warning()...)
	return book, nil
}

// readSheet reads the cells of one worksheet substream, up to its EOF.
func (b *biff) readSheet(recs []record) [][]string {
	var rows [][]string
	put := func(r, c int, text string) bool {
		if c >= maxCols || r > 1<<20 || text == "" {
			return true
		}
		if !b.lim.add(text) {
			return false
		}
		rows = setCell(rows, r, c, text)
		return true
	}
	for k := 0; k < len(recs); k++ {
		rec := recs[k]
		d := rec.data
		if rec.typ == recEOF || rec.typ == recBOF {
			break
		}
		if len(d) < 6 {
			continue
		}
		row := int(binary.LittleEndian.Uint16(d))
		col := int(binary.LittleEndian.Uint16(d[2:]))
		ixf := int(binary.LittleEndian.Uint16(d[4:]))
		var text string
		switch rec.typ {
		case recLabelSST:
			if len(d) >= 10 {
				i := int(binary.LittleEndian.Uint32(d[6:]))
				if i < len(b.sst) {
					text = b.cellString(b.sst[i], ixf)
				}
			}
		case recLabel, recRString:
			var rs richString
			if b.version == 8 {
				rs = b.xlUnicode(d[6:], 2)
			} else {
				rs = b.byteString(d[6:], 2)
			}
			if rec.typ == recRString {
				rs.runs = b.rstringRuns(d[6:], rs)
			}
			text = b.cellString(rs, ixf)
		case recNumber:
			if len(d) >= 14 {
				text = b.number(math.Float64frombits(binary.LittleEndian.Uint64(d[6:])), ixf)
			}
		case recRK:
			if len(d) >= 10 {
				text = b.number(rk(binary.LittleEndian.Uint32(d[6:])), ixf)
			}
		case recMulRK:
			for i, p := 0, 4; p+6 <= len(d)-2; i, p = i+1, p+6 {
				x := int(binary.LittleEndian.Uint16(d[p:]))
				if !put(row, col+i, b.number(rk(binary.LittleEndian.Uint32(d[p+2:])), x)) {
					return trimRows(rows)
				}
			}
			continue
		case recFormula:
			if len(d) >= 14 {
				res := d[6:14]
				switch {
				case res[6] == 0xFF && res[7] == 0xFF && res[0] == 0:
					// A string result: the STRING record that follows.
					if k+1 < len(recs) && recs[k+1].typ == recString {
						var rs richString
						if b.version == 8 {
							rs = b.xlUnicode(recs[k+1].data, 2)
						} else {
							rs = b.byteString(recs[k+1].data, 2)
						}
						text = b.cellString(rs, ixf)
					}
				case res[6] == 0xFF && res[7] == 0xFF:
					// boolean, error or empty results: nothing to read
				default:
					text = b.number(math.Float64frombits(binary.LittleEndian.Uint64(res)), ixf)
				}
			}
		default:
			continue
		}
		if !put(row, col, text) {
			break
		}
	}
	return trimRows(rows)
}

// rk decodes an RK number: a 30-bit integer or the high bits of a double,
// optionally divided by 100.
func rk(v uint32) float64 {
	var f float64
	if v&2 != 0 {
		f = float64(int32(v) >> 2)
	} else {
		f = math.Float64frombits(uint64(v&^3) << 32)
	}
	if v&1 != 0 {
		f /= 100
	}
	return f
}

// number writes a number cell by its format.
func (b *biff) number(v float64, ixf int) string {
	f := fmtGeneral
	if ixf < len(b.xfs) {
		id := b.xfs[ixf].fmt
		if nf, ok := b.formats[id]; ok {
			f = nf
		} else {
			f = builtinFormat(id)
		}
	}
	return formatNumber(v, f, b.date1904)
}

// fontName returns the name of font index i (index 4 does not exist in the
// file: later indexes are one past their place).
func (b *biff) fontName(i int) string {
	if i >= 4 {
		i--
	}
	if i >= 0 && i < len(b.fonts) {
		return b.fonts[i]
	}
	return ""
}

// cellString decodes a cell's string by the font of its XF and of its
// rich-text runs.
func (b *biff) cellString(rs richString, ixf int) string {
	font := ""
	if ixf < len(b.xfs) {
		font = b.fontName(b.xfs[ixf].font)
	}
	if len(rs.runs) == 0 {
		s, enc := fontText(string(utf16.Decode(rs.text)), font)
		b.encs.Add(enc)
		return s
	}
	var out strings.Builder
	start := 0
	cur := font
	for _, r := range rs.runs {
		if r.ich <= start || r.ich > len(rs.text) {
			if r.ich <= start {
				cur = b.fontName(r.ifnt)
			}
			continue
		}
		s, enc := fontText(string(utf16.Decode(rs.text[start:r.ich])), cur)
		b.encs.Add(enc)
		out.WriteString(s)
		start, cur = r.ich, b.fontName(r.ifnt)
	}
	s, enc := fontText(string(utf16.Decode(rs.text[start:])), cur)
	b.encs.Add(enc)
	out.WriteString(s)
	return out.String()
}

// shortString reads a BIFF8 ShortXLUnicodeString (1-byte count, flags,
// characters) or a BIFF5 byte string (1-byte count, bytes).
func (b *biff) shortString(d []byte) (string, int) {
	var rs richString
	var n int
	if b.version == 8 {
		rs, n = b.xlUnicodeN(d, 1)
	} else {
		rs = b.byteString(d, 1)
		n = 1 + len(rs.text)
	}
	return string(utf16.Decode(rs.text)), n
}

// unicodeString reads an XLUnicodeString with a count of cb bytes.
func (b *biff) unicodeString(d []byte, cb int) (string, int) {
	rs, n := b.xlUnicodeN(d, cb)
	return string(utf16.Decode(rs.text)), n
}

func (b *biff) xlUnicode(d []byte, cb int) richString {
	rs, _ := b.xlUnicodeN(d, cb)
	return rs
}

// xlUnicodeN reads an XLUnicodeString (count of cb bytes, flags byte,
// characters 1 or 2 bytes each) and returns it with the bytes it took.
func (b *biff) xlUnicodeN(d []byte, cb int) (richString, int) {
	if len(d) < cb+1 {
		return richString{}, len(d)
	}
	n := int(d[0])
	if cb == 2 {
		n = int(binary.LittleEndian.Uint16(d))
	}
	flags := d[cb]
	p := cb + 1
	var runs int
	if flags&0x08 != 0 && p+2 <= len(d) {
		runs = int(binary.LittleEndian.Uint16(d[p:]))
		p += 2
	}
	if flags&0x04 != 0 && p+4 <= len(d) {
		p += 4
	}
	var rs richString
	if flags&0x01 != 0 {
		n = min(n, (len(d)-p)/2)
		rs.text = make([]uint16, n)
		for i := range n {
			rs.text[i] = binary.LittleEndian.Uint16(d[p+2*i:])
		}
		p += 2 * n
	} else {
		n = min(n, len(d)-p)
		rs.text = widen(d[p:p+n], b.codepage)
		p += n
	}
	for i := 0; i < runs && p+4 <= len(d); i++ {
		rs.runs = append(rs.runs, fontRun{int(binary.LittleEndian.Uint16(d[p:])), int(binary.LittleEndian.Uint16(d[p+2:]))})
		p += 4
	}
	return rs, p
}

// byteString reads a BIFF5 string: a count of cb bytes and 8-bit
// characters in the workbook's code page.
func (b *biff) byteString(d []byte, cb int) richString {
	if len(d) < cb {
		return richString{}
	}
	n := int(d[0])
	if cb == 2 {
		n = int(binary.LittleEndian.Uint16(d))
	}
	n = min(n, len(d)-cb)
	return richString{text: widen(d[cb:cb+n], b.codepage)}
}

// rstringRuns reads the formatting runs after an RSTRING's text.
func (b *biff) rstringRuns(d []byte, rs richString) []fontRun {
	if len(d) < 3 {
		return nil
	}
	p := 2 + len(rs.text)
	if b.version == 8 {
		p = 3
		if d[2]&1 != 0 {
			p += 2 * len(rs.text)
		} else {
			p += len(rs.text)
		}
	}
	if p >= len(d) {
		return nil
	}
	var runs []fontRun
	if b.version == 8 {
		if p+2 > len(d) {
			return nil
		}
		n := int(binary.LittleEndian.Uint16(d[p:]))
		p += 2
		for i := 0; i < n && p+4 <= len(d); i, p = i+1, p+4 {
			runs = append(runs, fontRun{int(binary.LittleEndian.Uint16(d[p:])), int(binary.LittleEndian.Uint16(d[p+2:]))})
		}
		return runs
	}
	n := int(d[p])
	p++
	for i := 0; i < n && p+2 <= len(d); i, p = i+1, p+2 {
		runs = append(runs, fontRun{int(d[p]), int(d[p+1])})
	}
	return runs
}

// widen turns 8-bit characters into UTF-16 units: a BIFF8 "compressed"
// string is Latin-1 (its bytes are the low byte of each character); a
// BIFF5 string is in the workbook's code page, which for Vietnamese
// legacy fonts is 1252 (the letters are the font's bytes, kept as they are
// so that the font's decoding sees them).
func widen(p []byte, codepage int) []uint16 {
	out := make([]uint16, len(p))
	if codepage == 1258 {
		if s, err := charmap.Windows1258.NewDecoder().Bytes(p); err == nil {
			return utf16.Encode([]rune(string(s)))
		}
	}
	for i, c := range p {
		out[i] = uint16(c)
	}
	return out
}

// readSST reads the shared string table. A string may go on in a CONTINUE
// record, where its characters restart with a flags byte of their own.
func (b *biff) readSST(rec record) []richString {
	segs := append([][]byte{rec.data}, rec.conts...)
	if len(segs[0]) < 8 {
		return nil
	}
	total := int(binary.LittleEndian.Uint32(segs[0][4:]))
	r := sstReader{segs: segs, pos: 8}
	out := make([]richString, 0, min(total, 1<<16))
	for len(out) < total && !r.done() {
		s, ok := r.next(b.codepage)
		if !ok {
			break
		}
		out = append(out, s)
		if len(out) > maxCells {
			break
		}
	}
	return out
}

// sstReader walks the segments (the SST record and its CONTINUEs).
type sstReader struct {
	segs [][]byte
	seg  int
	pos  int
}

func (r *sstReader) done() bool {
	for r.seg < len(r.segs) && r.pos >= len(r.segs[r.seg]) {
		r.seg++
		r.pos = 0
	}
	return r.seg >= len(r.segs)
}

// bytes reads n bytes that may cross a segment boundary (headers and run
// lists are not split by flags bytes).
func (r *sstReader) bytes(n int) ([]byte, bool) {
	var out []byte
	for n > 0 {
		if r.done() {
			return nil, false
		}
		cur := r.segs[r.seg][r.pos:]
		k := min(n, len(cur))
		out = append(out, cur[:k]...)
		r.pos += k
		n -= k
	}
	return out, true
}

// next reads one XLUnicodeRichExtendedString.
func (r *sstReader) next(codepage int) (richString, bool) {
	h, ok := r.bytes(3)
	if !ok {
		return richString{}, false
	}
	n := int(binary.LittleEndian.Uint16(h))
	flags := h[2]
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		c, ok := r.bytes(2)
		if !ok {
			return richString{}, false
		}
		runs = int(binary.LittleEndian.Uint16(c))
	}
	if flags&0x04 != 0 {
		c, ok := r.bytes(4)
		if !ok {
			return richString{}, false
		}
		ext = int(binary.LittleEndian.Uint32(c))
	}
	var rs richString
	wide := flags&0x01 != 0
	for len(rs.text) < n {
		if r.done() {
			return richString{}, false
		}
		if r.pos == 0 && len(rs.text) > 0 {
			// A continued string: a new flags byte says the width.
			wide = r.segs[r.seg][0]&0x01 != 0
			r.pos = 1
			continue
		}
		cur := r.segs[r.seg][r.pos:]
		want := n - len(rs.text)
		if wide {
			k := min(want, len(cur)/2)
			if k == 0 {
				r.pos = len(r.segs[r.seg]) // an odd byte at the end: skip it
				continue
			}
			for i := range k {
				rs.text = append(rs.text, binary.LittleEndian.Uint16(cur[2*i:]))
			}
			r.pos += 2 * k
		} else {
			k := min(want, len(cur))
			rs.text = append(rs.text, widen(cur[:k], codepage)...)
			r.pos += k
		}
	}
	if runs > 0 {
		c, ok := r.bytes(4 * runs)
		if !ok {
			return rs, true
		}
		for i := range runs {
			rs.runs = append(rs.runs, fontRun{int(binary.LittleEndian.Uint16(c[4*i:])), int(binary.LittleEndian.Uint16(c[4*i+2:]))})
		}
	}
	if ext > 0 {
		if _, ok := r.bytes(ext); !ok {
			return rs, true
		}
	}
	return rs, true
}
