package export

import (
	"fmt"
	"strings"

	"vanban/extract"
	"vanban/index"
)

// Sheet is one table of an export.
type Sheet int

// The sheets of an export, in workbook order.
const (
	SheetTargets     Sheet = iota // Chỉ tiêu: one row per target
	SheetDocuments                // Văn bản: one row per document
	SheetResolutions              // Nghị quyết: the resolution registry
	SheetDates                    // Mốc thời gian: one row per date mention
)

// AllSheets are the sheets of a full export, in order.
var AllSheets = []Sheet{SheetTargets, SheetDocuments, SheetResolutions, SheetDates}

// Lang is the language of headers and labels: "vi" (the default) or "en".
type Lang string

// Languages of headers.
const (
	Vietnamese Lang = "vi"
	English    Lang = "en"
)

// sheetInfo names a sheet in both languages, its table and its CSV suffix.
type sheetInfo struct {
	vi, en string
	table  string // table name: ASCII, unique in the workbook
	slug   string // CSV file suffix and --sheet name
}

var sheetInfos = map[Sheet]sheetInfo{
	SheetTargets:     {"Chỉ tiêu", "Targets", "ChiTieu", "chitieu"},
	SheetDocuments:   {"Văn bản", "Documents", "VanBan", "vanban"},
	SheetResolutions: {"Nghị quyết", "Resolutions", "NghiQuyet", "nghiquyet"},
	SheetDates:       {"Mốc thời gian", "Dates", "MocThoiGian", "mocthoigian"},
}

// Name returns the sheet's name in lang.
func (s Sheet) Name(lang Lang) string {
	if lang == English {
		return sheetInfos[s].en
	}
	return sheetInfos[s].vi
}

// Slug returns the sheet's ASCII name, the suffix of its CSV file
// (FILE-chitieu.csv).
func (s Sheet) Slug() string { return sheetInfos[s].slug }

// String returns the sheet's ASCII name.
func (s Sheet) String() string { return s.Slug() }

// ParseSheet returns the sheet that a user's --sheet value names: its
// Vietnamese name with or without diacritics and spaces ("Chỉ tiêu",
// "chitieu", "chi tieu"), its English name ("targets") or its number (1-4).
func ParseSheet(v string) (Sheet, error) {
	key := strings.ReplaceAll(index.FoldTerm(strings.TrimSpace(v)), " ", "")
	key = strings.ReplaceAll(key, "-", "")
	key = strings.ReplaceAll(key, "_", "")
	for _, s := range AllSheets {
		in := sheetInfos[s]
		if key == in.slug || key == strings.ToLower(in.en) || key == fmt.Sprint(int(s)+1) {
			return s, nil
		}
	}
	switch key {
	case "target":
		return SheetTargets, nil
	case "document", "doc", "docs":
		return SheetDocuments, nil
	case "resolution":
		return SheetResolutions, nil
	case "date":
		return SheetDates, nil
	}
	return 0, fmt.Errorf("unknown sheet %q (chitieu, vanban, nghiquyet, mocthoigian or targets, documents, resolutions, dates)", v)
}

// colKind is how a column's cells are written.
type colKind int

const (
	colText   colKind = iota // short text
	colWrap                  // long text, wrapped
	colNumber                // a number (general format)
	colInt                   // a whole number
	colDate                  // a Date
	colLink                  // a Link to an archive file
)

// column is one column of a sheet.
type column struct {
	vi, en string
	width  float64
	kind   colKind
}

func (c column) header(lang Lang) string {
	if lang == English {
		return c.en
	}
	return c.vi
}

// Columns of the targets sheet.
var targetColumns = []column{
	{"Tiêu đề văn bản", "Document title", 40, colWrap},
	{"Số, ký hiệu", "Number", 16, colText},
	{"Loại văn bản", "Kind", 14, colText},
	{"Cơ quan ban hành", "Issuer", 24, colWrap},
	{"Ngày ban hành", "Issued", 12, colDate},
	{"Nghị quyết nguồn", "Source resolution", 16, colText},
	{"Đối tượng", "Subject", 22, colWrap},
	{"Đối tượng (viết đầy đủ)", "Subject expanded", 28, colWrap},
	{"Tiêu chí", "Indicator", 32, colWrap},
	{"So sánh", "Comparator", 10, colText},
	{"Giá trị", "Value", 11, colNumber},
	{"Giá trị tối đa", "Value max", 11, colNumber},
	{"Đơn vị", "Unit", 12, colText},
	{"Độ tin cậy", "Confidence", 9, colNumber},
	{"Thời hạn từ", "Period start", 12, colDate},
	{"Thời hạn đến", "Period end", 12, colDate},
	{"Hạn chót", "Deadline", 12, colDate},
	{"Dòng chỉ tiêu cha", "Parent row", 10, colInt},
	{"Câu", "Sentence", 60, colWrap},
	{"Tệp", "File", 40, colLink},
	{"Trang", "Page", 7, colInt},
}

