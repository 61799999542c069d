package extract

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Grains of a Date (records.md).
const (
	GrainDatetime = "datetime"
	GrainDay      = "day"
	GrainMonth    = "month"
	GrainQuarter  = "quarter"
	GrainHalf     = "half"
	GrainYear     = "year"
	GrainPeriod   = "period"
)

// Plausible years. Written dates (with ngày/tháng/năm or D/M/Y) may reach
// back to the 19th century (19/5/1890); a bare number only counts as a year
// in the narrower window, where it is far more likely to be one.
const (
	minYear     = 1800
	maxYear     = 2100
	minBareYear = 1900
	maxPeriod   = 50 // longest plausible span of a year range, in years
	maxLead     = 5  // most words before a mention's first number
)

// FindDates returns every absolute date, month, quarter, half year, year and
// period mentioned in text, in order. year is the document's own year (0 if
// unknown): the year of a mention written without one, and the century of
// a two-digit year.
//
// Forms (always day-month-year): "ngày 4-7-2011", "04/7/2011", "4.7.2011",
// "ngày 04 tháng 7 năm 2011", "ngày mồng 3 tháng 3 năm 2018", "12 tháng 10
// năm 2017", "ngày 3/9/91", "tháng 7/2011", "tháng 7 năm 2011", "tháng
// 4-2016", months in words with a year ("tháng Giêng năm 2018", "tháng
// Mười năm 2017", "tháng Chạp năm 2018", read as solar months), "tháng 1 -
// 7.2017" (a month range), "năm 2011", "cuối năm 2011", "Tết 2026", "quý
// III/2011", "quý 3 năm 2011", "quý 4 của năm 2018", "6 tháng đầu năm 2011",
// "6 tháng/2018", "nửa cuối năm 2011", "giai đoạn 2011-2015", "giai đoạn
// 2016-9/2020", "nhiệm kỳ 2010 - 2015", "năm học 2011 - 2012", "(2005-2010)",
// "ngày 4.1.2017 - 4.1.2018", "14-20.2.2018", "tháng 7/2015 – 6/2020"
// (periods), ranges "từ X đến Y" as one period from X to Y ("từ ngày
// 1.1.2016 đến hết tháng 1.2018", "từ tháng 3 đến tháng 10 năm 2026", "từ
// ngày 08 đến ngày 10 tháng 12 năm 2025"), datetimes "10/07/2011 - 19:35",
// "19:35 10/07/2011", "6h30 ngày 30/4/2025", "14 giờ ngày 29.1", "7:30
// chiều ngày 20/4/2017" (19:30), ISO "2011-07-04", "hồi 7/2020" and
// "(9/2024)" (months), English dates of translated pages ("November 19,
// 2025"), the half-filled blanks of drafts and forms ("ngày …/11/2025" a
// month, "ngày / /2007" a year), and a bare year ("đến 2030") when nothing
// around it says it is a count, an amount, a number or a law's name. Old
// and converted texts are read as written: "ngày 2/ 11/ 1996", "ngày*
// *27/10/2025" and "ng**ày 21" (Markdown emphasis), "ngày 17-7-\n2020" (a
// PDF line wrap), "năm 2.000", "ngày 15 tháng 9 tháng 2022". Lunar dates
// ("âm lịch") are skipped. text should be NFC, as Source.Text is.
//
// A day-month, a month or a quarter without a year ("ngày 30/6", "chiều
// 7/12", "từ 1/2.", "tháng 9", "quý 2") takes the year of the other end of
// its range, or of a full date right after it, else year, else (year == 0)
// the year the text itself names most often when one year clearly
// dominates; otherwise it is skipped. A day-month is reported only after
// "ngày", a part of the day, a weekday or "từ"/"đến" closing a clause. One
// that recurs or fills a form is never a date: "ngày 31/12 hằng năm",
// "định kỳ hằng năm (trước ngày 15 tháng 11)", "tháng 7 tới", "hằng quý",
// "tần suất: tháng 3 - 11", "đến 31 tháng 12 năm ...". So does a span of
// months ("6 tháng đầu năm", "nửa đầu năm"); "đầu năm" alone stays
// relative.
//
// Never dates: document numbers ("15/2011/NQ-HĐND", "02-NQ/ĐUK"),
// fractions and counts ("16/18 xã", "24/7"), amounts ("2.025 tỷ"),
// percentages, decimals ("4.110"), phone numbers, URLs, article numbers,
// the month in a revolution's name ("Cách mạng Tháng Tám năm 1945" is the
// year 1945).
func FindDates(text string, year int) []Date {
	if len(text) > math.MaxInt32 {
		return nil // offsets are 32-bit; no document comes near
	}
	toks, words := tokenize(text)
	s := scanner{text: text, toks: toks, words: words, docYear: year}
	var out []Date
	var pending []int // indexes in out of day-months still without a year
	nextNum := 0      // index of the first number token (or anchor word, token.anchor) at or after i
	for i := 0; i < len(s.toks); {
		for nextNum < len(s.toks) && (nextNum < i || s.toks[nextNum].kind != tokNum && !s.toks[nextNum].anchor) {
			nextNum++
		}
		if nextNum-i > maxLead {
			// Every form has a number within maxLead tokens of its start.
			i = nextNum - maxLead
			continue
		}
		m, ok := s.match(i)
		if !ok {
			i++
			continue
		}
		if s.lunar(m.next) {
			// A lunar date ("30.12 âm lịch", "15 tháng 4 âm lịch") is not a
			// calendar date.
			i = m.next
			continue
		}
		if m.yearless {
			if s.recurringContext(i, m.next) {
				// "định kỳ hằng năm (trước ngày 15 tháng 11)".
				i = m.next
				continue
			}
			pending = append(pending, len(out))
		}
		out = append(out, m.Date)
		i = m.next
	}
	if len(pending) > 0 {
		out = resolveYearless(text, out, pending, year)
	}
	setPages(text, out)
	return out
}

// IsHorizon reports whether d, found in text by FindDates, is a horizon
// ("đến năm 2025", "tới 2030", "đến hết năm 2025", "trước năm 2030"): a time
// frame whose start is open. A target with such a date has the period
// {"", end}.
func IsHorizon(text string, d Date) bool {
	if d.Offset < 0 || d.Offset > len(text) {
		return false
	}
	before := strings.TrimRightFunc(text[:d.Offset], isSpace)
	w, rest := lastWord(before)
	if strings.EqualFold(w, "hết") || strings.EqualFold(w, "tận") {
		w, _ = lastWord(strings.TrimRightFunc(rest, isSpace))
	}
	for _, h := range []string{"đến", "tới", "trước"} {
		if strings.EqualFold(w, h) {
			return true
		}
	}
	return false
}

// PeriodIn returns the time frame that a sentence sets, for a target found
// in it: the first explicit period ("giai đoạn 2021-2025", "(2021 - 2025)")
// as a year range; else the first horizon ("đến năm 2025") as {"", "2025"};
// else the first year ("trong năm 2020", and the year of a month, quarter or
// half year) as {"2020", "2020"}. year is passed to FindDates. ok is false
// when the sentence names no time frame.
func PeriodIn(sentence string, year int) (p Period, ok bool) {
	ds := FindDates(sentence, year)
	for _, d := range ds {
		if d.Grain == GrainPeriod {
			return Period{Start: yearPart(d.Start), End: yearPart(d.End)}, true
		}
	}
	for _, d := range ds {
		if d.Grain == GrainYear && IsHorizon(sentence, d) {
			return Period{End: d.End}, true
		}
	}
	for _, d := range ds {
		if d.Grain != GrainDatetime && d.Grain != GrainDay {
			return Period{Start: yearPart(d.Start), End: yearPart(d.End)}, true
		}
	}
	return Period{}, false
}

func yearPart(iso string) string {
	if len(iso) >= 4 {
		return iso[:4]
	}
	return iso
}

// ---- tokens ----

type tokKind uint8

