package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"vanban/internal/lazyregexp"
)

// numberPattern matches a document number and symbol as written in running
// text or on the number line: Party "02-NQ/ĐUK", "36-HD/VPTW"; State
// "15/2011/NQ-HĐND", "123/QĐ-UBND", "4021/VPCP-CN", "80/2015/QH13",
// "176/1998/TTLT-BTC-BCN-TCHQ", with codes joined by "&" or a dot
// ("8935/BNV-CTTN&BĐG", "6721/VPCP-V.I", "41/QĐ.BQL-TC") and a sub-number
// before the year ("66.2/2025/NQ-CP"). The symbol must start with a capital
// letter right after the separator, so fractions, counts and dates ("16/18
// xã", "24/7", "4-7-2011") never match.
const numberPattern = `\d{1,5}(?:\.\d{1,2}/\d{4}|[a-z]?(?:/\d{4})?)[-/]` + symbolCode + `(?:[-/]` + symbolCode + `)*`

// symbolCode is one code of a symbol: "QĐ", "UBND", "QH13", "CTTN&BĐG",
// "V.I", "QĐ.BQL".
const symbolCode = `[A-ZĐ][A-Za-zĐđ0-9]*(?:[&.][A-ZĐ][A-ZĐ0-9]*)*`

var (
	reNumber         = lazyregexp.New(numberPattern)
	reNumberAnchored = lazyregexp.New(`^` + numberPattern)
	// reSplitStateNumber joins a normative number that a PDF line break cut
	// after its type code, the hyphen dropped ("66/2025/NQ\nHĐND").
	reSplitStateNumber = lazyregexp.New(`(\d{1,5}/\d{4}/[A-ZĐ][A-Za-zĐ]*)[ \t]*\n[ \t]*([A-ZĐ][A-ZĐ]+\d*)\b`)
	// reSplitPartyNumber joins a Party number cut after its sequence
	// number ("02\nNQ/ĐUK").
	reSplitPartyNumber = lazyregexp.New(`(\d{1,5})[ \t]*\n[ \t]*([A-ZĐ][A-Za-zĐ]*/[A-ZĐ])`)
)

// normalizeNumber removes the spaces some writers put inside a number and
// symbol ("15/2011/NQ - HĐND") and returns it in the standard form.
func normalizeNumber(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// repairNumbers rejoins numbers that line wrapping split (see
// reSplitStateNumber), keeping every other byte. It changes lengths, so
// offsets into its result are not offsets into text. Only the few line
// breaks right after a "/CODE" or a bare sequence number are examined.
func repairNumbers(text string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		// The token before the line break.
		j := i
		for j > last && (text[j-1] == ' ' || text[j-1] == '\t') {
			j--
		}
		k := j
		for k > last && text[k-1] != ' ' && text[k-1] != '\t' && text[k-1] != '\n' && j-k < 40 {
			k--
		}
		tok := text[k:j]
		if tok == "" || !(strings.Contains(tok, "/") || allASCIIDigits(tok)) {
			continue
		}
		end := min(len(text), i+40)
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
		window := text[k:end]
		fixed := joinSplitNumber(window)
		if fixed == window {
			continue
		}
		b.WriteString(text[last:k])
		b.WriteString(fixed)
		last = end
		i = end - 1
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// joinSplitNumber rejoins a number split at the start of s, if any.
func joinSplitNumber(s string) string {
	if sm := reSplitStateNumber.FindStringSubmatchIndex(s); sm != nil && sm[0] == 0 {
		first, code := s[sm[2]:sm[3]], s[sm[4]:sm[5]]
		typ := first[strings.LastIndexByte(first, '/')+1:]
		if _, ok := kindTab().kindByCode[strings.ToLower(typ)]; ok {
			return first + "-" + code + s[sm[1]:]
		}
	}
	if sm := reSplitPartyNumber.FindStringSubmatchIndex(s); sm != nil && sm[0] == 0 {
		seq, rest := s[sm[2]:sm[3]], s[sm[4]:sm[5]]
		typ, _, _ := strings.Cut(rest, "/")
		if _, ok := kindTab().kindByCode[strings.ToLower(typ)]; ok {
			return seq + "-" + rest + s[sm[1]:]
		}
	}
	return s
}

// removeBold drops Markdown emphasis markers.
func removeBold(s string) string {
	if strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "")
	}
	if strings.Contains(s, "__") {
		s = strings.ReplaceAll(s, "__", "")
	}
	return s
}

