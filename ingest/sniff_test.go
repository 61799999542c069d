package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"math/rand"
	"testing"
)

// zipOf builds a zip archive holding the named parts.
func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	rand.New(rand.NewSource(1)).Read(b)
	return b
}

func TestSniff(t *testing.T) {
	ole := func(stream string) []byte {
		b := append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 504)...)
		return append(b, utf16le(stream)...)
	}
	tests := []struct {
		name   string
		data   []byte
		format Format
		err    error
	}{
		{"pdf", []byte("%PDF-1.7\n..."), FormatPDF, nil},
		{"pdf after junk", append([]byte("From: x\r\n\r\n"), []byte("%PDF-1.4\n")...), FormatPDF, nil},
		{"pdf after binary junk", []byte("\x00\x01\xff%PDF-1.4\n"), FormatPDF, nil},
		{"text quoting a PDF header", []byte("Tệp bắt đầu bằng %PDF-1.4 là PDF"), FormatText, nil},
		{"not a version", []byte("%PDF-x"), FormatText, nil},
		{"docx", zipOf(t, map[string]string{"word/document.xml": "<w:document/>", "[Content_Types].xml": ""}), FormatDOCX, nil},
		{"docx without main part", zipOf(t, map[string]string{"word/styles.xml": "<x/>"}), FormatDOCX, nil},
		{"xlsx", zipOf(t, map[string]string{"xl/workbook.xml": "<x/>"}), FormatXLSX, nil},
		{"ods", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}), FormatODS, nil},
		{"pptx", zipOf(t, map[string]string{"ppt/presentation.xml": "<x/>"}), FormatPPTX, nil},
		{"odt", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text"}), FormatODT, nil},
		{"odp", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.presentation"}), FormatODP, nil},
		{"plain zip", zipOf(t, map[string]string{"a.txt": "hello"}), "", ErrNotDocument},
		{"broken zip", []byte("PK\x03\x04garbage"), "", ErrCorrupt},
		{"rtf", []byte(`{\rtf1\ansi hello}`), FormatRTF, nil},
		{"rtf after bom", []byte("\xef\xbb\xbf  {\\rtf1 x}"), FormatRTF, nil},
		{"word 97", ole("WordDocument"), FormatDOC, nil},
		{"excel 97", ole("Workbook"), FormatXLS, nil},
		{"powerpoint 97", ole("PowerPoint Document"), FormatPPT, nil},
		{"powerpoint with an Excel chart", append(ole("PowerPoint Document"), utf16le("Workbook")...), FormatPPT, nil},
		{"encrypted office", ole("EncryptedPackage"), "", ErrEncrypted},
		{"html doctype", []byte("<!DOCTYPE html><html><body>x</body></html>"), FormatHTML, nil},
		{"html upper", []byte("\n\n<HTML><HEAD><TITLE>x</TITLE>"), FormatHTML, nil},
		{"html bom", []byte("\xef\xbb\xbf<html>"), FormatHTML, nil},
		{"xhtml", []byte(`<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN"><html>`), FormatHTML, nil},
		{"html fragment", []byte("<div><p>Nghị quyết</p></div>"), FormatHTML, nil},
		{"html after comment", []byte("<!-- saved from url --><html><body>x"), FormatHTML, nil},
		{"markdown", []byte("# Nghị quyết\n\n<b>không</b> phải HTML"), FormatText, nil},
		{"text", []byte("Nghị quyết số 15/2011/NQ-HĐND\n"), FormatText, nil},
		{"text mentioning html", []byte("Trang <html> này"), FormatText, nil},
		{"utf16le bom", []byte("\xff\xfeN\x00g\x00"), FormatText, nil},
		{"utf16be bom", []byte("\xfe\xff\x00N\x00g"), FormatText, nil},
		{"utf16le html", []byte("\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00"), FormatHTML, nil},
		{"utf16be html", []byte("\xfe\xff\x00\n\x00<\x00h\x00t\x00m\x00l"), FormatHTML, nil},
		{"utf16le no bom", bytes.Repeat([]byte("N\x00g\x00h\x00\xcb\x1e \x00"), 20), FormatText, nil},
		{"legacy 8-bit", []byte("Ngh\xd6 quy\xd5t s\xe8 15"), FormatText, nil},
		{"elf", []byte("\x7fELF\x02\x01\x01\x00\x00\x00"), "", ErrNotDocument},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), FormatPNG, nil},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), FormatJPEG, nil},
		{"tiff", []byte("II*\x00\x08\x00\x00\x00"), FormatTIFF, nil},
		{"gif", []byte("GIF89a\x01\x00"), "", ErrNotDocument},
		{"gzip", []byte("\x1f\x8b\x08\x00"), "", ErrNotDocument},
		{"random", randomBytes(4096), "", ErrNotDocument},
		{"NUL-padded text", append([]byte("Nghị quyết\n"), make([]byte, 200)...), "", ErrNotDocument},
		{"one stray NUL in long text", append(bytes.Repeat([]byte("Nghị quyết số 15. "), 200), 0), FormatText, nil},
		{"text starting BM", []byte("BMW và Mercedes"), FormatText, nil},
		{"text starting MZ", []byte("MZ is a text"), FormatText, nil},
	}
	for _, tt := range tests {
		got := sniff(tt.data)
		if got.format != tt.format || !errors.Is(got.err, tt.err) || (tt.err == nil) != (got.err == nil) {
			t.Errorf("sniff(%s %q) = %q, %v; want %q, %v", tt.name, trunc(tt.data), got.format, got.err, tt.format, tt.err)
		}
	}
}

func TestBinaryKindNames(t *testing.T) {
	tests := []struct {
		data []byte
		want string
	}{
		{[]byte("\x7fELF\x02\x01"), "an ELF binary"},
		{[]byte("\x89PNG\r\n\x1a\n"), "a PNG image"},
		{[]byte("GIF89a..."), "a GIF image"},
		{[]byte("7z\xbc\xaf\x27\x1c..."), "a 7-Zip archive"},
		{[]byte("SQLite format 3\x00"), "an SQLite database"},
		{append([]byte("RIFF\x00\x00\x00\x00WEBP"), 0), "a WebP image"},
		{[]byte("Nghị quyết"), ""},
	}
	for _, tt := range tests {
		if got := binaryKind(tt.data); got != tt.want {
			t.Errorf("binaryKind(%q) = %q; want %q", trunc(tt.data), got, tt.want)
		}
	}
}

func trunc(b []byte) []byte {
	if len(b) > 40 {
		return b[:40]
	}
	return b
}
