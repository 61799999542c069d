package extract

import (
	"testing"
	"time"
)

func TestParseISO(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // RFC 3339 of the instant
		p    Precision
		next string // RFC 3339 of p.Next
	}{
		{"2011", "2011-01-01T00:00:00Z", PrecisionYear, "2012-01-01T00:00:00Z"},
		{"2011-07", "2011-07-01T00:00:00Z", PrecisionMonth, "2011-08-01T00:00:00Z"},
		{"2011-12", "2011-12-01T00:00:00Z", PrecisionMonth, "2012-01-01T00:00:00Z"},
		{"2024-02-29", "2024-02-29T00:00:00Z", PrecisionDay, "2024-03-01T00:00:00Z"},
		{"2011-07-10T19:35", "2011-07-10T19:35:00Z", PrecisionMinute, "2011-07-10T19:36:00Z"},
		{"2011-07-10T19:35:20", "2011-07-10T19:35:20Z", PrecisionSecond, "2011-07-10T19:35:20Z"},
		{"2011-07-10T19:35:00+07:00", "2011-07-10T19:35:00+07:00", PrecisionSecond, "2011-07-10T19:35:00+07:00"},
		{"2011-07-10T19:35:00Z", "2011-07-10T19:35:00Z", PrecisionSecond, "2011-07-10T19:35:00Z"},
	} {
		got, p, ok := ParseISO(c.in)
		if !ok || got.Format(time.RFC3339) != c.want || p != c.p {
			t.Errorf("ParseISO(%q) = %s, %d, %v; want %s, %d, true", c.in, got.Format(time.RFC3339), p, ok, c.want, c.p)
			continue
		}
		if n := p.Next(got).Format(time.RFC3339); n != c.next {
			t.Errorf("ParseISO(%q): Next = %s; want %s", c.in, n, c.next)
		}
	}
	for _, bad := range []string{"", "11", "2011-7", "2011-13", "2023-02-29", "2011-07-04 19:35", "04/07/2011", " 2011", "năm 2011", "2011-07-04T25:00"} {
		if got, p, ok := ParseISO(bad); ok {
			t.Errorf("ParseISO(%q) = %v, %d, true; want false", bad, got, p)
		}
	}
}

// FuzzParseISO checks that ParseISO never panics and that a zone-less
// date it accepts is written back the same at its precision.
func FuzzParseISO(f *testing.F) {
	for _, s := range []string{"2011", "2011-07", "2011-07-04", "2011-07-04T19:35", "2011-07-04T19:35:00", "2011-07-04T19:35:00+07:00", "2011-7-4", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, p, ok := ParseISO(s)
		if !ok {
			return
		}
		if l, fixed := isoLayouts[len(s)]; fixed {
			if l.p != p || got.Format(l.layout) != s {
				t.Errorf("ParseISO(%q) = %v at precision %d; it writes back as %q", s, got, p, got.Format(l.layout))
			}
		} else if p != PrecisionSecond {
			t.Errorf("ParseISO(%q) precision %d; want seconds for a zoned time", s, p)
		}
		if n := p.Next(got); n.Before(got) {
			t.Errorf("ParseISO(%q): Next %v is before %v", s, n, got)
		}
	})
}
