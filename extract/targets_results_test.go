package extract

import (
	"slices"
	"testing"
)

// TestCmpWordsFeature: the words of a quantity's comparator are a
// feature of their own ("hơn" of a result, "trên" or "ít nhất" of a
// goal); a bare number has none.
func TestCmpWordsFeature(t *testing.T) {
	c := TargetContext{Issued: "2021-01-10", Kind: "article"}
	for _, tc := range []struct {
		text  string
		value float64
		want  string // "" for no cw= feature
	}{
		{"Xuất siêu đạt hơn 20 tỷ USD.", 20, "cw=hơn"},
		{"Lợi nhuận sau thuế đạt gần 1.328 tỷ đồng.", 1328, "cw=gần"},
		{"Phấn đấu tăng trưởng GDP trên 6%.", 6, "cw=trên"},
		{"Phấn đấu có ít nhất 50% xã đạt chuẩn.", 50, "cw=ít_nhất"},
		{"Phấn đấu đạt từ 90 điểm trở lên.", 90, "cw=từ"},
		{"Phấn đấu thu ngân sách đạt 13.000 tỷ đồng.", 13000, ""},
	} {
		var got []string
		found := false
		for _, cand := range TargetCandidates(tc.text, c) {
			if cand.Target.Value != tc.value {
				continue
			}
			found = true
			for _, f := range cand.Features {
				if len(f) > 3 && f[:3] == "cw=" {
					got = append(got, f)
				}
			}
		}
		if !found {
			t.Errorf("%q: no candidate %g", tc.text, tc.value)
			continue
		}
		if tc.want == "" && len(got) > 0 || tc.want != "" && !slices.Equal(got, []string{tc.want}) {
			t.Errorf("%q: comparator features %v; want %q", tc.text, got, tc.want)
		}
	}
}

// TestChangeFrom: the value a change starts from ("giảm từ X xuống Y",
// "tăng từ X lên Y") is where the document stands, not what it sets out
// to reach; where the change ends is the target. "từ X trở lên" and a
// range "từ X đến Y" are bounds, not changes.
func TestChangeFrom(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2025-03-10", Kind: "plan"}, []precisionCase{
		{"Mục tiêu đến năm 2030: tỷ suất sinh ở trẻ vị thành niên giảm từ 23 ca sinh/1.000 phụ nữ xuống 18 ca sinh/1.000 phụ nữ.",
			[]float64{18}, []float64{23}},
		{"Phấn đấu đến năm 2030 nâng tỷ lệ che phủ rừng từ 5,1% lên 25%.", []float64{25}, []float64{5.1}},
		{"Mục tiêu năm 2026: giảm tỷ lệ lô hàng phải kiểm tra từ 25% xuống còn dưới 10%.", []float64{10}, []float64{25}},
		{"Phấn đấu đến năm 2030 có 80% tập thể đạt từ 90 điểm trở lên.", []float64{80, 90}, nil},
		{"Mục tiêu năm 2026: tăng trưởng kinh tế từ 8 đến 10%.", []float64{8}, nil},
	})
}

// TestGrowthOfLevelFalls: a fall beside its level, or a slight rise, is
// the growth of that level as a rise is: one target, stated by the level.
func TestGrowthOfLevelFalls(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2020-06-10", Kind: "article"}, []precisionCase{
		{"Công ty đặt kế hoạch lợi nhuận sau thuế năm 2020 là 125 tỷ đồng, giảm 70%.", []float64{125}, []float64{70}},
		{"Công ty đặt kế hoạch lợi nhuận trước thuế năm 2020 đạt 230 tỷ đồng, tăng nhẹ 2%.", []float64{230}, []float64{2}},
		{"Mục tiêu năm 2020: giảm 5% tỷ lệ hộ nghèo.", []float64{5}, nil},
	})
}

