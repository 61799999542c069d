package ocr

import (
	"image"
	"image/color"
	"strings"
	"testing"
)

// page is a white grey image of 1200 × 400 pixels.
func page() *image.Gray {
	img := image.NewGray(image.Rect(0, 0, 1200, 400))
	for i := range img.Pix {
		img.Pix[i] = 245
	}
	return img
}

// box paints a box of grey level v.
func box(img *image.Gray, x0, y0, x1, y1 int, v uint8) {
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			img.SetGray(x, y, color.Gray{v})
		}
	}
}

// row paints n glyphs from x at pitch p, each w wide, at y: a dash (one
// stroke of 3 pixels), an equals sign (two, 5 apart), or a dot (4 × 4);
// slope is how far the row drops over its length (a rotated scan).
func row(img *image.Gray, kind byte, n, x, y, p, w, slope int) {
	for i := range n {
		x0 := x + i*p
		y0 := y + slope*i/max(n, 1)
		switch kind {
		case '-':
			box(img, x0, y0, x0+w, y0+3, 90)
		case '=':
			box(img, x0, y0, x0+w, y0+3, 120)
			box(img, x0, y0+8, x0+w, y0+11, 120)
		case '.':
			box(img, x0, y0, x0+4, y0+4, 60)
		}
	}
}

func TestFindRules(t *testing.T) {
	tests := []struct {
		name  string
		paint func(*image.Gray)
		words []rect
		want  []string // each rule's text, top to bottom
	}{
		{"a row of equals signs under a title", func(g *image.Gray) {
			box(g, 100, 40, 900, 75, 30) // the title, a recognized word
			row(g, '=', 45, 100, 90, 22, 16, 0)
		}, []rect{{100, 40, 900, 75}}, []string{strings.Repeat("=", 45)}},
		{"dashes, the page slightly rotated", func(g *image.Gray) {
			row(g, '-', 80, 50, 200, 13, 9, 14)
		}, nil, []string{strings.Repeat("-", 80)}},
		{"two glyphs run together still count", func(g *image.Gray) {
			row(g, '-', 30, 50, 200, 13, 9, 0)
			box(g, 50+13*10, 200, 50+13*12+9, 203, 90) // 10, 11 and 12 as one stroke
		}, nil, []string{strings.Repeat("-", 30)}},
		{"an equals rule and a dash rule", func(g *image.Gray) {
			row(g, '=', 10, 100, 100, 22, 16, 0)
			row(g, '-', 15, 100, 300, 13, 9, 0)
		}, nil, []string{"==========", "---------------"}},
		{"a drawn line is no typed rule", func(g *image.Gray) {
			box(g, 300, 200, 700, 203, 40)
		}, nil, nil},
		{"a row of dots is left alone", func(g *image.Gray) {
			row(g, '.', 40, 100, 200, 12, 4, 0)
		}, nil, nil},
		{"three dashes are too few", func(g *image.Gray) {
			row(g, '-', 3, 100, 200, 13, 9, 0)
		}, nil, nil},
		{"dashes inside a recognized word are its own", func(g *image.Gray) {
			row(g, '-', 20, 100, 200, 13, 9, 0)
		}, []rect{{90, 190, 400, 215}}, nil},
		{"uneven strokes are not a rule", func(g *image.Gray) {
			for i, x := range []int{100, 130, 210, 230, 400, 420, 700} {
				box(g, x, 200, x+9+i, 203, 90)
			}
		}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := page()
			tt.paint(img)
			var got []string
			for _, r := range findRules(img, tt.words, 36) {
				got = append(got, r.text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("findRules = %q; want %q", got, tt.want)
			}
		})
	}
}

func TestInsertRules(t *testing.T) {
	rows := []string{
		"1\t1\t0\t0\t0\t0\t0\t0\t1200\t400\t-1\t",
		"5\t1\t1\t1\t1\t1\t100\t40\t300\t35\t96\tTitle",
		"5\t1\t2\t1\t1\t1\t100\t140\t300\t35\t96\tBody",
	}
	r := rule{box: rect{100, 90, 900, 101}, yl: 95, yr: 95, text: "====="}
	got := insertRules(rows, []rule{r})
	if len(got) != 4 || !strings.HasSuffix(got[2], "\t=====") {
		t.Fatalf("insertRules = %q; want the rule between Title and Body", got)
	}
	pages := ParseTSV([]byte(strings.Join(got, "\n")))
	if len(pages) != 1 || pages[0].Text != "Title\n=====\nBody" {
		t.Errorf("text = %+v; want the rule on a line of its own", pages)
	}
}

func TestIsRule(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{{"----", true}, {"=====", true}, {"---", false}, {"--=-", false}, {"____", false}, {"", false}, {"—————", false}} {
		if got := isRule(tc.s); got != tc.want {
			t.Errorf("isRule(%q) = %v; want %v", tc.s, got, tc.want)
		}
	}
}
