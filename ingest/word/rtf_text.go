package word

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"vanban/ingest/vntext"
)

// encMaybe tags Unicode characters of U+0000–U+00FF (and the cp1252
// punctuation), stored as their cp1252 bytes, from text whose font says
// nothing: Word keeps TCVN3 and VNI text typed in an unnamed font as the
// Latin-1 look-alikes of its bytes. They decode as cp1252 (giving back the
// characters) unless a legacy decoding of their paragraph scores better.
const encMaybe = "maybe-unicode"

// detectSample is how many bytes of text in unnamed fonts the document-level
// detection looks at.
const detectSample = 32 << 10

// cellSep separates the cells of a table row on its line, as the DOCX
// reader writes them.
const cellSep = " | "

// legacyBuilder collects the text of a legacy document (RTF, Word 97) as it
// is parsed: Unicode text where the file gives Unicode, and 8-bit bytes
// tagged with the encoding of the font they were set in, kept raw until the
// end so that a run's bytes decode together (VNI letters take two bytes)
// and so that text whose font says nothing can be detected as a whole.
type legacyBuilder struct {
	segs []legacySeg
	size int
}

type legacySeg struct {
	raw   bool   // raw bytes in enc, or Unicode text
	enc   runEnc // encoding of raw bytes; name "" = detect
	bytes []byte // raw bytes, or the UTF-8 text
}

// addByte appends one 8-bit character set in a font of encoding enc.
func (lb *legacyBuilder) addByte(enc runEnc, c byte) {
	lb.size++
	if n := len(lb.segs); n > 0 && lb.segs[n-1].raw && lb.segs[n-1].enc == enc {
		lb.segs[n-1].bytes = append(lb.segs[n-1].bytes, c)
		return
	}
	lb.segs = append(lb.segs, legacySeg{raw: true, enc: enc, bytes: []byte{c}})
}

// addString appends Unicode text.
func (lb *legacyBuilder) addString(s string) {
	if s == "" {
		return
	}
	lb.size += len(s)
	if n := len(lb.segs); n > 0 && !lb.segs[n-1].raw {
		lb.segs[n-1].bytes = append(lb.segs[n-1].bytes, s...)
		return
	}
	lb.segs = append(lb.segs, legacySeg{bytes: []byte(s)})
}

// addRune appends one Unicode character; invalid ones become U+FFFD.
func (lb *legacyBuilder) addRune(r rune) {
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	lb.addString(string(r))
}

// lastIs reports whether the text so far ends with s (looking only at the
// last segment).
func (lb *legacyBuilder) lastIs(s string) bool {
	n := len(lb.segs)
	return n > 0 && !lb.segs[n-1].raw && bytes.HasSuffix(lb.segs[n-1].bytes, []byte(s))
}

// trimLast removes s from the end of the text if it is there.
func (lb *legacyBuilder) trimLast(s string) {
	if lb.lastIs(s) {
		seg := &lb.segs[len(lb.segs)-1]
		seg.bytes = seg.bytes[:len(seg.bytes)-len(s)]
		lb.size -= len(s)
	}
}