// flattenForReferences prepares text for citation search: numbers cut by
// line wrapping rejoined, Markdown emphasis removed, single line breaks
// (wrapping) turned into spaces and paragraph breaks into "\n".
func flattenForReferences(text string) string {
	text = repairNumbers(text)
	text = strings.ReplaceAll(text, "\f", "\n\n")
	text = removeBold(text)
	lines := strings.Split(text, "\n")
	var b strings.Builder
	blank := true
	for _, l := range lines {
		l = strings.TrimSpace(strings.Trim(strings.TrimSpace(l), "*|"))
		if l == "" {
			if !blank {
				b.WriteByte('\n')
			}
			blank = true
			continue
		}
		if !blank {
			b.WriteByte(' ')
		}
		b.WriteString(l)
		blank = false
	}
	return tightenSymbols(b.String())
}

// tightenSymbols rejoins the numbers and symbols that typists and
// converters spaced apart: a space after a symbol's hyphen before the next
// code in capitals ("227/QĐ- TTg", "94/2024/TT- BTC", "…-BTC- BLĐTBXH"),
// spaces on both sides of it ("210/2006/QĐ - TTg"),
// and a number cut from its symbol after "số" by line breaks or Markdown
// ("số *\n\n*412*\n\n*/BC-UBPLTP15", "số 409\n/TTr-…").
func tightenSymbols(text string) string {
	for n := 0; n < 3 && strings.Contains(text, "- "); n++ {
		t := joinSpacedHyphens(text)
		if t == text {
			break
		}
		text = t
	}
	return joinSplitAfterSo(text)
}

