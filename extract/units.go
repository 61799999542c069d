package extract

import (
	"strings"
)

// Units of a quantity (../shared/domain.md §5.3). A unit is written after
// the number; scale words ("nghìn", "triệu", "tỷ") stay in the unit
// ("65 triệu đồng" is 65 with unit "triệu đồng"), and a per-unit part
// follows a slash ("%/năm", "USD/người/năm", "giường bệnh/1 vạn dân").

// unitSpelling maps the spellings of measure and currency units (lower
// case) to the normalized unit.
var unitSpelling = map[string]string{
	"%": "%", "phần trăm": "%",
	"đồng": "đồng", "vnđ": "đồng", "vnd": "đồng", "đ": "đồng", "₫": "đồng",
	"usd": "USD", "đô la mỹ": "USD", "đô la": "USD", "đôla": "USD", "euro": "EUR", "eur": "EUR",
	"ha": "ha", "hecta": "ha", "héc ta": "ha", "hécta": "ha", "héc-ta": "ha",
	// "m2" and "m²" stay as written: records.md keeps a unit as written,
	// and annotators copy the digit (two independent annotations of
	// "15m2/người" wrote "m2"); only a unit in words gets the symbol
	"km": "km", "ki lô mét": "km", "kilômét": "km", "km2": "km2", "km²": "km²",
	"ki-lô-mét": "km", "cây số": "km",
	"m2": "m2", "m²": "m²", "m3": "m3", "m³": "m³", "m": "m", "mét": "m",
	"mét vuông": "m²", "mét khối": "m³",
	"tấn": "tấn", "tạ": "tạ", "kg": "kg", "ki lô gam": "kg", "ki-lô-gam": "kg", "kilôgam": "kg", "lít": "lít",
	"mw": "MW", "kwh": "kWh", "kw": "kW", "gw": "GW",
	"điểm": "điểm", "điểm phần trăm": "điểm phần trăm",
	"lần": "lần", "tuổi": "tuổi",
}

// countUnits are the nouns counted in targets: a number followed by one of
// them is a count of it ("16/18 xã", "900 đảng viên mới", "85 trường").
var countUnits = newPhraseList(
	"người", "lượt người", "lượt khách", "lượt", "hộ", "hộ gia đình", "hộ dân",
	"hộ nghèo", "xã", "phường", "thị trấn", "huyện", "quận", "tỉnh", "thôn",
	"bản", "ấp", "làng", "tổ dân phố", "khu dân cư", "trường", "trường học",
	"lớp học", "học sinh", "sinh viên", "giáo viên", "giường bệnh", "giường",
	"bác sĩ", "dược sĩ", "điều dưỡng", "trạm y tế", "doanh nghiệp",
	"hợp tác xã", "dự án", "công trình", "đảng viên", "đảng viên mới",
	"cán bộ", "công chức", "viên chức", "lao động", "việc làm", "chi bộ",
	"đảng bộ", "tổ chức cơ sở đảng", "tổ chức đảng", "cơ sở đảng", "cơ sở",
	"đơn vị", "cơ quan", "căn hộ", "căn nhà", "ngôi nhà", "nhà", "nhà ở",
	"sản phẩm", "khu công nghiệp", "cụm công nghiệp", "chợ", "siêu thị",
	"cây số", "thiết chế", "nhà văn hóa", "trang trại",
	"cây", "chiếc", "héc ta", "quần chúng", "đoàn viên", "hội viên",
	"thanh niên", "gia đình", "khách", "lượt khách du lịch", "du khách",
	"dân", "người dân", "thuê bao", "máy", "tàu", "xe", "phòng", "ca",
	"cá nhân", "tập thể",
)

// tgCountAbbrevs are counted nouns that the news writes abbreviated, in
// capitals ("1 triệu DN", "15.000 HTX"), with their spelling as a unit.
// The capitals are asked for: "dn" in lower case is no noun.
var tgCountAbbrevs = map[string]string{"DN": "doanh nghiệp", "HTX": "hợp tác xã"}

