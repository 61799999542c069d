/*
Command vanban reads archives of Vietnamese Party and government documents
(PDF, DOCX, Word 97, RTF, OpenDocument text, HTML, spreadsheets .xlsx/.xls/.ods,
presentations .pptx/.ppt/.odp, scans and images by OCR, and plain text, legacy TCVN3
and VNI included),
extracts their metadata, dates and numeric targets, indexes them, and answers
Vietnamese queries from the command line.

Usage:

	vanban ingest [--index DIR] [--workers N] [--prune] [--json] PATH...
	vanban search [--index DIR] [flags] QUERY
	vanban resolutions [--index DIR] [--json]
	vanban export [--index DIR] [--out FILE] [--format xlsx|csv|jsonl] [--sheet S] [--lang vi|en] [--force] [filters] [QUERY]
	vanban extract [--json] FILE...
	vanban text FILE...
	vanban help [COMMAND]
	vanban --version

The index lives in ./vanban-index, or $VANBAN_INDEX, or --index DIR.
Run "vanban help COMMAND" (or "vanban COMMAND -h") for the flags and
examples of a command.

Examples:

	vanban ingest ~/luu-tru
	vanban search --kind "nghị quyết" trong sach vung manh
	vanban export --out vanban.xlsx

Exit status:

	0    success
	1    some files failed (the rest were processed), or a search found nothing
	2    usage error, or a bad query
	75   the index is in use by another vanban process: try again when it is done
	130  interrupted
*/
package main