const (
	tokWord  tokKind = iota // a run of letters
	tokNum                  // a run of ASCII digits
	tokPunct                // any other single rune
)

// token is kept small: a long text has hundreds of thousands of them.
type token struct {
	start, end int32 // byte offsets in the text
	val        int32 // value of a tokNum (capped), or the rune of a tokPunct
	// word is, for a tokWord whose letters differ from the text at
	// start:end (a word split by Markdown emphasis, "ng**ày"), 1 + the
	// index of its letters in scanner.words; else 0.
	word   int32
	kind   tokKind
	gap    bool  // whitespace before the token
	digits uint8 // how many digits a tokNum has (emphasis marks aside)
	// anchor marks a word that starts a date form without any digit:
	// "quý" (its numeral may be Roman) and "ba", "sáu", "chín" before
	// "tháng" ("ba tháng cuối năm"), or is in one: "nghìn" of a year in
	// words.
	anchor bool
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u00ad'
}

// isGap reports whether the tokenizer skips r like a space: spaces and the
// Markdown emphasis marks that split mentions in converted documents
// ("ngày* *27/10/2025", "thời kỳ 2021-* *2030").
func isGap(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '*' || r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f'
	}
	return isSpace(r)
}

// tokenize splits text into words, digit runs and single punctuation runes;
// words holds the letters of words split by emphasis (token.word).
func tokenize(text string) (toks []token, words []string) {
	toks = make([]token, 0, len(text)/4)
	gap := true
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r >= '0' && r <= '9':
			j, v, n := i, 0, 0
			for j < len(text) {
				if text[j] == '*' {
					// Emphasis inside a number ("năm 202**5"): one number.
					k := j
					for k < len(text) && text[k] == '*' {
						k++
					}
					if k == len(text) || text[k] < '0' || text[k] > '9' {
						break
					}
					j = k
				}
				if text[j] < '0' || text[j] > '9' {
					break
				}
				if v < 1e8 {
					v = v*10 + int(text[j]-'0')
				}
				j++
				n++
			}
			toks = append(toks, token{kind: tokNum, start: int32(i), end: int32(j), gap: gap, val: int32(v), digits: uint8(min(n, 255))})
			i, gap = j, false
		case r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z') || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)):
			j := letterRun(text, i)
			word := ""
			// Emphasis marks inside a word ("ng**ày" in a crawled heading)
			// do not split it.
			for j < len(text) && text[j] == '*' {
				k := j
				for k < len(text) && text[k] == '*' {
					k++
				}
				if k == len(text) || !isLetterAt(text, k) {
					break
				}
				if word == "" {
					word = text[i:j]
				}
				e := letterRun(text, k)
				word += text[k:e]
				j = e
			}
			// A date word glued to a code in capitals ("Đề án số
			// 381/ĐA-CPngày 09 tháng 5"): two words.
			if word == "" {
				if k := gluedDateWord(text[i:j]); k > 0 {
					// The date word reads as if a space came before it.
					toks = append(toks, token{kind: tokWord, start: int32(i), end: int32(i + k), gap: gap})
					i, gap = i+k, true
				}
			}
			t := token{kind: tokWord, start: int32(i), end: int32(j), gap: gap}
			if j-i == len("quý") && text[i]|0x20 == 'q' {
				w := strings.ToLower(text[i:j])
				t.anchor = w == "quý" || w == "qúy" || w == "quí"
			}
			if (j-i == len("nghìn") || j-i == len("ngàn")) && text[i]|0x20 == 'n' {
				// "năm hai nghìn không trăm hai mươi hai": a year in words
				t.anchor = strings.EqualFold(text[i:j], "nghìn") || strings.EqualFold(text[i:j], "ngàn")
			}
			if j-i == len("tháng") && text[i]|0x20 == 't' && len(toks) > 0 && toks[len(toks)-1].kind == tokWord && strings.EqualFold(text[i:j], "tháng") {
				p := &toks[len(toks)-1]
				switch strings.ToLower(text[p.start:p.end]) {
				case "ba", "sáu", "chín":
					p.anchor = true
				}
			}
			if word != "" {
				words = append(words, word)
				t.word = int32(len(words))
			}
			toks = append(toks, t)
			i, gap = j, false
		case isGap(r):
			i += n
			gap = true
		default:
			toks = append(toks, token{kind: tokPunct, start: int32(i), end: int32(i + n), gap: gap, val: int32(r)})
			i, gap = i+n, false
		}
	}
	return toks, words
}

// letterRun returns the end of the run of letters (and combining marks)
// that starts at byte i of text.
func letterRun(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		i += n
	}
	return i
}

func isLetterAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

// gluedDateWord returns the length of the capitals in w when w is a code
// in capitals with a date word glued after it ("CPngày", "UBNDngày"),
// else 0.
func gluedDateWord(w string) int {
	if len(w) < 5 || w[0] < 'A' || w[0] > 'Z' && w[0] < 0xC3 {
		return 0 // not a code in capitals (ASCII or Đ) with a word after it
	}
	switch w[len(w)-1] {
	case 'y', 'g', 'm':
	default:
		return 0
	}
	for _, d := range []string{"ngày", "tháng", "năm"} {
		head, ok := strings.CutSuffix(w, d)
		if !ok || utf8.RuneCountInString(head) < 2 {
			continue
		}
		for _, r := range head {
			if !unicode.IsUpper(r) {
				return 0
			}
		}
		return len(head)
	}
	return 0
}

// ---- matching ----

type scanner struct {
	text    string
	toks    []token
	words   []string // letters of the words split by emphasis (token.word)
	docYear int      // the document's year, 0 if unknown
}

// match is one mention found at a token.
type match struct {
	Date
	next     int  // token after the mention
	yearless bool // Start and End lack their year until resolved (yearlessSpan)
}

// yearless returns a day-month mention still waiting for its year.
func (s *scanner) yearless(from, next, month, day int) match {
	md := "-" + pad2(month) + "-" + pad2(day)
	return s.yearlessSpan(from, next, md, md, GrainDay)
}

// yearlessSpan returns a mention still waiting for its year: start and end
// are ISO dates without the year ("-07", "-07-04", "-07-04T19:35"); an end
// written "+MM…" falls in the year after the start's.
func (s *scanner) yearlessSpan(from, next int, start, end, grain string) match {
	r := s.mk(from, next, start, end, grain)
	r.yearless = true
	return r
}

// wordText returns the letters of token i (a tokWord).
func (s *scanner) wordText(i int) string {
	if w := s.toks[i].word; w != 0 {
		return s.words[w-1]
	}
	return s.text[s.toks[i].start:s.toks[i].end]
}

func (s *scanner) word(i int, ws ...string) bool {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tokWord {
		return false
	}
	t := s.wordText(i)
	for _, w := range ws {
		// Vietnamese letters keep their byte length in either case.
		if len(t) == len(w) && strings.EqualFold(t, w) {
			return true
		}
	}
	return false
}

func (s *scanner) num(i int) (v, digits int, ok bool) {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tokNum {
		return 0, 0, false
	}
	t := s.toks[i]
	return int(t.val), int(t.digits), true
}

func (s *scanner) punct(i int, rs ...rune) bool {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tokPunct {
		return false
	}
	for _, r := range rs {
		if rune(s.toks[i].val) == r {
			return true
		}
	}
	return false
}

// adjacent reports whether token i exists and touches the token before it.
func (s *scanner) adjacent(i int) bool {
	return i > 0 && i < len(s.toks) && !s.toks[i].gap
}

// wrapped reports whether token i touches the token before it, or follows
// it on the next line (a PDF line wrapped after "17-7-": "17-7-\n2020").
func (s *scanner) wrapped(i int) bool {
	if s.adjacent(i) {
		return true
	}
	if i <= 0 || i >= len(s.toks) || s.toks[i-1].kind != tokPunct {
		return false
	}
	gap := s.text[s.toks[i-1].end:s.toks[i].start]
	return strings.Count(gap, "\n") == 1 && len(gap) <= 4
}

