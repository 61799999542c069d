package ocr

import (
	"bytes"
	"image"
	"image/png"
	"testing"
)

func TestDecodePGM(t *testing.T) {
	tests := []struct {
		name string
		in   string
		w, h int
		pix  string // the pixels; "" when an error is wanted
	}{
		{"pdftoppm's header", "P5\n3 2\n255\n\x00\x10\x20\x30\x40\xff", 3, 2, "\x00\x10\x20\x30\x40\xff"},
		{"a comment", "P5 # made by hand\n2 1 255 \x01\x02", 2, 1, "\x01\x02"},
		{"maxval 15 scaled", "P5\n2 1\n15\n\x00\x0f", 2, 1, "\x00\xff"},
		{"short pixels", "P5\n3 2\n255\n\x00\x10", 0, 0, ""},
		{"sixteen bits", "P5\n1 1\n65535\n\x00\x00", 0, 0, ""},
		{"ASCII PGM", "P2\n1 1\n255\n7\n", 0, 0, ""},
		{"no size", "P5\n", 0, 0, ""},
		{"huge size", "P5\n99999999 99999999\n255\n", 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := decodePGM([]byte(tt.in))
			if tt.pix == "" {
				if err == nil {
					t.Fatalf("decodePGM = %v; want an error", g.Bounds())
				}
				return
			}
			if err != nil {
				t.Fatalf("decodePGM: %v", err)
			}
			if g.Bounds().Dx() != tt.w || g.Bounds().Dy() != tt.h || string(g.Pix) != tt.pix {
				t.Errorf("decodePGM = %v %q; want %dx%d %q", g.Bounds(), g.Pix, tt.w, tt.h, tt.pix)
			}
		})
	}
}

func TestDecodeGray(t *testing.T) {
	// An RGB page (pdftoppm -gray -png writes RGB) comes back grey.
	src := image.NewRGBA(image.Rect(0, 0, 2, 1))
	copy(src.Pix, []uint8{200, 200, 200, 255, 10, 10, 10, 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, src); err != nil {
		t.Fatal(err)
	}
	g, err := decodeGray(buf.Bytes())
	if err != nil || string(g.Pix) != "\xc8\x0a" {
		t.Errorf("decodeGray(RGB PNG) = %v, %v; want pixels c8 0a", g, err)
	}
	if _, err := decodeGray([]byte("neither")); err == nil {
		t.Error("decodeGray(garbage): no error")
	}
}

func FuzzDecodePGM(f *testing.F) {
	f.Add([]byte("P5\n3 2\n255\n\x00\x10\x20\x30\x40\xff"))
	f.Add([]byte("P5 # c\n1 1 7 \x03"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if g, err := decodePGM(b); err == nil && len(g.Pix) != g.Bounds().Dx()*g.Bounds().Dy() {
			t.Errorf("%d pixels for %v", len(g.Pix), g.Bounds())
		}
	})
}
