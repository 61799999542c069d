// Package export writes the records of a vanban index to spreadsheets: an
// xlsx workbook (sheets Chỉ tiêu, Văn bản, Nghị quyết, Mốc thời gian) through
// excelize's stream writer, and CSV and JSONL files, with Vietnamese headers by
// default, typed cells and no formula built from document text.
//
// export reads the index only through package index: Export walks the
// records of an index.Selection (which package search compiles from a query
// and filters; nil exports everything) and feeds a Writer (XLSX or CSV) one
// sheet at a time; ExportJSONL writes the records themselves. It never
// imports Bleve nor package search.
// CreateFile writes under a temporary name that Commit renames into place.
//
// Rows follow the documents in index.Records order (kind, date, number)
// and, within a document, its text; a workbook row of wrapped text gets a
// stored height that shows all its lines, since spreadsheets do not fit
// rows to wrapped text on opening a file. Sentences are shown without the
// list marker of their item.
//
// Values are typed: numbers are number cells (a target's value with its unit
// in its own column, never a percent format), dates are date cells formatted
// at the grain written (2011 shows as 2011, 2011-07 as 07/2011), unknown
// values are empty cells. Text is always literal: the only formula written is
// the HYPERLINK() to an archive file that XLSX builds itself; in CSV a text
// that a spreadsheet could run gets a leading '.
package export
