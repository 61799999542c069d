package extract

import (
	"fmt"
	"strings"
	"testing"
)

// TestFindTargetsOpenCountNouns: any counted noun after a number in a
// target context is a unit, not only the listed ones.
func TestFindTargetsOpenCountNouns(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []tgWant
	}{
		{"Mục tiêu năm 2026: mở mới 8.000 tài khoản ví điện tử.", []tgWant{{"=", 8000, 0, "tài khoản", "tài khoản", "2026..2026", -1}}},
		{"Chỉ tiêu: lắp đặt 40 điểm truy cập wifi miễn phí.", []tgWant{{"=", 40, 0, "điểm", "điểm", "", -1}}},
		{"Phấn đấu mỗi xã thành lập mười hai đội hình tình nguyện.", []tgWant{{"=", 12, 0, "đội hình", "xã", "", -1}}},
		{"Phấn đấu có ít nhất 4 vùng chuyên canh cây ăn quả.", []tgWant{{">=", 4, 0, "vùng", "vùng chuyên canh", "", -1}}},
	} {
		checkTargets(t, tc.text, TargetContext{}, tc.want)
	}
	// no counted noun: function words, years, plan structure, the text's
	// own words for targets, number words that are other words here
	for _, text := range []string{
		"Mục tiêu năm nay tăng trưởng hai con số.",
		"Kế hoạch đề ra 5 nhiệm vụ trọng tâm và 3 khâu đột phá.",
		"Nghị quyết xác định 12 chỉ tiêu chủ yếu.",
		"Phấn đấu hằng năm tỷ lệ hộ nghèo giảm.",
	} {
		checkTargets(t, text, TargetContext{}, nil)
	}
}

// TestFindTargetsVerbFirst: in "verb + number + noun" items the noun after
// the number is the subject and the verb phrase the indicator.
func TestFindTargetsVerbFirst(t *testing.T) {
	for _, tc := range []struct {
		text, subject, indicator string
	}{
		{"Chỉ tiêu năm 2026: trồng mới 2.000 ha rừng phòng hộ.", "rừng phòng hộ", "trồng mới"},
		{"Chỉ tiêu năm 2026: cải tạo và nâng cấp 45 km đê bao.", "đê bao", "cải tạo và nâng cấp"},
		{"Chỉ tiêu năm 2026: giải quyết việc làm cho 3.200 lao động.", "lao động", "giải quyết việc làm"},
		{"Chỉ tiêu năm 2026: giới thiệu 60 quần chúng ưu tú cho Đảng.", "quần chúng", "giới thiệu"},
		{"Mục tiêu năm 2026: có ít nhất 2 khu dân cư kiểu mẫu.", "khu dân cư kiểu mẫu", "có"},
	} {
		got := FindTargets(tc.text, TargetContext{})
		if len(got) != 1 {
			t.Errorf("FindTargets(%q) = %d targets; want 1", tc.text, len(got))
			continue
		}
		g := got[0]
		if !strings.Contains(strings.ToLower(g.Subject), tc.subject) || !strings.HasPrefix(strings.ToLower(g.Indicator), tc.indicator) {
			t.Errorf("FindTargets(%q) subject %q indicator %q; want subject ~%q indicator %q…", tc.text, g.Subject, g.Indicator, tc.subject, tc.indicator)
		}
	}
}

// TestFindTargetsNotAFee: "miễn phí" (free), "chi phí" (costs) are no fee
// rates, so the quantity after them stays a target.
func TestFindTargetsNotAFee(t *testing.T) {
	checkTargets(t, "Chỉ tiêu: số lớp học kỹ năng số miễn phí: 30 lớp học.", TargetContext{}, []tgWant{{"=", 30, 0, "lớp học", "lớp học", "", -1}})
	checkTargets(t, "Mức phí: 20% giá trị hợp đồng.", TargetContext{}, nil)
}

// TestFindTargetsPastSections: a part reviewing results, a past year or
// the term under review (relative to the document's date) holds results.
func TestFindTargetsPastSections(t *testing.T) {
	c := TargetContext{Issued: "2020-09-10"}
	review := "I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM KỲ 2015 - 2020\n" +
		"Nghị quyết đề ra 15 chỉ tiêu; tỷ lệ hộ nghèo giảm còn 2,1%; có 9 xã đạt chuẩn nông thôn mới.\n" +
		"II. MỤC TIÊU NHIỆM KỲ 2020 - 2025\n" +
		"- Có 14 xã đạt chuẩn nông thôn mới.\n"
	checkTargets(t, review, c, []tgWant{{"=", 14, 0, "xã", "xã", "2020..2025", -1}})
	// a labelled paragraph whose first sentence names the review
	labelled := "I- Thông qua báo cáo đánh giá kết quả nhiệm kỳ 2015 - 2020. Kinh tế tăng bình quân 8%/năm, vượt chỉ tiêu đề ra; thu nhập bình quân đầu người đạt 52 triệu đồng.\n" +
		"II- Mục tiêu nhiệm kỳ 2020 - 2025: thu nhập bình quân đầu người đạt 80 triệu đồng."
	checkTargets(t, labelled, c, []tgWant{{"=", 80, 0, "triệu đồng", "thu nhập", "2020..2025", -1}})
	// a heading with work ahead is no review
	ahead := "II. TÌNH HÌNH VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2021\n- Phấn đấu kết nạp 20 đảng viên mới.\n"
	checkTargets(t, ahead, c, []tgWant{{"=", 20, 0, "đảng viên mới", "đảng viên", "-", -1}})
	// a past year reached something: a result; a base year is no time frame
	checkTargets(t, "Mục tiêu: thu nhập bình quân năm 2018 đạt 40 triệu đồng.", c, nil)
	// growth against a year, where targets are set, is a target; derived
	// from the figure before it, it is not
	checkTargets(t, "Mục tiêu năm 2021: thu nhập tăng 8% so với năm 2019.", c, []tgWant{{"=", 8, 0, "%", "thu nhập", "2021..2021", -1}})
	checkTargets(t, "Mục tiêu năm 2021: lợi nhuận đạt 900 tỷ đồng, tăng 12% so với năm trước.", c, []tgWant{{"=", 900, 0, "tỷ đồng", "lợi nhuận", "2021..2021", -1}})
	checkTargets(t, "Năm 2019, thu nhập tăng 8% so với năm 2018.", c, nil)
	checkTargets(t, "Phấn đấu năm 2021 thu nhập gấp 1,5 lần năm 2015, đạt 60 triệu đồng.", c, []tgWant{{"=", 60, 0, "triệu đồng", "", "2021..2021", -1}})
}

