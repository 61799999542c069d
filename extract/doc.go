// Package extract turns an ingest.Document into a Record: the document's kind,
// number, issuer, dates and title from its heading block (or an article's
// headline, time and byline), every date and period it mentions, the numeric
// targets (chỉ tiêu) it sets, the documents it cites and the abbreviations it
// uses. The Record is the JSON contract of `vanban extract --json`
// (../shared/spec/records.md). Conventions (type and issuer codes, the
// glossary) are data tables, not scattered regular expressions.
package extract
