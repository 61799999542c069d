package extract

import (
	"testing"
)

// precisionCase is a sentence and the values the rule machine must keep
// as targets (want) and must not (not).
type precisionCase struct {
	text      string
	want, not []float64
}

// checkPrecisionCases runs the rule machine over each case in context c.
func checkPrecisionCases(t *testing.T, c TargetContext, cases []precisionCase) {
	t.Helper()
	for _, tc := range cases {
		ts, _ := FindTargetsWith(tc.text, c, nil)
		got := map[float64]bool{}
		for _, tg := range ts {
			got[tg.Value] = true
		}
		for _, v := range tc.want {
			if !got[v] {
				t.Errorf("FindTargets(%q): no target %g in %+v", tc.text, v, ts)
			}
		}
		for _, v := range tc.not {
			if got[v] {
				t.Errorf("FindTargets(%q): target %g; want none", tc.text, v)
			}
		}
	}
}

// TestGrowthOfLevel: a level and its growth rate in one clause are one
// target, stated by the level (ANNOTATING.md, "growth and level of one
// target in one clause"); a growth rate of its own stays.
func TestGrowthOfLevel(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2025-03-10", Kind: "decision"}, []precisionCase{
		{"Mục tiêu đến năm 2030: tổng giá trị xuất khẩu đạt 400 triệu USD, tăng bình quân hàng năm trong giai đoạn này đạt 10 - 13%/năm.",
			[]float64{400}, []float64{10}},
		{"Phấn đấu đến năm 2030, giá trị sản phẩm xoài xuất khẩu đạt 10 triệu USD, tốc độ tăng bình quân 05%/năm.",
			[]float64{10}, []float64{5}},
		{"Năm 2025, ngân hàng đặt mục tiêu dư nợ tín dụng tăng 10%, đạt hơn 815 nghìn tỷ đồng.",
			[]float64{815}, []float64{10}},
		// a rate of another measure, or with no level beside it, stays
		{"Mục tiêu năm 2025: doanh thu đạt 500 tỷ đồng, lợi nhuận tăng 20%.", []float64{500, 20}, nil},
		{"Mục tiêu năm 2025: tổng kim ngạch xuất khẩu tăng 12%.", []float64{12}, nil},
		{"Mục tiêu năm 2025: GRDP tăng 8%, thu nhập bình quân đầu người đạt 90 triệu đồng.", []float64{8, 90}, nil},
	})
}

// TestTableRatioColumn: a column that compares two others ("KH 2026 so
// với UTH 2025 (%)", "DT 2026 với UTH 2025 (%)", a formula "4=3/2") holds
// no target, even in a table of plans; the plan's own column does.
func TestTableRatioColumn(t *testing.T) {
	c := TargetContext{Issued: "2025-12-10", Kind: "plan"}
	checkPrecisionCases(t, c, []precisionCase{
		{"KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026\n" +
			"| STT | Chỉ tiêu | ĐVT | Ước thực hiện 2025 | Kế hoạch 2026 | KH 2026 so với UTH 2025 (%) |\n" +
			"| 1 | Tổng vốn đầu tư toàn xã hội | Tỷ đồng | 72.000 | 80.000 | 111,1 |\n",
			[]float64{80000}, []float64{111.1, 72000}},
		{"KẾ HOẠCH TÀI CHÍNH NGÂN SÁCH NĂM 2026\n" +
			"| STT | Nội dung | ĐVT | Kế hoạch 2026 | DT 2026 với UTH 2025 (%) |\n" +
			"| 1 | Thu nội địa | Tỷ đồng | 5.200 | 104,5 |\n",
			[]float64{5200}, []float64{104.5}},
	})
	for _, tc := range []struct {
		h    string
		want bool
	}{{"4=3/2", true}, {"*(5)=(4)/(3)*", true}, {"6 = 5/3 (%)", true}, {"2025", false}, {"1/2", false}, {"Kế hoạch", false}} {
		if got := tgRatioFormula(tc.h); got != tc.want {
			t.Errorf("tgRatioFormula(%q) = %v; want %v", tc.h, got, tc.want)
		}
	}
}

