package pdf

import (
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/charmap"

	"vanban/internal/lazyregexp"
)

// pdfFont decodes the strings a content stream shows with one font: it
// splits them into character codes, maps each code to text and knows each
// code's advance width. It is built once per font object and shared by every
// page that uses the font (keyed by object identity, never by resource name:
// the same name means different fonts on different pages).
type pdfFont struct {
	codeLen   [4][]codeRange // codespace ranges by byte length (1..4); empty: 1 byte
	toUnicode map[uint32]string
	byteText  *[256]string // simple fonts: text of each code from /Encoding
	widths    map[uint32]float64
	defWidth  float64 // width of codes absent from widths, in glyph units
	scale     float64 // glyph units to text space (0.001, or Type3 FontMatrix)
	simple    bool    // one byte per code; Tw applies to code 32
	unmapped  int     // codes with no Unicode mapping seen so far
}

// codeRange is one codespace range of a CMap: codes of n bytes between lo
// and hi (inclusive).
type codeRange struct{ lo, hi uint32 }

// objKey returns an identity for an indirect PDF object (its object and
// generation numbers) and whether v came from one. ledongthuc/pdf keeps the
// reference unexported, so this reads it by reflection; if the library's
// layout ever changes, ok is false and callers fall back to caps.
func objKey(v pdf.Value) (key uint64, ok bool) {
	defer func() {
		if recover() != nil {
			key, ok = 0, false
		}
	}()
	f := reflect.ValueOf(v).FieldByName("ptr")
	if !f.IsValid() || f.Kind() != reflect.Struct || f.NumField() != 2 {
		return 0, false
	}
	id, gen := f.Field(0), f.Field(1)
	if !id.CanUint() || !gen.CanUint() || id.Uint() == 0 {
		return 0, false
	}
	return id.Uint()<<16 | gen.Uint(), true
}

// newPDFFont reads the font dictionary v.
func newPDFFont(v pdf.Value) *pdfFont {
	f := &pdfFont{scale: 0.001, defWidth: 0}
	subtype := v.Key("Subtype").Name()
	if subtype == "Type0" {
		f.simple = false
		f.codeLen[1] = []codeRange{{0, 0xFFFF}}
		if enc := v.Key("Encoding"); enc.Kind() == pdf.Stream {
			if m := parseCMap(enc, v); m.hasSpace() {
				f.codeLen = m.space
			}
		}
		desc := v.Key("DescendantFonts").Index(0)
		f.defWidth = 1000
		if dw := desc.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.defWidth = dw.Float64()
		}
		f.widths = cidWidths(desc.Key("W"))
	} else {
		f.simple = true
		f.codeLen[0] = []codeRange{{0, 0xFF}}
		first := v.Key("FirstChar").Int64()
		ws := v.Key("Widths")
		n := ws.Len()
		if n > 65536 {
			n = 65536
		}
		f.widths = make(map[uint32]float64, n)
		for i := 0; i < n; i++ {
			f.widths[uint32(first)+uint32(i)] = ws.Index(i).Float64()
		}
		if mw := v.Key("FontDescriptor").Key("MissingWidth"); mw.Kind() == pdf.Integer || mw.Kind() == pdf.Real {
			f.defWidth = mw.Float64()
		}
		if subtype == "Type3" {
			if fm := v.Key("FontMatrix"); fm.Len() == 6 && fm.Index(0).Float64() != 0 {
				f.scale = fm.Index(0).Float64()
			}
		}
		if n == 0 {
			f.defWidth = 500 // standard 14 fonts carry no widths: a rough average
		}
		f.byteText = simpleEncoding(v)
	}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		if m := parseCMap(tu, v); len(m.bf) > 0 {
			f.toUnicode = m.bf
		}
	}
	return f
}

// glyphNameRE matches glyph names that spell their Unicode value:
// "uni1EA1", "uni00430301" (several code units), "u1EA1".
var glyphNameRE = lazyregexp.New(`^(?:uni((?:[0-9A-F]{4})+)|u([0-9A-F]{4,6}))$`)

