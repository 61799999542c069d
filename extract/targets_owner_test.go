package extract

import "testing"

// TestQuotaOnly: a subject that names only a quota and its giver, not
// one that names what is measured.
func TestQuotaOnly(t *testing.T) {
	for _, tc := range []struct {
		subj      string
		quotaNear bool
		want      bool
	}{
		{"Tổng cục Hải quan giao", false, true},
		{"UBND tỉnh Bắc Sơn giao chỉ tiêu", false, true},
		{"chỉ tiêu do TCHQ, UBND tỉnh giao", false, true},
		{"dự toán giao", false, true},
		{"vượt chỉ tiêu giao lần 3", false, true},
		{"được", true, true}, // "để đạt được kế hoạch …"
		{"", true, true},     // "chỉ tiêu 11.500 tỷ đồng"
		{"", false, false},   // no quota at all
		{"CIR", true, false}, // "kế hoạch CIR ở mức …": what the plan is of
		{"thu ngân sách", false, false},
		{"doanh thu", true, false},
		{"đề ra các giải pháp", false, false},
	} {
		if got := tgQuotaOnly(tc.subj, tc.quotaNear); got != tc.want {
			t.Errorf("tgQuotaOnly(%q, %v) = %v; want %v", tc.subj, tc.quotaNear, got, tc.want)
		}
	}
}

// TestCompanyAt: the name of a company and its short name; a reference
// back or a public bank is none.
func TestCompanyAt(t *testing.T) {
	for _, tc := range []struct {
		text, name, short string
	}{
		{"Tập đoàn Xây dựng Minh Phát cũng vừa thông qua", "Tập đoàn Xây dựng Minh Phát", ""},
		{"Ngân hàng TMCP Phương Nam (PNB) tổ chức", "Ngân hàng TMCP Phương Nam (PNB)", "PNB"},
		{"Ngân hàng PNB đặt kế hoạch", "Ngân hàng PNB", "PNB"},
		{"Công ty cổ phần Xuất nhập khẩu Sông Hồng cũng đã", "Công ty cổ phần Xuất nhập khẩu Sông Hồng", ""},
		{"Tổng công ty Phân bón và hóa chất miền Nam (PBM) dự kiến", "Tổng công ty Phân bón và hóa chất miền Nam (PBM)", "PBM"},
		{"Công ty đặt kế hoạch trúng thầu", "", ""},
		{"Ngân hàng Nhà nước đặt mục tiêu", "", ""},
		{"công ty Sông Hồng", "", ""}, // no capital: a common noun
	} {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		name, short := "", ""
		if end, s, ok := tgCompanyAt(toks, 0); ok {
			name, short = tc.text[:toks[end-1].end], s
		}
		if name != tc.name || short != tc.short {
			t.Errorf("tgCompanyAt(%q) = %q, %q; want %q, %q", tc.text, name, short, tc.name, tc.short)
		}
	}
}