// Columns of the documents sheet.
var documentColumns = []column{
	{"Tệp", "File", 40, colLink},
	{"Tiêu đề", "Title", 48, colWrap},
	{"Số, ký hiệu", "Number", 16, colText},
	{"Loại văn bản", "Kind", 14, colText},
	{"Cơ quan ban hành", "Issuer", 24, colWrap},
	{"Ngày ban hành", "Issued", 12, colDate},
	{"Ngày đăng", "Published", 16, colDate},
	{"Tác giả", "Authors", 20, colWrap},
	{"Định dạng", "Format", 9, colText},
	{"Bảng mã", "Encoding", 9, colText},
	{"Số trang", "Pages", 8, colInt},
	{"Số chỉ tiêu", "Targets", 9, colInt},
	{"Số mốc thời gian", "Dates", 9, colInt},
	{"Số văn bản dẫn chiếu", "References", 10, colInt},
	{"Bản sao khác", "Other copies", 30, colWrap},
	{"Cảnh báo", "Warnings", 40, colWrap},
	{"Lỗi", "Error", 30, colWrap},
	{"SHA-256", "SHA-256", 20, colText},
}

// Columns of the resolutions sheet.
var resolutionColumns = []column{
	{"Số, ký hiệu", "Number", 18, colText},
	{"Ngày ban hành", "Issued", 12, colDate},
	{"Trích yếu", "Title", 50, colWrap},
	{"Cơ quan ban hành", "Issuer", 24, colWrap},
	{"Tệp trong kho", "File in archive", 40, colLink},
	{"Số văn bản dẫn chiếu", "Cited by (count)", 10, colInt},
	{"Văn bản dẫn chiếu", "Cited by", 60, colWrap},
}

// Columns of the dates sheet.
var dateColumns = []column{
	{"Tiêu đề văn bản", "Document title", 40, colWrap},
	{"Số, ký hiệu", "Number", 16, colText},
	{"Mốc thời gian", "Mention", 24, colText},
	{"Từ", "Start", 12, colDate},
	{"Đến", "End", 12, colDate},
	{"Loại mốc", "Grain", 10, colText},
	{"Ngữ cảnh", "Context", 60, colWrap},
	{"Tệp", "File", 40, colLink},
	{"Trang", "Page", 7, colInt},
}

func (s Sheet) columns() []column {
	switch s {
	case SheetTargets:
		return targetColumns
	case SheetDocuments:
		return documentColumns
	case SheetResolutions:
		return resolutionColumns
	case SheetDates:
		return dateColumns
	}
	return nil
}

// Headers returns the sheet's column headers in lang.
func (s Sheet) Headers(lang Lang) []string {
	cols := s.columns()
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.header(lang)
	}
	return out
}

// kindLabel is how a kind is shown: its Vietnamese name (from extract's
// table of type names), or the code in English.
func kindLabel(kind string, lang Lang) string {
	if lang != English {
		if l := extract.KindLabel(kind); l != "" {
			return l
		}
	}
	return kind
}

// comparatorLabel is how a comparator is shown: a symbol or a word, never
// a bare "=" that a spreadsheet could take for a formula.
func comparatorLabel(c string, lang Lang) string {
	vi := map[string]string{"=": "bằng", ">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "khoảng", "range": "từ … đến"}
	en := map[string]string{"=": "equal", ">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "about", "range": "range"}
	m := vi
	if lang == English {
		m = en
	}
	if l, ok := m[c]; ok {
		return l
	}
	return c
}

// grainLabel is how a date's grain is shown.
func grainLabel(g string, lang Lang) string {
	if lang == English {
		return g
	}
	vi := map[string]string{"datetime": "ngày giờ", "day": "ngày", "month": "tháng", "quarter": "quý",
		"half": "nửa năm", "year": "năm", "period": "giai đoạn"}
	if l, ok := vi[g]; ok {
		return l
	}
	return g
}

// cutMarker ends a text cut to fit a cell.
func cutMarker(lang Lang) string {
	if lang == English {
		return " …[truncated]"
	}
	return " …[đã cắt bớt]"
}
