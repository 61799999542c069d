package extract

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// glossaryEntry is one row of data/glossary.tsv.
type glossaryEntry struct {
	Abbreviation
	ambiguous bool
}

// glossary returns the rows of data/glossary.tsv, read on the first call.
var glossary = sync.OnceValue(func() []glossaryEntry {
	var g []glossaryEntry
	for _, row := range readTSV("data/glossary.tsv") {
		g = append(g, glossaryEntry{
			Abbreviation: Abbreviation{Short: row[0], Long: row[1], Source: "builtin"},
			ambiguous:    strings.Contains(row[2], "ambiguous"),
		})
	}
	return g
})

// Glossary returns the built-in abbreviations (../shared/domain.md §3), each
// with Source "builtin". The slice is a copy; callers may keep it.
func Glossary() []Abbreviation {
	gl := glossary()
	out := make([]Abbreviation, len(gl))
	for i, g := range gl {
		out[i] = g.Abbreviation
	}
	return out
}

// FindAbbreviations returns the abbreviations of text: those it defines
// inline ("các tổ chức cơ sở đảng (TCCSĐ)", Source "inline") and the
// built-in ones it uses as whole words outside document numbers (Source
// "builtin"). An inline definition wins over the glossary for the same
// short form. Ambiguous glossary entries (TT, CT, BTC …) are left out
// unless the text defines them.
func FindAbbreviations(text string) []Abbreviation {
	out := InlineAbbreviations(text)
	seen := map[string]bool{}
	for _, a := range out {
		seen[a.Short] = true
	}
	tokens := abbrevTokens(text)
	type hit struct {
		at int
		a  Abbreviation
	}
	var hits []hit
	for _, g := range glossary() {
		if g.ambiguous || seen[g.Short] {
			continue
		}
		at, ok := tokens[g.Short]
		if !ok && strings.Contains(g.Short, " ") {
			at, ok = multiWordIndex(text, g.Short)
		}
		if ok {
			hits = append(hits, hit{at, g.Abbreviation})
			seen[g.Short] = true
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	for _, h := range hits {
		out = append(out, h.a)
	}
	return out
}

// abbrevTokens returns the words of text that can be abbreviations, with
// the offset of their first occurrence. A word runs over letters, digits
// and the joiners ".", "-", "&", "/" ("TP.HCM", "KT-XH", "V/v"), so that a
// short form inside a longer one or inside a document number
// ("15/2011/NQ-HĐND") is not counted; a word that does not start with a
// digit also counts the parts between its "/" ("UBND/HĐND").
func abbrevTokens(text string) map[string]int {
	out := map[string]int{}
	add := func(w string, at int) {
		// Every short form starts with a capital: most words stop here.
		if w == "" {
			return
		}
		if c := w[0]; c < utf8.RuneSelf {
			if c < 'A' || c > 'Z' {
				return
			}
		} else if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return
		}
		for len(w) > 0 && strings.IndexByte(".-&/", w[len(w)-1]) >= 0 {
			w = w[:len(w)-1]
		}
		if _, ok := out[w]; !ok {
			out[w] = at
		}
	}
	start := -1
	for i := 0; i <= len(text); {
		var word bool
		size := 1
		switch {
		case i == len(text):
		case text[i] < utf8.RuneSelf:
			c := text[i]
			word = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '&' || c == '/'
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			word = isWordRune(r)
		}
		if word && start < 0 {
			start = i
		}
		if word || start < 0 {
			i += size
			continue
		}
		w := text[start:i]
		add(w, start)
		if c := w[0]; !(c >= '0' && c <= '9') && strings.Contains(w, "/") {
			off := start
			for _, part := range strings.Split(w, "/") {
				add(part, off)
				off += len(part) + 1
			}
		}
		start = -1
		i += size
	}
	return out
}

// multiWordIndex finds a short form of several words ("KCQ DCĐ") as whole
// words.
func multiWordIndex(text, short string) (int, bool) {
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], short)
		if i < 0 {
			return 0, false
		}
		at := from + i
		from = at + len(short)
		if wordBoundary(text, at, at+len(short)) && !gluedByDot(text, at, at+len(short)) {
			return at, true
		}
	}
	return 0, false
}

