package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"vanban/internal/lazyregexp"
)

// This file holds what the heading parser reads besides the heading block
// itself: a heading flattened into one paragraph, HTML line breaks inside
// Markdown table cells, the document's own number and date repeated in the
// caption of an annex or of an attached regulation, and the adoption line
// of a text passed by an elected body.

// headingLines splits text into lines for the heading parser: a heading
// that a conversion flattened into one paragraph ("ỦY BAN NHÂN DÂN TỈNH X CỘNG HÒA XÃ HỘI CHỦ
// NGHĨA VIỆT NAM … Số: 123/QĐ-UBND X, ngày … QUYẾT ĐỊNH Về việc …") is cut
// back into its lines.
func headingLines(text string) []textLine {
	lines := splitLines(text)
	if !needsRecut(lines) {
		return lines
	}
	var out, rights []textLine // rights: the motto column of joined lines
	nonEmpty := 0
	for i, l := range lines {
		if nonEmpty >= headColumns {
			out = append(out, rights...)
			return append(out, lines[i:]...)
		}
		if l.clean != "" {
			nonEmpty++
		}
		if nonEmpty <= 3 && len(l.text) >= 120 {
			out = append(append(out, rights...), unflatten(l)...)
			rights = nil
			continue
		}
		// Two columns joined line by line: the issuer's lines first, then
		// the motto's, as a heading reads.
		if left, right, ok := splitMotto(l); ok {
			out = append(out, left)
			rights = append(rights, right)
			continue
		}
		if rights != nil && l.clean != "" && capsRatio(l.clean) > 0.8 && !reNumberLine.MatchString(l.clean) {
			// More of the issuer's column ("BÀ RỊA – VŨNG TÀU", "*****").
			out = append(out, l)
			if isRule(l.clean) {
				out = append(out, rights...)
				rights = nil
			}
			continue
		}
		out = append(append(out, rights...), l)
		rights = nil
	}
	return append(out, rights...)
}

// needsRecut reports whether the first lines hold a flattened heading or a
// motto joined to the issuer's column, the cases headingLines recuts.
func needsRecut(lines []textLine) bool {
	nonEmpty := 0
	for _, l := range lines {
		if nonEmpty >= headColumns {
			break
		}
		if l.clean == "" {
			continue
		}
		nonEmpty++
		if nonEmpty <= 3 && len(l.text) >= 120 {
			return true
		}
		if _, _, ok := splitMotto(l); ok {
			return true
		}
	}
	return false
}

// reBreak finds the HTML line breaks that Markdown tables keep inside a
// cell ("ĐẢNG BỘ TỈNH X<br>BAN THƯỜNG VỤ TỈNH ỦY<br>*").
var reBreak = lazyregexp.New(`(?i)<br\s*/?>`)

// reMotto finds the national motto, its second line or the Party's name.
var reMotto = lazyregexp.New(`C[ỘO]NG H[ÒO][AÀ] XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc`)

// splitMotto splits a heading line where a conversion joined the issuer's
// column and the motto's with a single space ("UỶ BAN NHÂN DÂN CỘNG HOÀ XÃ
// HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH CÀ MAU Độc lập – Tự do – Hạnh phúc").
func splitMotto(l textLine) (left, right textLine, ok bool) {
	if len(l.text) > 300 || !strings.Contains(l.text, "CỘNG") && !strings.Contains(l.text, "Độc lập") {
		return l, l, false
	}
	loc := reMotto.FindStringIndex(l.text)
	if loc == nil {
		return l, l, false
	}
	// The left column holds a short name; the right one the motto alone.
	before := strings.Fields(strings.Trim(l.text[:loc[0]], "|*_ "))
	if len(before) == 0 || len(before) > 8 || continuesOn[strings.ToLower(before[len(before)-1])] ||
		strings.Trim(l.text[loc[1]:], " \t|*_-–—=.") != "" {
		return l, l, false
	}
	a, b := l.text[:loc[0]], l.text[loc[0]:]
	return textLine{text: a, clean: stripMarkup(a), start: l.start}, textLine{text: b, clean: stripMarkup(b), start: l.start + loc[0]}, true
}

