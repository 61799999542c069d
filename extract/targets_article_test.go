package extract

import (
	"slices"
	"testing"
)

func TestArticleCopied(t *testing.T) {
	for _, tc := range []struct {
		feat string
		want bool
	}{
		{"mk<duy_trì", true},
		{"cw=hơn", true},
		{"veto=in brackets", true},
		{"state=1", true},
		{"date<", true},
		{"lx<past&kind=article", false}, // already joined with the kind
		{"unit&kind=pct&article", false},
		{"kind=article", false},
		{"uhead=tỷ", false},
		{"h=mục", false},
		{"rule", false},
	} {
		if got := articleCopied(tc.feat); got != tc.want {
			t.Errorf("articleCopied(%q) = %v, want %v", tc.feat, got, tc.want)
		}
	}
}

func TestArticleCopies(t *testing.T) {
	got := articleCopies(tgFeatures{"kind=article", "b1=đạt", "uhead=tỷ"})
	want := tgFeatures{"kind=article", "b1=đạt", "uhead=tỷ", "A|b1=đạt"}
	if !slices.Equal(got, want) {
		t.Errorf("articleCopies = %v, want %v", got, want)
	}
}

// TestPlanRefFeatures: a plan's figure quoted beside a result is named by
// a plan noun close before it ("chỉ tiêu … giao (67.000 tỷ đồng)", "kế
// hoạch đề ra là 7-8%") or a setter right after it ("6% Quốc hội giao");
// a share of a plan ("115% chỉ tiêu"), a result far from the plan noun
// and a figure behind another one are not.
func TestPlanRefFeatures(t *testing.T) {
	c := TargetContext{Kind: "article"}
	for _, tc := range []struct {
		text  string
		value float64
		want  []string
	}{
		{"Số thu đạt 70.000 tỷ đồng, vượt chỉ tiêu của Bộ Tài chính giao (67.000 tỷ đồng).", 67000, []string{"planRef<"}},
		{"Tăng trưởng xuất khẩu khoảng 13,9% (vượt kế hoạch đề ra là 7-8%).", 7, []string{"planRef<"}},
		{"Kế hoạch của cả năm 2020 (1.439 tỷ đồng) đã hoàn thành.", 1439, []string{"planRef<"}},
		{"Tăng trưởng GDP năm 2021 là 6,5% (cao hơn mức khoảng 6% Quốc hội giao).", 6, []string{"planRef>"}},
		{"Lạm phát vẫn dưới 4% theo mục tiêu Quốc hội đề ra.", 4, []string{"planRef>"}},
		{"Cục Hải quan đạt 115% chỉ tiêu được giao.", 115, nil},
		{"Kế hoạch năm nay đã hoàn thành, lợi nhuận đạt 500 tỷ đồng.", 500, nil},
		{"Chỉ tiêu thu là 300 tỷ đồng, đã thu 250 tỷ đồng.", 250, nil},
		{"Giá trị giải ngân đạt 85% kế hoạch cả năm và 7 dự án hoàn thành.", 7, nil},
		{"Số vốn giao cho Văn phòng Chính phủ 10 tỷ đồng, Bộ Kế hoạch Đầu tư 328 tỷ đồng.", 328, nil},
		{"Ban lễ tang nguyên Chủ tịch nước Trần Đức Lương gồm 34 thành viên.", 34, nil},
		{"Nợ công dưới trần (65%) theo Nghị quyết.", 65, []string{"planRef<"}},
	} {
		found := false
		for _, cand := range TargetCandidates(tc.text, c) {
			if cand.Target.Value != tc.value {
				continue
			}
			found = true
			var got []string
			for _, f := range cand.Features {
				if f == "planRef<" || f == "planRef>" {
					got = append(got, f)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: plan features %v; want %v", tc.text, got, tc.want)
			}
		}
		if !found {
			t.Errorf("%q: no candidate %g", tc.text, tc.value)
		}
	}
}

func TestYearNumber(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		want bool
	}{{"2020", true}, {"1999", true}, {"1.439", false}, {"338", false}, {"3000", false}, {"20a0", false}} {
		if got := tgYearNumber(tc.raw); got != tc.want {
			t.Errorf("tgYearNumber(%q) = %v, want %v", tc.raw, got, tc.want)
		}
	}
}

// TestTextYear: an undated text (most news articles) weighs the years of
// a sentence against the year it dates most, as a dated one against its
// date; a text that dates no year leaves them unknown.
func TestTextYear(t *testing.T) {
	body := "Năm 2020, doanh thu đạt 500 tỷ đồng."
	dated := "Ngày 10/3/2021, công ty họp. Đến ngày 20/4/2021, công ty công bố. " + body
	for _, tc := range []struct {
		name, text, issued, want string
	}{
		{"undated, dates 2021", dated, "", "datey<"},
		{"dated 2020", dated, "2020-05-01", "datey="},
		{"dated 2019", body, "2019-05-01", "datey>"},
		{"undated, no date", body, "", "datey?"},
	} {
		var got []string
		for _, cand := range TargetCandidates(tc.text, TargetContext{Kind: "article", Issued: tc.issued}) {
			if cand.Target.Value != 500 {
				continue
			}
			for _, f := range cand.Features {
				if len(f) > 4 && f[:4] == "date" {
					got = append(got, f)
				}
			}
		}
		if !slices.Contains(got, tc.want) {
			t.Errorf("%s: date features %v; want %q", tc.name, got, tc.want)
		}
	}
}
