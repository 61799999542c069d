package word

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/charmap"
)

// The Word 97-2003 (.doc) reader. A .doc is an OLE2 compound file; its
// WordDocument stream starts with the FIB, which locates the piece table
// (CLX) in the 0Table or 1Table stream. The piece table maps character
// positions to stream offsets, each piece either UTF-16LE or "compressed"
// 8-bit text. Vietnamese documents of the 1990s–2000s set their text in
// TCVN3 (.VnTime) or VNI fonts, so the 8-bit characters are really TCVN3 or
// VNI bytes: the reader finds each run's font from the character formatting
// (CHPX pages and the font table) and decodes the run's bytes with that
// font's encoding, or by detection where the font says nothing.
// Reference: [MS-DOC], Word (.doc) Binary File Format.

// Limits of the .doc reader.
const (
	docMaxStream = 256 << 20 // bytes read from one stream
	docMaxPieces = 1 << 20   // pieces in the piece table
	docMaxChars  = 64 << 20  // characters of text
)

// docCorrupt is the error for a .doc whose structures are damaged.
func docCorrupt(format string, args ...any) error {
	return fmt.Errorf("doc: %w: %s", ErrCorrupt, fmt.Sprintf(format, args...))
}

// FIB offsets and indices ([MS-DOC] 2.5).
const (
	fibIdent        = 0xA5EC
	fibMinSize      = 0x22 // FibBase and csw
	fibFlagComplex  = 0x0004
	fibFlagEncrypt  = 0x0100
	fibFlagWhichTbl = 0x0200
	fibFlagObfusc   = 0x8000
	lwCcpText       = 3  // FibRgLw97 index of ccpText; the other stories follow
	fcStshf         = 1  // FibRgFcLcb97 pair index of the style sheet
	fcPlcfBteChpx   = 12 // character formatting bin table
	fcSttbfFfn      = 15 // font table
	fcClx           = 33 // piece table
)

// docPiece is a piece of the piece table: CPs [cpStart, cpEnd) stored at
// byte offset fc of the WordDocument stream, 8-bit when compressed.
type docPiece struct {
	cpStart, cpEnd uint32
	fc             uint32
	compressed     bool
}

// docRun is a run of character formatting: bytes [fcStart, fcEnd) of the
// WordDocument stream are set in font ftc (-1 when the run names none).
type docRun struct {
	fcStart, fcEnd uint32
	ftc            int
}

// docFont is an entry of the font table.
type docFont struct {
	name    string
	charset int
}

// docFile is the parsed structure of a Word document.
type docFile struct {
	wd       []byte    // WordDocument stream
	table    []byte    // 0Table or 1Table stream
	ccp      [8]uint32 // CP counts of the stories, in CP order (docStory)
	pieces   []docPiece
	runs     []docRun
	fonts    []docFont
	styleFtc int               // font of the Normal style, -1 if unknown
	paras    []docPara         // paragraph runs and their styles
	styles   []int             // font of each style (styleFonts)
	lastPara int               // index of the paragraph paraFont found last
	fontEncs []runEnc          // encodings of fonts, by index (lazily)
	lastRun  int               // index of the run runFont found last
	summary  map[string]string // summary information: title, author, dates
	lid      uint16
}

// readDOCFile is the Word 97-2003 reader (readDOC).
func readDOCFile(path string, data []byte) (p parsed, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("doc: %w: parser panic: %v", ErrCorrupt, r)
		}
	}()
	f, err := openDOC(data)
	if err != nil {
		return parsed{}, err
	}
	text, enc := f.text()
	p = parsed{pages: []string{text}, encoding: enc}
	if si := f.summary; len(si) > 0 {
		p.title, p.published = si["title"], si["created"]
		delete(si, "title")
		delete(si, "created")
		if len(si) > 0 {
			p.meta = si
		}
	}
	return p, nil
}

// docStreams opens an OLE2 compound file and returns its root-level
// streams by name (embedded objects keep their own WordDocument streams
// in sub-storages: those are not the document).
func docStreams(data []byte) (map[string]*mscfb.File, error) {
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("doc: %w: not a readable OLE2 compound file: %w", ErrCorrupt, err)
	}
	streams := map[string]*mscfb.File{}
	for _, e := range r.File {
		if len(e.Path) == 0 && e.Size > 0 {
			if _, dup := streams[e.Name]; !dup {
				streams[e.Name] = e
			}
		}
	}
	return streams, nil
}

