package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"
)

// Entry is one regular file found by Walk.
type Entry struct {
	// Path is the file's path: cleaned, absolute when the root was made
	// absolute by the caller, with the bytes of the name as on disk.
	Path    string
	Size    int64
	ModTime time.Time
}

// ErrSymlinkLoop is reported for a symbolic link that leads back into a
// folder the walk is already inside.
var ErrSymlinkLoop = errors.New("symlink loop: the link leads back to a folder already being walked")

// WalkOptions tunes Walk.
type WalkOptions struct {
	// Skip lists paths (files or folders) not to enter, such as the index
	// folder itself when it lies inside the archive.
	Skip []string
	// Problem is called for every path the walk cannot use: an unreadable
	// folder or file, a symlink loop, a broken link. The walk goes on.
	Problem func(path string, err error)
	// Note is called for paths the walk passes over on purpose (a file
	// that is clearly not a document by its name, a hidden folder, a file
	// name that is not valid UTF-8 is still walked but noted).
	Note func(path, reason string)
}

// skippedExt are suffixes of files that are never documents; Walk passes
// over them without reading a byte, so that a folder of scans and images
// does not fill the report with failures.
var skippedExt = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".bmp": true, ".tif": true, ".tiff": true,
	".webp": true, ".svg": true, ".ico": true, ".mp3": true, ".mp4": true, ".avi": true, ".mov": true,
	".wav": true, ".exe": true, ".dll": true, ".so": true, ".o": true, ".a": true, ".gz": true, ".tgz": true,
	".bz2": true, ".xz": true, ".7z": true, ".rar": true, ".iso": true, ".db": true, ".sqlite": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".css": true, ".js": true, ".json": true,
}

// ocrImageExt are the image suffixes Walk passes on to Read when OCR can
// run (not off, tesseract installed): scans filed as images.
var ocrImageExt = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".tif": true, ".tiff": true}

// ocrReadsImages reports whether image files are read: OCR is not off and
// tesseract is installed (without it a folder of photos would fill the
// report with failures).
func ocrReadsImages() bool {
	m, e := currentOCR()
	return m != OCROff && e.Available() == nil
}

// Walk calls fn for every regular file under roots (files or folders), in
// lexical order within each folder, following symbolic links with loop
// detection. Hidden folders (".git") are not entered. Problems go to
// opts.Problem and never stop the walk; only ctx or an error from fn does.
func Walk(ctx context.Context, roots []string, opts WalkOptions, fn func(Entry) error) error {
	w := walker{ctx: ctx, opts: opts, fn: fn, skip: map[string]bool{}}
	for _, s := range opts.Skip {
		if abs, err := filepath.Abs(s); err == nil {
			w.skip[abs] = true
		}
	}
	for _, root := range roots {
		if err := w.root(filepath.Clean(root)); err != nil {
			return err
		}
	}
	return nil
}

type walker struct {
	ctx  context.Context
	opts WalkOptions
	fn   func(Entry) error
	skip map[string]bool
	// active holds the os.Stat of the folders on the current path, to
	// detect symlink loops with os.SameFile (device and inode on Unix,
	// volume and file index on Windows). The path is a few folders deep,
	// so a scan beats a map keyed by a system-specific identity.
	active []fs.FileInfo
}

func (w *walker) problem(path string, err error) {
	if w.opts.Problem != nil {
		w.opts.Problem(path, err)
	}
}

func (w *walker) note(path, reason string) {
	if w.opts.Note != nil {
		w.opts.Note(path, reason)
	}
}

func (w *walker) skipped(path string) bool {
	if len(w.skip) == 0 {
		return false
	}
	abs, err := filepath.Abs(path)
	return err == nil && w.skip[abs]
}

func (w *walker) root(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		w.problem(path, describeStatError(err))
		return nil
	}
	w.active = w.active[:0]
	return w.visit(path, fi)
}

// visit handles path, whose os.Stat (links followed) is fi.
func (w *walker) visit(path string, fi fs.FileInfo) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	if w.skipped(path) {
		return nil
	}
	switch {
	case fi.IsDir():
		return w.dir(path, fi)
	case fi.Mode().IsRegular():
		if !utf8.ValidString(filepath.Base(path)) {
			w.note(path, "file name is not valid UTF-8")
		}
		if ext := strings.ToLower(filepath.Ext(path)); skippedExt[ext] && !(ocrImageExt[ext] && ocrReadsImages()) {
			w.note(path, "not a document by its name")
			return nil
		}
		return w.fn(Entry{Path: path, Size: fi.Size(), ModTime: fi.ModTime()})
	default:
		w.note(path, "not a regular file")
		return nil
	}
}

func (w *walker) dir(path string, fi fs.FileInfo) error {
	for _, a := range w.active {
		if os.SameFile(a, fi) {
			w.problem(path, ErrSymlinkLoop)
			return nil
		}
	}
	w.active = append(w.active, fi)
	defer func() { w.active = w.active[:len(w.active)-1] }()
	f, err := os.Open(path)
	if err != nil {
		w.problem(path, describeStatError(err))
		return nil
	}
	names, err := f.Readdirnames(-1)
	f.Close()
	if err != nil {
		w.problem(path, fmt.Errorf("cannot list folder: %w", err))
		// Go on with the names that were read.
	}
	sort.Strings(names)
	for _, name := range names {
		child := filepath.Join(path, name)
		lfi, err := os.Lstat(child)
		if err != nil {
			w.problem(child, describeStatError(err))
			continue
		}
		if strings.HasPrefix(name, ".") && lfi.IsDir() {
			continue
		}
		cfi := lfi
		if lfi.Mode()&fs.ModeSymlink != 0 {
			cfi, err = os.Stat(child)
			if err != nil {
				if errors.Is(err, syscall.ELOOP) {
					w.problem(child, ErrSymlinkLoop)
				} else {
					w.problem(child, fmt.Errorf("broken symbolic link: %w", err))
				}
				continue
			}
		}
		if err := w.visit(child, cfi); err != nil {
			return err
		}
	}
	return nil
}

// describeStatError turns a stat or open error into a one-line reason.
func describeStatError(err error) error {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("permission denied: %w", err)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("no such file or folder: %w", err)
	case errors.Is(err, syscall.ELOOP):
		return ErrSymlinkLoop
	}
	return err
}
