package sheet

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"vanban/ingest/vntext"
)

// Sentinel errors; the readers' errors wrap them.
var (
	// ErrEncrypted means the workbook needs a password.
	ErrEncrypted = errors.New("encrypted")
	// ErrCorrupt means the bytes are a workbook of a known kind but
	// damaged beyond reading.
	ErrCorrupt = errors.New("corrupt")
	// ErrNotWorkbook means the container holds no workbook (an OLE2 file
	// without a Workbook stream, a zip without a sheet).
	ErrNotWorkbook = errors.New("not a workbook")
)

// Limits that keep a hostile workbook from using unbounded memory: cells
// past them are left out with a warning.
const (
	maxCells     = 2_000_000
	maxTextBytes = 64 << 20
	maxCols      = 16384
)

// Book is a workbook as read: its sheets' rows of cell texts and the
// metadata it carries.
type Book struct {
	// Sheets in workbook order.
	Sheets []Sheet
	// Title, Author and Created (ISO date or datetime) from the file's
	// properties, where it has them.
	Title, Author, Created string
	// Encoding names the legacy font encoding most cells were decoded
	// from ("tcvn3", "vni"), or "" for Unicode text.
	Encoding string
	// Warnings lists what was left out or could not be read.
	Warnings []string
}

// Sheet is one worksheet: its name and its rows, each row its cells'
// texts by column (empty strings for empty cells).
type Sheet struct {
	Name string
	Rows [][]string
}

// CellSep separates the cells of a row in Text: a target row reads
// "Tỷ lệ hộ nghèo | % | 3,5".
const CellSep = " | "

// Text renders the book as text: each sheet's rows as lines, the non-empty
// cells of a row joined by CellSep, sheets separated by a blank line and
// introduced by their name unless it is a default one ("Sheet1"). A
// cell's own line breaks become spaces.
func (b Book) Text() string {
	var sheets []string
	for _, s := range b.Sheets {
		var lines []string
		if name := strings.TrimSpace(s.Name); name != "" && !defaultSheetName(name) {
			lines = append(lines, name)
		}
		for _, row := range s.Rows {
			var cells []string
			for _, c := range row {
				if c = strings.Join(strings.Fields(c), " "); c != "" {
					cells = append(cells, c)
				}
			}
			if len(cells) > 0 {
				lines = append(lines, strings.Join(cells, CellSep))
			}
		}
		if len(lines) > 0 {
			sheets = append(sheets, strings.Join(lines, "\n"))
		}
	}
	return strings.Join(sheets, "\n\n")
}

// defaultSheetName reports names spreadsheet programs give new sheets
// ("Sheet1", "Feuil2", "Trang tính1", "Tabelle1"): they say nothing.
func defaultSheetName(name string) bool {
	base := strings.TrimRightFunc(name, unicode.IsDigit)
	if base == name {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(base)) {
	case "sheet", "feuil", "trang tính", "tabelle", "hoja", "foglio", "planilha", "blad", "лист":
		return true
	}
	return false
}

// limiter counts cells and text against the limits.
type limiter struct {
	cells, bytes int
	hit          bool
}

// add counts one cell of text s; it reports false once a limit is passed.
func (l *limiter) add(s string) bool {
	l.cells++
	l.bytes += len(s)
	if l.cells > maxCells || l.bytes > maxTextBytes {
		l.hit = true
		return false
	}
	return true
}

// warning words a passed limit.
func (l *limiter) warning() []string {
	if !l.hit {
		return nil
	}
	return []string{"workbook too large: cells past 2,000,000 cells or 64 MiB of text were left out"}
}

// setCell puts text into rows at (r, c), growing them.
func setCell(rows [][]string, r, c int, text string) [][]string {
	for len(rows) <= r {
		rows = append(rows, nil)
	}
	row := rows[r]
	for len(row) <= c {
		row = append(row, "")
	}
	row[c] = text
	rows[r] = row
	return rows
}

// trimRows drops empty trailing rows.
func trimRows(rows [][]string) [][]string {
	for len(rows) > 0 && rowEmpty(rows[len(rows)-1]) {
		rows = rows[:len(rows)-1]
	}
	return rows
}

