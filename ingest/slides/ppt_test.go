package slides

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"vanban/ingest/vntext"
)

// atom is a record with a body; ver 0xF makes it a container.
func atom(typ, instance uint16, body []byte) []byte {
	return rawRecord(0, typ, instance, body)
}

func container(typ, instance uint16, kids ...[]byte) []byte {
	var body []byte
	for _, k := range kids {
		body = append(body, k...)
	}
	return rawRecord(0xF, typ, instance, body)
}

func rawRecord(ver uint8, typ, instance uint16, body []byte) []byte {
	h := make([]byte, 8, 8+len(body))
	binary.LittleEndian.PutUint16(h, uint16(ver)|instance<<4)
	binary.LittleEndian.PutUint16(h[2:], typ)
	binary.LittleEndian.PutUint32(h[4:], uint32(len(body)))
	return append(h, body...)
}

func le32(vs ...uint32) []byte {
	b := make([]byte, 4*len(vs))
	for i, v := range vs {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

func le16(vs ...uint16) []byte {
	b := make([]byte, 2*len(vs))
	for i, v := range vs {
		binary.LittleEndian.PutUint16(b[2*i:], v)
	}
	return b
}

func chars(s string) []byte { return atom(rtTextCharsAtom, 0, le16(utf16.Encode([]rune(s))...)) }

func textBytes(b []byte) []byte { return atom(rtTextBytesAtom, 0, b) }

func fontEntity(name string) []byte {
	b := make([]byte, 68)
	copy(b, le16(utf16.Encode([]rune(name))...))
	return atom(rtFontEntityAtom, 0, b)
}

// styleProps is a StyleTextPropAtom of one paragraph run over n+1
// characters and the given character runs (count, font; font -1 for none).
func styleProps(n int, cf ...[2]int) []byte {
	b := append(le32(uint32(n+1)), le16(0)...)
	b = append(b, le32(1<<11)...) // textAlignment only
	b = append(b, le16(0)...)
	for _, r := range cf {
		b = append(b, le32(uint32(r[0]))...)
		if r[1] < 0 {
			b = append(b, le32(1<<17)...) // size only
			b = append(b, le16(18)...)
			continue
		}
		b = append(b, le32(1|1<<16|1<<17)...) // bold, font, size
		b = append(b, le16(1, uint16(r[1]), 18)...)
	}
	return atom(rtStyleTextPropAtom, 0, b)
}

// deckStream builds a PowerPoint Document stream: a DocumentContainer
// with the font collection and the slide list, the slides given (each a
// list of records for the slide list and a list of shapes' text boxes),
// a notes page for the first slide, the persist directory and the user
// edit; it returns the stream and a Current User stream pointing at it.
type testSlide struct {
	listed [][]byte // records after the SlidePersistAtom in the slide list
	boxes  [][]byte // ClientTextbox records' contents, one shape each
	chrome [][]byte // shapes that are slide-number placeholders
}

func deckStream(fonts []string, slides []testSlide, notes string) (doc, current []byte) {
	var fontRecs [][]byte
	for _, f := range fonts {
		fontRecs = append(fontRecs, fontEntity(f))
	}
	env := container(rtEnvironment, 0, container(rtFontCollection, 0, fontRecs...))
	shape := func(box []byte, ph byte) []byte {
		kids := [][]byte{}
		if ph != 0 {
			kids = append(kids, container(rtOfficeArtClientData, 0, atom(rtOEPlaceholderAtom, 0, append(le32(0), ph, 0, 0, 0))))
		}
		kids = append(kids, container(rtClientTextbox, 0, box))
		return container(rtOfficeArtSpContainer, 0, kids...)
	}
	// Persist ids: 1 document, 2.. slides, then the notes.
	var list [][]byte
	var bodies [][]byte
	for i, s := range slides {
		list = append(list, atom(rtSlidePersistAtom, 0, le32(uint32(2+i), 0, 0, uint32(256+i), 0)))
		list = append(list, s.listed...)
		var shapes [][]byte
		for _, b := range s.boxes {
			shapes = append(shapes, shape(b, 0))
		}
		for _, b := range s.chrome {
			shapes = append(shapes, shape(b, 0x08))
		}
		drawing := container(0xF002, 0, container(0xF003, 0, shapes...))
		bodies = append(bodies, container(rtSlide, 0, atom(0x03EF, 0, make([]byte, 24)), container(0x040C, 0, drawing)))
	}
	notesID := uint32(2 + len(slides))
	notesList := container(rtSlideListWithText, 2, atom(rtSlidePersistAtom, 0, le32(notesID, 0, 0, 300, 0)))
	notesBody := container(rtNotes, 0, atom(rtNotesAtom, 0, le32(256, 0)), container(0x040C, 0, container(0xF002, 0, container(0xF003, 0,
		shape(append(atom(rtTextHeaderAtom, 0, le32(2)), chars(notes)...), 0)))))
	document := container(rtDocument, 0, atom(0x03E9, 0, make([]byte, 40)), env, container(rtSlideListWithText, 0, list...), notesList)

	offsets := []uint32{0}
	doc = append(doc, document...)
	for _, b := range bodies {
		offsets = append(offsets, uint32(len(doc)))
		doc = append(doc, b...)
	}
	offsets = append(offsets, uint32(len(doc)))
	doc = append(doc, notesBody...)
	pdOff := uint32(len(doc))
	pd := le32(uint32(len(offsets))<<20 | 1)
	pd = append(pd, le32(offsets...)...)
	doc = append(doc, atom(rtPersistDirectoryAtom, 0, pd)...)
	ueOff := uint32(len(doc))
	doc = append(doc, atom(rtUserEditAtom, 0, append(le32(256, 0, 0, pdOff, 1, notesID+1), 1, 0, 0, 0))...)
	current = append(atom(0x0FF6, 0, le32(0x14, 0xE391C05F, ueOff, 0)), make([]byte, 8)...)
	return doc, current
}

func TestReadDocument(t *testing.T) {
	vni := func(s string) []byte {
		b, err := vntext.LookupEncoding("vni").NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tcvn := func(s string) []byte {
		b, err := vntext.LookupEncoding("tcvn3").NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	fonts := []string{"Times New Roman", "VNI-Times", ".VnTimeH", ".VnTime"}
	title := "NGHỊ QUYẾT"
	body := "Mục tiêu đến năm 2026\rTỷ lệ hộ nghèo 1,5%"
	slides := []testSlide{
		{
			// Placeholder text in the slide list: a TCVN3 capitals title
			// and VNI body text, by the fonts of their runs.
			listed: [][]byte{
				atom(rtTextHeaderAtom, 0, le32(0)), textBytes(tcvn(strings.ToLower(title))), styleProps(len([]rune(title)), [2]int{len([]rune(title)) + 1, 2}),
				atom(rtTextHeaderAtom, 0, le32(1)), textBytes(vni(body)), styleProps(len(vni(body)), [2]int{len(vni(body)) + 1, 1}),
			},
			// A text box of the slide itself, in Unicode; a slide number.
			// A shape repeating a listed text is not doubled; a line
			// repeated within a text is kept.
			boxes: [][]byte{
				append(atom(rtTextHeaderAtom, 0, le32(4)), chars("Đảng ủy xã An Bình\vnăm 2024")...),
				append(atom(rtTextHeaderAtom, 0, le32(0)), chars(title)...),
				chars("Lặp\rLặp"),
			},
			chrome: [][]byte{append(append(atom(rtTextHeaderAtom, 0, le32(4)), chars("*")...), atom(rtSlideNumberMCAtom, 0, le32(0))...)},
		},
		{
			// No font in the runs: the 8-bit text is detected; UTF-16 text
			// that is VNI bytes read as Windows-1252 too.
			listed: [][]byte{atom(rtTextHeaderAtom, 0, le32(1)), textBytes(vni("Giảm tỷ lệ hộ nghèo xuống dưới 1,5%")), styleProps(10, [2]int{11, -1})},
			boxes:  [][]byte{append(atom(rtTextHeaderAtom, 0, le32(4)), chars("Thu nhaäp bình quaân ñaàu ngöôøi")...)},
		},
	}
	doc, current := deckStream(fonts, slides, "Ghi chú của báo cáo viên")
	d, err := readDocument(doc, current)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"NGHỊ QUYẾT\nMục tiêu đến năm 2026\nTỷ lệ hộ nghèo 1,5%\nĐảng ủy xã An Bình\nnăm 2024\nLặp\nLặp\nGhi chú của báo cáo viên",
		"Giảm tỷ lệ hộ nghèo xuống dưới 1,5%\nThu nhập bình quân đầu người",
	}
	if len(d.Slides) != len(want) {
		t.Fatalf("readDocument = %d slides %q; want %d", len(d.Slides), d.Slides, len(want))
	}
	for i := range want {
		if d.Slides[i] != want[i] {
			t.Errorf("slide %d = %q; want %q", i+1, d.Slides[i], want[i])
		}
	}
	if d.Encoding != "vni" || len(d.Warnings) != 0 {
		t.Errorf("readDocument encoding %q, warnings %q; want vni and none", d.Encoding, d.Warnings)
	}

	// Without the Current User stream the atoms are read in stream order.
	d, err = readDocument(doc, nil)
	if err != nil || len(d.Warnings) != 1 || !strings.Contains(strings.Join(d.Slides, "\n"), "Thu nhập bình quân đầu người") {
		t.Errorf("readDocument without Current User = %q, %q, %v; want the text in stream order and a warning", d.Slides, d.Warnings, err)
	}

	// An encrypted presentation says so.
	enc := append([]byte(nil), current...)
	binary.LittleEndian.PutUint32(enc[12:], 0xF3D1C4DF)
	if _, err := readDocument(doc, enc); !errors.Is(err, ErrEncrypted) {
		t.Errorf("readDocument with the encrypted token: error %v; want ErrEncrypted", err)
	}
}

func TestCharRuns(t *testing.T) {
	tabs := func() []byte {
		// one paragraph run with tab stops and wrap flags, then two
		// character runs: the first with colour and position, the second
		// with the font.
		b := append(le32(11), le16(0)...)
		b = append(b, le32(1<<20|1<<18|1<<7|1)...)
		b = append(b, le16(1, '-')...)        // bulletFlags, bulletChar
		b = append(b, le16(2, 0, 0, 0, 0)...) // two tab stops
		b = append(b, le16(0)...)             // wrapFlags
		b = append(b, le32(4, 1<<18|1<<19)...)
		b = append(b, le32(0xFF)...)
		b = append(b, le16(0)...)
		b = append(b, le32(7, 1<<16)...)
		b = append(b, le16(3)...)
		return b
	}
	tests := []struct {
		name string
		b    []byte
		n    int
		want []cfRun
	}{
		{"empty", nil, 5, nil},
		{"one run", styleProps(4, [2]int{5, 2})[8:], 4, []cfRun{{0, 5, 2}}},
		{"no font", styleProps(4, [2]int{5, -1})[8:], 4, []cfRun{{0, 5, -1}}},
		{"tabs and colours", tabs(), 10, []cfRun{{0, 4, -1}, {4, 11, 3}}},
		{"truncated", styleProps(4, [2]int{5, 2})[8:20], 4, nil},
	}
	for _, tt := range tests {
		got := charRuns(tt.b, tt.n)
		if len(got) != len(tt.want) {
			t.Errorf("%s: charRuns = %v; want %v", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: charRuns = %v; want %v", tt.name, got, tt.want)
				break
			}
		}
	}
}

func TestReadPPTErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		err  error
	}{
		{"not OLE2", []byte("not a compound file at all, just text"), ErrCorrupt},
		{"truncated OLE2", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), ErrCorrupt},
	}
	doc, err := os.ReadFile(filepath.Join("..", "word", "testdata", "legacy", "sample.doc"))
	if err != nil {
		t.Fatal(err)
	}
	tests = append(tests, struct {
		name string
		data []byte
		err  error
	}{"a Word document", doc, ErrUnsupported})
	for _, tt := range tests {
		if _, err := ReadPPT(tt.data); !errors.Is(err, tt.err) {
			t.Errorf("%s: ReadPPT error = %v; want %v", tt.name, err, tt.err)
		}
	}
}

func TestFiletimeISO(t *testing.T) {
	tests := []struct {
		ft   uint64
		want string
	}{
		{133549344000000000, "2024-03-15T00:00"}, {133549632000000000, "2024-03-15T08:00"},
		{0, ""},
	}
	for _, tt := range tests {
		if got := filetimeISO(tt.ft); got != tt.want {
			t.Errorf("filetimeISO(%d) = %q; want %q", tt.ft, got, tt.want)
		}
	}
}