// TestWorkSpecification: a frequency or sample size of the work a plan
// lays out ("quan trắc với tần suất 2 lần/tháng") is no target; a count of
// times to reach stays.
func TestWorkSpecification(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2025-03-10", Kind: "plan"}, []precisionCase{
		{"Mục tiêu năm 2025: các chỉ tiêu pH, độ mặn, độ kiềm quan trắc với tần suất 2 lần/tháng.", nil, []float64{2}},
		{"Mục tiêu năm 2025: lượng mẫu quan trắc 240 mẫu/năm; tỷ lệ mẫu đạt quy chuẩn trên 90%.", []float64{90}, []float64{240}},
		{"Mục tiêu năm 2025: tổ chức 4 lần/năm các đợt ra quân tuyên truyền.", []float64{4}, nil},
		{"Mục tiêu năm 2025: tần suất thu gom tối thiểu 03 lần/tuần đối với khu vực đô thị.", nil, []float64{3}},
		{"Mục tiêu năm 2025: thực hiện quan trắc tại 07 cửa sông cấp nước, lấy mẫu tại 15 vị trí.", nil, []float64{7, 15}},
		{"Mục tiêu năm 2025: xây dựng 5 trạm quan trắc tự động.", []float64{5}, nil},
	})
	for _, tc := range []struct {
		unit string
		want bool
	}{{"lần/tháng", true}, {"mẫu/năm", true}, {"đợt/tháng", true}, {"lần", true}, {"%/năm", false}, {"lượt/năm", false}, {"lần/người", false}} {
		if got := tgPerTime(tc.unit); got != tc.want {
			t.Errorf("tgPerTime(%q) = %v; want %v", tc.unit, got, tc.want)
		}
	}
}

// TestLexiconNormsAndConsequences: the words of a physical norm or a work
// specification are of the norm class, and the consequence of a condition
// met ("… thì lập đảng bộ", "… được tính 1 điểm") of the condition class,
// wherever the model sees them.
func TestLexiconNormsAndConsequences(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string
	}{
		{"Phòng máy phải có độ ẩm từ 40% đến 70%.", "lx<norm"},
		{"Các chỉ tiêu quan trắc với tần suất 2 lần/tháng.", "lx<norm"},
		{"Tổ chức cơ sở đảng có từ 30 đảng viên trở lên thì lập đảng bộ cơ sở.", "lx>cond"},
		{"Có từ 20% đến 30% dân số là người dân tộc thiểu số được tính 1 điểm.", "lx>cond"},
	} {
		cands := TargetCandidates(tc.text, TargetContext{Issued: "2025-03-10", Kind: "decision"})
		if len(cands) == 0 {
			t.Errorf("%q: no candidate", tc.text)
			continue
		}
		found := false
		for _, f := range cands[0].Features {
			found = found || f == tc.want
		}
		if !found {
			t.Errorf("%q: no feature %q in %v", tc.text, tc.want, cands[0].Features)
		}
	}
}

// TestKindFamilyFeature: a candidate of a decree, circular, law or the
// like carries the family feature "kindfam=legal" (each kind alone is too
// rare in the corpus to weigh); a plan's does not.
func TestKindFamilyFeature(t *testing.T) {
	text := "Mục tiêu: tỷ lệ hộ dân có nước sạch đạt 95%."
	for _, tc := range []struct {
		kind string
		want bool
	}{{"decree", true}, {"circular", true}, {"law", true}, {"plan", false}, {"article", false}} {
		cands := TargetCandidates(text, TargetContext{Issued: "2025-03-10", Kind: tc.kind})
		if len(cands) == 0 {
			t.Fatalf("%s: no candidate", tc.kind)
		}
		if got := hasFeature(cands[0], "kindfam=legal"); got != tc.want {
			t.Errorf("kind %s: kindfam=legal %v; want %v", tc.kind, got, tc.want)
		}
	}
}

// TestShareOfPay: a share of a pay, a contribution or a benefit is a norm
// ("Bằng 4,5% mức lương cơ sở", "Hỗ trợ tối thiểu 70% mức đóng"); a share
// of a cost to cut is a goal.
func TestShareOfPay(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2025-03-10", Kind: "decision"}, []precisionCase{
		{"Mục tiêu: mức đóng hằng tháng bằng 4,5% mức lương cơ sở.", nil, []float64{4.5}},
		{"Mục tiêu: hỗ trợ tối thiểu 70% mức đóng bảo hiểm y tế đối với người thuộc hộ cận nghèo.", nil, []float64{70}},
		{"Mục tiêu: phụ cấp bằng 30% tiền lương tháng.", nil, []float64{30}},
		{"Mục tiêu: cắt giảm ít nhất 20% chi phí tuân thủ quy định.", []float64{20}, nil},
	})
}