// TestFindTargetsListFrame: the items of a list under "… đến năm X:" take
// the intro's frame {null, X}, even after an item naming its own year;
// the frame ends at the intro's next sibling.
func TestFindTargetsListFrame(t *testing.T) {
	text := "1- Mục tiêu tổng quát: phát triển nhanh và bền vững.\n" +
		"2- Các chỉ tiêu chủ yếu đến năm 2030:\n" +
		"a) Về kinh tế:\n" +
		"- Thu nhập bình quân đầu người năm 2030 đạt 120 triệu đồng.\n" +
		"- Tỷ lệ đô thị hóa đạt 45%.\n" +
		"b) Về xã hội:\n" +
		"- Tỷ lệ hộ nghèo dưới 1%.\n" +
		"3- Chỉ tiêu năm 2026:\n" +
		"- Tỷ lệ trường đạt chuẩn quốc gia đạt 70%.\n"
	checkTargets(t, text, TargetContext{Issued: "2025-10-01"}, []tgWant{
		{"=", 120, 0, "triệu đồng", "thu nhập", "2030..2030", -1},
		{"=", 45, 0, "%", "đô thị hóa", "..2030", -1},
		{"<", 1, 0, "%", "hộ nghèo", "..2030", -1},
		{"=", 70, 0, "%", "trường", "2026..2026", -1},
	})
}

// TestFindTargetsOpenNounTraps: numbers of names, labels, levels, shares
// and single things are no counts of an open noun.
func TestFindTargetsOpenNounTraps(t *testing.T) {
	for _, text := range []string{
		"Mục tiêu: triển khai Hội nghị Trung ương 15 sắp tới.",
		"Mục tiêu: đưa nhà máy Ninh Thuận 2 thực hiện đúng tiến độ.",
		"Mục tiêu: bảo đảm an toàn thông tin cấp độ 4 an toàn.",
		"Mục tiêu: có ít nhất 2/3 diện tích đất được quy hoạch.",
		"Mục tiêu: nộp 01 bộ hồ sơ.",
		"Mục tiêu: xây dựng chính quyền địa phương 2 cấp.",
		"Mục tiêu: đề ra 5 nhóm giải pháp và 8 trọng tâm.",
	} {
		checkTargets(t, text, TargetContext{}, nil)
	}
}

// TestFindTargetsContribution: "đóng góp" reports a result unless the
// sentence already sets targets; a count after "của" is inside a subject.
func TestFindTargetsContribution(t *testing.T) {
	checkTargets(t, "Đến năm 2035, ngành du lịch đóng góp khoảng 12% GRDP của tỉnh.", TargetContext{Issued: "2025-01-01"}, []tgWant{
		{"~", 12, 0, "%", "du lịch", "..2035", -1},
	})
	checkTargets(t, "Năm qua, khu vực tư nhân đóng góp khoảng 45% vốn đầu tư.", TargetContext{}, nil)
	checkTargets(t, "Đến năm 2035, kinh tế của 20 xã ven biển đạt 40% GRDP.", TargetContext{Issued: "2025-01-01"}, []tgWant{
		{"=", 40, 0, "%", "kinh tế", "..2035", -1},
	})
	checkTargets(t, "Lợi nhuận đã đạt 92% kế hoạch đề ra, trong đó ngân hàng mẹ đạt 6.000 tỷ đồng.", TargetContext{}, nil)
}

// TestFindTargetsPeriodSources: a base year is no time frame; the horizon
// of "đến năm X, tầm nhìn đến năm Y" is X; a frame set earlier in the
// paragraph holds for its later sentences.
func TestFindTargetsPeriodSources(t *testing.T) {
	c := TargetContext{Issued: "2025-12-20"}
	checkTargets(t, "Chỉ tiêu năm 2026: tốc độ tăng trưởng GRDP đạt 8 - 8,5% so với năm 2025.", c, []tgWant{
		{"range", 8, 8.5, "%", "GRDP", "2026..2026", -1},
	})
	text := "Hội nghị thống nhất định hướng đến năm 2035, tầm nhìn đến năm 2050 như sau:\n" +
		"1. Đến năm 2035, kinh tế số đóng góp khoảng 30% GRDP. Tỷ lệ dân số có hồ sơ sức khỏe điện tử đạt tối thiểu 95%.\n"
	checkTargets(t, text, c, []tgWant{
		{"~", 30, 0, "%", "kinh tế số", "..2035", -1},
		{">=", 95, 0, "%", "dân số", "..2035", -1},
	})
}

// TestFindTargetsLabelRows: in "label: value" rows the label names the
// subject (and its predicate the indicator).
func TestFindTargetsLabelRows(t *testing.T) {
	text := "Chỉ tiêu năm 2026:\n" +
		"- Tỷ lệ hộ nông dân được tập huấn thương mại điện tử: tối thiểu 40%.\n" +
		"- Số hợp tác xã có sản phẩm bán trên sàn điện tử: 30 hợp tác xã.\n" +
		"- Tỷ lệ trường học (TH) sử dụng mạng tốc độ cao: 100%.\n"
	for i, want := range []struct{ subject, indicator string }{
		{"hộ nông dân", "được tập huấn thương mại điện tử"},
		{"hợp tác xã", "có sản phẩm bán trên sàn điện tử"},
		{"trường học th", "sử dụng mạng tốc độ cao"},
	} {
		got := FindTargets(text, TargetContext{})
		if len(got) != 3 {
			t.Fatalf("FindTargets(%q) = %d targets; want 3", text, len(got))
		}
		if g := got[i]; !strings.HasPrefix(strings.ToLower(g.Subject), want.subject) || g.Indicator != want.indicator {
			t.Errorf("FindTargets(%q)[%d] subject %q indicator %q; want %q…, %q", text, i, g.Subject, g.Indicator, want.subject, want.indicator)
		}
	}
}

// TestFindTargetsHeadlineApprox: a headline that drops "khoảng" restates
// the body's target; it is reported once, from the body.
func TestFindTargetsHeadlineApprox(t *testing.T) {
	text := "THỜI SỰ\n\nTỉnh Bắc Sơn: Phấn đấu 40% doanh nghiệp ứng dụng thương mại điện tử\n\n" +
		"Kế hoạch đề ra mục tiêu đến năm 2027, khoảng 40% doanh nghiệp trên địa bàn tỉnh ứng dụng thương mại điện tử trong kinh doanh.\n"
	checkTargets(t, text, TargetContext{Issued: "2025-03-01"}, []tgWant{{"~", 40, 0, "%", "doanh nghiệp", "..2027", -1}})
}

