package ingest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"vanban/internal/testshared"
)

// TestLegacySpreadsheets reads the legacy corpus's .xls files, and the
// .xlsx and .ods LibreOffice converts them to (where soffice is
// installed), against their transcripts. The VNI files must match at 0.98
// of characters; the TCVN3 ones less: their transcripts keep the lowercase
// codes of .VnTimeH headings that display as capitals (corpus README) and
// write decimals with a point where the reader writes "6,8".
func TestLegacySpreadsheets(t *testing.T) {
	legacy := testshared.Dir(t, "corpus/legacy")
	files, _ := filepath.Glob(filepath.Join(legacy, "*", "*.xls"))
	if len(files) == 0 {
		t.Skip("no .xls in the legacy corpus")
	}
	tmp := t.TempDir()
	var converted []string
	if _, err := exec.LookPath("soffice"); err == nil && !testing.Short() {
		var vni []string
		for _, f := range files {
			if filepath.Base(filepath.Dir(f)) == "vni" {
				vni = append(vni, f)
			}
		}
		for _, ext := range []string{"xlsx", "ods"} {
			args := append([]string{"--headless", "-env:UserInstallation=file://" + filepath.Join(tmp, "lo"), "--convert-to", ext, "--outdir", tmp}, vni...)
			if out, err := exec.Command("soffice", args...).CombinedOutput(); err != nil {
				t.Logf("soffice --convert-to %s: %v: %s", ext, err, out)
				continue
			}
			for _, f := range vni {
				converted = append(converted, filepath.Join(tmp, strings.TrimSuffix(filepath.Base(f), ".xls")+"."+ext))
			}
		}
	} else {
		t.Log("soffice not installed (or -short): .xlsx and .ods conversions not read")
	}
	for _, path := range append(files, converted...) {
		name := filepath.Base(path)
		ext := filepath.Ext(name)
		base := strings.TrimSuffix(name, ext)
		enc := "vni"
		if strings.HasPrefix(path, legacy) {
			enc = filepath.Base(filepath.Dir(path))
		}
		t.Run(ext[1:]+"/"+base, func(t *testing.T) {
			truth, err := os.ReadFile(filepath.Join(legacy, enc, "truth", base+".txt"))
			if err != nil {
				t.Skipf("no transcript: %v", err)
			}
			doc, err := Read(path)
			if err != nil {
				t.Fatalf("Read(%s): %v", name, err)
			}
			r := charRecall(string(truth), doc.Text())
			min := 0.98
			if enc == "tcvn3" {
				min = 0.90
			}
			t.Logf("%s (%s): format %s, encoding %q, char recall %.4f", name, enc, doc.Format, doc.Encoding, r)
			if r < min {
				t.Errorf("Read(%s): char recall %.4f against the transcript; want >= %.2f", name, r, min)
			}
			if doc.Encoding != enc {
				t.Errorf("Read(%s).Encoding = %q; want %q", name, doc.Encoding, enc)
			}
		})
	}
}