// reFlatAnchor finds where the lines of a flattened heading began: the
// national motto or the Party's name, the motto's second line, the number,
// a type name in capitals, the subject, the authority line, the first
// legal basis.
var reFlatAnchor = lazyregexp.New(`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc|(?:Số|SỐ)\s*:?\s*\d{1,5}[^\s]*|\b(?:QUYẾT ĐỊNH|NGHỊ QUYẾT|NGHỊ ĐỊNH|THÔNG TƯ|CHỈ THỊ|KẾ HOẠCH|KẾT LUẬN|HƯỚNG DẪN|BÁO CÁO|THÔNG BÁO|QUY ĐỊNH|QUY CHẾ|CHƯƠNG TRÌNH|TỜ TRÌNH|CÔNG VĂN)\b|\b(?:Về việc|V/v)\b|\b(?:CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG)\s|\bCăn cứ\b`)

// rePlaceDateIn finds a place-date inside a flattened heading: the date part.
var rePlaceDateIn = lazyregexp.New(`,\s*ngày\s*(?:(?:mồng|mùng)\s*)?\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}`)

// unflatten cuts a flattened heading line back into heading lines. A line
// is flattened when it is long and holds the national motto or the
// Party's name after some words, together with a number or a type name.
func unflatten(l textLine) []textLine {
	c := l.text
	if len(c) < 120 {
		return []textLine{l}
	}
	head := c
	if len(head) > 400 {
		head = c[:400]
	}
	motto := strings.Contains(head, "CỘNG HÒA XÃ HỘI") || strings.Contains(head, "CỘNG HOÀ XÃ HỘI") || strings.Contains(head, "ĐẢNG CỘNG SẢN VIỆT NAM")
	if !motto || !strings.Contains(head, "Số") && !strings.Contains(head, "SỐ") {
		return []textLine{l}
	}
	cuts := map[int]bool{}
	for _, m := range reFlatAnchor.FindAllStringIndex(c, -1) {
		if m[0] > 0 {
			cuts[m[0]] = true
		}
		if strings.HasPrefix(strings.ToUpper(c[m[0]:m[1]]), "SỐ") {
			cuts[m[1]] = true // the place-date follows the number
		}
		if strings.HasPrefix(c[m[0]:], "Căn cứ") {
			break // the body: stop cutting
		}
	}
	for _, m := range rePlaceDateIn.FindAllStringIndex(c, 1) {
		cuts[m[1]] = true
	}
	var at []int
	for k := range cuts {
		if k < len(c) {
			at = append(at, k)
		}
	}
	sort.Ints(at)
	var out []textLine
	from := 0
	for _, k := range append(at, len(c)) {
		part := c[from:k]
		if strings.TrimSpace(part) != "" {
			out = append(out, textLine{text: part, clean: stripMarkup(strings.TrimSpace(part)), start: l.start + from})
		}
		from = k
	}
	return out
}

// reCaption finds the caption that ties an annex or an attached regulation
// to the document that issues it: "(Ban hành kèm theo Nghị quyết số
// 197/2025/QH15 ngày 17/5/2025)", "(Kèm theo Nghị định số 307/2025/NĐ-CP
// ngày 27 tháng 11 năm 2025 của Chính phủ)".
var reCaption = lazyregexp.New(`(?i)^[\s*_|(]*(?:ban[\s*]+hành[\s*]+)?kèm[\s*]+theo[\s*]+((?:nghị|quyết|định|thông|tư|liên|tịch|chỉ|thị|kế|hoạch|kết|luận|hướng|dẫn|quy|chương|trình|luật)(?:[\s*]+(?:quyết|định|tư|liên|tịch|thị|hoạch|luận|dẫn|trình))*)[\s*]+(?:số[\s*:]*)?`)

// captionLines returns the offsets of the lines of text that say "kèm
// theo" (the only lines a caption can start), cheaply: the caption
// expression runs on them alone.
func captionLines(text string) []int {
	var out []int
	for _, w := range []string{"kèm theo", "Kèm theo", "KÈM THEO", "kèm* *theo", "Kèm* *theo"} {
		for from := 0; ; {
			k := strings.Index(text[from:], w)
			if k < 0 {
				break
			}
			at := from + k
			ls := strings.LastIndexByte(text[:at], '\n') + 1
			if len(out) == 0 || out[len(out)-1] != ls {
				out = append(out, ls)
			}
			from = at + len(w)
		}
	}
	sort.Ints(out)
	return out
}

