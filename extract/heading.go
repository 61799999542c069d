package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"vanban/internal/lazyregexp"
)

// Heading is what the top and bottom of a document say about it: for an
// official document its kind, number, issuer, issue date, subject line
// (trích yếu) and signers; for a news article its headline (without a
// kicker), publication time and byline.
type Heading struct {
	Kind      string
	Number    string
	Issuer    string
	Issued    string // ISO YYYY-MM-DD
	Title     string
	Published string // ISO YYYY-MM-DD or YYYY-MM-DDTHH:MM
	Authors   []string
}

// headLines is how many non-empty lines the heading block may take.
const headLines = 45

var (
	// reHeadNumber is a number at the start of a heading line or a
	// caption, in capitals or in a copy that lower-cased them
	// ("125/2025/qđ-ubnd"; headingNumber restores the capitals).
	reHeadNumber = lazyregexp.New(`(?i)^` + numberPattern)
	// reNumberLine finds "Số: 15/2011/NQ-HĐND", "Số 02-NQ/ĐUK", a law's
	// "Luật số: 60/2024/QH15" on a heading line (the number may sit on the
	// next line in table layouts).
	reNumberLine = lazyregexp.New(`(?i)^(?:(?:bộ\s+)?luật\s+|pháp\s+lệnh\s+)?(?:số|so)\s*:?\s*(` + numberPattern + `(?:\s*-\s*[A-ZĐ][A-Za-zĐđ0-9]*)*)`)
	// rePlaceDate finds the place-date line "Cần Thơ, ngày 04 tháng 7 năm
	// 2011" (also "Cần Thơ ngày 4/7/2011", "Hà Nội, ngày mồng 3 tháng 3
	// năm 2016", emphasis inside it aside; see placeDate): a place, then
	// "ngày" and a digit, or a place, a comma and a whole "12 tháng 10 năm
	// 2017" without "ngày".
	rePlaceDate = lazyregexp.New(`(?i)^[\p{L}][\p{L} .'’-]{1,40}?(?:,?\s*ngày\s*(?:(?:mồng|mùng)\s*)?\d|,\s*\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})`)
	// reGazetteNumber finds "số 176/1998/TTLT-BTC-BCN-TCHQ" in a gazette
	// style opening ("Thông tư liên tịch của … số … ngày … Hướng dẫn …").
	reGazetteNumber = lazyregexp.New(`(?i)\bsố\s*:?\s*(` + numberPattern + `)`)
	// reDateline finds an article's dateline "10/07/2011 - 19:35",
	// "Thứ Hai, 10/07/2011 19:35", "10-7-2011".
	reDateline = lazyregexp.New(`(?i)^` + datelineLabel + `(?:[\p{L} ]{2,12},\s*)?(?:ngày\s*)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s*[-–,|]?\s*(?:lúc\s*)?(\d{1,2})[:h](\d{2})(?:\s*(SA|CH|AM|PM))?)?` + datelineZone + `$`)
	// reDatelineTimeFirst finds a dateline with the time first: "08:15 |
	// 25/02/2021", "10:35 Thứ Tư, 12/3/2025".
	reDatelineTimeFirst = lazyregexp.New(`(?i)^` + datelineLabel + `(\d{1,2})[:h](\d{2})(?:\s*(SA|CH|AM|PM))?\s*[-–,|]?\s*(?:[\p{L} ]{2,12},\s*)?(?:ngày\s*)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})` + datelineZone + `$`)
	reSignMark          = lazyregexp.New(`(?i)^(?:TM\.|KT\.|TL\.|TUQ\.|Q\.|T/M|K/T|T/L|\(?đã ký\)?|\(?ký\b|CHỦ TỊCH|PHÓ CHỦ TỊCH|BÍ THƯ|PHÓ BÍ THƯ|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|PHÓ THỦ TƯỚNG|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|CHỦ NHIỆM|TỔNG BÍ THƯ|CHỦ TỌA|THƯ KÝ)`)
)

// ParseHeading reads the heading of doc's text (and its metadata title and
// time, when the text does not give them).
func ParseHeading(doc Source) Heading {
	text := doc.Text()
	if strings.Contains(text, "<br") || strings.Contains(text, "<BR") {
		// A Markdown table cell keeps its line breaks as HTML.
		text = reBreak.ReplaceAllString(text, "\n")
	}
	lines := headingLines(text)
	var h Heading
	if parseOfficial(splitColumns(lines), text, &h) {
		completeFromBody(text, &h)
		// Emphasis marks left inside a wrapped subject ("HÀ NỘI* (THỰC
		// HIỆN …)*"): a subject line has no asterisk of its own.
		h.Title = strings.Join(strings.Fields(strings.ReplaceAll(h.Title, "*", "")), " ")
		h.Authors = signers(lines)
		if foldKey(h.Issuer) == "ban chap hanh trung uong" {
			// The Central Committee, the Politburo and the Secretariat
			// all head their documents "BAN CHẤP HÀNH TRUNG ƯƠNG"; the
			// signature block tells them apart (domain.md §2).
			if b := centralSigner(lines); b != "" {
				h.Issuer = b
			}
		}
		if h.Title == "" && doc.Title != "" {
			h.Title = cleanMetaTitle(doc.Title)
		}
		return h
	}
	// What a heading block that was not one left in h (a recital's date
	// read as a place-date line) is no article's.
	h = Heading{}
	parseArticle(lines, doc, &h)
	if sheetFormats[doc.Format] {
		// A workbook without an official heading (a table of targets, a
		// budget form) is no news article: kind "other", titled by its
		// first line or caption, with no dateline or byline.
		h.Kind, h.Published, h.Authors = "other", "", nil
	}
	return h
}

// headBlock returns the indexes of the first headLines non-empty lines.
func headBlock(lines []textLine) []int {
	return headBlockFrom(lines, 0)
}

// headBlockFrom is headBlock starting at line from.
func headBlockFrom(lines []textLine, from int) []int {
	var idx []int
	for i := from; i < len(lines); i++ {
		l := lines[i]
		if l.clean == "" {
			continue
		}
		idx = append(idx, i)
		if len(idx) == headLines {
			break
		}
	}
	return idx
}

// parseOfficial fills h from an official document's heading block and
// reports whether the text has one.
func parseOfficial(lines []textLine, text string, h *Heading) bool {
	start := headingStart(lines)
	idx := cutAtProse(lines, headBlockFrom(lines, start))
	if len(idx) == 0 {
		return false
	}
	state, party := headMottoes(lines, idx)
	typeAt, numberAt := scanHeadBlock(lines, idx, h)
	if typeAt >= 0 && h.Kind == "" {
		typeLineFields(lines, idx, typeAt, text, h)
	}
	letter := false
	if typeAt < 0 {
		letter = untypedTitle(lines, idx, numberAt, h)
	} else if !state && !party && h.Number == "" {
		// A Q&A page quoting a form ("Mẫu báo cáo … như thế nào?" above
		// "BÁO CÁO"): an official heading never asks a question.
		for _, i := range idx[:typeAt] {
			if isQuestion(lines[i].clean) {
				return false
			}
		}
	}
	gazette := false
	if typeAt < 0 && !state && !party && h.Number == "" {
		// Gazette style: the document opens with its type name, its
		// number and date, and its subject in one paragraph.
		gazette = parseGazette(lines, idx, h)
		if !gazette {
			// A text cut down to its subject line ("Nghị quyết về …"):
			// nothing the block scan set holds (a recital's date is no
			// place-date line).
			var t Heading
			if !parseTitledOpening(lines, text, &t) {
				return false
			}
			*h = t
			return true
		}
	}
	if h.Kind == "" && letter {
		// "V/v" heads the subject of an official letter only, whatever
		// its symbol's codes look like ("5680/CT-CS": CT is the issuer).
		h.Kind = "official-letter"
	}
	if h.Kind == "" && h.Number != "" {
		h.Kind = KindOfNumber(h.Number)
	}
	if !state && !party && typeAt < 0 && !gazette && h.Number == "" {
		return false
	}
	if h.Kind == "" {
		h.Kind = "other"
	}
	limit := len(idx)
	if typeAt >= 0 {
		limit = typeAt
	} else if numberAt >= 0 {
		limit = numberAt + 1
	}
	if h.Issuer == "" {
		if lines := issuerLines(lines, idx[:limit], numberAt, start > 0); lines != "" {
			h.Issuer = caseLike(lines, text)
		} else if h.Number != "" {
			h.Issuer = IssuerOfNumber(h.Number)
		}
	}
	if h.Issuer == "" && typeAt >= 0 {
		h.Issuer = enactingBody(lines, idx[typeAt], h.Title, text)
	}
	return true
}

