package ingest

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"vanban/internal/testshared"
)

// legacyOverall matches textacc.py's summary line.
var legacyOverall = regexp.MustCompile(`overall: char ([0-9.]+)\s+diacritic ([0-9.]+)\s+syllable ([0-9.]+)`)

// TestLegacyAccuracy reads the real TCVN3 and VNI .rtf and .doc files of
// ../shared/corpus/legacy with ReadBytes (what `vanban text` prints) and
// scores them against their transcripts with ../shared/eval/textacc.py,
// logging per-file and overall char, diacritic and syllable accuracy. It
// fails only on a clearly broken result (overall syllable accuracy under
// 0.9), as a regression guard; scripts/legacy-accuracy.sh is the full
// measurement (PDFs included, through the binary). Set
// VANBAN_LEGACY_OUT=DIR to keep the extracted texts.
func TestLegacyAccuracy(t *testing.T) {
	legacy := testshared.Dir(t, "corpus/legacy")
	scorer := testshared.Dir(t, "eval/textacc.py")
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("skipped: python3 is not installed (needed for eval/textacc.py)")
	}
	truthDir, predDir := t.TempDir(), t.TempDir()
	if out := os.Getenv("VANBAN_LEGACY_OUT"); out != "" {
		predDir = out
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	for _, enc := range []string{"tcvn3", "vni"} {
		files, err := filepath.Glob(filepath.Join(legacy, enc, "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range files {
			ext := strings.ToLower(filepath.Ext(path))
			if ext != ".rtf" && ext != ".doc" {
				continue
			}
			name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
			truth, err := os.ReadFile(filepath.Join(legacy, enc, "truth", name+".txt"))
			if err != nil {
				t.Errorf("%s: no transcript: %v", path, err)
				continue
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := ReadBytes(path, data)
			if err != nil {
				t.Errorf("ReadBytes(%s): %v", filepath.Base(path), err)
				continue
			}
			if doc.Encoding != enc {
				t.Logf("%s: encoding %q (folder says %q)", filepath.Base(path), doc.Encoding, enc)
			}
			if err := os.WriteFile(filepath.Join(truthDir, name+".txt"), truth, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(predDir, name+".txt"), []byte(doc.Text()), 0o644); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no .rtf or .doc files found in the legacy corpus")
	}
	out, err := exec.Command(python, scorer, truthDir, predDir).CombinedOutput()
	if err != nil {
		t.Fatalf("textacc.py: %v\n%s", err, out)
	}
	t.Logf("textacc.py over %d files:\n%s", n, out)
	m := legacyOverall.FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("textacc.py printed no overall line:\n%s", out)
	}
	syl, _ := strconv.ParseFloat(m[3], 64)
	if syl < 0.9 {
		t.Errorf("overall syllable accuracy %.4f < 0.9: the legacy readers are broken", syl)
	}
}