// notWordError says what an OLE2 file without a WordDocument stream is,
// from the streams it has.
func notWordError(has func(name string) bool) error {
	switch {
	case has("Workbook"):
		return fmt.Errorf("%w: Excel 97-2003 workbook (.xls)", ErrUnsupported)
	case has("Book"):
		return fmt.Errorf("%w: Excel 5.0/95 workbook (.xls)", ErrUnsupported)
	case has("PowerPoint Document"):
		return fmt.Errorf("%w: PowerPoint 97-2003 presentation (.ppt)", ErrUnsupported)
	case has("VisioDocument"):
		return fmt.Errorf("%w: Visio drawing (.vsd)", ErrUnsupported)
	case has("EncryptedPackage"):
		return fmt.Errorf("doc: %w: password-protected Office document", ErrEncrypted)
	}
	return fmt.Errorf("%w: OLE2 compound file without a WordDocument stream (not a Word document)", ErrUnsupported)
}

// readStream reads a whole stream, bounded by docMaxStream and by the size
// of the file (a stream cannot be bigger than the file that holds it).
func readStream(f *mscfb.File, fileSize int) ([]byte, error) {
	n := f.Size
	if n > docMaxStream || n > int64(fileSize) {
		return nil, fmt.Errorf("stream %s claims %d bytes in a %d-byte file", f.Name, n, fileSize)
	}
	buf := make([]byte, n)
	got, err := f.ReadAt(buf, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		if got == 0 {
			return nil, fmt.Errorf("read stream %s: %w", f.Name, err)
		}
	}
	return buf[:got], nil
}

// openDOC parses the containers of a .doc: OLE2, FIB, piece table, font
// table and character runs.
func openDOC(data []byte) (*docFile, error) {
	streams, err := docStreams(data)
	if err != nil {
		return nil, err
	}
	wdf := streams["WordDocument"]
	if wdf == nil {
		return nil, notWordError(func(name string) bool { return streams[name] != nil })
	}
	var summary map[string]string
	if sf := streams["SummaryInformation"]; sf != nil && sf.Initial == 0x05 {
		if b, err := readStream(sf, len(data)); err == nil {
			summary = summaryInfo(b)
		}
	}
	wd, err := readStream(wdf, len(data))
	if err != nil {
		return nil, fmt.Errorf("doc: %w: %w", ErrCorrupt, err)
	}
	if len(wd) < fibMinSize {
		return nil, docCorrupt("WordDocument stream too short for a FIB")
	}
	le := binary.LittleEndian
	if le.Uint16(wd) != fibIdent {
		return nil, docCorrupt("bad FIB signature %#04x", le.Uint16(wd))
	}
	nFib := le.Uint16(wd[2:])
	flags := le.Uint16(wd[0x0A:])
	if flags&fibFlagEncrypt != 0 {
		if flags&fibFlagObfusc != 0 {
			return nil, fmt.Errorf("doc: %w: the document is obfuscated (XOR) with a password", ErrEncrypted)
		}
		return nil, fmt.Errorf("doc: %w: the document is password-protected", ErrEncrypted)
	}
	if nFib < 101 {
		return nil, fmt.Errorf("%w: Word 6.0/95 document (nFib %d); only Word 97-2003 .doc is read", ErrUnsupported, nFib)
	}
	f := &docFile{wd: wd, lid: le.Uint16(wd[6:]), styleFtc: -1, summary: summary}

	// FibRgW97, FibRgLw97 and FibRgFcLcb follow FibBase, each behind its count.
	pos := 0x20
	csw := int(le.Uint16(wd[pos:]))
	pos += 2 + csw*2
	if pos+2 > len(wd) {
		return nil, docCorrupt("FIB truncated (FibRgW)")
	}
	cslw := int(le.Uint16(wd[pos:]))
	pos += 2
	lwStart := pos
	pos += cslw * 4
	if pos+2 > len(wd) || cslw <= lwCcpText {
		return nil, docCorrupt("FIB truncated (FibRgLw)")
	}
	for k := range f.ccp {
		if lwCcpText+k < cslw {
			f.ccp[k] = le.Uint32(wd[lwStart+(lwCcpText+k)*4:])
		}
	}
	cbRgFcLcb := int(le.Uint16(wd[pos:]))
	pos += 2
	fcLcb := func(i int) (uint32, uint32) {
		if i >= cbRgFcLcb || pos+i*8+8 > len(wd) {
			return 0, 0
		}
		return le.Uint32(wd[pos+i*8:]), le.Uint32(wd[pos+i*8+4:])
	}

	tableName := "0Table"
	if flags&fibFlagWhichTbl != 0 {
		tableName = "1Table"
	}
	tf := streams[tableName]
	if tf == nil {
		return nil, docCorrupt("the FIB names the %s stream, which is missing", tableName)
	}
	if f.table, err = readStream(tf, len(data)); err != nil {
		return nil, fmt.Errorf("doc: %w: %w", ErrCorrupt, err)
	}

	fc, lcb := fcLcb(fcClx)
	clx, ok := sub(f.table, fc, lcb)
	if !ok || lcb == 0 {
		return nil, docCorrupt("piece table (CLX) missing or out of bounds")
	}
	if f.pieces, err = parseCLX(clx); err != nil {
		return nil, fmt.Errorf("doc: %w: %w", ErrCorrupt, err)
	}
	// Formatting is best effort: without it the text is still there, and
	// the encoding is detected.
	if fc, lcb := fcLcb(fcSttbfFfn); lcb > 0 {
		if b, ok := sub(f.table, fc, lcb); ok {
			f.fonts = parseFontTable(b)
		}
	}
	if fc, lcb := fcLcb(fcPlcfBteChpx); lcb > 0 {
		if b, ok := sub(f.table, fc, lcb); ok {
			f.runs = parseCHPXRuns(wd, b)
		}
	}
	if fc, lcb := fcLcb(fcStshf); lcb > 0 {
		if b, ok := sub(f.table, fc, lcb); ok {
			f.styles = styleFonts(b)
			if len(f.styles) > 0 && f.styles[0] >= 0 {
				f.styleFtc = f.styles[0]
			}
		}
	}
	if fc, lcb := fcLcb(fcPlcfBtePapx); lcb > 0 && len(f.styles) > 0 {
		if b, ok := sub(f.table, fc, lcb); ok {
			f.paras = parsePAPXParas(wd, b)
		}
	}
	return f, nil
}

