package slides

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"

	"vanban/ingest/vntext"
)

// The PowerPoint 97-2003 (.ppt) reader. A .ppt is an OLE2 compound file
// whose "PowerPoint Document" stream is a tree of records (8-byte header:
// version and instance, type, length; version 0xF marks a container).
// The "Current User" stream points at the last UserEditAtom, whose chain
// of persist directories maps persist ids to stream offsets: the
// DocumentContainer there lists the slides in order
// (SlideListWithTextContainer: a SlidePersistAtom per slide, followed by
// the text of its placeholders), and each slide's own container holds
// the text of its other shapes (OfficeArt ClientTextbox records). Text is
// in TextCharsAtom (UTF-16LE) or TextBytesAtom (8-bit) records;
// StyleTextPropAtom gives the font of each character run, an index into
// the FontCollection. Reference: [MS-PPT], PowerPoint (.ppt) Binary File
// Format.

// Record types of [MS-PPT] used here.
const (
	rtDocument             = 0x03E8
	rtSlide                = 0x03EE
	rtNotes                = 0x03F0
	rtNotesAtom            = 0x03F1
	rtSlidePersistAtom     = 0x03F3
	rtEnvironment          = 0x03F2
	rtFontCollection       = 0x07D5
	rtOEPlaceholderAtom    = 0x0BC3
	rtOutlineTextRefAtom   = 0x0F9E
	rtTextHeaderAtom       = 0x0F9F
	rtTextCharsAtom        = 0x0FA0
	rtStyleTextPropAtom    = 0x0FA1
	rtTextBytesAtom        = 0x0FA8
	rtFontEntityAtom       = 0x0FB7
	rtSlideNumberMCAtom    = 0x0FD8
	rtSlideListWithText    = 0x0FF0
	rtUserEditAtom         = 0x0FF5
	rtDateTimeMCAtom       = 0x0FF7
	rtGenericDateMCAtom    = 0x0FF8
	rtFooterMCAtom         = 0x0FF9
	rtPersistDirectoryAtom = 0x1772
	rtCryptSession10       = 0x2F14
	rtOfficeArtSpContainer = 0xF004
	rtOfficeArtClientData  = 0xF011
	rtClientTextbox        = 0xF00D
)

// Limits of the .ppt reader.
const (
	pptMaxStream = 256 << 20 // bytes read from one stream
	pptMaxDepth  = 64        // nesting of containers
	pptMaxEdits  = 4096      // user edits followed
	pptMaxChars  = 64 << 20  // characters of text in all
)

// record is one record of the PowerPoint Document stream: its header and
// body (a sub-slice of the stream).
type record struct {
	typ      uint16
	instance uint16
	ver      uint8
	body     []byte
}

func (r record) container() bool { return r.ver == 0xF }

// readRecord reads the record at off; ok is false when its header does not
// fit. A body that runs past the end is cut at the end.
func readRecord(s []byte, off int) (record, int, bool) {
	if off < 0 || off+8 > len(s) {
		return record{}, 0, false
	}
	vi := binary.LittleEndian.Uint16(s[off:])
	r := record{ver: uint8(vi & 0xF), instance: vi >> 4, typ: binary.LittleEndian.Uint16(s[off+2:])}
	n := int(binary.LittleEndian.Uint32(s[off+4:]))
	end := off + 8 + n
	if n < 0 || end > len(s) || end < off {
		end = len(s)
	}
	r.body = s[off+8 : end]
	return r, end, true
}

// children returns the records of a container's body.
func children(body []byte) []record {
	var out []record
	for off := 0; off < len(body); {
		r, next, ok := readRecord(body, off)
		if !ok || next <= off {
			break
		}
		out = append(out, r)
		off = next
	}
	return out
}

// pptFile is an open presentation.
type pptFile struct {
	doc     []byte            // the PowerPoint Document stream
	persist map[uint32]uint32 // persist id -> stream offset
	fonts   []string          // font collection, by index
	encs    encCounter
	chars   int // characters decoded so far
	walked  int // bytes of containers walked so far (a slide listed many times is walked each time)
}