// cutAtProse ends the heading block idx at its first line of prose: an
// official heading has none before its type line, while an article or a
// Q&A page that quotes a document's heading further down does.
func cutAtProse(lines []textLine, idx []int) []int {
	for k, i := range idx {
		if isProse(lines[i].clean) {
			if k == 0 {
				// A gazette-style opening is one long first paragraph.
				break
			}
			return idx[:k]
		}
	}
	return idx
}

// headMottoes reports whether the heading block holds the national motto
// (a State document) or the Party's name (a Party document): it heads the
// right column, a line of its own, possibly wrapped in two.
func headMottoes(lines []textLine, idx []int) (state, party bool) {
	for k, i := range idx {
		c := lines[i].clean
		if k+1 < len(idx) {
			c += " " + lines[idx[k+1]].clean
		}
		fc := foldKey(c)
		if strings.HasPrefix(fc, "cong hoa xa hoi chu nghia viet nam") || strings.HasPrefix(fc, "doc lap - tu do - hanh phuc") ||
			strings.Contains(fc, "| cong hoa xa hoi chu nghia viet nam") {
			state = true
		}
		if strings.HasPrefix(fc, "dang cong san viet nam") && len(foldKey(lines[i].clean)) <= len("dang cong san viet nam") {
			party = true
		}
	}
	return state, party
}

// scanHeadBlock reads the heading block down to the type line: the number
// and the place-date line into h on the way, the kind and title when the
// type line also holds the subject. It returns the positions in idx of
// the type line and of the number (-1 when absent).
func scanHeadBlock(lines []textLine, idx []int, h *Heading) (typeAt, numberAt int) {
	typeAt, numberAt = -1, -1
	seenMotto := false
	for k, i := range idx {
		c := lines[i].clean
		if h.Number == "" {
			if n, at := headNumber(lines, idx, k); n != "" {
				h.Number, numberAt = n, at
			}
		}
		if h.Issued == "" {
			h.Issued = placeDate(placeDateLine(lines, idx, k))
		}
		if f := foldKey(c); strings.HasPrefix(f, "cong hoa xa hoi") || strings.HasPrefix(f, "doc lap") || f == "dang cong san viet nam" {
			seenMotto = true
		}
		if isTypeLine(c) || (seenMotto || h.Number != "") && isOldTypeLine(c) ||
			k == 0 && lowerTypeLine(c) && typeLineEvidence(lines, i) {
			return k, numberAt
		}
		if kind, rest := typeWithSubject(c); kind != "" {
			// "CHỈ THỊ VỀ TĂNG CƯỜNG …": type and subject on one line.
			h.Kind = kind
			h.Title = strings.TrimSpace(rest + " " + subjectAfter(lines, i))
			return k, numberAt
		}
		if kind, rest := gluedTypeLine(lines[i].text); kind != "" {
			// "**NGHỊ ĐỊNH**Quy định về …": type and subject on one line.
			h.Kind = kind
			h.Title = strings.TrimSpace(rest + " " + subjectAfter(lines, i))
			return k, numberAt
		}
	}
	return typeAt, numberAt
}

// headNumber returns the document number on the heading block's line k
// ("Số: 15/2011/NQ-HĐND"), or on the next line when line k is "Số:"
// alone, with the position in idx of the line that holds it.
func headNumber(lines []textLine, idx []int, k int) (string, int) {
	c := lines[idx[k]].clean
	if m := reNumberLine.FindStringSubmatch(tightenNumber(c)); m != nil {
		return headingNumber(m[1]), k
	}
	if foldKey(strings.TrimRight(c, ":")) == "so" && k+1 < len(idx) {
		next := tightenNumber(lines[idx[k+1]].clean)
		if m := reHeadNumber.FindString(next); m != "" {
			return headingNumber(m), k + 1
		}
	}
	return "", -1
}

// typeLineFields fills the kind, the issuer and the title from the type
// line at idx[typeAt] and the lines under it.
func typeLineFields(lines []textLine, idx []int, typeAt int, text string, h *Heading) {
	h.Kind, _ = KindOfTypeName(lines[idx[typeAt]].clean)
	if h.Issuer == "" {
		h.Issuer = issuerInTypeLine(lines[idx[typeAt]].clean, text)
	}
	at := idx[typeAt]
	if typeAt+1 < len(idx) && h.Issuer == "" {
		// "KẾT LUẬN" / "CỦA BỘ CHÍNH TRỊ" / "về …": the body that
		// issued it on the line under the type line.
		if name := issuerOfLine(lines[idx[typeAt+1]].clean); name != "" {
			h.Issuer = caseLike(name, text)
			at = idx[typeAt+1]
		}
	}
	h.Title = subjectAfter(lines, at)
}

// untypedTitle fills the title of a heading without a type line and
// reports whether it is an official letter's: the subject "V/v …" under
// the number, else (a crawled copy that lost its type line) the first
// line in bold under the number ("**Quy định chế độ …**").
func untypedTitle(lines []textLine, idx []int, numberAt int, h *Heading) bool {
	for _, i := range idx {
		if c := lines[i].clean; strings.HasPrefix(strings.ToLower(c), "v/v") {
			h.Title = c
			return true
		}
	}
	if numberAt >= 0 {
		h.Title = boldSubject(lines, idx, numberAt)
	}
	return false
}

// reCentralSigner finds the Politburo or the Secretariat in a signature
// block ("T/M BỘ CHÍNH TRỊ", "TM. BAN BÍ THƯ").
var reCentralSigner = lazyregexp.New(`^(?:T/M|TM\.?|T\.M\.?)\s*(BỘ CHÍNH TRỊ|BAN BÍ THƯ)\s*$`)

// centralSigner returns "Bộ Chính trị" or "Ban Bí thư" when the signature
// block near the end of the text signs for it, or "".
func centralSigner(lines []textLine) string {
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-60; i-- {
		if m := reCentralSigner.FindStringSubmatch(lines[i].clean); m != nil {
			if m[1] == "BỘ CHÍNH TRỊ" {
				return "Bộ Chính trị"
			}
			return "Ban Bí thư"
		}
	}
	return ""
}

// issuerOfLine returns the body named by a heading line in capitals that
// starts with "CỦA" ("CỦA BỘ CHÍNH TRỊ" → "BỘ CHÍNH TRỊ"), or "".
func issuerOfLine(c string) string {
	w := splitWords(c)
	if len(w) < 2 || len(w) > 12 || foldKey(w[0]) != "cua" || capsRatio(c) < 0.8 {
		return ""
	}
	return strings.Join(w[1:], " ")
}

// placeDateLine returns the heading line at k joined with the next one
// when the place-date line was wrapped ("Hà Nội, ngày 27" / "tháng 11 năm 2025").
func placeDateLine(lines []textLine, idx []int, k int) string {
	c := lines[idx[k]].clean
	if k+1 < len(idx) && strings.Contains(strings.ToLower(c), "ngày") && !strings.Contains(strings.ToLower(c), "năm") {
		return c + " " + lines[idx[k+1]].clean
	}
	if k+1 < len(idx) && strings.HasSuffix(c, ",") {
		return c + " " + lines[idx[k+1]].clean
	}
	return c
}

// isTypeLine reports whether a cleaned heading line is a type line: only a
// known type name, in capitals (or in a legacy encoding that lost them).
func isTypeLine(c string) bool {
	kind, n := KindOfTypeName(c)
	if kind == "" || strings.TrimSpace(c[n:]) != "" {
		return false
	}
	return capsRatio(c) >= 0.5
}

