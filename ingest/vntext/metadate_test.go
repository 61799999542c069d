package vntext

import "testing"

func TestMetaDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2019-02-19T08:30:00Z", "2019-02-19T08:30"},
		{"2019-02-19", "2019-02-19"},
		{" 2020-12-07 08:05:00+07:00", "2020-12-07T08:05"},
		{"2019-13-01", ""},
		{"2019-02-19T25:00", "2019-02-19"},
		{"1850-01-01", ""},
		{"hôm qua", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := MetaDate(tt.in); got != tt.want {
			t.Errorf("MetaDate(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestEncCount(t *testing.T) {
	c := EncCount{}
	if got := c.Most(); got != "" {
		t.Errorf("empty Most() = %q; want \"\"", got)
	}
	c.Add("")
	c.Add(EncVNI)
	c.Add(EncTCVN3)
	if got := c.Most(); got != EncTCVN3 && got != EncVNI {
		t.Fatalf("Most() = %q", got)
	}
	want := c.Most()
	for i := 0; i < 20; i++ { // a tie has one answer, whatever the map order
		if got := c.Most(); got != want {
			t.Fatalf("Most() = %q then %q", want, got)
		}
	}
	c.Add(EncVNI)
	if got := c.Most(); got != EncVNI {
		t.Errorf("Most() = %q; want %q", got, EncVNI)
	}
	if c[""] != 0 {
		t.Errorf("\"\" was counted")
	}
}