// reFillers are the dots and ellipses of a filled blank ("…05…./2006").
var reFillers = lazyregexp.New(`[….]{2,}|…`)

// ownFromCaption returns the number and issue date given by the caption of
// an annex ("Phụ lục … (Kèm theo Nghị định số 307/2025/NĐ-CP ngày …)") or
// of a regulation attached to a decision, for a heading that lost them:
// the caption must name a document of the heading's own kind, or sit in
// the heading block itself (a regulation issued with a decision carries
// the decision's number).
func ownFromCaption(text string, headEnd int, kind, number string) (num, issued string) {
	for _, at := range captionLines(text) {
		// The caption may wrap ("*(Kèm theo\nNghị quyết số …"): line breaks
		// read as spaces (one byte for one).
		line := strings.ReplaceAll(text[at:min(len(text), at+400)], "\n", " ")
		m := reCaption.FindStringSubmatchIndex(line)
		if m == nil {
			continue
		}
		m[1] += at
		tk, _ := KindOfTypeName(strings.ReplaceAll(line[m[2]:m[3]], "*", " "))
		inHead := at < headEnd
		if tk != kind && !inHead {
			continue
		}
		rest := text[m[1]:min(len(text), m[1]+200)]
		rest = strings.NewReplacer("*", "", "\n", " ").Replace(rest)
		rest = reFillers.ReplaceAllString(rest, "")
		n := reHeadNumber.FindString(tightenNumber(rest))
		if n == "" {
			continue
		}
		n = headingNumber(n)
		if number != "" && n != number {
			continue
		}
		after := rest[min(len(rest), len(n)):]
		if i := strings.Index(strings.ToLower(after), "ngày"); i >= 0 && i < 12 {
			issued = firstDay(after[i:])
		}
		return n, issued
	}
	return "", ""
}

// reAdoption finds the line by which an elected body passed a text: "Nghị
// quyết này được Ủy ban Thường vụ Quốc hội … thông qua ngày 16 tháng 6 năm
// 2025", "Luật này đã được Quốc hội … thông qua ngày …".
var reAdoption = lazyregexp.New(`(?i)(?:nghị quyết|bộ luật|luật|pháp lệnh)\s+này\s+(?:đã\s+)?được\s+[^.]{0,250}?thông\s+qua[\s*]+(?:vào[\s*]+)?ngày`)

// adoptionDate returns the date on which an elected body passed the text
// (the last adoption line among the last eight "thông qua"), or "".
// domain.md §1.3: such a text carries the date it was passed.
func adoptionDate(text string) string {
	// The expression runs only on the sentences that say "thông qua", the
	// last ones first.
	var at []int
	for _, w := range []string{"thông qua", "THÔNG QUA", "Thông qua"} {
		for from := 0; ; {
			k := strings.Index(text[from:], w)
			if k < 0 {
				break
			}
			at = append(at, from+k)
			from += k + len(w)
		}
	}
	sort.Ints(at)
	for n := len(at) - 1; n >= 0 && n >= len(at)-8; n-- {
		lo := max(0, at[n]-400)
		for lo > 0 && !utf8.RuneStart(text[lo]) {
			lo++
		}
		window := text[lo:min(len(text), at[n]+60)]
		// Only a window that says "… này được …" can hold the line.
		if !strings.Contains(window, "này") && !strings.Contains(window, "NÀY") {
			continue
		}
		if ms := reAdoption.FindAllStringIndex(window, -1); ms != nil {
			from := lo + ms[len(ms)-1][1] - len("ngày")
			if d := firstDay(text[from:min(len(text), from+80)]); d != "" {
				return d
			}
		}
	}
	return ""
}

// firstDay returns the day date that s starts with ("ngày 16 tháng 6 năm
// 2025 …", "ngày 17/5/2025)"), or "".
func firstDay(s string) string {
	for _, d := range FindDates(s, 0) {
		if d.Offset > 8 {
			break
		}
		if d.Grain == GrainDay {
			return d.Start
		}
	}
	return ""
}