// joinSpacedHyphens drops the spaces after a hyphen that ends a number and
// symbol when a code in capitals follows ("227/QĐ- TTg"), and the space
// before it too ("210/2006/QĐ - TTg"). A dash between words or figures
// ("2011 - 2015", "Sở - Ngành") stays.
func joinSpacedHyphens(text string) string {
	var b strings.Builder
	last := 0
	for i := strings.Index(text, "- "); i >= 0; {
		// The number and symbol before the hyphen (and its space), back
		// to a space.
		end := i
		if end > last && text[end-1] == ' ' {
			end--
		}
		ts := end
		for ts > 0 && end-ts < 48 && text[ts-1] != ' ' && text[ts-1] != '\n' && text[ts-1] != '\t' {
			ts--
		}
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		if code := capsCode(text[j:]); code > 0 && ts < end && reNumberAnchored.FindString(text[ts:end]) == text[ts:end] {
			b.WriteString(text[last:end])
			b.WriteByte('-')
			last = j
		}
		k := strings.Index(text[i+1:], "- ")
		if k < 0 {
			break
		}
		i += 1 + k
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// capsCode returns the length of the code in capitals that s starts with
// ("BLĐTBXH", "TCBC&TCPCP", "TTg") when it stands alone, else 0.
func capsCode(s string) int {
	if strings.HasPrefix(s, "TTg") && (len(s) == 3 || !isWordByte(s[3])) {
		return 3
	}
	n, caps := 0, 0
	for n < len(s) {
		r, w := utf8.DecodeRuneInString(s[n:])
		switch {
		case unicode.IsUpper(r):
			caps++
		case isASCIIDigit(byte(r)) && r < utf8.RuneSelf || r == '&':
		default:
			if unicode.IsLetter(r) {
				return 0
			}
			if caps < 2 {
				return 0
			}
			return n
		}
		n += w
	}
	if caps < 2 {
		return 0
	}
	return n
}

// joinSplitAfterSo rejoins a number cut from its symbol after "số": the
// white space between the digits and the "/CODE" goes.
func joinSplitAfterSo(text string) string {
	var b strings.Builder
	last := 0
	for i := strings.IndexByte(text, '/'); i >= 0; {
		if i+1 < len(text) {
			r, _ := utf8.DecodeRuneInString(text[i+1:])
			if r >= 'A' && r <= 'Z' || r == 'Đ' {
				j := i
				for j > last && (text[j-1] == ' ' || text[j-1] == '\n' || text[j-1] == '\t') {
					j--
				}
				d := j
				for d > last && j-d < 5 && isASCIIDigit(text[d-1]) {
					d--
				}
				if j < i && d < j && d > 0 && !isASCIIDigit(text[d-1]) {
					pre := strings.TrimRight(text[max(0, d-12):d], " \n\t")
					if strings.HasSuffix(pre, "số") || strings.HasSuffix(pre, "Số") || strings.HasSuffix(pre, "SỐ") {
						b.WriteString(text[last:j])
						last = i
					}
				}
			}
		}
		k := strings.IndexByte(text[i+1:], '/')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// citedNumber is one number found in text with its place.
type citedNumber struct {
	number     string
	start, end int
	old        bool // written the pre-2000 way, "04 TC/TCT" (oldNumbers)
}

// reOldNumber finds a number written the way of the 1990s, the symbol
// after the sequence number with no hyphen or slash: "Thông tư số 04
// TC/TCT", "Quyết định số 1141 TC/QĐ/CĐKT", "Thông tư số 90TC/TCT".
var reOldNumber = lazyregexp.New(`^(\d{1,5})( ?)([A-ZĐ]{2,5}(?:/[A-ZĐ][A-ZĐ0-9]*)+)`)

// oldNumbers returns the numbers of text written the pre-2000 way; the
// caller keeps only those a type word or "số" introduces.
func oldNumbers(text string) []citedNumber {
	var out []citedNumber
	for i := 0; i < len(text); i++ {
		if !isASCIIDigit(text[i]) {
			continue
		}
		j := i
		for j < len(text) && isASCIIDigit(text[j]) {
			j++
		}
		start := i
		i = j
		if start > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:start]); unicode.IsLetter(r) || strings.ContainsRune("/.,-", r) {
				continue
			}
		}
		if j < len(text) && text[j] == ' ' {
			j++
		}
		if j >= len(text) || !(text[j] >= 'A' && text[j] <= 'Z' || strings.HasPrefix(text[j:], "Đ")) {
			continue
		}
		m := reOldNumber.FindStringSubmatchIndex(text[start:])
		if m == nil {
			continue
		}
		end := start + m[1]
		if end < len(text) {
			if r, _ := utf8.DecodeRuneInString(text[end:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue
			}
		}
		out = append(out, citedNumber{number: text[start:end], start: start, end: end, old: true})
		i = end - 1
	}
	return out
}

// mergeNumbers merges two lists of numbers ordered by start.
func mergeNumbers(a, b []citedNumber) []citedNumber {
	if len(b) == 0 {
		return a
	}
	out := make([]citedNumber, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0].start <= b[0].start {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// findNumbers returns every document number in text, each standing alone
// (not glued to a preceding letter, digit or slash).
func findNumbers(text string) []citedNumber {
	var out []citedNumber
	for _, m := range numberCandidates(text) {
		var list []citedNumber
		if m[0] > 0 {
			r, _ := utf8.DecodeLastRuneInString(text[:m[0]])
			switch {
			case r == ',':
				// "Nghị định 87,88,31/CP": numbers sharing one symbol.
				if list = sharedSymbol(text, m); list == nil {
					continue
				}
			case unicode.IsLetter(r) && gluedSo(text[:m[0]]):
				// "Tờ trình số372/TTr-CP": a lost space.
			case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/' || r == '.' || r == '-':
				continue
			}
		}
		end := m[1]
		if end < len(text) {
			r, _ := utf8.DecodeRuneInString(text[end:])
			if unicode.IsLetter(r) {
				// "…/QĐ-UBND.Tiếp": a sentence glued after the number, not
				// a dotted code.
				if k := strings.LastIndexAny(text[m[0]:end], ".&"); k > 0 && !strings.ContainsRune(text[m[0]:m[0]+k], '&') {
					end = m[0] + k
				} else {
					continue
				}
			}
			// "154/BC-UBPL15-m": a lowercase mark after the symbol.
			if n := lowerSuffix(text[end:]); n > 0 {
				end += n
			}
		}
		num := text[m[0]:end]
		if !plausibleNumber(num) && !typedNumber(text, num, m[0]) {
			continue
		}
		out = append(out, list...)
		out = append(out, citedNumber{number: num, start: m[0], end: end})
	}
	return out
}

// gluedSo reports whether before ends with the word "số" glued to what
// follows it ("số372/TTr-CP").
func gluedSo(before string) bool {
	for _, so := range []string{"số", "Số", "SỐ"} {
		if rest, ok := strings.CutSuffix(before, so); ok {
			r, _ := utf8.DecodeLastRuneInString(rest)
			return rest == "" || !unicode.IsLetter(r)
		}
	}
	return false
}

// lowerSuffix returns the length of a lowercase mark ("-m", a secret
// document's) right after a symbol, or 0.
func lowerSuffix(s string) int {
	if len(s) < 2 || s[0] != '-' {
		return 0
	}
	n := 1
	for n < len(s) && n <= 2 && s[n] >= 'a' && s[n] <= 'z' {
		n++
	}
	if n == 1 || n < len(s) && (isASCIIDigit(s[n]) || s[n] >= 'a' && s[n] <= 'z' || s[n] >= 0x80) {
		return 0
	}
	return n
}

// sharedSymbol returns the numbers listed before a number with its symbol
// ("87,88,31/CP" gives 87/CP and 88/CP before 31/CP), or nil when the
// comma before m does not join such a list.
func sharedSymbol(text string, m []int) []citedNumber {
	num := text[m[0]:m[1]]
	sep := strings.IndexAny(num, "/-")
	symbol := num[sep:]
	var list []citedNumber
	at := m[0] - 1 // the comma
	for at > 0 && text[at] == ',' {
		j := at
		for j > 0 && isASCIIDigit(text[j-1]) {
			j--
		}
		if j == at || at-j > 5 {
			return nil
		}
		list = append([]citedNumber{{number: text[j:at] + symbol, start: j, end: at}}, list...)
		at = j - 1
	}
	if at >= 0 && text[at] != ' ' {
		return nil
	}
	return list
}

// plausibleNumber rejects matches that are not document numbers: symbols
// without two capitals ("5-Aa"), measurement units ("100/NM").
func plausibleNumber(num string) bool {
	p := parseNumber(num)
	if p.typeCode != "" {
		return true
	}
	if len(p.codes) == 0 {
		return false
	}
	// Without a type code the first code must be a known issuer, a law
	// (QH + term) or at least three capitals (an issuer we do not know).
	c := p.codes[0]
	if _, ok := kindTab().issuerCodes[strings.ToLower(stripTrailingDigits(c))]; ok {
		return true
	}
	up := 0
	for _, r := range c {
		if unicode.IsUpper(r) {
			up++
		}
	}
	return up >= 3
}

// typedNumber reports whether the number num at text[at:], of two codes
// or more, follows a type name and "số" ("Tờ trình số 695/TM-QLTM"): then
// its codes need not look like an issuer's that plausibleNumber knows.
func typedNumber(text, num string, at int) bool {
	if len(parseNumber(num).codes) < 2 {
		// "71/NQ", "96/2015/TT": a type code alone is a number cut short
		return false
	}
	if kind, _ := kindBefore(text, at); kind == "" {
		return false
	}
	lo := max(0, at-8)
	for lo < at && !utf8.RuneStart(text[lo]) {
		lo++
	}
	return strings.HasSuffix(foldKey(strings.TrimRight(text[lo:at], " :")), "so")
}

var (
	reAfterDate  = lazyregexp.New(`(?i)^[\s,]*(?:(?:được\s+)?(?:ban hành|ký|thông qua)\s+)?ngày\s*`)
	reAfterYear  = lazyregexp.New(`(?i)^\s*năm\s+(\d{4})\b`)
	reTitleAbout = lazyregexp.New(`(?i)^(?:[\s,]*(?:của\s+[^;.\n\d]{1,90}?\s+)?(về(?:\s+việc)?\s|quy định\s|hướng dẫn\s|ban hành\s|phê duyệt\s|sửa đổi[,\s])|\s*(?:của\s+[^;.,\n\d]{1,90}?\s+)?(thực hiện\s))`)
	// reTitleStop ends a cited title: a clause break, or a comma before a
	// word that opens a new clause.
	reTitleStop = lazyregexp.New(`(?i)[;\n*“”"()]|\.(?:\s|$)|,\s*(?:với|nhằm|được|đã|theo|trong đó|để|gồm|là|thì|đồng thời|tạo|góp)\s|\s(?:được sửa đổi|(?-i:và (?:Nghị quyết|Nghị định|Quyết định|Thông tư|Chỉ thị|Luật|Kết luận|Quy định|Hướng dẫn|Công văn))|của\s+(?:Bộ|Ban|Ủy|Hội đồng|Chính phủ|Thủ tướng|Quốc hội|Tỉnh|Thành|Huyện)|tại\s)`)
	// reTitleStopList is reTitleStop for the subject of a plan or a
	// program, which may list what it carries out ("thực hiện Nghị quyết
	// Đại hội XIII của Đảng và Nghị quyết Đại hội Đảng bộ tỉnh").
	reTitleStopList = lazyregexp.New(`(?i)[;\n*“”"()]|\.(?:\s|$)|,\s*(?:với|nhằm|được|đã|theo|trong đó|để|gồm|là|thì|đồng thời|tạo|góp)\s|\s(?:được sửa đổi|của\s+(?:Bộ|Ban|Ủy|Hội đồng|Chính phủ|Thủ tướng|Quốc hội|Tỉnh|Thành|Huyện)|tại\s)`)
	reCiteVerb      = lazyregexp.New(`(?i)\b(?:ban hành|ký|thông qua)\b`)
	reBeforeDate    = lazyregexp.New(`(?i)ngày\s*\d{1,2}(?:\s*tháng\s*\d{1,2}\s*năm\s*\d{4}|\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4})`)
)

// FindReferences returns every document that text cites by number, with
// its kind, issue date and subject when the sentence gives them. own is the
// document's own number (never a reference). References are keyed by number
// and issue date (Party numbers restart each committee term): repeated
// mentions of one document merge, the first date and title found winning.
func FindReferences(text, own string) []Reference {
	flat := flattenForReferences(text)
	own = normalizeNumber(own)
	var refs []Reference
	index := map[string]int{}
	prevEnd, prevKind := -1, ""
	for _, cn := range mergeNumbers(findNumbers(flat), oldNumbers(flat)) {
		num := normalizeNumber(cn.number)
		if cn.old {
			num = cn.number // "04 TC/TCT" keeps its space, as written
		}
		if num == own {
			prevEnd = -1
			continue
		}
		ref := Reference{Number: num}
		kind, nameStart := kindBefore(flat, cn.start)
		if cn.old && kind == "" {
			// Only a type word makes such a number a document's.
			continue
		}
		if kind == "" && prevEnd >= 0 && onlyConnectors(flat[prevEnd:cn.start]) {
			kind = prevKind
		}
		typed := kind != "" || documentWordBefore(flat, cn.start)
		if kind == "" {
			kind = KindOfNumber(num)
		}
		if kind == "" {
			kind = "other"
		}
		if !typed && !knownIssuerSymbol(num) || formBefore(flat, cn.start) {
			// "01/MBAI", "mẫu số 05/QTT-TNCN": a form or a code, not a
			// document, unless a type word introduces it.
			prevEnd = -1
			continue
		}
		ref.Kind = kind
		rest := flat[cn.end:]
		if m := reAfterDate.FindStringIndex(rest); m != nil {
			if iso, n := parseDayDate(rest[m[1]:]); iso != "" {
				ref.Issued = NullString(iso)
				rest = rest[m[1]+n:]
			}
		}
		if ref.Issued == "" {
			ref.Issued = NullString(dateBefore(flat, cn.start))
		}
		ref.Title = NullString(citedTitle(flat, rest, kind, nameStart, cn.start))
		key := foldKey(num)
		if i, ok := index[key]; ok {
			old := &refs[i]
			if old.Issued == "" || ref.Issued == "" || old.Issued == ref.Issued {
				if old.Issued == "" {
					old.Issued = ref.Issued
				}
				if old.Title == "" {
					old.Title = ref.Title
				}
				prevEnd, prevKind = cn.end, kind
				continue
			}
			key += "|" + string(ref.Issued)
			if j, ok := index[key]; ok {
				if refs[j].Title == "" {
					refs[j].Title = ref.Title
				}
				prevEnd, prevKind = cn.end, kind
				continue
			}
		}
		index[key] = len(refs)
		refs = append(refs, ref)
		prevEnd, prevKind = cn.end, kind
	}
	return refs
}

// kindBefore looks back from a cited number for the type name that
// introduces it ("Nghị quyết số", "Quy định", "Luật Phí và lệ phí số") in
// the same clause, and returns the kind and where the type name starts.
func kindBefore(text string, at int) (string, int) {
	lo := max(0, at-140)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo++
	}
	window := text[lo:at]
	if i := strings.LastIndexAny(window, ";\n"); i >= 0 {
		lo += i + 1
		window = text[lo:at]
	}
	// Try every word start, nearest first; the type name must be followed
	// only by "số", a name (for laws) or nothing before the number.
	ws := wordStartOffsets(window)
	bestKind, bestAt := "", -1
	for k := len(ws) - 1; k >= 0; k-- {
		kind, n := KindOfTypeName(window[ws[k]:])
		if kind == "" {
			continue
		}
		between := strings.TrimSpace(window[ws[k]+n:])
		fb := foldKey(between)
		first, _ := utf8.DecodeRuneInString(window[ws[k]:])
		if fb == "" || fb == "so" || fb == "so:" {
			if unicode.IsUpper(first) || bestKind != "" {
				return kind, lo + ws[k]
			}
			// "pháp luật số …": lowercase, maybe the tail of a
			// longer name ("Luật Ban hành văn bản quy phạm pháp luật
			// số"); keep looking for a capitalized type word.
			bestKind, bestAt = kind, lo+ws[k]
			continue
		}
		// "Luật Tổ chức chính quyền địa phương số", "Nghị quyết Đại hội …
		// số": a name between the type and "số", capitalized.
		r, _ := utf8.DecodeRuneInString(between)
		if strings.HasSuffix(fb, " so") && unicode.IsUpper(r) && unicode.IsUpper(first) && len(fb) < 90 {
			return kind, lo + ws[k]
		}
		if len(ws)-k > 14 {
			break
		}
	}
	return bestKind, bestAt
}

func wordStartOffsets(s string) []int {
	var out []int
	prev := true
	for i, r := range s {
		sp := unicode.IsSpace(r) || r == '(' || r == ',' || r == '“' || r == '"'
		if !sp && prev {
			out = append(out, i)
		}
		prev = sp
	}
	return out
}

// onlyConnectors reports whether s, between two cited numbers, is only a
// list connector (", số", " và số", " và").
func onlyConnectors(s string) bool {
	f := foldKey(strings.NewReplacer(",", " ", ";", " ").Replace(s))
	switch f {
	case "", "so", "va", "va so", "hoac", "hoac so":
		return true
	}
	return false
}

// dateBefore returns the issue date written before a cited number in the
// same sentence when a verb of issuing links them ("ngày 4-7-2011 Đảng ủy
// Khối đã ban hành Nghị quyết số 02-NQ/ĐUK").
func dateBefore(text string, at int) string {
	lo := max(0, at-160)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo++
	}
	window := text[lo:at]
	if i := strings.LastIndexAny(window, ".;\n"); i >= 0 {
		window = window[i+1:]
	}
	ms := reBeforeDate.FindAllStringIndex(window, -1)
	if len(ms) == 0 {
		return ""
	}
	m := ms[len(ms)-1]
	between := window[m[1]:]
	if !reCiteVerb.MatchString(between) || reNumber.MatchString(between) {
		return ""
	}
	iso, _ := parseDayDate(window[m[0]:])
	return iso
}

// citedTitle returns the subject of a cited document: for a law, its name
// between the type word and "số"; otherwise the "về …" (or "quy định …",
// "hướng dẫn …") clause after the number and date.
func citedTitle(text, rest, kind string, nameStart, numStart int) string {
	if kind == "law" && nameStart >= 0 {
		name := strings.TrimSpace(text[nameStart:numStart])
		name = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(name, "số"), "số:"))
		if len(strings.Fields(name)) > 1 {
			return name
		}
	}
	if y := reAfterYear.FindStringIndex(rest); y != nil {
		rest = rest[y[1]:]
	}
	m := reTitleAbout.FindStringSubmatchIndex(rest)
	if m == nil {
		return ""
	}
	if m[2] >= 0 && strings.HasSuffix(strings.ToLower(strings.TrimSpace(rest[:m[2]])), "được") {
		// "…, được sửa đổi, bổ sung bởi Nghị quyết số …": how the
		// document was amended, not its subject.
		return ""
	}
	stop := reTitleStop
	if m[2] < 0 {
		// "Kế hoạch số … thực hiện Nghị quyết …": a plan's or a
		// program's subject.
		if kind != "plan" && kind != "program" {
			return ""
		}
		m = m[2:]
		stop = reTitleStopList
	}
	start := m[2]
	if w := strings.ToLower(rest[m[2]:m[3]]); strings.HasPrefix(w, "về") {
		start = m[3]
	}
	t := rest[start:]
	if s := stop.FindStringIndex(t); s != nil {
		t = t[:s[0]]
	}
	from := numStart
	if nameStart >= 0 {
		from = nameStart
	}
	t = t[:mainClauseComma(t, frontedCitation(text, from))]
	if len(t) > 300 {
		return ""
	}
	t = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t), ",:"))
	if len(strings.Fields(t)) < 2 || strings.HasSuffix(foldKey(t), "nhu sau") {
		return ""
	}
	return t
}