// simpleEncoding returns the text of each byte code of a simple font: the
// library's decoding of /Encoding (WinAnsi, MacRoman, Differences with
// standard glyph names; cp1252 for a TrueType font without one), with
// Differences names of the uniXXXX and uXXXX
// forms, which the library does not know, decoded here. The table is
// built once per font: the library's Differences lookup is linear per byte.
func simpleEncoding(v pdf.Value) *[256]string {
	var tab [256]string
	if v.Key("Encoding").Kind() == pdf.Null && v.Key("Subtype").Name() == "TrueType" {
		// A TrueType font with no encoding and no ToUnicode: its codes
		// are those of the Windows code page the text was typed in (for
		// legacy Vietnamese fonts, TCVN3 or VNI bytes, which Read's
		// mojibake repair expects as cp1252 characters). The library
		// would use PDFDocEncoding, which turns “ ” – … into fi, fl,
		// and the like.
		for i := range tab {
			tab[i] = cleanRune(charmap.Windows1252.DecodeByte(byte(i)))
		}
	} else {
		lf := pdf.Font{V: v}
		enc := lf.Encoder()
		for i := range tab {
			tab[i] = cleanText(enc.Decode(string([]byte{byte(i)})))
		}
	}
	diffs := v.Key("Encoding").Key("Differences")
	code := -1
	for i := 0; i < diffs.Len() && i < 1024; i++ {
		d := diffs.Index(i)
		switch d.Kind() {
		case pdf.Integer:
			code = int(d.Int64())
		case pdf.Name:
			if code >= 0 && code < 256 {
				if s, ok := glyphNameText(d.Name()); ok {
					tab[code] = s
				}
			}
			code++
		}
	}
	return &tab
}

// glyphNameText decodes a uniXXXX or uXXXX glyph name.
func glyphNameText(name string) (string, bool) {
	m := glyphNameRE.FindStringSubmatch(name)
	if m == nil {
		return "", false
	}
	if m[2] != "" {
		r, err := strconv.ParseUint(m[2], 16, 32)
		if err != nil || !utf8.ValidRune(rune(r)) {
			return "", false
		}
		return cleanRune(rune(r)), true
	}
	var u []uint16
	for i := 0; i+4 <= len(m[1]); i += 4 {
		x, _ := strconv.ParseUint(m[1][i:i+4], 16, 16)
		u = append(u, uint16(x))
	}
	var b strings.Builder
	for _, r := range utf16.Decode(u) {
		b.WriteString(cleanRune(r))
	}
	return b.String(), true
}