// ReadPPT reads a PowerPoint 97-2003 presentation (.ppt): the text of
// each slide in presentation order, then its notes. The 8-bit text of
// legacy Vietnamese fonts is decoded by the encoding of its font, or by
// detection, paragraph by paragraph.
func ReadPPT(data []byte) (deck Deck, err error) {
	defer func() {
		if r := recover(); r != nil {
			deck, err = Deck{}, fmt.Errorf("ppt: %w: reader crashed: %v", ErrCorrupt, r)
		}
	}()
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return Deck{}, fmt.Errorf("ppt: %w: not a readable OLE2 compound file: %w", ErrCorrupt, err)
	}
	streams := map[string]*mscfb.File{}
	for _, e := range r.File {
		if len(e.Path) == 0 && e.Size > 0 {
			if _, dup := streams[e.Name]; !dup {
				streams[e.Name] = e
			}
		}
	}
	main := streams["PowerPoint Document"]
	switch {
	case streams["EncryptedPackage"] != nil:
		return Deck{}, fmt.Errorf("ppt: %w: password-protected Office document", ErrEncrypted)
	case main == nil && streams["WordDocument"] != nil:
		return Deck{}, fmt.Errorf("ppt: %w: Word 97-2003 document, not a presentation", ErrUnsupported)
	case main == nil && (streams["Workbook"] != nil || streams["Book"] != nil):
		return Deck{}, fmt.Errorf("ppt: %w: Excel workbook, not a presentation", ErrUnsupported)
	case main == nil:
		return Deck{}, fmt.Errorf("ppt: %w: OLE2 file without a PowerPoint Document stream", ErrUnsupported)
	}
	doc, err := readStream(main, len(data))
	if err != nil {
		return Deck{}, fmt.Errorf("ppt: %w: %w", ErrCorrupt, err)
	}
	var current []byte
	if cu := streams["Current User"]; cu != nil {
		current, _ = readStream(cu, len(data))
	}
	if deck, err = readDocument(doc, current); err != nil {
		return Deck{}, err
	}
	if sf := streams["SummaryInformation"]; sf != nil && sf.Initial == 0x05 {
		if b, err := readStream(sf, len(data)); err == nil {
			summary(b, &deck)
		}
	}
	return deck, nil
}

// readDocument reads the slides of a PowerPoint Document stream, through
// the user edits the Current User stream points at.
func readDocument(doc, current []byte) (Deck, error) {
	var deck Deck
	f := &pptFile{doc: doc, encs: encCounter{}}
	docOff, err := f.readPersist(current)
	if err != nil {
		return Deck{}, err
	}
	if docOff < 0 {
		// No usable persist directory: read the text atoms in stream
		// order, masters left out.
		deck.Warnings = append(deck.Warnings, "ppt: no usable persist directory; slides read in stream order")
		deck.Slides = f.scanSlides()
	} else if deck.Slides, err = f.slides(uint32(docOff)); err != nil {
		return Deck{}, err
	}
	if f.chars > pptMaxChars {
		return Deck{}, fmt.Errorf("ppt: %w: more than %d characters of text", ErrTooLarge, pptMaxChars)
	}
	deck.Encoding = f.encs.Most()
	return deck, nil
}

// readStream reads a whole stream, bounded by pptMaxStream and the size of
// the file that holds it.
func readStream(f *mscfb.File, fileSize int) ([]byte, error) {
	n := f.Size
	if n > pptMaxStream || n > int64(fileSize) {
		return nil, fmt.Errorf("stream %s claims %d bytes in a %d-byte file", f.Name, n, fileSize)
	}
	buf := make([]byte, n)
	got, err := f.ReadAt(buf, 0)
	if err != nil && !errors.Is(err, io.EOF) && got == 0 {
		return nil, fmt.Errorf("read stream %s: %w", f.Name, err)
	}
	return buf[:got], nil
}