// durationWords after a number make it a length of time ("5 năm",
// "6 tháng"), never a quantity of a target.
var durationWords = map[string]bool{
	"năm": true, "tháng": true, "ngày": true, "quý": true, "tuần": true,
	"giờ": true, "phút": true, "giây": true, "thập": true, "kỳ": true,
	"nhiệm": true, "khóa": true, "khoá": true, "buổi": true, "đêm": true,
}

// scaleUnitWords are the scale words that stay in a unit, normalized.
var scaleUnitWords = map[string]string{
	"nghìn": "nghìn", "ngàn": "ngàn", "triệu": "triệu", "tỷ": "tỷ",
	"tỉ": "tỷ", "vạn": "vạn", "trăm": "trăm", "tr": "triệu", "nghìn tỷ": "nghìn tỷ",
}

// perUnitWords may follow a slash or "mỗi"/"trên" in a per-unit.
var perUnitWords = newPhraseList(
	"năm", "tháng", "người", "hộ", "ha", "héc ta", "km", "km2", "xã", "dân",
	"vạn dân", "nghìn dân", "người dân", "lao động", "học sinh", "ngày",
	"quý", "lượt", "tấn", "lít", "giờ", "trẻ",
)

// NormalizeUnit returns u in the normalized spelling of records.md: "%",
// "USD", "tỷ đồng", "ha"; "tỉ đồng" is "tỷ đồng", "VNĐ" is "đồng",
// "hecta" is "ha", "% / năm" is "%/năm"; "ngàn" (a word of its own,
// not a spelling of "nghìn") stays as written.
func NormalizeUnit(u string) string {
	u = strings.TrimSpace(u)
	if u == "" {
		return ""
	}
	parts := strings.Split(u, "/")
	for i, p := range parts {
		words := strings.Fields(p)
		var out []string
		for k := 0; k < len(words); k++ {
			w := words[k]
			lw := strings.ToLower(w)
			if s, ok := scaleUnitWords[lw]; ok {
				out = append(out, s)
				continue
			}
			if k+1 < len(words) {
				two := lw + " " + strings.ToLower(words[k+1])
				if s, ok := unitSpelling[two]; ok {
					out = append(out, s)
					k++
					continue
				}
			}
			if s, ok := unitSpelling[lw]; ok {
				out = append(out, s)
				continue
			}
			out = append(out, w)
		}
		parts[i] = strings.Join(out, " ")
	}
	return strings.Join(parts, "/")
}

// tgUnit is the unit found after a number.
type tgUnit struct {
	text  string // normalized unit with its scale and per-unit
	next  int    // token index after the unit
	count bool   // a count noun ("xã"), not a measure
	open  bool   // a count noun no list names (tgOpenCountNoun)
}

