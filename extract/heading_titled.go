package extract

import (
	"strings"
	"unicode/utf8"
)

// This file reads the opening of an official text that a crawl or a
// database export cut down to its subject: no motto, no number, no
// place-date line, the type name and the subject on the first line in
// sentence case ("Nghị quyết về quy hoạch phát triển thương mại tỉnh Phú
// Thọ đến năm 2020", "Quyết định phê duyệt kế hoạch …", "Thông báo kết
// luận của Bộ trưởng …"), then the body. A news headline may start the
// same way ("Quy định về chi phí tiền lương hợp lý", then a Q&A answer), so
// the first line alone decides nothing: what follows must be an official
// text's own (titledEvidence).

// titledOpeners are the folded words that start the subject after a type
// name in such an opening.
var titledOpeners = []string{
	"ve ", "v/v", "phe duyet ", "ban hanh ", "thong qua ", "cua ", "hoi nghi ",
	"y kien ket luan", "ket luan ", "tinh hinh ", "trien khai ", "thuc hien ",
	"to chuc ", "ho tro ", "quy dinh ", "sua doi ", "giao ", "dieu chinh ",
	"bai bo ", "huong dan ", "sua doi,", "bo sung ",
}

// recitalTypes are the folded type names a recital cites first ("Căn cứ
// Luật Tổ chức …;"); a Q&A answer cites a clause ("Căn cứ khoản 2 Điều 4
// …", "Căn cứ theo …").
var recitalTypes = []string{
	"luat ", "bo luat ", "hien phap", "nghi quyet ", "nghi dinh ", "quyet dinh ", "thong tu ",
	"chi thi ", "ket luan ", "cong van ", "van ban ", "to trinh ", "bao cao ", "ke hoach ",
	"chuong trinh ", "quy dinh ", "dieu le ", "phap lenh ", "y kien ", "chuc nang",
}

// officialClosings are folded phrases of the closing of a directive, an
// announcement or a decision, which no news article ends with.
var officialClosings = []string{
	"xin thong bao de", "chiu trach nhiem thi hanh", "co hieu luc thi hanh",
	"co hieu luc ke tu", "thuc hien chi thi nay", "thuc hien nghiem chi thi",
	"thuc hien nghiem tuc chi thi", "noi nhan:", "trien khai thuc hien chi thi",
}

// parseTitledOpening fills h from an opening whose first line is the type
// name and the subject, and reports whether the text has one.
func parseTitledOpening(lines []textLine, text string, h *Heading) bool {
	idx := headBlock(lines)
	if len(idx) > 2 && titledLine(lines[idx[0]].clean) == "" && utf8.RuneCountInString(lines[idx[0]].clean) <= 40 {
		// a web page's own title over the text ("Văn bản", "Chi tiết
		// văn bản"): the opening is the line under it
		idx = idx[1:]
	}
	if len(idx) > 4 {
		idx = idx[:4] // the title and the three lines under it
	}
	if len(idx) < 2 {
		return false
	}
	first := lines[idx[0]].clean
	kind := titledLine(first)
	if kind == "" || !titledEvidence(lines, idx, text) {
		return false
	}
	h.Kind = kind
	h.Title = strings.TrimSpace(strings.Trim(first, "*_# "))
	if name := bodyLine(lines[idx[1]].clean); name != "" {
		h.Issuer = caseLike(name, text)
	}
	return true
}

// titledLine returns the kind of a first line that is a type name
// followed by a subject ("Chỉ thị về …"), or "" when it is not:
// a headline that cites a document by its number ("Chỉ thị số 45-CT/TW về
// …", "Kết luận 157: …"), asks a question or runs on as prose.
func titledLine(c string) string {
	c = strings.TrimSpace(strings.Trim(c, "*_# "))
	// a long trích yếu runs to 300 characters and more, and may hold a
	// colon ("… thuộc các huyện: …"); the evidence after it decides
	if c == "" || utf8.RuneCountInString(c) > 400 || strings.Contains(c, "?") {
		return ""
	}
	kind, n := KindOfTypeName(c)
	if kind == "" || kind == "article" || kind == "other" {
		return ""
	}
	rest := strings.TrimSpace(c[n:])
	fr := foldKey(rest) + " "
	if rest == "" || strings.HasPrefix(fr, "so ") || rest[0] >= '0' && rest[0] <= '9' {
		return ""
	}
	for _, o := range titledOpeners {
		if strings.HasPrefix(fr, o) {
			return kind
		}
	}
	return ""
}

// titledEvidence reports whether the text after a titled first line is an
// official text's own: a recital ("Căn cứ Luật …;") or a line naming the
// issuing body right under the title, or an official closing among the
// last lines.
func titledEvidence(lines []textLine, idx []int, text string) bool {
	if bodyLine(lines[idx[1]].clean) != "" {
		return true
	}
	for _, i := range idx[1:] {
		if isRecital(lines[i].clean) || isImplementing(lines[i].clean) || isAdoption(lines[i].clean) {
			return true
		}
	}
	if outlineLabel(lines[idx[1]].clean) {
		return true
	}
	tail := text
	if len(tail) > 1500 {
		cut := len(tail) - 1500
		for cut < len(tail) && !utf8.RuneStart(tail[cut]) {
			cut++
		}
		tail = tail[cut:]
	}
	return tgContainsAny(foldKey(tail), officialClosings)
}

