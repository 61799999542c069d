package vntext

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// Encoding names of legacy 8-bit text, as FontEncoding returns them and
// DecodeLegacy takes them. "" means the font says nothing and the bytes are
// left to detection.
const (
	EncTCVN3  = "tcvn3"
	EncVNI    = "vni"
	EncVISCII = "viscii"
	EncVPS    = "vps"
	EncCP1258 = "cp1258"
	EncCP1252 = "cp1252"
	EncSymbol = "symbol"
)

// CapitalFont reports whether a TCVN3 font name is a capital ("H") font
// (.VnTimeH, .VnArial NarrowH): the family name, without the script suffix
// Windows adds (".VnTimeH Tur", ".VnTimeH CE"), ends in a capital H.
func CapitalFont(name string) bool {
	name = fontFamily(name)
	return len(name) > 4 && strings.HasSuffix(name, "H")
}

// fontFamily returns a font's family name without the script suffix
// Windows adds (".VnTimeH Tur") and without a trailing parenthesised tag
// that font packs append ("VnTimeH(Ds)").
func fontFamily(name string) string {
	name = strings.TrimSpace(name)
	for _, suffix := range fontScriptSuffixes {
		name = strings.TrimSuffix(name, suffix)
	}
	if strings.HasSuffix(name, ")") {
		if i := strings.LastIndexByte(name, '('); i > 0 {
			name = strings.TrimSpace(name[:i])
		}
	}
	return name
}

// fontScriptSuffixes are the names Windows appends to a font family for
// its other character sets.
var fontScriptSuffixes = []string{" Tur", " CE", " Cyr", " Greek", " Baltic", " (Vietnamese)"}

// FontEncoding returns the encoding of the 8-bit text set in a font, from
// its name and its Windows character set (RTF \fcharset, Word's FFN chs; -1
// when unknown). The name wins: Vietnamese legacy fonts are declared with
// the ANSI character set (0) or a Western one, and only their names tell
// TCVN3 from VNI. Family names are matched by pattern, without case, on
// the family without its script suffix or parenthesised tag:
//
//   - a name that says its encoding: "tcvn" anywhere is TCVN3
//     ("VNSTCVN3"), "vni" anywhere is VNI ("VNI-Times", "VNSVNI2",
//     "VNItimes");
//   - ".Vn…" (.VnTime, .VnArial NarrowH) is TCVN3, and so are the "Vn…"
//     families of the TCVN3 font packs that dropped the dot ("VnTimeH(Ds)",
//     "VnSouthern(Ds)");
//   - "VPS …" is VPS, "VI …" is VISCII;
//   - "SVN-…" and other names say nothing (the SVN families are Unicode).
func FontEncoding(name string, charset int) string {
	n := strings.ToLower(fontFamily(name))
	compact := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_', '.':
			return -1
		}
		return r
	}, n)
	switch {
	case strings.HasPrefix(n, ".vn"), strings.Contains(compact, "tcvn"):
		return EncTCVN3
	case strings.Contains(compact, "vni"):
		return EncVNI
	case len(compact) > 2 && strings.HasPrefix(compact, "vn") && compact[2] >= 'a' && compact[2] <= 'z':
		return EncTCVN3
	case strings.HasPrefix(n, "vps "):
		return EncVPS
	case strings.HasPrefix(n, "vi ") && len(n) > 3:
		return EncVISCII
	}
	switch charset {
	case 163:
		return EncCP1258
	case 2:
		return EncSymbol
	case 161:
		return "cp1253"
	case 162:
		return "cp1254"
	case 177:
		return "cp1255"
	case 178:
		return "cp1256"
	case 186:
		return "cp1257"
	case 204:
		return "cp1251"
	case 222:
		return "cp874"
	case 238:
		return "cp1250"
	}
	if strings.Contains(n, "symbol") || strings.Contains(n, "wingdings") || strings.Contains(n, "webdings") {
		return EncSymbol
	}
	return ""
}

// CodepageEncoding returns the encoding name of a Windows code page
// (RTF \ansicpgN, Word's FIB lid), or "" for code pages that say nothing
// useful about Vietnamese text (1252 and unknown ones).
func CodepageEncoding(cp int) string {
	switch cp {
	case 1258:
		return EncCP1258
	case 1250, 1251, 1253, 1254, 1255, 1256, 1257:
		return "cp" + itoaFont(cp)
	case 874:
		return "cp874"
	}
	return ""
}