// tgMatchUnit reads the unit that starts at toks[i] (after the number or
// the range): scale words, a measure or currency or count noun, and a
// per-unit. ok is false when no unit follows, or when a duration does.
func tgMatchUnit(toks []tgTok, i int) (u tgUnit, ok bool) {
	var parts []string
	j := i
	if j < len(toks) && toks[j].raw == "%" {
		parts = append(parts, "%")
		j++
	} else if k, ok := tgPhraseAt(toks, j, []string{"phần", "trăm"}); ok {
		parts = append(parts, "%")
		j = k
	} else {
		// scale words
		for j < len(toks) && toks[j].kind == tgWord {
			s, isScale := scaleUnitWords[toks[j].low]
			if !isScale || s == "trăm" {
				break
			}
			parts = append(parts, s)
			j++
		}
		scaled := len(parts) > 0
		if j < len(toks) && toks[j].kind == tgWord && durationWords[toks[j].low] && !scaled {
			return u, false
		}
		switch {
		case j < len(toks) && toks[j].kind == tgWord:
			// measure and currency units of two or three words, spaced
			// or hyphenated ("đô la Mỹ", "héc-ta", "ki-lô-mét")
			if s, k, ok := tgUnitWordsAt(toks, j); ok {
				parts = append(parts, s)
				j = k
				break
			}
			// "km2", "m2": a unit glued to its exponent
			if j+1 < len(toks) && toks[j+1].kind == tgNum && toks[j+1].start == toks[j].end {
				if s, ok := unitSpelling[toks[j].low+toks[j+1].raw]; ok {
					parts = append(parts, s)
					j += 2
					break
				}
			}
			if s, ok := unitSpelling[toks[j].low]; ok && s != "%" {
				if s == "m" && toks[j].raw == "M" { // a letter, not metres
					break
				}
				parts = append(parts, s)
				j++
				break
			}
			if s, ok := tgCountAbbrevs[toks[j].raw]; ok {
				// "1 triệu DN": a counted noun abbreviated, spelled out
				parts = append(parts, s)
				u.count = true
				j++
				break
			}
			if k, ok := countUnits.at(toks, j); ok && !(k < len(toks) && toks[k-1].low == "trường" && toks[k].low == "hợp") {
				var ws []string
				for _, t := range toks[j:k] {
					ws = append(ws, t.low)
				}
				parts = append(parts, strings.Join(ws, " "))
				u.count = true
				j = k
			} else if k, ok := tgOpenCountNoun(toks, j); ok {
				var ws []string
				for _, t := range toks[j:k] {
					ws = append(ws, t.low)
				}
				parts = append(parts, strings.Join(ws, " "))
				u.count, u.open = true, true
				j = k
			}
		case j < len(toks) && toks[j].raw == "₫":
			parts = append(parts, "đồng")
			j++
		}
		if len(parts) == 0 || scaled && len(parts) == countScale(parts) {
			return u, false // no unit, or a bare scale ("795 nghìn")
		}
	}
	// per-unit: "/người/năm", "/1 vạn dân", "/năm"
	for j+1 < len(toks) && toks[j].raw == "/" {
		k := j + 1
		var per []string
		if toks[k].kind == tgNum {
			per = append(per, toks[k].raw)
			k++
		}
		if k2, ok := perUnitWords.at(toks, k); ok {
			for _, t := range toks[k:k2] {
				per = append(per, t.low)
			}
			k = k2
		} else {
			break
		}
		parts = append(parts, "/"+strings.Join(per, " "))
		j = k
	}
	text := ""
	for _, p := range parts {
		if strings.HasPrefix(p, "/") || text == "" {
			text += p
		} else {
			text += " " + p
		}
	}
	u.text = NormalizeUnit(text)
	u.next = j
	return u, true
}

// tgUnitWordsAt reads a unit of two or three words at toks[j], written
// with spaces ("mét vuông", "ki lô mét") or hyphens ("héc-ta",
// "ki-lô-gam"), the longest first, and returns its normalized spelling and
// the token after it. "%" is left to the caller.
func tgUnitWordsAt(toks []tgTok, j int) (string, int, bool) {
	var words [3]string
	var ends [3]int // the token after each word
	words[0], ends[0] = toks[j].low, j+1
	n, sep := 1, ""
words:
	for k := j + 1; n < 3 && k < len(toks); n++ {
		switch {
		case sep != "-" && toks[k].kind == tgWord:
			words[n], sep = toks[k].low, " "
			k++
		case sep != " " && toks[k].raw == "-" && k+1 < len(toks) && toks[k+1].kind == tgWord &&
			toks[k].start == toks[k-1].end && toks[k+1].start == toks[k].end:
			words[n], sep = toks[k+1].low, "-"
			k += 2
		default:
			break words
		}
		ends[n] = k
	}
	for ; n >= 2; n-- {
		for _, key := range [2]string{strings.Join(words[:n], " "), strings.Join(words[:n], "-")} {
			if s, ok := unitSpelling[key]; ok && s != "%" {
				return s, ends[n-1], true
			}
		}
	}
	return "", j, false
}

// countScale counts the scale words among parts.
func countScale(parts []string) int {
	n := 0
	for _, p := range parts {
		if _, ok := scaleUnitWords[p]; ok {
			n++
		}
	}
	return n
}

// tgNotNouns are words that cannot head a counted noun after a number:
// function words, verbs and modifiers ("3 của", "5 đạt", "10 trở lên").
var tgNotNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`của và với hoặc hay trong ngoài trên dưới cho các những là
		được bị đã đang sẽ có không chưa này đó kia ấy nào theo tại từ đến tới về
		vào ra lên xuống trở mà thì nên nếu khi để do vì bằng như cũng còn vẫn đều
		rất hơn nhất đạt tăng giảm chiếm gồm thuộc so cùng sau trước giữa bên
		mỗi mọi cả toàn tổng số lượng phần lần thứ tuổi độ tỷ tỉ mức khoảng gần
		hết trở lại thêm nữa ít nhiều vượt dưới quá tối thiểu đa riêng chung hằng
		hàng bình quân phần cấp giờ sắp nay nhé nhỉ ạ đối qua lúc nhằm hướng tuy nhưng`) {
		m[w] = true
	}
	return m
}()