// readPersist follows the user edits from the Current User stream and
// fills the persist directory, newest entries first. It returns the offset
// of the DocumentContainer, or -1 when the edits cannot be followed.
func (f *pptFile) readPersist(current []byte) (int64, error) {
	le := binary.LittleEndian
	if len(current) < 20 {
		return -1, nil
	}
	switch le.Uint32(current[12:]) {
	case 0xF3D1C4DF:
		return 0, fmt.Errorf("ppt: %w: the presentation is password-protected", ErrEncrypted)
	case 0xE391C05F:
	default:
		return -1, nil
	}
	off := int(le.Uint32(current[16:]))
	f.persist = map[uint32]uint32{}
	docRef := int64(-1)
	seen := map[int]bool{}
	for i := 0; i < pptMaxEdits && off > 0 && !seen[off]; i++ {
		seen[off] = true
		r, _, ok := readRecord(f.doc, off)
		if !ok || r.typ != rtUserEditAtom || len(r.body) < 28 {
			break
		}
		if docRef < 0 {
			docRef = int64(le.Uint32(r.body[16:]))
			if len(r.body) >= 32 && le.Uint32(r.body[28:]) != 0 {
				return 0, fmt.Errorf("ppt: %w: the presentation is password-protected", ErrEncrypted)
			}
		}
		if pd, _, ok := readRecord(f.doc, int(le.Uint32(r.body[12:]))); ok && pd.typ == rtPersistDirectoryAtom {
			b := pd.body
			for len(b) >= 4 {
				h := le.Uint32(b)
				id, n := h&0xFFFFF, int(h>>20)
				b = b[4:]
				for k := 0; k < n && len(b) >= 4; k++ {
					if _, set := f.persist[id+uint32(k)]; !set {
						f.persist[id+uint32(k)] = le.Uint32(b)
					}
					b = b[4:]
				}
			}
		}
		off = int(le.Uint32(r.body[8:]))
	}
	if docRef < 0 {
		return -1, nil
	}
	o, ok := f.persist[uint32(docRef)]
	if !ok {
		return -1, nil
	}
	if r, _, ok := readRecord(f.doc, int(o)); !ok || r.typ != rtDocument {
		return -1, nil
	}
	return int64(o), nil
}

// slides reads the slides listed by the DocumentContainer at off.
func (f *pptFile) slides(off uint32) ([]string, error) {
	le := binary.LittleEndian
	doc, _, _ := readRecord(f.doc, int(off))
	var slideList, notesList []record
	for _, c := range children(doc.body) {
		switch {
		case c.typ == rtEnvironment:
			f.readFonts(c)
		case c.typ == rtSlideListWithText && c.instance == 0:
			slideList = children(c.body)
		case c.typ == rtSlideListWithText && c.instance == 2:
			notesList = children(c.body)
		}
	}
	// Notes by the slide id they belong to.
	notes := map[uint32]string{}
	for _, g := range groupPersist(notesList) {
		o, ok := f.persist[g.persistRef]
		if !ok {
			continue
		}
		nc, _, ok := readRecord(f.doc, int(o))
		if !ok || nc.typ != rtNotes {
			continue
		}
		var slideRef uint32
		for _, c := range children(nc.body) {
			if c.typ == rtNotesAtom && len(c.body) >= 4 {
				slideRef = le.Uint32(c.body)
			}
		}
		listed := map[string]bool{}
		lines := f.groupText(g.texts, nil, listed)
		lines = append(lines, f.drawingText(nc, 0, listed)...)
		notes[slideRef] = strings.Join(lines, "\n")
	}
	var out []string
	for i, g := range groupPersist(slideList) {
		if i >= maxSlides {
			break
		}
		listed := map[string]bool{}
		lines := f.groupText(g.texts, nil, listed)
		if o, ok := f.persist[g.persistRef]; ok {
			if sc, _, ok := readRecord(f.doc, int(o)); ok && sc.typ == rtSlide {
				lines = append(lines, f.drawingText(sc, 0, listed)...)
			}
		}
		if n := notes[g.slideID]; n != "" {
			lines = append(lines, n)
		}
		out = append(out, strings.Join(lines, "\n"))
		if f.chars > pptMaxChars {
			return nil, fmt.Errorf("ppt: %w: more than %d characters of text", ErrTooLarge, pptMaxChars)
		}
	}
	return out, nil
}

