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

// TestGolden reads the fixtures in testdata/readers (decision.docx was
// built with the DOCX reader's test helpers: a heading table, numbered
// list, a table, a footnote and core properties) and compares the Documents with their .golden files; go test -update
// rewrites them.
func TestGolden(t *testing.T) {
	dir := filepath.Join("testdata", "readers")
	inputs := map[string][]byte{}
	for _, name := range []string{"article.html", "crlf-bom.txt", "decision.docx"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		inputs[name] = data
	}
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
