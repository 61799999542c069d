package extract

import (
	"strconv"
	"strings"
)

// This file holds the date forms that need more than one mention or more
// than the digits: ranges ("từ … đến …"), a time of day before a date,
// months in words, English dates in translated pages, the blanks of drafts
// and forms, and the conditions under which a month, quarter or half year
// written without a year takes it from the context.

// skipFiller skips the dots, ellipses and underscores that fill a blank of
// a form ("ngày …25..tháng 01"), from token k.
func (s *scanner) skipFiller(k int) int {
	for s.punct(k, '…', '.', '_') {
		k++
	}
	return k
}

// monthWords are the months written in words after "tháng": "tháng
// Giêng", "tháng Tư", "tháng Mười", "tháng Chạp" (read as the solar
// months of the year written after them).
var monthWords = map[string]int{
	"giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
	"bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "mười": 10, "chạp": 12,
}

// monthAt reads the month after "tháng" at token k: a number 1-12, or a
// month in words (worded). next is the token after it.
func (s *scanner) monthAt(k int) (m, next int, worded, ok bool) {
	if v, d, ok := s.num(k); ok {
		if d > 2 || v < 1 || v > 12 {
			return 0, 0, false, false
		}
		return v, k + 1, false, true
	}
	if k >= len(s.toks) || s.toks[k].kind != tokWord {
		return 0, 0, false, false
	}
	m, ok = monthWords[strings.ToLower(s.wordText(k))]
	switch {
	case !ok:
		return 0, 0, false, false
	case m == 5 && !s.word(k+1, "năm"):
		// "tháng năm" is a month only before its year ("tháng Năm năm 2020").
		return 0, 0, false, false
	case m == 10 && s.word(k+1, "một"):
		return 11, k + 2, true, true
	case m == 10 && s.word(k+1, "hai"):
		return 12, k + 2, true, true
	}
	return m, k + 1, true, true
}

// blankDay matches the date line of a draft or a form whose blanks were
// left or half filled, after "ngày" (token i; j is the token after it):
// "ngày …/11/2025" and "ngày … tháng 11 năm 2025" (a month), "ngày / /2007"
// and "ngày … tháng … năm 2025" (a year).
func (s *scanner) blankDay(i, j int) (match, bool) {
	k := s.skipFiller(j)
	switch {
	case s.punct(k, '/'):
		k = s.skipFiller(k + 1)
		if m, md, ok := s.num(k); ok && md <= 2 && m >= 1 && m <= 12 && s.punct(k+1, '/') {
			if y, ok := s.year4(k+2, minYear); ok && s.rightClear(k+3) {
				return s.mk(i, k+3, ym(y, m), ym(y, m), GrainMonth), true
			}
			return match{}, false
		}
		if s.punct(k, '/') {
			k = s.skipFiller(k + 1)
			if y, ok := s.year4(k, minYear); ok && s.rightClear(k+1) {
				ys := strconv.Itoa(y)
				return s.mk(i, k+1, ys, ys, GrainYear), true
			}
		}
	case k > j && s.word(k, "tháng"):
		t := s.skipFiller(k + 1)
		if m, next, _, ok := s.monthAt(t); ok && t == k+1 && s.word(next, "năm") {
			if y, ok := s.year4(next+1, minYear); ok && s.rightClear(next+2) {
				return s.mk(i, next+2, ym(y, m), ym(y, m), GrainMonth), true
			}
		}
		if t > k+1 && s.word(t, "năm") {
			if y, ok := s.year4(t+1, minYear); ok && s.rightClear(t+2) {
				ys := strconv.Itoa(y)
				return s.mk(i, t+2, ys, ys, GrainYear), true
			}
		}
	}
	return match{}, false
}

// englishMonths are the month names of the English translations that
// legal sites print beside the Vietnamese text ("dated November 19, 2025").
var englishMonths = map[string]int{
	"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
	"August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
}

