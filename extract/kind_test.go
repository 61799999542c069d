package extract

import (
	"strings"
	"testing"

	"vanban/ingest/vntext"
)

// contractKinds are the kinds of the record contract
// (../shared/spec/records.md).
var contractKinds = []string{"law", "decree", "circular", "resolution", "decision", "directive", "conclusion",
	"regulation", "rules", "guidance", "plan", "program", "report", "announcement", "submission",
	"official-letter", "minutes", "article", "other"}

// TestKindOfName checks every Vietnamese type name of data/types.tsv: as
// written, in capitals and without diacritics (where "quy" folds to
// "qui") it names its kind.
func TestKindOfName(t *testing.T) {
	names := TypeNames()
	if len(names) < 30 {
		t.Fatalf("TypeNames() = %d names; want the whole table", len(names))
	}
	for _, n := range names {
		t.Run(n.Name, func(t *testing.T) {
			for _, spelling := range []string{n.Name, strings.ToUpper(n.Name), vntext.Fold(n.Name), " " + n.Name + " "} {
				if got, ok := KindOfName(spelling); !ok || got != n.Kind {
					t.Errorf("KindOfName(%q) = %q, %v; want %q, true", spelling, got, ok, n.Kind)
				}
			}
		})
	}
	for _, c := range []struct{ in, want string }{
		{"NQ", "resolution"}, {"nq", "resolution"}, {"QĐ", "decision"}, {"qd", "decision"},
		{"QĐi", "rules"}, {"QyĐ", "rules"}, {"TTr", "submission"}, {"TTLT", "circular"}, {"CV", "official-letter"},
		{"qui dinh", "rules"}, {"Quy chế", "regulation"}, {"bai bao", "article"}, {"tin", "article"},
	} {
		if got, ok := KindOfName(c.in); !ok || got != c.want {
			t.Errorf("KindOfName(%q) = %q, %v; want %q, true", c.in, got, ok, c.want)
		}
	}
	for _, bad := range []string{"", "resolution", "rules", "nghị", "xyz", "quyết định nghị quyết"} {
		if got, ok := KindOfName(bad); ok {
			t.Errorf("KindOfName(%q) = %q, true; want false", bad, got)
		}
	}
}

// TestKindLabel checks that every kind of the contract has its one
// Vietnamese label, a name of its own kind in the table.
func TestKindLabel(t *testing.T) {
	for _, k := range contractKinds {
		l := KindLabel(k)
		if l == "" {
			t.Errorf("KindLabel(%q) = \"\"; want a Vietnamese name", k)
			continue
		}
		if got, ok := KindOfName(l); !ok || got != k {
			t.Errorf("KindLabel(%q) = %q, which names %q", k, l, got)
		}
	}
	for k, want := range map[string]string{"resolution": "Nghị quyết", "regulation": "Quy chế", "rules": "Quy định", "article": "Bài báo", "other": "Khác"} {
		if got := KindLabel(k); got != want {
			t.Errorf("KindLabel(%q) = %q; want %q", k, got, want)
		}
	}
	if got := KindLabel("nghị quyết"); got != "" {
		t.Errorf("KindLabel(a name) = %q; want \"\"", got)
	}
}

// TestTypesTable checks the table itself: known kinds, known uses, one
// label per kind, and no name a user may give read on a type line.
func TestTypesTable(t *testing.T) {
	known := map[string]bool{}
	for _, k := range contractKinds {
		known[k] = true
	}
	labels := map[string]int{}
	for _, row := range readTSV("data/types.tsv") {
		if !known[row[2]] {
			t.Errorf("types.tsv: %q has kind %q, not a kind of the contract", row[0], row[2])
		}
		for _, u := range strings.Split(row[3], ",") {
			switch strings.TrimSpace(u) {
			case "":
			case "label":
				labels[row[2]]++
			case "query":
				if k, n := KindOfTypeName(row[0]); n > 0 {
					t.Errorf("KindOfTypeName(%q) = %q: a query-only name is read on type lines", row[0], k)
				}
			default:
				t.Errorf("types.tsv: %q has use %q; want label or query", row[0], u)
			}
		}
	}
	for k, n := range labels {
		if n != 1 {
			t.Errorf("types.tsv: kind %q has %d labels; want 1", k, n)
		}
	}
}

// TestKinds checks that Kinds lists the contract's kinds in the contract's
// order (the order exports group documents by).
func TestKinds(t *testing.T) {
	got := Kinds()
	if strings.Join(got, " ") != strings.Join(contractKinds, " ") {
		t.Errorf("Kinds() = %v; want %v", got, contractKinds)
	}
}