// sub returns b[off:off+n] when it lies inside b.
func sub(b []byte, off, n uint32) ([]byte, bool) {
	end := uint64(off) + uint64(n)
	if end > uint64(len(b)) {
		return nil, false
	}
	return b[off:end], true
}

// parseCLX reads the piece table from a CLX: Prc records (clxt 1, skipped)
// then one Pcdt (clxt 2) holding the PlcPcd.
func parseCLX(clx []byte) ([]docPiece, error) {
	le := binary.LittleEndian
	i := 0
	for i < len(clx) {
		switch clx[i] {
		case 0x01:
			if i+3 > len(clx) {
				return nil, errors.New("piece table: truncated Prc")
			}
			cb := int(int16(le.Uint16(clx[i+1:])))
			if cb < 0 {
				return nil, errors.New("piece table: negative Prc size")
			}
			i += 3 + cb
		case 0x02:
			if i+5 > len(clx) {
				return nil, errors.New("piece table: truncated Pcdt")
			}
			lcb := le.Uint32(clx[i+1:])
			plc, ok := sub(clx, uint32(i+5), lcb)
			if !ok {
				return nil, errors.New("piece table: PlcPcd out of bounds")
			}
			return parsePlcPcd(plc)
		default:
			return nil, fmt.Errorf("piece table: bad CLX record type %#02x", clx[i])
		}
	}
	return nil, errors.New("piece table: no Pcdt in the CLX")
}

// parsePlcPcd reads a PlcPcd: n+1 CPs then n 8-byte PCDs.
func parsePlcPcd(plc []byte) ([]docPiece, error) {
	if len(plc) < 4 || (len(plc)-4)%12 != 0 {
		return nil, fmt.Errorf("piece table: PlcPcd of %d bytes is not 4+12n", len(plc))
	}
	n := (len(plc) - 4) / 12
	if n > docMaxPieces {
		return nil, fmt.Errorf("piece table: %d pieces (limit %d)", n, docMaxPieces)
	}
	le := binary.LittleEndian
	pieces := make([]docPiece, 0, n)
	pcd := plc[(n+1)*4:]
	for k := 0; k < n; k++ {
		start, end := le.Uint32(plc[k*4:]), le.Uint32(plc[k*4+4:])
		if end < start {
			return nil, fmt.Errorf("piece table: piece %d ends (%d) before it starts (%d)", k, end, start)
		}
		fc := le.Uint32(pcd[k*8+2:])
		p := docPiece{cpStart: start, cpEnd: end, compressed: fc&0x40000000 != 0}
		if p.compressed {
			p.fc = (fc & 0x3FFFFFFF) / 2
		} else {
			p.fc = fc & 0x3FFFFFFF
		}
		pieces = append(pieces, p)
	}
	return pieces, nil
}