// englishDate matches "November 19, 2025" at token i.
func (s *scanner) englishDate(i int) (match, bool) {
	if t := s.toks[i]; t.end-t.start < 3 || t.end-t.start > 9 || !strings.ContainsRune("JFMASOND", rune(s.text[t.start])) {
		return match{}, false
	}
	m, ok := englishMonths[s.wordText(i)]
	if !ok {
		return match{}, false
	}
	d, dd, ok := s.num(i + 1)
	if !ok || dd > 2 || s.adjacent(i+1) {
		return match{}, false
	}
	k := i + 2
	if s.punct(k, ',') {
		k++
	}
	y, ok := s.year4(k, minYear)
	if !ok || !s.rightClear(k+1) || !validDay(y, m, d) {
		return match{}, false
	}
	day := ymd(y, m, d)
	return s.mk(i, k+1, day, day, GrainDay), true
}

// clauseEnds reports whether the clause ends at token j: punctuation, a
// line break or the end of the text.
func (s *scanner) clauseEnds(j int) bool {
	if j >= len(s.toks) || s.punct(j, ',', '.', ';', ':', ')', '!', '?') {
		return true
	}
	return j > 0 && strings.Contains(s.text[s.toks[j-1].end:s.toks[j].start], "\n")
}

// relativeWords after "năm" (or after a quarter) make a mention without a
// year relative to another time, not to the document's year: "6 tháng đầu
// năm sau", "quý 2 năm ngoái", "năm học", "năm tài chính".
var relativeWords = map[string]bool{
	"sau": true, "trước": true, "tới": true, "học": true, "tài": true, "kế": true, "liền": true,
	"ngoái": true, "qua": true, "đó": true, "ấy": true, "kia": true, "thứ": true, "đầu": true, "cuối": true,
}

// yearFromContext reports whether a month, quarter or half year written
// without a year, followed by token j, may take its year from the
// context: nothing after it ties it to another year.
func (s *scanner) yearFromContext(j int) bool {
	if j < len(s.toks) && s.toks[j].kind == tokWord && relativeWords[strings.ToLower(s.wordText(j))] {
		return false
	}
	return !s.recurring(j)
}

// quantifiers before "tháng" or "quý" make it a count or a frequency, not a
// month: "6 tháng", "mỗi quý", "hằng tháng", "các quý".
var quantifiers = map[string]bool{
	"mỗi": true, "hằng": true, "hàng": true, "các": true, "từng": true, "vài": true, "mấy": true,
	"nhiều": true, "những": true, "một": true, "hai": true, "ba": true, "bốn": true, "năm": true,
	"sáu": true, "bảy": true, "tám": true, "chín": true, "mười": true, "mươi": true, "nửa": true,
}

// quantifiedBefore reports whether the token before "tháng" or "quý" at
// token i counts it ("3 tháng 10 ngày", "hằng quý").
func (s *scanner) quantifiedBefore(i int) bool {
	if i == 0 {
		return false
	}
	p := s.toks[i-1]
	if p.kind == tokNum {
		return true
	}
	return p.kind == tokWord && quantifiers[strings.ToLower(s.wordText(i-1))]
}

// yearlessMonthAt reports whether "tháng N" at token i, written without a
// year, is a month of the context's year: not counted ("3 tháng 10
// ngày"), not relative ("tháng 7 tới", "tháng 12 năm trước").
func (s *scanner) yearlessMonthAt(i int) bool {
	if s.quantifiedBefore(i) {
		return false
	}
	return s.yearFromContext(i+2) && !s.word(i+2, "tuổi", "lương")
}

// recurringMarks are words that make a date without a year recur: "định
// kỳ hằng năm (trước ngày 15 tháng 11)", "bắt đầu từ ngày 1 tháng 1 và kết
// thúc vào ngày 31 tháng 12 cùng năm".
var recurringMarks = [][2]string{
	{"hằng", "năm"}, {"hàng", "năm"}, {"mỗi", "năm"}, {"cùng", "năm"}, {"định", "kỳ"}, {"định", "kì"},
	{"hằng", "tháng"}, {"hàng", "tháng"}, {"hằng", "quý"}, {"hàng", "quý"}, {"kỳ", "báo"},
	{"tần", "suất"},
}

