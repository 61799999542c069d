package main

import (
	"testing"

	"vanban/extract"
)

func TestPeriodLabel(t *testing.T) {
	for _, c := range []struct {
		p    extract.Period
		want string
	}{
		{extract.Period{Start: "2011", End: "2015"}, "giai đoạn 2011–2015"},
		{extract.Period{Start: "2021-01", End: "2025-12"}, "giai đoạn 2021-01–2025-12"},
		{extract.Period{End: "2025"}, "đến 2025"},
		{extract.Period{Start: "2020"}, "từ 2020"},
		{extract.Period{Start: "2025", End: "2025"}, "năm 2025"},
		{extract.Period{Start: "2025-06-30", End: "2025-06-30"}, "đến 2025-06-30"},
	} {
		if got := periodLabel(c.p); got != c.want {
			t.Errorf("periodLabel(%+v) = %q; want %q", c.p, got, c.want)
		}
	}
}