// TestProseRestatement: in an article, a figure said again in other
// words for the same year and the same thing is one target; a list item,
// another year, "100%" or a figure of another thing are not merged.
func TestProseRestatement(t *testing.T) {
	y2020 := &Period{End: "2020"}
	y2021 := &Period{End: "2021"}
	mention := func(cmp string, v float64, unit, subj, text string, p *Period, item bool) tgFound {
		return tgFound{t: Target{Comparator: cmp, Value: v, Unit: unit, Subject: subj, Text: text, Period: p}, listItem: item}
	}
	body := mention("=", 2007, "tỷ đồng", "lợi nhuận trước thuế của ACV", "lợi nhuận trước thuế 2.007 tỷ đồng", y2020, false)
	for _, tc := range []struct {
		name string
		b    tgFound
		want bool
	}{
		{"other words, same thing", mention("=", 2007, "tỷ đồng", "lãi trước thuế của ACV", "lãi trước thuế cả năm 2020 chỉ ở mức 2.007 tỷ đồng", y2020, false), true},
		{"khoảng", mention("~", 2007, "tỷ đồng", "lợi nhuận trước thuế", "lợi nhuận trước thuế khoảng 2.007 tỷ đồng", y2020, false), true},
		{"another year", mention("=", 2007, "tỷ đồng", "lãi trước thuế của ACV", "lãi trước thuế 2.007 tỷ đồng", y2021, false), false},
		{"no year", mention("=", 2007, "tỷ đồng", "lãi trước thuế của ACV", "lãi trước thuế 2.007 tỷ đồng", nil, false), false},
		{"a list item", mention("=", 2007, "tỷ đồng", "lãi trước thuế của ACV", "lãi trước thuế 2.007 tỷ đồng", y2020, true), false},
		{"another thing", mention("=", 2007, "tỷ đồng", "doanh thu dịch vụ hàng không", "doanh thu dịch vụ hàng không 2.007 tỷ đồng", y2020, false), false},
		{"another bound", mention(">", 2007, "tỷ đồng", "lợi nhuận trước thuế của ACV", "lợi nhuận trước thuế trên 2.007 tỷ đồng", y2020, false), false},
		{"another value", mention("=", 2008, "tỷ đồng", "lợi nhuận trước thuế của ACV", "lợi nhuận trước thuế 2.008 tỷ đồng", y2020, false), false},
	} {
		if got := tgProseRestatement(body, tc.b); got != tc.want {
			t.Errorf("%s: tgProseRestatement = %v; want %v", tc.name, got, tc.want)
		}
	}
	hundred := mention("=", 100, "%", "vốn kế hoạch", "giải ngân 100% vốn kế hoạch", y2020, false)
	if tgProseRestatement(hundred, hundred) {
		t.Errorf("two mentions of 100%%: merged; want kept apart")
	}
}

// TestArticleRestatedTarget: an article that states its target in the
// lead and again in the body, under a heading of its own, reports it once.
func TestArticleRestatedTarget(t *testing.T) {
	text := "ACV đề ra mục tiêu tổng doanh thu năm 2020 đạt 11.317 tỷ đồng và lợi nhuận trước thuế 2.007 tỷ đồng.\n\n" +
		"**Nỗ lực vượt khó**\n\n" +
		"Tuy quý 1 ACV ghi nhận lãi lớn, nhưng kế hoạch lãi trước thuế cả năm 2020 chỉ ở mức 2.007 tỷ đồng."
	got, _ := FindTargetsWith(text, TargetContext{Issued: "2020-07-01", Kind: "article"}, nil)
	n := 0
	for _, g := range got {
		if g.Value == 2007 {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d targets of 2.007 tỷ đồng; want 1 (%+v)", n, got)
	}
}

// TestFailingLevel: the numbers under the failing level of a rating
// ("4. Không hoàn thành nhiệm vụ", "(4) Không hoàn thành nhiệm vụ: …")
// define failing and are no targets; the levels above it and the next
// part after it are read as before.
func TestFailingLevel(t *testing.T) {
	c := TargetContext{Issued: "2025-03-10", Kind: "decision"}
	checkPrecisionCases(t, c, []precisionCase{
		{"Tiêu chí xếp loại như sau:\n\n3. Hoàn thành nhiệm vụ\n\nĐạt được tất cả các tiêu chí sau đây:\n\na) Có tổng số điểm từ 50 điểm đến 80 điểm.\n\n" +
			"b) Có ít nhất 70% cơ quan, đơn vị được đánh giá hoàn thành nhiệm vụ trở lên.\n\n" +
			"4. Không hoàn thành nhiệm vụ\n\nCó một trong các tiêu chí sau đây:\n\na) Có tổng số điểm dưới 40 điểm.\n\n" +
			"b) Hoàn thành dưới 45% các chỉ tiêu, nhiệm vụ.\n\n5. Tổ chức thực hiện\n\nPhấn đấu 100% cơ quan, đơn vị được đánh giá, xếp loại đúng hạn.",
			[]float64{50, 70, 100}, []float64{40, 45}},
		{"Các mức xếp loại:\n\n(3) Hoàn thành nhiệm vụ: Tập thể, cá nhân có tổng điểm đánh giá đạt từ 50 đến dưới 70 điểm.\n\n" +
			"(4) Không hoàn thành nhiệm vụ: Tập thể, cá nhân có tổng điểm đánh giá dưới 45 điểm hoặc thuộc một trong các trường hợp sau:\n\n" +
			"- Hoàn thành dưới 60% số nhiệm vụ theo chương trình.",
			[]float64{50}, []float64{45, 60}},
	})
}

func TestOpensFailingLevel(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"4. Không hoàn thành nhiệm vụ", true},
		{"**(4) Không hoàn thành nhiệm vụ:** Tập thể có tổng điểm dưới 50 điểm", true},
		{"d) Không hoàn thành nhiệm vụ", true},
		{"3. Hoàn thành nhiệm vụ", false},
		{"Trường hợp không hoàn thành nhiệm vụ do bất khả kháng", false},
	} {
		if got := tgOpensFailingLevel(tgTokenize(tc.line, 0, len(tc.line))); got != tc.want {
			t.Errorf("tgOpensFailingLevel(%q) = %v; want %v", tc.line, got, tc.want)
		}
	}
}