// TestFindTargetsSubjectJunk: the meeting that sets a target is not its
// subject; "có" after a share's noun starts the criterion; a clause of
// purpose after a comma ends the criterion.
func TestFindTargetsSubjectJunk(t *testing.T) {
	for _, tc := range []struct{ text, subject, indicator string }{
		{"Hội nghị thống nhất mục tiêu năm 2026 kết nạp từ 40 đảng viên trở lên.", "đảng viên", "kết nạp"},
		{"Mục tiêu đến năm 2030: 100% trường tiểu học có phòng tin học.", "trường tiểu học", "có phòng tin học"},
		{"Phấn đấu 90% hội viên được tập huấn kỹ thuật, thực hiện Nghị quyết số 12-NQ/TU về nông nghiệp.", "hội viên", "được tập huấn kỹ thuật"},
		{"Phấn đấu tiết kiệm thêm khoảng 10% chi thường xuyên.", "chi thường xuyên", "tiết kiệm thêm"},
	} {
		got := FindTargets(tc.text, TargetContext{})
		if len(got) != 1 {
			t.Errorf("FindTargets(%q) = %d targets; want 1", tc.text, len(got))
			continue
		}
		if g := got[0]; g.Subject != tc.subject || g.Indicator != tc.indicator {
			t.Errorf("FindTargets(%q) subject %q indicator %q; want %q, %q", tc.text, g.Subject, g.Indicator, tc.subject, tc.indicator)
		}
	}
}

// TestGrowthRoles: a growth rate's name splits into what grows (subject)
// and the rate (indicator) when the verb adds nothing.
func TestGrowthRoles(t *testing.T) {
	for _, tc := range []struct{ subj, ind, wantSubj, wantInd string }{
		{"Tốc độ tăng trưởng kinh tế bình quân", "đạt", "kinh tế", "tốc độ tăng trưởng bình quân"},
		{"tốc độ tăng năng suất lao động", "đạt bình quân", "năng suất lao động", "tốc độ tăng bình quân"},
		{"Tốc độ tăng trưởng giá trị sản xuất bình quân hằng", "đạt", "giá trị sản xuất", "tốc độ tăng trưởng bình quân hằng năm"},
		{"Tốc độ tăng trưởng kinh tế", "giảm", "Tốc độ tăng trưởng kinh tế", "giảm"},
		{"Tỷ lệ hộ nghèo", "giảm", "Tỷ lệ hộ nghèo", "giảm"},
	} {
		s, i := tgGrowthRoles(tc.subj, tc.ind)
		if s != tc.wantSubj || i != tc.wantInd {
			t.Errorf("tgGrowthRoles(%q, %q) = %q, %q; want %q, %q", tc.subj, tc.ind, s, i, tc.wantSubj, tc.wantInd)
		}
	}
}

// TestFindTargetsBracketAbbrev: an abbreviation alone in brackets stays in
// the subject; other bracketed words do not.
func TestFindTargetsBracketAbbrev(t *testing.T) {
	checkTargets(t, "Phấn đấu năm 2026 kim ngạch xuất khẩu (KNXK) tăng 9%.", TargetContext{}, []tgWant{{"=", 9, 0, "%", "kim ngạch xuất khẩu KNXK", "2026..2026", -1}})
	got := FindTargets("Phấn đấu năm 2026 kim ngạch xuất khẩu (không kể dầu thô) tăng 9%.", TargetContext{})
	if len(got) != 1 || strings.Contains(got[0].Subject, "dầu") {
		t.Errorf("FindTargets kept a bracketed remark in the subject: %+v", got)
	}
}

// TestFindTargetsSecondHorizon: a second horizon of the same figure keeps
// the subject of the first.
func TestFindTargetsSecondHorizon(t *testing.T) {
	checkTargets(t, "Phấn đấu thu nhập bình quân đầu người năm 2027 đạt 5.000 USD, đến năm 2030 đạt khoảng 7.000 USD.", TargetContext{Issued: "2025-05-01"}, []tgWant{
		{"=", 5000, 0, "USD", "thu nhập bình quân đầu người", "2027..2027", -1},
		{"~", 7000, 0, "USD", "thu nhập bình quân đầu người", "..2030", -1},
	})
}

func TestComparatorAcrossTime(t *testing.T) {
	for _, tt := range []struct {
		text string
		cmp  string
	}{
		{"Chỉ tiêu 2: Tỷ lệ cán bộ nữ trong diện quy hoạch ít nhất vào năm 2025 đạt 40%.", ">="},
		{"Mục tiêu: tỷ lệ che phủ rừng tối thiểu đến năm 2030 là 45%.", ">="},
		{"Mục tiêu: tỷ lệ hộ nghèo đến năm 2030 đạt 3%.", "="},
		{"Mục tiêu: ít nhất 10 xã, trong đó năm 2025 đạt 4 xã.", "="},
	} {
		ts := FindTargets(tt.text, TargetContext{Issued: "2024-01-01", Kind: "plan"})
		if len(ts) == 0 {
			t.Errorf("FindTargets(%q) = none; want a target", tt.text)
			continue
		}
		if got := ts[len(ts)-1].Comparator; got != tt.cmp {
			t.Errorf("FindTargets(%q): comparator of the last target = %q; want %q", tt.text, got, tt.cmp)
		}
	}
}

func TestComparatorSigns(t *testing.T) {
	for _, tt := range []struct {
		text string
		cmp  string
	}{
		{"Mục tiêu đến hết năm 2025: Có ≥ 30% doanh nghiệp sử dụng nền tảng số.", ">="},
		{"Chỉ tiêu: tỷ lệ hộ nghèo ≤ 2%.", "<="},
		{"Chỉ tiêu: tỷ lệ hộ nghèo <= 2%.", "<="},
		{"Mục tiêu: tỷ lệ doanh nghiệp sử dụng nền tảng số >= 30%.", ">="},
		{"Mục tiêu: tỷ lệ hộ nghèo < 2%.", "<"},
		{"Mục tiêu: số phòng tối thiểu mỗi căn hộ: 4 phòng vào năm 2025.", ">="},
		{"Mục tiêu: diện tích tối đa mỗi hộ: 30 ha vào năm 2025.", "<="},
		{"Mục tiêu: tỷ lệ hộ nghèo đến năm 2025: 2%.", "="},
	} {
		ts, _ := FindTargetsWith(tt.text, TargetContext{Issued: "2024-01-01", Kind: "plan"}, nil)
		if len(ts) == 0 {
			t.Errorf("FindTargetsWith(%q, rules) = none; want a target", tt.text)
			continue
		}
		if got := ts[0].Comparator; got != tt.cmp {
			t.Errorf("FindTargetsWith(%q, rules)[0].Comparator = %q; want %q", tt.text, got, tt.cmp)
		}
	}
}