// recurringContext reports whether a mention without a year, from token
// from to token next, sits in a clause that makes it recur or fills a
// form: a recurring mark up to twenty words before it or twelve after it
// in the same sentence, or a blank year after it ("đến 31 tháng 12 năm
// ...").
func (s *scanner) recurringContext(from, next int) bool {
	isMark := func(k int) bool {
		for _, m := range recurringMarks {
			if s.word(k, m[0]) && s.word(k+1, m[1]) {
				return true
			}
		}
		return false
	}
	for k := from - 1; k >= 0 && k >= from-20; k-- {
		if s.punct(k, '.', '!', '?') && !s.punct(k-1, '.') || s.blankLineBefore(k+1) {
			break
		}
		if isMark(k) {
			return true
		}
	}
	// After it, a mark belongs to the mention it follows ("trước ngày
	// 30/6 và trước ngày 15 tháng 12 hằng năm") or to the range it ends
	// ("từ tháng 3 đến tháng 11 hằng năm"); the marks that close a span
	// reach further ("… đến ngày 31 tháng 12 cùng năm", "… năm ...",
	// "tháng 3, tháng 6 … của năm đàm phán").
	other, joined := false, false
	for k := next; k < len(s.toks) && k < next+12; k++ {
		if s.punct(k, '.', ';', '!', '?') || s.blankLineBefore(k) {
			break
		}
		switch {
		case s.word(k, "đến", "tới"):
			joined = true
		case s.toks[k].kind == tokNum || s.word(k, "ngày"):
			other = other || !joined
		}
		if !other && isMark(k) || s.word(k, "cùng") && s.word(k+1, "năm") || s.word(k, "tần") && s.word(k+1, "suất") {
			return true
		}
		if s.word(k, "của") && s.word(k+1, "năm") && k+2 < len(s.toks) && s.toks[k+2].kind == tokWord {
			return true
		}
		if s.word(k, "năm") && (s.punct(k+1, '…', '_') || s.punct(k+1, '.') && s.punct(k+2, '.')) {
			return true
		}
	}
	return false
}

// fromTo matches a range written "từ X đến Y" at the word "từ" (token i);
// the mention starts at X: "từ ngày 1.1.2016 đến hết tháng 1.2018", "từ
// tháng 3 đến tháng 10 năm 2026", "từ ngày 08 đến ngày 10 tháng 12 năm
// 2025", "từ năm 2013 đến năm 2016", "từ 8h00 ngày 08/12/2025 đến 22h00
// ngày 12/12/2025". One end written without a year takes the other's;
// without "đến" the words after "từ" are tried alone ("có hiệu lực từ
// 1/2.").
func (s *scanner) fromTo(i int) (match, bool) {
	if r, ok := s.fromToRange(i); ok {
		return r, true
	}
	// "Từ 20/2, trẻ em …": a day-month that starts something.
	if m, ok := s.dayMonth(i+1, i+1); ok && s.clauseEnds(m.next) {
		return m, true
	}
	return match{}, false
}

// maxRange is the longest span "từ X đến Y" may cover, in years: both ends
// are written out, so a century is plausible ("Từ năm 1858 đến trước năm
// 1930"), unlike a bare "1900-2100".
const maxRange = 200

// rangeGrains are the grains an end of a range may have.
func rangeEnd(g string) bool {
	switch g {
	case GrainDay, GrainDatetime, GrainMonth, GrainQuarter, GrainHalf, GrainYear:
		return true
	}
	return false
}