// TestSteeringCommitteeName: the number of a steering committee's name
// ("Ban Chỉ đạo 389 quốc gia") counts nothing.
func TestSteeringCommitteeName(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2025-03-10", Kind: "article"}, []precisionCase{
		{"Theo Kế hoạch, Ban Chỉ đạo 389 quốc gia sẽ tăng cường công tác chỉ đạo, phấn đấu thu giữ 500 kg ma túy.", []float64{500}, []float64{389}},
	})
}

// TestShareOfTarget: a share of a target after a level ("thu 5.396 tỷ
// đồng, đạt 134,91% chỉ tiêu") makes the level an outturn; a share of the
// targets to reach, set as such, stays.
func TestShareOfTarget(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2020-11-10", Kind: "article"}, []precisionCase{
		{"Tổng cục giao chỉ tiêu thu như sau: Cục Hải quan Khánh Hòa thu 5.396 tỷ đồng, đạt 134,91% chỉ tiêu phấn đấu.", nil, []float64{5396}},
		{"Mục tiêu: hoàn thành trên 70% các chỉ tiêu, nhiệm vụ.", []float64{70}, nil},
		{"Tập thể được xếp loại hoàn thành xuất sắc nhiệm vụ khi đạt các tiêu chí sau:\n\n1. Hoàn thành 100% chỉ tiêu, nhiệm vụ được giao.", []float64{100}, nil},
	})
}

// TestDerivedRequirement: what must still be done to meet a target ("để
// hoàn thành chỉ tiêu ... thì 6 tháng cuối năm phải thu 147.000 tỷ đồng")
// is derived, not set; the target named in the purpose clause stays.
func TestDerivedRequirement(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2018-07-10", Kind: "article"}, []precisionCase{
		{"Để hoàn thành chỉ tiêu phấn đấu thu NSNN năm 2018 là 283.000 tỷ đồng thì 6 tháng cuối năm ngành Hải quan phải thu 147.000 tỷ đồng, bình quân mỗi tháng phải thu 24.500 tỷ đồng.",
			[]float64{283000}, []float64{147000, 24500}},
		{"Để hoàn thành chỉ tiêu dự toán, 7 tháng cuối năm đơn vị phải thu tới 30.803 tỷ đồng, tính bình quân 4.400 tỷ đồng/tháng.",
			nil, []float64{30803, 4400}},
		{"Mục tiêu năm 2018: các đơn vị phải thu 50.050 tỷ đồng.", []float64{50050}, nil},
		// a goal quoted after "cần" stays
		{"Để đạt được mục tiêu tăng trưởng GDP năm 2021 là 6,5% thì quý 2 cần đạt mục tiêu đặt ra trong Nghị quyết số 01/NQ-CP với tăng trưởng 7,11% và quý 3, quý 4 phải phấn đấu đạt mức tăng trưởng cao hơn, trong đó quý 3 tăng 6,73%.",
			[]float64{6.5, 7.11, 6.73}, nil},
	})
}

// TestHardVetoesBindTheModel: a growth rate beside its level, a derived
// requirement and a work specification stay out with the embedded model
// too, however their words weigh.
func TestHardVetoesBindTheModel(t *testing.T) {
	m, err := DefaultTargetModel()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		not  float64
	}{
		{"*Tổng sản phẩm trái cây tham gia xuất khẩu phấn đấu đến năm 2030 đạt trên\n46.200 tấn; tổng giá trị sản phẩm trái cây tham gia xuất khẩu đến năm 2030 dự\nkiến đạt trên 48,3 triệu USD, tốc độ tăng bình quân 05 - 06%/năm. Một số sản phẩm\n", 5},
		{"Để hoàn thành chỉ tiêu phấn đấu thu NSNN năm 2018 là 283.000 tỷ đồng thì 6 tháng cuối năm ngành Hải quan phải thu 147.000 tỷ đồng.", 147000},
		{"Mục tiêu năm 2025: các chỉ tiêu pH, độ mặn quan trắc với tần suất 2 lần/tháng.", 2},
	} {
		ts, _ := FindTargetsWith(tc.text, TargetContext{Issued: "2025-10-10", Kind: "decision"}, m)
		for _, tg := range ts {
			if tg.Value == tc.not {
				t.Errorf("FindTargetsWith(%q, model): target %g; want none", tc.text, tc.not)
			}
		}
	}
}