// headingNumber writes a number read from a heading in its standard form:
// no spaces, and its codes in capitals when a lower-cased copy lost them
// ("35-nq/tu" → "35-NQ/TU", "2597/qđ-ttg" → "2597/QĐ-TTg": the codes
// written in mixed case keep it, domain.md §1.2; codes printed in mixed
// case such as "TTr" stay).
func headingNumber(n string) string {
	n = normalizeNumber(n)
	for _, r := range n {
		if unicode.IsUpper(r) {
			return n
		}
	}
	return reUpperCode.Regexp().ReplaceAllStringFunc(strings.ToUpper(n), func(code string) string {
		if m, ok := mixedCaseCodes[code]; ok {
			return m
		}
		return code
	})
}

// reUpperCode is one code of a symbol in capitals.
var reUpperCode = lazyregexp.New(`[A-ZĐ][A-ZĐ0-9]*`)

// mixedCaseCodes are the codes of symbols written in mixed case (domain.md
// §1.2: "TTg" the Prime Minister, "TTr" a submission, "CTr" a program,
// "QyĐ" rules, "TrS" an extract copy), keyed by their capitals.
var mixedCaseCodes = map[string]string{"TTG": "TTg", "TTR": "TTr", "CTR": "CTr", "CTTG": "CTTg", "QYĐ": "QyĐ", "TRS": "TrS"}

// reDashes are the dashes a typist or a converter put for the hyphen of a
// number ("Số 35 – NQ/TU").
var reDashes = strings.NewReplacer("–", "-", "—", "-", "‐", "-", "‑", "-", "−", "-")

// isQuestion reports whether a heading line is a question: the headline of
// a Q&A page that quotes a document ("Mẫu báo cáo … như thế nào?"), which
// an official heading never is.
func isQuestion(c string) bool {
	c = strings.TrimSpace(strings.Trim(c, "*_# "))
	return strings.HasSuffix(c, "?") && utf8.RuneCountInString(c) > 15
}

// boldLine reports whether a raw line is wholly in bold ("**ỦY BAN NHÂN
// DÂN THÀNH PHỐ HÀ NỘI**").
func boldLine(raw string) bool {
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(raw), "|"))
	return len(t) > 4 && strings.HasPrefix(t, "**") && strings.HasSuffix(t, "**")
}

// endsWithTypeName reports whether a subject line ends with a document
// type name, so that a number line after it goes on with the subject
// ("… KÈM THEO NGHỊ QUYẾT" / "SỐ 09/2022/NQ-HĐND NGÀY …").
func endsWithTypeName(c string) bool {
	w := strings.Fields(c)
	for n := 1; n <= 4 && n <= len(w); n++ {
		tail := strings.Join(w[len(w)-n:], " ")
		if k, m := KindOfTypeName(tail); k != "" && m == len(tail) {
			return true
		}
	}
	return false
}

// boldSubject returns the subject of a crawled heading that lost its type
// line: the first line wholly in bold after the number line (at position
// numberAt of idx), before the legal basis; or "".
func boldSubject(lines []textLine, idx []int, numberAt int) string {
	for _, i := range idx[numberAt+1:] {
		c := lines[i].clean
		if c == "" || rePlaceDate.MatchString(c) || isRule(c) {
			continue
		}
		f := foldKey(c)
		if strings.HasPrefix(f, "can cu") || strings.HasPrefix(f, "dieu ") || strings.HasPrefix(f, "kinh gui") {
			return ""
		}
		if boldLine(lines[i].text) && !reSectionHead.MatchString(c) && utf8.RuneCountInString(c) <= maxSubject {
			return strings.Join(strings.Fields(c), " ")
		}
	}
	return ""
}

// bodyStarts are the words that open the body of an official text after
// its heading and subject.
var bodyStartWords = []string{"Căn cứ", "CĂN CỨ", "QUYẾT NGHỊ", "Điều 1", "ĐIỀU 1", "Chương I", "CHƯƠNG I", "Phần I", "PHẦN I"}

