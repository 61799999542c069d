package extract

import "testing"

func TestNormalizeUnit(t *testing.T) {
	tests := []struct{ in, want string }{
		{"%", "%"},
		{"tỉ đồng", "tỷ đồng"},
		{"Tỷ đồng", "tỷ đồng"},
		{"VNĐ", "đồng"},
		{"hecta", "ha"},
		{"ngàn tỷ đồng", "ngàn tỷ đồng"}, // a dialect word, not a spelling: kept as written
		{"usd/người/năm", "USD/người/năm"},
		{"triệu đồng/người/năm", "triệu đồng/người/năm"},
		{"phần trăm", "%"},
		{"km2", "km2"},
		{"km²", "km²"},
		{"xã", "xã"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizeUnit(tt.in); got != tt.want {
			t.Errorf("NormalizeUnit(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestMatchUnit(t *testing.T) {
	tests := []struct {
		in    string // the text after a number
		want  string
		ok    bool
		count bool
	}{
		{"% dân số", "%", true, false},
		{"%/năm", "%/năm", true, false},
		{"triệu đồng/người/năm", "triệu đồng/người/năm", true, false},
		{"tỷ đồng", "tỷ đồng", true, false},
		{"nghìn tỷ đồng", "nghìn tỷ đồng", true, false},
		{"tỉ USD", "tỷ USD", true, false},
		{"USD", "USD", true, false},
		{"ha rừng", "ha", true, false},
		{"km đường giao thông", "km", true, false}, // the measure wins
		{"xã đạt chuẩn", "xã", true, true},
		{"đảng viên mới", "đảng viên mới", true, true},
		{"giường bệnh/1 vạn dân", "giường bệnh/1 vạn dân", true, true},
		{"bác sĩ", "bác sĩ", true, true},
		{"phần trăm", "%", true, false},
		{"héc-ta rừng", "ha", true, false},
		{"héc ta rừng", "ha", true, false},
		{"ki-lô-mét đường", "km", true, false},
		{"ki lô mét đường", "km", true, false},
		{"mét kênh mương", "m", true, false},
		{"mét vuông sàn", "m²", true, false},
		{"nghìn mét khối nước", "nghìn m³", true, false},
		{"ki-lô-gam", "kg", true, false},
		{"tấn - năm", "tấn", true, false}, // a spaced dash is no hyphen
		{"đô la Mỹ", "USD", true, false},
		{"năm", "", false, false},                                // a duration
		{"tháng đầu năm", "", false, false},                      // a duration
		{"nghìn", "", false, false},                              // a bare scale
		{"triệu DN hoạt động", "triệu doanh nghiệp", true, true}, // an abbreviated count noun
		{"nghìn DN tư nhân", "nghìn doanh nghiệp", true, true},
		{"HTX nông nghiệp", "hợp tác xã", true, true},
		{"nghìn Dn", "", false, false}, // capitals only
		{"nhiệm vụ", "", false, false}, // not a counted unit
		{"", "", false, false},         // nothing
	}
	for _, tt := range tests {
		toks := tgTokenize(tt.in, 0, len(tt.in))
		u, ok := tgMatchUnit(toks, 0)
		if ok != tt.ok || ok && (u.text != tt.want || u.count != tt.count) {
			t.Errorf("tgMatchUnit(%q) = %q (count %v), %v; want %q (count %v), %v", tt.in, u.text, u.count, ok, tt.want, tt.count, tt.ok)
		}
	}
}