// TestDerivedFromPurpose: what a purpose ("để đảm bảo …", "muốn …")
// requires after "cần" or "phải" is derived from a goal, not set
// (ANNOTATING.md); a goal set with its own marker after the purpose stays.
func TestDerivedFromPurpose(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2018-05-10", Kind: "article"}, []precisionCase{
		{"Mục tiêu của ngành điện là để đảm bảo tăng trưởng điện năng ở mức 10%/năm, thì mỗi năm cần có thêm 3.000 MW nguồn điện mới.", nil, []float64{3000}},
		{"Mục tiêu đặt ra là muốn trở thành quốc gia phát triển thì GDP bình quân đầu người phải đạt 12.000 USD.", nil, []float64{12000}},
		{"Để bảo đảm mục tiêu tăng trưởng, tỉnh phấn đấu thu ngân sách năm 2019 đạt 5.000 tỷ đồng.", []float64{5000}, nil},
	})
}

// TestSharedBoundOverNoun: "ít nhất" before the first of two counts,
// the first one's noun phrase between them, bounds the second too, of
// the same unit or of another counted thing (the gold of "có ít nhất
// 6.000 nghiên cứu sinh, 20.000 người học" distributes the bound); a
// clause of its own between keeps "=".
func TestSharedBoundOverNoun(t *testing.T) {
	c := TargetContext{Issued: "2025-03-10", Kind: "plan"}
	for _, tc := range []struct {
		text  string
		value float64
		want  string
	}{
		{"Mục tiêu đến năm 2030: hình thành ít nhất 100 doanh nghiệp khởi nghiệp sáng tạo, 50 doanh nghiệp khoa học công nghệ.", 50, ">="},
		{"Mục tiêu đến năm 2030: hình thành ít nhất 100 doanh nghiệp khởi nghiệp sáng tạo, 50 hợp tác xã kiểu mới.", 50, ">="},
		{"Mục tiêu đến năm 2030: hình thành ít nhất 100 doanh nghiệp khởi nghiệp sáng tạo, đạt 50 doanh nghiệp khoa học công nghệ.", 50, "="},
		{"Mục tiêu đến năm 2030: hình thành ít nhất 100 doanh nghiệp và 50 hợp tác xã.", 50, ">="},
	} {
		got, _ := FindTargetsWith(tc.text, c, nil)
		found := false
		for _, g := range got {
			if g.Value == tc.value {
				found = true
				if g.Comparator != tc.want {
					t.Errorf("%q: %g has comparator %q; want %q", tc.text, tc.value, g.Comparator, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no target %g in %+v", tc.text, tc.value, got)
		}
	}
}

// TestOfficialRestatement: a plan restating its goal in another part
// merges; items of one list, other values, other years and other things
// stay apart.
func TestOfficialRestatement(t *testing.T) {
	per := &Period{End: "2030"}
	goal := tgFound{para: 10, t: Target{Comparator: ">=", Value: 50, Unit: "%", Period: per,
		Text: "có ít nhất 50% đơn vị hành chính cấp xã trên toàn tỉnh không ma túy"}}
	again := tgFound{para: 40, t: Target{Comparator: ">=", Value: 50, Unit: "%", Period: per,
		Text: "phấn đấu đến năm 2030 đạt ít nhất 50% số xã, phường trên toàn tỉnh không ma túy"}}
	plain := again
	plain.t.Comparator = "="
	near := again
	near.para = 15
	other := again
	other.t.Text = "50% trạm y tế cấp xã đủ điều kiện điều trị nghiện"
	year := again
	year.t.Period = &Period{Start: "2025", End: "2025"}
	hundred := goal
	hundred.t.Value = 100
	hundredAgain := again
	hundredAgain.t.Value = 100
	cell := again
	cell.table = true
	below := again
	below.t.Comparator = "<"
	for _, tt := range []struct {
		name string
		a, b tgFound
		want bool
	}{
		{"restated", goal, again, true},
		{"restated without its bound", goal, plain, true},
		{"the next item", goal, near, false},
		{"another thing", goal, other, false},
		{"another year", goal, year, false},
		{"100%", hundred, hundredAgain, false},
		{"a table cell", goal, cell, false},
		{"opposite bounds", goal, below, false},
	} {
		if got := tgOfficialRestatement(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: tgOfficialRestatement = %v; want %v", tt.name, got, tt.want)
		}
	}
}

func TestCmpAgree(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"=", "=", true}, {"=", ">=", true}, {">", ">=", true}, {"<", "<=", true},
		{">", "<", false}, {">=", "<=", false}, {"=", "range", false}, {"range", "range", true}, {"~", "=", true},
	} {
		if got := tgCmpAgree(tt.a, tt.b); got != tt.want {
			t.Errorf("tgCmpAgree(%q, %q) = %v; want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
