package ingest

// Tests of the presentation readers (package slides) and the ODT reader
// (package word) through the front door.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanban/internal/testshared"
)

// TestReadPresentationsAndODT reads the fixtures made with LibreOffice
// from the scanned fixture's text (testdata/scan/nghiquyet-xa.html):
// .odt, .pptx, .ppt and .odp, the legacy ones typed in TCVN3 and VNI fonts. The
// text must match the text-layer PDF of the same document.
func TestReadPresentationsAndODT(t *testing.T) {
	truth := scanTruth(t)
	tests := []struct {
		path   string
		format Format
		pages  int
		paged  bool
		enc    string
		min    float64 // character recall against the PDF's text
	}{
		{filepath.Join("word", "testdata", "odt", "nghiquyet-xa.odt"), FormatODT, 1, false, "", 0.99},
		{filepath.Join("slides", "testdata", "nghiquyet.pptx"), FormatPPTX, 3, true, "", 0.99},
		{filepath.Join("slides", "testdata", "legacy.pptx"), FormatPPTX, 3, true, "vni", 0.99},
		{filepath.Join("slides", "testdata", "legacy.ppt"), FormatPPT, 3, true, "vni", 0.99},
		{filepath.Join("slides", "testdata", "nghiquyet.odp"), FormatODP, 3, true, "", 0.99},
		{filepath.Join("slides", "testdata", "legacy.odp"), FormatODP, 3, true, "vni", 0.99},
	}
	for _, tt := range tests {
		doc, err := Read(tt.path)
		if err != nil {
			t.Errorf("Read(%s): %v", tt.path, err)
			continue
		}
		if doc.Format != tt.format || len(doc.Pages) != tt.pages || doc.Paged != tt.paged || doc.Encoding != tt.enc {
			t.Errorf("Read(%s) = format %q, %d pages, paged %v, encoding %q; want %q, %d, %v, %q",
				tt.path, doc.Format, len(doc.Pages), doc.Paged, doc.Encoding, tt.format, tt.pages, tt.paged, tt.enc)
		}
		if r := charRecall(truth, doc.Text()); r < tt.min {
			t.Errorf("Read(%s): character recall %.4f against the PDF text; want >= %.2f\n%s", tt.path, r, tt.min, doc.Text())
		}
		for _, line := range []string{"NGHỊ QUYẾT", "Số 07-NQ/ĐU", "BÍ THƯ"} {
			if !strings.Contains("\n"+doc.Text()+"\n", "\n"+line+"\n") {
				t.Errorf("Read(%s): no line %q", tt.path, line)
			}
		}
	}
}

// TestLegacyPresentations reads the legacy corpus's PowerPoint 97-2003
// files (VNI text in 8-bit and UTF-16 text atoms) against their
// transcripts.
func TestLegacyPresentations(t *testing.T) {
	legacy := testshared.Dir(t, "corpus/legacy")
	files, _ := filepath.Glob(filepath.Join(legacy, "*", "*.ppt"))
	if len(files) == 0 {
		t.Skip("no .ppt in the legacy corpus")
	}
	for _, path := range files {
		enc := filepath.Base(filepath.Dir(path))
		base := strings.TrimSuffix(filepath.Base(path), ".ppt")
		truth, err := os.ReadFile(filepath.Join(legacy, enc, "truth", base+".txt"))
		if err != nil {
			t.Errorf("%s: no transcript: %v", base, err)
			continue
		}
		doc, err := Read(path)
		if err != nil {
			t.Errorf("Read(%s): %v", filepath.Base(path), err)
			continue
		}
		r := charRecall(string(truth), doc.Text())
		t.Logf("%s (%s): %d slides, encoding %q, char recall %.4f", base, enc, len(doc.Pages), doc.Encoding, r)
		if r < 0.98 {
			t.Errorf("Read(%s): char recall %.4f against the transcript; want >= 0.98", base, r)
		}
		if doc.Format != FormatPPT || doc.Encoding != enc {
			t.Errorf("Read(%s) = format %q, encoding %q; want ppt, %q", base, doc.Format, doc.Encoding, enc)
		}
		if bad := brokenDiacritics(doc.Text()); bad != "" {
			t.Errorf("Read(%s): broken text near %q", base, bad)
		}
	}
}