func (s *scanner) fromToRange(i int) (match, bool) {
	j := i + 1
	if s.word(j, "từ") {
		return match{}, false // "từ từ …": no range nests in another
	}
	x, dayOnly, bare := match{}, 0, false
	if s.word(j, "ngày") {
		// "từ ngày 08 đến ngày 10 tháng 12": the day alone.
		if d, dd, ok := s.num(j + 1); ok && dd <= 2 && d >= 1 && d <= 31 && s.word(j+2, "đến", "tới") {
			dayOnly = d
			x = match{next: j + 2}
		}
	}
	if dayOnly == 0 {
		var ok bool
		if x, ok = s.match(j); !ok {
			if x, ok = s.dayMonth(j, j); !ok {
				return match{}, false
			}
			bare = true
		}
		if !rangeEnd(x.Grain) || s.lunar(x.next) {
			return match{}, false
		}
	}
	k := x.next
	if !s.word(k, "đến", "tới") {
		return match{}, false
	}
	k++
	if s.word(k, "hết", "trước") {
		k++
	}
	if s.word(k, "từ") {
		return match{}, false
	}
	y, ok := s.match(k)
	if !ok && !bare && (x.Grain == GrainDay || dayOnly > 0) {
		// "từ ngày 14.2 đến 20.2": a bare day-month only after a day
		// written as one ("1/2 đến 2/3" are fractions).
		y, ok = s.dayMonth(k, k)
	}
	if !ok || !rangeEnd(y.Grain) || s.lunar(y.next) {
		return match{}, false
	}
	if (bare || dayOnly > 0) && y.Grain != GrainDay {
		return match{}, false
	}
	if dayOnly > 0 {
		x.Start = y.End[:len(y.End)-2] + pad2(dayOnly)
		x.yearless = y.yearless
		if x.Start >= y.End {
			return match{}, false
		}
	}
	start, end, yearless, ok := joinRange(x.Start, y.End, x.yearless, y.yearless)
	if !ok {
		return match{}, false
	}
	r := s.mk(j, y.next, start, end, GrainPeriod)
	r.yearless = yearless
	return r, true
}

// joinRange joins the start of one mention and the end of another into a
// range: an end without a year (yearless) takes the other end's, the one
// that keeps the start before the end.
func joinRange(start, end string, startYearless, endYearless bool) (string, string, bool, bool) {
	switch {
	case !startYearless && !endYearless:
	case startYearless && !endYearless:
		y := yearOf(end)
		if start = withYear(start, y); !isoBefore(start, end) {
			start = withYear(start[4:], y-1)
		}
	case !startYearless && endYearless:
		y := yearOf(start)
		if end = withYear(end, y); !isoBefore(start, end) {
			end = withYear(end[4:], y+1)
		}
	default:
		a, b := start[1:], end[1:]
		if n := min(len(a), len(b)); a[:n] == b[:n] {
			return "", "", false, false
		}
		if !isoBefore(a, b) {
			end = "+" + b
		}
		return start, end, true, true
	}
	if !isoBefore(start, end) || !validISO(start) || !validISO(end) || yearOf(end)-yearOf(start) > maxRange {
		return "", "", false, false
	}
	return start, end, false, true
}

// isoBefore reports whether ISO a comes before ISO b, compared at the
// coarser grain of the two ("2016" before "2020-09"; "2020-01-01" is not
// before "2020-01").
func isoBefore(a, b string) bool {
	n := min(len(a), len(b))
	return a[:n] < b[:n]
}

// isYearless reports whether an ISO date still lacks its year (a
// mention waiting for the context's year).
func isYearless(iso string) bool {
	return iso != "" && (iso[0] == '-' || iso[0] == '+')
}

// withYear puts year y in front of a date without its year ("-07-04" →
// "2011-07-04"; "+03" → the month in the year after y).
func withYear(part string, y int) string {
	switch {
	case part == "":
		return part
	case part[0] == '+':
		return strconv.Itoa(y+1) + "-" + part[1:]
	case part[0] == '-':
		return strconv.Itoa(y) + part
	}
	return part
}

// validISO reports whether the day of an ISO date, if it has one, exists
// (29 February only in a leap year).
func validISO(iso string) bool {
	if len(iso) < 10 {
		return true
	}
	y, e1 := strconv.Atoi(iso[:4])
	m, e2 := strconv.Atoi(iso[5:7])
	d, e3 := strconv.Atoi(iso[8:10])
	return e1 == nil && e2 == nil && e3 == nil && validDay(y, m, d)
}