// cidWidths reads a CIDFont /W array: [c [w1 w2 ...]] and [cfirst clast w].
func cidWidths(w pdf.Value) map[uint32]float64 {
	m := make(map[uint32]float64)
	n := w.Len()
	for i := 0; i < n; {
		c := w.Index(i)
		if c.Kind() != pdf.Integer {
			break
		}
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			start := uint32(c.Int64())
			for j := 0; j < next.Len() && j < 65536; j++ {
				m[start+uint32(j)] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		last := w.Index(i + 2)
		lo, hi := c.Int64(), next.Int64()
		if hi-lo > 65536 || hi < lo {
			hi = lo
		}
		width := last.Float64()
		for k := lo; k <= hi; k++ {
			m[uint32(k)] = width
		}
		i += 3
	}
	return m
}

// glyph is one decoded character code.
type glyph struct {
	text  string
	width float64 // in text space units per unit font size
	space bool    // single-byte code 32 (word spacing applies)
}

// decode splits raw into codes and returns their text and widths.
func (f *pdfFont) decode(raw string, out []glyph) []glyph {
	for len(raw) > 0 {
		code, n := f.nextCode(raw)
		raw = raw[n:]
		g := glyph{space: f.simple && n == 1 && code == 32}
		if w, ok := f.widths[code]; ok {
			g.width = w * f.scale
		} else {
			g.width = f.defWidth * f.scale
		}
		if s, ok := f.toUnicode[code]; ok {
			g.text = s
		} else if f.byteText != nil && n == 1 {
			g.text = f.byteText[code]
		} else {
			f.unmapped++
			g.text = ""
		}
		out = append(out, g)
	}
	return out
}

// nextCode returns the first code of raw and its length in bytes, using
// the font's codespace ranges (the shortest matching length wins, as the
// PDF spec says).
func (f *pdfFont) nextCode(raw string) (uint32, int) {
	for n := 1; n <= 4 && n <= len(raw); n++ {
		if len(f.codeLen[n-1]) == 0 {
			continue
		}
		c := beUint(raw[:n])
		for _, r := range f.codeLen[n-1] {
			if r.lo <= c && c <= r.hi {
				return c, n
			}
		}
	}
	// No range matches: take the length of the first non-empty class.
	for n := 1; n <= 4; n++ {
		if len(f.codeLen[n-1]) > 0 {
			if n > len(raw) {
				n = len(raw)
			}
			return beUint(raw[:n]), n
		}
	}
	return uint32(raw[0]), 1
}

func beUint(s string) uint32 {
	var c uint32
	for i := 0; i < len(s); i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

// cmapData is what parseCMap reads from a CMap stream.
type cmapData struct {
	space [4][]codeRange
	bf    map[uint32]string
}

func (m *cmapData) hasSpace() bool {
	for _, s := range m.space {
		if len(s) > 0 {
			return true
		}
	}
	return false
}

// maxCMapEntries bounds what one ToUnicode map may hold, so that a hostile
// bfrange cannot allocate without limit.
const maxCMapEntries = 1 << 17

// parseCMap reads codespace ranges and bfchar/bfrange mappings from a CMap
// stream. A malformed CMap gives what was read before the damage. scratch
// must be a dictionary: the CMap's "findresource ... begin" prologue needs
// one on the stack, and the library offers no way to make one.
func parseCMap(v, scratch pdf.Value) *cmapData {
	m := &cmapData{bf: make(map[uint32]string)}
	defer func() {
		_ = recover() // keep what was read before the damage
	}()
	_ = interpret(v, func(stk *pdf.Stack, op string) {
		switch op {
		case "findresource":
			popAll(stk)
			stk.Push(scratch)
		case "begincodespacerange", "beginbfchar", "beginbfrange":
			popAll(stk)
		case "endcodespacerange":
			args := popAll(stk)
			for i := 0; i+1 < len(args); i += 2 {
				lo, hi := args[i].RawString(), args[i+1].RawString()
				n := len(lo)
				if n < 1 || n > 4 || len(hi) != n {
					continue
				}
				m.space[n-1] = append(m.space[n-1], codeRange{beUint(lo), beUint(hi)})
			}
		case "endbfchar":
			args := popAll(stk)
			for i := 0; i+1 < len(args); i += 2 {
				src := args[i].RawString()
				if len(src) < 1 || len(src) > 4 || len(m.bf) >= maxCMapEntries {
					continue
				}
				m.bf[beUint(src)] = cmapText(args[i+1])
			}
		case "endbfrange":
			args := popAll(stk)
			for i := 0; i+2 < len(args); i += 3 {
				lo, hi := args[i].RawString(), args[i+1].RawString()
				if len(lo) < 1 || len(lo) > 4 || len(hi) != len(lo) {
					continue
				}
				a, b := beUint(lo), beUint(hi)
				if b < a || b-a > 0xFFFF {
					continue
				}
				dst := args[i+2]
				for c := a; c <= b && len(m.bf) < maxCMapEntries; c++ {
					switch dst.Kind() {
					case pdf.Array:
						m.bf[c] = cmapText(dst.Index(int(c - a)))
					case pdf.String:
						m.bf[c] = offsetUTF16(dst.RawString(), c-a)
					}
				}
			}
		default:
			popAll(stk)
		}
	})
	return m
}

func popAll(stk *pdf.Stack) []pdf.Value {
	n := stk.Len()
	args := make([]pdf.Value, n)
	for i := n - 1; i >= 0; i-- {
		args[i] = stk.Pop()
	}
	return args
}

// cmapText decodes a bfchar destination (UTF-16BE bytes, or a name).
func cmapText(v pdf.Value) string {
	if v.Kind() == pdf.Name {
		return v.Name()
	}
	return utf16BE(v.RawString())
}

// offsetUTF16 adds d to the last UTF-16 unit of the big-endian string s,
// as a bfrange with a string destination requires.
func offsetUTF16(s string, d uint32) string {
	if len(s) < 2 || len(s)%2 != 0 {
		return utf16BE(s)
	}
	b := []byte(s)
	last := uint32(b[len(b)-2])<<8 | uint32(b[len(b)-1])
	last += d
	b[len(b)-2], b[len(b)-1] = byte(last>>8), byte(last)
	return utf16BE(string(b))
}

// utf16BE decodes big-endian UTF-16, dropping control characters and
// anything that does not decode.
func utf16BE(s string) string {
	if len(s) == 1 {
		return cleanRune(rune(s[0]))
	}
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	var b strings.Builder
	for _, r := range utf16.Decode(u) {
		b.WriteString(cleanRune(r))
	}
	return b.String()
}

// cleanRune drops control characters and invalid runes, mapping the
// layout characters PDFs use for spacing to a plain space.
func cleanRune(r rune) string {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == 0xA0:
		return " "
	case r < 0x20 || r == 0x7F || r == utf8.RuneError || (r >= 0x80 && r < 0xA0):
		return ""
	}
	return string(r)
}
