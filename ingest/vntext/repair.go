package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// telltale marks the runes U+0080..U+00FF that never occur in clean
// Vietnamese text but fill TCVN3, VNI and UTF-8 mojibake: C1 controls, the
// Latin-1 symbols and the Latin-1 letters outside the Vietnamese alphabet.
var telltale = func() (t [256]bool) {
	for r := 0x80; r < 0x100; r++ {
		t[r] = true
	}
	for _, r := range "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ" {
		t[r] = false
	}
	// Typographic signs that clean text does use.
	for _, r := range "\u00A0«»°±§©®·×÷²³¹½¼¾" {
		t[r] = false
	}
	return t
}()

// strongTell marks symbols that clean text uses but that TCVN3 mojibake
// fills lines with (ư ả ã à á ạ đ); they count as tell-tales when two or
// more occur in a line.
var strongTell = map[rune]bool{'®': true, '·': true, '§': true, '©': true, '«': true, '»': true, '¹': true, '×': true}

// isTelltale reports whether r points to mojibake.
func isTelltale(r rune) bool {
	if r < 0x100 {
		return r >= 0x80 && telltale[r]
	}
	switch r {
	case 'Œ', 'œ', 'Š', 'š', 'Ÿ', 'Ž', 'ž', 'ƒ', 'ˆ', '˜', '‰', '‹', '›', '‡', '†', '•', '™',
		0x2212, 0x2219: // TCVN3 PDF text layers: − for ư (0xAD), ∙ for ã (0xB7)
		return true
	}
	return false
}

// toCP1252Byte maps a rune back to the byte it came from when 8-bit text was
// read as Windows-1252 or Latin-1, including the substitutions PDF text
// layers of .VnTime fonts make (U+2212 for 0xAD, U+2219 for 0xB7).
func toCP1252Byte(r rune) (byte, bool) {
	if r < 0x80 {
		return byte(r), true
	}
	if r < 0x100 {
		if r < 0xA0 {
			return byte(r), true // C1 control: a Latin-1 reading
		}
		return byte(r), true
	}
	switch r {
	case 0x2212:
		return 0xAD, true
	case 0x2219:
		return 0xB7, true
	}
	return charmap.Windows1252.EncodeRune(r)
}

// repairers are the mojibake kinds Repair tries, in order of preference.
var repairers = []struct {
	name   string
	decode func([]byte) (string, bool)
}{
	{"utf-8", func(b []byte) (string, bool) {
		if !utf8.Valid(b) {
			return "", false
		}
		return string(b), true
	}},
	{"tcvn3", func(b []byte) (string, bool) { return decodeWith(TCVN3Mixed, b), true }},
	{"vni", func(b []byte) (string, bool) { return decodeWith(VNI, b), true }},
}

// Repair undoes mojibake in s: TCVN3 or VNI bytes read as Latin-1 or
// Windows-1252 ("Quy®Þnh cña Bé tr­ëng", "Vieät Nam", also the U+2212 and
// U+2219 that PDF text layers of .VnTime fonts give for ư and ã), and UTF-8
// read as Windows-1252 ("Cáº¥p Tá»‰nh"). It works line by line, and inside
// a line on each run of characters that Windows-1252 can hold. A run is
// replaced only when its repaired form has more valid Vietnamese syllables
// and fewer invalid words (see ScoreText); clean Vietnamese, English and
// other text are returned as they are. A line with no tell-tale character
// costs one scan.
//
// Repair returns the text and the encoding the mojibake came from ("tcvn3",
// "vni", "utf-8"; the most frequent when runs differ), or s and "" when
// nothing was repaired.
func Repair(s string) (string, string) {
	if !hasTelltale(s) {
		return s, ""
	}
	var b strings.Builder
	counts := map[string]int{}
	last := 0
	for start := 0; start < len(s); {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		line := s[start:end]
		if hasTelltale(line) {
			if fixed, from, ok := repairLine(line); ok {
				b.WriteString(s[last:start])
				b.WriteString(fixed)
				last = end
				counts[from]++
			}
		}
		start = end + 1
	}
	if last == 0 && len(counts) == 0 {
		return s, ""
	}
	b.WriteString(s[last:])
	from, best := "", 0
	for _, r := range repairers {
		if counts[r.name] > best {
			from, best = r.name, counts[r.name]
		}
	}
	return b.String(), from
}