// text decodes the collected runs. Raw bytes whose font said nothing are
// detected together (vntext scores the candidate decodings); when the
// detector finds nothing, fallback (a code page the file declares, or
// cp1252) applies. It returns the text and the legacy encoding that covered
// most of the non-ASCII bytes ("" if none did).
//
// Text whose font says nothing: detect the document's encoding from all of
// it, then let each paragraph that another encoding decodes clearly better
// use that one (a document can mix TCVN3 and VNI). Unicode text that may be
// legacy bytes in disguise (encMaybe) stays as it is unless a legacy
// decoding of its paragraph scores strictly better.
func (lb *legacyBuilder) text(fallback string) (string, string) {
	para, unknown, pools := lb.pools()
	detected := detectEncoding(sampleOf(unknown))
	if detected == "" {
		detected = fallback
	}
	if detected == "" {
		detected = encCP1252
	}
	var paraEnc [4][]string
	for k, def := range []string{detected, encCP1252, encTCVN3, encVNI} {
		paraEnc[k] = make([]string, len(pools[k]))
		for i, b := range pools[k] {
			paraEnc[k][i] = def
			switch {
			case len(b) == 0 || def == encSymbol:
			case k >= 2:
				paraEnc[k][i] = clearlyBetterEncoding(b, def)
			default:
				paraEnc[k][i] = bestEncoding(b, def)
			}
		}
	}
	weight := map[string]int{}
	var spans []capSpan
	var sb strings.Builder
	sb.Grow(lb.size)
	for i, s := range lb.segs {
		if !s.raw {
			sb.Write(s.bytes)
			continue
		}
		enc := segEncoding(s, para[i], detected, &paraEnc)
		if !isASCII(s.bytes) && enc != encSymbol && !(s.enc.name == encMaybe && enc == encCP1252) {
			for _, c := range s.bytes {
				if c >= 0x80 {
					weight[enc]++
				}
			}
		}
		var text string
		if (s.enc.name == "" || s.enc.name == encMaybe) && (enc == encTCVN3 || enc == encVNI) {
			text = decodeByWord(s.bytes, enc)
		} else {
			text = decodeLegacy(s.bytes, enc)
		}
		if enc == encTCVN3 {
			spans = append(spans, capSpan{start: sb.Len(), end: sb.Len() + len(text), capFont: s.enc.upper})
		}
		sb.WriteString(text)
	}
	out := sb.String()
	if len(spans) > 0 {
		out = fixTCVN3Case(out, spans)
	}
	best, bestN := "", 0
	for enc, n := range weight {
		if n > bestN || n == bestN && enc < best {
			best, bestN = enc, n
		}
	}
	return out, best
}

// pools gathers the raw non-ASCII bytes by paragraph into four pools (0:
// unknown 8-bit bytes, 1: maybe-Unicode bytes, 2 and 3: bytes in fonts
// named TCVN3 and VNI), with the paragraph of each segment and all the
// unknown bytes together.
func (lb *legacyBuilder) pools() (para []int, unknown []byte, pools [4][][]byte) {
	para = make([]int, len(lb.segs))
	p := 0
	for i, s := range lb.segs {
		if !s.raw {
			if bytes.IndexByte(s.bytes, '\n') >= 0 {
				p++
			}
			continue
		}
		pool := 0
		switch s.enc.name {
		case "":
		case encMaybe:
			pool = 1
		case encTCVN3:
			pool = 2
		case encVNI:
			pool = 3
		default:
			continue
		}
		if isASCII(s.bytes) {
			continue
		}
		para[i] = p
		for len(pools[pool]) <= p {
			pools[pool] = append(pools[pool], nil)
		}
		if pool == 0 {
			if len(unknown) > 0 {
				unknown = append(unknown, ' ')
			}
			unknown = append(unknown, s.bytes...)
		}
		if len(pools[pool][p]) > 0 {
			pools[pool][p] = append(pools[pool][p], ' ')
		}
		pools[pool][p] = append(pools[pool][p], s.bytes...)
	}
	return para, unknown, pools
}

// sampleOf cuts the unknown bytes to detectSample (at a space): the
// document's encoding shows in a sample; paragraphs are checked one by
// one after it.
func sampleOf(unknown []byte) []byte {
	if len(unknown) <= detectSample {
		return unknown
	}
	cut := detectSample
	for cut < len(unknown) && unknown[cut] != ' ' {
		cut++
	}
	return unknown[:cut]
}

// segEncoding is the encoding a raw segment of paragraph p is decoded in:
// its paragraph's pool's choice, else the document's (detected) for bytes
// whose font said nothing, cp1252 for maybe-Unicode bytes, the font's
// encoding for TCVN3 and VNI fonts.
func segEncoding(s legacySeg, p int, detected string, paraEnc *[4][]string) string {
	enc := s.enc.name
	k := -1
	switch enc {
	case "":
		enc, k = detected, 0
	case encMaybe:
		enc, k = encCP1252, 1
	case encTCVN3:
		k = 2
	case encVNI:
		k = 3
	}
	if k >= 0 && p < len(paraEnc[k]) && !isASCII(s.bytes) {
		enc = paraEnc[k][p]
	}
	return enc
}