// subjectAfter returns the subject line(s) after the type line: up to a
// blank line, a "Căn cứ" clause, the start of the body or six lines.
func subjectAfter(lines []textLine, at int) string {
	var parts []string
	firstBold := false
	for i := at + 1; i < len(lines) && len(parts) < 8; i++ {
		c := lines[i].clean
		if c == "" || isRule(c) {
			if len(parts) > 0 {
				break
			}
			continue
		}
		fc := foldKey(c)
		if strings.HasPrefix(fc, "can cu") || strings.HasPrefix(fc, "kinh gui") || strings.HasPrefix(fc, "dieu 1") ||
			strings.HasPrefix(fc, "quyet nghi") || strings.HasPrefix(fc, "chuong i") || reEnactLine.MatchString(fc) {
			break
		}
		if reNumberLine.MatchString(c) && (len(parts) == 0 || !endsWithTypeName(parts[len(parts)-1])) {
			// Not "… KÈM THEO NGHỊ QUYẾT" / "SỐ 09/2022/NQ-HĐND NGÀY …".
			break
		}
		if len(parts) > 0 && reYearLine.MatchString(c) {
			// A year or a term on a line of its own goes on with the
			// subject ("… GIAI ĐOẠN" / "2026 - 2030"): it has no letters
			// for the tests of case below.
			parts = append(parts, c)
			continue
		}
		if len(parts) > 0 && boldLine(lines[i].text) && !firstBold && capsRatio(c) > 0.8 {
			// The enacting body in bold under a subject that is not
			// ("… NGƯỜI CÓ CÔNG" / "**ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI**").
			break
		}
		// A subject in capitals ends where normal-case text starts (a
		// reader that dropped the blank line after it).
		if len(parts) > 0 && capsRatio(parts[0]) > 0.6 && capsRatio(c) < 0.3 {
			break
		}
		if len(parts) > 0 && endsSubject(parts, c) {
			break
		}
		if len(parts) == 0 {
			firstBold = boldLine(lines[i].text)
		}
		parts = append(parts, c)
		// A subject in capitals ends where normal-case prose starts.
		if len(parts) == 1 && capsRatio(c) < 0.5 && len(c) > 200 {
			break
		}
	}
	return strings.Join(parts, " ")
}

// reEnactLine is the folded line that opens the enacting part of a
// decision: "QUYẾT ĐỊNH:" on a line of its own (also lower-cased, with a
// space before the colon).
var reEnactLine = lazyregexp.New(`^quyet dinh\s*:$`)

// reYearLine is a line that holds only a year or a term of years:
// "2026 - 2030", "(2021–2025)", "2025".
var reYearLine = lazyregexp.New(`^[(\[]?\s*(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)\d\d)?\s*[)\]]?[.:]?$`)

// maxSubject is the longest subject line (trích yếu) in normal case, in
// runes; the longest real ones run to about 300 (in capitals they may be
// longer).
const maxSubject = 400

// reSectionHead finds the heading of a body section: "I. TÌNH HÌNH", "II-
// MỤC TIÊU", "1. Mục tiêu", "a) …", "Điều 1.", "Phần I", "Chương II",
// "Mục 2".
var reSectionHead = lazyregexp.New(`^(?:(?:[IVXLC]{1,6}|\d{1,2}|[a-zđ])\s*[.)\-–]\s*\S|(?:Điều|ĐIỀU|Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?:\d|[IVXLC]+\b))`)

// continuesOn are words that cannot end a subject line: the next line
// goes on with it.
var continuesOn = map[string]bool{
	"của": true, "về": true, "và": true, "cho": true, "tại": true, "với": true, "thuộc": true, "theo": true,
	"các": true, "do": true, "bởi": true, "giữa": true, "đến": true, "từ": true, "trong": true,
}

// reAuthorityLine finds the line naming the enacting authority under a
// subject ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "BỘ TRƯỞNG BỘ TÀI CHÍNH",
// "HỘI ĐỒNG NHÂN DÂN TỈNH … KHÓA XVII, KỲ HỌP THỨ 9"), in any case: a
// crawled copy may have lower-cased the heading.
var reAuthorityLine = lazyregexp.New(`(?i)^(?:(?:CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|VỤ TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|TỔNG KIỂM TOÁN NHÀ NƯỚC)\s|HỘI ĐỒNG NHÂN DÂN\s.*\b(?:KHÓA|KHOÁ|KỲ HỌP)\s)`)

// endsSubject reports whether line c, coming after the subject lines parts
// when a reader kept no blank line between them (PDF text), starts the
// body instead: a section heading, a line in capitals after a subject in
// normal case, a line after one that ended a sentence, or a line that
// would make the subject longer than any real one.
func endsSubject(parts []string, c string) bool {
	if reSectionHead.MatchString(c) {
		return true
	}
	if reAuthorityLine.MatchString(c) {
		// Unless the subject goes on into it: "… NGÀY 15 THÁNG 8 NĂM
		// 2024 CỦA" / "THỦ TƯỚNG CHÍNH PHỦ VỀ …".
		lw := strings.Fields(parts[len(parts)-1])
		if !continuesOn[strings.ToLower(trimEdgePunct(lw[len(lw)-1]))] {
			return true
		}
	}
	if capsRatio(parts[0]) < 0.5 && capsRatio(c) > 0.8 && utf8.RuneCountInString(c) > 3 {
		return true
	}
	if last := parts[len(parts)-1]; strings.HasSuffix(last, ".") && !strings.HasSuffix(last, "..") {
		return true
	}
	if capsRatio(parts[0]) >= 0.5 {
		// A subject in capitals ends at the first normal-case line and
		// may be long (a circular amending two others).
		return false
	}
	n := utf8.RuneCountInString(c)
	for _, p := range parts {
		n += utf8.RuneCountInString(p) + 1
	}
	return n > maxSubject
}

// parseGazette reads a gazette-style opening ("Thông tư liên tịch của Bộ
// Tài chính … số 176/1998/TTLT-BTC-BCN-TCHQ ngày 25 tháng 12 năm 1998
// Hướng dẫn …").
func parseGazette(lines []textLine, idx []int, h *Heading) bool {
	// The opening may follow a line naming the issuer ("Chính phủ"): try
	// the first three paragraphs.
	k := 0
	for n := 0; n < 3 && k < len(idx); n++ {
		var para []string
		for k < len(idx) {
			i := idx[k]
			if len(para) > 0 && i > 0 && lines[i-1].clean == "" {
				break
			}
			if len(para) < 6 {
				para = append(para, lines[i].clean)
			}
			k++
		}
		if gazetteParagraph(strings.Join(para, " "), h) {
			return true
		}
	}
	return false
}

// gazetteParagraph reads one gazette-style opening paragraph into h.
func gazetteParagraph(p string, h *Heading) bool {
	kind, n := KindOfTypeName(p)
	if kind == "" {
		return false
	}
	m := reGazetteNumber.FindStringSubmatchIndex(p)
	if m == nil || m[0] > 300 {
		return false
	}
	// Only the issuer may stand between the type and the number ("Nghị
	// định của Chính phủ số …"); "Kế hoạch nêu rõ, thực hiện Nghị quyết
	// số 60-NQ/TW" is prose.
	between := strings.TrimSpace(p[n:m[0]])
	if fb := foldKey(between); fb != "" && !strings.HasPrefix(fb, "cua ") || strings.ContainsAny(between, ",;.:") {
		return false
	}
	rest := p[m[1]:]
	iso, n := "", 0
	if d := reAfterDate.FindStringIndex(rest); d != nil {
		iso, n = parseDayDate(rest[d[1]:])
		n += d[1]
	}
	if iso == "" {
		return false
	}
	h.Kind = kind
	h.Number = normalizeNumber(p[m[2]:m[3]])
	h.Issued = iso
	h.Title = gazetteTitle(rest[n:], p)
	h.Issuer = IssuerOfNumber(h.Number)
	return true
}

// partyBodyWords start a body name in a heading's issuer block; a line
// that starts otherwise continues the name on the line above.
var bodyStarts = []string{
	"dang bo", "dang uy", "tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy", "chi bo",
	"ban ", "uy ban", "hoi dong", "bo ", "tong cuc", "cuc ", "so ", "van phong", "dai hoi",
	"chinh phu", "quoc hoi", "thu tuong", "truong ", "vien ", "toa an", "ngan hang", "kiem toan",
	"dang doan", "ban can su", "trung tam", "cong an", "hoi ", "bch ", "phong ", "chi cuc", "ubnd ", "hdnd ", "bql ",
}

// isYouthUnion reports whether a folded heading line names the Ho Chi Minh
// Communist Youth Union ("ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH", "ĐOÀN
// TNCS HỒ CHÍ MINH").
func isYouthUnion(f string) bool {
	return strings.HasPrefix(f, "doan thanh nien cong san") || strings.HasPrefix(f, "doan tncs")
}