// lunar reports whether the words at token j mark a lunar date.
func (s *scanner) lunar(j int) bool {
	if s.punct(j, '(') {
		j++
	}
	return s.word(j, "âm") && s.word(j+1, "lịch") || s.word(j, "ÂL") && (s.toks[j].gap || s.punct(j-1, '(')) || s.word(j, "AL") && s.punct(j-1, '(')
}

// blankLineBefore reports whether an empty line separates token i from the
// token before it (table cells, paragraphs): no mention spans one.
func (s *scanner) blankLineBefore(i int) bool {
	if i <= 0 || i >= len(s.toks) {
		return false
	}
	return strings.Count(s.text[s.toks[i-1].end:s.toks[i].start], "\n") >= 2
}

// spaceAfter reports whether token i is followed by one or two spaces on
// the same line.
func (s *scanner) spaceAfter(i int) bool {
	if i+1 >= len(s.toks) {
		return false
	}
	gap := s.text[s.toks[i].end:s.toks[i+1].start]
	return (gap == " " || gap == "  ")
}

func isDash(r rune) bool { return r == '-' || r == '–' || r == '—' || r == '‒' }

func (s *scanner) dash(i int) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].kind == tokPunct && isDash(rune(s.toks[i].val))
}

// year4 returns the value of token i when it is a 4-digit year in range.
func (s *scanner) year4(i, lo int) (int, bool) {
	v, d, ok := s.num(i)
	if !ok || d != 4 || v < lo || v > maxYear {
		return 0, false
	}
	return v, true
}

// leftClear reports whether the mention starting at token i is not the
// tail of a longer token: a number, a word, a URL, a document number.
func (s *scanner) leftClear(i int) bool {
	if i >= len(s.toks) {
		return false
	}
	if i == 0 || s.toks[i].gap {
		if i > 0 && s.toks[i-1].kind == tokNum && s.toks[i].kind == tokNum && s.text[s.toks[i-1].end:s.toks[i].start] == " " {
			// "0903 2011": digit groups separated by a space.
			return false
		}
		return true
	}
	p := s.toks[i-1]
	switch p.kind {
	case tokNum, tokWord:
		return false
	}
	switch rune(p.val) {
	case '(', '[', '"', '\'', '“', '‘', '«', '*', '_', '>':
		return true
	case ',', ';':
		return !(i >= 2 && s.toks[i-2].kind == tokNum && !s.toks[i-1].gap)
	}
	return false
}

// rightClear reports whether the mention ending before token j is not the
// head of a longer token: "15/2011/NQ-HĐND", "2011%", "4.7.2011.5".
func (s *scanner) rightClear(j int) bool {
	if j >= len(s.toks) || s.toks[j].gap {
		return true
	}
	t := s.toks[j]
	switch t.kind {
	case tokNum, tokWord:
		return false
	}
	switch r := rune(t.val); {
	case r == '%' || r == '‰' || r == '@' || r == '_':
		return false
	case r == '.' || r == ',' || r == ':':
		// Followed by more of a number: ",5", ".110", ":30"; not by a word
		// after a missing space ("ngày 10/6/2020,Nhà máy").
		return !(j+1 < len(s.toks) && !s.toks[j+1].gap && s.toks[j+1].kind == tokNum)
	case r == '/' || isDash(r) || r == '=' || r == '&' || r == '?':
		// Followed by more of a code: "/NQ", "-QĐ", "/2011".
		return !(j+1 < len(s.toks) && !s.toks[j+1].gap && s.toks[j+1].kind != tokPunct)
	}
	return true
}

// match tries every form at token i, longest first.
func (s *scanner) match(i int) (match, bool) {
	if i < 0 || i >= len(s.toks) {
		return match{}, false
	}
	t := s.toks[i]
	if t.kind == tokPunct {
		return match{}, false
	}
	if t.kind == tokWord {
		if i > 0 && s.adjacent(i) && s.toks[i-1].kind != tokPunct {
			return match{}, false
		}
		return s.matchWord(i)
	}
	if !s.leftClear(i) {
		return match{}, false
	}
	return s.matchNum(i, i)
}

func (s *scanner) span(from, next int) (int, int) {
	return int(s.toks[from].start), int(s.toks[next-1].end)
}

func (s *scanner) mk(from, next int, start, end, grain string) match {
	a, b := s.span(from, next)
	return match{Date: Date{Text: s.text[a:b], Start: start, End: end, Grain: grain, Offset: a}, next: next}
}

// dateWords are the words that start a date form in matchWord.
var dateWords = []string{
	"ngày", "mồng", "mùng", "từ", "tháng", "quý", "qúy", "quí", "đầu", "cuối", "giữa", "năm",
	"giai", "nhiệm", "thời", "niên", "tết", "nửa", "sáu", "ba", "chín", "sáng", "trưa", "chiều",
	"tối", "đêm", "hôm", "khuya", "nay", "đến", "tới", "thứ", "chủ", "cn", "những", "thập",
}

// dateWordLens[b] has bit n set when a date word starts with byte b (ASCII
// letters folded to lower case) and is n bytes long: a cheap test that
// lets matchWord skip the other words (a word's case variants have its
// byte length).
var dateWordLens = func() (t [256]uint32) {
	for _, w := range dateWords {
		t[w[0]] |= 1 << len(w)
	}
	return t
}()

func (s *scanner) matchWord(i int) (match, bool) {
	t := s.toks[i]
	first := s.text[t.start]
	if first < utf8.RuneSelf {
		first |= 0x20
	}
	if n := t.end - t.start; t.word == 0 && (n >= 32 || dateWordLens[first]&(1<<n) == 0) {
		return s.englishDate(i)
	}
	switch {
	case s.word(i, "ngày"):
		return s.dayWord(i)
	case s.word(i, "mồng", "mùng"):
		// "mồng 2/9", "mùng 1 tháng 5 năm 2019" (a "ngày" before it
		// already tried).
		if m, ok := s.formalDay(i, i+1, false); ok {
			return m, true
		}
		if m, ok := s.matchNum(i, i+1); ok {
			return m, true
		}
		return s.dayMonth(i, i+1)
	case s.word(i, "từ"):
		return s.fromTo(i)
	case s.word(i, "tháng"):
		return s.month(i)
	case s.word(i, "quý", "qúy", "quí"):
		return s.quarter(i)
	case s.word(i, "đầu", "cuối", "giữa"):
		if s.word(i+1, "năm") {
			if m, ok := s.yearWord(i + 1); ok && m.Grain == GrainYear {
				a := int(s.toks[i].start)
				m.Text, m.Offset = s.text[a:s.toks[m.next-1].end], a
				return m, true
			}
		}
	case s.word(i, "năm"):
		if s.word(i+1, "học") {
			return s.periodAfter(i, i+2)
		}
		return s.yearWord(i)
	case s.word(i, "giai"):
		if s.word(i+1, "đoạn") {
			return s.periodAfter(i, i+2)
		}
	case s.word(i, "nhiệm", "thời", "niên"):
		if s.word(i+1, "kỳ", "kì", "khóa", "khoá", "độ") {
			return s.periodAfter(i, i+2)
		}
	case s.word(i, "tết"):
		j := i + 1
		if s.word(j, "nguyên") && s.word(j+1, "đán") {
			j += 2
		}
		if y, ok := s.year4(j, minYear); ok && s.rightClear(j+1) {
			ys := strconv.Itoa(y)
			return s.mk(i, j+1, ys, ys, GrainYear), true
		}
	case s.word(i, "nửa"):
		return s.halfWord(i)
	case s.word(i, "những") && s.word(i+1, "năm"), s.word(i, "thập") && s.word(i+1, "niên", "kỷ", "kỉ"):
		return s.decade(i, i+2)
	case s.word(i, "sáu", "ba", "chín"):
		return s.monthsOfYear(i, wordCount(s.wordText(i)))
	case s.word(i, "sáng", "trưa", "chiều", "tối", "đêm", "hôm", "khuya", "nay"):
		if m, ok := s.dayMonth(i+1, i+1); ok {
			return m, true
		}
	case s.word(i, "đến", "tới"):
		// "Tính đến 15/6, …": a day-month closing a clause.
		if m, ok := s.dayMonth(i+1, i+1); ok && s.clauseEnds(m.next) {
			return m, true
		}
	case s.word(i, "thứ"):
		if s.word(i+1, "hai", "ba", "tư", "năm", "sáu", "bảy") {
			return s.weekdayDate(i + 2)
		}
	case s.word(i, "chủ"):
		if s.word(i+1, "nhật") {
			return s.weekdayDate(i + 2)
		}
	case s.word(i, "cn"):
		return s.weekdayDate(i + 1)
	default:
		return s.englishDate(i)
	}
	return match{}, false
}

