package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

func TestWalk(t *testing.T) {
	root := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	write := func(rel, body string) {
		p := filepath.Join(root, rel)
		must(os.MkdirAll(filepath.Dir(p), 0o755))
		must(os.WriteFile(p, []byte(body), 0o644))
	}
	write("b.txt", "b")
	write("a/nghị quyết.txt", "nfc name")
	write("a/nghi\u0323 quye\u0302\u0301t.txt", "nfd name")
	write("a/\xff\xfename.txt", "non-utf8 name")
	write("a/photo.JPG", "a scan: read when OCR is on")
	write("a/clip.mp4", "not read")
	write(".git/config", "hidden")
	write("skipme/x.txt", "skipped folder")
	must(os.Symlink("..", filepath.Join(root, "a", "loop")))
	must(os.Symlink("nowhere", filepath.Join(root, "broken")))
	must(os.Symlink("b.txt", filepath.Join(root, "c-link.txt")))

	var got []string
	problems := map[string]error{}
	var notes []string
	err := Walk(context.Background(), []string{root}, WalkOptions{
		Skip:    []string{filepath.Join(root, "skipme")},
		Problem: func(p string, err error) { problems[p] = err },
		Note:    func(p, why string) { notes = append(notes, filepath.Base(p)+": "+why) },
	}, func(e Entry) error {
		rel, _ := filepath.Rel(root, e.Path)
		got = append(got, rel)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	want := []string{
		"a/nghi\u0323 quye\u0302\u0301t.txt",
		"a/nghị quyết.txt",
		"a/photo.JPG",
		"a/\xff\xfename.txt",
		"b.txt",
		"c-link.txt",
	}
	if OCRAvailable() != nil {
		want = slices.DeleteFunc(want, func(s string) bool { return s == "a/photo.JPG" })
	}
	// Names sort by bytes: NFD "nghi" + U+0323 comes before NFC "nghị".
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Walk files = %q; want %q", got, want)
	}
	if err := problems[filepath.Join(root, "a", "loop")]; !errors.Is(err, ErrSymlinkLoop) {
		t.Errorf("symlink loop reported as %v; want ErrSymlinkLoop", err)
	}
	if problems[filepath.Join(root, "broken")] == nil {
		t.Errorf("broken link not reported; problems = %v", problems)
	}
	wantNotes := map[string]bool{"clip.mp4: not a document by its name": true, "\xff\xfename.txt: file name is not valid UTF-8": true}
	for _, n := range notes {
		delete(wantNotes, n)
	}
	if len(wantNotes) > 0 {
		t.Errorf("notes = %q; missing %v", notes, wantNotes)
	}
}

// TestWalkImagesOCROff checks that image files are passed over by name
// when OCR is off (or tesseract is missing), and walked otherwise.
func TestWalkImagesOCROff(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"scan.tif", "scan.png", "doc.txt"} {
		if err := os.WriteFile(filepath.Join(root, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	walk := func() []string {
		var got []string
		err := Walk(context.Background(), []string{root}, WalkOptions{}, func(e Entry) error {
			got = append(got, filepath.Base(e.Path))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	defer SetOCR(OCROptions{})
	SetOCR(OCROptions{Mode: OCROff})
	if got := walk(); !reflect.DeepEqual(got, []string{"doc.txt"}) {
		t.Errorf("Walk with OCR off = %q; want only doc.txt", got)
	}
	SetOCR(OCROptions{Mode: OCRAuto})
	want := []string{"doc.txt", "scan.png", "scan.tif"}
	if OCRAvailable() != nil {
		want = []string{"doc.txt"} // no tesseract: images are passed over
	}
	if got := walk(); !reflect.DeepEqual(got, want) {
		t.Errorf("Walk with OCR auto = %q; want %q", got, want)
	}
}

func TestWalkMissingRootAndCancel(t *testing.T) {
	var problems []string
	err := Walk(context.Background(), []string{"/no/such/folder"}, WalkOptions{
		Problem: func(p string, err error) { problems = append(problems, p) },
	}, func(Entry) error { t.Error("fn called for a missing root"); return nil })
	if err != nil || len(problems) != 1 {
		t.Errorf("Walk(missing) = %v, problems %q; want nil and one problem", err, problems)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "x.txt"), []byte("x"), 0o644)
	if err := Walk(ctx, []string{root}, WalkOptions{}, func(Entry) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("Walk(cancelled) = %v; want context.Canceled", err)
	}
}