// youthUnionLevels name the Youth Union's committee of each level: the
// executive committee "BCH TỈNH X" under the Union is the Ban Chấp hành
// Tỉnh đoàn X.
var youthUnionLevels = []struct{ level, committee string }{
	{"tinh", "TỈNH ĐOÀN"}, {"thanh pho", "THÀNH ĐOÀN"}, {"huyen", "HUYỆN ĐOÀN"}, {"quan", "QUẬN ĐOÀN"},
	{"thi xa", "THỊ ĐOÀN"}, {"xa", "ĐOÀN XÃ"}, {"phuong", "ĐOÀN PHƯỜNG"}, {"thi tran", "ĐOÀN THỊ TRẤN"},
}

// youthUnionCommittee returns the Youth Union committee named by an
// executive committee line under the Union ("BCH TỈNH ĐÔNG HẢI" → "BAN
// CHẤP HÀNH TỈNH ĐOÀN ĐÔNG HẢI"), or "".
func youthUnionCommittee(line string) string {
	w := splitWords(line)
	f := foldKey(line)
	n := 0
	switch {
	case strings.HasPrefix(f, "bch "):
		n = 1
	case strings.HasPrefix(f, "ban chap hanh "):
		n = 3
	default:
		return ""
	}
	rest := foldKey(strings.Join(w[n:], " "))
	for _, l := range youthUnionLevels {
		if strings.HasPrefix(rest, l.level+" ") {
			k := n + len(strings.Fields(l.level))
			return "BAN CHẤP HÀNH " + l.committee + " " + strings.Join(w[k:], " ")
		}
	}
	return ""
}

// issuerLines returns the issuer named in the heading block before the
// type line: the capitalized lines left of the national motto, joined
// where the layout wrapped them, the lowest body when several are stacked
// (a superior body sits above), with a congress joined to the body it is
// the congress of.
func issuerLines(lines []textLine, idx []int, numberAt int, afterChrome bool) string {
	var units [][]string
	if len(idx) == 0 {
		return ""
	}
	numberLine := -1
	if numberAt >= 0 && numberAt < len(idx) {
		numberLine = idx[numberAt]
	}
	for i := idx[0]; i <= idx[len(idx)-1]; i++ {
		c := lines[i].clean
		if t := strings.ReplaceAll(lines[i].text, " ", ""); t != "" && t != "**" && strings.Trim(t, "*") == "" && len(units) > 0 {
			break // the asterisk(s) under the issuer ("**" is Markdown bold)
		}
		fc := foldKey(c)
		if isYouthUnion(fc) && len(units) > 0 {
			// The Youth Union's name heading the right column, unless it
			// completes "BAN CHẤP HÀNH TRUNG ƯƠNG" / "ĐOÀN TNCS HỒ CHÍ MINH".
			u := foldKey(strings.Join(units[len(units)-1], " "))
			if u != "ban chap hanh trung uong" && u != "bch trung uong" {
				break
			}
		}
		if strings.HasPrefix(fc, "dang cong san") || fc == "viet nam" || strings.HasPrefix(fc, "chu nghia viet nam") {
			if len(units) > 0 {
				break
			}
			continue
		}
		k := -1
		if i == numberLine {
			k = numberAt
		}
		if c == "" || isRule(c) || k >= 0 || strings.HasPrefix(fc, "so") && reNumberLine.MatchString(c) ||
			strings.HasPrefix(fc, "so:") || fc == "so" {
			if len(units) > 0 && isRule(c) {
				break
			}
			continue
		}
		// The national motto, also wrapped after "XÃ" (a web copy puts
		// each half of it in a paragraph of its own).
		if strings.Contains(fc, "cong hoa xa hoi") || strings.Contains(fc, "chu nghia viet nam") ||
			strings.HasPrefix(fc+" ", "cong hoa xa ") ||
			strings.Contains(fc, "doc lap") || strings.Contains(fc, "dang cong san viet nam") {
			if len(units) > 0 {
				break
			}
			continue
		}
		if rePlaceDate.MatchString(c) || capsRatio(c) < 0.6 {
			if len(units) > 0 && !afterChrome {
				break
			}
			// Behind a web page's chrome the issuer is the last block
			// of capitals before the motto.
			units = nil
			continue
		}
		start := len(units) == 0
		if !start {
			// "ỦY" / "BAN NHÂN DÂN": a name wrapped inside a word pair.
			u := units[len(units)-1]
			if foldKey(u[len(u)-1]) == "uy" {
				units[len(units)-1] = append(u, c)
				continue
			}
		}
		for _, b := range bodyStarts {
			if strings.HasPrefix(fc+" ", b) {
				start = true
				break
			}
		}
		if start {
			units = append(units, []string{c})
		} else {
			units[len(units)-1] = append(units[len(units)-1], c)
		}
	}
	return issuerOfUnits(units)
}

// issuerOfUnits composes the issuer from the bodies stacked in a heading
// (each a list of wrapped lines): the lowest, completed by the one above
// where it is that one's commission, committee or congress.
func issuerOfUnits(units [][]string) string {
	if len(units) == 0 {
		return ""
	}
	last := strings.Join(units[len(units)-1], " ")
	if len(units) > 1 {
		// A Party commission under its committee: "BAN CHẤP HÀNH TRUNG
		// ƯƠNG" / "BAN TỔ CHỨC" is the Ban Tổ chức Trung ương.
		fl := foldKey(last)
		prev := strings.Join(units[len(units)-2], " ")
		fp := foldKey(prev)
		if (strings.HasPrefix(fl, "ban ") || strings.HasPrefix(fl, "uy ban") || strings.HasPrefix(fl, "van phong")) &&
			!strings.Contains(fl, "trung uong") {
			switch {
			case strings.HasPrefix(fp, "ban chap hanh trung uong"):
				last += " TRUNG ƯƠNG"
			case strings.HasPrefix(fp, "tinh uy") || strings.HasPrefix(fp, "thanh uy") || strings.HasPrefix(fp, "huyen uy") ||
				strings.HasPrefix(fp, "quan uy") || strings.HasPrefix(fp, "thi uy") || strings.HasPrefix(fp, "dang uy"):
				last += " " + prev
			}
		}
	}
	if len(units) > 1 && isYouthUnion(foldKey(strings.Join(units[len(units)-2], " "))) {
		if c := youthUnionCommittee(last); c != "" {
			last = c
		}
	}
	if len(units) > 1 && strings.HasPrefix(foldKey(last), "dai hoi") {
		// "ĐẠI HỘI ĐẠI BIỂU LẦN THỨ XXI" under "ĐẢNG BỘ HUYỆN NGỌC SƠN":
		// the congress of that Party organization.
		body := strings.Join(units[len(units)-2], " ")
		w := splitWords(last)
		cut := len(w)
		for j, x := range w {
			if fx := foldKey(x); fx == "lan" || fx == "nhiem" || fx == "khoa" {
				cut = j
				break
			}
		}
		last = strings.Join(w[:cut], " ") + " " + body
		if cut < len(w) {
			last += " " + strings.Join(w[cut:], " ")
		}
	}
	return strings.TrimSpace(last)
}

