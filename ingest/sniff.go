package ingest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// sniffed is what sniff finds in a file's bytes.
type sniffed struct {
	format Format // the reader to use; "" when err is set before any format is known
	what   string // human description ("Word 97-2003 document", ...)
	err    error  // set when the bytes are no document vanban reads
}

// pdfHeaderWindow is how far into the file "%PDF-" may start: readers
// accept a little junk (a mail header, a BOM) before it.
const pdfHeaderWindow = 1024

// magic describes a binary format by its leading bytes.
type magic struct {
	offset int
	prefix string
	what   string
}

// binaryMagics are formats that are never documents vanban reads.
var binaryMagics = []magic{
	{0, "\x7fELF", "an ELF binary"},
	{0, "\xca\xfe\xba\xbe", "a Java class or Mach-O universal binary"},
	{0, "\xfe\xed\xfa\xce", "a Mach-O binary"},
	{0, "\xfe\xed\xfa\xcf", "a Mach-O binary"},
	{0, "\xce\xfa\xed\xfe", "a Mach-O binary"},
	{0, "\xcf\xfa\xed\xfe", "a Mach-O binary"},
	{0, "\x00asm", "a WebAssembly module"},
	{0, "\x89PNG\r\n\x1a\n", "a PNG image"},
	{0, "\xff\xd8\xff", "a JPEG image"},
	{0, "GIF87a", "a GIF image"},
	{0, "GIF89a", "a GIF image"},
	{0, "II*\x00", "a TIFF image"},
	{0, "MM\x00*", "a TIFF image"},
	{0, "BM", ""}, // checked further in looksBMP
	{0, "AT&TFORM", "a DjVu document"},
	{0, "\x1f\x8b", "a gzip archive"},
	{0, "BZh", ""}, // checked further in binaryKind
	{0, "\xfd7zXZ\x00", "an xz archive"},
	{0, "\x28\xb5\x2f\xfd", "a zstd archive"},
	{0, "7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
	{0, "Rar!\x1a\x07", "a RAR archive"},
	{0, "SQLite format 3\x00", "an SQLite database"},
	{0, "OggS", "an Ogg audio/video file"},
	{0, "ID3", "an MP3 audio file"},
	{0, "fLaC", "a FLAC audio file"},
	{4, "ftyp", "an MP4/QuickTime video"},
	{0, "\x1a\x45\xdf\xa3", "a Matroska/WebM video"},
	{257, "ustar", "a tar archive"},
}

// sniff decides the format from the bytes alone.
func sniff(data []byte) sniffed {
	if len(data) == 0 {
		return sniffed{err: ErrEmpty}
	}
	if isPDFHeader(data) {
		return sniffed{format: FormatPDF, what: "PDF document"}
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")) {
		return sniffZip(data)
	}
	if bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) {
		return sniffOLE(data)
	}
	// Text-like formats may start with a UTF-8 BOM and blank space.
	body := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	body = bytes.TrimLeft(body[:min(len(body), 4096)], " \t\r\n\f")
	if bytes.HasPrefix(body, []byte(`{\rtf`)) {
		return sniffed{format: FormatRTF, what: "RTF document"}
	}
	if hasUTF16BOM(data) {
		if looksHTML(bytes.TrimLeft(utf16ASCII(data), " \t\r\n\f")) {
			return sniffed{format: FormatHTML, what: "HTML page (UTF-16)"}
		}
		return sniffed{format: FormatText, what: "UTF-16 text"}
	}
	if f, what := sniffImage(data); f != "" {
		return sniffed{format: f, what: what}
	}
	if what := binaryKind(data); what != "" {
		return sniffed{err: fmt.Errorf("%w: looks like %s", ErrNotDocument, what)}
	}
	if looksHTML(body) {
		return sniffed{format: FormatHTML, what: "HTML page"}
	}
	return sniffed{format: FormatText, what: "text"}
}

// utf16ASCII returns the ASCII characters of the opening of BOM-marked
// UTF-16 data (others become '?'), enough to recognize markup.
func utf16ASCII(data []byte) []byte {
	be := data[0] == 0xfe
	n := min(len(data), 2048) &^ 1
	out := make([]byte, 0, n/2)
	for i := 2; i+1 < n; i += 2 {
		hi, lo := data[i+1], data[i]
		if be {
			hi, lo = data[i], data[i+1]
		}
		if hi == 0 && lo < 0x80 {
			out = append(out, lo)
		} else {
			out = append(out, '?')
		}
	}
	return out
}