// TestNormSection: a part whose heading names how units are classified or
// delimited, what is paid, lent or funded, or what a text applies to sets
// rules, not goals (ANNOTATING.md: norms and policy parameters,
// eligibility standards); the part ends at the next heading of its level.
func TestNormSection(t *testing.T) {
	c := TargetContext{Issued: "2025-06-10", Kind: "decision"}
	checkPrecisionCases(t, c, []precisionCase{
		{"Điều 3. Tiêu chí phân định thôn đặc biệt khó khăn\n\nThôn đặc biệt khó khăn là thôn có các tiêu chí sau:\n\n- Có dưới 60% đường thôn được cứng hóa đạt chuẩn.\n\n" +
			"Điều 4. Mục tiêu\n\nPhấn đấu đến năm 2030 có ít nhất 80% thôn đạt chuẩn nông thôn mới.\n",
			[]float64{80}, []float64{60}},
		{"Điều 5. Mức hỗ trợ\n\nPhấn đấu hỗ trợ tối đa 50 triệu đồng cho mỗi hộ.\n\n" +
			"Điều 6. Mục tiêu cụ thể\n\nĐến năm 2030, tỷ lệ hộ nghèo giảm xuống dưới 2%.\n",
			[]float64{2}, []float64{50}},
	})
	for _, tc := range []struct {
		line string
		want bool
	}{{"điều 3. tiêu chí phân định thôn đặc biệt khó khăn", true}, {"điều 5. mức hỗ trợ", true},
		{"điều 1. phạm vi điều chỉnh", true}, {"2. điều kiện cho vay", true},
		{"**tỷ lệ phần trăm (%) phân chia nguồn thu giữa các cấp ngân sách**", true}, {"9. định mức phân bổ chi đảm bảo xã hội", true},
		{"điều 2. mục tiêu", false}, {"ii. nhiệm vụ và giải pháp", false}} {
		if got := tgNormHeading(tc.line); got != tc.want {
			t.Errorf("tgNormHeading(%q) = %v; want %v", tc.line, got, tc.want)
		}
	}
}

// TestPermission: what a body is allowed or entitled to take, keep,
// spend or borrow ("được vay … không vượt quá 120%", "được thu và sử
// dụng 100%") is a rule, not a goal; "được" in the subject of a target
// ("tỷ lệ dân số được sử dụng nước sạch đạt 95%") or a goal given ("được
// cấp có thẩm quyền giao") is not.
func TestPermission(t *testing.T) {
	c := TargetContext{Issued: "2025-06-10", Kind: "resolution"}
	checkPrecisionCases(t, c, []precisionCase{
		{"Mục tiêu: Ủy ban nhân dân Thành phố được vay với tổng mức dư nợ vay không vượt quá 120% số thu ngân sách.", nil, []float64{120}},
		{"Chỉ tiêu: Thành phố được thu và sử dụng 100% các khoản thu từ khai thác quỹ đất.", nil, []float64{100}},
		{"Mục tiêu đến năm 2030: tỷ lệ dân số nông thôn được sử dụng nước hợp vệ sinh đạt 95%.", []float64{95}, nil},
		{"Phấn đấu hoàn thành 100% chỉ tiêu thu ngân sách được cấp có thẩm quyền giao.", []float64{100}, nil},
	})
}