// caseLike returns name (written in capitals in a heading) in the case the
// body text writes it ("HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI" → "Hội đồng
// nhân dân thành phố Hà Nội"), or in sentence case with place names
// capitalized when the body never writes it.
func caseLike(name, text string) string {
	nw := splitWords(name)
	if len(nw) == 0 {
		return name
	}
	if len(text) > 12000 {
		// The body names the issuer early (legal basis, first article).
		cut := 12000
		for cut < len(text) && !utf8.RuneStart(text[cut]) {
			cut++
		}
		text = text[:cut]
	}
	// Search the folded body once; folding keeps words one for one, so a
	// match's word index maps back to the body's own words.
	tw := splitWords(removeBold(text))
	folded := foldKey(strings.Join(tw, " "))
	key := foldKey(name)
	// mixed: name is in sentence case already, maybe with its place
	// lower-cased by a copy that lost the heading's capitals
	mixed := !allCapsWord(strings.Join(nw, ""))
	same := ""
	for from := 0; from < len(folded); {
		i := strings.Index(folded[from:], key)
		if i < 0 {
			break
		}
		at := from + i
		from = at + 1
		end := at + len(key)
		if at > 0 && isWordByte(folded[at-1]) || end < len(folded) && isWordByte(folded[end]) {
			continue
		}
		first := strings.Count(folded[:at], " ")
		if first+len(nw) > len(tw) {
			break
		}
		cand := tw[first : first+len(nw)]
		if joined := strings.Join(cand, ""); allCapsWord(joined) || joined == strings.ToLower(joined) {
			continue // another heading-like copy, or one whose case was lost
		}
		out := make([]string, len(cand))
		for j, w := range cand {
			out[j] = trimEdgePunct(w)
		}
		out[0] = capitalizeWord(out[0])
		if mixed && (capitalWords(out) <= capitalWords(nw) || capitalWords(out) == len(out)) {
			// the heading's own copy, one no better cased or one in
			// title case: a copy that capitalizes the place the heading
			// lower-cased ("Hội đồng nhân dân tỉnh lai châu" … "tỉnh Lai
			// Châu") may follow
			if same == "" {
				same = strings.Join(out, " ")
			}
			continue
		}
		return strings.Join(out, " ")
	}
	if same != "" {
		// the tables' case when it capitalizes more ("tỉnh tiền giang"
		// → "tỉnh Tiền Giang"), else the copy as written
		if t := caseFromTables(name, nw); capitalWords(strings.Fields(t)) > capitalWords(strings.Fields(same)) {
			return t
		}
		return same
	}
	return caseFromTables(name, nw)
}

// caseFromTables returns name, whose words are nw, in the case of the
// issuer table's bodies, or in sentence case with the glossary's bodies and
// the places capitalized.
func caseFromTables(name string, nw []string) string {
	// A body of the issuer table ("BỘ Y TẾ" → "Bộ Y tế"), possibly with a
	// place after it, or inside a longer name ("BỘ TRƯỞNG BỘ TÀI CHÍNH").
	fn := foldKey(name)
	for _, list := range kindTab().issuerCodes {
		for _, ic := range list {
			k := foldKey(ic.name)
			if fn == k {
				return ic.name
			}
			if strings.HasPrefix(fn, k+" ") {
				n := len(strings.Fields(ic.name))
				return ic.name + " " + restCase(nw[:n], nw[n:])
			}
		}
	}
	out := strings.Fields(sentenceCase(nw))
	caseTemplates(out)
	for _, list := range kindTab().issuerCodes {
		for _, ic := range list {
			kw := strings.Fields(ic.name)
			if len(kw) < 2 {
				continue
			}
			for i := 1; i+len(kw) <= len(out); i++ {
				ok := true
				for j := range kw {
					if foldKey(out[i+j]) != foldKey(kw[j]) {
						ok = false
						break
					}
				}
				if ok {
					copy(out[i:], kw)
				}
			}
		}
	}
	return strings.Join(out, " ")
}

// capitalWords counts the words of w that start with a capital letter.
func capitalWords(w []string) int {
	n := 0
	for _, x := range w {
		if r, _ := utf8.DecodeRuneInString(x); unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// caseTemplates writes the names of the glossary's bodies and
// organizations inside a name in their own case ("Hội Liên hiệp Phụ nữ",
// "Mặt trận Tổ quốc", "Liên đoàn Lao động"), keeping the first word of the
// name capitalized.
func caseTemplates(out []string) {
	for _, g := range glossary() {
		kw := strings.Fields(g.Long)
		if len(kw) < 2 || kw[0] == strings.ToLower(kw[0]) || placeWord(strings.ToLower(kw[1]), strings.ToLower(kw[0])) {
			continue // only proper names of bodies, not "Thành phố Hồ Chí Minh"
		}
		for i := 0; i+len(kw) <= len(out); i++ {
			ok := true
			for j := range kw {
				if foldKey(trimEdgePunct(out[i+j])) != foldKey(kw[j]) || trimEdgePunct(out[i+j]) != out[i+j] {
					ok = false
					break
				}
			}
			if !ok || allCapsWord(strings.Join(out[i:i+len(kw)], "")) {
				continue
			}
			copy(out[i:], kw)
			if i == 0 {
				out[0] = capitalizeWord(out[0])
			}
		}
	}
}

// restCase writes the words ws after a known body's name, written head
// in the heading: place words in lowercase, the place name after them
// capitalized, and so the name after a Party committee ("TỈNH ỦY" |
// "QUẢNG TRỊ" → "Quảng Trị").
func restCase(head, ws []string) string {
	all := strings.Fields(sentenceCase(append(append([]string(nil), head...), ws...)))
	if len(all) != len(head)+len(ws) {
		return strings.Join(strings.Fields(sentenceCase(append([]string{"x"}, ws...)))[1:], " ")
	}
	return strings.Join(all[len(head):], " ")
}

// placeWord reports whether the lowercase word w (after prev) is a place
// word followed by a proper name in an issuer's name: "tỉnh", "huyện",
// "quận", "xã", "phường", "thành phố", "thị trấn" (but not "quân",
// "mặt trận").
func placeWord(w, prev string) bool {
	switch w {
	case "tỉnh", "huyện", "quận", "xã", "phường":
		return true
	case "phố":
		return prev == "thành"
	case "trấn":
		return prev == "thị"
	}
	return false
}

// properNames are written capitalized wherever they occur in a name.
var properNames = [][]string{{"hồ", "chí", "minh"}, {"việt", "nam"}}

// sentenceCase writes capitalized words in sentence case, as Vietnamese
// writes the names of bodies: the name after a place word ("tỉnh", "thành
// phố", "huyện") capitalized, a Party committee as one word ("Tỉnh ủy",
// "Đảng ủy"), the field of an agency capitalized after its head word and
// after "và" or a comma inside it ("Phòng Văn hóa và Thông tin", "Bộ Văn
// hóa, Thể thao và Du lịch", "Ủy ban Kiểm tra" but "Ủy ban nhân dân"),
// the Youth Union's "Đoàn", "Việt Nam" and "Hồ Chí Minh" capitalized,
// abbreviations ("UBND") and Roman numerals kept in capitals.
func sentenceCase(ws []string) string {
	out := make([]string, len(ws))
	lower := make([]string, len(ws))
	for i, w := range ws {
		lower[i] = strings.ToLower(trimEdgePunct(w))
	}
	proper := false // inside a proper name after a place word
	field := false  // inside an agency's field after its head word
	capNext := false
	for i, w := range ws {
		lw := strings.ToLower(w)
		f := foldKey(lower[i])
		prev, next, lprev, lnext := "", "", "", ""
		if i > 0 {
			prev, lprev = foldKey(lower[i-1]), lower[i-1]
		}
		if i+1 < len(ws) {
			next, lnext = foldKey(lower[i+1]), lower[i+1]
		}
		committee := partyCommittee[f] && (next == "uy" || next == "doan" && f != "dang")
		head := bodyHead(i, prev, f)
		// "Đoàn xã Mỹ Lợi", "Đoàn Thanh niên", "Đoàn TNCS": the Youth Union.
		union := lower[i] == "đoàn" && !partyCommittee[prev] &&
			(placeWord(lnext, lower[i]) || next == "tncs" || next == "thanh" && i+2 < len(ws) && foldKey(lower[i+2]) == "nien")
		switch {
		case (isGlossaryShort(w) || isGlossaryShort(trimEdgePunct(w))) && !isSyllable(f):
			out[i] = w
		case i == 0 || proper || capNext || committee || union || head && prev == "truong":
			out[i] = capitalizeWord(w)
		case isRomanNumeral(w):
			out[i] = w
		case f == "dang" || f == "viet" || f == "trung" || f == "khoi":
			out[i] = capitalizeWord(w)
		default:
			out[i] = lw
		}
		capNext = false
		switch {
		case committee:
			proper, field = false, false
		case (f == "uy" || f == "doan") && partyCommittee[prev]:
			// "Huyện ủy Tân Phú", but "Đảng ủy xã Mỹ Lợi", "Đảng ủy
			// Khối các cơ quan tỉnh".
			proper = prev != "dang" && !placeWord(lnext, lower[i])
		case placeWord(lower[i], lprev):
			proper, field = true, false
		case proper && (f == "lan" || f == "nhiem"):
			proper = false
			out[i] = lw
		case head:
			proper = false
			field = true
			// Not "Ủy ban nhân dân", "Bộ trưởng", "Cục trưởng", nor a
			// place or committee right after the head.
			capNext = !(f == "ban" && prev == "uy" && next == "nhan") && next != "truong" && !placeWord(lnext, lower[i]) && !partyCommittee[next]
		case field && (f == "va" || strings.HasSuffix(w, ",")):
			capNext = !placeWord(lnext, lower[i])
		}
	}
	for i := range out {
		for _, pn := range properNames {
			if i+len(pn) > len(out) {
				continue
			}
			match := true
			for j, x := range pn {
				if lower[i+j] != x {
					match = false
					break
				}
			}
			if match {
				for j := range pn {
					out[i+j] = capitalizeWord(out[i+j])
				}
			}
		}
	}
	return strings.Join(out, " ")
}

// partyCommittee are the words that make a Party committee with "ủy"
// ("tỉnh ủy", "huyện ủy", "đảng ủy").
var partyCommittee = map[string]bool{
	"tinh": true, "huyen": true, "thanh": true, "quan": true, "thi": true, "dang": true, "xa": true, "phuong": true,
}

// bodyHead reports whether the folded word f at position i (after prev)
// heads an agency whose field follows it ("Bộ", "Sở", "Phòng", "Cục",
// "Vụ", "Viện", "Ban", "Văn phòng", "Trung tâm", "Tổng cục", "Chi cục",
// "Ủy ban").
func bodyHead(i int, prev, f string) bool {
	switch {
	case i == 0 || prev == "truong":
		// "Bộ Nội vụ"; "Bộ trưởng Bộ Nội vụ".
		return f == "bo" || f == "so" || f == "phong" || f == "cuc" || f == "vu" || f == "vien" || f == "ban"
	case i == 1:
		return prev == "van" && f == "phong" || prev == "trung" && f == "tam" || (prev == "tong" || prev == "chi") && f == "cuc" ||
			prev == "hoc" && f == "vien" ||
			prev == "uy" && f == "ban"
	}
	return false
}

// reSyllable matches one Vietnamese syllable folded to ASCII: an initial
// consonant, one to three vowels, a final consonant.
var reSyllable = lazyregexp.New(`^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$`)

// isSyllable reports whether the folded word f can be a Vietnamese
// syllable ("tu", "ban"), which an abbreviation in capitals ("UBND",
// "BCH") cannot.
func isSyllable(f string) bool {
	return reSyllable.MatchString(f)
}

func isRomanNumeral(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !strings.ContainsRune("IVXLC", r) {
			return false
		}
	}
	return true
}

// signInitials holds the first bytes that a line matching reSignMark can
// start with (a cheap test before the expression).
var signInitials = func() (t [256]bool) {
	for _, c := range "TKQCPBGtkqcpbg(" {
		t[c] = true
	}
	t[0xC4] = true // Đ, đ
	return t
}()

// signers returns the names under the signature block near the end of an
// official document: a name in normal capitalization a few lines below a
// signing mark (TM., KT., T/M, "(Đã ký)", CHỦ TỊCH …).
func signers(lines []textLine) []string {
	var nonEmpty []int
	for i, l := range lines {
		if l.clean != "" && !isRule(l.clean) {
			nonEmpty = append(nonEmpty, i)
		}
	}
	var out []string
	lastMark := -100
	for k := 0; k < len(nonEmpty); k++ {
		c := lines[nonEmpty[k]].clean
		if len(c) < 60 && signInitials[c[0]] && reSignMark.MatchString(c) && (capsRatio(c) > 0.8 || strings.Contains(strings.ToLower(c), "ký")) {
			lastMark = k
			continue
		}
		if k-lastMark <= 4 {
			if name := personName(c); name != "" && !allCapsWord(strings.ReplaceAll(c, " ", "")) {
				out = append(out, name)
				lastMark = -100
			}
		}
	}
	if out == nil {
		return []string{}
	}
	return out
}

// personName returns c as a person's name in normal capitalization when it
// looks like one: two to five words, each capitalized (or the whole name
// in capitals), letters only, an initial ("D.") allowed first.
func personName(c string) string {
	c = strings.TrimSpace(c)
	ws := splitWords(c)
	if len(ws) < 2 || len(ws) > 5 {
		// "D.Ngân": an initial glued to the name.
		if len(ws) == 1 {
			if i := strings.IndexByte(c, '.'); i > 0 && i < len(c)-1 {
				return personName(c[:i+1] + " " + c[i+1:])
			}
		}
		return ""
	}
	allCaps := allCapsWord(strings.Join(ws, ""))
	out := make([]string, len(ws))
	for i, w := range ws {
		r, n := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return ""
		}
		rest := w[n:]
		if rest == "." && i == 0 {
			out[i] = w
			continue
		}
		for _, x := range rest {
			if !unicode.IsLetter(x) {
				return ""
			}
			if !allCaps && unicode.IsUpper(x) {
				return ""
			}
		}
		if utf8.RuneCountInString(w) < 2 {
			return ""
		}
		out[i] = capitalizeWord(w)
	}
	name := strings.Join(out, " ")
	if notNames[foldKey(name)] || notNames[foldKey(out[0])] {
		return ""
	}
	return name
}