// tgClassifiers are the Vietnamese classifiers and head nouns that count on
// their own: the unit stops after them ("5 vùng nông nghiệp …" → "vùng").
var tgClassifiers = map[string]bool{
	"khu": true, "vùng": true, "điểm": true, "tổ": true, "nhóm": true,
	"con": true, "cái": true, "chiếc": true, "ngôi": true, "căn": true, "tuyến": true,
	"cụm": true, "lô": true, "mã": true, "bộ": true, "gói": true, "sân": true,
	"bể": true, "tấm": true, "cuốn": true, "quyển": true, "bài": true, "buổi": true,
	"cuộc": true, "lớp": true, "đợt": true, "kênh": true, "trạm": true, "cây": true,
	"cầu": true, "tòa": true, "toà": true, "mô": true, "đoàn": true, "hội": true,
	"xã": true, "làng": true, "thôn": true, "bản": true, "ấp": true,
}

// tgHangNouns are the words that make a noun with "hàng" ("cửa hàng",
// "khách hàng", "ngân hàng", "nhà hàng"), which tgNounWord takes for the
// "hàng" of "hàng năm".
var tgHangNouns = map[string]bool{"cửa": true, "khách": true, "ngân": true, "nhà": true}

// tgOpenCountNoun reads a counted noun at toks[i] that no unit list names
// ("12.000 tài khoản", "15 đội hình", "3 khu du lịch"): a lower-case word
// that is no function word, verb, duration or number word, and the word
// after it unless the first is a classifier or the second is no noun
// part. It returns the index after the unit.
func tgOpenCountNoun(toks []tgTok, i int) (int, bool) {
	if i >= len(toks) || !tgNounWord(toks[i]) || (i > 0 && !toks[i-1].spaceAfter) {
		return i, false
	}
	w := toks[i].low
	if _, isVerb := tgVerbs.at(toks, i); isVerb {
		return i, false // "Ninh Thuận 2 thực hiện": a name's number before a verb
	}
	for k := i; k <= i+1 && k+1 < len(toks); k++ {
		switch toks[k].low + " " + toks[k+1].low {
		case "trường hợp", "con số", "chữ số", "nhiệm vụ", "giải pháp", "quan điểm", "nội dung",
			"trụ cột", "phương châm", "nguyên tắc", "giai đoạn", "lĩnh vực", "trọng tâm", "đột phá":
			// a case, a digit, parts of a plan ("5 nhóm giải pháp", "8
			// trọng tâm"): no counted thing to reach
			if k == i || tgClassifiers[w] {
				return i, false
			}
		}
	}
	if _, _, ok := tgMarkerAt(toks, i); ok {
		return i, false // "17 chỉ tiêu", "3 mục tiêu": the text's own words for targets
	}
	switch w {
	case "khâu", "bước", "mặt":
		return i, false // "3 khâu đột phá", "5 bước", "2 mặt": parts of a plan or text
	}
	if tgClassifiers[w] {
		if w == "mô" && i+1 < len(toks) && toks[i+1].low == "hình" {
			return i + 2, true
		}
		return i + 1, true
	}
	if i+1 < len(toks) && toks[i+1].low == "hàng" && tgHangNouns[w] && toks[i].spaceAfter {
		return i + 2, true // "80 cửa hàng": "hàng" is no function word here
	}
	if i+1 < len(toks) && tgNounWord(toks[i+1]) && toks[i].spaceAfter {
		return i + 2, true
	}
	return i + 1, true
}

// tgNounWord reports whether t may be part of a counted noun.
func tgNounWord(t tgTok) bool {
	if t.kind != tgWord || t.raw != t.low || tgNotNouns[t.low] || durationWords[t.low] || IsNumberWord(t.low) {
		return false
	}
	if _, ok := scaleUnitWords[t.low]; ok {
		return false
	}
	return true
}