// reClauseSubject finds a new clause after a comma: a body as its subject
// ("Ủy ban nhân dân thị xã ban hành …", "Bộ Chính trị kết luận …") and a
// verb of acting; a list of bodies ("Sở Văn hóa, Thể thao và Du lịch, Sở
// Du lịch thuộc …") has no such verb.
var (
	reClauseSubject = lazyregexp.New(`^\s*(?:Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Ban |Bộ |Sở |Phòng |Chính phủ|Thủ tướng|Quốc hội|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Thành ủy|Thành uỷ|Đảng ủy|Đảng uỷ|Tỉnh đoàn|Huyện đoàn|Thành đoàn|Chi bộ|Đảng bộ)`)
	reClauseAct     = lazyregexp.New(`\s(?:ban hành|xây dựng (?i:kế hoạch|chương trình)|kết luận|có ý kiến|yêu cầu|đề nghị|chỉ đạo|quyết định|giao|triển khai|thông báo|đặt|đề ra)(?:\s|$)`)
	// reClauseReport finds a verb of saying, which no cited subject line
	// uses ("…, Thứ trưởng X nhấn mạnh").
	reClauseReport = lazyregexp.New(`\s(?:cho biết|nhấn mạnh|khẳng định|nêu rõ|phát biểu)(?:\s|$)`)
	// reClauseTense finds a tense marker or a verb of deciding: after a
	// citation that opens the sentence it starts the main clause
	// ("Sau hai năm thực hiện Nghị quyết số … về …, bộ mặt nông thôn đã
	// …"); inside a subject line "đã" may occur ("… đã phục viên").
	reClauseTense = lazyregexp.New(`(?:^|\s)(?:đã|sẽ|đang|đặt (?:mục tiêu|chỉ tiêu|ra)|đề ra)(?:\s|$)`)
	// reFrontedClause finds a sentence opening with a fronted clause
	// whose main clause follows a comma.
	reFrontedClause = lazyregexp.New(`(?i)^\s*(?:thực hiện|triển khai|sau (?:hơn |gần |khi )?|theo|để|qua|trên cơ sở|tiếp tục|căn cứ|quán triệt)`)
)