// persistGroup is one entry of a SlideListWithTextContainer: the
// SlidePersistAtom's references and the text records after it.
type persistGroup struct {
	persistRef, slideID uint32
	texts               []record
}

func groupPersist(list []record) []persistGroup {
	var out []persistGroup
	for _, r := range list {
		if r.typ == rtSlidePersistAtom {
			g := persistGroup{}
			if len(r.body) >= 16 {
				g.persistRef = binary.LittleEndian.Uint32(r.body)
				g.slideID = binary.LittleEndian.Uint32(r.body[12:])
			}
			out = append(out, g)
			continue
		}
		if len(out) > 0 {
			out[len(out)-1].texts = append(out[len(out)-1].texts, r)
		}
	}
	return out
}

// readFonts reads the FontCollection of the Environment container.
func (f *pptFile) readFonts(env record) {
	for _, c := range children(env.body) {
		if c.typ != rtFontCollection {
			continue
		}
		for _, fe := range children(c.body) {
			if fe.typ != rtFontEntityAtom || len(fe.body) < 64 {
				continue
			}
			u := make([]uint16, 0, 32)
			for i := 0; i+1 < 64; i += 2 {
				c := binary.LittleEndian.Uint16(fe.body[i:])
				if c == 0 {
					break
				}
				u = append(u, c)
			}
			f.fonts = append(f.fonts, string(utf16.Decode(u)))
		}
	}
}

// drawingText collects the text of the shapes of a slide or notes
// container (OfficeArt ClientTextbox records), leaving out date, footer
// and slide number placeholders and text atoms whose text is in listed
// (the slide list's text of the same slide: a writer that also stores a
// placeholder's text in its shape must not double it).
func (f *pptFile) drawingText(c record, depth int, listed map[string]bool) []string {
	var out []string
	f.walked += len(c.body)
	if depth > pptMaxDepth || f.walked > 8*len(f.doc)+(1<<20) {
		return nil
	}
	for _, k := range children(c.body) {
		if !k.container() {
			continue
		}
		if k.typ == rtOfficeArtSpContainer {
			out = append(out, f.shapeText(k, listed)...)
			continue
		}
		out = append(out, f.drawingText(k, depth+1, listed)...)
	}
	return out
}

// shapeText returns the text of one shape.
func (f *pptFile) shapeText(sp record, listed map[string]bool) []string {
	var texts []record
	chrome := false
	for _, k := range children(sp.body) {
		switch k.typ {
		case rtOfficeArtClientData:
			for _, d := range children(k.body) {
				if d.typ == rtOEPlaceholderAtom && len(d.body) >= 5 {
					switch d.body[4] {
					case 0x07, 0x08, 0x09, 0x0A: // date, slide number, footer, header
						chrome = true
					}
				}
			}
		case rtClientTextbox:
			for _, t := range children(k.body) {
				switch t.typ {
				case rtSlideNumberMCAtom, rtDateTimeMCAtom, rtGenericDateMCAtom, rtFooterMCAtom:
					chrome = chrome || onlyFieldText(k)
				}
			}
			texts = append(texts, children(k.body)...)
		case rtOfficeArtSpContainer:
			// a group's shapes are SpgrContainers of SpContainers; a lone
			// nested SpContainer is read the same way
			texts = append(texts, k)
		}
	}
	if chrome {
		return nil
	}
	return f.groupText(texts, listed, nil)
}

// onlyFieldText reports whether a text box holds nothing but field
// characters ("*" for a slide number) and blanks.
func onlyFieldText(box record) bool {
	for _, t := range children(box.body) {
		var s string
		switch t.typ {
		case rtTextCharsAtom:
			s = string(utf16.Decode(u16(t.body)))
		case rtTextBytesAtom:
			s = string(t.body)
		default:
			continue
		}
		if strings.Trim(s, "* \r\n\v\t") != "" {
			return false
		}
	}
	return true
}