// isRecital reports whether c is a recital of an enacting text: "Căn cứ"
// and a cited type name, ending with ";" or ","; older texts set their
// recitals as a list ("- Căn cứ Luật …;").
func isRecital(c string) bool {
	f := foldKey(strings.TrimLeft(c, "-–+•* "))
	r, ok := strings.CutPrefix(f, "can cu ")
	if !ok || !strings.HasSuffix(strings.TrimSpace(c), ";") && !strings.HasSuffix(strings.TrimSpace(c), ",") {
		return false
	}
	for _, t := range recitalTypes {
		if strings.HasPrefix(r, t) {
			return true
		}
	}
	return false
}

// implementingLeads are the folded words that open a paragraph carrying
// out a higher text ("Thực hiện Quyết định số …", "Quán triệt và thực hiện
// sự lãnh đạo, chỉ đạo của …").
var implementingLeads = []string{"thuc hien ", "quan triet ", "thi hanh ", "trien khai thuc hien "}

// implementingObjects are the folded words, within the first eight words
// of such a paragraph, that name what it carries out.
var implementingObjects = []string{"chi dao", "su lanh dao", "y kien chi dao"}

// isImplementing reports whether c opens an official text by citing the
// text or the direction it carries out: "Thực hiện" (or "Quán triệt",
// "Thi hành") and a cited type name or "chỉ đạo" within its first eight
// words. A news lead starts with its place, date or agency instead.
func isImplementing(c string) bool {
	f := foldKey(strings.TrimLeft(c, "-–+•* "))
	lead := ""
	for _, l := range implementingLeads {
		if strings.HasPrefix(f, l) {
			lead = l
			break
		}
	}
	if lead == "" {
		return false
	}
	w := strings.Fields(f[len(lead):])
	if len(w) > 8 {
		w = w[:8]
	}
	head := " " + strings.Join(w, " ") + " "
	for _, list := range [][]string{recitalTypes, implementingObjects} {
		for _, t := range list {
			if strings.Contains(head, " "+strings.TrimSpace(t)+" ") {
				return true
			}
		}
	}
	return false
}

// isAdoption reports whether c is the enacting sentence of a resolution
// adopted at a meeting: it passes or issues a text of a type "as follows"
// ("… đã thảo luận … và thông qua Nghị quyết như sau:").
func isAdoption(c string) bool {
	f := foldKey(strings.TrimSpace(c))
	if !strings.HasSuffix(f, "nhu sau:") {
		return false
	}
	for _, v := range []string{"thong qua ", "ban hanh "} {
		for _, t := range []string{"nghi quyet", "quyet dinh", "chi thi", "ket luan", "quy dinh", "chuong trinh", "ke hoach"} {
			if strings.Contains(f, v+t+" nhu sau:") {
				return true
			}
		}
	}
	return false
}

// outlineLabel reports whether c is the first label of an outline on a line
// of its own ("A.", "I.", "Phần I"): a report or a plan opens on its first
// part right under its title, a news story on its lead.
func outlineLabel(c string) bool {
	f := foldKey(strings.TrimSpace(strings.Trim(c, "*_# ")))
	switch f {
	case "a.", "i.", "phan i", "phan i.", "phan thu nhat", "phan a", "phan a.":
		return true
	}
	return false
}

// bodyLine returns c when it names an issuing body on a line of its own
// ("Hội đồng nhân dân tỉnh Phú Thọ", "Ủy ban nhân dân tỉnh"), else "".
func bodyLine(c string) string {
	c = strings.TrimSpace(strings.Trim(c, "*_# "))
	w := splitWords(c)
	if len(w) < 2 || len(w) > 12 || strings.ContainsAny(c, ".,;:?") {
		return ""
	}
	f := foldKey(c)
	for _, b := range []string{"uy ban nhan dan", "hoi dong nhan dan", "ban chap hanh", "ban thuong vu",
		"tinh uy", "thanh uy", "huyen uy", "quan uy", "dang uy", "chinh phu", "thu tuong", "bo "} {
		if strings.HasPrefix(f, b) {
			return c
		}
	}
	return ""
}

// lowerTypeLine reports whether c is a type name alone in a copy that
// lower-cased it ("nghị quyết", "**quyết định**"): the type line of a
// crawled text whose heading lost its capitals and its columns. A type
// name in sentence case ("Thông tư" over "liên tịch của … số …") starts
// a gazette-style opening instead.
func lowerTypeLine(c string) bool {
	c = strings.TrimSpace(strings.Trim(c, "*_# "))
	kind, n := KindOfTypeName(c)
	return kind != "" && kind != "article" && kind != "other" && strings.TrimSpace(c[n:]) == "" && capsRatio(c) == 0
}

// typeLineEvidence reports whether the lines after a lone type line at
// line at are an official text's own: within the next twelve lines, a
// recital ("căn cứ luật …;"), the enacting formula ("quyết nghị:",
// "quyết định:") or a line naming the issuing body. A news page that
// opens with a section label "Nghị quyết" has none of them.
func typeLineEvidence(lines []textLine, at int) bool {
	for i, n := at+1, 0; i < len(lines) && n < 12; i++ {
		c := strings.TrimSpace(strings.Trim(lines[i].clean, "*_# "))
		if c == "" {
			continue
		}
		n++
		f := foldKey(c)
		if isRecital(c) || bodyLine(c) != "" || f == "quyet nghi:" || f == "quyet dinh:" {
			return true
		}
	}
	return false
}