// notNames are capitalized lines that are not people.
var notNames = map[string]bool{
	"noi nhan": true, "chia se": true, "anh": true, "nguon": true, "theo": true, "xem": true,
	"chu tich": true, "bi thu": true, "giam doc": true, "thu tuong": true, "bo truong": true,
	"viet nam": true, "ha noi": true, "doc lap": true, "tai ve": true,
}

// parseArticle fills h for a news article: dateline, headline without its
// kicker, byline.
func parseArticle(lines []textLine, doc Source, h *Heading) {
	h.Kind = "article"
	idx := headBlock(lines)
	titleAt := -1
	for k := 0; k < len(idx) && k < 8; k++ {
		if titleAt >= 0 && (h.Published != "" || k > titleAt+3) {
			break
		}
		c := lines[idx[k]].clean
		if h.Published == "" {
			if iso := parseDateline(c); iso != "" {
				h.Published = iso
				continue
			}
		}
		if titleAt >= 0 {
			// Past the headline only a dateline under it is looked for
			// ("Headline" / "Thứ Năm, 11/07/2024 - 09:30").
			continue
		}
		if isRule(c) || strings.HasPrefix(c, "![") || strings.HasPrefix(c, "[") {
			continue
		}
		// A kicker: a short line in capitals ending with ":" above the
		// headline ("ĐẢNG BỘ KHỐI CƠ QUAN DÂN CHÍNH ĐẢNG:").
		if strings.HasSuffix(c, ":") && k+1 < len(idx) && (capsRatio(c) > 0.7 || utf8.RuneCountInString(c) <= 40) {
			// Or a page's label ("Tải ứng dụng:").
			continue
		}
		if k+1 < len(idx) && isMasthead(c) {
			continue
		}
		// A section label in capitals above a headline in normal case
		// ("KINH TẾ", "NÔNG NGHIỆP - NÔNG THÔN").
		if k+1 < len(idx) && isSectionLabel(c) && isHeadlineLike(lines[idx[k+1]].clean) {
			continue
		}
		titleAt = k
		h.Title = headlineText(c)
		if notArticle(h.Title) {
			h.Kind = "other"
		}
	}
	if meta := cleanMetaTitle(doc.Title); meta != "" {
		if h.Title == "" || !strings.Contains(foldKey(h.Title), foldKey(meta)) && !strings.Contains(foldKey(meta), foldKey(h.Title)) && len(h.Title) > 250 {
			h.Title = meta
		}
	}
	if h.Published == "" {
		// A labelled posting time anywhere ("Giờ đăng bài viết gốc:
		// 14/04/2025 23:02" under a copied article).
		h.Published = labelledDateline(lines)
	}
	if h.Published == "" && doc.Published != "" && doc.Format == FormatHTML {
		// Only a web page's metadata dates the article; a PDF's or a
		// DOCX's creation time is when the file was made.
		h.Published = doc.Published
	}
	h.Authors = bylines(lines, idx, titleAt)
}

const (
	// datelineLabel is what a site may print before a dateline.
	datelineLabel = `(?:(?:cập nhật|giờ đăng bài viết gốc|giờ đăng|ngày đăng|đăng ngày|đăng lúc|đăng|xuất bản|thời gian|posted)\s*:?\s*)?`
	// datelineZone is a time zone after it: "GMT+7", "(GMT+07:00)".
	datelineZone = `(?:\s*\(?\s*GMT[^\n]{0,12})?`
)

