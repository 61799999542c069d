package extract

// Word classes for the target model. A model trained on some two hundred
// documents cannot learn every word that marks a result or a rule, but it
// can learn how much a class of such words weighs where it stands (in the
// clause before the number, after it, in the sentence, in the headings):
// the classes carry what the rules know to documents the corpus lacks.

// tgLexClass is a class of words: its name and its phrases.
type tgLexClass struct {
	name  string
	words *tgPhraseList
}

// tgLexicon lists the word classes.
var tgLexicon = []tgLexClass{
	{"goal", newPhraseList("mục tiêu", "chỉ tiêu", "phấn đấu", "đề ra", "đặt ra", "kế hoạch",
		"định hướng", "tầm nhìn", "giao", "được giao", "quyết tâm", "hướng tới", "cần đạt",
		"phải đạt", "phải", "nhằm", "bảo đảm", "đảm bảo", "duy trì", "nâng", "nâng cao",
		"cố gắng", "chủ trương", "yêu cầu", "lộ trình")},
	{"past", newPhraseList("đã", "đạt được", "vừa qua", "năm qua", "thời gian qua", "ước",
		"ước đạt", "ước thực hiện", "ước tính", "lũy kế", "luỹ kế", "tính đến", "đến nay",
		"hiện nay", "hiện", "hiện có", "so với cùng kỳ", "cùng kỳ", "so với", "tăng so với",
		"vượt", "về đích", "kết quả", "thực hiện được", "thu được", "tháng qua", "năm trước",
		"năm ngoái", "trước đó", "chỉ đạt", "mới đạt", "còn", "giảm so với",
		"lần lượt")},
	{"forecast", newPhraseList("dự báo", "dự đoán", "dự kiến", "có thể", "có khả năng",
		"kịch bản", "theo tính toán", "ước tính", "triển vọng", "nhận định", "đánh giá",
		"chuyên gia", "ngân hàng thế giới", "wb", "imf", "adb")},
	{"norm", newPhraseList("mức chi", "mức hỗ trợ", "mức thu", "mức phí", "định mức", "hỗ trợ",
		"phụ cấp", "lãi suất", "lệ phí", "phí", "giá", "đơn giá", "thuế suất", "mức lương",
		"hệ số", "thù lao", "tiền công", "trợ cấp", "được hưởng", "thời hạn", "trong thời hạn",
		"trong vòng", "chậm nhất", "tối đa", "mức", "tiêu chuẩn", "vốn đối ứng", "khấu trừ",
		"giảm trừ", "bồi thường", "xử phạt", "phạt tiền", "hạn mức", "diện tích tối thiểu",
		// physical norms and work specifications
		"độ ẩm", "nhiệt độ", "đường kính", "chiều cao", "chiều dài", "chiều rộng", "kích thước",
		"khoảng cách", "tần suất", "quan trắc", "lấy mẫu", "ký tự", "mỗi lớp")},
	{"cond", newPhraseList("nếu", "trường hợp", "khi", "điều kiện", "đối với", "đối tượng",
		"trong trường hợp", "được xem xét", "thuộc diện", "áp dụng", "được áp dụng",
		// the consequence of a condition met: "có từ 30 đảng viên trở lên thì
		// lập đảng bộ", "… được tính 1 điểm"
		"thì", "được tính", "được xét", "được hưởng", "được ưu tiên")},
	{"share", newPhraseList("dự toán", "% dự toán", "% kế hoạch", "kế hoạch năm", "so với dự toán",
		"so với kế hoạch", "chỉ tiêu giao", "chỉ tiêu được giao")},
	{"crit", newPhraseList("xếp loại", "tiêu chí", "hoàn thành xuất sắc nhiệm vụ", "hoàn thành tốt nhiệm vụ",
		"hoàn thành nhiệm vụ", "tiêu chuẩn", "khen thưởng", "danh hiệu", "đánh giá, xếp loại",
		"mức độ hoàn thành", "được xếp loại", "chấm điểm", "tổng điểm", "thang điểm")},
	{"say", newPhraseList("cho biết", "cho rằng", "nói", "nhấn mạnh", "khẳng định", "theo ông",
		"theo bà", "ông", "bà", "chia sẻ", "phát biểu", "thông tin")},
	{"review", newPhraseList("tình hình", "kết quả", "đánh giá", "nhìn lại", "thành tựu",
		"báo cáo", "sơ kết", "tổng kết", "thực trạng")},
	{"task", newPhraseList("nhiệm vụ", "giải pháp", "tổ chức thực hiện", "phân công",
		"trách nhiệm", "kinh phí")},
	// compounds that hold a word of a class but are none of them: "thực
	// hiện" is no "hiện" (now), "giá trị" no "giá" (price), "chi phí" no
	// "phí" (fee); they weigh nothing and hide the word inside
	{"", newPhraseList(append([]string{"thực hiện", "hiện đại", "phát hiện", "thể hiện", "xuất hiện",
		"giá trị", "chi phí", "đánh giá"}, tgBudgetNames...)...)},
}

// tgLexHit is a word of a class starting at a token: its class and the
// token after it.
type tgLexHit struct {
	class int
	end   int
}

// lexIndex lists, for each token of toks, the class words starting there.
// A word inside a compound of the hiding class (name "") is not there:
// "giá" in "đánh giá" or "giá trị", "hiện" in "thực hiện".
func lexIndex(toks []tgTok) [][]tgLexHit {
	out := make([][]tgLexHit, len(toks))
	var hide [][2]int // token spans of the hiding compounds
	for i := range toks {
		if toks[i].kind != tgWord {
			continue
		}
		for c, lc := range tgLexicon {
			if n, ok := lc.words.at(toks, i); ok {
				out[i] = append(out[i], tgLexHit{c, n})
				if lc.name == "" {
					hide = append(hide, [2]int{i, n})
				}
			}
		}
	}
	for _, sp := range hide {
		for i := sp[0]; i < sp[1]; i++ {
			kept := out[i][:0]
			for _, h := range out[i] {
				// strictly inside the compound: shorter and within it
				if tgLexicon[h.class].name == "" || h.end > sp[1] || h.end-i >= sp[1]-sp[0] {
					kept = append(kept, h)
				}
			}
			out[i] = kept
		}
	}
	return out
}

// lexClassesIn returns the classes whose words lie inside [a, b), from a
// lexIndex of the tokens.
func lexClassesIn(idx [][]tgLexHit, a, b int) []string {
	if a < 0 {
		a = 0
	}
	if b > len(idx) {
		b = len(idx)
	}
	var seen uint32
	var out []string
	for i := a; i < b; i++ {
		for _, h := range idx[i] {
			if h.end <= b && seen&(1<<h.class) == 0 && tgLexicon[h.class].name != "" {
				seen |= 1 << h.class
				out = append(out, tgLexicon[h.class].name)
			}
		}
	}
	return out
}

// lexClassesOf returns the classes whose words occur in a heading's words.
func lexClassesOf(words []string) []string {
	toks := make([]tgTok, len(words))
	for i, w := range words {
		toks[i] = tgTok{raw: w, low: w, kind: tgWord}
	}
	return lexClassesIn(lexIndex(toks), 0, len(toks))
}