// groupText decodes a sequence of text records: each TextCharsAtom or
// TextBytesAtom with the StyleTextPropAtom that follows it. Paragraphs
// become lines (blank ones dropped). An atom whose text is in skip is left
// out; the text of each atom read is added to record when it is not nil.
func (f *pptFile) groupText(recs []record, skip, record map[string]bool) []string {
	var out []string
	for i := 0; i < len(recs); i++ {
		r := recs[i]
		if r.typ != rtTextCharsAtom && r.typ != rtTextBytesAtom {
			continue
		}
		var style []byte
		for j := i + 1; j < len(recs); j++ {
			if recs[j].typ == rtStyleTextPropAtom {
				style = recs[j].body
				break
			}
			if recs[j].typ == rtTextCharsAtom || recs[j].typ == rtTextBytesAtom || recs[j].typ == rtTextHeaderAtom {
				break
			}
		}
		var lines []string
		for _, l := range f.decodeText(r, style) {
			if l = strings.TrimRight(l, " \t"); strings.TrimSpace(l) != "" {
				lines = append(lines, l)
			}
		}
		key := strings.Join(lines, "\n")
		if skip[key] {
			continue
		}
		if record != nil {
			record[key] = true
		}
		out = append(out, lines...)
	}
	return out
}

// decodeText returns the paragraphs of one text atom, each decoded by the
// font of its character runs.
func (f *pptFile) decodeText(r record, style []byte) []string {
	var units []uint16 // the text as UTF-16 code units (8-bit text widened)
	wide := r.typ == rtTextCharsAtom
	if wide {
		units = u16(r.body)
	} else {
		units = make([]uint16, len(r.body))
		for i, b := range r.body {
			units[i] = uint16(b)
		}
	}
	f.chars += len(units)
	runs := charRuns(style, len(units))
	var lines []string
	start := 0
	for i := 0; i <= len(units); i++ {
		if i < len(units) && units[i] != '\r' {
			continue
		}
		lines = append(lines, f.paragraph(units[start:i], start, runs, wide))
		start = i + 1
	}
	var out []string
	for _, l := range lines {
		out = append(out, strings.Split(l, "\n")...)
	}
	return out
}

// paragraph decodes one paragraph's code units (starting at index at of
// the atom) run by run.
func (f *pptFile) paragraph(units []uint16, at int, runs []cfRun, wide bool) string {
	var b strings.Builder
	for i := 0; i < len(units); {
		font, end := -1, len(units)
		for _, r := range runs {
			if at+i >= r.start && at+i < r.end {
				font = r.font
				end = min(r.end-at, len(units))
				break
			}
		}
		b.WriteString(f.run(units[i:end], font, wide))
		i = end
	}
	s := strings.NewReplacer("\v", "\n", "\x00", "").Replace(b.String())
	return s
}

// run decodes code units set in font (an index into the font collection,
// -1 when unknown).
func (f *pptFile) run(units []uint16, font int, wide bool) string {
	name := ""
	if font >= 0 && font < len(f.fonts) {
		name = f.fonts[font]
	}
	if wide {
		s := string(utf16.Decode(units))
		if name == "" {
			// The run inherits its font from the masters: a text that is
			// all Windows-1252 characters is tested for legacy bytes.
			if b, ok := cp1252Bytes(s); ok && !isASCII(b) {
				if enc := legacyName(vntext.DetectEncoding(b)); enc == vntext.EncTCVN3 || enc == vntext.EncVNI {
					f.encs.Add(enc)
					return vntext.DecodeLegacy(b, enc)
				}
			}
			return s
		}
		s, enc := fontText(s, name)
		f.encs.Add(enc)
		return s
	}
	bs := make([]byte, len(units))
	for i, u := range units {
		bs[i] = byte(u)
	}
	if isASCII(bs) {
		return string(bs)
	}
	enc := vntext.FontEncoding(name, -1)
	switch enc {
	case vntext.EncTCVN3, vntext.EncVNI, vntext.EncSymbol, vntext.EncVISCII, vntext.EncVPS:
	default:
		enc = vntext.DetectEncoding(bs)
	}
	f.encs.Add(legacyName(enc))
	out := vntext.DecodeLegacy(bs, enc)
	if enc == vntext.EncTCVN3 && vntext.CapitalFont(name) {
		out = strings.ToUpper(out)
	}
	return out
}

