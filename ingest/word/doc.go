// Package word reads word-processor documents: Word 2007+ (.docx: body,
// tables, numbered lists with their labels, footnotes and headers, core
// properties), Word 97-2003 (.doc: the piece table, character and
// paragraph runs with their fonts, over the OLE2 reader of
// richardlehane/mscfb), RTF (fonts, code pages, Unicode escapes) and
// OpenDocument text (.odt: content.xml's headings, paragraphs, lists,
// tables and notes, rendered as a .docx is). The 8-bit text of the legacy
// formats is decoded run by run by the encoding of its font (.VnTime as
// TCVN3, VNI-Times as VNI, ...), through vntext's legacy-font layer; in
// an .odt, text whose style names a legacy font holds the legacy bytes as
// Windows-1252 characters and is decoded the same way. ReadDOCX, ReadDOC,
// ReadRTF and ReadODT hand back the text and the metadata; the package
// imports nothing of vanban's but ingest/vntext.
package word
