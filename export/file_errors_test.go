package export

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestFileErrorsNameTheFile checks that write errors name the output
// file, never its temporary name.
func TestFileErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.xlsx")
	f, err := CreateFile(p, false)
	if err != nil {
		t.Fatal(err)
	}
	f.File.Close() // every write now fails
	_, err = f.Write([]byte("x"))
	var pe *fs.PathError
	if err == nil || !errors.As(err, &pe) || pe.Path != p || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("Write to a failed file = %v; want an error about %s and no temporary name", err, p)
	}
	_, err = f.ReadFrom(strings.NewReader("x"))
	if err == nil || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("ReadFrom to a failed file = %v; want an error without a temporary name", err)
	}
	err = f.Commit()
	if err == nil || !strings.Contains(err.Error(), p) || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("Commit of a failed file = %v; want an error about %s and no temporary name", err, p)
	}
	if left := leftovers(t, dir); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	// The folder cannot be written: the error names the file.
	_, err = CreateFile(filepath.Join(dir, "no-such-folder", "out.xlsx"), false)
	if err == nil || strings.Contains(err.Error(), ".tmp-") || strings.Contains(err.Error(), "*") {
		t.Errorf("CreateFile in a missing folder = %v; want an error without the temporary pattern", err)
	}
}