// legacyName keeps the Vietnamese legacy encodings for the tally.
func legacyName(enc string) string {
	switch enc {
	case vntext.EncTCVN3, vntext.EncVNI, vntext.EncVISCII, vntext.EncVPS:
		return enc
	}
	return ""
}

func u16(b []byte) []uint16 {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return u
}

// cfRun is a character run of a StyleTextPropAtom: code units
// [start, end) set in font (-1: the run names none).
type cfRun struct {
	start, end, font int
}

// charRuns reads the character runs of a StyleTextPropAtom for a text of
// n code units; nil when the atom cannot be read (the text is then
// decoded by detection).
func charRuns(b []byte, n int) []cfRun {
	if len(b) == 0 {
		return nil
	}
	le := binary.LittleEndian
	// Paragraph runs first: their sizes must be skipped to reach the
	// character runs.
	covered := 0
	for covered <= n {
		if len(b) < 10 {
			return nil
		}
		count := int(le.Uint32(b))
		mask := le.Uint32(b[6:])
		b = b[10:]
		var ok bool
		if b, ok = skipPF(b, mask); !ok || count <= 0 {
			return nil
		}
		covered += count
		if covered >= n+1 {
			break
		}
	}
	var runs []cfRun
	pos, font := 0, -1
	for pos <= n && len(b) >= 8 {
		count := int(le.Uint32(b))
		mask := le.Uint32(b[4:])
		b = b[8:]
		if count <= 0 {
			return nil
		}
		font = -1
		var ok bool
		if b, font, ok = readCF(b, mask); !ok {
			return nil
		}
		runs = append(runs, cfRun{pos, pos + count, font})
		pos += count
	}
	return runs
}

// skipPF skips the optional fields of a TextPFException by its masks.
func skipPF(b []byte, m uint32) ([]byte, bool) {
	size := 0
	bit := func(i uint) bool { return m&(1<<i) != 0 }
	if m&0xF != 0 {
		size += 2 // bulletFlags
	}
	for _, f := range []struct {
		bit  uint
		size int
	}{{7, 2}, {4, 2}, {6, 2}, {5, 4}, {11, 2}, {12, 2}, {13, 2}, {14, 2}, {8, 2}, {10, 2}, {15, 2}} {
		if bit(f.bit) {
			size += f.size
		}
	}
	if size > len(b) {
		return nil, false
	}
	b = b[size:]
	if bit(20) { // tabStops
		if len(b) < 2 {
			return nil, false
		}
		k := 2 + 4*int(binary.LittleEndian.Uint16(b))
		if k > len(b) {
			return nil, false
		}
		b = b[k:]
	}
	size = 0
	if bit(16) {
		size += 2 // fontAlign
	}
	if m&(7<<17) != 0 {
		size += 2 // wrapFlags
	}
	if bit(21) {
		size += 2 // textDirection
	}
	if size > len(b) {
		return nil, false
	}
	return b[size:], true
}

// readCF reads a TextCFException by its masks and returns the rest, the
// run's font reference (-1 when it sets none) and whether it fit.
func readCF(b []byte, m uint32) ([]byte, int, bool) {
	font := -1
	bit := func(i uint) bool { return m&(1<<i) != 0 }
	need := func(k int) bool { return len(b) >= k }
	if m&0x3EB7 != 0 { // fontStyle
		if !need(2) {
			return nil, -1, false
		}
		b = b[2:]
	}
	if bit(16) {
		if !need(2) {
			return nil, -1, false
		}
		font = int(binary.LittleEndian.Uint16(b))
		b = b[2:]
	}
	size := 0
	for _, f := range []struct {
		bit  uint
		size int
	}{{21, 2}, {22, 2}, {23, 2}, {17, 2}, {18, 4}, {19, 2}, {20, 4}, {24, 2}, {25, 2}, {26, 4}} {
		if bit(f.bit) {
			size += f.size
		}
	}
	if !need(size) {
		return nil, -1, false
	}
	return b[size:], font, true
}