// InlineAbbreviations returns the abbreviations that text defines in
// parentheses after their long form. The long form is found by aligning
// the abbreviation's letters with the initials of the words before the
// parenthesis ("Đảng bộ Khối cơ quan Dân chính Đảng thành phố (KCQ DCĐ)" →
// "Khối cơ quan Dân chính Đảng"), allowing a few trailing words between
// the long form and the parenthesis, connectors ("và", "-") that carry no
// letter, and a word that is itself an abbreviation contributing several
// letters ("Công an TP.HCM (CATP)"). A foreign acronym whose letters do
// not align ("Chỉ số hiệu suất cạnh tranh công nghiệp (CIP)") takes the
// noun phrase before the parenthesis, back to the clause start or a verb
// or preposition that cannot be part of it. The first definition of each
// short form wins.
func InlineAbbreviations(text string) []Abbreviation {
	out := []Abbreviation{}
	seen := map[string]bool{}
	for i := 0; i < len(text); i++ {
		if text[i] != '(' || i == 0 || !(text[i-1] == ' ' || text[i-1] == '\t') {
			continue
		}
		j := strings.IndexByte(text[i:], ')')
		if j < 0 || j > 24 {
			continue
		}
		short := strings.TrimSpace(text[i+1 : i+j])
		if !looksLikeAbbreviation(short) || seen[short] {
			continue
		}
		long := longFormBefore(text[:i], short)
		if long == "" {
			continue
		}
		seen[short] = true
		out = append(out, Abbreviation{Short: short, Long: long, Source: "inline"})
	}
	return out
}

// looksLikeAbbreviation reports whether s can be an abbreviation: two to
// twelve characters, at least two capitals, no digits, letters joined only
// by ".", "-", "&" or a space, and not a Roman numeral.
func looksLikeAbbreviation(s string) bool {
	if n := utf8.RuneCountInString(s); n < 2 || n > 14 {
		return false
	}
	caps := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			caps++
		case unicode.IsLetter(r), r == '.', r == '-', r == '&', r == ' ':
		default:
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	return caps >= 2 && unicode.IsUpper(first) && !isRomanNumeral(s)
}

// abbrevLetters returns the lowercase letters of an abbreviation that
// carry initials: every capital, and a lowercase letter only when it
// follows a capital in a mixed form such as "TTr" (it is skipped then).
func abbrevLetters(s string) []rune {
	var out []rune
	for _, r := range s {
		if unicode.IsUpper(r) {
			out = append(out, unicode.ToLower(r))
		}
	}
	return out
}

// connectorWords carry no letter of an abbreviation.
var connectorWords = map[string]bool{"và": true, "-": true, "&": true, "–": true, "của": true, "các": false}

// stopWords end the noun phrase before a foreign acronym's parenthesis.
var stopWords = map[string]bool{
	"của": true, "tại": true, "là": true, "trì": true, "gọi": true, "với": true, "cho": true,
	"đạt": true, "có": true, "được": true, "bởi": true, "theo": true, "như": true, "gồm": true, "vào": true,
}

// longFormBefore returns the long form of short in the text just before
// its parenthesis, or "".
func longFormBefore(before, short string) string {
	clause := before
	if k := strings.LastIndexAny(clause, ".;:!?()\n\f"); k >= 0 {
		// A dot inside "TP.HCM" is not a clause end.
		for k >= 0 && k+1 < len(clause) && clause[k] == '.' && clause[k+1] != ' ' {
			k = strings.LastIndexAny(clause[:k], ".;:!?()\n\f")
		}
		if k >= 0 {
			clause = clause[k+1:]
		}
	}
	raw := strings.Fields(clause)
	if len(raw) > 20 {
		raw = raw[len(raw)-20:]
	}
	// ws are the words without punctuation, kept the words as written
	// (the long form keeps its inner commas: "cán bộ, công chức, viên
	// chức").
	ws := make([]string, 0, len(raw))
	kept := make([]string, 0, len(raw))
	for _, w := range raw {
		if t := trimEdgePunct(w); t != "" {
			ws = append(ws, t)
			kept = append(kept, w)
		}
	}
	phrase := func(s, end int) string {
		return trimEdgePunct(strings.Join(kept[s:end], " "))
	}
	letters := abbrevLetters(short)
	if len(letters) == 0 {
		return ""
	}
	for skip := 0; skip <= 3 && skip < len(ws); skip++ {
		end := len(ws) - skip
		if skip > 0 && connectorWords[strings.ToLower(ws[end])] {
			break
		}
		for s := end - 1; s >= 0 && end-s <= 2*len(letters)+2; s-- {
			if alignInitials(ws[s:end], letters) {
				if connectorWords[strings.ToLower(ws[s])] {
					continue
				}
				return phrase(s, end)
			}
		}
	}
	// A known acronym whose long form the glossary gives ("tổng sản
	// phẩm trên địa bàn (GRDP)"): only that much of the words before the
	// parenthesis, not the measure said of it ("Tốc độ tăng trưởng").
	if long := glossaryLong(short); long != "" {
		n := len(strings.Fields(long))
		if n <= len(ws) && foldKey(strings.Join(ws[len(ws)-n:], " ")) == foldKey(long) {
			return phrase(len(ws)-n, len(ws))
		}
	}
	// A foreign acronym: the noun phrase before the parenthesis, which a
	// comma also ends ("Tập đoàn T&T, Ngân hàng SHB (SHB)").
	if k := strings.LastIndexByte(clause, ','); k >= 0 {
		ws = ws[:0]
		for _, w := range strings.Fields(clause[k+1:]) {
			if w = trimEdgePunct(w); w != "" {
				ws = append(ws, w)
			}
		}
	}
	n := len(ws)
	s := n
	for s > 0 && !stopWords[strings.ToLower(ws[s-1])] && !hasDigit(ws[s-1]) && n-(s-1) <= 15 {
		s--
	}
	if s > 0 && !stopWords[strings.ToLower(ws[s-1])] && !hasDigit(ws[s-1]) {
		return "" // too long to be one phrase
	}
	if s > 0 && hasDigit(ws[s-1]) {
		// A quantity is no part of the name: "500 tỉ đô la Mỹ (USD)".
		for s < n && numberWords[strings.ToLower(ws[s])] {
			s++
		}
	}
	for s < n && (strings.EqualFold(ws[s], "và") || strings.EqualFold(ws[s], "hoặc") || strings.EqualFold(ws[s], "cùng")) {
		s++ // a list's connector
	}
	if n-s < 2 || !allASCIILetters(short) {
		return ""
	}
	return strings.Join(ws[s:], " ")
}