// TestShareOfOutturn: a share of a plan after the figure it measures or
// after a verb of completion or comparison reports an outturn ("thu đạt
// 5.396 tỷ đồng, đạt 105% dự toán", "hoàn thành 40% kế hoạch năm"); a
// share the sentence sets stays a target.
func TestShareOfOutturn(t *testing.T) {
	c := TargetContext{Issued: "2020-10-10", Kind: "article"}
	checkPrecisionCases(t, c, []precisionCase{
		{"Theo chỉ tiêu phấn đấu, Cục Hải quan Khánh Hòa thu đạt 5.396 tỷ đồng, đạt 105% dự toán và 134,91% chỉ tiêu phấn đấu.", nil, []float64{105}},
		{"Mục tiêu của SHB là lãi trước thuế hơn 1.300 tỷ sau 5 tháng, hoàn thành 40% kế hoạch năm.", nil, []float64{40}},
		{"Vĩnh Phúc phấn đấu giải ngân 100% kế hoạch vốn đầu tư công được giao trong năm 2020.", []float64{100}, nil},
		// a share of a goal ("… % chỉ tiêu") is a share of a plan
		{"Theo chỉ tiêu giao, Hải quan Hải Phòng thu được 19.247 tỷ đồng, đạt 38,46% chỉ tiêu dự toán và 38% chỉ tiêu phấn đấu do Tổng cục giao.", nil, []float64{38.46, 38}},
	})
}

// TestConsequence: a quantity followed in its clause by what happens when
// it is met ("… được tính 1 điểm", "… mới đủ điều kiện …") is a
// condition, not a goal; a rating to reach ("… được xếp loại …") stays.
func TestConsequence(t *testing.T) {
	c := TargetContext{Issued: "2025-06-10", Kind: "decree"}
	checkPrecisionCases(t, c, []precisionCase{
		{"Tiêu chí cụ thể như sau: có từ 20% đến 30% dân số là người dân tộc thiểu số được tính 1 điểm.", nil, []float64{20, 1}},
		{"Yêu cầu: học viên phải bảo đảm tham dự tối thiểu 80% số tiết học mới đủ điều kiện được viết thu hoạch.", nil, []float64{80}},
		{"Tiêu chí sau: cơ quan có tổng số điểm đạt từ 90 điểm trở lên được xếp loại hoàn thành xuất sắc nhiệm vụ.", []float64{90}, nil},
	})
	for _, tc := range []struct {
		text string
		want bool
	}{{"dân số được tính 1 điểm", true}, {"số tiết học mới đủ điều kiện", true}, {"trở lên được xếp loại", false},
		{"xã; được tính sau", false}} {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		if got := tgConsequenceAfter(toks, 0, len(toks)); got != tc.want {
			t.Errorf("tgConsequenceAfter(%q) = %v; want %v", tc.text, got, tc.want)
		}
	}
}

// TestProceduralNorms: a physical norm of a specification ("có độ ẩm từ
// 40% đến 70%") and a voting or quorum rule ("phải có ít nhất 80% tổng
// số Ủy viên Hội đồng tham dự") are rules, not goals; a share to reach
// stays.
func TestProceduralNorms(t *testing.T) {
	c := TargetContext{Issued: "2025-06-10", Kind: "circular"}
	checkPrecisionCases(t, c, []precisionCase{
		{"Yêu cầu: kho lưu trữ phải đảm bảo khô ráo, có độ ẩm từ 40% đến 70%.", nil, []float64{40}},
		{"Yêu cầu: trạm phải được lắp đặt vành đai bảo vệ có đường kính ≥ 1,5 lần đường kính ăng-ten.", nil, []float64{1.5}},
		{"Yêu cầu: cuộc họp xét khen thưởng phải có ít nhất 80% tổng số Ủy viên Hội đồng tham dự.", nil, []float64{80}},
		{"Mục tiêu: ít nhất 80% cán bộ được đào tạo, bồi dưỡng.", []float64{80}, nil},
	})
}

// TestStrictBound: "trên X … trở lên" keeps the strict word written
// before the number (">"), as the gold reads it; "từ X trở lên" is ">=".
func TestStrictBound(t *testing.T) {
	c := TargetContext{Issued: "2025-06-10", Kind: "decision"}
	for _, tc := range []struct {
		text, cmp string
	}{
		{"Xếp loại xuất sắc khi đạt các tiêu chí sau: có tổng số điểm trên 90 điểm trở lên.", ">"},
		{"Xếp loại xuất sắc khi đạt các tiêu chí sau: có tổng số điểm từ 90 điểm trở lên.", ">="},
		{"Mục tiêu: tỷ lệ hộ nghèo dưới 2% trở xuống.", "<"},
	} {
		ts, _ := FindTargetsWith(tc.text, c, nil)
		if len(ts) != 1 || ts[0].Comparator != tc.cmp {
			t.Errorf("FindTargets(%q) = %+v; want one target with comparator %q", tc.text, ts, tc.cmp)
		}
	}
}

