package extract

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestHeadingWordsOutline: the heading words a candidate sees follow the
// document's outline: a labelled line is a new heading, not the wrapped
// end of the one before ("II- MỤC TIÊU …" after "I- …"), and a
// letter-labelled group ("b) Về văn hóa - xã hội:") sits under the
// numbered heading above it ("2- Các chỉ tiêu chủ yếu …:").
func TestHeadingWordsOutline(t *testing.T) {
	text := "QUYẾT NGHỊ:\n\n" +
		"I- Thông qua đánh giá kết quả thực hiện nhiệm kỳ 2010 - 2015. Tốc độ tăng trưởng bình quân đạt 11,3%/năm.\n\n" +
		"II- MỤC TIÊU, CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2015 - 2020\n\n" +
		"2- Các chỉ tiêu chủ yếu đến năm 2020:\n\n" +
		"a) Về kinh tế:\n" +
		"- Thu nhập bình quân đầu người đạt 45 triệu đồng.\n\n" +
		"b) Về văn hóa - xã hội:\n" +
		"- Tỷ lệ lao động qua đào tạo đạt 55%.\n"
	cands := TargetCandidates(text, TargetContext{Issued: "2015-08-14"})
	byValue := map[float64][]string{}
	for _, c := range cands {
		byValue[c.Target.Value] = c.Features
	}
	for _, tc := range []struct {
		value     float64
		want, not []string
	}{
		// the review's first sentence heads its own paragraph only
		{11.3, []string{"h1=thông", "h1=kết"}, []string{"h1=quyết", "h1=tốc"}},
		{45, []string{"h1=mục", "h1=chỉ", "h=các", "h=kinh"}, []string{"h1=thông", "h=a"}},
		// "b)" replaces "a)" under "2-", which stays
		{55, []string{"h1=mục", "h=các", "h=chủ", "h=văn"}, []string{"h=kinh", "h1=thông"}},
	} {
		fs, ok := byValue[tc.value]
		if !ok {
			t.Errorf("no candidate of value %g", tc.value)
			continue
		}
		for _, w := range tc.want {
			if !slices.Contains(fs, w) {
				t.Errorf("candidate %g: no feature %q in %v", tc.value, w, headOnly(fs))
			}
		}
		for _, w := range tc.not {
			if slices.Contains(fs, w) {
				t.Errorf("candidate %g: feature %q; want none (%v)", tc.value, w, headOnly(fs))
			}
		}
	}
	// the group under the numbered list keeps the list's horizon
	ts, _ := FindTargetsWith(text, TargetContext{Issued: "2015-08-14"}, nil)
	for _, tg := range ts {
		if tg.Value == 55 && (tg.Period == nil || tg.Period.End != "2020") {
			t.Errorf("target 55%%: period %v; want one ending 2020", tg.Period)
		}
	}
}

func headOnly(fs []string) []string {
	var out []string
	for _, f := range fs {
		if strings.HasPrefix(f, "h") {
			out = append(out, f)
		}
	}
	return out
}

// TestOutlineLevel: a letter label under a number label is one level
// deeper; other headings keep their level.
func TestOutlineLevel(t *testing.T) {
	for _, tc := range []struct {
		above, enum string
		heading     int
		want        int
	}{
		{"2", "a", 2, 3},
		{"(2)", "b", 2, 3},
		{"2", "3", 2, 2},
		{"a", "b", 2, 2},
		{"", "a", 2, 2},
		{"2", "a", 0, 0},
		{"2", "", 1, 1},
		{"2", "2.1", 2, 3},
		{"2.1", "2.2", 2, 2},
		{"2.1", "3", 2, 2},
		{"a", "2.1", 2, 2},
	} {
		f := &targetFinder{}
		f.headEnums[1] = tc.above
		if got := f.outlineLevel(paraInfo{heading: tc.heading, enum: tc.enum}); got != tc.want {
			t.Errorf("outlineLevel(%q under %q, heading %d) = %d; want %d", tc.enum, tc.above, tc.heading, got, tc.want)
		}
	}
}

// TestLexClassesInsideCompounds: a class word inside a longer word is not
// there ("giá" in "đánh giá" or "giá trị", "hiện" in "thực hiện").
func TestLexClassesInsideCompounds(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"đánh giá kết quả", []string{"forecast", "past", "review"}},
		{"giá trị sản xuất", nil},
		{"tổ chức thực hiện", []string{"task"}},
		{"thực hiện hiện đại hóa", nil},
		{"giảm chi phí logistics", nil},
		{"mức phí dịch vụ", []string{"norm"}},
		{"hiện nay đạt", []string{"past"}},
		{"đơn giá xây dựng", []string{"norm"}},
	} {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		got := lexClassesIn(lexIndex(toks), 0, len(toks))
		sort.Strings(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("classes of %q = %v; want %v", tc.text, got, tc.want)
		}
	}
}

// TestFindTargetsAgeBracket: an age bracket after a group of people names
// who is measured; an age to reach is a target.
func TestFindTargetsAgeBracket(t *testing.T) {
	for _, tc := range []struct {
		text  string
		value float64
		unit  string
	}{
		{"Mục tiêu đến năm 2030: tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi giảm xuống dưới 15%.", 15, "%"},
		{"Mục tiêu đến năm 2030: tỷ lệ người từ 65 tuổi trở lên được khám sức khỏe định kỳ đạt 90%.", 90, "%"},
		{"Mục tiêu đến năm 2030: hoàn thành phổ cập giáo dục mầm non cho trẻ em từ 3 đến 5 tuổi, tỷ lệ huy động đạt 99%.", 99, "%"},
		{"Mục tiêu đến năm 2030: tuổi thọ trung bình đạt trên 75 tuổi.", 75, "tuổi"},
	} {
		ts, _ := FindTargetsWith(tc.text, TargetContext{Issued: "2025-01-01"}, nil)
		if len(ts) != 1 || ts[0].Value != tc.value || ts[0].Unit != tc.unit {
			var got []string
			for _, x := range ts {
				got = append(got, fmt.Sprintf("%g %s", x.Value, x.Unit))
			}
			t.Errorf("FindTargets(%q) = %v; want only %g %s", tc.text, got, tc.value, tc.unit)
		}
	}
}

