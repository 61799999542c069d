/*
Command vanban reads archives of Vietnamese Party and government documents
(PDF, DOCX, HTML, RTF, Word 97 and plain text, legacy TCVN3 and VNI included),
extracts their metadata, dates and numeric targets, indexes them, and answers
Vietnamese queries from the command line.

Usage:

	vanban ingest [--index DIR] [--workers N] [--prune] [--json] PATH...
	vanban search [--index DIR] [flags] QUERY
	vanban resolutions [--index DIR] [--json]
	vanban export [--index DIR] [--out FILE] [--format xlsx|csv|jsonl] [--sheet S] [--lang vi|en] [--force] [filters] [QUERY]
	vanban extract --json FILE...
	vanban text FILE

The index lives in ./vanban-index, or $VANBAN_INDEX, or --index DIR.
Run "vanban COMMAND -h" for the flags of a command.

Exit status:

	0    success
	1    some files failed (the rest were processed), or a search found nothing
	2    usage error, or a bad query
	130  interrupted
*/
package main