// timeThenDate matches a time of day before a date at token j: "19:35
// 10/07/2011", "19h35 ngày 10/7/2011", "14 giờ ngày 29.1", "10 giờ, thứ Ba,
// ngày 09/12/2025", "7:30 chiều ngày 20/4/2017", "0h00 ngày 01 tháng 01 năm
// 2026". isClock reports whether a time was read at j (when it was and no
// date follows, nothing else starts there).
func (s *scanner) timeThenDate(j int) (m match, ok, isClock bool) {
	h, mi, k, ok := s.clockBefore(j)
	if !ok {
		return match{}, false, false
	}
	if s.punct(k, ',', '|') || s.dash(k) {
		k++
	}
	weekday := false
	switch {
	case s.word(k, "thứ") && s.word(k+1, "hai", "ba", "tư", "năm", "sáu", "bảy"):
		k, weekday = k+2, true
	case s.word(k, "chủ") && s.word(k+1, "nhật"):
		k, weekday = k+2, true
	}
	if weekday && s.punct(k, ',') {
		k++
	}
	ngay := s.word(k, "ngày")
	if ngay {
		k++
		if s.word(k, "mồng", "mùng") {
			k++
		}
	}
	t := "T" + hm(h, mi)
	if y, mo, d, next, ok := s.numDateAfter(k, ngay, ngay); ok && s.rightClear(next) {
		dt := ymd(y, mo, d) + t
		return s.mk(j, next, dt, dt, GrainDatetime), true, true
	}
	if r, ok := s.formalDay(j, k, false); ok && ngay {
		return withTime(r, t), true, true
	}
	if ngay || weekday {
		if r, ok := s.dayMonth(j, k); ok {
			return withTime(r, t), true, true
		}
	}
	return match{}, false, true
}

// withTime turns a day into a datetime at time t ("T14:00").
func withTime(r match, t string) match {
	r.Start += t
	r.End += t
	r.Grain = GrainDatetime
	return r
}

// clockBefore reads a time of day at token j: "19:35", "19h35", "7h",
// "0H00", "14 giờ", "9 giờ 30", "9 giờ 30 phút", with the part of the day
// after it ("7:30 chiều" is 19:30).
func (s *scanner) clockBefore(j int) (h, mi, next int, ok bool) {
	h, hd, ok1 := s.num(j)
	if !ok1 || hd > 2 || h > 23 {
		return
	}
	k := j + 1
	switch {
	case s.adjacent(k) && s.punct(k, ':'):
		m, md, okm := s.num(k + 1)
		if !okm || md != 2 || m > 59 || !s.adjacent(k+1) {
			return
		}
		mi, k = m, k+2
		if s.punct(k, ':') && s.adjacent(k) && s.adjacent(k+1) {
			if sec, secd, ok := s.num(k + 1); ok && secd == 2 && sec < 60 {
				k += 2
			}
		}
	case s.adjacent(k) && s.word(k, "h", "g"):
		k++
		if m, md, ok := s.num(k); ok && s.adjacent(k) && md == 2 && m <= 59 {
			mi, k = m, k+1
		}
	case s.word(k, "giờ"):
		k++
		if m, md, ok := s.num(k); ok && md <= 2 && m <= 59 {
			mi, k = m, k+1
			if s.word(k, "phút") {
				k++
			}
		}
	default:
		return
	}
	if k < len(s.toks) && s.toks[k].kind == tokWord {
		h = dayPart(h, strings.ToLower(s.wordText(k)))
		if s.word(k, "sáng", "trưa", "chiều", "tối", "đêm") {
			k++
		}
	}
	return h, mi, k, true
}

// dayPart returns hour h of the part of the day w ("7 giờ chiều" is 19).
func dayPart(h int, w string) int {
	switch w {
	case "chiều", "tối":
		if h >= 1 && h < 12 {
			return h + 12
		}
	case "đêm":
		if h >= 6 && h < 12 {
			return h + 12
		}
	case "trưa":
		if h >= 1 && h <= 2 {
			return h + 12
		}
	}
	return h
}

// revolution reports whether "tháng" at token i names a revolution or an
// uprising ("Cách mạng Tháng Tám năm 1945", "Tổng khởi nghĩa tháng 8"):
// the month is part of the name, the year after it is the date.
func (s *scanner) revolution(i int) bool {
	return i >= 2 && (s.word(i-2, "cách") && s.word(i-1, "mạng") || s.word(i-2, "khởi") && s.word(i-1, "nghĩa"))
}
