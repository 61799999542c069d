package extract

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// tgKind is the kind of a target-scanner token.
type tgKind uint8

const (
	tgWord  tgKind = iota // a run of letters (with combining marks)
	tgNum                 // digits, with inner "." or "," between digits
	tgPunct               // any other single non-space rune
)

// tgTok is one token of the target scanner: a word, a number or one
// punctuation rune, with its byte span in the document text.
type tgTok struct {
	raw        string // as written
	low        string // lower case (words only; else raw)
	start, end int    // byte offsets in the document text
	kind       tgKind
	spaceAfter bool // a space (or line break) follows the token
}

// tgTokenize splits text[from:to] into tokens.
func tgTokenize(text string, from, to int) []tgTok {
	toks := make([]tgTok, 0, (to-from)/5+1)
	i := from
	for i < to {
		if c := text[i]; c < utf8.RuneSelf && (c|0x20 >= 'a' && c|0x20 <= 'z') {
			// ASCII letter: a word (fast path of the letter case below)
			j := i + 1
			for j < to {
				c2 := text[j]
				if c2 < utf8.RuneSelf {
					if c2|0x20 >= 'a' && c2|0x20 <= 'z' {
						j++
						continue
					}
					break
				}
				r2, s2 := utf8.DecodeRuneInString(text[j:to])
				if !unicode.IsLetter(r2) && !unicode.Is(unicode.Mn, r2) {
					break
				}
				j += s2
			}
			raw := text[i:j]
			toks = append(toks, tgTok{raw: raw, low: tgLower(raw), start: i, end: j, kind: tgWord})
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:to])
		switch {
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff':
			if n := len(toks); n > 0 {
				toks[n-1].spaceAfter = true
			}
			i += size
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			j := i + size
			for j < to {
				r2, s2 := utf8.DecodeRuneInString(text[j:to])
				if !unicode.IsLetter(r2) && !unicode.Is(unicode.Mn, r2) {
					break
				}
				j += s2
			}
			raw := text[i:j]
			toks = append(toks, tgTok{raw: raw, low: tgLower(raw), start: i, end: j, kind: tgWord})
			i = j
		case r >= '0' && r <= '9':
			j := i + 1
			for j < to {
				c := text[j]
				if c >= '0' && c <= '9' {
					j++
					continue
				}
				if (c == '.' || c == ',') && j+1 < to && text[j+1] >= '0' && text[j+1] <= '9' {
					j++
					continue
				}
				break
			}
			toks = append(toks, tgTok{raw: text[i:j], low: text[i:j], start: i, end: j, kind: tgNum})
			i = j
		default:
			raw := text[i : i+size]
			toks = append(toks, tgTok{raw: raw, low: raw, start: i, end: i + size, kind: tgPunct})
			i += size
		}
	}
	return toks
}

// tgIsDash reports whether s is a hyphen, dash or range sign.
func tgIsDash(s string) bool {
	switch s {
	case "-", "–", "—", "‒", "−", "÷", "~":
		return true
	}
	return false
}

// tgPhraseAt reports whether the words of phrase (lower case, separated by
// single spaces) start at toks[i], and returns the index after them.
func tgPhraseAt(toks []tgTok, i int, phrase []string) (int, bool) {
	if i+len(phrase) > len(toks) {
		return i, false
	}
	for k, w := range phrase {
		if toks[i+k].kind != tgWord || toks[i+k].low != w {
			return i, false
		}
	}
	return i + len(phrase), true
}

// tgPhraseList is a list of phrases split into words, indexed by their
// first and last words, longest first. The index is built on first use, so
// that the many lists of package-level variables cost nothing to a process
// that extracts no targets (search, help).
type tgPhraseList struct {
	phrases []string
	once    sync.Once
	byFirst map[string][][]string
	byLast  map[string][][]string
}

// newPhraseList returns the list of the phrases ps.
func newPhraseList(ps ...string) *tgPhraseList {
	return &tgPhraseList{phrases: ps}
}

// index returns l with its index built.
func (l *tgPhraseList) index() *tgPhraseList {
	l.once.Do(func() {
		l.byFirst, l.byLast = map[string][][]string{}, map[string][][]string{}
		for _, p := range l.phrases {
			ws := strings.Fields(strings.ToLower(p))
			if len(ws) == 0 {
				continue
			}
			l.byFirst[ws[0]] = append(l.byFirst[ws[0]], ws)
			l.byLast[ws[len(ws)-1]] = append(l.byLast[ws[len(ws)-1]], ws)
		}
		// longest first, so that "không vượt quá" wins over "không quá"
		for _, m := range []map[string][][]string{l.byFirst, l.byLast} {
			for _, g := range m {
				sort.SliceStable(g, func(i, j int) bool { return len(g[i]) > len(g[j]) })
			}
		}
	})
	return l
}