// TestNumberWordsWithScales: numbers written in words with scale words
// inside a target (issue 9, class 5).
func TestNumberWordsWithScales(t *testing.T) {
	for _, tt := range []struct {
		text  string
		value float64
		unit  string
	}{
		{"Mục tiêu năm 2026: hỗ trợ một nghìn hai trăm hộ thoát nghèo.", 1200, "hộ"},
		{"Phấn đấu đến năm 2030 kết nạp năm nghìn đảng viên mới.", 5000, "đảng viên mới"},
		{"Mục tiêu: đào tạo hai mươi mốt nghìn không trăm mười một lao động.", 21011, "lao động"},
		{"Phấn đấu năm 2026 thu hút một tỷ USD vốn đầu tư.", 1, "tỷ USD"},
		{"Mục tiêu năm 2026: doanh thu đạt năm triệu đồng mỗi hộ.", 5, "triệu đồng"},
		{"Chỉ tiêu năm 2026: mười lăm xã đạt chuẩn nông thôn mới.", 15, "xã"},
		// a measure after a number of two words or more
		{"Phấn đấu đến năm 2026 trồng mới hai mươi lăm héc-ta rừng.", 25, "ha"},
		{"Phấn đấu đến năm 2026 xây dựng sáu nghìn mét kênh mương.", 6, "nghìn m"},
		// "rưỡi" after a scale word: half of it, the scale in the unit of
		// a measure or currency, the whole number for a count
		{"Phấn đấu năm 2026 huy động hai tỷ rưỡi đồng cho quỹ.", 2.5, "tỷ đồng"},
		{"Mục tiêu năm 2026: xuất khẩu đạt ba triệu rưỡi USD.", 3.5, "triệu USD"},
		{"Phấn đấu đến năm 2030 kết nạp hai nghìn rưỡi đảng viên mới.", 2500, "đảng viên mới"},
		{"Phấn đấu đến năm 2026 trồng mới một trăm rưỡi héc-ta rừng.", 150, "ha"},
	} {
		ts, _ := FindTargetsWith(tt.text, TargetContext{Issued: "2025-01-01", Kind: "plan"}, nil)
		if len(ts) != 1 || ts[0].Value != tt.value || ts[0].Unit != tt.unit {
			var got []string
			for _, g := range ts {
				got = append(got, fmt.Sprintf("%g %s", g.Value, g.Unit))
			}
			t.Errorf("FindTargetsWith(%q, rules) = %v; want %g %s", tt.text, got, tt.value, tt.unit)
		}
	}
}

// flatTable writes a table one cell per line, as Markdown converted from a
// web page has it: a line "|" after every cell and another after each row;
// pre is what stands before the table on the same flattened page.
func flatTable(pre []string, rows ...[]string) string {
	var b strings.Builder
	b.WriteString("|\n")
	for _, c := range pre {
		b.WriteString(c + "\n|\n")
	}
	for _, r := range rows {
		for _, c := range r {
			if c != "" {
				b.WriteString(c + "\n")
			}
			b.WriteString("|\n")
		}
		b.WriteString("|\n")
	}
	return b.String()
}

// TestFindTargetsFlatTableCaption: a table flattened with the page before
// it glued to its header row ("Nơi nhận | … | PHỤ LỤC I DANH MỤC CÁC CHỈ
// TIÊU | TT | Chỉ tiêu | …") takes its header from the row's last cells and
// its sense from the caption: "Kết quả" under a caption of targets is the
// result to reach, and a group row's time frame holds for its rows.
func TestFindTargetsFlatTableCaption(t *testing.T) {
	pre := []string{"Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.", "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG"}
	head := []string{"TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì"}
	body := [][]string{
		{"I", "Giai đoạn 2025-2027"},
		{"1", "Tỉ lệ dịch vụ công trực tuyến toàn trình", "%", "100%", "Văn phòng Chính phủ"},
		{"2", "Tỉ lệ người dân hài lòng khi sử dụng dịch vụ công", "%", "95%", "Bộ Khoa học và Công nghệ"},
		{"II", "Giai đoạn 2028-2030"},
		{"1", "Tỉ lệ người dân hài lòng khi sử dụng dịch vụ công", "%", "99%", "Bộ Khoa học và Công nghệ"},
	}
	ctx := TargetContext{Kind: "decision", Issued: "2025-12-01"}
	targets := []tgWant{
		{"=", 100, 0, "%", "dịch vụ công trực tuyến", "2025..2027", -1},
		{"=", 95, 0, "%", "người dân", "2025..2027", -1},
		{"=", 99, 0, "%", "người dân", "2028..2030", -1},
	}
	for _, c := range []struct {
		name    string
		caption string
		want    []tgWant
	}{
		{"caption of targets", "PHỤ LỤC I\nDANH MỤC CÁC CHỈ TIÊU CỤ THỂ", targets},
		{"caption of results", "PHỤ LỤC I\nKẾT QUẢ THỰC HIỆN NĂM 2024", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows := append([][]string{append(append([]string{}, append(pre, c.caption)...), head...)}, body...)
			text := "QUYẾT ĐỊNH\n\n" + flatTable(nil, rows...)
			checkTargets(t, text, ctx, c.want)
		})
	}
}

// TestFindTargetsTableDatedGroup: a group row's time frame ("I | Giai
// đoạn 2026-2027") holds for the rows of its sub-groups ("1 | Dịch vụ
// số"), and a frame after the document's year makes them targets.
func TestFindTargetsTableDatedGroup(t *testing.T) {
	text := "QUYẾT ĐỊNH\n\n" +
		"| TT | Nội dung | Đơn vị | Giá trị |\n" +
		"|---|---|---|---|\n" +
		"| I | Giai đoạn 2026-2027 | | |\n" +
		"| 1 | Dịch vụ số | | |\n" +
		"| a | Tỷ lệ hồ sơ được số hóa | % | 90 |\n" +
		"| II | Giai đoạn 2028-2030 | | |\n" +
		"| 1 | Dịch vụ số | | |\n" +
		"| a | Tỷ lệ hồ sơ được số hóa | % | 100 |\n"
	checkTargets(t, text, TargetContext{Kind: "decision", Issued: "2025-12-01"}, []tgWant{
		{"=", 90, 0, "%", "hồ sơ", "2026..2027", -1},
		{"=", 100, 0, "%", "hồ sơ", "2028..2030", -1},
	})
	// the same table in a decision of 2031 reviews what was done
	checkTargets(t, text, TargetContext{Kind: "decision", Issued: "2031-01-10"}, nil)
}

