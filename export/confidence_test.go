package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"vanban/extract"
)

// TestConfidenceColumn checks the targets sheet's confidence column (two
// decimals, a number in the workbook) and that MinConfidence leaves out the
// rows below it, with the parent row of a kept sub-target left empty when
// its parent is left out.
func TestConfidenceColumn(t *testing.T) {
	dir := t.TempDir()
	ix := buildIndex(t, filepath.Join(dir, "idx"), sampleArchive(dir))
	rows := func(min float64) map[string][]string { // target text → row
		var buf bytes.Buffer
		opts := Options{Sheets: []Sheet{SheetTargets}, Lang: English, MinConfidence: min}
		if _, err := Export(context.Background(), ix, nil, NewCSV(&buf, opts), opts); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), bom))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		h := map[string]int{}
		for i, x := range recs[0] {
			h[x] = i
		}
		out := map[string][]string{}
		for n, r := range recs[1:] {
			out[r[h["Value"]]] = []string{r[h["Confidence"]], r[h["Parent row"]], string(rune('2' + n))}
		}
		return out
	}
	all := rows(0)
	want := map[string]string{"100": "0.62", "80": "0.88", "55": "0.55", "90": "0.7"}
	if len(all) != len(want) {
		t.Fatalf("rows = %v; want the 4 targets", all)
	}
	for v, c := range want {
		if all[v][0] != c {
			t.Errorf("confidence of the %s target = %q; want %q", v, all[v][0], c)
		}
	}
	if all["80"][1] != all["100"][2] {
		t.Errorf("parent row of the 80%% target = %q; want the 100%% target's row %s", all["80"][1], all["100"][2])
	}
	kept := rows(0.8)
	if len(kept) != 1 || kept["80"] == nil {
		t.Fatalf("MinConfidence 0.8 kept %v; want only the 80%% target (0.876)", kept)
	}
	if kept["80"][1] != "" {
		t.Errorf("parent row of the 80%% target whose parent is left out = %q; want empty", kept["80"][1])
	}
	if got := rows(0.701); len(got) != 2 || got["90"] == nil {
		t.Errorf("MinConfidence 0.701 kept %v; want the 80%% and 90%% targets (at or above it)", got)
	}

	f, _, _ := exportXLSX(t, ix, nil, Options{Sheets: []Sheet{SheetTargets}})
	c := col(t, SheetTargets, "Độ tin cậy")
	typ, err := f.GetCellType(SheetTargets.Name(Vietnamese), c+"2")
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue(SheetTargets.Name(Vietnamese), c+"2"); v == "" || typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
		t.Errorf("workbook confidence cell %s2 = %q (type %v); want a number", c, v, typ)
	}
}

// TestConfidentTargets checks the filter of the JSONL export: targets below
// the threshold go, the parents of the others are renumbered or cleared.
func TestConfidentTargets(t *testing.T) {
	tg := func(c float64, parent *int) extract.Target { return extract.Target{Confidence: c, Parent: parent} }
	for _, c := range []struct {
		name string
		in   []extract.Target
		min  float64
		want []extract.Target
	}{
		{"none", nil, 0.5, []extract.Target{}},
		{"all kept", []extract.Target{tg(0.9, nil), tg(0.8, ptr(0))}, 0.5, []extract.Target{tg(0.9, nil), tg(0.8, ptr(0))}},
		{"at the threshold kept", []extract.Target{tg(0.5, nil)}, 0.5, []extract.Target{tg(0.5, nil)}},
		{"parent renumbered", []extract.Target{tg(0.2, nil), tg(0.9, nil), tg(0.8, ptr(1))}, 0.5, []extract.Target{tg(0.9, nil), tg(0.8, ptr(0))}},
		{"parent left out", []extract.Target{tg(0.2, nil), tg(0.8, ptr(0))}, 0.5, []extract.Target{tg(0.8, nil)}},
		{"parent out of range", []extract.Target{tg(0.8, ptr(7))}, 0.5, []extract.Target{tg(0.8, nil)}},
	} {
		if got := ConfidentTargets(c.in, c.min); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: ConfidentTargets = %+v; want %+v", c.name, got, c.want)
		}
	}
	in := []extract.Target{tg(0.8, ptr(0))}
	ConfidentTargets(in, 0.5)
	if *in[0].Parent != 0 {
		t.Errorf("ConfidentTargets changed its input's parent to %d", *in[0].Parent)
	}
}

// TestJSONLMinConfidence checks that the JSONL export drops the targets
// below MinConfidence from each record.
func TestJSONLMinConfidence(t *testing.T) {
	dir := t.TempDir()
	ix := buildIndex(t, filepath.Join(dir, "idx"), sampleArchive(dir))
	var buf bytes.Buffer
	j := NewJSONL(&buf)
	j.MinConfidence = 0.7
	if _, err := ExportJSONL(context.Background(), ix, nil, j); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var rec extract.Record
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		for _, tg := range rec.Targets {
			n++
			if tg.Confidence < 0.7 {
				t.Errorf("%s: target %q of confidence %g is below 0.7", rec.Path, tg.Text, tg.Confidence)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d targets written; want 2 (0.876 and 0.701)", n)
	}
}