// TestNormDocument: a resolution or decision whose title says it sets
// norms ("Về định mức phân bổ ngân sách và tỷ lệ phần trăm (%) … phân
// chia …") has no targets in its tables (tgNormTitle), while a plan's
// title naming support does not make its targets norms.
func TestNormDocument(t *testing.T) {
	table := "Phụ lục\n\nMỤC TIÊU PHÂN CHIA NGUỒN THU NĂM 2026\n\n| STT | Nội dung | NS Thành phố (%) | NS xã (%) |\n|---|---|---|---|\n| 1 | Thuế tài nguyên | 68 | 32 |\n| 2 | Lệ phí trước bạ | 70 | 30 |\n"
	norm := TargetContext{Issued: "2025-11-26", Kind: "resolution", Title: "Về định mức phân bổ ngân sách và tỷ lệ phần trăm (%) đối với các khoản thu phân chia giữa các cấp ngân sách"}
	checkPrecisionCases(t, norm, []precisionCase{{table, nil, []float64{68, 32, 70, 30}}})
	plain := norm
	plain.Title = "Về kế hoạch phát triển kinh tế - xã hội năm 2026"
	checkPrecisionCases(t, plain, []precisionCase{{table, []float64{68, 70}, nil}})
	for _, tc := range []struct {
		kind, title string
		want        bool
	}{
		{"resolution", "Quy định mức thu học phí đối với cơ sở giáo dục công lập năm học 2025-2026", true},
		{"decision", "Ban hành bảng giá đất trên địa bàn tỉnh", true},
		{"resolution", "Quy định chế độ dinh dưỡng đối với vận động viên", true},
		{"decision", "Quyết định về việc ban hành đơn giá thuê đất, thuê mặt nước trên địa bàn tỉnh nghệ an", true},
		{"resolution", "Về nhiệm vụ phát triển kinh tế - xã hội năm 2026", false},
		{"plan", "Kế hoạch thực hiện chế độ báo cáo thống kê", false},
		{"decision", "Phê duyệt Kế hoạch hỗ trợ doanh nghiệp nhỏ và vừa giai đoạn 2026-2030", false},
	} {
		if got := tgNormTitle(tc.kind, tc.title); got != tc.want {
			t.Errorf("tgNormTitle(%q, %q) = %v; want %v", tc.kind, tc.title, got, tc.want)
		}
	}
}

// TestFormulaTerm: a rate or amount that is a term of a calculation
// ("[16] = [12] * 10%") is never a target; a figure beside an "x" or "="
// in prose with no other operator or cell reference stays.
func TestFormulaTerm(t *testing.T) {
	c := TargetContext{Issued: "2025-03-10", Kind: "plan"}
	checkPrecisionCases(t, c, []precisionCase{
		{"Mục tiêu năm 2025: chỉ tiêu [16] = [12] * 10%.", nil, []float64{10}},
		{"Mục tiêu năm 2025: số thuế được giảm = 525.000 x 50%.", nil, []float64{525000, 50}},
		{"Mục tiêu năm 2025: tỷ lệ hộ nghèo giảm còn 2%, thu ngân sách đạt 5.000 tỷ đồng.", []float64{2, 5000}, nil},
	})
	toks := tgTokenize("Chỉ tiêu [16] = [12] * 10%.", 0, len("Chỉ tiêu [16] = [12] * 10%."))
	n := 0
	for i, tk := range toks {
		if tk.raw == "10" {
			n = i
		}
	}
	if !tgFormulaTerm(toks, 0, tgQty{first: n, last: n + 2}) {
		t.Errorf("tgFormulaTerm: 10%% after '*' with cell references is no formula term")
	}
}