// TestQuotedGoal: a figure in brackets gives a goal's figure when it opens
// the bracket right after the goal's words, or when the goal's words open
// the bracket; other bracketed figures are vetoed.
func TestQuotedGoal(t *testing.T) {
	for _, tc := range []struct {
		text  string
		value float64
		want  bool
	}{
		{"Khu vực Hải Phòng thu được 30.763 tỷ đồng, đạt 54% so với chỉ tiêu Bộ Tài chính giao (57.100 tỷ đồng).", 57100, true},
		{"Giá trị sản xuất trồng trọt tăng 2,52%, cao hơn mục tiêu đề ra (2,5%).", 2.5, true},
		{"Dư nợ thị trường trái phiếu đạt 40,14% (mục tiêu đạt 30% GDP).", 30, true},
		{"Tổng thu đạt 402,8 tỷ đồng, bằng 82% dự toán giao năm 2020 (492 tỷ đồng).", 492, true},
		{"Toàn tỉnh đạt 10/12 chỉ tiêu (83%).", 83, false},
		{"Doanh thu đạt 500 tỷ đồng (tăng 12% so với năm trước).", 12, false},
		{"Doanh thu đạt 500 tỷ đồng (chiếm 30%).", 30, false},
	} {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		f := newTargetFinder(tc.text, TargetContext{Issued: "2021-01-01"})
		got, found := false, false
		for j := range toks {
			if toks[j].kind != tgNum {
				continue
			}
			q, ok := f.quantityAt(paraInfo{toks: toks}, j, 0, len(toks))
			if !ok || q.value != tc.value {
				continue
			}
			found = true
			got = tgQuotedGoal(toks, 0, q)
		}
		if !found {
			t.Errorf("%q: no quantity %g", tc.text, tc.value)
		} else if got != tc.want {
			t.Errorf("tgQuotedGoal(%q, %g) = %v; want %v", tc.text, tc.value, got, tc.want)
		}
	}
	// the rule machine takes the quoted goal, not the result beside it
	text := "Khu vực Hải Phòng thu được 30.763 tỷ đồng, đạt 54% so với chỉ tiêu Bộ Tài chính giao (57.100 tỷ đồng)."
	ts, _ := FindTargetsWith(text, TargetContext{Issued: "2021-09-01"}, nil)
	if len(ts) != 1 || ts[0].Value != 57100 {
		t.Errorf("FindTargets(%q) = %v; want the 57.100 tỷ đồng goal only", text, ts)
	}
}

// TestEnumLabelEmphasis: emphasis before a list label hides no label.
func TestEnumLabelEmphasis(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"**2. Mục tiêu cụ thể**", "2"},
		{"*2.1. Đến năm 2030*", "2.1"},
		{"**a) Về kinh tế:**", "a"},
		{"__II. MỤC TIÊU__", "II"},
		{"*- Nông nghiệp công nghệ cao*", ""},
		{"**Mục tiêu cụ thể**", ""},
		{"2. Mục tiêu cụ thể", "2"},
	} {
		if got := tgEnumLabel(tgTokenize(tc.line, 0, len(tc.line))); got != tc.want {
			t.Errorf("tgEnumLabel(%q) = %q; want %q", tc.line, got, tc.want)
		}
	}
	// under an emphasized "Mục tiêu cụ thể", an emphasized sub-heading of
	// years keeps the target section
	text := "**2. Mục tiêu cụ thể**\n\n*2.1. Đến năm 2030*\n\nHình thành ít nhất 20 mô hình sản xuất nông nghiệp tuần hoàn.\n"
	ts, _ := FindTargetsWith(text, TargetContext{Issued: "2025-06-01"}, nil)
	if len(ts) != 1 || ts[0].Value != 20 {
		t.Errorf("FindTargets(%q) = %v; want the 20 mô hình target", text, ts)
	}
}

// TestBoundWrapped: a line that ends with a bound goes on with the figure
// on the next line, however short it is.
func TestBoundWrapped(t *testing.T) {
	for _, tc := range []struct {
		text string
		cmp  string
		want float64
	}{
		{"Đến hết năm 2025: Có ≥\n30% doanh nghiệp nhỏ và vừa ứng dụng công nghệ số.", ">=", 30},
		{"Mục tiêu: có tối thiểu\n50 xã đạt chuẩn.", ">=", 50},
		{"Mục tiêu: tỷ lệ nợ xấu ≤\n3%.", "<=", 3},
	} {
		ts, _ := FindTargetsWith(tc.text, TargetContext{Issued: "2024-01-01"}, nil)
		if len(ts) != 1 || ts[0].Comparator != tc.cmp || ts[0].Value != tc.want {
			t.Errorf("FindTargets(%q) = %v; want %s %g", tc.text, ts, tc.cmp, tc.want)
		}
	}
	// a short line ending otherwise stays a line of its own
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"Có ≥", true},
		{"Phấn đấu đạt tối thiểu", true},
		{"Đến năm 2030", false},
		{"Tỷ lệ trên", false},
	} {
		if got := tgBoundAtEnd(tc.line); got != tc.want {
			t.Errorf("tgBoundAtEnd(%q) = %v; want %v", tc.line, got, tc.want)
		}
	}
}