// parseDateline returns the publication time of an article's dateline
// line ("10/07/2011 - 19:35", "Thứ Năm, 11/07/2024 09:30", "Cập nhật: 08:15
// 25/02/2021 (GMT+7)") as YYYY-MM-DD or YYYY-MM-DDTHH:MM, or "" when c is
// not a dateline.
func parseDateline(c string) string {
	var d, mo, y, hh, mm, ampm string
	if m := reDateline.FindStringSubmatch(c); m != nil {
		d, mo, y, hh, mm, ampm = m[1], m[2], m[3], m[4], m[5], m[6]
	} else if m := reDatelineTimeFirst.FindStringSubmatch(c); m != nil {
		hh, mm, ampm, d, mo, y = m[1], m[2], m[3], m[4], m[5], m[6]
	} else {
		return ""
	}
	iso, _ := parseDayDate(d + "/" + mo + "/" + y)
	if iso == "" || hh == "" {
		return iso
	}
	h, mi := atoiDigits(hh), atoiDigits(mm)
	if p := strings.ToUpper(ampm); (p == "PM" || p == "CH") && h < 12 {
		h += 12
	} else if (p == "AM" || p == "SA") && h == 12 {
		h = 0
	}
	if h >= 24 || mi >= 60 {
		return iso
	}
	return iso + "T" + twoDigits(h) + ":" + twoDigits(mi)
}

// isSectionLabel reports whether c can be a news site's section label
// (chuyên mục) above a headline: a few words in capitals, no digits, no
// sentence punctuation.
func isSectionLabel(c string) bool {
	if c == "" || capsRatio(c) < 0.8 || len(strings.Fields(c)) > 6 || strings.ContainsAny(c, "0123456789.:;?!,") {
		return false
	}
	return !isTypeLine(c)
}