// dayWord matches the forms that start with "ngày": "ngày 04 tháng 7 năm
// 2011", "ngày mồng 3 tháng 3", "ngày 4-7-2011", "ngày 17/5-23/5/2025",
// "ngày 30/6", and the blanks of a draft or form ("ngày …/11/2025").
func (s *scanner) dayWord(i int) (match, bool) {
	j := i + 1
	if s.word(j, "mồng", "mùng") {
		j++
	}
	if m, ok := s.blankDay(i, j); ok {
		return m, true
	}
	if m, ok := s.formalDay(i, s.skipFiller(j), false); ok {
		return m, true
	}
	if m, ok := s.matchNum(i, j); ok {
		return m, true
	}
	if m, ok := s.dayMonthRange(i, j); ok {
		return m, true
	}
	return s.dayMonth(i, j)
}

// halfWord matches "nửa đầu năm 2011", "nửa cuối năm 2011" and, without a
// year, "nửa đầu năm" (the year comes from the context).
func (s *scanner) halfWord(i int) (match, bool) {
	if !s.word(i+1, "đầu", "cuối") || !s.word(i+2, "năm") {
		return match{}, false
	}
	a, b := 1, 6
	if s.word(i+1, "cuối") {
		a, b = 7, 12
	}
	if y, ok := s.year4(i+3, minYear); ok && s.rightClear(i+4) {
		return s.mk(i, i+4, ym(y, a), ym(y, b), GrainHalf), true
	}
	if !s.yearFromContext(i + 3) {
		return match{}, false
	}
	return s.yearlessSpan(i, i+3, "-"+pad2(a), "-"+pad2(b), GrainHalf), true
}

func wordCount(w string) int {
	switch strings.ToLower(w) {
	case "ba":
		return 3
	case "sáu":
		return 6
	case "chín":
		return 9
	}
	return 0
}

// weekdayDate matches the date after a weekday: "Thứ Hai, 7/12", "(7/12)".
func (s *scanner) weekdayDate(j int) (match, bool) {
	if s.punct(j, ',', '(') {
		j++
	}
	if s.word(j, "ngày") {
		return match{}, false // matched from "ngày" itself
	}
	if !s.leftClear(j) {
		return match{}, false
	}
	if _, _, _, _, ok := s.numDate(j); ok {
		return s.matchNum(j, j)
	}
	return s.dayMonth(j, j)
}

// formalDay matches "ngày 04 tháng 7 năm 2011" and "ngày 04 tháng 7" with
// the day at token j (the mention starts at token from): also "ngày mồng 3
// tháng 3 năm 2018", a month in words with a year ("ngày 15 tháng Giêng
// năm 2018"), filled blanks ("ngày …25..tháng 01 năm 2006") and the slip
// "ngày 15 tháng 9 tháng 2022". With needYear, a day without a year does
// not match.
func (s *scanner) formalDay(from, j int, needYear bool) (match, bool) {
	d, dd, ok := s.num(j)
	if !ok || dd > 2 {
		return match{}, false
	}
	k := s.skipFiller(j + 1)
	if !s.word(k, "tháng") {
		return match{}, false
	}
	m, next, worded, ok := s.monthAt(k + 1)
	if !ok || !worded && s.adjacent(next) && s.toks[next].kind != tokPunct && !s.word(next, "năm") {
		return match{}, false
	}
	t := next
	if s.punct(t, ',') {
		t++
	}
	if s.word(t, "năm") || s.word(t, "tháng") {
		y, ok := s.year4(t+1, minYear)
		if ok && s.rightClear(t+2) && validDay(y, m, d) {
			ds := ymd(y, m, d)
			return s.mk(from, t+2, ds, ds, GrainDay), true
		}
		if s.word(t, "năm") {
			return match{}, false
		}
	}
	if needYear || worded || !s.rightClear(next) || !validDay(2000, m, d) || s.recurring(next) {
		return match{}, false
	}
	return s.yearless(from, next, m, d), true
}

// dayMonth matches a day-month without a year, "30/6", "4-7" or "30.1", at token j;
// the mention's text starts at token from.
func (s *scanner) dayMonth(from, j int) (match, bool) {
	d, dd, ok := s.num(j)
	if !ok || dd > 2 || !s.adjacent(j+1) || !s.punct(j+1, '/', '-', '.') || !s.adjacent(j+2) {
		return match{}, false
	}
	m, md, ok := s.num(j + 2)
	if !ok || md > 2 || !s.rightClear(j+3) || !validDay(2000, m, d) || s.recurring(j+3) {
		return match{}, false
	}
	return s.yearless(from, j+3, m, d), true
}

// recurring reports whether the words at token j make a mention without
// a year relative or yearly: "ngày 31/12 hằng năm", "ngày 15/01 năm sau",
// "ngày 31/12 của năm đánh giá", "ngày 14 tháng 12 của kỳ báo cáo", "tháng 7
// tới", "quý I tiếp theo". Only "năm nay" keeps it anchored (to the
// document year).
func (s *scanner) recurring(j int) bool {
	if s.punct(j, ',') {
		return false
	}
	switch {
	case s.word(j, "năm"):
		return !s.word(j+1, "nay")
	case s.word(j, "hằng", "hàng", "mỗi", "các", "của"):
		return s.word(j+1, "năm", "kỳ", "kì", "tháng", "quý", "niên")
	case s.word(j, "tới"):
		return true
	case s.word(j, "tiếp", "kế"):
		return s.word(j+1, "theo", "tiếp")
	}
	return false
}

// dayMonthRange matches "ngày 17/5-23/5/2025": two day-months sharing the
// year written after the second.
func (s *scanner) dayMonthRange(from, j int) (match, bool) {
	d, dd, ok := s.num(j)
	if !ok || dd > 2 || !s.adjacent(j+1) || !s.punct(j+1, '/') || !s.adjacent(j+2) {
		return match{}, false
	}
	m, md, ok := s.num(j + 2)
	if !ok || md > 2 || !s.dash(j+3) {
		return match{}, false
	}
	y, m2, d2, end, ok := s.numDate(j + 4)
	if !ok || !s.rightClear(end) || !validDay(y, m, d) {
		return match{}, false
	}
	a, b := ymd(y, m, d), ymd(y, m2, d2)
	if a >= b {
		return match{}, false
	}
	return s.mk(from, end, a, b, GrainPeriod), true
}

// numDate parses D<sep>M<sep>Y at token j (one separator, no spaces).
func (s *scanner) numDate(j int) (y, m, d, next int, ok bool) {
	return s.numDateAfter(j, false, false)
}

