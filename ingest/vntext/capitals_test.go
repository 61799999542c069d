package vntext

import "testing"

func TestTCVN3Capitals(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ủY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"},
		{"Về VIỆC SỬA ĐỔI, BỔ SUNG", "VỀ VIỆC SỬA ĐỔI, BỔ SUNG"},
		{"DI TÍCH LỊCH Sử, CÔNG TRÌNH", "DI TÍCH LỊCH SỬ, CÔNG TRÌNH"},
		{"LĨNH VỰC Y Tế, GIÁO DỤC", "LĨNH VỰC Y TẾ, GIÁO DỤC"},
		{"NGHị QUYếT", "NGHỊ QUYẾT"}, // words that are not candidates stay... unless all their lowercase letters are toned
		{"Về việc ban hành quy chế", "Về việc ban hành quy chế"},
		{"Sở Tư pháp tỉnh", "Sở Tư pháp tỉnh"},
		{"Hà Nội, ngày 5 tháng 3", "Hà Nội, ngày 5 tháng 3"},
		{"Ở", "Ở"},
		{"bộ Y Tế", "bộ Y Tế"}, // no neighbour of two capitals
		{"ĐẢNG ỦY\nVề việc", "ĐẢNG ỦY\nVề việc"},
		{"NGHỊ QUYẾT\n\nVề\nVIỆC SỬA ĐỔI", "NGHỊ QUYẾT\n\nVỀ\nVIỆC SỬA ĐỔI"}, // wrapped after its first word
		{"QUYẾT ĐỊNH\n\nVề việc", "QUYẾT ĐỊNH\n\nVề việc"},                   // a blank line is an edge
		{"ascii ONLY", "ascii ONLY"},
		{"sinh | Nợ | Có | tự | Nợ | CÓ | NỢ", "sinh | Nợ | Có | tự | Nợ | CÓ | NỢ"}, // undecided words vouch for nothing
		{"Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"},
		{"- Lưu VP (02), Vụ CĐKT.", "- Lưu VP (02), Vụ CĐKT."},                 // abbreviations vouch for nothing
		{"QUYẾT ĐỊNH\nSố:..........\nNGÀY", "QUYẾT ĐỊNH\nSố:..........\nNGÀY"}, // not alone on its line
		{"SỞ TÀI CHÍNH\nSố : /QĐ. BQL–VP Vũng Tàu", "SỞ TÀI CHÍNH\nSố : /QĐ. BQL–VP Vũng Tàu"},
	} {
		if got := TCVN3Capitals(tc.in); got != tc.want {
			t.Errorf("TCVN3Capitals(%q) = %q; want %q", tc.in, got, tc.want)
		}
		if got := TCVN3Capitals(TCVN3Capitals(tc.in)); got != tc.want {
			t.Errorf("TCVN3Capitals is not idempotent on %q: %q", tc.in, got)
		}
	}
}
