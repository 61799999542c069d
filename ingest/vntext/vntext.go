package vntext

import (
	"strings"
	"unicode"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Lookup returns the Encoding for a name, or nil when the name is unknown.
// Names are matched without case, spaces, '-' and '_': "tcvn3" (also
// "tcvn", "abc", "vn3", "tcvn5712"), "vni" ("vni-windows"), "viscii",
// "cp1258" ("windows-1258"), "utf-8", "utf-16le", "utf-16be", "utf-16"
// (BOM decides, big-endian without one), "cp1252" ("windows-1252") and
// "latin1" ("iso-8859-1"). The UTF-16 decoders drop a BOM.
func Lookup(name string) encoding.Encoding {
	n := strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', ' ', '.':
			return -1
		}
		return unicode.ToLower(r)
	}, name)
	switch n {
	case "tcvn3", "tcvn", "abc", "vn3", "tcvn5712", "tcvn57121", "vntime":
		return TCVN3
	case "vni", "vniwindows", "vnitimes":
		return VNI
	case "viscii":
		return VISCII
	case "cp1258", "windows1258":
		return CP1258
	case "utf8":
		return xunicode.UTF8
	case "utf16le":
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)
	case "utf16be":
		return xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM)
	case "utf16":
		return xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM)
	case "cp1252", "windows1252":
		return charmap.Windows1252
	case "latin1", "iso88591":
		return charmap.ISO8859_1
	}
	return nil
}
