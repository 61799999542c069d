package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"vanban/extract"
	"vanban/internal/testshared"
)

// crawlVariants are mechanical renderings of an official text's heading
// as crawls and exports deliver it (issue 9, class 8): capitals lost,
// every line in bold, the separators of a number spaced out. Each takes
// the text and returns the variant.
var crawlVariants = []struct {
	name string
	make func(string) string
}{
	{"lower-cased heading", func(s string) string { return mapHead(s, 40, strings.ToLower) }},
	{"bold heading", func(s string) string {
		n := 0
		return mapHead(s, 1<<30, func(l string) string {
			t := strings.TrimSpace(l)
			if t == "" || n >= 15 || strings.HasPrefix(t, "|") || strings.Contains(t, "*") {
				return l
			}
			n++
			return "**" + t + "**"
		})
	}},
	{"spaced number", func(s string) string {
		return mapHead(s, 40, func(l string) string { return reSymbolSeparators.ReplaceAllString(l, " $1 $2") })
	}},
}

// reSymbolSeparators finds the separators inside a document number
// ("15/2011/NQ-HĐND").
var reSymbolSeparators = regexp.MustCompile(`([/-])([0-9]{4}|[A-ZĐ]{2,})`)

// mapHead applies f to the first n lines of s.
func mapHead(s string, n int, f func(string) string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		if i >= n {
			break
		}
		lines[i] = f(lines[i])
	}
	return strings.Join(lines, "\n")
}

// TestCrawledHeadings renders the heading of every annotated official
// document of the training corpus as crawls deliver it (crawlVariants)
// and checks that kind, number and issue date come out as from the
// original, within 0.02 of its agreement with the gold records.
func TestCrawledHeadings(t *testing.T) {
	root := testshared.Root(t)
	shared := testshared.Dir(t, "corpus")
	rows, err := readManifest(root)
	if err != nil {
		t.Fatal(err)
	}
	type doc struct {
		name, text string
		gold       extract.Record
	}
	var docs []doc
	for _, cols := range rows {
		if len(cols) < 3 || !strings.HasPrefix(cols[2], "official") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(root, "testdata", "corpus", "gold", cols[0]+".json"))
		if err != nil {
			continue // not annotated
		}
		var gold extract.Record
		if err := json.Unmarshal(b, &gold); err != nil {
			t.Fatalf("%s: %v", cols[0], err)
		}
		p := filepath.Join(root, "testdata", "corpus", cols[1])
		if rest, ok := strings.CutPrefix(cols[1], "shared:corpus/"); ok {
			p = filepath.Join(shared, rest)
		}
		text, err := os.ReadFile(p)
		if err != nil || gold.Kind == "article" {
			continue // an external text not fetched here
		}
		docs = append(docs, doc{cols[0], string(text), gold})
	}
	if len(docs) < 50 {
		t.Skipf("only %d official documents of the corpus are on this machine", len(docs))
	}
	dir := t.TempDir()
	score := func(variant string, f func(string) string) map[string]float64 {
		right := map[string]int{}
		for i, d := range docs {
			p := filepath.Join(dir, strings.ReplaceAll(variant, " ", "-")+"-"+d.name)
			if err := os.WriteFile(p, []byte(f(d.text)), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := readDocument(p)
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			rec := extract.Extract(sourceOf(got))
			for field, ok := range map[string]bool{
				"kind":   rec.Kind == d.gold.Kind,
				"number": rec.Number == d.gold.Number,
				"issued": rec.Issued == d.gold.Issued,
			} {
				if ok {
					right[field]++
				} else if testing.Verbose() && variant != "original" {
					t.Logf("%s, %s: %s", variant, docs[i].name, field)
				}
			}
		}
		out := map[string]float64{}
		for _, field := range []string{"kind", "number", "issued"} {
			out[field] = float64(right[field]) / float64(len(docs))
		}
		t.Logf("%-20s kind %.3f number %.3f issued %.3f (%d documents)", variant, out["kind"], out["number"], out["issued"], len(docs))
		return out
	}
	base := score("original", func(s string) string { return s })
	// The bar for unseen documents is 0.95 for kind and number;
	// the corpus's own official documents must clear it with room.
	for _, field := range []string{"kind", "number", "issued"} {
		if base[field] < 0.97 {
			t.Errorf("original: %s %.3f, below 0.97", field, base[field])
		}
	}
	for _, v := range crawlVariants {
		got := score(v.name, v.make)
		for field, want := range base {
			if want-got[field] > 0.02 {
				t.Errorf("%s: %s %.3f; the original texts give %.3f", v.name, field, got[field], want)
			}
		}
	}
}