// paraCandidates are the encodings a paragraph of unknown font may be in.
var paraCandidates = []string{encTCVN3, encVNI, encCP1258}

// bestEncoding returns the encoding that decodes b into the most valid
// Vietnamese (vntext.ScoreText), keeping def unless another one scores
// strictly better.
func bestEncoding(b []byte, def string) string {
	best := def
	sc := vntext.ScoreText(decodeLegacy(b, def))
	if sc.Invalid == 0 && (sc.Valid > 0 || def != encCP1252) {
		return def // nothing to improve on
	}
	bestNet := sc.Net()
	for _, enc := range paraCandidates {
		if enc == def {
			continue
		}
		if n := vntext.ScoreText(decodeLegacy(b, enc)).Net(); n > bestNet {
			best, bestNet = enc, n
		}
	}
	return best
}

// clearlyBetterEncoding returns the encoding of a paragraph's bytes set in
// a font named for def (TCVN3 or VNI): def, unless another legacy encoding
// decodes them clearly better (at least two more valid Vietnamese words
// net, fewer invalid and more valid ones). Documents hold VNI text in
// TCVN3 fonts and the other way round (text pasted between documents keeps
// its bytes and takes the font of where it lands); the font name is a
// strong hint, so the bar is higher than for text in an unnamed font.
func clearlyBetterEncoding(b []byte, def string) string {
	sc := vntext.ScoreText(decodeLegacy(b, def))
	if sc.Invalid == 0 {
		return def
	}
	best, top := def, sc.Net()
	for _, enc := range paraCandidates {
		if enc == def || enc == encCP1258 {
			continue
		}
		as := vntext.ScoreText(decodeLegacy(b, enc))
		if as.Net() >= top+2 && as.Invalid < sc.Invalid && as.Valid > sc.Valid {
			best, top = enc, as.Net()
		}
	}
	return best
}

// decodeByWord decodes bytes of an unnamed font whose paragraph was found
// to be in enc, word by word: a word that enc does not decode to valid
// Vietnamese but another legacy encoding does is decoded with that one
// (text pasted from a VNI document into a TCVN3 one keeps its bytes).
func decodeByWord(b []byte, enc string) string {
	if whole := decodeLegacy(b, enc); vntext.ScoreText(whole).Invalid == 0 {
		return whole
	}
	var sb strings.Builder
	for len(b) > 0 {
		i := 0
		for i < len(b) && isWordSep(b[i]) {
			i++
		}
		sb.Write(b[:i])
		b = b[i:]
		j := 0
		for j < len(b) && !isWordSep(b[j]) {
			j++
		}
		word := b[:j]
		b = b[j:]
		s := decodeLegacy(word, enc)
		if !isASCII(word) && vntext.ScoreText(s).Invalid > 0 {
			for _, alt := range paraCandidates {
				if alt == enc {
					continue
				}
				a := decodeLegacy(word, alt)
				if sc := vntext.ScoreText(a); sc.Invalid == 0 && sc.Valid > 0 && !innerCapital(a) {
					s = a
					break
				}
			}
		}
		sb.WriteString(s)
	}
	return sb.String()
}