// mainClauseComma returns where a cited title t ends when a main clause
// follows it after a comma ("Thực hiện Kế hoạch số … về chuyển đổi số năm
// 2024, Ủy ban nhân dân thị xã ban hành …"), or len(t). fronted tells
// whether the citation sits in a clause that opens its sentence. Commas
// inside a title ("giai đoạn 2021 - 2025, định hướng đến năm 2030") stay.
func mainClauseComma(t string, fronted bool) int {
	for i := 0; i < len(t); i++ {
		if t[i] != ',' {
			continue
		}
		seg := t[i+1:]
		if j := strings.IndexByte(seg, ','); j >= 0 {
			seg = seg[:j]
		}
		if reClauseSubject.MatchString(seg) && reClauseAct.MatchString(seg) || reClauseReport.MatchString(seg) ||
			fronted && reClauseTense.MatchString(seg) {
			// The clause's subject may be a list of bodies: "…, Bộ
			// Chính trị, Ban Bí thư yêu cầu …".
			for {
				j := strings.LastIndexByte(t[:i], ',')
				if j < 0 {
					break
				}
				prev := t[j+1 : i]
				if !reClauseSubject.MatchString(prev) || len(strings.Fields(prev)) > 6 || reClauseAct.MatchString(prev) {
					break
				}
				i = j
			}
			return i
		}
	}
	return len(t)
}