// isMasthead reports whether c is a publication's name in capitals above
// an article ("BÁO ĐIỆN TỬ CHÍNH PHỦ", "TẠP CHÍ CỘNG SẢN").
func isMasthead(c string) bool {
	if capsRatio(c) < 0.8 || len(strings.Fields(c)) > 8 {
		return false
	}
	f := foldKey(c)
	for _, p := range []string{"bao ", "tap chi ", "cong thong tin ", "trang thong tin ", "dai truyen hinh ", "dai phat thanh "} {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

// isHeadlineLike reports whether c can be a headline in normal case under a
// section label: not in capitals, not a dateline, not a sentence of prose.
func isHeadlineLike(c string) bool {
	if c == "" || capsRatio(c) >= 0.5 || isProse(c) || utf8.RuneCountInString(c) > 250 || parseDateline(c) != "" {
		return false
	}
	return !strings.HasSuffix(c, ".") || strings.HasSuffix(c, "..")
}

func atoiDigits(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

var reTrailingRule = lazyregexp.New(`\s+[=\-_]{2,}$`)

// reKickerParen finds a short label in brackets before a headline ("(
// Ban thanh niên ) Đảng Cộng sản Việt Nam …").
var reKickerParen = lazyregexp.New(`^\(\s*[^()]{1,30}?\s*\)\s+(\S)`)

// headlineText cleans a headline line: a trailing single period goes, and
// so do a Markdown underline that line wrapping glued to it and a short
// label in brackets before it.
func headlineText(c string) string {
	c = strings.TrimSpace(reTrailingRule.ReplaceAllString(c, ""))
	if m := reKickerParen.FindStringSubmatchIndex(c); m != nil && len(strings.Fields(c[:m[2]])) <= 5 {
		c = c[m[2]:]
	}
	if strings.HasSuffix(c, ".") && !strings.HasSuffix(c, "..") {
		c = strings.TrimSuffix(c, ".")
	}
	return c
}

// cleanMetaTitle strips a site name from a metadata title ("Headline |
// Site", "Headline - Báo X").
func cleanMetaTitle(t string) string {
	t = strings.TrimSpace(t)
	if i := strings.LastIndex(t, " | "); i > 0 {
		t = t[:i]
	}
	return headlineText(t)
}

// reCredit finds a byline's credit label: "Bài:", "Bài và ảnh:", "Bài,
// ảnh:", "Tin, ảnh:", "Nhóm phóng viên:". A photo credit alone ("Ảnh:")
// names no author.
var reCredit = lazyregexp.New(`^(?:(?:Bài|Tin|Bài viết)(?:\s*(?:,|và|-|&)\s*ảnh)?|Nhóm (?:phóng viên|PV)|Ghi chép|Ghi)\s*:\s*`)

var reParenSuffix = lazyregexp.New(`\s*\([^)]*\)\s*$`)

// bylines finds an article's authors: a "* NAME" line under the headline,
// or a name standing alone in bold (or on its own line) at the end, before
// the site's trailing chrome.
func bylines(lines []textLine, idx []int, titleAt int) []string {
	for k := titleAt + 1; titleAt >= 0 && k < len(idx) && k <= titleAt+3; k++ {
		l := strings.TrimSpace(lines[idx[k]].text)
		credit := reCredit.FindString(l)
		if strings.HasPrefix(l, "* ") || strings.HasPrefix(l, "- ") || credit != "" {
			l = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(l[len(credit):], "* "), "- "))
			if n := personName(reParenSuffix.ReplaceAllString(stripMarkup(l), "")); n != "" {
				return []string{n}
			}
		}
	}
	var nonEmpty []int
	for i, l := range lines {
		if l.clean != "" && !isRule(l.clean) {
			nonEmpty = append(nonEmpty, i)
		}
	}
	for k := len(nonEmpty) - 1; k >= 0 && k >= len(nonEmpty)-6; k-- {
		raw := strings.TrimSpace(lines[nonEmpty[k]].text)
		c := reParenSuffix.ReplaceAllString(lines[nonEmpty[k]].clean, "")
		credit := reCredit.FindString(c)
		c = strings.TrimPrefix(c[len(credit):], "Theo ")
		bold := strings.HasPrefix(raw, "**") || strings.HasPrefix(raw, "__")
		if n := personName(c); n != "" && (bold || len(c) < 30) && (bold || credit != "" || !allCapsWord(strings.ReplaceAll(c, " ", ""))) && !isTypeLine(c) {
			return []string{n}
		}
		// Stop at the first line of prose from the end, except the
		// site's chrome ("Chia sẻ bài viết", "more(…) – …").
		if len(c) > 80 && !strings.HasPrefix(c, "more(") {
			break
		}
	}
	return []string{}
}

// isProse reports whether a cleaned line is running text rather than a
// heading line: long and mostly lowercase.
func isProse(c string) bool {
	return utf8.RuneCountInString(c) > 160 && capsRatio(c) < 0.3
}

// gluedTypeLine reads a type name in bold glued to the subject, as some
// crawled copies write it ("**NGHỊ ĐỊNH**Quy định về …"), and returns the
// kind and the subject.
func gluedTypeLine(raw string) (kind, rest string) {
	raw = strings.TrimSpace(raw)
	if !strings.HasPrefix(raw, "**") {
		return "", ""
	}
	end := strings.Index(raw[2:], "**")
	if end < 0 {
		return "", ""
	}
	name := raw[2 : 2+end]
	rest = stripMarkup(raw[2+end+2:])
	if rest == "" || !isTypeLine(strings.TrimSpace(name)) {
		return "", ""
	}
	kind, _ = KindOfTypeName(name)
	return kind, rest
}

// gazetteTitle cuts the subject of a gazette-style opening: up to a
// "Căn cứ" clause, a ";", or a repeat of the opening (a page that printed
// the title twice).
func gazetteTitle(t, para string) string {
	cut := len(t)
	if i := strings.Index(t, ";"); i >= 0 && i < cut {
		cut = i
	}
	if i := strings.Index(strings.ToLower(t), "căn cứ"); i >= 0 && i < cut {
		cut = i
	}
	if ws := strings.Fields(para); len(ws) >= 3 {
		if i := strings.Index(t, strings.Join(ws[:2], " ")); i > 0 && i < cut {
			cut = i
		}
	}
	return strings.TrimSpace(t[:cut])
}

// headColumns is how many lines at the top may hold two columns.
const headColumns = 40

var reColumnGap = lazyregexp.New(`\S(\s{4,}|\t+|\s+\|\s+|\s*[-_=]{3,}\s*(?:\|\s*)?)[^\s\-_=|]`)

// splitColumns splits the first lines of a two-column heading that a
// conversion flattened into one line ("BỘ TÀI CHÍNH        CỘNG HÒA XÃ HỘI
// CHỦ NGHĨA VIỆT NAM", "CHÍNH PHỦ------- | CỘNG HÒA …") into one line per
// column, left first.
func splitColumns(lines []textLine) []textLine {
	var out []textLine
	for i, l := range lines {
		if i >= headColumns || len(l.text) > 300 {
			return append(out, lines[i:]...)
		}
		rest, off := l.text, 0
		if !strings.Contains(rest, "    ") && !strings.Contains(rest, "\t") && !strings.Contains(rest, "|") &&
			!strings.Contains(rest, "---") && !strings.Contains(rest, "___") && !strings.Contains(rest, "===") {
			out = append(out, l)
			continue
		}
		for {
			m := reColumnGap.FindStringSubmatchIndex(rest)
			if m == nil {
				break
			}
			left := rest[:m[2]]
			out = append(out, textLine{text: left, clean: trimRuleTail(stripMarkup(left)), start: l.start + off})
			off += m[3]
			rest = rest[m[3]:]
		}
		if off == 0 {
			out = append(out, l)
			continue
		}
		out = append(out, textLine{text: rest, clean: trimRuleTail(stripMarkup(rest)), start: l.start + off})
	}
	return out
}

// trimRuleTail drops a separator rule glued to the end of a heading line
// ("CHÍNH PHỦ-------").
func trimRuleTail(s string) string {
	t := strings.TrimRight(s, "-=_–—")
	if len(s)-len(t) >= 3 {
		return strings.TrimSpace(t)
	}
	return s
}

var reNumberSpaces = lazyregexp.New(`\s*([/-])\s*`)

// tightenNumber removes the spaces a typist put around the separators of a
// number line ("Số:  144 /2002/QĐ-BTC").
func tightenNumber(c string) string {
	c = reDashes.Replace(c)
	if !strings.Contains(c, " /") && !strings.Contains(c, "/ ") && !strings.Contains(c, " -") && !strings.Contains(c, "- ") {
		return c
	}
	return reNumberSpaces.ReplaceAllString(c, "$1")
}

// isOldTypeLine reports whether c is a type line in the older form that
// names the issuer ("QUYẾT ĐỊNH CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH"), or a type
// line whose capitals a legacy encoding lost ("quyết định của bộ trưởng
// bộ tài chính", "thông tư"). Only used where the heading is already known
// to be official.
func isOldTypeLine(c string) bool {
	kind, n := KindOfTypeName(c)
	if kind == "" || len(c) > 160 {
		return false
	}
	rest := foldKey(c[n:])
	return rest == "" || strings.HasPrefix(rest, "cua ")
}

// issuerInTypeLine returns the issuer named on an older type line
// ("QUYẾT ĐỊNH CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH" → "Bộ trưởng Bộ Tài chính"),
// or "".
func issuerInTypeLine(c, text string) string {
	_, n := KindOfTypeName(c)
	rest := strings.TrimSpace(c[n:])
	if !strings.HasPrefix(foldKey(rest), "cua ") {
		return ""
	}
	rest = strings.TrimSpace(rest[len(strings.Fields(rest)[0]):])
	if rest == "" {
		return ""
	}
	return caseLike(rest, text)
}

// notArticle reports whether a document's first line shows that it is an
// annex, a form, a table or a list rather than a news article ("Phụ lục
// 3", "Mẫu số 01", "MỤC LỤC", "Biểu số 2", "STT").
func notArticle(first string) bool {
	if strings.HasSuffix(strings.TrimSpace(first), "?") {
		return false // a question about a form is a Q&A article
	}
	f := foldKey(trimEdgePunct(first))
	for _, p := range []string{"phu luc", "mau so", "muc luc", "stt", "bieu so", "bieu mau"} {
		if strings.HasPrefix(f, p) && (len(f) == len(p) || !unicode.IsLetter(rune(f[len(p)]))) {
			return true
		}
	}
	return false
}

// isWordByte reports whether a byte of folded text continues a word
// (letters, digits and the bytes of non-ASCII letters).
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

// isGlossaryShort reports whether w is a short form of the glossary
// ("UBND", "HĐND"), which keeps its capitals.
func isGlossaryShort(w string) bool {
	for _, g := range glossary() {
		if g.Short == w {
			return true
		}
	}
	return false
}

// typeWithSubject reads a type line in capitals that goes on with its
// subject ("CHỈ THỊ VỀ TĂNG CƯỜNG CÔNG TÁC …", "NGHỊ QUYẾT VỀ VIỆC …") and
// returns the kind and the subject.
func typeWithSubject(c string) (kind, rest string) {
	if capsRatio(c) < 0.8 {
		return "", ""
	}
	kind, n := KindOfTypeName(c)
	if kind == "" {
		return "", ""
	}
	rest = strings.TrimSpace(c[n:])
	if f := foldKey(rest); !strings.HasPrefix(f, "ve ") {
		return "", ""
	}
	return kind, rest
}

// headingStart returns the line where the heading block starts: 0, or a
// few lines above the national motto, the Party's name or the number line
// when a web page's chrome (banners, metadata tables, menus) pushed them
// below the first headLines lines.
// reproducedWithin is how many lines after a page's lead paragraph the
// heading of a document it reproduces may start.
const reproducedWithin = 12

// reproducesDocument reports whether the heading anchored at line at is
// that of a whole document reproduced below it, not a heading quoted in an
// article: a type line follows, then the legal bases ("Căn cứ …") or the
// first article or chapter, within the next lines.
func reproducesDocument(lines []textLine, at int) bool {
	typeLine := false
	for i, n := at+1, 0; i < len(lines) && n < 40; i++ {
		c := lines[i].clean
		if c == "" {
			continue
		}
		n++
		c = strings.TrimLeft(c, "*_ ")
		if !typeLine {
			typeLine = isTypeLine(c)
			continue
		}
		f := foldKey(c)
		if strings.HasPrefix(f, "can cu") || strings.HasPrefix(f, "dieu 1") || strings.HasPrefix(f, "chuong i") {
			return true
		}
	}
	return false
}

func headingStart(lines []textLine) int {
	var nonEmpty []int
	prose := -1 // the last line of prose, in nonEmpty
	for i, l := range lines {
		if l.clean == "" {
			continue
		}
		nonEmpty = append(nonEmpty, i)
		if len(nonEmpty) > 300 || prose >= 0 && len(nonEmpty) > prose+reproducedWithin {
			break
		}
		if isProse(l.clean) {
			// Prose before any heading: an article, maybe quoting a
			// document further down, not a page's chrome, unless a
			// page's lead paragraph comes right before the document
			// itself, reproduced in full (below).
			prose = len(nonEmpty) - 1
			continue
		}
		if c := l.clean[0] | 0x20; c != 'c' && c != 's' && l.clean[0] != 0xC4 {
			// No anchor starts otherwise ("CỘNG HÒA", "ĐẢNG", "Số").
			continue
		}
		f := foldKey(l.clean)
		next := ""
		for j := i + 1; j < len(lines) && j <= i+3; j++ {
			if lines[j].clean != "" {
				next = lines[j].clean
				break
			}
		}
		// The motto and the number line may be wrapped ("CỘNG HÒA XÃ
		// HỘI" / "CHỦ NGHĨA VIỆT NAM", "Số:" / "70/2025/NQ-HĐND").
		fj := foldKey(l.clean + " " + next)
		anchor := strings.HasPrefix(fj, "cong hoa xa hoi chu nghia") || f == "dang cong san viet nam" ||
			reNumberLine.MatchString(l.clean) || (f == "so" || f == "so:") && reNumber.MatchString(next) && strings.HasPrefix(next, reNumber.FindString(next))
		if !anchor {
			continue
		}
		if prose >= 0 {
			if reproducesDocument(lines, i) {
				return nonEmpty[prose+1]
			}
			return 0
		}
		k := len(nonEmpty) - 1
		if k < 20 {
			return 0
		}
		return nonEmpty[k-10]
	}
	return 0
}
