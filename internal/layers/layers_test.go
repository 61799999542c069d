package layers

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// layer is one layer of the module: the packages under prefix (the prefix
// itself and its sub-packages, unless a longer prefix claims them) and the
// layers they may import besides their own.
type layer struct {
	prefix string
	may    []string // prefixes of other layers; "*" for any
}

// layerTable is the architecture. A package that no prefix covers fails
// the test: give a new package its layer here.
var layerTable = []layer{
	{"vanban/ingest/vntext", nil},
	{"vanban/ingest", []string{"vanban/ingest/vntext", "vanban/ingest/html", "vanban/ingest/ocr", "vanban/ingest/pdf", "vanban/ingest/sheet", "vanban/ingest/slides", "vanban/ingest/word"}},
	// The readers under ingest hand back pages and metadata: they import
	// vntext at most, never another reader nor the front door.
	{"vanban/ingest/ocr", []string{"vanban/ingest/vntext", "vanban/internal/lazyregexp"}},
	{"vanban/ingest/html", []string{"vanban/ingest/vntext", "vanban/internal/lazyregexp"}},
	{"vanban/ingest/word", []string{"vanban/ingest/vntext", "vanban/internal/lazyregexp"}},
	{"vanban/ingest/pdf", []string{"vanban/ingest/vntext", "vanban/internal/lazyregexp"}},
	{"vanban/ingest/pdf/pdftest", nil},
	{"vanban/ingest/sheet", []string{"vanban/ingest/vntext"}},
	{"vanban/ingest/slides", []string{"vanban/ingest/vntext"}},
	{"vanban/extract", []string{"vanban/ingest/vntext", "vanban/internal/lazyregexp"}},
	{"vanban/index", []string{"vanban/extract", "vanban/ingest/vntext", "vanban/internal/lazyregexp"}},
	{"vanban/search", []string{"vanban/index", "vanban/extract", "vanban/ingest/vntext", "vanban/internal/lazyregexp"}},
	{"vanban/export", []string{"vanban/index", "vanban/extract", "vanban/ingest/vntext"}},
	{"vanban/cmd/vanban", []string{"*"}},
	// lazyregexp, a pattern compiled on first use, is a leaf that the
	// layers with package-level patterns may import.
	{"vanban/internal/lazyregexp", nil},
	{"vanban/internal/testshared", nil},
	{"vanban/internal/layers", nil},
}

// readerLibraries are the libraries the readers of package ingest use. No
// package of the layers in noReaders may depend on them, even indirectly,
// except through a library of notFollowed.
var (
	readerLibraries = []string{
		"github.com/ledongthuc/pdf",
		"github.com/richardlehane/mscfb",
		"codeberg.org/readeck/go-readability",
		"golang.org/x/net/html",
	}
	noReaders = []string{"vanban/extract", "vanban/index", "vanban/search", "vanban/export"}
	// notFollowed are libraries whose own dependencies are theirs:
	// excelize, export's workbook writer, needs mscfb (encrypted
	// workbooks) and x/net/html/charset (XML charsets) to write a
	// workbook, not to read the archive, so `go list -deps ./export`
	// lists those two through it and only through it.
	notFollowed = []string{"github.com/xuri/excelize/v2"}
)

// directOnly names libraries that only some layers may import themselves:
// Bleve is the index's (search runs its queries on it); export reads the
// index through package index.
var directOnly = map[string][]string{
	"github.com/blevesearch/": {"vanban/index", "vanban/search"},
}

// pkg is what the check reads of `go list -json` for one package.
type pkg struct {
	ImportPath string
	Imports    []string
	Standard   bool
	Error      *struct{ Err string }
}

// under reports whether path is prefix or one of its sub-packages.
func under(path, prefix string) bool {
	return path == prefix || strings.HasPrefix(path, prefix+"/")
}

// layerOf returns the layer of a package of the module, or nil.
func layerOf(path string) *layer {
	var best *layer
	for i := range layerTable {
		l := &layerTable[i]
		if under(path, l.prefix) && (best == nil || len(l.prefix) > len(best.prefix)) {
			best = l
		}
	}
	return best
}

