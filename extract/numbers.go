package extract

import (
	"strconv"
	"strings"
)

// NumberConvention tells how a document writes the thousands and decimal
// separators of its numbers.
type NumberConvention int

const (
	// ConventionVN is the Vietnamese convention: dot for thousands, comma
	// for decimals ("1.234,5").
	ConventionVN NumberConvention = iota
	// ConventionEN is the English convention: comma for thousands, dot for
	// decimals ("1,234.5"), used by some outlets and converted texts.
	ConventionEN
)

// hasVNDecimal reports whether text has a comma between a digit and one or
// two digits not followed by another digit: a Vietnamese decimal ("7,5").
func hasVNDecimal(text string) bool {
	for i := 1; i+1 < len(text); i++ {
		if text[i] != ',' || !isASCIIDigit(text[i-1]) || !isASCIIDigit(text[i+1]) {
			continue
		}
		n := 1
		for i+1+n < len(text) && isASCIIDigit(text[i+1+n]) {
			n++
		}
		if n <= 2 {
			return true
		}
	}
	return false
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// DetectConvention chooses one number convention for a whole text
// (../shared/domain.md §5.1): any comma with one or two digits after it makes
// the text Vietnamese; otherwise English decimals before a unit ("7.5%") or
// comma-grouped millions make it English. The default is Vietnamese.
func DetectConvention(text string) NumberConvention {
	if hasVNDecimal(text) {
		return ConventionVN
	}
	if hasENDecimal(text) || hasENGroups(text) {
		return ConventionEN
	}
	return ConventionVN
}

// hasENDecimal reports whether text has a dot with one or two digits after
// it before a percent sign or a scale word ("7.5%", "2.5 tỷ"): an English
// decimal.
func hasENDecimal(text string) bool {
	for i := 1; i+1 < len(text); i++ {
		if text[i] != '.' || !isASCIIDigit(text[i-1]) || !isASCIIDigit(text[i+1]) {
			continue
		}
		j := i + 1
		for j < len(text) && isASCIIDigit(text[j]) {
			j++
		}
		if j-i-1 > 2 {
			continue
		}
		rest := strings.TrimPrefix(text[j:], " ")
		for _, u := range []string{"%", "tỷ", "triệu", "nghìn", "USD"} {
			if strings.HasPrefix(rest, u) {
				return true
			}
		}
	}
	return false
}

// hasENGroups reports whether text groups thousands with commas at least
// twice ("1,234,567").
func hasENGroups(text string) bool {
	for i := 0; i < len(text); i++ {
		if !isASCIIDigit(text[i]) || i > 0 && isASCIIDigit(text[i-1]) {
			continue
		}
		j := i
		for j < len(text) && isASCIIDigit(text[j]) {
			j++
		}
		if j-i > 3 {
			continue
		}
		groups := 0
		for j+3 < len(text) && text[j] == ',' && isASCIIDigit(text[j+1]) && isASCIIDigit(text[j+2]) && isASCIIDigit(text[j+3]) && (j+4 == len(text) || !isASCIIDigit(text[j+4])) {
			groups++
			j += 4
		}
		if groups >= 2 {
			return true
		}
	}
	return false
}

// ParseNumber parses a number written in digits with the separators of
// convention c: under ConventionVN "2.500" is 2500, "1,5" is 1.5 and
// "1.234,5" is 1234.5. Whatever the convention, a separator that can only be
// one thing is read as that thing: two or more dots or commas group
// thousands, and when both occur the last one is the decimal mark. A single
// dot followed by one or two digits is a decimal point ("7.5"). ok is false
// when s is not a number.
func ParseNumber(s string, c NumberConvention) (v float64, ok bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if (b < '0' || b > '9') && b != '.' && b != ',' {
			return 0, false
		}
	}
	if s[0] < '0' || s[0] > '9' || s[len(s)-1] < '0' || s[len(s)-1] > '9' {
		return 0, false
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	var intPart, frac string
	switch {
	case dots == 0 && commas == 0:
		intPart = s
	case dots > 0 && commas > 0:
		ld, lc := strings.LastIndexByte(s, '.'), strings.LastIndexByte(s, ',')
		dec := ld
		if lc > ld {
			dec = lc
		}
		intPart, frac = s[:dec], s[dec+1:]
		if strings.ContainsAny(frac, ".,") || strings.Count(intPart, ".") > 0 && strings.Count(intPart, ",") > 0 || !groupedThousands(intPart) {
			return 0, false
		}
	case dots > 1 || commas > 1:
		if !groupedThousands(s) {
			return 0, false
		}
		intPart = s
	default: // exactly one separator
		sep := byte('.')
		if commas == 1 {
			sep = ','
		}
		k := strings.IndexByte(s, sep)
		after := len(s) - k - 1
		grouping := after == 3 && k <= 3
		switch {
		case !grouping:
			intPart, frac = s[:k], s[k+1:]
		case sep == '.' && c == ConventionVN, sep == ',' && c == ConventionEN:
			intPart = s
		default:
			intPart, frac = s[:k], s[k+1:]
		}
	}
	intPart = strings.ReplaceAll(strings.ReplaceAll(intPart, ".", ""), ",", "")
	if !groupedOK(intPart) {
		return 0, false
	}
	num := intPart
	if frac != "" {
		num += "." + frac
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, false
	}
	return f, true
}

// groupedThousands reports whether s is digits grouped by one kind of
// separator in threes after a first group of one to three digits.
func groupedThousands(s string) bool {
	sep := byte('.')
	if strings.IndexByte(s, ',') >= 0 {
		sep = ','
	}
	parts := strings.Split(s, string(sep))
	if len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

func groupedOK(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// numberWordValues are the digit words; "mốt", "tư" and "lăm"/"nhăm" are
// the forms used after "mươi"/"mười".
var numberWordValues = map[string]float64{
	"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4,
	"năm": 5, "lăm": 5, "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8,
	"chín": 9,
}

// numberScaleWords multiply what precedes them.
var numberScaleWords = map[string]float64{
	"trăm": 100, "nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6,
	"tỷ": 1e9, "tỉ": 1e9,
}

// IsNumberWord reports whether w (lower case) can be part of a number
// written in words.
func IsNumberWord(w string) bool {
	return numberWordSet[w]
}

// numberWordSet holds every word IsNumberWord accepts (one lookup: it is
// asked about every word of a text).
var numberWordSet = func() map[string]bool {
	m := map[string]bool{}
	for w := range numberWordValues {
		m[w] = true
	}
	for w := range numberScaleWords {
		m[w] = true
	}
	for _, w := range []string{"mười", "mươi", "chục", "linh", "lẻ", "rưỡi", "phẩy"} {
		m[w] = true
	}
	return m
}()

// ParseNumberWords reads the longest number written in words at the start of
// words (lower case, one word each): "ba" = 3, "mười lăm" = 15, "hai mươi
// mốt" = 21, "một trăm linh năm" = 105, "hai nghìn không trăm linh một" =
// 2001, "hai nghìn linh năm" = 2005, "một nghìn hai trăm" = 1200, "hai mươi
// mốt nghìn không trăm mười một" = 21011, "một nghìn tỷ" = 1e12, "hai triệu
// rưỡi" = 2.5e6, "ba chục" = 30, and decimals spoken with "phẩy": "ba phẩy
// năm" = 3.5, "hai phẩy hai lăm" = 2.25, "một phẩy năm triệu" = 1.5e6. n is
// the number of words used; n is 0 when words does not start with a
// number.
func ParseNumberWords(words []string) (v float64, n int) {
	v, n, scaled := parseIntegerWords(words)
	if n == 0 || scaled || n+1 >= len(words) || words[n] != "phẩy" {
		return v, n
	}
	frac, k := parseDecimalWords(words[n+1:])
	if k == 0 {
		return v, n
	}
	v, n = v+frac, n+1+k
	// "một phẩy năm triệu": the scale applies to the whole number.
	if n < len(words) {
		if sc, ok := numberScaleWords[words[n]]; ok && sc >= 1e3 {
			v, n = v*sc, n+1
		}
	}
	return v, n
}

// decimalDigits are the words of one digit after "phẩy" ("hai lăm" = 25,
// "không năm" = 05).
var decimalDigits = map[string]byte{
	"không": '0', "một": '1', "mốt": '1', "hai": '2', "ba": '3', "bốn": '4', "tư": '4',
	"năm": '5', "lăm": '5', "nhăm": '5', "sáu": '6', "bảy": '7', "bẩy": '7', "tám": '8', "chín": '9',
}

// parseDecimalWords reads the decimals after "phẩy": digit words read one
// by one ("hai lăm" = .25, "không năm" = .05) or a number read whole ("hai
// mươi lăm" = .25). k is the number of words used.
func parseDecimalWords(words []string) (frac float64, k int) {
	if v, n, scaled := parseIntegerWords(words); n > 1 && !scaled && v >= 10 {
		s := strconv.FormatFloat(v, 'f', -1, 64)
		f, _ := strconv.ParseFloat("0."+s, 64)
		return f, n
	}
	var digits []byte
	for k < len(words) && k < 6 {
		d, ok := decimalDigits[words[k]]
		if !ok {
			break
		}
		digits = append(digits, d)
		k++
	}
	if k == 0 {
		return 0, 0
	}
	f, _ := strconv.ParseFloat("0."+string(digits), 64)
	return f, k
}

// parseIntegerWords is ParseNumberWords without decimals; scaled reports
// whether a scale word of a thousand or more was read.
func parseIntegerWords(words []string) (v float64, n int, scaled bool) {
	var total, group, cur float64 // total: above thousands; group: below
	have := false
	lastScale := 1.0
	prev := ""
	for n < len(words) {
		w := words[n]
		d, isDigit := numberWordValues[w]
		switch {
		case isDigit:
			if w == "mốt" || w == "lăm" || w == "nhăm" || w == "tư" {
				if prev != "mươi" && prev != "mười" && !(w == "lăm" && prev == "linh") && !(w == "tư" && prev == "linh") {
					return finishWords(total, group, cur, have), n, lastScale > 1
				}
			}
			if (w == "năm" || w == "một" || w == "bốn") && have && cur != 0 && prev != "mươi" && prev != "mười" && prev != "linh" && prev != "lẻ" {
				return finishWords(total, group, cur, have), n, lastScale > 1
			}
			if _, prevDigit := numberWordValues[prev]; have && prevDigit {
				// two digit words in a row ("ba bốn") are not one number.
				return finishWords(total, group, cur, have), n, lastScale > 1
			}
			cur += d
		case w == "mười":
			if have && cur != 0 {
				return finishWords(total, group, cur, have), n, lastScale > 1
			}
			cur += 10
		case w == "mươi":
			if !have || !isDigitWord(prev) || cur == 0 || cur >= 10 {
				return finishWords(total, group, cur, have), n, lastScale > 1
			}
			cur *= 10
		case w == "chục":
			if !have || !isDigitWord(prev) {
				return finishWords(total, group, cur, have), n, lastScale > 1
			}
			cur *= 10
		case w == "linh" || w == "lẻ":
			// "một trăm linh năm", "hai nghìn linh năm" (no hundreds).
			if !have || prev != "trăm" && numberScaleWords[prev] < 1e3 {
				return finishWords(total, group, cur, have), n, lastScale > 1
			}
		case w == "trăm":
			if !have || !isDigitWord(prev) {
				return finishWords(total, group, cur, have), n, lastScale > 1
			}
			group += cur * 100
			cur = 0
		case w == "rưỡi":
			if !have {
				return 0, 0, false
			}
			if prev == "trăm" || lastScale > 1 && numberScaleWords[prev] == lastScale {
				half := lastScale / 2
				if prev == "trăm" {
					half = 50
				}
				return finishWords(total, group, cur, have) + half, n + 1, lastScale > 1
			}
			return finishWords(total, group, cur, have), n, lastScale > 1
		default:
			sc, isScale := numberScaleWords[w]
			if !isScale || !have || (sc < 1e3) {
				return finishWords(total, group, cur, have), n, lastScale > 1
			}
			g := group + cur
			if total != 0 && sc > lastScale {
				// "nghìn tỷ": a larger scale after a smaller one multiplies
				// everything before it.
				total = (total + g) * sc
			} else {
				if g == 0 {
					g = 1
				}
				total += g * sc
			}
			group, cur = 0, 0
			lastScale = sc
		}
		have = true
		prev = w
		n++
	}
	return finishWords(total, group, cur, have), n, lastScale > 1
}

func isDigitWord(w string) bool {
	_, ok := numberWordValues[w]
	return ok || w == "mười"
}

func finishWords(total, group, cur float64, have bool) float64 {
	if !have {
		return 0
	}
	return total + group + cur
}
