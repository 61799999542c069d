package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden extracts every testdata/golden/*.txt and compares the record
// with the *.json next to it (go test ./extract -run TestGolden -update
// rewrites them; read the diff before committing). The files hold whole
// records; the comparison covers the fields of the fixture's area (see
// areaJSON).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden fixtures in testdata/golden")
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".txt"), func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			rec := Extract(textDocument(name, b))
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(rec); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			want := strings.TrimSuffix(path, ".txt") + ".json"
			if *update {
				if err := os.WriteFile(want, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			w, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update to create it)", err)
			}
			var wantRec Record
			if err := json.Unmarshal(w, &wantRec); err != nil {
				t.Fatalf("%s: %v", want, err)
			}
			// Each area's fixtures check that area's fields, so that one
			// engineer's improvement does not break another's goldens.
			g, wr := areaJSON(name, rec), areaJSON(name, wantRec)
			if !bytes.Equal(g, wr) {
				t.Errorf("Extract(%s) differs from %s:\n%s", name, want, lineDiff(string(wr), string(g)))
			}
		})
	}
}

// lineDiff lists the lines of want and got that differ, position by position.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := max(len(wl), len(gl))
	shown := 0
	for i := 0; i < n && shown < 40; i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want " + w + "\n  got  " + g + "\n")
			shown++
		}
	}
	return b.String()
}

// areaJSON returns the indented JSON of the fields of rec that the fixture
// name's area owns: dates-* the dates, targets-* the targets, meta-* the
// document fields, references and abbreviations; any other name the whole
// record.
func areaJSON(name string, rec Record) []byte {
	var v any = rec
	switch {
	case strings.HasPrefix(name, "dates-"):
		v = rec.Dates
	case strings.HasPrefix(name, "targets-"):
		v = rec.Targets
	case strings.HasPrefix(name, "meta-"):
		rec.Dates, rec.Targets = nil, nil
		v = rec
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return []byte(err.Error())
	}
	return buf.Bytes()
}