// parseFontTable reads the SttbfFfn: a count, then FFNs each behind its
// length byte; the font name is UTF-16LE at offset 39 of the FFN.
func parseFontTable(b []byte) []docFont {
	le := binary.LittleEndian
	if len(b) < 4 {
		return nil
	}
	n := int(le.Uint16(b))
	fonts := make([]docFont, 0, min(n, 1024))
	i := 4
	for k := 0; k < n && i < len(b); k++ {
		cb := int(b[i])
		i++
		if i+cb > len(b) {
			break
		}
		ffn := b[i : i+cb]
		i += cb
		f := docFont{charset: -1}
		if len(ffn) > 3 {
			f.charset = int(ffn[3])
		}
		if len(ffn) > 39 {
			f.name = utf16String(ffn[39:])
		}
		fonts = append(fonts, f)
	}
	return fonts
}

// utf16String decodes a NUL-terminated UTF-16LE string.
func utf16String(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for j := 0; j+1 < len(b); j += 2 {
		c := binary.LittleEndian.Uint16(b[j:])
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u))
}

// Font sprms of a CHPX ([MS-DOC] 2.6.1).
const (
	sprmCRgFtc0 = 0x4A4F // font of ASCII characters
	sprmCRgFtc2 = 0x4A51 // font of other characters
)

// sprmOperandSize returns the operand size of a sprm at g[i:], or -1.
func sprmOperandSize(sprm uint16, g []byte, i int) int {
	switch sprm >> 13 {
	case 0, 1:
		return 1
	case 2, 4, 5:
		return 2
	case 3:
		return 4
	case 7:
		return 3
	}
	// Variable: the first operand byte is the size (sprmTDefTable and
	// sprmPChgTabs have 2-byte sizes, and never occur in a CHPX).
	if sprm == 0xD608 || sprm == 0xD606 {
		if i+2 > len(g) {
			return -1
		}
		return 2 + int(binary.LittleEndian.Uint16(g[i:])) - 1
	}
	if i >= len(g) {
		return -1
	}
	return 1 + int(g[i])
}

// grpprlFont returns the font a grpprl sets, or -1.
func grpprlFont(g []byte) int {
	le := binary.LittleEndian
	ftc0, ftc2 := -1, -1
	for i := 0; i+2 <= len(g); {
		sprm := le.Uint16(g[i:])
		i += 2
		n := sprmOperandSize(sprm, g, i)
		if n < 0 || i+n > len(g) {
			break
		}
		switch sprm {
		case sprmCRgFtc0:
			if n == 2 {
				ftc0 = int(le.Uint16(g[i:]))
			}
		case sprmCRgFtc2:
			if n == 2 {
				ftc2 = int(le.Uint16(g[i:]))
			}
		}
		i += n
	}
	if ftc0 >= 0 {
		return ftc0
	}
	return ftc2
}

// eachFKP walks a formatting bin table (PlcBteChpx or PlcBtePapx): FCs,
// then the page numbers of 512-byte FKPs in the WordDocument stream. Each
// FKP holds crun runs: crun+1 FCs, then crun entries of entrySize bytes
// whose first byte is the offset/2 of the run's properties. fn gets each
// run's FC range and that offset (0 when absent); damaged pages are
// skipped.
func eachFKP(wd, plc []byte, entrySize int, fn func(page []byte, fcStart, fcEnd uint32, off int)) {
	le := binary.LittleEndian
	if len(plc) < 4 || (len(plc)-4)%8 != 0 {
		return
	}
	n := (len(plc) - 4) / 8
	for k := 0; k < n; k++ {
		pn := le.Uint32(plc[(n+1)*4+k*4:]) & 0x3FFFFF
		page, ok := sub(wd, pn*512, 512)
		if !ok {
			continue
		}
		crun := int(page[511])
		if (crun+1)*4+crun*entrySize > 511 {
			continue
		}
		for r := 0; r < crun; r++ {
			fn(page, le.Uint32(page[r*4:]), le.Uint32(page[r*4+4:]), int(page[(crun+1)*4+r*entrySize])*2)
		}
	}
}

