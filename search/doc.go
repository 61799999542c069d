// Package search answers queries over a vanban index: Bleve query strings
// analyzed the Vietnamese way (with or without diacritics, either tone
// placement, abbreviations expanded both ways), filters by kind, issuer,
// number and date, facets, highlighted snippets and target records. Select
// compiles a query and filters into an index.Selection for export.
//
// # Query language
//
// A query is a Bleve query string. Words match with or without diacritics,
// in capitals or not, NFC or decomposed, with either tone placement (hoà,
// hòa) and either i/y spelling (kỹ, kĩ); words typed with the right
// diacritics rank first. Several bare words must all occur in a document
// (its body or title; an abbreviation or its expansion counts for the
// words it stands for; stop and question words such as "về", "là gì" and
// frame words such as "tỷ lệ", "chỉ tiêu" are not required), unless no
// document holds them all: then the documents that hold some are shown. Documents where
// the words follow each other or hold them in the title rank higher
// (BM25 scoring in indexes built since it was adopted). Abbreviations are
// expanded both ways (TCCSĐ also finds "tổ chức cơ sở đảng" and the
// reverse), from extract.Glossary and from the definitions the archive's
// own texts give; a short form with several meanings is expanded only to
// the meanings the archive defines. A document number (18-NQ/TW) ranks the
// document that bears it first. Operators:
//
//	"trong sạch"           phrase
//	+đảng -"chi bộ"        must, must not (a lone "-" is punctuation)
//	kind:directive         filter (also number, issuer, format, path, year);
//	                       field filters always restrict the results
//	title:"hòa giải"       words in the title (also body, subject)
//	issued:>="2020-01-01"  date range (also date, published); year:>=2019
//	value:>=90 period:2025 target value and period (with Query.Targets)
//	chuyển đổ*  đảng~1     wildcard (folded by hand), fuzzy
//
// A word followed by a colon that is not a field ("05-CT/TW: về") is text.
//
// # JSON output of vanban search --json
//
// One object per line. A document hit:
//
//	{"path": first path, "paths": [...], "sha256", "title", "kind", "number",
//	 "issuer", "issued", "published", "format", "page": page of the first
//	 snippet (PDF) or null, "score", "snippets": ["…text with [matched] words…"],
//	 "copies": [{"path", "paths", "sha256", "format"}...]}
//
// # Copies of one text
//
// Documents that hold one text in files of different content (another
// format or encoding, a re-post: index.NearGroups) are one hit, at the rank
// of the best of them, with the others in Hit.Copies; totals and pages
// count such hits, and every page is a slice of one list (the ranked list
// of documents with each group's later members left out). Query.AllCopies
// lists them apart. With Targets, only the targets of each group's primary
// document (index.Groups.Primary) are searched.
//
// A target hit (--targets): the target's fields of ../shared/spec/records.md
// (text, comparator, value, value_max, unit, subject, subject_expanded,
// indicator, period, deadline, source_number, parent, sentence, page), plus
// "path", "sha256", "document_title", "document_number", "document_kind" and
// "score". With --facets a last line {"total": N, "facets": {"kind":
// [{"value", "count"}...], "year": [...], "issuer": [...]}}.
//
// # Benchmark
//
//	VANBAN_BENCH_DOCS=100000 go test ./search -run '^$' -bench QueryMix -benchtime 1x -timeout 3h
//
// builds an index of synthesized documents from ../shared/corpus/bulk and
// reports query latency p50/p95/p99 over a fixed mix of 1,000 queries, the
// cold start of vanban search and the index size per document.
package search
