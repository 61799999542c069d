package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"vanban/internal/testshared"
)

func TestHTMLUTF16(t *testing.T) {
	src := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tin | Báo</title></head><body><article><h1>Nghị quyết về kinh tế</h1>` +
		`<div class="content"><p>Chiều 7/12, HĐND thành phố đã thảo luận và thông qua Nghị quyết về tình hình thực hiện nhiệm vụ kinh tế – xã hội năm 2020, kế hoạch phát triển kinh tế – xã hội năm 2021.</p>` +
		`<p>Theo đó, thành phố phấn đấu tốc độ tăng trưởng tổng sản phẩm trên địa bàn đạt khoảng 6,5%; thu nhập bình quân đầu người đạt 82 triệu đồng; tỷ lệ hộ nghèo giảm còn dưới 1%.</p></div></article></body></html>`
	data, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ReadBytes("u.html", data)
	if err != nil {
		t.Fatalf("ReadBytes(UTF-16 HTML) error: %v", err)
	}
	if doc.Format != FormatHTML || doc.Encoding != "utf-16le" || !strings.HasPrefix(doc.Text(), "Nghị quyết về kinh tế\nChiều 7/12") {
		t.Errorf("ReadBytes(UTF-16 HTML) = %q, %q, %q...; want html, utf-16le, the article", doc.Format, doc.Encoding, doc.Text()[:min(60, len(doc.Text()))])
	}
}

// benchFiles reads the corpus files matching pattern, or skips.
func benchFiles(b *testing.B, rel, pattern string) map[string][]byte {
	dir := testshared.Dir(b, rel)
	names, _ := filepath.Glob(filepath.Join(dir, pattern))
	files := map[string][]byte{}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		files[n] = data
	}
	if len(files) == 0 {
		b.Skipf("no %s in %s", pattern, dir)
	}
	return files
}

func benchRead(b *testing.B, files map[string][]byte) {
	var total int64
	for _, d := range files {
		total += int64(len(d))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for n, d := range files {
			if _, err := ReadBytes(n, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(files))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkReadHTML reads the 11 synthetic news pages of corpus/formats.
func BenchmarkReadHTML(b *testing.B) { benchRead(b, benchFiles(b, "corpus/formats", "*.html")) }

// BenchmarkReadDOCXFormats reads the 11 LibreOffice DOCX of corpus/formats.
func BenchmarkReadDOCXFormats(b *testing.B) { benchRead(b, benchFiles(b, "corpus/formats", "*.docx")) }

// BenchmarkReadText reads the Markdown resolutions of corpus/bulk.
func BenchmarkReadText(b *testing.B) {
	benchRead(b, benchFiles(b, "corpus/bulk/resolutions/tnt305/clean", "*.md"))
}

// BenchmarkSniff sniffs the formats corpus.
func BenchmarkSniff(b *testing.B) {
	files := benchFiles(b, "corpus/formats", "*")
	for b.Loop() {
		for _, d := range files {
			sniff(d)
		}
	}
}