// frontedCitation reports whether the citation whose type name starts at
// at sits in a fronted clause of its sentence ("Thực hiện Quyết định số
// …", "Sau hơn hai năm thực hiện Nghị quyết …").
func frontedCitation(text string, at int) bool {
	lo := max(0, at-200)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo++
	}
	window := text[lo:at]
	if i := strings.LastIndexAny(window, ".;:\n!?"); i >= 0 {
		window = window[i+1:]
	} else if lo > 0 {
		return false
	}
	return !strings.Contains(window, ",") && reFrontedClause.MatchString(window)
}

// numberCandidates returns the spans matching numberPattern, running the
// expression only where a digit run is followed by "-" or "/" and a capital
// (after an optional "YYYY/"): the same matches as
// reNumber.FindAllStringIndex, without scanning all prose with it.
func numberCandidates(text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < '0' || c > '9' || i > 0 && text[i-1] >= '0' && text[i-1] <= '9' {
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j < len(text) && text[j] >= 'a' && text[j] <= 'z' {
			j++
		}
		k := j + 1
		// "66.2/2025/NQ-CP": a sub-number before the year.
		if j+1 < len(text) && text[j] == '.' && isASCIIDigit(text[j+1]) {
			d := j + 1
			for d < len(text) && d < j+3 && isASCIIDigit(text[d]) {
				d++
			}
			if d+6 <= len(text) && text[d] == '/' && allASCIIDigits(text[d+1:d+5]) && text[d+5] == '/' {
				j, k = d+5, d+6
			}
		}
		if j >= len(text) || text[j] != '-' && text[j] != '/' {
			i = j - 1
			continue
		}
		if k == j+1 && k+5 <= len(text) && allASCIIDigits(text[k:k+4]) && text[k+4] == '/' {
			k += 5
		}
		if k >= len(text) {
			break
		}
		r, _ := utf8.DecodeRuneInString(text[k:])
		if !(r >= 'A' && r <= 'Z' || r == 'Đ') {
			i = j
			continue
		}
		m := reNumberAnchored.FindStringIndex(text[i:])
		if m == nil {
			i = j
			continue
		}
		out = append(out, []int{i, i + m[1]})
		i += m[1] - 1
	}
	return out
}