// at returns the index after the longest phrase of l starting at toks[i].
func (l *tgPhraseList) at(toks []tgTok, i int) (int, bool) {
	if i < 0 || i >= len(toks) || toks[i].kind != tgWord {
		return i, false
	}
	for _, p := range l.index().byFirst[toks[i].low] {
		if j, ok := tgPhraseAt(toks, i, p); ok {
			return j, true
		}
	}
	return i, false
}

// endingAt returns the start of the longest phrase of l that ends just
// before toks[j] (toks[start:j] is the phrase).
func (l *tgPhraseList) endingAt(toks []tgTok, j int) (int, bool) {
	if j < 1 || j > len(toks) || toks[j-1].kind != tgWord {
		return j, false
	}
	for _, p := range l.index().byLast[toks[j-1].low] {
		i := j - len(p)
		if i < 0 {
			continue
		}
		if _, ok := tgPhraseAt(toks, i, p); ok {
			return i, true
		}
	}
	return j, false
}

// tgSpan is a byte range of the text.
type tgSpan struct{ start, end int }

// tgParagraphs splits text into its non-blank lines (a paragraph of a plain
// text or Markdown file is a line; PDF text is joined the same way). A page
// break ("\f") inside a line does not end its paragraph, unless the page
// before ends a sentence or the page after opens a list item (pages and
// slides are joined by "\f" alone).
func tgParagraphs(text string) []tgSpan {
	var out []tgSpan
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '\n' && !(text[i] == '\f' && tgPageEndsLine(text, i)) {
			continue
		}
		s, e := start, i
		for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r' || text[s] == '\f') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r' || text[e-1] == '\f') {
			e--
		}
		if e > s {
			// a line that goes on in lower case continues the paragraph
			// of the line before (text wrapped at a fixed width)
			if n := len(out); n > 0 && tgContinues(text, out[n-1], s) {
				out[n-1].end = e
			} else {
				out = append(out, tgSpan{s, e})
			}
		}
		start = i + 1
	}
	return out
}

// tgPageEndsLine reports whether the page break at text[i] ends a line:
// the text before it ends a sentence (".", ":", ";", "!", "?") or the text
// after it opens a list item ("- ", "+ ", "• ", "a) ", "1. ").
func tgPageEndsLine(text string, i int) bool {
	b := i
	for b > 0 && (text[b-1] == ' ' || text[b-1] == '\t' || text[b-1] == '\r') {
		b--
	}
	if b > 0 && strings.IndexByte(".:;!?", text[b-1]) >= 0 {
		return true
	}
	a := i + 1
	for a < len(text) && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r') {
		a++
	}
	rest := text[a:]
	for _, bullet := range []string{"- ", "+ ", "• ", "* ", "– "} {
		if strings.HasPrefix(rest, bullet) {
			return true
		}
	}
	// "a) ", "1. ", "12) "
	n := 0
	for n < len(rest) && n < 3 && (rest[n] >= '0' && rest[n] <= '9' || n == 0 && rest[n] >= 'a' && rest[n] <= 'z') {
		n++
	}
	return n > 0 && n+1 < len(rest) && (rest[n] == ')' || rest[n] == '.') && rest[n+1] == ' '
}

// tgContinues reports whether the line starting at s continues prev: only a
// line break lies between them, prev does not end a sentence, and the line
// starts with a lower-case letter that is not a list label ("a)").
func tgContinues(text string, prev tgSpan, s int) bool {
	if strings.Count(text[prev.end:s], "\n") != 1 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text[prev.start:prev.end])
	if strings.ContainsRune(".:;!?…", last) {
		return false
	}
	r, size := utf8.DecodeRuneInString(text[s:])
	if s+size < len(text) && (text[s+size] == ')' || text[s+size] == '.') {
		return false // a list label: "a)", "b."
	}
	if unicode.IsLower(r) {
		return true
	}
	// a line wrapped at a fixed width goes on with a number ("… trên\n70%
	// người lao động") or a capital ("… của Ủy ban nhân dân tỉnh\nBình
	// Dương"): the line before is long and stops inside a sentence
	prevLine := text[prev.start:prev.end]
	if k := strings.LastIndexByte(prevLine, '\n'); k >= 0 {
		prevLine = prevLine[k+1:]
	}
	if nl := strings.IndexByte(text[s:], '\n'); strings.Contains(prevLine, "|") || nl >= 0 && strings.Contains(text[s:s+nl], "|") || nl < 0 && strings.Contains(text[s:], "|") {
		return false // table rows are read as tables
	}
	if unicode.IsDigit(r) && tgBoundAtEnd(prevLine) {
		return true // "Đến hết năm 2025: Có ≥" / "30% DNNVV …": the bound's figure
	}
	if utf8.RuneCountInString(prevLine) < 60 || !(unicode.IsLetter(last) || unicode.IsDigit(last) || last == ',') {
		return false
	}
	switch {
	case unicode.IsDigit(r):
		// not a label ("2.", "3)", "4-") nor a list number
		j := s
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		// "2021-2025 từ …", "30/4", "7.500": a number goes on after its
		// mark; "2." and "4-" stand alone
		return j >= len(text) || !strings.ContainsRune(".)-/", rune(text[j])) ||
			j+1 < len(text) && text[j] != ')' && text[j+1] >= '0' && text[j+1] <= '9'
	case unicode.IsUpper(r):
		// not a Roman-numeral or letter label ("II.", "A-")
		w := text[s:]
		if k := strings.IndexAny(w, " .)-:"); k > 0 && k < len(w) && strings.ContainsRune(".)-", rune(w[k])) && (isRomanNumeral(w[:k]) || utf8.RuneCountInString(w[:k]) == 1) {
			return false
		}
		return true
	}
	return false
}