// numDateAfter is numDate; after "ngày" (loose) the slashes may also have
// spaces before them: "ngày 13 / 3/ 2001", "ngày 21 /05/2010". With short,
// the year may have two digits ("ngày 3/9/91").
func (s *scanner) numDateAfter(j int, loose, short bool) (y, m, d, next int, ok bool) {
	d, dd, ok1 := s.num(j)
	if !ok1 || dd > 2 || j+4 >= len(s.toks) || !s.punct(j+1, '/', '-', '.') {
		return
	}
	sep := s.toks[j+1].val
	m, md, ok2 := s.num(j + 2)
	// Typed with a space after the slash in old documents: "2/ 11/ 1996".
	spaced := sep == '/' && s.spaceAfter(j+1) && s.spaceAfter(j+3)
	if loose && sep == '/' {
		spaced = s.spaceAfter(j+1) != s.adjacent(j+2) && s.spaceAfter(j+3) != s.adjacent(j+4) &&
			s.spaceAfter(j) != s.adjacent(j+1) && s.spaceAfter(j+2) != s.adjacent(j+3)
	} else if !s.adjacent(j+1) || !s.adjacent(j+3) {
		return
	}
	if !ok2 || md > 2 || !spaced && !s.wrapped(j+2) || s.toks[j+3].kind != tokPunct || s.toks[j+3].val != sep || !spaced && !s.wrapped(j+4) {
		return
	}
	y, ok3 := s.year4(j+4, minYear)
	if !ok3 && short {
		y, ok3 = s.shortYear(j + 4)
	}
	if !ok3 || !validDay(y, m, d) {
		return
	}
	return y, m, d, j + 5, true
}

// shortYear reads a year written with two digits at token j ("ngày
// 3/9/91"): the one in the century that puts it at most five years after
// the document's year, or, with no document year, 1969-2068.
func (s *scanner) shortYear(j int) (int, bool) {
	v, d, ok := s.num(j)
	if !ok || d != 2 || !s.adjacent(j) || !s.rightClear(j+1) {
		return 0, false
	}
	y := 2000 + v
	switch {
	case s.docYear >= minYear:
		if y > s.docYear+5 {
			y -= 100
		}
	case v >= 69:
		y -= 100
	}
	return y, true
}

// clock parses "19:35" or "19h35" at token j.
func (s *scanner) clock(j int) (h, min, next int, ok bool) {
	h, hd, ok1 := s.num(j)
	if !ok1 || hd > 2 || h > 23 || !s.adjacent(j+1) {
		return
	}
	if !s.punct(j+1, ':') && !s.word(j+1, "h", "g") {
		return
	}
	min, mind, ok2 := s.num(j + 2)
	if !ok2 || mind != 2 || min > 59 || !s.adjacent(j+2) {
		return
	}
	next = j + 3
	// Seconds, written but not kept: "19:35:22".
	if s.punct(next, ':') && s.adjacent(next) && s.adjacent(next+1) {
		if sec, secd, ok := s.num(next + 1); ok && secd == 2 && sec < 60 {
			next += 2
		}
	}
	if !s.rightClear(next) {
		return
	}
	return h, min, next, true
}

// matchNum matches the forms that start with a number at token j; the
// mention's text starts at token from ("ngày" or the number itself).
func (s *scanner) matchNum(from, j int) (match, bool) {
	if from == j {
		// Time first: "19:35 10/07/2011", "14 giờ ngày 29.1", "7:30 chiều
		// ngày 20/4/2017".
		if m, ok, isClock := s.timeThenDate(j); isClock {
			return m, ok
		}
		if r, ok := s.monthsOfYear(j, 0); ok {
			return r, true
		}
		// "12 tháng 10 năm 2017": a formal day without "ngày".
		if r, ok := s.formalDay(j, j, true); ok {
			return r, true
		}
	}
	// Days of one month: "14-20.2.2018", "ngày 15-17/7/2020".
	if d1, dd, ok := s.num(j); ok && dd <= 2 && s.adjacent(j+1) && s.dash(j+1) && s.adjacent(j+2) {
		if y, m, d2, next, ok := s.numDate(j + 2); ok && d1 < d2 && s.rightClear(next) {
			return s.mk(from, next, ymd(y, m, d1), ymd(y, m, d2), GrainPeriod), true
		}
	}
	// A two-digit year after "ngày", a time word or "(", or with slashes
	// ("3/9/91"; "1.2.10" is a section number).
	short := from != j || s.timeWordBefore(j) || s.punct(j-1, '(') || s.punct(j+1, '/')
	if y, m, d, next, ok := s.numDateAfter(j, from != j, short); ok {
		day := ymd(y, m, d)
		// Range of days: "ngày 4.1.2017 - 4.1.2018", "30/4/1975-30/4/2025".
		if s.dash(next) {
			k := next + 1
			if s.word(k, "ngày") {
				k++
			}
			if y2, m2, d2, end, ok := s.numDate(k); ok && s.rightClear(end) {
				day2 := ymd(y2, m2, d2)
				if day2 > day {
					return s.mk(from, end, day, day2, GrainPeriod), true
				}
			}
		}
		if !s.rightClear(next) {
			return match{}, false
		}
		k := next
		if s.dash(k) || s.punct(k, ',', '|') {
			k++
		}
		// Datetime: "10/07/2011 - 19:35", "10/07/2011 19:35".
		if h, mi, end, ok := s.clock(k); ok {
			dt := day + "T" + hm(h, mi)
			return s.mk(from, end, dt, dt, GrainDatetime), true
		}
		return s.mk(from, next, day, day, GrainDay), true
	}
	if from != j {
		return match{}, false
	}
	// ISO: 2011-07-04.
	if y, ok := s.year4(j, minYear); ok && s.adjacent(j+1) && s.punct(j+1, '-') && s.adjacent(j+2) && s.adjacent(j+3) && s.punct(j+3, '-') && s.adjacent(j+4) {
		m, md, ok1 := s.num(j + 2)
		d, dd, ok2 := s.num(j + 4)
		if ok1 && ok2 && md == 2 && dd == 2 && validDay(y, m, d) && s.rightClear(j+5) {
			day := ymd(y, m, d)
			return s.mk(j, j+5, day, day, GrainDay), true
		}
		return match{}, false
	}
	// A month written "7/2020" after a word of time ("hồi 7/2020", "từ
	// 7/2020") or alone in parentheses ("(9/2024)"); never after a document
	// type ("Thông tư 64/2017"), so only in these places.
	if y, m, end, ok := s.monthSlashYear(j); ok && (s.timeWordBefore(j) || s.punct(j-1, '(') && s.punct(end, ')')) {
		return s.mk(j, end, ym(y, m), ym(y, m), GrainMonth), true
	}
	// A year range "2005-2010", or a bare year.
	if _, ok := s.year4(j, minBareYear); ok {
		if r, ok := s.yearRange(j, j); ok {
			return r, true
		}
		return s.bareYear(j)
	}
	return match{}, false
}

// yearRange matches "Y1 - Y2" (or "Y1 đến Y2" when allowTo) at token j.
func (s *scanner) yearRange(from, j int) (match, bool) {
	y1, ok := s.year4(j, minBareYear)
	if !ok {
		return match{}, false
	}
	k := j + 1
	switch {
	case s.dash(k):
		k++
	default:
		return match{}, false
	}
	y2, ok := s.year4(k, minBareYear)
	if !ok || y2 <= y1 || y2-y1 > maxPeriod || !s.rightClear(k+1) {
		return match{}, false
	}
	return s.mk(from, k+1, strconv.Itoa(y1), strconv.Itoa(y2), GrainPeriod), true
}