// scanSlides reads every text atom of the stream in order, outside the
// master slides, when the persist directory cannot be used: a slide per
// SlideContainer, the slide list's text as the first page.
func (f *pptFile) scanSlides() []string {
	var pages []string
	var walk func(body []byte, depth int, lines *[]string)
	walk = func(body []byte, depth int, lines *[]string) {
		if depth > pptMaxDepth || f.chars > pptMaxChars {
			return
		}
		recs := children(body)
		for i, r := range recs {
			switch {
			case r.typ == rtEnvironment:
				f.readFonts(r)
			case r.typ == 0x03F8: // MainMaster: template text
			case r.typ == rtSlide || r.typ == rtNotes:
				var l []string
				walk(r.body, depth+1, &l)
				if len(l) > 0 {
					pages = append(pages, strings.Join(l, "\n"))
				}
			case r.container():
				walk(r.body, depth+1, lines)
			case r.typ == rtTextCharsAtom || r.typ == rtTextBytesAtom:
				*lines = append(*lines, f.groupText(recs[i:min(i+2, len(recs))], nil, nil)...)
			}
		}
	}
	var top []string
	walk(f.doc, 0, &top)
	if len(top) > 0 {
		pages = append([]string{strings.Join(top, "\n")}, pages...)
	}
	return pages
}

// summary reads title, author and creation time from the
// SummaryInformation property set (code page 1252 or UTF-16 strings).
func summary(b []byte, deck *Deck) {
	le := binary.LittleEndian
	if len(b) < 48 {
		return
	}
	off := int(le.Uint32(b[44:]))
	if off < 0 || off+8 > len(b) {
		return
	}
	sec := b[off:]
	n := int(le.Uint32(sec[4:]))
	codepage := 1252
	type prop struct{ id, off int }
	var props []prop
	for i := 0; i < n && i < 256 && 8+8*i+8 <= len(sec); i++ {
		props = append(props, prop{int(le.Uint32(sec[8+8*i:])), int(le.Uint32(sec[12+8*i:]))})
	}
	for _, p := range props {
		if p.id == 1 && p.off+6 <= len(sec) && le.Uint16(sec[p.off:]) == 2 {
			codepage = int(le.Uint16(sec[p.off+4:]))
		}
	}
	str := func(o int) string {
		if o < 0 || o+8 > len(sec) {
			return ""
		}
		typ := le.Uint32(sec[o:])
		k := int(le.Uint32(sec[o+4:]))
		if k <= 0 || k > 4096 {
			return ""
		}
		switch {
		case typ == 0x1E && codepage == 1200 && o+8+2*k <= len(sec):
			return strings.TrimRight(string(utf16.Decode(u16(sec[o+8:o+8+2*k]))), "\x00")
		case typ == 0x1E && o+8+k <= len(sec):
			raw := bytes.TrimRight(sec[o+8:o+8+k], "\x00")
			if isASCII(raw) || codepage == 65001 && utf8.Valid(raw) {
				return string(raw)
			}
			return vntext.DecodeLegacy(raw, vntext.EncCP1252)
		case typ == 0x1F && o+8+2*k <= len(sec):
			return strings.TrimRight(string(utf16.Decode(u16(sec[o+8:o+8+2*k]))), "\x00")
		}
		return ""
	}
	for _, p := range props {
		switch p.id {
		case 2:
			deck.Title = strings.TrimSpace(str(p.off))
		case 4:
			if a := strings.TrimSpace(str(p.off)); a != "" {
				if deck.Meta == nil {
					deck.Meta = map[string]string{}
				}
				deck.Meta["author"] = a
			}
		case 12: // create time, FILETIME
			if p.off+12 <= len(sec) && le.Uint32(sec[p.off:]) == 0x40 {
				ft := le.Uint64(sec[p.off+4:])
				if ft > 0 {
					deck.Published = filetimeISO(ft)
				}
			}
		}
	}
}

// filetimeISO formats a Windows FILETIME (100 ns since 1601) as an ISO
// date and time (UTC); "" outside 1900–2200.
func filetimeISO(ft uint64) string {
	const epochDiff = 11644473600 // seconds from 1601 to 1970
	t := time.Unix(int64(ft/10000000)-epochDiff, 0).UTC()
	if t.Year() < 1900 || t.Year() > 2200 {
		return ""
	}
	return t.Format("2006-01-02T15:04")
}
