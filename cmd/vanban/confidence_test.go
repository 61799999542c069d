package main

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestMinConfidenceCLI ingests the sample archive and checks that
// search --targets --min-confidence and export --min-confidence keep the
// same targets: those whose confidence, as search --json reports it, is at
// least the threshold (the median, so that both sides are non-empty).
func TestMinConfidenceCLI(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	if code, _, stderr, _ := runVanban(t, 2*time.Minute, "ingest", "--index", dir, filepath.Join("..", "..", "testdata", "archive")); code != exitFailed && code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	confidences := func(args ...string) []float64 {
		t.Helper()
		code, out, stderr, _ := runVanban(t, time.Minute, append([]string{"search", "--index", dir, "--targets", "--json", "--limit", "1000"}, args...)...)
		if code != 0 {
			t.Fatalf("search %q: exit %d: %s", args, code, stderr)
		}
		var cs []float64
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var h struct {
				Confidence *float64 `json:"confidence"`
			}
			if err := json.Unmarshal([]byte(line), &h); err != nil || h.Confidence == nil {
				t.Fatalf("search --json line without a confidence (%v): %s", err, line)
			}
			cs = append(cs, *h.Confidence)
		}
		sort.Float64s(cs)
		return cs
	}
	all := confidences("")
	if len(all) < 3 {
		t.Fatalf("%d targets in the sample archive; want at least 3", len(all))
	}
	min := all[len(all)/2]
	want := 0
	for _, c := range all {
		if c >= min {
			want++
		}
	}
	threshold := strconv.FormatFloat(min, 'f', -1, 64)
	got := confidences("--min-confidence", threshold, "")
	if len(got) != want || got[0] < min {
		t.Errorf("search --min-confidence %s: %d targets, lowest %g; want %d, none below", threshold, len(got), got[0], want)
	}

	code, out, stderr, _ := runVanban(t, time.Minute, "export", "--index", dir, "--format", "csv", "--sheet", "chitieu", "--min-confidence", threshold, "--out", "-")
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range recs[0] {
		if h == "Độ tin cậy" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("no column Độ tin cậy in %q", recs[0])
	}
	if len(recs)-1 != want {
		t.Errorf("export --min-confidence %s: %d rows; want %d, as search", threshold, len(recs)-1, want)
	}
	for _, r := range recs[1:] {
		// The sheet rounds to two decimals: compare at that grain.
		if c, err := strconv.ParseFloat(r[col], 64); err != nil || c < min-0.005 {
			t.Errorf("export row with confidence %q below %s", r[col], threshold)
		}
	}
}
