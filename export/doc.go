// Package export writes the records of a vanban index to spreadsheets: an
// xlsx workbook (sheets Chỉ tiêu, Văn bản, Nghị quyết, Mốc thời gian) through
// excelize's stream writer, and CSV and JSONL files, with Vietnamese headers by
// default, typed cells and no formula built from document text.
package export
