package vntext

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"vanban/internal/testshared"
)

// variant is one row of corpus/formats/variants.tsv.
type variant struct{ file, source, kind, encoding string }

func readVariants(t *testing.T, dir string) []variant {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "variants.tsv"))
	if err != nil {
		t.Fatalf("open variants: %v", err)
	}
	defer f.Close()
	var vs []variant
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 5 || cols[0] == "variant" {
			continue
		}
		vs = append(vs, variant{cols[0], cols[1], cols[2], cols[4]})
	}
	return vs
}

// TestDecodeFormats decodes every text variant in corpus/formats and
// compares it with its UTF-8 source in corpus/dev.
func TestDecodeFormats(t *testing.T) {
	formats := testshared.Dir(t, "corpus/formats")
	dev := testshared.Dir(t, "corpus/dev")
	n := 0
	for _, v := range readVariants(t, formats) {
		if !strings.HasSuffix(v.file, ".txt") {
			continue
		}
		n++
		b, err := os.ReadFile(filepath.Join(formats, v.file))
		if err != nil {
			t.Fatal(err)
		}
		src, err := os.ReadFile(filepath.Join(dev, v.source))
		if err != nil {
			t.Fatal(err)
		}
		got, enc, warnings := Decode(b)
		if enc != v.encoding {
			t.Errorf("Decode(%s) encoding = %q; want %q (warnings %q)", v.file, enc, v.encoding, warnings)
			continue
		}
		want := norm.NFC.String(string(src))
		got = strings.ReplaceAll(got, "\r\n", "\n")
		if v.kind == "tcvn3" {
			// TCVN3 has no toned capitals: compare case-folded.
			got, want = strings.ToLower(got), strings.ToLower(want)
		}
		if got != want {
			t.Errorf("Decode(%s) differs from %s at %s", v.file, v.source, firstDiff(got, want))
		}
	}
	if n == 0 {
		t.Fatal("no text variants found")
	}
}

func firstDiff(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	for i := 0; i < len(ra) && i < len(rb); i++ {
		if ra[i] != rb[i] {
			lo := max(0, i-20)
			return "rune " + itoa(i) + ": got " + quote(ra[lo:min(len(ra), i+20)]) + ", want " + quote(rb[lo:min(len(rb), i+20)])
		}
	}
	return "length: got " + itoa(len(ra)) + " runes, want " + itoa(len(rb))
}

func quote(r []rune) string { return "\"" + string(r) + "\"" }

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for i > 0 {
		s = string(rune('0'+i%10)) + s
		i /= 10
	}
	return s
}

// TestDecodeUTF8Corpus checks that no UTF-8 file of the shared corpus is
// reported as anything but UTF-8 or changed beyond NFC.
func TestDecodeUTF8Corpus(t *testing.T) {
	root := testshared.Dir(t, "corpus")
	dirs := []string{"dev", "bulk", "formats", "legacy/tcvn3/truth", "legacy/vni/truth"}
	n := 0
	for _, d := range dirs {
		err := filepath.WalkDir(filepath.Join(root, d), func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			ext := filepath.Ext(path)
			if ext != ".txt" && ext != ".md" && ext != ".html" && ext != ".json" && ext != ".tsv" {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if !utf8Valid(b) {
				return nil
			}
			n++
			got, enc, warnings := Decode(b)
			if enc != "utf-8" || len(warnings) > 0 {
				t.Errorf("Decode(%s) = %q %q; want utf-8, no warnings", path, enc, warnings)
			}
			if want := norm.NFC.String(strings.TrimPrefix(string(b), "\uFEFF")); got != want {
				t.Errorf("Decode(%s) changed the text beyond NFC", path)
			}
			if r, from := Repair(got); from != "" {
				t.Errorf("Repair(%s) repaired clean UTF-8 text as %s: %s", path, from, firstDiff(r, got))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n == 0 {
		t.Fatal("no UTF-8 files found")
	}
	t.Logf("%d UTF-8 files", n)
}

func utf8Valid(b []byte) bool {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
	}
	return len(b) > 0 && strings.ToValidUTF8(string(b), "") == string(b)
}