// isPDFHeader reports whether "%PDF-" and a version digit start the file or
// a line within its first KiB (readers accept a little junk before it).
func isPDFHeader(data []byte) bool {
	head := data[:min(len(data), pdfHeaderWindow)]
	for off := 0; ; {
		i := bytes.Index(head[off:], []byte("%PDF-"))
		if i < 0 {
			return false
		}
		i += off
		atLine := i == 0 || head[i-1] == '\n' || head[i-1] == '\r' || bytes.IndexByte(head[:i], 0) >= 0 || !utf8.Valid(head[:i])
		if atLine && i+5 < len(data) && data[i+5] >= '1' && data[i+5] <= '2' {
			return true
		}
		off = i + 5
	}
}

func hasUTF16BOM(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff})
}

// binaryKind names the binary format data looks like, or returns "" when
// the bytes may be text (in any 8-bit or 16-bit encoding).
func binaryKind(data []byte) string {
	for _, m := range binaryMagics {
		if len(data) < m.offset+len(m.prefix) || string(data[m.offset:m.offset+len(m.prefix)]) != m.prefix {
			continue
		}
		switch m.prefix {
		case "BM":
			if looksBMP(data) {
				return "a BMP image"
			}
			continue
		case "BZh":
			if len(data) > 3 && data[3] >= '1' && data[3] <= '9' && bytes.IndexByte(data[:min(len(data), 512)], 0) >= 0 {
				return "a bzip2 archive"
			}
			continue
		}
		return m.what
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" {
		switch string(data[8:12]) {
		case "WEBP":
			return "a WebP image"
		case "WAVE":
			return "a WAV audio file"
		case "AVI ":
			return "an AVI video"
		}
	}
	if len(data) >= 64 && string(data[:2]) == "MZ" && bytes.IndexByte(data[:64], 0) >= 0 {
		return "a Windows executable"
	}
	if looksUTF16NoBOM(data) {
		return ""
	}
	sample := data[:min(len(data), 64<<10)]
	nul, ctrl := 0, 0
	for _, b := range sample {
		switch {
		case b == 0:
			nul++
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1a && b != 0x1b:
			ctrl++
		case b == 0x7f:
			ctrl++
		}
	}
	// A stray NUL or two in a long text happens (a truncated write); more
	// than one in a thousand bytes does not. Legacy Vietnamese encodings
	// (VN1, VISCII) use a few C0 codes as letters, so controls get slack.
	if nul > 0 && nul*1000 > len(sample) || nul > 64 {
		return "binary data (NUL bytes)"
	}
	if ctrl*100 > len(sample)*10 {
		return "binary data (control bytes)"
	}
	return ""
}

// looksBMP checks the BMP header's own size fields.
func looksBMP(data []byte) bool {
	if len(data) < 26 {
		return false
	}
	hdr := int(data[14]) | int(data[15])<<8 | int(data[16])<<16 | int(data[17])<<24
	return hdr == 12 || hdr == 40 || hdr == 52 || hdr == 56 || hdr == 108 || hdr == 124
}