// TestFindTargetsLabelPassive: in a row's label a passive predicate
// ("được", "bị") ends the subject even when a verb of a noun phrase comes
// before it ("kết quả giải quyết thủ tục").
func TestFindTargetsLabelPassive(t *testing.T) {
	for _, c := range []struct{ text, subject, indicator string }{
		{"Chỉ tiêu năm 2026:\n- Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa: 100%.\n",
			"hồ sơ, kết quả giải quyết thủ tục hành chính", "được số hóa"},
		{"Chỉ tiêu năm 2026:\n- Tỷ lệ hộ gia đình sử dụng nước sạch: 95%.\n",
			"hộ gia đình", "sử dụng nước sạch"},
	} {
		got := FindTargets(c.text, TargetContext{Issued: "2025-12-01"})
		if len(got) != 1 || got[0].Subject != c.subject || got[0].Indicator != c.indicator {
			t.Errorf("FindTargets(%q) = %+v; want subject %q, indicator %q", c.text, got, c.subject, c.indicator)
		}
	}
}

// TestFindTargetsPageBreakItems: pages (and slides) are joined by "\f"
// alone; a page that opens a list item, or follows one that ends a
// sentence, starts a paragraph of its own, while a sentence broken across
// pages stays one.
func TestFindTargetsPageBreakItems(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       int
	}{
		{"items on pages", "Chỉ tiêu đến năm 2030:\f- Tỷ lệ hộ gia đình sử dụng nước sạch: 95%;\f- Tỷ lệ xã đạt chuẩn nông thôn mới: 80%.", 2},
		{"sentence across pages", "Phấn đấu đến năm 2030 tỷ lệ hộ gia đình sử dụng nước sạch\fđạt 95%.", 1},
	} {
		got := FindTargets(c.text, TargetContext{Issued: "2025-01-10"})
		if len(got) != c.want {
			t.Errorf("%s: FindTargets(%q) = %d targets %+v; want %d", c.name, c.text, len(got), got, c.want)
		}
	}
	if p := tgParagraphs("a:\fb"); len(p) != 2 {
		t.Errorf("tgParagraphs(%q) = %v; want two paragraphs", "a:\fb", p)
	}
	if p := tgParagraphs("a\fb"); len(p) != 1 {
		t.Errorf("tgParagraphs(%q) = %v; want one paragraph", "a\fb", p)
	}
}

// TestFindTargetsWrappedAtRange: a line wrapped before a range of years
// or a date ("… giai đoạn\n2021-2025 từ 7,5-8%") goes on with the
// paragraph, as OCR and fixed-width text wrap it; "2." or "4-" opening a
// line is a label.
func TestFindTargetsWrappedAtRange(t *testing.T) {
	wrapped := "TP cũng xác định 17 chỉ tiêu chủ yếu, như tốc độ tăng trưởng tổng sản phẩm GRDP giai đoạn\n" +
		"2021-2025 từ 7,5-8%; tỷ trọng kinh tế số trong GRDP chiếm khoảng 30%; tỷ lệ trường chuẩn\n" +
		"quốc gia từ 80-85%; 100% huyện đạt chuẩn nông thôn mới.\n"
	joined := strings.ReplaceAll(strings.TrimSuffix(wrapped, "\n"), "\n", " ") + "\n"
	c := TargetContext{Issued: "2021-01-10"}
	got, want := FindTargets(wrapped, c), FindTargets(joined, c)
	if len(got) != len(want) || len(want) < 4 {
		t.Errorf("wrapped text gives %d targets, joined %d; want the same, at least 4", len(got), len(want))
	}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Các chỉ tiêu chủ yếu của thành phố trong giai đoạn tới được xác định như sau đây, gồm\n2021-2025 từ 7,5%", true},
		{"Các chỉ tiêu chủ yếu của thành phố trong giai đoạn tới được xác định như sau đây, gồm\n2. Tỷ lệ hộ nghèo", false},
		{"Các chỉ tiêu chủ yếu của thành phố trong giai đoạn tới được xác định như sau đây, gồm\n4- Tỷ lệ hộ nghèo", false},
		{"Các chỉ tiêu chủ yếu của thành phố trong giai đoạn tới được xác định như sau đây, gồm\n3) Tỷ lệ hộ nghèo", false},
	} {
		if p := tgParagraphs(c.text); (len(p) == 1) != c.want {
			t.Errorf("tgParagraphs(%q) = %d paragraphs; want one: %v", c.text, len(p), c.want)
		}
	}
}

// TestFindTargetsSubjectNounPhrase: a measure's name ("tỷ lệ …", "số …")
// is one noun phrase, commas and verbs inside it included; a label that
// is only a time frame names no subject; a level reached right after a
// growth rate ("tăng 10%, đạt …") is the same subject's.
func TestFindTargetsSubjectNounPhrase(t *testing.T) {
	c := TargetContext{Issued: "2025-01-10", Kind: "plan"}
	for _, tc := range []struct {
		text    string
		value   float64
		subject string
	}{
		{"Mục tiêu: Đến năm 2030, tỷ lệ thu gom, xử lý rác thải nhựa tại các bãi biển, khu du lịch biển đạt 100%.", 100,
			"tỷ lệ thu gom, xử lý rác thải nhựa tại các bãi biển, khu du lịch biển"},
		{"Phấn đấu số vụ phạm tội về ma túy được phát hiện, bắt giữ tăng trên 3%/năm.", 3,
			"vụ phạm tội về ma túy được phát hiện, bắt giữ"},
		{"Chỉ tiêu đến năm 2030:\n- Đến hết năm 2030: 100% hợp tác xã trên địa bàn tỉnh ứng dụng công nghệ số.", 100,
			"hợp tác xã trên địa bàn tỉnh"}, // (the predicate "ứng dụng …" may follow)
		{"Năm 2025, ngân hàng đặt mục tiêu dư nợ tín dụng tăng 10%, đạt hơn 815 nghìn tỷ đồng.", 815,
			"dư nợ tín dụng"},
		// a comma between two clauses still splits them
		{"Mục tiêu năm 2025: thu ngân sách đạt kế hoạch, GRDP tăng 7%.", 7, "GRDP"},
	} {
		ts, _ := FindTargetsWith(tc.text, c, nil)
		got := lastWithValue(ts, tc.value)
		if got == nil {
			t.Errorf("FindTargets(%q): no target of %g in %+v", tc.text, tc.value, ts)
			continue
		}
		if !strings.HasPrefix(got.Subject, tc.subject) {
			t.Errorf("FindTargets(%q) subject %q; want it to open with %q", tc.text, got.Subject, tc.subject)
		}
	}
	// a level after a growth rate in another clause is no part of it
	ts, _ := FindTargetsWith("Năm 2025, ngân hàng đặt mục tiêu tín dụng tăng 10%; lợi nhuận đạt 900 tỷ đồng.", c, nil)
	for _, x := range ts {
		if x.Value == 900 && x.Subject != "lợi nhuận" {
			t.Errorf("900 tỷ đồng: subject %q; want lợi nhuận", x.Subject)
		}
	}
}