func itoaFont(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// LookupEncoding returns the decoder for an encoding name: the Vietnamese
// ones from vntext, the Windows code pages from x/text.
func LookupEncoding(name string) encoding.Encoding {
	if name == "" {
		return nil
	}
	if e := Lookup(name); e != nil {
		return e
	}
	switch name {
	case EncCP1258:
		return charmap.Windows1258
	case EncCP1252:
		return charmap.Windows1252
	case "cp1250":
		return charmap.Windows1250
	case "cp1251":
		return charmap.Windows1251
	case "cp1253":
		return charmap.Windows1253
	case "cp1254":
		return charmap.Windows1254
	case "cp1255":
		return charmap.Windows1255
	case "cp1256":
		return charmap.Windows1256
	case "cp1257":
		return charmap.Windows1257
	case "cp874":
		return charmap.Windows874
	}
	return nil
}

// symbolChars maps the few Symbol/Wingdings code points that carry meaning
// in archive text (bullets, dashes, arrows); the other pictographs are
// dropped.
var symbolChars = map[byte]string{
	0x2D: "-", 0xB7: "•", 0xA7: "▪", 0xA8: "▪", 0x6C: "●", 0x6E: "■",
	0x71: "❑", 0xD8: "➢", 0xE0: "→", 0xAE: "→", 0xDE: "⇒", 0xFC: "✓",
	0xB1: "±", 0xB4: "×", 0xB8: "÷", 0xA3: "≤", 0xB3: "≥", 0xB9: "≠",
}

func isC1(c byte) bool { return c >= 0x80 && c < 0xA0 }

func hasC1(b []byte) bool {
	for _, c := range b {
		if isC1(c) {
			return true
		}
	}
	return false
}

func isASCIIBytes(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// DecodeLegacy decodes the bytes of one run set in a font of encoding enc
// ("" = unknown: detected by vntext). The result is valid UTF-8, not yet NFC.
func DecodeLegacy(b []byte, enc string) string {
	if len(b) == 0 {
		return ""
	}
	if enc == EncSymbol {
		var sb strings.Builder
		for _, c := range b {
			if s, ok := symbolChars[c]; ok {
				sb.WriteString(s)
			} else if c == ' ' || c == '\t' {
				sb.WriteByte(c)
			}
		}
		return sb.String()
	}
	if isASCIIBytes(b) && enc != EncVISCII && enc != EncVPS {
		return string(b)
	}
	if (enc == EncTCVN3 || enc == EncVNI) && hasC1(b) {
		// The legacy fonts keep Windows-1252 punctuation (… – — ‘ ’ “ ” •)
		// at 0x80–0x9F, which TCVN3 and VNI leave unused.
		var sb strings.Builder
		for len(b) > 0 {
			i := 0
			for i < len(b) && !isC1(b[i]) {
				i++
			}
			sb.WriteString(DecodeLegacy(b[:i], enc))
			j := i
			for j < len(b) && isC1(b[j]) {
				j++
			}
			sb.WriteString(DecodeLegacy(b[i:j], EncCP1252))
			b = b[j:]
		}
		return sb.String()
	}
	if e := LookupEncoding(enc); e != nil {
		if out, err := e.NewDecoder().Bytes(b); err == nil {
			return strings.ToValidUTF8(string(out), "\uFFFD")
		}
	}
	if enc == "" || LookupEncoding(enc) == nil {
		if s, _, _ := Decode(b); utf8.ValidString(s) {
			return s
		}
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}

// DetectEncoding names the legacy encoding of 8-bit text whose font says
// nothing, by vntext's detector; "" when the bytes are ASCII or the
// detector found only UTF-8/Western text.
func DetectEncoding(b []byte) string {
	if isASCIIBytes(b) {
		return ""
	}
	_, enc, _ := Decode(b)
	switch enc {
	case "", "utf-8", "ascii", "us-ascii":
		return ""
	}
	return enc
}

// EncCount tallies the legacy encodings a reader decoded text from (run by
// run, cell by cell), so that the document can report the one most of its
// text used.
type EncCount map[string]int

// Add counts one piece of text decoded from enc; "" (no legacy encoding)
// is not counted.
func (c EncCount) Add(enc string) {
	if enc != "" {
		c[enc]++
	}
}

// Most returns the encoding most text used, "" when none; a tie goes to
// the name first in order, so the answer does not depend on map order.
func (c EncCount) Most() string {
	best, n := "", 0
	for enc, k := range c {
		if k > n || (k == n && enc < best) {
			best, n = enc, k
		}
	}
	return best
}
