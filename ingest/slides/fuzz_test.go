package slides

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// The fuzz targets call the parsers below their recover, so that a panic
// fails the target.

func FuzzDrawingMLText(f *testing.F) {
	f.Add(sld(sp("title", ar("VNI-Times", "Muïc tieâu")) + sp("sldNum", ar("", "3"))))
	f.Add(`<a:tbl><a:tr><a:tc><a:txBody><a:p><a:r><a:t>a</a:t></a:r></a:p></a:txBody></a:tc></a:tr></a:tbl>`)
	f.Add(`<a:p><a:r><a:t>x`)
	f.Fuzz(func(t *testing.T, xml string) {
		text, err := drawingMLText(strings.NewReader(xml), encCounter{})
		if err == nil && !utf8.ValidString(text) && utf8.ValidString(xml) {
			t.Errorf("drawingMLText(%q) = %q; not valid UTF-8", xml, text)
		}
	})
}

func FuzzReadPPTX(f *testing.F) {
	f.Add(pptxOf(f, []int{1}, sld(sp("", ar("", "một")))))
	if b, err := os.ReadFile(filepath.Join("testdata", "legacy.pptx")); err == nil {
		f.Add(b)
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ReadPPTX(data)
		if err != nil {
			return
		}
		for _, s := range d.Slides {
			if !utf8.ValidString(s) {
				t.Errorf("ReadPPTX: slide text not valid UTF-8: %q", s)
			}
		}
	})
}

// FuzzReadDocument fuzzes the record parser of the PowerPoint Document
// stream: the first input byte splits the data into the Current User
// stream and the document stream.
func FuzzReadDocument(f *testing.F) {
	doc, current := deckStream([]string{"VNI-Times"}, []testSlide{{listed: [][]byte{textBytes([]byte("Muïc tieâu")), styleProps(10, [2]int{11, 0})}}}, "ghi chú")
	f.Add(append(append([]byte{byte(len(current))}, current...), doc...))
	f.Add([]byte{0})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		n := min(int(data[0]), len(data)-1)
		d, err := readDocument(data[1+n:], data[1:1+n])
		if err != nil {
			return
		}
		for _, s := range d.Slides {
			if !utf8.ValidString(s) {
				t.Errorf("readDocument: slide text not valid UTF-8: %q", s)
			}
		}
	})
}

func FuzzReadPPT(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "legacy.ppt")); err == nil {
		f.Add(b)
	}
	f.Add([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ReadPPT(data)
		if err != nil {
			return
		}
		for _, s := range d.Slides {
			if !utf8.ValidString(s) {
				t.Errorf("ReadPPT: slide text not valid UTF-8: %q", s)
			}
		}
	})
}

func FuzzCharRuns(f *testing.F) {
	f.Add(styleProps(4, [2]int{2, 1}, [2]int{3, -1})[8:], 4)
	f.Fuzz(func(t *testing.T, b []byte, n int) {
		if n < 0 || n > 1<<16 {
			return
		}
		pos := 0
		for _, r := range charRuns(b, n) {
			if r.start != pos || r.end <= r.start {
				t.Fatalf("charRuns: run %v after position %d", r, pos)
			}
			pos = r.end
		}
	})
}
