package ocr

import (
	"image"
	"image/color"
	"strings"
	"testing"
)

func TestBandRows(t *testing.T) {
	row := func(top int, conf, word string) string {
		return "5\t1\t1\t1\t1\t1\t10\t" + itoa(top) + "\t50\t20\t" + conf + "\t" + word
	}
	tests := []struct {
		name string
		tsv  string
		want []string
	}{
		{"a title line", strings.Join([]string{"1\t1\t0\t0\t0\t0\t0\t0\t100\t40\t-1\t", row(5, "96.2", "Đến"), row(6, "95.1", "năm"), row(5, "97", "2030,")}, "\n"),
			[]string{"5\t1\t10003\t1\t1\t1\t10\t105\t50\t20\t96.2\tĐến", "5\t1\t10003\t1\t1\t1\t10\t106\t50\t20\t95.1\tnăm", "5\t1\t10003\t1\t1\t1\t10\t105\t50\t20\t97\t2030,"}},
		{"low confidence (a stamp, a signature)", strings.Join([]string{row(5, "40", "Ủ"), row(5, "55", "ỷỷ")}, "\n"), nil},
		{"one word", row(5, "96", "Đến"), nil},
		{"a rule, not letters", strings.Join([]string{row(5, "90", "======="), row(5, "90", "-----")}, "\n"), nil},
	}
	for _, tt := range tests {
		got := bandRows([]byte(tt.tsv), 100, 10003)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: bandRows = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestMissedBands(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 1000, 1200))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	ink := func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			for x := 100; x < 900; x += 3 {
				img.SetGray(x, y, color.Gray{0})
			}
		}
	}
	ink(100, 120) // a line tesseract left out
	ink(200, 220) // read lines
	ink(300, 320)
	ink(400, 420)
	ink(600, 900) // a picture, not a text line
	ink(1000, 1002)
	words := []wordBox{{200, 220}, {300, 320}, {400, 420}}
	got := missedBands(img, words)
	if len(got) != 1 || got[0] != [2]int{100, 120} {
		t.Errorf("missedBands = %v; want [[100 120]] (the picture and the thin rule left out)", got)
	}
	if got := missedBands(img, words[:2]); got != nil {
		t.Errorf("missedBands with two words = %v; want nil (too little to know a line's height)", got)
	}
}