// periodAfter matches the years after a period word ("giai đoạn", "nhiệm
// kỳ", "năm học"): "2011-2015", "2011 - 2015", "từ 2011 đến 2015",
// "từ năm 2011 đến năm 2015".
func (s *scanner) periodAfter(from, j int) (match, bool) {
	if s.word(j, "từ") {
		j++
	}
	if s.word(j, "năm") {
		j++
	}
	if !s.leftClear(j) {
		return match{}, false
	}
	if r, ok := s.yearRange(from, j); ok {
		return r, true
	}
	y1, ok := s.year4(j, minBareYear)
	// To a month: "giai đoạn 2016-9/2020".
	if ok && s.dash(j+1) {
		if y2, m2, end, ok := s.monthSlashYear(j + 2); ok && y2 >= y1 && y2-y1 <= maxPeriod {
			return s.mk(from, end, strconv.Itoa(y1), ym(y2, m2), GrainPeriod), true
		}
	}
	// The dash lost: "nhiệm kỳ 2025 2030".
	if y2, ok2 := s.year4(j+1, minBareYear); ok && ok2 && s.text[s.toks[j].end:s.toks[j+1].start] == " " &&
		y2 > y1 && y2-y1 <= maxPeriod && s.rightClear(j+2) {
		return s.mk(from, j+2, strconv.Itoa(y1), strconv.Itoa(y2), GrainPeriod), true
	}
	if !ok || !s.word(j+1, "đến", "tới") {
		return match{}, false
	}
	k := j + 2
	if s.word(k, "năm") {
		k++
	}
	y2, ok := s.year4(k, minBareYear)
	if !ok || y2 <= y1 || y2-y1 > maxPeriod || !s.rightClear(k+1) {
		return match{}, false
	}
	return s.mk(from, k+1, strconv.Itoa(y1), strconv.Itoa(y2), GrainPeriod), true
}

// yearWord matches "năm 2011" and "năm 2016 – 2019" at the word "năm", and
// "năm 2.000" (a year typed with a thousands dot in old documents).
func (s *scanner) yearWord(i int) (match, bool) {
	j := i + 1
	if s.adjacent(j) && s.toks[j].kind != tokNum || s.blankLineBefore(j) {
		return match{}, false
	}
	if r, ok := s.yearRange(i, j); ok {
		return r, true
	}
	if y, ok := s.dottedYear(j); ok {
		ys := strconv.Itoa(y)
		return s.mk(i, j+3, ys, ys, GrainYear), true
	}
	y, ok := s.year4(j, minYear)
	next := j + 1
	if !ok {
		y, next, ok = s.yearInWords(j)
	}
	if !ok || !s.rightClear(next) {
		return match{}, false
	}
	ys := strconv.Itoa(y)
	return s.mk(i, next, ys, ys, GrainYear), true
}

// yearInWords reads a year written in words at token j ("hai nghìn không
// trăm hai mươi hai", "một nghìn chín trăm bốn mươi lăm") and returns it
// with the token after it: two words or more (three before another word),
// a whole number from minYear to maxYear, and no other number word after
// it.
func (s *scanner) yearInWords(j int) (y, next int, ok bool) {
	var words []string
	for k := j; k < len(s.toks) && k < j+12 && s.toks[k].kind == tokWord && (k == j || s.toks[k].gap); k++ {
		w := strings.ToLower(s.wordText(k))
		if !IsNumberWord(w) {
			break
		}
		words = append(words, w)
	}
	v, n := ParseNumberWords(words)
	if n < 2 || n < len(words) || v != float64(int(v)) || int(v) < minYear || int(v) > maxYear {
		return 0, 0, false
	}
	if n == 2 && j+n < len(s.toks) && s.toks[j+n].kind == tokWord {
		return 0, 0, false // "năm hai nghìn người": a count, not the year 2000
	}
	return int(v), j + n, true
}

// decade matches "những năm 90", "thập niên 1990", "thập kỷ 80" (the
// words end before token j): the ten years from the decade's first, a
// period. Two digits are a decade of the 1900s from the 30s on (the 00s,
// 10s and 20s could be either century); a year that does not end in 0,
// or a range after it ("những năm 2020-2025"), is no decade.
func (s *scanner) decade(i, j int) (match, bool) {
	v, d, ok := s.num(j)
	if !ok || v%10 != 0 || !s.rightClear(j+1) || s.dash(j+1) || s.word(j+1, "đến", "tới") {
		return match{}, false
	}
	switch {
	case d == 2 && v >= 30:
		v += 1900
	case d == 4 && v >= minYear && v+9 <= maxYear:
	default:
		return match{}, false
	}
	return s.mk(i, j+1, strconv.Itoa(v), strconv.Itoa(v+9), GrainPeriod), true
}

// dottedYear reads "2.000" at token j as the year 2000 when nothing after
// it makes it an amount.
func (s *scanner) dottedYear(j int) (int, bool) {
	th, d1, ok1 := s.num(j)
	rest, d3, ok3 := s.num(j + 2)
	if !ok1 || !ok3 || d1 != 1 || d3 != 3 || !s.punct(j+1, '.') || !s.adjacent(j+1) || !s.adjacent(j+2) || !s.rightClear(j+3) {
		return 0, false
	}
	y := th*1000 + rest
	if y < minBareYear || y > maxYear {
		return 0, false
	}
	if n := j + 3; n < len(s.toks) && s.toks[n].kind == tokWord && isUnitWord(s.wordText(n)) {
		return 0, false
	}
	return y, true
}

// month matches at "tháng": "tháng 7/2011", "tháng 7 năm 2011",
// "tháng 4-2016", "tháng 7.2017", "tháng 9 của năm 2018", a month in words
// with a year ("tháng Giêng năm 2018", "tháng Mười năm 2017"), the range
// "tháng 1 - 7.2017" and, without a year, "tháng 9" (the year comes from the
// context).
func (s *scanner) month(i int) (match, bool) {
	m, next, worded, ok := s.monthAt(i + 1)
	if !ok || s.revolution(i) {
		return match{}, false
	}
	if worded {
		if y, end, ok := s.monthYearTail(next); ok && s.word(next, "năm", "của") {
			return s.mk(i, end, ym(y, m), ym(y, m), GrainMonth), true
		}
		return match{}, false
	}
	// Range: "tháng 1 - 7.2017", "tháng 1 - tháng 7/2017".
	if s.dash(i + 2) {
		k := i + 3
		if s.word(k, "tháng") {
			k++
		}
		if m2, md2, ok := s.num(k); ok && md2 <= 2 && m2 > m && m2 <= 12 {
			if y, end, ok := s.monthYearTail(k + 1); ok {
				return s.mk(i, end, ym(y, m), ym(y, m2), GrainPeriod), true
			}
		}
	}
	if y, end, ok := s.monthYearTail(i + 2); ok {
		// Across years: "tháng 7/2015 – 6/2020", "tháng 7/2015 - tháng 6/2020".
		if s.dash(end) {
			k := end + 1
			if s.word(k, "tháng") {
				k++
			}
			if y2, m2, end2, ok := s.monthSlashYear(k); ok && ym(y2, m2) > ym(y, m) {
				return s.mk(i, end2, ym(y, m), ym(y2, m2), GrainPeriod), true
			}
		}
		return s.mk(i, end, ym(y, m), ym(y, m), GrainMonth), true
	}
	// "tháng 7 và tháng 8/2020": the year written once for both.
	if s.word(i+2, "và") || s.punct(i+2, ',') {
		if s.word(i+3, "tháng") {
			if r, ok := s.month(i + 3); ok && r.Grain == GrainMonth {
				if r.yearless {
					return s.yearlessSpan(i, i+2, "-"+pad2(m), "-"+pad2(m), GrainMonth), true
				}
				y := r.Start[:4]
				return s.mk(i, i+2, y+"-"+pad2(m), y+"-"+pad2(m), GrainMonth), true
			}
		}
	}
	if !s.yearlessMonthAt(i) {
		return match{}, false
	}
	// "Tháng 3 - 11", "tháng 3 - tháng 11": a range without a year.
	if s.dash(i + 2) {
		k := i + 3
		if s.word(k, "tháng") {
			k++
		}
		if m2, md2, ok := s.num(k); ok && md2 <= 2 && m2 > m && m2 <= 12 && s.rightClear(k+1) && !s.recurring(k+1) {
			return s.yearlessSpan(i, k+1, "-"+pad2(m), "-"+pad2(m2), GrainPeriod), true
		}
	}
	if !s.rightClear(i+2) || s.recurring(i+2) {
		return match{}, false
	}
	return s.yearlessSpan(i, i+2, "-"+pad2(m), "-"+pad2(m), GrainMonth), true
}

