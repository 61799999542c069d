package export

import (
	"errors"
	"fmt"
	"io"
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
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the pattern, not a name the user gave
		}
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	return &File{File: f, path: path, force: force}, nil
}

// Path returns the final name.
func (f *File) Path() string { return f.path }

// Write writes to the temporary file; an error names the final file, not
// the temporary one.
func (f *File) Write(p []byte) (int, error) {
	n, err := f.File.Write(p)
	return n, f.named(err)
}

// ReadFrom copies r to the temporary file, with errors named as Write's.
func (f *File) ReadFrom(r io.Reader) (int64, error) {
	n, err := f.File.ReadFrom(r)
	return n, f.named(err)
}

// named returns err with the temporary file's name replaced by the final
// one: users never see temporary names.
func (f *File) named(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == f.Name() {
		return &fs.PathError{Op: pe.Op, Path: f.path, Err: pe.Err}
	}
	var le *os.LinkError
	if errors.As(err, &le) && le.Old == f.Name() {
		return fmt.Errorf("%s %s: %w", le.Op, f.path, le.Err)
	}
	return err
}

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
		return fmt.Errorf("write %s: %w", f.path, f.bare(err))
	}
	if err := f.File.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", f.path, f.bare(err))
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", f.path, f.bare(err))
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
		return fmt.Errorf("write %s: %w", f.path, f.bare(err))
	}
	return nil
}

// bare returns the system's reason of an error about the temporary file
// (or its rename), without the file names.
func (f *File) bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
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
