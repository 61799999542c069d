package ocr

import (
	"bytes"
	"image"
	"os"
	"testing"
)

func BenchmarkFindRulesPage(b *testing.B) {
	img, _ := os.ReadFile("/tmp/ocrw/img/den-1.png")
	tsv, _ := os.ReadFile("/tmp/ocrw/img/den3.tsv")
	pic, _, _ := image.Decode(bytes.NewReader(img))
	w := tsvRects(tsv)
	b.ResetTimer()
	for range b.N {
		findRules(toGray(pic), w, 35)
	}
}
func BenchmarkDecodePage(b *testing.B) {
	img, _ := os.ReadFile("/tmp/ocrw/img/den-1.png")
	for range b.N {
		image.Decode(bytes.NewReader(img))
	}
}