// TestFindTargetsForecastSection: a part whose heading opens with "Dự
// báo" sets no targets, though its heading names "chỉ tiêu"; the part
// after it does.
func TestFindTargetsForecastSection(t *testing.T) {
	c := TargetContext{Issued: "2025-07-01", Kind: "plan"}
	text := "II. DỰ BÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 03 NĂM 2026 - 2028\n" +
		"1. Dự báo các chỉ tiêu kinh tế - xã hội đến năm 2026\n" +
		"- Tổng vốn đầu tư xã hội đạt khoảng 270.000 tỷ đồng.\n" +
		"- Kim ngạch xuất khẩu đạt khoảng 8,95 tỷ USD.\n" +
		"III. MỤC TIÊU, CHỈ TIÊU NĂM 2026\n" +
		"- Phấn đấu tỷ lệ hộ nghèo giảm 1%.\n"
	checkTargets(t, text, c, []tgWant{{"=", 1, 0, "%", "tỷ lệ hộ nghèo", "2026..2026", -1}})
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"ii. dự báo các chỉ tiêu", true},
		{"**1. dự báo\ncác chỉ tiêu kinh tế", true},
		{"a) dự báo tình hình", true},
		{"dự báo tình hình năm 2026", true},
		{"ii. mục tiêu và dự báo", false},
		{"dự báo", false},
	} {
		if got := tgForecastHeading(tc.line); got != tc.want {
			t.Errorf("tgForecastHeading(%q) = %v; want %v", tc.line, got, tc.want)
		}
	}
}

// TestFindTargetsSheetGroupRows: a spreadsheet row whose other cells are
// empty ("A. Chỉ tiêu kinh tế") comes out of the reader without a bar; it
// is a group row that neither ends the table nor joins its header, so the
// plan column is still told from the outturn and estimate columns.
func TestFindTargetsSheetGroupRows(t *testing.T) {
	text := "1. MỘT SỐ CHỈ TIÊU TỔNG HỢP\n" +
		"Số TT | Tên chỉ tiêu | Đơn vị tính | Thực hiện năm 2001 | Ước TH năm 2002 | Kế hoạch năm 2003\n" +
		"A. Chỉ tiêu kinh tế\n" +
		"1 | Tốc độ tăng tổng sản phẩm trong nước (GDP) | % | 6,8 | 7 | 7,5\n" +
		"B. Chỉ tiêu xã hội\n" +
		"2 | Tỉ lệ hộ nghèo | % | 16 | 14,3 | 12,5\n"
	checkTargets(t, text, TargetContext{Kind: "plan", Issued: "2002-11-20"}, []tgWant{
		{"=", 7.5, 0, "%", "tổng sản phẩm trong nước", "2003..2003", -1},
		{"=", 12.5, 0, "%", "hộ nghèo", "2003..2003", -1},
	})
	for _, tc := range []struct {
		name string
		text string
		want bool
	}{
		{"group row inside", "a | b | 1 | 2\nA. Nhóm\nc | d | 2 | 3,5\n", true},
		{"paragraph after the table", "a | b | 1\nĐoạn văn sau bảng.\n\nc", false},
		{"last line", "a | b | 1\nA. Nhóm", false},
		{"caption of another table", "a | b | 1 | 2\nBảng 2. Kế hoạch 2004\nChỉ tiêu | Năm 2004 | Năm 2005\n", false},
	} {
		lines := tgLines(tc.text)
		line := strings.TrimSpace(tc.text[lines[1].start:lines[1].end])
		if got := tgGroupLine(tc.text, lines, 1, line); got != tc.want {
			t.Errorf("%s: tgGroupLine(%q) = %v; want %v", tc.name, line, got, tc.want)
		}
	}
}

// TestFindTargetsSameWordsTwoCases: the same words under two headings or
// two labelled items set the same level for two cases (grades of an
// evaluation, kinds of unit): two targets; under one heading they are one
// target restated.
func TestFindTargetsSameWordsTwoCases(t *testing.T) {
	item := "Hoàn thành 100% các nhiệm vụ được giao."
	for _, tc := range []struct {
		name, text string
		n          int
	}{
		{"two numbered grades", "Tiêu chí xếp loại như sau:\n\n(1) Hoàn thành xuất sắc nhiệm vụ: tổng điểm đạt từ 90 điểm trở lên. Đồng thời, phải đáp ứng các điều kiện sau:\n\n- Đối với tập thể: " + item +
			"\n\n(2) Hoàn thành tốt nhiệm vụ: tổng điểm đạt từ 70 điểm trở lên. Đồng thời, phải đáp ứng các điều kiện sau:\n\n- Đối với tập thể: " + item, 4},
		{"two headings", "Tiêu chí xếp loại như sau:\n\n**1. Hoàn thành xuất sắc nhiệm vụ**\n\nĐạt các tiêu chí sau: " + item +
			"\n\n**2. Hoàn thành tốt nhiệm vụ**\n\nĐạt các tiêu chí sau: " + item, 2},
		{"two labels", "Tập thể, cá nhân phải đáp ứng các điều kiện sau:\n\n- Đối với tập thể: " + item + "\n\n- Đối với cá nhân: " + item, 2},
		{"one list, said twice", "Tập thể phải đáp ứng các điều kiện sau:\n\n- Đối với tập thể: " + item + "\n\n- Đối với tập thể: " + item, 1},
		{"headline and body", "Phấn đấu hoàn thành 100% nhiệm vụ được giao\n\nNăm 2026, đơn vị phấn đấu hoàn thành 100% nhiệm vụ được giao.", 1},
	} {
		got, _ := FindTargetsWith(tc.text, TargetContext{}, nil)
		if len(got) != tc.n {
			var b strings.Builder
			for _, g := range got {
				fmt.Fprintf(&b, "\n  %s %v %s: %q", g.Comparator, g.Value, g.Unit, g.Text)
			}
			t.Errorf("%s: %d targets; want %d%s", tc.name, len(got), tc.n, b.String())
		}
	}
}