// numberWords scale a number written in digits ("500 tỉ", "3 triệu").
var numberWords = map[string]bool{"tỉ": true, "tỷ": true, "triệu": true, "nghìn": true, "ngàn": true, "trăm": true, "vạn": true}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

func allASCIILetters(s string) bool {
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return false
		}
	}
	return true
}

// glossaryLong returns the glossary's long form of short, or "".
func glossaryLong(short string) string {
	for _, g := range glossary() {
		if g.Short == short {
			return g.Long
		}
	}
	return ""
}

// alignInitials reports whether the words spell letters by their initials,
// every word but connectors contributing at least one letter.
func alignInitials(ws []string, letters []rune) bool {
	if len(ws) == 0 {
		return len(letters) == 0
	}
	w := ws[0]
	if w == "" {
		return alignInitials(ws[1:], letters)
	}
	if connectorWords[strings.ToLower(w)] && alignInitials(ws[1:], letters) {
		return true
	}
	if len(letters) == 0 {
		return false
	}
	// A word in capitals ("TP.HCM", "TMCP") may give several letters.
	if caps := abbrevLetters(w); len(caps) > 1 && allCapsWord(w) {
		for k := len(caps); k >= 1; k-- {
			if k <= len(letters) && sameLetters(caps[:k], letters[:k]) && alignInitials(ws[1:], letters[k:]) {
				return true
			}
		}
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return sameLetter(unicode.ToLower(r), letters[0]) && alignInitials(ws[1:], letters[1:])
}

func sameLetters(a, b []rune) bool {
	for i := range a {
		if !sameLetter(a[i], b[i]) {
			return false
		}
	}
	return true
}

// sameLetter compares initials without their diacritics ("ủy" gives U,
// "đảng" gives Đ or D).
func sameLetter(a, b rune) bool {
	return a == b || baseLetter(a) == baseLetter(b)
}

// baseLetter returns r lowercased without diacritics, đ as d.
func baseLetter(r rune) rune {
	k := foldKey(string(r))
	if k == "" {
		return r
	}
	b, _ := utf8.DecodeRuneInString(k)
	return b
}

// Expand returns s with every abbreviation of abbrs that occurs in it as a
// whole word replaced by its long form, or "" when none occurs. Longer
// short forms win over shorter ones that they contain. It is what fills a
// target's subject_expanded.
func Expand(s string, abbrs []Abbreviation) string {
	if s == "" || len(abbrs) == 0 {
		return ""
	}
	var b strings.Builder
	changed := false
	for i := 0; i < len(s); {
		best := -1
		for k, a := range abbrs {
			if a.Short == "" || a.Long == "" || !strings.HasPrefix(s[i:], a.Short) {
				continue
			}
			if !wordBoundary(s, i, i+len(a.Short)) {
				continue
			}
			if best < 0 || len(a.Short) > len(abbrs[best].Short) {
				best = k
			}
		}
		if best >= 0 {
			b.WriteString(abbrs[best].Long)
			i += len(abbrs[best].Short)
			changed = true
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+size])
		i += size
	}
	if !changed {
		return ""
	}
	return b.String()
}

// wordBoundary reports whether s[start:end] is not glued to a letter or
// digit on either side.
func wordBoundary(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if isWordRune(r) {
			return false
		}
	}
	if end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if isWordRune(r) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// gluedByDot reports whether s[start:end] is part of a dotted compound
// ("TP" in "TP.HCM", "HCM" in "TP.HCM").
func gluedByDot(s string, start, end int) bool {
	if end+1 < len(s) && s[end] == '.' {
		if r, _ := utf8.DecodeRuneInString(s[end+1:]); unicode.IsLetter(r) {
			return true
		}
	}
	if start >= 2 && s[start-1] == '.' {
		if r, _ := utf8.DecodeLastRuneInString(s[:start-1]); unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
