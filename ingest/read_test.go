package ingest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, MaxFileSize+1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		err  error
		msg  string
	}{
		{"empty", writeFile(t, "empty.txt", nil), ErrEmpty, "empty file"},
		{"missing", filepath.Join(dir, "missing.txt"), fs.ErrNotExist, "no such file"},
		{"directory", dir, nil, "is a directory"},
		{"too large", big, ErrTooLarge, "exceeds the limit of 256 MiB"},
		{"elf", writeFile(t, "ls.txt", []byte("\x7fELF\x02\x01\x01\x00rest")), ErrNotDocument, "not a document: looks like an ELF binary"},
		{"zip", writeFile(t, "a.docx", zipOf(t, map[string]string{"notes.txt": "x"})), ErrNotDocument, "ZIP archive without Word parts"},
		{"xlsx", writeFile(t, "a.xlsx", zipOf(t, map[string]string{"xl/workbook.xml": "<x/>"})), ErrCorrupt, "xlsx: corrupt"},
		{"pptx", writeFile(t, "a.pptx", zipOf(t, map[string]string{"ppt/media/a.png": "x"})), ErrCorrupt, "pptx: corrupt: no ppt/presentation.xml"},
		{"odt", writeFile(t, "a.odt", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text"})), ErrCorrupt, "odt: corrupt: no content.xml"},
	}
	for _, tt := range tests {
		doc, err := Read(tt.path)
		if err == nil {
			t.Errorf("Read(%s) error = nil; want %q", tt.name, tt.msg)
			continue
		}
		if tt.err != nil && !errors.Is(err, tt.err) {
			t.Errorf("Read(%s) error = %v; want errors.Is %v", tt.name, err, tt.err)
		}
		if !strings.Contains(err.Error(), tt.msg) || !strings.HasPrefix(err.Error(), tt.path+": ") {
			t.Errorf("Read(%s) error = %q; want %q prefixed by the path", tt.name, err, tt.msg)
		}
		if strings.Count(err.Error(), tt.path) != 1 {
			t.Errorf("Read(%s) error = %q; want the path named once", tt.name, err)
		}
		if doc.Path != tt.path {
			t.Errorf("Read(%s).Path = %q; want %q", tt.name, doc.Path, tt.path)
		}
	}
}

func TestReadFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pipe.txt")
	if err := mkfifo(p); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	_, err := Read(p) // must not block waiting for a writer
	if !errors.Is(err, ErrNotDocument) || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("Read(FIFO) error = %v; want not a regular file", err)
	}
}

func TestReadPermission(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: file modes do not stop reads")
	}
	p := writeFile(t, "secret.txt", []byte("Nghị quyết"))
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	_, err := Read(p)
	if !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("Read(mode 000) error = %v; want permission denied", err)
	}
}

func TestReadText(t *testing.T) {
	p := writeFile(t, "a.md", []byte("\xef\xbb\xbfNghị quyết\r\nsố 15\r\n"))
	doc, err := Read(p)
	if err != nil {
		t.Fatalf("Read(%q) error: %v", p, err)
	}
	if doc.Format != FormatText || doc.Paged || len(doc.Pages) != 1 {
		t.Errorf("Read(text) Format, Paged, pages = %q, %v, %d; want txt, false, 1", doc.Format, doc.Paged, len(doc.Pages))
	}
	if strings.Contains(doc.Text(), "\r") || !strings.Contains(doc.Text(), "Nghị quyết\nsố 15") {
		t.Errorf("Read(text).Text() = %q; want LF line ends", doc.Text())
	}
	if doc.Size != 28 {
		t.Errorf("Read(text).Size = %d; want 28", doc.Size)
	}
}

func TestReadSHA256(t *testing.T) {
	p := writeFile(t, "abc.txt", []byte("abc"))
	doc, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	const want = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
	if doc.SHA256 != want {
		t.Errorf("Read(\"abc\").SHA256 = %q; want %q", doc.SHA256, want)
	}
}

// swapReader replaces a reader variable for one test.
func swapReader(t *testing.T, v *func(string, []byte) (parsed, error), f func(string, []byte) (parsed, error)) {
	t.Helper()
	old := *v
	*v = f
	t.Cleanup(func() { *v = old })
}

func TestReadRecoversPanic(t *testing.T) {
	swapReader(t, &readText, func(string, []byte) (parsed, error) { panic("index out of range [3] with length 2") })
	p := writeFile(t, "a.txt", []byte("Nghị quyết"))
	_, err := Read(p)
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "reader crashed: index out of range") {
		t.Errorf("Read(panicking reader) error = %v; want a recovered crash", err)
	}
}

// TestReadDamagedXLS checks that a damaged .xls is corrupt and says it is
// a workbook.
func TestReadDamagedXLS(t *testing.T) {
	xls := append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 504)...)
	xls = append(xls, utf16le("Workbook")...)
	_, err := Read(writeFile(t, "a.xls", xls))
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "xls: ") {
		t.Errorf("Read(damaged xls) error = %v; want corrupt xls", err)
	}
}

func TestFinishCleansPages(t *testing.T) {
	var doc Document
	finish(&doc, parsed{
		pages:    []string{"Nghi\u0323 quyê\u0301t", "trang \xff hai"},
		paged:    true,
		title:    "  Tiêu\n đề ",
		warnings: []string{"w"},
		meta:     map[string]string{"author": " A ", "empty": " "},
	})
	if doc.Pages[0] != "Nghị quyết" {
		t.Errorf("finish: page 1 = %q; want NFC %q", doc.Pages[0], "Nghị quyết")
	}
	if !utf8.ValidString(doc.Pages[1]) || !strings.Contains(doc.Pages[1], "\uFFFD") {
		t.Errorf("finish: page 2 = %q; want invalid bytes replaced", doc.Pages[1])
	}
	if doc.Title != "Tiêu đề" || !doc.Paged || len(doc.Warnings) != 1 {
		t.Errorf("finish: Title, Paged, Warnings = %q, %v, %q; want %q, true, [w]", doc.Title, doc.Paged, doc.Warnings, "Tiêu đề")
	}
	if doc.Meta["author"] != "A" || len(doc.Meta) != 1 {
		t.Errorf("finish: Meta = %v; want author only", doc.Meta)
	}
	var empty Document
	finish(&empty, parsed{})
	if len(empty.Pages) != 1 || empty.Pages[0] != "" || len(empty.Warnings) != 1 || empty.Warnings[0] != "no text found in the file" {
		t.Errorf("finish(no pages).Pages, Warnings = %q, %q; want one empty page and a no-text warning", empty.Pages, empty.Warnings)
	}
}

func TestHumanBytes(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{12, "12 bytes"}, {2048, "2 KiB"}, {64 << 20, "64 MiB"}, {1140637742, "1.06 GiB"},
	}
	for _, tt := range tests {
		if got := humanBytes(tt.n); got != tt.want {
			t.Errorf("humanBytes(%d) = %q; want %q", tt.n, got, tt.want)
		}
	}
}
