package extract

import (
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
