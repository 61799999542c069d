// Package sheet reads spreadsheets: Excel 2007+ workbooks (.xlsx, through
// excelize), OpenDocument spreadsheets (.ods, their content.xml) and Excel
// 97-2003 workbooks (.xls, BIFF8 and BIFF5 records read here over the OLE2
// container of richardlehane/mscfb). Every sheet is read row by row; a
// Book renders as text with the cells of a row on one line, separated by
// " | ", so that a target row ("Tỷ lệ hộ nghèo | % | 3,5") reads as a line
// the extractor understands. Numbers are written the Vietnamese way (3,5;
// 3,5%; dates dd/mm/yyyy).
//
// Old workbooks were typed in legacy Vietnamese fonts (.VnTime in TCVN3,
// VNI-Times in VNI): the text of each cell (and of each rich-text run) is
// decoded by the encoding of its own font through package vntext, in .xls
// files and in .xlsx and .ods files converted from them, whose Unicode
// text still holds the legacy bytes read as Windows-1252.
//
// The package imports nothing of vanban's but vntext.
package sheet