// knownIssuerSymbol reports whether a number's symbol vouches for it
// without a type word before it: it has a type code ("NQ", "QĐ") or its
// first code is a known issuer ("VPCP", "QH13").
func knownIssuerSymbol(num string) bool {
	p := parseNumber(num)
	if p.typeCode != "" {
		return true
	}
	if len(p.codes) == 0 {
		return false
	}
	_, ok := kindTab().issuerCodes[strings.ToLower(stripTrailingDigits(p.codes[0]))]
	return ok
}

// documentWordBefore reports whether "văn bản số" introduces a number: a
// document of any type ("tại Văn bản số 6934/SNNMT-TCCB").
func documentWordBefore(text string, at int) bool {
	lo := max(0, at-16)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo++
	}
	f := foldKey(text[lo:at])
	return strings.HasSuffix(f, "van ban so") || strings.HasSuffix(f, "van ban so:")
}

// formBefore reports whether the words just before a number make it a
// form or template code ("mẫu số 01/MBAI", "Tờ khai 05/QTT-TNCN",
// "Phụ lục 01/PL").
func formBefore(text string, at int) bool {
	lo := max(0, at-24)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo++
	}
	f := foldKey(text[lo:at])
	for _, w := range []string{"mau", "mau so", "to khai", "bieu", "bieu so", "phu luc", "phu luc so", "bang ke"} {
		if strings.HasSuffix(f, " "+w) || f == w {
			return true
		}
	}
	return false
}
