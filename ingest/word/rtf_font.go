package word

import (
	"vanban/ingest/vntext"
)

// runEnc is how the 8-bit text of a run decodes: the encoding of its
// font, and whether the font is a TCVN3 capital font (.VnTimeH,
// .VnArialH…), which draws every letter as a capital: TCVN3 has no codes
// for capital toned letters, so text in those fonts is typed in lowercase
// codes and must be upper-cased once decoded.
type runEnc struct {
	name  string
	upper bool
}

// fontRunEnc returns the runEnc of a font from its name and charset.
func fontRunEnc(name string, charset int) runEnc {
	enc := fontEncoding(name, charset)
	return runEnc{name: enc, upper: enc == encTCVN3 && isCapitalFont(name)}
}

// The legacy-font layer lives in vntext; these names are the readers'.
const (
	encTCVN3  = vntext.EncTCVN3
	encVNI    = vntext.EncVNI
	encVISCII = vntext.EncVISCII
	encVPS    = vntext.EncVPS
	encCP1258 = vntext.EncCP1258
	encCP1252 = vntext.EncCP1252
	encSymbol = vntext.EncSymbol
)

func isCapitalFont(name string) bool               { return vntext.CapitalFont(name) }
func fontEncoding(name string, charset int) string { return vntext.FontEncoding(name, charset) }
func codepageEncoding(cp int) string               { return vntext.CodepageEncoding(cp) }
func decodeLegacy(b []byte, enc string) string     { return vntext.DecodeLegacy(b, enc) }
func detectEncoding(b []byte) string               { return vntext.DetectEncoding(b) }

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
