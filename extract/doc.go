// Package extract turns a Source (a document as a reader left it) into a
// Record: the document's kind, number, issuer, dates and title from its
// heading block (or an article's headline, time and byline), every date and
// period it mentions, the numeric targets (chỉ tiêu) it sets, the documents
// it cites and the abbreviations it uses. The Record is the JSON contract of
// `vanban extract --json` (../shared/spec/records.md). Conventions (type
// and issuer codes, the glossary) are data tables, not scattered regular
// expressions.
//
// extract imports no reader: cmd/vanban hands it what package ingest read
// as a Source. Of our packages it may import only ingest/vntext.
package extract