// parseCHPXRuns reads the character formatting bin table: each run's FC
// range and the font its CHPX sets (-1 when none).
func parseCHPXRuns(wd, plc []byte) []docRun {
	var runs []docRun
	eachFKP(wd, plc, 1, func(page []byte, fcStart, fcEnd uint32, off int) {
		run := docRun{fcStart: fcStart, fcEnd: fcEnd, ftc: -1}
		if off > 0 && off < 511 {
			cb := int(page[off])
			if off+1+cb <= 511 {
				run.ftc = grpprlFont(page[off+1 : off+1+cb])
			}
		}
		if run.fcEnd > run.fcStart {
			runs = append(runs, run)
		}
	})
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].fcStart < runs[j].fcStart })
	return runs
}

// fontEnc returns the encoding of font index ftc (name "" when unknown).
func (f *docFile) fontEnc(ftc int) runEnc {
	if ftc < 0 || ftc >= len(f.fonts) {
		return runEnc{}
	}
	if f.fontEncs == nil {
		f.fontEncs = make([]runEnc, len(f.fonts))
		for i, font := range f.fonts {
			f.fontEncs[i] = fontRunEnc(font.name, font.charset)
		}
	}
	return f.fontEncs[ftc]
}

// runFont returns the font of the byte at stream offset fc.
func (f *docFile) runFont(fc uint32) int {
	// Characters come in stream order within a piece: try the last run.
	if r := f.lastRun; r < len(f.runs) && f.runs[r].fcStart <= fc && fc < f.runs[r].fcEnd {
		if f.runs[r].ftc >= 0 {
			return f.runs[r].ftc
		}
		return f.paraFont(fc)
	}
	i := sort.Search(len(f.runs), func(i int) bool { return f.runs[i].fcEnd > fc })
	f.lastRun = i
	if i < len(f.runs) && f.runs[i].fcStart <= fc && f.runs[i].ftc >= 0 {
		return f.runs[i].ftc
	}
	return f.paraFont(fc)
}

// cp1252Byte maps a Unicode character back to its Windows-1252 byte, for
// legacy-font text stored in UTF-16 pieces (Word stored the font's bytes
// as the cp1252 characters they look like).
func cp1252Byte(r rune) (byte, bool) {
	if r < 0x80 || r >= 0xA0 && r <= 0xFF {
		return byte(r), true
	}
	if b, ok := charmap.Windows1252.EncodeRune(r); ok {
		return b, true
	}
	if r >= 0x80 && r < 0xA0 {
		return byte(r), true
	}
	return 0, false
}

// The stories of a Word document, in the order of their CPs ([MS-DOC]
// 2.4.1); FibRgLw97 gives their lengths from ccpText on, with a reserved
// slot after ccpHdd.
const (
	storyMain = iota
	storyFootnote
	storyHeader
	storyReserved
	storyComment
	storyEndnote
	storyTextbox
	storyHeaderTextbox
)

// text returns the document's text and the legacy encoding found: the main
// text, then the footnotes, endnotes and text boxes, then the headers and
// footers (their fields give their results: page numbers).
func (f *docFile) text() (string, string) {
	var lb legacyBuilder
	w := docWriter{lb: &lb, f: f}
	var start [len(f.ccp) + 1]uint32
	for k, n := range f.ccp {
		if k == storyReserved {
			n = 0
		}
		start[k+1] = start[k] + n
	}
	for _, k := range []int{storyMain, storyFootnote, storyEndnote, storyTextbox, storyHeader} {
		if f.ccp[k] == 0 {
			continue
		}
		if k != storyMain {
			w.flushLine()
		}
		w.fields = w.fields[:0]
		f.emitRange(&w, start[k], start[k+1])
	}
	fallback := codepageEncoding(lidCodepage(f.lid))
	return lb.text(fallback)
}

