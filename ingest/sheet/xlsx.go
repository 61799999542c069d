package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ReadXLSX reads an Excel 2007+ workbook (.xlsx, .xlsm) with excelize: the
// raw value of every cell, numbers written by their number format, text
// decoded by its font where the font is a legacy Vietnamese one (a .xls
// typed in .VnTime and saved again as .xlsx keeps its TCVN3 bytes as
// Windows-1252 letters).
func ReadXLSX(data []byte) (book Book, err error) {
	defer func() {
		if r := recover(); r != nil {
			book, err = Book{}, fmt.Errorf("xlsx: %w: reader crashed: %v", ErrCorrupt, r)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    1 << 30,
		UnzipXMLSizeLimit: 64 << 20,
	})
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookFileFormat) || strings.Contains(err.Error(), "password") || strings.Contains(err.Error(), "encrypt") {
			return Book{}, fmt.Errorf("xlsx: %w: %v", ErrEncrypted, err)
		}
		return Book{}, fmt.Errorf("xlsx: %w: %v", ErrCorrupt, err)
	}
	defer f.Close()
	if props, err := f.GetDocProps(); err == nil && props != nil {
		book.Title, book.Author = props.Title, props.Creator
		if len(props.Created) >= 10 {
			book.Created = props.Created[:10]
		}
	}
	date1904 := false
	if wp, err := f.GetWorkbookProps(); err == nil && wp.Date1904 != nil {
		date1904 = *wp.Date1904
	}
	encs := encCounter{}
	var lim limiter
	styleFont := map[int]string{}
	styleFmt := map[int]numFmt{}
	styleOf := func(idx int) (string, numFmt) {
		if font, ok := styleFont[idx]; ok {
			return font, styleFmt[idx]
		}
		font, nf := "", fmtGeneral
		if st, err := f.GetStyle(idx); err == nil && st != nil {
			if st.Font != nil {
				font = st.Font.Family
			}
			nf = builtinFormat(st.NumFmt)
			if st.CustomNumFmt != nil {
				nf = classifyFormat(*st.CustomNumFmt)
			}
		}
		styleFont[idx], styleFmt[idx] = font, nf
		return font, nf
	}
	for _, name := range f.GetSheetList() {
		rows, err := f.Rows(name)
		if err != nil {
			book.Warnings = append(book.Warnings, fmt.Sprintf("sheet %q: %v", name, err))
			continue
		}
		var out [][]string
		r := 0
		for rows.Next() && !lim.hit {
			r++
			cols, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				break
			}
			var row []string
			for c, v := range cols {
				if v == "" || c >= maxCols {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r)
				idx, _ := f.GetCellStyle(name, cell)
				font, nf := styleOf(idx)
				text := v
				if typ, _ := f.GetCellType(name, cell); typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset || typ == excelize.CellTypeFormula {
					if num, err := strconv.ParseFloat(v, 64); err == nil {
						text = formatNumber(num, nf, date1904)
					} else {
						text, _ = decodeFont(text, font, encs)
					}
				} else {
					text, _ = decodeFont(text, font, encs)
				}
				if !lim.add(text) {
					break
				}
				for len(row) <= c {
					row = append(row, "")
				}
				row[c] = text
			}
			out = append(out, row)
		}
		rows.Close()
		book.Sheets = append(book.Sheets, Sheet{Name: name, Rows: trimRows(out)})
		if lim.hit {
			break
		}
	}
	book.Encoding = encs.Most()
	book.Warnings = append(book.Warnings, lim.warning()...)
	return book, nil
}

// decodeFont decodes a cell's text by its font and counts the encoding.
func decodeFont(s, font string, encs encCounter) (string, string) {
	out, enc := fontText(s, font)
	encs.Add(enc)
	return out, enc
}
