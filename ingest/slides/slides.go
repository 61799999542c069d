package slides

import (
	"errors"
	"fmt"
	"strings"

	"vanban/ingest/vntext"
)

// Sentinel errors; the readers' errors wrap them.
var (
	// ErrTooLarge means a part inside the file exceeds a size limit.
	ErrTooLarge = errors.New("too large")
	// ErrUnsupported means the bytes are an Office file of another kind.
	ErrUnsupported = errors.New("unsupported")
	// ErrEncrypted means the file needs a password.
	ErrEncrypted = errors.New("encrypted")
	// ErrCorrupt means the file is a presentation but damaged beyond
	// reading.
	ErrCorrupt = errors.New("corrupt")
)

// Deck is what a reader makes of a presentation.
type Deck struct {
	// Slides holds the text of each slide in presentation order: its
	// text boxes and tables, then its speaker notes, lines separated by
	// "\n".
	Slides []string
	// Encoding is the legacy encoding most of the legacy text was decoded
	// from ("tcvn3", "vni"), or "" for Unicode.
	Encoding  string
	Title     string
	Published string // ISO date or datetime of creation
	Meta      map[string]string
	Warnings  []string
}

// encCounter tallies the legacy encodings text was decoded from.
type encCounter = vntext.EncCount

// fontText decodes the text of a run set in a legacy Vietnamese font
// (TCVN3, VNI) whose bytes were stored as Windows-1252 characters; other
// text is returned as is. The second result is the encoding used.
func fontText(s, font string) (string, string) {
	enc := vntext.FontEncoding(font, -1)
	if enc != vntext.EncTCVN3 && enc != vntext.EncVNI {
		return s, ""
	}
	b, ok := cp1252Bytes(s)
	if !ok {
		return s, "" // real Unicode letters: typed in Unicode after all
	}
	if isASCII(b) {
		return s, ""
	}
	out := vntext.DecodeLegacy(b, enc)
	if enc == vntext.EncTCVN3 && vntext.CapitalFont(font) {
		out = strings.ToUpper(out)
	}
	return out, enc
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// cp1252Bytes encodes s back to the 8-bit bytes it was shown from: code
// points below 256 as themselves and the Windows-1252 punctuation at
// 0x80-0x9F as their bytes. ok is false when s holds another character.
func cp1252Bytes(s string) ([]byte, bool) {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x100:
			b = append(b, byte(r))
		default:
			c, found := cp1252High[r]
			if !found {
				return nil, false
			}
			b = append(b, c)
		}
	}
	return b, true
}

// cp1252High maps the characters Windows-1252 has at 0x80-0x9F to their
// bytes.
var cp1252High = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88,
	'‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91, '’': 0x92, '“': 0x93,
	'”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B,
	'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// humanBytes formats n bytes for messages.
func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