// innerCapital reports whether a non-ASCII capital letter follows a
// lowercase one in s ("vƯi"): the mark of a wrong decoding. (An ASCII
// capital after a lowercase code letter, "QUYếT", is how TCVN3 capitals
// are typed.)
func innerCapital(s string) bool {
	prevLower := false
	for _, r := range s {
		if prevLower && r > unicode.MaxASCII && unicode.IsUpper(r) {
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}

// isWordSep reports whether an 8-bit byte separates words: ASCII that is
// not a letter or digit. (Legacy letters are bytes over 0x7F or ASCII
// letters followed by mark bytes.)
func isWordSep(c byte) bool {
	return c < 0x80 && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
}

// capSpan is a byte range of decoded TCVN3 text, set in a capital font or not.
type capSpan struct {
	start, end int
	capFont    bool
}

// fixTCVN3Case restores the capitals TCVN3 cannot encode. TCVN3 has codes
// for lowercase toned letters only; a capital Ế is typed as the lowercase
// code, either in a capital ("H") font, which draws every letter as a
// capital, or in a normal font, where it shows as "QUYếT". Text is
// upper-cased where the letters the typist typed in ASCII show that it was
// typed in capitals: in a capital font, a line (or table cell) whose TCVN3
// ASCII letters are all capitals; in a normal font, such a line with at
// least three of them, or a word with at least two ASCII capitals, no
// ASCII lowercase and a lowercase code letter ("QUYếT"). Text
// typed in lowercase ASCII in a capital font keeps the case typed: it is how
// the document was keyed, and search folds case anyway.
func fixTCVN3Case(s string, spans []capSpan) string {
	var sb strings.Builder
	sb.Grow(len(s))
	k := 0 // first span that may touch the current position
	for lineStart := 0; lineStart < len(s); {
		// A line ends at a newline or a table cell separator.
		lineEnd := len(s)
		if i := strings.IndexByte(s[lineStart:], '\n'); i >= 0 {
			lineEnd = lineStart + i + 1
		}
		if i := strings.Index(s[lineStart:lineEnd], cellSep); i >= 0 {
			lineEnd = lineStart + i + len(cellSep)
		}
		for k < len(spans) && spans[k].end <= lineStart {
			k++
		}
		// Was this line typed in capitals? Count the ASCII letters of its
		// TCVN3 text.
		var all letterCase
		for m := k; m < len(spans) && spans[m].start < lineEnd; m++ {
			all.count(s[max(spans[m].start, lineStart):min(spans[m].end, lineEnd)])
		}
		capsLine := all.up > 0 && all.low == 0
		upperLine := all.low == 0 && all.up >= 3
		fixCaseLine(&sb, s[lineStart:lineEnd], lineStart, spans[k:], capsLine, upperLine)
		lineStart = lineEnd
	}
	return sb.String()
}

// letterCase counts ASCII capitals and lowercase letters.
type letterCase struct{ up, low int }

func (lc *letterCase) count(s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z':
			lc.up++
		case c >= 'a' && c <= 'z':
			lc.low++
		}
	}
}

// fixCaseLine writes one line of fixTCVN3Case, word by word; off is the
// line's offset in the text the spans index.
func fixCaseLine(sb *strings.Builder, line string, off int, spans []capSpan, capsLine, upperLine bool) {
	k := 0
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		if !unicode.IsLetter(r) {
			sb.WriteString(line[i : i+n])
			i += n
			continue
		}
		j := i
		for j < len(line) {
			r, n := utf8.DecodeRuneInString(line[j:])
			if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
				break
			}
			j += n
		}
		word := line[i:j]
		for k < len(spans) && spans[k].end <= off+i {
			k++
		}
		inTCVN, capFont := false, false
		for m := k; m < len(spans) && spans[m].start < off+j; m++ {
			inTCVN = true
			capFont = capFont || spans[m].capFont
		}
		if inTCVN {
			upper := false
			if capFont {
				upper = capsLine
			} else {
				up, low, codeLow := 0, 0, 0
				for _, r := range word {
					switch {
					case r >= 'A' && r <= 'Z':
						up++
					case r >= 'a' && r <= 'z':
						low++
					case unicode.IsLower(r):
						codeLow++
					}
				}
				upper = upperLine || up >= 2 && low == 0 && codeLow > 0
			}
			if upper {
				word = strings.ToUpper(word)
			}
		}
		sb.WriteString(word)
		i = j
	}
}
