package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned by CreateFile when the file exists and overwriting
// was not asked for.
var ErrExists = errors.New("file exists (use --force to overwrite it)")

// File is an output file written under a temporary name in the same
// folder and renamed into place by Commit: an interrupted export never
// leaves a half-written file under the final name.
type File struct {
	*os.File
	path  string
	force bool
	done  bool
}

// CreateFile starts writing path. Unless force is set it fails with
// ErrExists when path exists (checked again at Commit).
func CreateFile(path string, force bool) (*File, error) {
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return nil, fmt.Errorf("%s: %w", path, ErrExists)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("create %s: %w", path, err)
		}
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	return &File{File: f, path: path, force: force}, nil
}

// Path returns the final name.
func (f *File) Path() string { return f.path }

// Commit syncs and closes the file and renames it into place.
func (f *File) Commit() error {
	if f.done {
		return errors.New("commit " + f.path + ": already done")
	}
	f.done = true
	tmp := f.Name()
	if err := f.Sync(); err != nil {
		f.File.Close()
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	if err := f.File.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	if !f.force {
		// Link fails when the name was taken meanwhile; rename would not.
		if err := os.Link(tmp, f.path); err == nil {
			os.Remove(tmp)
			return nil
		} else if errors.Is(err, fs.ErrExist) {
			os.Remove(tmp)
			return fmt.Errorf("%s: %w", f.path, ErrExists)
		}
	}
	if err := os.Rename(tmp, f.path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	return nil
}

// Abort closes and removes the temporary file, unless Commit ran; it is
// safe to defer.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.File.Close()
	os.Remove(f.Name())
}
