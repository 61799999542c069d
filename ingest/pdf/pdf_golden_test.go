package pdf

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func init() {
	// Other test files of the package may define -update too.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

// pdfUpdate reports whether -update was given.
func pdfUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// pdfGolden is what a PDF golden file pins down.
type pdfGolden struct {
	Title     string            `json:"title"`
	Published string            `json:"published"`
	Meta      map[string]string `json:"meta,omitempty"`
	Warnings  []string          `json:"warnings"`
	Pages     []string          `json:"pages"`
}

// TestPDFGolden reads the PDFs in testdata/pdf (made with LibreOffice from
// the .fodt beside them: soffice --headless --convert-to pdf X.fodt) and
// compares the result with X.golden; go test -update rewrites it. The
// nghiquyet fixture has a running header, "Trang N" footers, centered
// titles, indented justified paragraphs and a number wrapped at its hyphen.
func TestPDFGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "pdf", "*.pdf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no PDF fixtures in testdata/pdf (%v)", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p, err := parsePDF(data, testMaxPages)
			if err != nil {
				t.Fatalf("parsePDF(%s) error: %v", f, err)
			}
			got, err := json.MarshalIndent(pdfGolden{p.title, p.published, p.meta, p.warnings, p.pages}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, ".pdf") + ".golden"
			if pdfUpdate() {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("parsePDF(%s) differs from %s:\ngot:\n%s", f, golden, got)
			}
		})
	}
}

// TestPDFGoldenLayout checks the properties the nghiquyet fixture was made
// for, independently of the golden file.
func TestPDFGoldenLayout(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "pdf", "nghiquyet.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := parsePDF(data, testMaxPages)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.pages) != 3 {
		t.Fatalf("parsePDF gave %d pages; want 3", len(p.pages))
	}
	text := strings.Join(p.pages, "\n")
	for _, bad := range []string{"BẢN TIN NỘI BỘ", "Trang 1", "Trang 2", "Trang 3"} {
		if strings.Contains(text, bad) {
			t.Errorf("text keeps the running header or footer %q", bad)
		}
	}
	const para = "Các chi bộ thôn, bản và chi bộ cơ quan xây dựng nội dung sinh hoạt sát với nhiệm vụ chính trị của địa phương, gắn với việc thực hiện Nghị quyết số 05-NQ/ĐU ngày 12 tháng 3 năm 2025 về phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh."
	if !strings.Contains(p.pages[0], "\n"+para+"\n") {
		t.Errorf("page 1 does not hold the paragraph %q as one line:\n%s", para, p.pages[0])
	}
	if !strings.HasPrefix(p.pages[0], "NGHỊ QUYẾT\nvề nâng cao chất lượng sinh hoạt chi bộ giai đoạn 2025 - 2030\nCăn cứ") {
		t.Errorf("page 1 does not start with the two title lines: %.120q", p.pages[0])
	}
	if p.title != "Nghị quyết thử nghiệm số 07-NQ/ĐU" || p.meta["author"] != "Văn phòng Đảng ủy" {
		t.Errorf("title %q, author %q; want the fixture's", p.title, p.meta["author"])
	}
}