// TestFindTargetsSpelledOut: "Cụ thể, …" after a sentence that sets
// targets spells them out; a plan's "dự kiến" there (and in the sentences
// its context carries to) is the plan's figure, not a forecast. Without a
// target sentence before it, "dự kiến" stays a forecast.
func TestFindTargetsSpelledOut(t *testing.T) {
	lead := "Năm 2026, ngân hàng đặt mục tiêu tăng trưởng 25% đối với các chỉ tiêu hoạt động. "
	for _, tc := range []struct {
		name, text string
		want       []float64
	}{
		{"spelled out", lead + "Cụ thể, tổng tài sản dự kiến đạt 150.000 tỷ đồng; tổng dư nợ dự kiến là 90.549 tỷ đồng.", []float64{25, 150000, 90549}},
		{"colon", lead + "Cụ thể: tổng tài sản dự kiến đạt 150.000 tỷ đồng.", []float64{25, 150000}},
		{"carried on", lead + "Cụ thể, tổng tài sản dự kiến đạt 150.000 tỷ đồng.\n\nLợi nhuận trước thuế dự kiến đạt 4.400 tỷ đồng.", []float64{25, 150000, 4400}},
		{"no target before", "Ngân hàng vừa công bố báo cáo quý I. Cụ thể, tổng tài sản dự kiến đạt 150.000 tỷ đồng.", nil},
		{"not opening the sentence", lead + "Tổng tài sản dự kiến đạt 150.000 tỷ đồng, cụ thể là cho vay.", []float64{25}},
		{"a result spelled out", lead + "Cụ thể, năm 2025 tổng tài sản đã đạt 120.000 tỷ đồng.", []float64{25}},
	} {
		got, _ := FindTargetsWith(tc.text, TargetContext{}, nil)
		var vals []float64
		for _, g := range got {
			vals = append(vals, g.Value)
		}
		if fmt.Sprint(vals) != fmt.Sprint(tc.want) {
			t.Errorf("%s: values %v; want %v", tc.name, vals, tc.want)
		}
	}
}

// TestSpellsOut: the opening words of a sentence that details the one
// before.
func TestSpellsOut(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Cụ thể, tổng tài sản đạt 150.000 tỷ đồng.", true},
		{"Cụ thể: doanh thu 500 tỷ đồng.", true},
		{"Cụ thể là doanh thu 500 tỷ đồng.", true},
		{"**Cụ thể,** doanh thu 500 tỷ đồng.", true},
		{"Cụ thể hóa mục tiêu đạt 500 tỷ đồng.", false},
		{"Doanh thu cụ thể, 500 tỷ đồng.", false},
	} {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		if got := tgSpellsOut(toks, 0, len(toks)); got != tc.want {
			t.Errorf("tgSpellsOut(%q) = %v; want %v", tc.text, got, tc.want)
		}
	}
}

// TestFindTargetsComparedGoal: a goal a figure is compared with ("…, cao
// hơn mục tiêu 10%") measures what the figure does: its subject is the
// figure's, not the words of the comparison.
func TestFindTargetsComparedGoal(t *testing.T) {
	for _, tc := range []struct {
		text, subject string
	}{
		{"Tăng trưởng xuất khẩu giai đoạn 2015-2019 đạt trung bình 12%/năm, cao hơn mục tiêu 10% do Đại hội đề ra.", "Tăng trưởng xuất khẩu"},
		{"Quy mô nợ Chính phủ đến cuối năm 2020 khoảng 48% GDP, thấp hơn khá nhiều so với mục tiêu không quá 54%.", "Quy mô nợ Chính phủ"},
		{"Giá trị sản xuất xây dựng đạt 9,2% so với kế hoạch đề ra từ 8,46 đến 9,21%.", "Giá trị sản xuất xây dựng"},
		// no figure before the goal: the subject stays
		{"Tỷ lệ hộ nghèo phấn đấu giảm còn dưới 2%.", "Tỷ lệ hộ nghèo"},
	} {
		ts, _ := FindTargetsWith(tc.text, TargetContext{}, nil)
		if len(ts) == 0 || ts[len(ts)-1].Subject != tc.subject {
			var got []string
			for _, x := range ts {
				got = append(got, x.Subject)
			}
			t.Errorf("FindTargets(%q) subjects %q; want the last %q", tc.text, got, tc.subject)
		}
	}
}

// TestComparison: the words of a comparison are no subject.
func TestComparison(t *testing.T) {
	for _, tc := range []struct {
		subj string
		want bool
	}{
		{"cao hơn", true},
		{"thấp hơn khá nhiều so", true},
		{"GDP vào, thấp hơn khá nhiều so", true},
		{"so với kế hoạch", true},
		{"mức cao hơn so với đánh giá hồi", true},
		{"hơn", true},
		{"tỷ lệ hộ nghèo", false},
		{"số người có trình độ cao hơn", false},
		{"sổ sách", false},
	} {
		if got := tgComparison(tc.subj); got != tc.want {
			t.Errorf("tgComparison(%q) = %v; want %v", tc.subj, got, tc.want)
		}
	}
}

// TestFindTargetsDateFrameWords: the words that frame a date ("Từ năm
// 2025 trở đi", "Kể từ năm 2026", "trở về sau") go with it: they name no
// subject.
func TestFindTargetsDateFrameWords(t *testing.T) {
	for _, tc := range []struct {
		text, subject string
	}{
		{"Mục tiêu cụ thể:\n\n- Từ năm 2025 trở đi 100% đài phát thanh và đài truyền hình ở địa phương có chuyên mục về bình đẳng giới.", "đài phát thanh và đài truyền hình ở địa phương"},
		{"Mục tiêu cụ thể:\n\n- Kể từ năm 2026, 100% xã có điểm bưu điện văn hóa.", "xã"},
		{"Mục tiêu cụ thể:\n\n- Từ năm 2026 trở về sau, tỷ lệ hộ dân dùng nước sạch đạt 90%.", "tỷ lệ hộ dân dùng nước sạch"},
		{"Từ nay đến năm 2030, trồng mới 500 ha rừng.", "rừng"},
		{"Phấn đấu từ nay tới năm 2030 có 95% người dân tham gia bảo hiểm y tế.", "người dân"},
		// "từ" before no date stays: "thu từ thuế"
		{"Chỉ tiêu: thu từ thuế đạt 500 tỷ đồng năm 2026.", "thu từ thuế"},
	} {
		ts, _ := FindTargetsWith(tc.text, TargetContext{}, nil)
		if len(ts) != 1 || ts[0].Subject != tc.subject {
			var got []string
			for _, x := range ts {
				got = append(got, x.Subject)
			}
			t.Errorf("FindTargets(%q) subjects %q; want %q", tc.text, got, tc.subject)
		}
	}
}