// TestNormSectionTable: a table under a heading of norms ("Mức hỗ trợ")
// has no targets by the rules, though a plan column would make them so
// elsewhere.
func TestNormSectionTable(t *testing.T) {
	c := TargetContext{Issued: "2025-11-26", Kind: "plan", Title: "Kế hoạch phát triển nông nghiệp năm 2026"}
	table := "| STT | Nội dung | Đơn vị | Kế hoạch năm 2026 |\n|---|---|---|---|\n| 1 | Diện tích lúa chất lượng cao | ha | 1.200 |\n"
	checkPrecisionCases(t, c, []precisionCase{
		{"II. CHỈ TIÊU CỤ THỂ\n\n" + table, []float64{1200}, nil},
		{"II. MỨC HỖ TRỢ\n\n" + table, nil, []float64{1200}},
	})
}

// TestBudgetTermsNoGoal: "mục tiêu" inside the name of a budget term
// ("Chương trình mục tiêu quốc gia", "hỗ trợ có mục tiêu", "bổ sung có
// mục tiêu") marks no goal: the amounts allocated to it are no targets,
// while a goal stated beside the name stays one.
func TestBudgetTermsNoGoal(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2010-01-10", Kind: "resolution"}, []precisionCase{
		{"Vốn Trung ương hỗ trợ có mục tiêu: 459.204 triệu đồng.", nil, []float64{459204}},
		{"Chi chương trình mục tiêu: 52,103 tỷ đồng.", nil, []float64{52.103}},
		{"Ngân sách tỉnh bổ sung có mục tiêu cho ngân sách huyện: 120 tỷ đồng.", nil, []float64{120}},
		{"Chương trình mục tiêu quốc gia giảm nghèo có mục tiêu giảm tỷ lệ hộ nghèo xuống dưới 3% vào năm 2025.", []float64{3}, nil},
		{"Mục tiêu năm 2025: giải ngân 100% vốn các chương trình mục tiêu quốc gia.", []float64{100}, nil},
	})
	for _, tc := range []struct {
		text string
		want bool
	}{{"Vốn Trung ương hỗ trợ có mục tiêu khác: 425.818 triệu đồng.", false}, {"Mục tiêu: 425.818 triệu đồng.", true}} {
		cands := TargetCandidates(tc.text, TargetContext{Issued: "2010-01-10", Kind: "resolution"})
		if len(cands) != 1 {
			t.Fatalf("%q: %d candidates; want 1", tc.text, len(cands))
		}
		if got := hasFeature(cands[0], "lxsgoal"); got != tc.want {
			t.Errorf("%q: feature lxsgoal %v; want %v", tc.text, got, tc.want)
		}
	}
}

// TestDesignNorm: the norms a construction plan sizes its networks by
// (water, power and waste per head or per hectare, building land per
// head) are no targets; the coverage rates beside them and the per-head
// outcomes of a housing or economic plan are.
func TestDesignNorm(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2010-05-10", Kind: "decision"}, []precisionCase{
		{"Các chỉ tiêu chính: chỉ tiêu cấp nước giai đoạn đến năm 2020 khoảng 120 lít/người/ngày đêm.", nil, []float64{120}},
		{"Các chỉ tiêu chính: tỷ lệ cấp nước đạt 80% dân số; giai đoạn đến năm 2030 khoảng 150 lít/người/ngày đêm.", []float64{80}, []float64{150}},
		{"Mục tiêu: chỉ tiêu cấp điện sinh hoạt đến năm 2020 khoảng 800 kWh/người năm; chỉ tiêu cấp điện công nghiệp khoảng 100 - 200 kW/ha.", nil, []float64{800, 100}},
		{"Các chỉ tiêu chính: chỉ tiêu đất xây dựng đô thị bình quân đến năm 2020 khoảng 180 m2/người; đến năm 2030 khoảng 200 m2/người.", nil, []float64{180, 200}},
		{"Các chỉ tiêu chính: chỉ tiêu rác thải 0,8 kg/người ngày.", nil, []float64{0.8}},
		{"Chỉ tiêu kinh tế kỹ thuật: diện tích sàn bình quân đầu người đến năm 2010 là 12m2/người.", []float64{12}, nil},
		{"Mục tiêu đến năm 2025: GRDP bình quân đầu người đạt 3.800 USD/người.", []float64{3800}, nil},
		{"Mục tiêu đến năm 2025: năng suất lúa đạt 6 tấn/ha.", []float64{6}, nil},
	})
}

// hasFeature reports whether candidate c has feature f.
func hasFeature(c TargetCandidate, f string) bool {
	for _, x := range c.Features {
		if x == f {
			return true
		}
	}
	return false
}
