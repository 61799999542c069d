package ingest

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

func init() {
	// Other test files of the package may define -update too.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

// readersUpdate reports whether -update was given.
func readersUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// goldenDoc is the part of a Document a golden file pins down.
type goldenDoc struct {
	Format    Format            `json:"format"`
	Encoding  string            `json:"encoding"`
	Title     string            `json:"title"`
	Published string            `json:"published"`
	Meta      map[string]string `json:"meta,omitempty"`
	Warnings  []string          `json:"warnings"`
	Pages     []string          `json:"pages"`
}

// TestGolden reads the fixtures in testdata/readers (and DOCX built here)
// and compares the Documents with their .golden files; go test -update
// rewrites them.
func TestGolden(t *testing.T) {
	dir := filepath.Join("testdata", "readers")
	inputs := map[string][]byte{}
	for _, name := range []string{"article.html", "crlf-bom.txt"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		inputs[name] = data
	}
	inputs["decision.docx"] = zipOf(t, map[string]string{
		"word/document.xml": wdoc(`<w:tbl><w:tr><w:tc>` + wp(wr("ỦY BAN NHÂN DÂN")) + wp(wr("TỈNH BÌNH AN")) + wp(wr("Số: 12/QĐ-UBND")) + `</w:tc><w:tc>` +
			wp(wr("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) + wp(wr("Độc lập - Tự do - Hạnh phúc")) + wp(wr("Bình An, ngày 05 tháng 01 năm 2026")) + `</w:tc></w:tr></w:tbl>` +
			wp(wr("QUYẾT ĐỊNH")) + wp(wr("Về việc giao chỉ tiêu kế hoạch năm 2026")) +
			np("1", "0", "Giao chỉ tiêu kế hoạch năm 2026 cho các sở, ngành.") + np("1", "1", "Tăng trưởng GRDP từ 8% trở lên.") + np("1", "0", "Quyết định có hiệu lực từ ngày ký.") +
			`<w:tbl><w:tr><w:tc>` + wp(wr("STT")) + `</w:tc><w:tc>` + wp(wr("Chỉ tiêu")) + `</w:tc><w:tc>` + wp(wr("Mục tiêu")) + `</w:tc></w:tr><w:tr><w:tc>` + wp(wr("1")) + `</w:tc><w:tc>` + wp(wr("GRDP")) + `</w:tc><w:tc>` + wp(wr("≥ 8%")) + `</w:tc></w:tr></w:tbl>`),
		"word/numbering.xml": numberingXML,
		"word/footnotes.xml": `<w:footnotes ` + wordNS + `><w:footnote w:id="1">` + wp(wr("Theo Nghị quyết số 45/NQ-HĐND.")) + `</w:footnote></w:footnotes>`,
		"docProps/core.xml":  coreXML,
	})
	for name, data := range inputs {
		t.Run(name, func(t *testing.T) {
			doc, err := ReadBytes(name, data)
			if err != nil {
				t.Fatalf("ReadBytes(%q) error: %v", name, err)
			}
			g := goldenDoc{doc.Format, doc.Encoding, doc.Title, doc.Published, doc.Meta, doc.Warnings, doc.Pages}
			got, err := json.MarshalIndent(g, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join(dir, name+".golden")
			if readersUpdate() {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("ReadBytes(%q) =\n%s\nwant (%s)\n%s", name, got, path, want)
			}
		})
	}
}
