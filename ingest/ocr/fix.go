package ocr

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"vanban/ingest/vntext"

	"vanban/internal/lazyregexp"
)

// confusions are two-syllable words that tesseract's Vietnamese models
// misread in a way no Vietnamese text writes: a hook read as an acute
// (đổi → đối, bổ → bố, kiểm → kiếm, kể → kế), an acute read as a hook
// (phố → phổ) or a dot read as a hook (chi → chỉ),
// in the words of administrative texts where the misreading is not a
// word. Each pair is replaced only as whole syllables, in any case.
var confusions = map[string]string{
	"chỉ tiết": "chi tiết", "chỉ phí": "chi phí", "chỉ bộ": "chi bộ", "chỉ cục": "chi cục",
	"chỉ trả": "chi trả", "chỉ nhánh": "chi nhánh", "chỉ hội": "chi hội", "chỉ đầu": "chi đầu",
	"chỉ thường": "chi thường", "chỉ ngân": "chi ngân",
	"sửa đối": "sửa đổi", "đối mới": "đổi mới", "chuyến đổi": "chuyển đổi", "thay đối": "thay đổi",
	"bố sung": "bổ sung", "bố nhiệm": "bổ nhiệm", "phố biến": "phổ biến", "phố thông": "phổ thông",
	"tố chức": "tổ chức", "kiếm tra": "kiểm tra", "kiếm soát": "kiểm soát", "kiếm điểm": "kiểm điểm",
	"phát triến": "phát triển", "tiêu biếu": "tiêu biểu", "đại biếu": "đại biểu", "biếu quyết": "biểu quyết",
	"thấm tra": "thẩm tra", "thấm quyền": "thẩm quyền", "thấm định": "thẩm định",
	"nhập khấu": "nhập khẩu", "xuất khấu": "xuất khẩu", "tiêu chuấn": "tiêu chuẩn",
	"chuyến biến": "chuyển biến", "chuyến giao": "chuyển giao", "điều khiến": "điều khiển",
	"thúc đấy": "thúc đẩy", "đấy mạnh": "đẩy mạnh", "tống kết": "tổng kết", "tống số": "tổng số",
	"tống cục": "tổng cục", "tống hợp": "tổng hợp", "cố phần": "cổ phần", "bảo đám": "bảo đảm",
	"cụ thế": "cụ thể", "đẳng ủy": "đảng ủy", "đẳng viên": "đảng viên", "đẳng bộ": "đảng bộ",
	"đẳng cộng": "đảng cộng", "cộng sẳn": "cộng sản", "tập thế": "tập thể", "tống thể": "tổng thể",
	"kế từ": "kể từ", "đáng kế": "đáng kể", "thế chế": "thể chế", "thế thao": "thể thao",
	"cố phiếu": "cổ phiếu", "cố tức": "cổ tức", "cố đông": "cổ đông", "biến đối": "biến đổi",
	"thành phổ": "thành phố", "tối thiếu": "tối thiểu",
}

// Fix cleans recognized text as every reader's text is cleaned
// (vntext.Clean: NFC, whitespace), puts Đ for its look-alike Ð (which no
// Vietnamese text uses), mends the labels that open a paragraph (see
// fixLabel) and the confusions above. Tone marks stay where the page has
// them, as in a text layer: the index and queries place them one way
// (vntext.Normalize) for every format alike.
func Fix(s string) string {
	s = strings.NewReplacer("Ð", "Đ", "ð", "đ").Replace(vntext.Clean(s))
	s = fixLabels(s)
	// The words of s: runs of letters, with their byte offsets.
	type word struct{ start, end int }
	var words []word
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		words = append(words, word{i, j})
		i = j
	}
	// Replacements per word; pairs may overlap ("ĐẲNG CỘNG SẲN": both
	// "đẳng cộng" and "cộng sẳn" apply).
	rep := make([]string, len(words))
	for i := 0; i+1 < len(words); i++ {
		a, b := words[i], words[i+1]
		if b.start != a.end+1 || s[a.end] != ' ' {
			continue
		}
		w1, w2 := s[a.start:a.end], s[b.start:b.end]
		if rep[i] != "" {
			w1 = rep[i]
		}
		fixed, ok := confusions[strings.ToLower(w1+" "+w2)]
		if !ok {
			continue
		}
		f1, f2, _ := strings.Cut(fixed, " ")
		rep[i], rep[i+1] = matchCase(w1, f1), matchCase(w2, f2)
	}
	var out strings.Builder
	out.Grow(len(s))
	last := 0
	for i, w := range words {
		if rep[i] == "" {
			continue
		}
		out.WriteString(s[last:w.start])
		out.WriteString(rep[i])
		last = w.end
	}
	out.WriteString(s[last:])
	return out.String()
}

// matchCase gives rep the case of orig letter by letter (the two have the
// same number of letters).
func matchCase(orig, rep string) string {
	o := []rune(orig)
	r := []rune(rep)
	if len(o) != len(r) {
		return rep
	}
	for i := range r {
		if unicode.IsUpper(o[i]) {
			r[i] = unicode.ToUpper(r[i])
		}
	}
	return string(r)
}

// labelRe matches the label that opens a paragraph, after any Markdown
// emphasis or bracket: a run of roman-numeral look-alikes, a number or a
// letter, its mark (".", ",", "-"), the space after it and the next word.
var labelRe = lazyregexp.New(`^([*_(]*)([IVXli|]{1,5}|\d{1,2}|[A-ZĐ])([.,-])(\s+)(\S+)`)

// romanRe is a roman numeral from 1 to 39.
var romanRe = lazyregexp.New(`^X{0,3}(IX|IV|V?I{0,3})$`)

// fixLabels mends the label at the start of each paragraph:
//   - a roman numeral read with "l", "i" or "|" for I ("lll-", "|-",
//     "li.") gets its capitals back;
//   - the dot of a numbered or lettered heading read as a comma ("1, Đơn
//     vị", "A, BỔ SUNG") is put back: no Vietnamese paragraph opens with a
//     number, a comma, a space and a capital ("1,5%" has no space), and a
//     letter or numeral must be followed by a word in capitals.
func fixLabels(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		m := labelRe.FindStringSubmatchIndex(l)
		if m == nil {
			continue
		}
		pre, label, mark, space, next := l[m[2]:m[3]], l[m[4]:m[5]], l[m[6]:m[7]], l[m[8]:m[9]], l[m[10]:m[11]]
		rest := l[m[11]:]
		roman := strings.NewReplacer("l", "I", "i", "I", "|", "I").Replace(label)
		switch {
		case roman != label && romanRe.MatchString(roman):
			if mark == "," {
				continue
			}
			label = roman
		case mark == ",":
			word := strings.TrimLeft(next, "*_")
			first, _ := utf8.DecodeRuneInString(word)
			if !unicode.IsUpper(first) {
				continue
			}
			if (label[0] < '0' || label[0] > '9') && (utf8.RuneCountInString(word) < 2 || strings.ToUpper(word) != word ||
				romanRe.MatchString(strings.TrimRight(word, ",.;"))) {
				continue
			}
			mark = "."
		default:
			continue
		}
		lines[i] = pre + label + mark + space + next + rest
	}
	return strings.Join(lines, "\n")
}