// bodyStart returns the offset of the first line of text that opens the
// body ("Căn cứ …", "Điều 1.", "Chương I"), or -1.
func bodyStart(text string) int {
	for ls := 0; ls < len(text); {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		line := strings.TrimLeft(text[ls:le], " \t*_|#>-")
		for _, w := range bodyStartWords {
			if strings.HasPrefix(line, w) {
				return ls
			}
		}
		ls = le + 1
	}
	return -1
}

// completeFromBody fills the number and issue date that an official
// heading lost (a crawled copy without its table of number and place-date)
// from the caption of an annex or an attached regulation, and the issue
// date of a text passed by an elected body from its adoption line.
func completeFromBody(text string, h *Heading) {
	if h.Number == "" || h.Issued == "" {
		headEnd := 1500
		if at := bodyStart(text); at >= 0 {
			headEnd = at
		}
		n, d := ownFromCaption(text, headEnd, h.Kind, h.Number)
		if h.Number == "" && n != "" {
			h.Number = n
			if h.Kind == "" || h.Kind == "other" {
				h.Kind = KindOfNumber(n)
			}
			if h.Issuer == "" {
				h.Issuer = IssuerOfNumber(n)
			}
		}
		if h.Issued == "" && d != "" {
			h.Issued = d
		}
	}
	if h.Issued == "" {
		h.Issued = adoptionDate(text)
	}
}

// enactingBody returns the body named in capitals on its own line under
// the subject of a heading that lost its issuer column ("NGHỊ QUYẾT" /
// "Về …" / "QUỐC HỘI" / "Căn cứ …"), in the case the text writes it; or "".
func enactingBody(lines []textLine, typeLine int, title, text string) string {
	seen := 0
	for i := typeLine + 1; i < len(lines) && seen < 12; i++ {
		c := lines[i].clean
		if c == "" || isRule(c) {
			continue
		}
		seen++
		f := foldKey(c)
		if strings.HasPrefix(f, "can cu") || strings.HasPrefix(f, "dieu ") {
			return ""
		}
		if strings.Contains(title, c) || capsRatio(c) < 0.9 || len(strings.Fields(c)) > 8 {
			continue
		}
		for _, b := range bodyStarts {
			if strings.HasPrefix(f+" ", b) {
				return caseLike(c, text)
			}
		}
	}
	return ""
}

// rePostedLabel finds a labelled posting time on a line of its own:
// "Giờ đăng bài viết gốc: 14/04/2025 23:02", "Ngày đăng: 12/03/2025".
var rePostedLabel = lazyregexp.New(`(?i)^(?:giờ đăng bài viết gốc|giờ đăng|ngày đăng|đăng ngày|đăng lúc|thời gian đăng|ngày xuất bản)\s*:`)

// labelledDateline returns the publication time that a labelled line
// anywhere in an article gives, or "".
func labelledDateline(lines []textLine) string {
	for _, l := range lines {
		if len(l.clean) > 90 || !strings.Contains(l.clean, ":") || !strings.Contains(l.clean, "ng") && !strings.Contains(l.clean, "bản") {
			continue
		}
		if rePostedLabel.MatchString(l.clean) {
			if iso := parseDateline(l.clean); iso != "" {
				return iso
			}
		}
	}
	return ""
}

// placeDate returns the date of a place-date line ("Cần Thơ, ngày 04 tháng
// 7 năm 2011", "Bình Định ngày 05/6/2025", "*Hà Nội, ngày* *17 tháng 11 năm
// 2025*", "Quy Nhơn, ngày 05 tháng Sáu năm 2025"), or "".
func placeDate(c string) string {
	if strings.Contains(c, "*") {
		c = strings.Join(strings.Fields(strings.ReplaceAll(c, "*", " ")), " ")
	}
	m := rePlaceDate.FindStringIndex(c)
	if m == nil {
		return ""
	}
	at := strings.LastIndex(strings.ToLower(c[:m[1]]), "ngày")
	if at < 0 { // "Hà Nội, 12 tháng 10 năm 2017"
		at = strings.LastIndex(c[:m[1]], ",") + 1
	}
	return firstDay(c[at:])
}