// hasTelltale reports whether s holds a tell-tale rune, two of the
// symbols strongTell lists, or one of them glued to the letter after it
// (TCVN3's đ as "®" in "Thèng ®èc": clean text puts ® after a name, not
// before a letter).
func hasTelltale(s string) bool {
	strong := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0xC2 {
			continue // ASCII or a continuation byte
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isTelltale(r) {
			return true
		}
		if strongTell[r] {
			strong++
			if strong >= 2 {
				return true
			}
			if next, _ := utf8.DecodeRuneInString(s[i+n:]); unicode.IsLetter(next) {
				return true
			}
		}
		i += n - 1
	}
	return false
}

// gluedTell reports whether a strongTell symbol in s is glued to a letter
// or another such symbol after it ("®·", "®èc"): mojibake, where clean
// text sets the symbol apart ("DF × rd", "Microsoft® Word").
func gluedTell(s string) bool {
	for i, r := range s {
		if strongTell[r] {
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if unicode.IsLetter(next) || strongTell[next] {
				return true
			}
		}
	}
	return false
}

// repairLine repairs the runs of one line that Windows-1252 can hold.
func repairLine(line string) (string, string, bool) {
	var b strings.Builder
	var raw []byte
	changed := false
	kinds := map[string]int{}
	last := 0
	runStart := -1
	flushRun := func(end int) {
		if runStart < 0 {
			return
		}
		// A word cut by a run edge also holds characters Windows-1252
		// cannot, so it is real Unicode text: leave it out of the run.
		s, e := runStart, end
		rs, re := 0, len(raw)
		if s > 0 && letterBefore(line, s) {
			for s < e && !isBreakByte(raw[rs]) {
				_, n := utf8.DecodeRuneInString(line[s:])
				s += n
				rs++
			}
		}
		if e < len(line) && letterAt(line, e) {
			for e > s && !isBreakByte(raw[re-1]) {
				_, n := utf8.DecodeLastRuneInString(line[:e])
				e -= n
				re--
			}
		}
		if e > s {
			if fixed, from, ok := repairRun(line[s:e], raw[rs:re]); ok {
				b.WriteString(line[last:s])
				b.WriteString(fixed)
				last = e
				changed = true
				kinds[from]++
			}
		}
		runStart = -1
		raw = raw[:0]
	}
	for i, r := range line {
		if r == utf8.RuneError {
			flushRun(i)
			continue
		}
		c, ok := toCP1252Byte(r)
		if !ok {
			flushRun(i)
			continue
		}
		if runStart < 0 {
			runStart = i
		}
		raw = append(raw, c)
	}
	flushRun(len(line))
	if !changed {
		return line, "", false
	}
	b.WriteString(line[last:])
	from, best := "", 0
	for _, r := range repairers {
		if kinds[r.name] > best {
			from, best = r.name, kinds[r.name]
		}
	}
	return b.String(), from, true
}

// repairRun tries each repairer on the bytes of one run and keeps the best
// one that is clearly better than the run as it is.
func repairRun(run string, raw []byte) (string, string, bool) {
	if !hasTelltale(run) {
		return "", "", false
	}
	orig := ScoreText(run)
	best, bestFrom, bestNet := "", "", orig.Net()
	for _, r := range repairers {
		out, ok := r.decode(raw)
		if !ok || out == run {
			continue
		}
		sc := ScoreText(out)
		// More valid syllables and fewer invalid words; or, where the run
		// had no invalid word to lose (its mojibake is symbols only, as
		// "®·" for "đã"), more valid syllables and no invalid word.
		better := sc.Invalid < orig.Invalid || orig.Invalid == 0 && sc.Invalid == 0 && gluedTell(run)
		if sc.Valid > orig.Valid && better && sc.Net() > bestNet {
			best, bestFrom, bestNet = out, r.name, sc.Net()
		}
	}
	if bestFrom == "" {
		return "", "", false
	}
	return best, bestFrom, true
}

// isBreakByte reports whether a run byte separates words.
func isBreakByte(c byte) bool {
	return c <= ' ' || c < utf8.RuneSelf && isASCIIPunct(c)
}

// letterBefore reports whether the rune before s[i] is a letter or mark.
func letterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.Is(unicode.M, r)
}

// letterAt reports whether the rune at s[i] is a letter or mark.
func letterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.Is(unicode.M, r)
}