// tgBoundAtEnd reports whether line ends with a comparator that needs a
// figure after it: a sign ("≥", "≤") or the words of a bound ("ít nhất",
// "tối thiểu", "tối đa", "không quá", "không dưới").
func tgBoundAtEnd(line string) bool {
	line = strings.TrimRight(line, " \t*_")
	for _, sign := range []string{"≥", "≤", ">=", "<="} {
		if strings.HasSuffix(line, sign) {
			return true
		}
	}
	low := strings.ToLower(line)
	for _, w := range []string{" ít nhất", " tối thiểu", " tối đa", " không quá", " không dưới", " không vượt quá"} {
		if strings.HasSuffix(low, w) {
			return true
		}
	}
	return false
}

// tgSentences splits the tokens of one paragraph into sentences: at ".",
// "!", "?", "…" or "..." followed by a space and then an upper-case letter,
// a digit, a quote or a bracket, and at the paragraph's end.
func tgSentences(toks []tgTok) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tgPunct {
			continue
		}
		switch t.raw {
		case ".", "!", "?", "…":
		default:
			continue
		}
		j := i
		for j+1 < len(toks) && toks[j+1].kind == tgPunct && (toks[j+1].raw == "." || toks[j+1].raw == "…" || toks[j+1].raw == "!" || toks[j+1].raw == "?") && !toks[j].spaceAfter {
			j++
		}
		if j+1 >= len(toks) {
			i = j
			continue
		}
		if !toks[j].spaceAfter {
			i = j
			continue
		}
		nx := toks[j+1]
		r, _ := utf8.DecodeRuneInString(nx.raw)
		if !(unicode.IsUpper(r) || nx.kind == tgNum || strings.ContainsRune("\"“‘'([*", r)) {
			i = j
			continue
		}
		// "TS. Nguyễn", "Th.S" and enumerators "1. Hoàn thành": a dot after a
		// short capitalised abbreviation or after a lone leading number is no
		// sentence end.
		if t.raw == "." && i > start {
			p := toks[i-1]
			if p.kind == tgWord && utf8.RuneCountInString(p.raw) <= 3 && tgIsTitleAbbrev(p.raw) {
				i = j
				continue
			}
			if i-1 == start && p.kind == tgNum {
				i = j
				continue
			}
		}
		out = append(out, [2]int{start, j + 1})
		start = j + 1
		i = j
	}
	if start < len(toks) {
		out = append(out, [2]int{start, len(toks)})
	}
	return out
}

// tgIsTitleAbbrev reports whether w is a title abbreviation that takes a
// dot ("TS", "ThS", "PGS", "GS", "Ô", "B").
func tgIsTitleAbbrev(w string) bool {
	switch w {
	case "TS", "ThS", "PGS", "GS", "BS", "KS", "Ths", "Ô", "B", "Bà", "Ô.", "St", "TP", "Tp":
		return true
	}
	return false
}

// tgLower returns w in lower case, without copying when it has no upper-case
// letter; a misspelt marker word (tgTypos) gives the word it stands for.
func tgLower(w string) string {
	if fix, ok := tgTypos[w]; ok {
		return fix
	}
	for _, r := range w {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				return strings.ToLower(w)
			}
			continue
		}
		if unicode.IsUpper(r) {
			return strings.ToLower(w)
		}
	}
	return w
}

// tgTypos are misspellings of marker words, common in typed official
// texts, with the word they stand for: "Uớc thực hiện" (the U without its
// horn) and "ứơc" (the tone on the wrong vowel) are "ước".
var tgTypos = map[string]string{"uớc": "ước", "Uớc": "ước", "ứơc": "ước", "Ứơc": "ước"}

// tgSpaces collapses every run of white space (line and page breaks
// included) into one space and trims the ends.
func tgSpaces(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