// TestFindTargetsBaseYearNoFrame: a base of comparison ("so với năm
// 2019") frames nothing that follows it; a time frame before it still does.
func TestFindTargetsBaseYearNoFrame(t *testing.T) {
	for _, tc := range []struct {
		text, period string
	}{
		{"Doanh thu đạt 500 tỷ đồng, tăng 5% so với năm 2019. Mục tiêu lợi nhuận tăng 13%.", ""},
		{"Năm 2020, lợi nhuận tăng 10% so với năm 2019. Ngân hàng đặt mục tiêu lợi nhuận trước thuế tăng 13%.", "2020..2020"},
	} {
		ts, _ := FindTargetsWith(tc.text, TargetContext{}, nil)
		if len(ts) != 1 || tgPeriodString(ts[0].Period) != tc.period {
			var got []string
			for _, x := range ts {
				got = append(got, fmt.Sprintf("%g %s", x.Value, tgPeriodString(x.Period)))
			}
			t.Errorf("FindTargets(%q) = %q; want one target of period %q", tc.text, got, tc.period)
		}
	}
}

// TestFindTargetsOnwardPeriod: "từ năm 2025 trở đi" is a time frame from
// 2025 on, with no end; "đến năm 2030" one up to 2030.
func TestFindTargetsOnwardPeriod(t *testing.T) {
	for _, tc := range []struct {
		text, period string
	}{
		{"Mục tiêu cụ thể:\n\n- Từ năm 2025 trở đi 100% đài phát thanh ở địa phương có chuyên mục về bình đẳng giới.", "2025.."},
		{"Mục tiêu cụ thể:\n\n- Tỷ lệ nữ thạc sĩ đạt 50% từ năm 2025 trở đi.", "2025.."},
		{"Mục tiêu cụ thể:\n\n- Từ năm 2026 trở về sau, tỷ lệ hộ dân dùng nước sạch đạt 90%.", "2026.."},
		{"Mục tiêu cụ thể:\n\n- Đến năm 2030, tỷ lệ hộ dân dùng nước sạch đạt 90%.", "..2030"},
		// "từ nay đến năm 2030" ends at 2030: "từ nay" is no base
		{"Mục tiêu cụ thể:\n\n- Từ nay đến năm 2030, trồng mới 500 ha rừng.", "..2030"},
		{"Phấn đấu từ nay đến năm 2030 trồng mới 600 ha rừng.", "..2030"},
	} {
		ts, _ := FindTargetsWith(tc.text, TargetContext{Issued: "2024-05-01"}, nil)
		if len(ts) != 1 || tgPeriodString(ts[0].Period) != tc.period {
			var got []string
			for _, x := range ts {
				got = append(got, fmt.Sprintf("%g %s", x.Value, tgPeriodString(x.Period)))
			}
			t.Errorf("FindTargets(%q) = %q; want one target of period %q", tc.text, got, tc.period)
		}
	}
	for _, tc := range []struct {
		after string
		want  bool
	}{
		{" trở đi 100% đài", true}, {" trở đi.", true}, {" trở về sau, tỷ lệ", true}, {"* trở đi", true},
		{" trở lên", false}, {", trở đi", false}, {" trở về quê", false}, {"", false},
	} {
		if got := tgOnward(tc.after); got != tc.want {
			t.Errorf("tgOnward(%q) = %v; want %v", tc.after, got, tc.want)
		}
	}
}

// TestFindTargetsTableCaptionUnit: a caption that gives the unit of a
// whole table ("ĐVT: tỷ đồng" above it or in its header, "(Đơn vị tính:
// triệu đồng)") is the unit of its bare numbers; a unit of the row or the
// column still comes first.
func TestFindTargetsTableCaptionUnit(t *testing.T) {
	ctx := TargetContext{Kind: "plan", Issued: "2025-12-01"}
	table := "| STT | Chỉ tiêu | Kế hoạch năm 2026 |\n|---|---|---|\n| 1 | Thu ngân sách nhà nước trên địa bàn | 1.250 |\n| 2 | Chi đầu tư phát triển | 480 |\n"
	for _, tc := range []struct {
		name, text, unit string
		n                int
	}{
		{"ĐVT above", "KẾ HOẠCH\n\nCác chỉ tiêu chủ yếu năm 2026:\n\nĐVT: tỷ đồng\n\n" + table, "tỷ đồng", 2},
		{"Đơn vị tính in brackets", "KẾ HOẠCH\n\nCác chỉ tiêu chủ yếu năm 2026 (Đơn vị tính: triệu đồng)\n\n" + table, "triệu đồng", 2},
		{"in a header row", "KẾ HOẠCH\n\nCác chỉ tiêu chủ yếu năm 2026:\n\n| ĐVT: tỷ đồng | | |\n" + table, "tỷ đồng", 2},
		{"no caption", "KẾ HOẠCH\n\nCác chỉ tiêu chủ yếu năm 2026:\n\n" + table, "", 0},
		{"not a unit", "KẾ HOẠCH\n\nCác chỉ tiêu chủ yếu năm 2026:\n\nĐơn vị: Sở Tài chính\n\n" + table, "", 0},
	} {
		got, _ := FindTargetsWith(tc.text, ctx, nil)
		ok := len(got) == tc.n
		for _, g := range got {
			ok = ok && g.Unit == tc.unit
		}
		if !ok {
			var b strings.Builder
			for _, g := range got {
				fmt.Fprintf(&b, "\n  %s %v %s: %q", g.Comparator, g.Value, g.Unit, g.Text)
			}
			t.Errorf("%s: %d targets; want %d in %q%s", tc.name, len(got), tc.n, tc.unit, b.String())
		}
	}
}

// TestLabelBound: "tối thiểu" or "tối đa" in the label before a colon
// bounds the number after it; a bound of an earlier label does not.
func TestLabelBound(t *testing.T) {
	for _, tt := range []struct {
		text string
		cmp  string
		ok   bool
	}{
		{"Số phòng tối thiểu mỗi căn hộ: 4", ">=", true},
		{"Diện tích tối đa: 30", "<=", true},
		{"Diện tích bình quân mỗi căn hộ: 50", "", false},
		{"Số phòng tối thiểu: 4 phòng; diện tích: 50", "", false},
		{"Số phòng tối thiểu 4", "", false},
	} {
		toks := tgTokenize(tt.text, 0, len(tt.text))
		b := len(toks) - 1 // the last number
		cmp, ok := tgLabelBound(toks, 0, b)
		if cmp != tt.cmp || ok != tt.ok {
			t.Errorf("tgLabelBound(%q) = %q, %v; want %q, %v", tt.text, cmp, ok, tt.cmp, tt.ok)
		}
	}
}