// lidCodepage returns the ANSI code page of a Windows language id.
func lidCodepage(lid uint16) int {
	switch lid & 0x3FF {
	case 0x2A:
		return 1258
	}
	return 1252
}

// emitRange writes the characters of CPs [from, to). A document has no
// more characters than its WordDocument stream has bytes: pieces that
// claim more (overlapping, repeated) stop there, so that a crafted piece
// table cannot make the reader loop for long.
func (f *docFile) emitRange(w *docWriter, from, to uint32) {
	limit := min(docMaxChars, len(f.wd)+1024)
	for _, p := range f.pieces {
		if p.cpEnd <= from || p.cpStart >= to || w.visited >= limit {
			continue
		}
		s, e := max(p.cpStart, from), min(p.cpEnd, to)
		for cp := s; cp < e && w.visited < limit; cp++ {
			w.visited++
			k := cp - p.cpStart
			if p.compressed {
				off := uint64(p.fc) + uint64(k)
				if off >= uint64(len(f.wd)) {
					return
				}
				w.char8(f.wd[off], uint32(off))
			} else {
				off := uint64(p.fc) + 2*uint64(k)
				if off+2 > uint64(len(f.wd)) {
					return
				}
				w.char16(rune(binary.LittleEndian.Uint16(f.wd[off:])), uint32(off))
			}
		}
	}
}

// docWriter turns Word's characters into text: paragraph and cell marks,
// fields (result kept, instruction dropped), objects dropped.
type docWriter struct {
	lb      *legacyBuilder
	f       *docFile
	fields  []bool // per open field: still in its instruction
	n       int    // characters written
	visited int    // characters looked at
	hiSurr  rune
	cellEnd bool // the last character was a cell mark
}

// inInstr reports whether text is inside a field instruction.
func (w *docWriter) inInstr() bool {
	for _, instr := range w.fields {
		if instr {
			return true
		}
	}
	return false
}

// control handles Word's special characters; it reports whether c was one.
func (w *docWriter) control(c rune) bool {
	switch c {
	case 0x13: // field begin
		if len(w.fields) < 64 {
			w.fields = append(w.fields, true)
		}
		return true
	case 0x14: // field separator: the result follows
		if n := len(w.fields); n > 0 {
			w.fields[n-1] = false
		}
		return true
	case 0x15: // field end
		if n := len(w.fields); n > 0 {
			w.fields = w.fields[:n-1]
		}
		return true
	}
	if c >= 0x20 || c == '\t' {
		return false
	}
	if w.inInstr() {
		return true
	}
	wasCell := w.cellEnd
	w.cellEnd = false
	switch c {
	case 0x07: // cell mark; a second one ends the row
		if wasCell {
			w.lb.trimLast(cellSep)
			w.lb.addString("\n")
			return true
		}
		w.lb.addString(cellSep)
		w.cellEnd = true
	case 0x0D, 0x0B, 0x0C, 0x0E: // paragraph, line, page/section, column break
		w.lb.addString("\n")
	case 0x1E: // non-breaking hyphen
		w.lb.addString("-")
	}
	// 0x01 picture, 0x02 footnote mark, 0x03/0x04 separators, 0x05
	// annotation mark, 0x08 drawn object, 0x1F optional hyphen: not text.
	return true
}

// encAt returns the encoding of the font at stream offset fc.
func (w *docWriter) encAt(fc uint32) runEnc {
	return w.f.fontEnc(w.f.runFont(fc))
}

func (w *docWriter) char8(c byte, fc uint32) {
	if w.control(rune(c)) || w.inInstr() {
		return
	}
	w.cellEnd = false
	w.n++
	w.lb.addByte(w.encAt(fc), c)
}

func (w *docWriter) char16(r rune, fc uint32) {
	if w.control(r) || w.inInstr() {
		return
	}
	w.cellEnd = false
	w.n++
	switch {
	case r >= 0xD800 && r < 0xDC00:
		w.hiSurr = r
		return
	case r >= 0xDC00 && r < 0xE000:
		if w.hiSurr != 0 {
			r = (w.hiSurr-0xD800)<<10 + (r - 0xDC00) + 0x10000
		} else {
			r = 0xFFFD
		}
	}
	w.hiSurr = 0
	enc := w.encAt(fc)
	if r >= 0xF000 && r <= 0xF0FF {
		// Symbol fonts map their glyphs to U+F0xx; legacy fonts too, when
		// Word did not know their code page.
		enc2 := enc
		if enc2.name == "" {
			enc2 = runEnc{name: encSymbol}
		}
		w.lb.addByte(enc2, byte(r))
		return
	}
	if enc.name != encSymbol {
		if b, ok := cp1252Byte(r); ok {
			if enc.name == "" {
				enc = runEnc{name: encMaybe}
			}
			w.lb.addByte(enc, b)
			return
		}
	}
	w.lb.addRune(r)
}