// monthSlashYear matches "M/YYYY" (also "M-YYYY", "M.YYYY") at token k.
func (s *scanner) monthSlashYear(k int) (y, m, next int, ok bool) {
	m, md, ok := s.num(k)
	if !ok || md > 2 || m < 1 || m > 12 || !s.adjacent(k+1) || !s.punct(k+1, '/', '-', '.') || !s.adjacent(k+2) {
		return 0, 0, 0, false
	}
	y, ok = s.year4(k+2, minYear)
	if !ok || !s.rightClear(k+3) {
		return 0, 0, 0, false
	}
	return y, m, k + 3, true
}

// timeWordBefore reports whether the word before token j places what
// follows in time: "từ", "đến", "hồi", "vào", "trước", "cuối" ...
func (s *scanner) timeWordBefore(j int) bool {
	return j > 0 && s.toks[j].gap && s.word(j-1, "từ", "đến", "tới", "hồi", "vào", "trước", "sau", "cuối", "đầu", "giữa", "hết", "kể")
}

// monthYearTail matches what follows a month number: "/2011", "-2011",
// ".2011", " - 2011", " năm 2011", " của năm 2011".
func (s *scanner) monthYearTail(k int) (y, next int, ok bool) {
	switch {
	case s.word(k, "năm"):
		k++
	case s.word(k, "của") && s.word(k+1, "năm"):
		k += 2
	case s.punct(k, '/', '.', '-', '–'):
		if s.adjacent(k) != s.wrapped(k+1) && s.punct(k, '/', '.') {
			return 0, 0, false
		}
		if s.punct(k, '.') && !s.adjacent(k) {
			return 0, 0, false // end of a sentence
		}
		k++
	default:
		return 0, 0, false
	}
	y, ok = s.year4(k, minYear)
	if !ok || !s.rightClear(k+1) {
		return 0, 0, false
	}
	return y, k + 1, true
}

// quarter matches "quý III/2011", "quý 3 năm 2011", "quý IV-2020", "Quí
// IV-2025", "quý 4 của năm 2018" and, without a year, "quý 2" (the year
// comes from the context).
func (s *scanner) quarter(i int) (match, bool) {
	q := 0
	if v, d, ok := s.num(i + 1); ok && d == 1 {
		q = v
	} else if i+1 < len(s.toks) && s.toks[i+1].kind == tokWord {
		switch s.wordText(i + 1) {
		case "I":
			q = 1
		case "II":
			q = 2
		case "III":
			q = 3
		case "IV":
			q = 4
		}
	}
	if q < 1 || q > 4 || s.adjacent(i+1) {
		return match{}, false
	}
	a, b := "-"+pad2(3*q-2), "-"+pad2(3*q)
	y, end, ok := s.monthYearTail(i + 2)
	if ok {
		return s.mk(i, end, strconv.Itoa(y)+a, strconv.Itoa(y)+b, GrainQuarter), true
	}
	// "quý I và quý II/2021": the year written once for both.
	if (s.word(i+2, "và") || s.punct(i+2, ',')) && s.word(i+3, "quý", "qúy", "quí") {
		if r, ok := s.quarter(i + 3); ok {
			if r.yearless {
				return s.yearlessSpan(i, i+2, a, b, GrainQuarter), true
			}
			return s.mk(i, i+2, r.Start[:4]+a, r.Start[:4]+b, GrainQuarter), true
		}
	}
	if !s.rightClear(i+2) || s.recurring(i+2) || !s.yearFromContext(i+2) || s.quantifiedBefore(i) {
		return match{}, false
	}
	return s.yearlessSpan(i, i+2, a, b, GrainQuarter), true
}

// monthsOfYear matches "6 tháng đầu năm 2011", "9 tháng năm 2011",
// "6 tháng cuối năm 2011", "6 tháng/2018" and, without a year, "6 tháng
// đầu năm" (n is the count when token i is a number word).
func (s *scanner) monthsOfYear(i, n int) (match, bool) {
	if n == 0 {
		v, d, ok := s.num(i)
		if !ok || d > 2 {
			return match{}, false
		}
		n = v
	}
	if n < 1 || n > 11 || !s.word(i+1, "tháng") {
		return match{}, false
	}
	j := i + 2
	last := false
	switch {
	case s.word(j, "đầu"):
		j++
	case s.word(j, "cuối"):
		last = true
		j++
	}
	a, b := 1, n
	if last {
		a, b = 13-n, 12
	}
	grain := GrainPeriod
	switch {
	case n == 6:
		grain = GrainHalf
	case n == 3:
		grain = GrainQuarter
	}
	// "6 tháng/2018".
	if j == i+2 && s.punct(j, '/') && s.adjacent(j) && s.adjacent(j+1) {
		if y, ok := s.year4(j+1, minYear); ok && s.rightClear(j+2) {
			return s.mk(i, j+2, ym(y, a), ym(y, b), grain), true
		}
	}
	if !s.word(j, "năm") {
		return match{}, false
	}
	y, ok := s.year4(j+1, minYear)
	if !ok && j > i+2 && s.yearFromContext(j+1) {
		// "6 tháng đầu năm": the year comes from the context.
		return s.yearlessSpan(i, j+1, "-"+pad2(a), "-"+pad2(b), grain), true
	}
	if !ok || !s.rightClear(j+2) {
		return match{}, false
	}
	return s.mk(i, j+2, ym(y, a), ym(y, b), grain), true
}

// bareYear accepts a 4-digit year written alone ("đến 2030", "nhiệm vụ
// 2025") unless its neighbours say it is something else.
func (s *scanner) bareYear(j int) (match, bool) {
	y, _ := s.year4(j, minBareYear)
	if !s.rightClear(j + 1) {
		return match{}, false
	}
	if j > 0 {
		p := s.toks[j-1]
		if p.kind == tokPunct && s.toks[j].gap {
			if r := rune(p.val); r == ':' || r == '#' || r == '№' || r == '+' || r == '$' || r == '€' || r == '=' || isDash(r) && j > 1 && s.toks[j-2].kind == tokNum {
				return match{}, false
			}
		}
		if p.kind == tokNum && s.text[p.end:s.toks[j].start] == " " {
			return match{}, false
		}
		// The year of a document number typed with spaces: "12/ 2001/ QĐ-BTC".
		if p.kind == tokPunct && p.val == '/' && j > 1 && s.toks[j-2].kind == tokNum {
			return match{}, false
		}
		if p.kind == tokWord && isCountWord(s.text[p.start:p.end]) {
			return match{}, false
		}
	}
	if j+1 < len(s.toks) {
		n := s.toks[j+1]
		if n.kind == tokNum && s.text[s.toks[j].end:n.start] == " " {
			return match{}, false
		}
		if n.kind == tokWord && isUnitWord(s.text[n.start:n.end]) && !strings.Contains(s.text[s.toks[j].end:n.start], "\n") {
			return match{}, false
		}
		if n.kind == tokPunct && (n.val == '%' || n.val == '‰' || n.val == '$' || n.val == '₫') ||
			n.kind == tokPunct && n.val == '/' && j+2 < len(s.toks) && s.toks[j+2].kind == tokWord && isUpperWord(s.wordText(j+2)) {
			return match{}, false
		}
	}
	if s.inName(j) {
		return match{}, false
	}
	ys := strconv.Itoa(y)
	return s.mk(j, j+1, ys, ys, GrainYear), true
}