// looksUTF16NoBOM reports whether data looks like UTF-16 text without a
// BOM: NUL bytes nearly all on one parity, the other bytes mostly text.
func looksUTF16NoBOM(data []byte) bool {
	n := min(len(data), 4096) &^ 1
	if n < 16 {
		return false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	return (odd*10 >= half*6 && even*20 < half) || (even*10 >= half*6 && odd*20 < half)
}

// htmlStarts are the openings that mark a file as HTML when the (trimmed)
// file starts with them.
var htmlStarts = []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<!--"}

// looksHTML reports whether the opening of a text file is HTML markup.
func looksHTML(body []byte) bool {
	if len(body) == 0 || body[0] != '<' {
		return false
	}
	low := strings.ToLower(string(body[:min(len(body), 1024)]))
	if strings.HasPrefix(low, "<?xml") {
		return strings.Contains(low, "<html") || strings.Contains(low, "xhtml")
	}
	for _, s := range htmlStarts {
		if strings.HasPrefix(low, s) {
			if s == "<!--" {
				// A comment first: look for markup after it.
				return strings.Contains(low, "<html") || strings.Contains(low, "<head") || strings.Contains(low, "<body") || strings.Contains(low, "<!doctype html")
			}
			return true
		}
	}
	// A fragment: a block tag first and closing tags in the opening.
	for _, s := range []string{"<div", "<p>", "<p ", "<table", "<article", "<section", "<h1", "<h2", "<ul", "<span", "<font"} {
		if strings.HasPrefix(low, s) {
			return strings.Contains(low, "</")
		}
	}
	return false
}

// sniffZip tells a DOCX from other zip-based files by the part names.
func sniffZip(data []byte) sniffed {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return sniffed{err: fmt.Errorf("%w: damaged ZIP archive (not a readable DOCX): %v", ErrCorrupt, err)}
	}
	var word, xl, ppt, odf bool
	var mimetype string
	for _, f := range zr.File {
		name := strings.TrimPrefix(f.Name, "/")
		switch {
		case strings.HasPrefix(name, "word/"):
			word = true
		case strings.HasPrefix(name, "xl/"):
			xl = true
		case strings.HasPrefix(name, "ppt/"):
			ppt = true
		case name == "mimetype" && f.UncompressedSize64 < 256:
			odf = true
			if rc, err := f.Open(); err == nil {
				var b [256]byte
				n, _ := rc.Read(b[:])
				rc.Close()
				mimetype = string(b[:n])
			}
		case name == "[Content_Types].xml":
			// an OOXML package; its parts tell which kind
		}
	}
	switch {
	case word:
		return sniffed{format: FormatDOCX, what: "Word document (DOCX)"}
	case xl:
		return sniffed{format: FormatXLSX, what: "Excel workbook (XLSX)"}
	case ppt:
		return sniffed{format: FormatPPTX, what: "PowerPoint presentation (PPTX)"}
	case odf && strings.Contains(mimetype, "opendocument.spreadsheet"):
		return sniffed{format: FormatODS, what: "OpenDocument spreadsheet (ODS)"}
	case odf && strings.Contains(mimetype, "opendocument.text"):
		return sniffed{format: FormatODT, what: "OpenDocument text (ODT)"}
	case odf && strings.Contains(mimetype, "opendocument.presentation"):
		return sniffed{format: FormatODP, what: "OpenDocument presentation (ODP)"}
	case odf && strings.Contains(mimetype, "epub"):
		return sniffed{err: fmt.Errorf("%w: EPUB book", ErrUnsupported)}
	case odf:
		return sniffed{err: fmt.Errorf("%w: OpenDocument file (%s)", ErrUnsupported, strings.TrimSpace(mimetype))}
	}
	return sniffed{err: fmt.Errorf("%w: looks like a ZIP archive without Word parts (no word/document.xml)", ErrNotDocument)}
}

// oleStreams are directory entry names (UTF-16LE in the compound file's
// directory) that tell what an OLE2 file holds, in order of priority.
var oleStreams = []struct {
	name   string
	format Format
	what   string
	err    error
}{
	{"EncryptedPackage", "", "password-protected Office document", ErrEncrypted},
	{"WordDocument", FormatDOC, "Word 97-2003 document", nil},
	// before the workbooks: presentations often embed an Excel chart
	{"PowerPoint Document", FormatPPT, "PowerPoint 97-2003 presentation", nil},
	{"Workbook", FormatXLS, "Excel 97-2003 workbook", nil},
	{"Book", FormatXLS, "Excel 5.0/95 workbook", nil},
	{"__substg1.0_", "", "Outlook message", ErrUnsupported},
}

// sniffOLE looks at an OLE2 compound file's directory names: Word files
// go to the .doc reader, Excel files to the .xls reader, PowerPoint files
// to the .ppt reader; a compound file of unknown kind goes to the .doc
// reader, whose error says what it holds.
func sniffOLE(data []byte) sniffed {
	for _, s := range oleStreams {
		if !bytes.Contains(data, utf16le(s.name)) {
			continue
		}
		switch {
		case s.err == ErrEncrypted:
			return sniffed{err: fmt.Errorf("%w: %s: a password is required", ErrEncrypted, s.what)}
		case s.format == "":
			return sniffed{err: fmt.Errorf("%w: %s", s.err, s.what)}
		}
		return sniffed{format: s.format, what: s.what}
	}
	return sniffed{format: FormatDOC, what: "OLE2 compound file of unknown kind"}
}

// utf16le encodes an ASCII name as UTF-16LE bytes.
func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// sniffImage recognizes the image formats OCR reads: PNG, JPEG and TIFF.
func sniffImage(data []byte) (Format, string) {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return FormatPNG, "PNG image"
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return FormatJPEG, "JPEG image"
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return FormatTIFF, "TIFF image"
	}
	return "", ""
}