func rowEmpty(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// numFmt says how a number cell is written, from its number format.
type numFmt int

const (
	fmtGeneral numFmt = iota
	fmtPercent
	fmtDate
	fmtDateTime
)

// classifyFormat tells a number format code apart: percent, date (with or
// without time), else general. Quoted text and bracketed parts (colours,
// locales) are ignored.
func classifyFormat(code string) numFmt {
	var b strings.Builder
	inQuote := false
	inBracket := false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '\\' || c == '_' || c == '*':
			i++ // an escaped or padding character
		case c == '[':
			inBracket = true
		case c == ']':
			inBracket = false
		case inBracket:
		default:
			b.WriteByte(c)
		}
	}
	s := strings.ToLower(b.String())
	if i := strings.IndexByte(s, ';'); i >= 0 {
		s = s[:i]
	}
	switch {
	case strings.Contains(s, "%"):
		return fmtPercent
	case strings.ContainsAny(s, "dy") || (strings.Contains(s, "m") && !strings.ContainsAny(s, "0#?")):
		if strings.ContainsAny(s, "hs") {
			return fmtDateTime
		}
		return fmtDate
	}
	return fmtGeneral
}

// builtinFormat classifies Excel's built-in number formats by id.
func builtinFormat(id int) numFmt {
	switch {
	case id == 9 || id == 10:
		return fmtPercent
	case id >= 14 && id <= 17:
		return fmtDate
	case id == 22:
		return fmtDateTime
	case id >= 27 && id <= 36, id >= 50 && id <= 58:
		return fmtDate // East Asian date formats
	}
	return fmtGeneral
}

// formatNumber writes a number cell the Vietnamese way: whole numbers as
// digits, decimals with a comma ("3,5"), percentages as "3,5%", dates as
// dd/mm/yyyy (date1904 for workbooks counting from 1904).
func formatNumber(v float64, f numFmt, date1904 bool) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	switch f {
	case fmtPercent:
		return decimal(v*100) + "%"
	case fmtDate, fmtDateTime:
		if t, ok := serialTime(v, date1904); ok {
			if f == fmtDateTime && t.Hour()+t.Minute() > 0 {
				return t.Format("02/01/2006 15:04")
			}
			return t.Format("02/01/2006")
		}
	}
	return decimal(v)
}

// decimal writes v with a decimal comma, rounded to 10 significant digits
// (binary fractions such as 0.035*100 = 3.5000000000000004 are noise).
func decimal(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	s := strconv.FormatFloat(v, 'g', 10, 64)
	if strings.ContainsAny(s, "e") {
		s = strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strings.Replace(s, ".", ",", 1)
}

// serialTime turns a spreadsheet date serial into a time.
func serialTime(v float64, date1904 bool) (time.Time, bool) {
	if v < 1 || v > 2958465 { // 9999-12-31
		return time.Time{}, false
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	days := math.Floor(v)
	secs := math.Round((v - days) * 86400)
	return base.AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second), true
}

// fontText decodes the text of a cell set in a legacy Vietnamese font
// (.VnTime: TCVN3, VNI-Times: VNI), whose bytes a spreadsheet program read
// as Windows-1252 (or as Latin-1 in a BIFF "compressed" string) when it
// made the Unicode text; text in other fonts is returned as it is. A
// capital TCVN3 font (.VnTimeH) draws every letter as a capital.
func fontText(s, font string) (string, string) {
	enc := vntext.FontEncoding(font, -1)
	if enc != vntext.EncTCVN3 && enc != vntext.EncVNI {
		return s, ""
	}
	b, ok := cp1252Bytes(s)
	if !ok {
		return s, "" // real Unicode letters: typed in Unicode after all
	}
	out := vntext.DecodeLegacy(b, enc)
	if enc == vntext.EncTCVN3 && vntext.CapitalFont(font) {
		out = strings.ToUpper(out)
	}
	return out, enc
}

// cp1252Bytes encodes s back to the 8-bit bytes it was read from: code
// points below 256 as themselves (Latin-1; the C1 controls of a BIFF
// compressed string are bytes 0x80-0x9F too) and the Windows-1252
// punctuation at 0x80-0x9F as their bytes. ok is false when s holds a
// character neither has.
func cp1252Bytes(s string) ([]byte, bool) {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x100:
			b = append(b, byte(r))
		default:
			c, found := cp1252High[r]
			if !found {
				return nil, false
			}
			b = append(b, c)
		}
	}
	return b, true
}

// cp1252High maps the characters Windows-1252 has at 0x80-0x9F to their
// bytes.
var cp1252High = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88,
	'‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91, '’': 0x92, '“': 0x93,
	'”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B,
	'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// encCounter tallies the legacy encodings text was decoded from.
type encCounter = vntext.EncCount