func anyUnder(path string, prefixes []string) bool {
	for _, p := range prefixes {
		if p == "*" || under(path, p) || strings.HasSuffix(p, "/") && strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// check returns every import of pkgs that breaks the layering, one line
// each, sorted.
func check(module string, pkgs []pkg) []string {
	byPath := map[string]pkg{}
	for _, p := range pkgs {
		byPath[p.ImportPath] = p
	}
	var bad []string
	for _, p := range pkgs {
		if !under(p.ImportPath, module) {
			continue
		}
		l := layerOf(p.ImportPath)
		if l == nil {
			bad = append(bad, fmt.Sprintf("%s has no layer (add it to layerTable)", p.ImportPath))
			continue
		}
		for _, imp := range p.Imports {
			if under(imp, module) {
				il := layerOf(imp)
				if il != l && !anyUnder(imp, l.may) {
					bad = append(bad, fmt.Sprintf("%s imports %s (%s may import %s)", p.ImportPath, imp, l.prefix, mayText(l)))
				}
				continue
			}
			for lib, who := range directOnly {
				if strings.HasPrefix(imp, lib) && !anyUnder(p.ImportPath, who) {
					bad = append(bad, fmt.Sprintf("%s imports %s (only %s may)", p.ImportPath, imp, strings.Join(who, ", ")))
				}
			}
		}
		if anyUnder(p.ImportPath, noReaders) {
			for _, d := range reachable(byPath, p) {
				if anyUnder(d, readerLibraries) {
					bad = append(bad, fmt.Sprintf("%s depends on the reader library %s", p.ImportPath, d))
				}
			}
		}
	}
	sort.Strings(bad)
	return bad
}

// reachable returns the packages p depends on, directly or not, without
// following the imports of the libraries of notFollowed: `go list -deps`
// of p less what only those libraries bring.
func reachable(byPath map[string]pkg, p pkg) []string {
	seen := map[string]bool{}
	var out []string
	var visit func(path string)
	visit = func(path string) {
		if seen[path] {
			return
		}
		seen[path] = true
		out = append(out, path)
		if anyUnder(path, notFollowed) {
			return
		}
		for _, imp := range byPath[path].Imports {
			visit(imp)
		}
	}
	for _, imp := range p.Imports {
		visit(imp)
	}
	sort.Strings(out)
	return out
}

func mayText(l *layer) string {
	if len(l.may) == 0 {
		return "nothing of ours"
	}
	return strings.Join(l.may, ", ")
}

// goList runs `go list -deps -json` on every package of the module, with
// more flags before the pattern, and returns the packages.
func goList(t *testing.T, flags ...string) []pkg {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to read the import graph: %v", err)
	}
	args := append(append([]string{"list", "-deps", "-json"}, flags...), "vanban/...")
	cmd := exec.Command(goCmd, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	var pkgs []pkg
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("go list output: %v", err)
		}
		if p.Error != nil {
			t.Fatalf("go list: %s: %s", p.ImportPath, p.Error.Err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// TestLayering checks the module's real import graph.
func TestLayering(t *testing.T) {
	pkgs := goList(t)
	seen := map[string]bool{}
	for _, p := range pkgs {
		seen[p.ImportPath] = true
	}
	for _, want := range []string{"vanban/cmd/vanban", "vanban/extract", "vanban/index", "vanban/search", "vanban/export", "vanban/ingest", "vanban/ingest/vntext"} {
		if !seen[want] {
			t.Fatalf("go list does not list %s: the check would pass vacuously", want)
		}
	}
	for _, b := range check("vanban", pkgs) {
		t.Error(b)
	}
}

// TestLayeringFailsOnBadImports adds files with imports that break the
// layering to the real packages (through go list's -overlay, so nothing is
// written to the tree) and checks that each is reported.
func TestLayeringFailsOnBadImports(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bad := map[string]string{
		"extract":       `import _ "vanban/ingest"`,                                        // extract reads no file
		"export":        `import (_ "github.com/blevesearch/bleve/v2"; _ "vanban/search")`, // export is search's sibling
		"index":         `import _ "github.com/ledongthuc/pdf"`,                            // a reader library under the index
		"ingest/vntext": `import _ "vanban/internal/testshared"`,                           // vntext is a leaf
	}
	replace := map[string]string{}
	for p, imports := range bad {
		src := filepath.Join(dir, strings.ReplaceAll(p, "/", "_")+".go")
		name := filepath.Base(p)
		if err := os.WriteFile(src, []byte("package "+name+"\n\n"+imports+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		replace[filepath.Join(root, p, "zz_layers_bad.go")] = src
	}
	overlay := filepath.Join(dir, "overlay.json")
	b, _ := json.Marshal(map[string]any{"Replace": replace})
	if err := os.WriteFile(overlay, b, 0o644); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(check("vanban", goList(t, "-overlay="+overlay)), "\n")
	for _, want := range []string{
		"vanban/extract imports vanban/ingest",
		"vanban/export imports github.com/blevesearch/bleve/v2 (only",
		"vanban/export imports vanban/search",
		"vanban/index depends on the reader library github.com/ledongthuc/pdf",
		"vanban/search depends on the reader library github.com/ledongthuc/pdf", // through index
		"vanban/extract depends on the reader library golang.org/x/net/html",    // through ingest
		"vanban/ingest/vntext imports vanban/internal/testshared",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("check of the bad imports did not report %q; it reported:\n%s", want, got)
		}
	}
}

// TestCheck runs the check on a made-up graph.
func TestCheck(t *testing.T) {
	pkgs := []pkg{
		{ImportPath: "vanban/ingest/pdf", Imports: []string{"vanban/ingest", "vanban/ingest/vntext", "github.com/ledongthuc/pdf"}},
		{ImportPath: "vanban/extract/targets", Imports: []string{"vanban/extract"}},
		{ImportPath: "vanban/search", Imports: []string{"vanban/export", "github.com/blevesearch/bleve/v2"}},
		{ImportPath: "vanban/newthing", Imports: []string{"fmt"}},
		{ImportPath: "vanban/cmd/vanban", Imports: []string{"vanban/ingest/pdf", "vanban/search"}},
		{ImportPath: "fmt", Standard: true},
	}
	want := []string{
		// a reader importing the front door
		"vanban/ingest/pdf imports vanban/ingest (vanban/ingest/pdf may import vanban/ingest/vntext, vanban/internal/lazyregexp)",
		"vanban/newthing has no layer (add it to layerTable)",
		"vanban/search imports vanban/export (vanban/search may import vanban/index, vanban/extract, vanban/ingest/vntext, vanban/internal/lazyregexp)",
	}
	if got := check("vanban", pkgs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("check(made-up graph) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