// flushLine ends the current line, if any text is on it.
func (w *docWriter) flushLine() {
	if !w.lb.lastIs("\n") {
		w.lb.addString("\n")
	}
}

// Summary information property ids ([MS-OLEPS] 2.25, PIDSI_*) and the Meta
// keys they fill; Title goes to the title, CreateTime to published.
var summaryProps = map[uint32]string{
	0x02: "title", 0x03: "subject", 0x04: "author", 0x05: "keywords",
	0x06: "comment", 0x08: "last_author", 0x0C: "created", 0x0D: "modified",
}

// Property types of the summary information.
const (
	vtI2       = 0x02
	vtLPSTR    = 0x1E
	vtLPWSTR   = 0x1F
	vtFILETIME = 0x40
)

// summaryInfo reads the "\x05SummaryInformation" property set stream
// (mscfb names it without the \x05, kept in File.Initial):
// title, author, dates. Strings are 8-bit in the file's code page, which in
// Vietnamese files of the period hides TCVN3 or VNI bytes: they are decoded
// like text in an unnamed font. Damaged streams give what could be read.
func summaryInfo(b []byte) map[string]string {
	le := binary.LittleEndian
	out := map[string]string{}
	if len(b) < 48 || le.Uint16(b) != 0xFFFE {
		return out
	}
	off := le.Uint32(b[44:])
	set, ok := sub(b, off, 8)
	if !ok {
		return out
	}
	size, n := le.Uint32(set), le.Uint32(set[4:])
	set, ok = sub(b, off, size)
	if !ok || n > 1024 || 8+uint64(n)*8 > uint64(len(set)) {
		return out
	}
	codepage := 0
	type prop struct {
		key string
		typ uint32
		val []byte
	}
	var props []prop
	for i := uint32(0); i < n; i++ {
		id, po := le.Uint32(set[8+i*8:]), le.Uint32(set[12+i*8:])
		if uint64(po)+8 > uint64(len(set)) {
			continue
		}
		typ := le.Uint32(set[po:])
		val := set[po+4:]
		if id == 0x01 && typ == vtI2 {
			codepage = int(le.Uint16(val))
			continue
		}
		if key := summaryProps[id]; key != "" {
			props = append(props, prop{key, typ, val})
		}
	}
	for _, p := range props {
		switch p.typ {
		case vtLPSTR, vtLPWSTR:
			if len(p.val) < 4 {
				continue
			}
			cb := le.Uint32(p.val)
			if p.typ == vtLPWSTR {
				cb *= 2
			}
			s, ok := sub(p.val, 4, cb)
			if !ok {
				continue
			}
			var text string
			if i := bytes.IndexByte(s, 0); i >= 0 && p.typ == vtLPSTR && codepage != 1200 {
				s = s[:i]
			}
			switch {
			case p.typ == vtLPWSTR || codepage == 1200:
				text = utf16String(s)
			case codepage == 65001 && utf8.Valid(s):
				text = string(s) // Read repairs legacy mojibake in titles
			default:
				var lb legacyBuilder
				for _, c := range s {
					lb.addByte(runEnc{}, c)
				}
				text, _ = lb.text(codepageEncoding(codepage))
			}
			if text = strings.Join(strings.Fields(text), " "); text != "" {
				out[p.key] = text
			}
		case vtFILETIME:
			if len(p.val) < 8 {
				continue
			}
			if t := filetime(le.Uint64(p.val)); t != "" {
				out[p.key] = t
			}
		}
	}
	return out
}

// filetime formats a Windows FILETIME (100 ns since 1601) as ISO 8601 in
// UTC, or "" when it is not a plausible document date.
func filetime(ft uint64) string {
	const unixEpoch = 116444736000000000
	if ft < unixEpoch {
		return ""
	}
	t := time.Unix(int64((ft-unixEpoch)/10000000), 0).UTC()
	return isoTime(t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute())
}
