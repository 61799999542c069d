package index

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenNotIndex checks that a regular file or a folder of other things
// is refused as "not a vanban index" and left as it was, by Open and
// OpenReadOnly alike, and that a missing or empty folder is not.
func TestOpenNotIndex(t *testing.T) {
	base := t.TempDir()
	file := filepath.Join(base, "afile")
	folder := filepath.Join(base, "folder")
	if err := os.WriteFile(file, []byte("notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(folder, "notes.txt"), []byte("notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, open := range map[string]func(string) (*Index, error){"Open": Open, "OpenReadOnly": OpenReadOnly} {
		for _, dir := range []string{file, folder} {
			ix, err := open(dir)
			if err == nil {
				ix.Close()
				t.Fatalf("%s(%s) = nil error; want ErrNotIndex", name, dir)
			}
			if !errors.Is(err, ErrNotIndex) || strings.Count(err.Error(), "open index") != 1 {
				t.Errorf("%s(%s) = %v; want ErrNotIndex, with \"open index\" once", name, dir, err)
			}
		}
	}
	if ents, _ := os.ReadDir(folder); len(ents) != 1 {
		t.Errorf("the folder holds %d entries after the opens; want only its own file", len(ents))
	}
	if b, _ := os.ReadFile(file); string(b) != "notes" {
		t.Errorf("the file was changed: %q", b)
	}
	empty := filepath.Join(base, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenReadOnly(empty); !errors.Is(err, ErrNoIndex) {
		t.Errorf("OpenReadOnly(empty folder) = %v; want ErrNoIndex", err)
	}
	ix, err := Open(empty)
	if err != nil {
		t.Fatalf("Open(empty folder) = %v; want a new index there", err)
	}
	ix.Close()
}

// TestCreateErrorNamesNoTemporary checks that a failed creation names the
// index folder and never the temporary folder it is built in.
func TestCreateErrorNamesNoTemporary(t *testing.T) {
	// A name of 250 bytes is a valid folder name, but the temporary name
	// (the name + ".creating-PID") is longer than a name may be.
	dir := filepath.Join(t.TempDir(), strings.Repeat("x", 250))
	_, err := Open(dir)
	if err == nil {
		t.Fatal("Open with a temporary name too long = nil error")
	}
	if strings.Contains(err.Error(), ".creating-") || strings.Count(err.Error(), dir) != 1 {
		t.Errorf("Open = %q; want the index folder named once and no temporary name", err)
	}
	t.Logf("error: %v", err)
}