// inName reports whether the number at token j ends the name of a law
// ("Luật Doanh nghiệp 2014", "Hiến pháp 2013", "Bộ luật Hình sự 2015"):
// such names identify a document, they are not dates.
func (s *scanner) inName(j int) bool {
	lo := j - 7
	for k := j - 1; k >= 0 && k >= lo; k-- {
		t := s.toks[k]
		// A list of editions: "Luật Doanh nghiệp 2014, 2020".
		if k > 0 && (s.punct(k, ',') || s.word(k, "và")) && s.toks[k-1].kind == tokNum {
			k--
			lo -= 2
			continue
		}
		if t.kind != tokWord {
			return false
		}
		w := s.text[t.start:t.end]
		switch {
		case strings.EqualFold(w, "lệ") && s.word(k-1, "điều"):
			return true
		case strings.EqualFold(w, "luật") || strings.EqualFold(w, "lệnh") || w == "Pháp" || w == "Hiến":
			// The word after "Luật" names the law when capitalized.
			if k+1 < j && k+1 < len(s.toks) {
				r, _ := utf8.DecodeRuneInString(s.text[s.toks[k+1].start:])
				return unicode.IsUpper(r) || strings.EqualFold(w, "pháp") || strings.EqualFold(w, "hiến")
			}
			return false
		case w == "ISO" || w == "TCVN" || w == "QCVN" || w == "Euro" || w == "EURO":
			return true
		}
	}
	return false
}

var countWords = map[string]bool{
	"số": true, "điều": true, "khoản": true, "điểm": true, "mục": true, "chương": true,
	"lục": true, "mã": true, "có": true, "gồm": true, "khoảng": true, "trên": true,
	"dưới": true, "hơn": true, "gần": true, "đạt": true, "tổng": true, "thứ": true,
	"lần": true, "tel": true, "đt": true, "fax": true, "hotline": true, "phòng": true,
	"xấp": true, "xỉ": true, "top": true, "nhà": true, "ngõ": true,
	"ngách": true, "hẻm": true, "km": true, "lộ": true, "tuyến": true,
	"mức": true, "được": true, "thêm": true, "còn": true,
	"bằng": true, "lên": true, "xuống": true, "tăng": true, "giảm": true,
}

// isUpperWord reports whether w is written in capitals ("QĐ", "NQ").
func isUpperWord(w string) bool {
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return w != ""
}

func isCountWord(w string) bool { return countWords[strings.ToLower(w)] }

var unitWords = map[string]bool{
	"người": true, "hộ": true, "đồng": true, "tỷ": true, "tỉ": true, "triệu": true,
	"nghìn": true, "ngàn": true, "trăm": true, "vạn": true, "ha": true, "km": true,
	"m": true, "tấn": true, "kg": true, "lít": true, "vnd": true,
	"vnđ": true, "con": true, "cái": true, "chiếc": true, "căn": true, "trường": true,
	"xã": true, "phường": true, "huyện": true, "tỉnh": true, "lượt": true, "vụ": true,
	"ca": true, "bài": true, "trang": true, "điểm": true, "phút": true, "giờ": true,
	"giây": true, "lần": true, "cây": true, "hécta": true, "héc": true,
	"kWh": true, "đảng": true, "học": true, "doanh": true, "dự": true,
	"tổ": true, "cơ": true, "đơn": true, "thôn": true, "ấp": true,
	"chi": true, "cán": true, "hồ": true, "mét": true, "cm": true, "mm": true,
	"gam": true, "g": true, "đ": true, "lao": true, "công": true, "viên": true,
	"thành": true, "em": true, "cháu": true, "cặp": true, "gia": true, "suất": true,
	"phòng": true, "giường": true, "bác": true, "bệnh": true, "lô": true,
	"thửa": true, "sản": true, "gói": true, "cuốn": true,
	"quyển": true, "bộ": true, "chuyến": true, "việc": true, "sinh": true,
	"trẻ": true, "nhà": true, "km2": true, "m2": true,
	"tàu": true, "xe": true, "máy": true, "container": true, "thùng": true,
	"bao": true, "hạt": true, "liều": true, "mũi": true,
}

func isUnitWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r) && unitWords[w] || w == "USD" || w == "VND" || w == "VNĐ" || w == "MW" || w == "kWh"
}

// ---- years for day-months ----

// resolveYearless gives each pending mention without a year (a day-month,
// a month, a quarter, a half year, a range of them) a year, or drops it:
// the year of a full date right after it ("ngày 17/5, 23/5/2025"), else the
// document's, else the one the text names most often.
func resolveYearless(text string, out []Date, pending []int, year int) []Date {
	docYear := year
	if docYear < minYear || docYear > maxYear {
		docYear = 0
	}
	if docYear == 0 {
		docYear = dominantYear(text, out)
	}
	drop := make(map[int]bool)
	for _, k := range pending {
		d := &out[k]
		y := 0
		if n := k + 1; n < len(out) && (out[n].Grain == GrainDay || out[n].Grain == GrainDatetime) && !isYearless(out[n].Start) &&
			out[n].Offset-(d.Offset+len(d.Text)) < 24 {
			y = yearOf(out[n].Start)
		}
		if y == 0 {
			y = docYear
		}
		start, end := withYear(d.Start, y), withYear(d.End, y)
		if y == 0 || !validISO(start) || !validISO(end) {
			drop[k] = true
			continue
		}
		d.Start, d.End = start, end
	}
	if len(drop) == 0 {
		return out
	}
	kept := out[:0]
	for k, d := range out {
		if !drop[k] {
			kept = append(kept, d)
		}
	}
	return kept
}

// dominantYear returns the year that the text's dated mentions name most
// often, when it is named at least twice, more often than any other, and
// no full date of a later year contradicts it (an article about 1975
// written in 2025). Periods and horizons ("đến năm 2025") do not count, nor
// do the bases of comparisons ("so với cuối năm 2019", "cùng kỳ năm
// 2019"); a month, a quarter or a span of months ("9 tháng đầu năm 2020")
// counts twice and a datetime, usually the time of publication, three
// times: a news text reports on its own year and compares with others.
func dominantYear(text string, ds []Date) int {
	count := map[int]int{}
	latestDay := 0
	for _, d := range ds {
		if d.Start == "" || isYearless(d.Start) || d.Grain == GrainYear && IsHorizon(text, d) || comparisonBase(text, d.Offset) {
			continue
		}
		y, err := strconv.Atoi(d.Start[:4])
		if err != nil {
			continue
		}
		switch {
		case d.Grain == GrainDatetime:
			count[y] += 3
		case d.Grain == GrainPeriod:
			if len(d.Start) < 7 || d.Start[:4] != d.End[:4] {
				continue // a range of years
			}
			count[y] += 2
		case d.Grain == GrainYear:
			count[y]++
		default:
			count[y] += 2
		}
		if (d.Grain == GrainDay || d.Grain == GrainDatetime) && y > latestDay {
			latestDay = y
		}
	}
	best, bestN, second := 0, 0, 0
	for y, n := range count {
		switch {
		case n > bestN:
			best, second, bestN = y, bestN, n
		case n > second:
			second = n
		}
	}
	if bestN >= 2 && bestN > second && latestDay <= best {
		return best
	}
	return 0
}

// comparisonBase reports whether the mention at offset is the base of a
// comparison: "so với (cuối) năm 2019", "(cùng kỳ) năm 2019".
func comparisonBase(text string, offset int) bool {
	if offset > len(text) {
		return false
	}
	lo := max(0, offset-24)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	before := strings.ToLower(text[lo:offset])
	return strings.Contains(before, "so với") || strings.Contains(before, "cùng kỳ") || strings.Contains(before, "cùng kì")
}

// ---- helpers ----

func setPages(text string, ds []Date) {
	page, pos := 1, 0
	for k := range ds {
		if ds[k].Offset > pos {
			page += strings.Count(text[pos:ds[k].Offset], "\f")
			pos = ds[k].Offset
		}
		ds[k].Page = page
	}
}

func lastWord(s string) (w, rest string) {
	end := len(s)
	i := end
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		i -= n
	}
	return s[i:end], s[:i]
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func validDay(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func ym(y, m int) string     { return strconv.Itoa(y) + "-" + pad2(m) }
func ymd(y, m, d int) string { return ym(y, m) + "-" + pad2(d) }
func hm(h, m int) string     { return pad2(h) + ":" + pad2(m) }
