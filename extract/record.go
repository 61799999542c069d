package extract

import (
	"encoding/json"
)

// NullString is a string that is JSON null when empty.
type NullString string

// MarshalJSON encodes s, or null when s is empty.
func (s NullString) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

// UnmarshalJSON decodes a string or null.
func (s *NullString) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = ""
		return nil
	}
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = NullString(v)
	return nil
}

// Record is everything extracted from one file. It is the record contract:
// `vanban extract --json` prints one Record per file (JSON Lines, in input
// order), the index stores it whole, and search and export read it back, so
// its JSON field names and their meanings are fixed (the contract's text is
// ../shared/spec/records.md; extra fields are allowed, none may change).
//
// A file that cannot be read still has a Record: Error says why, and every
// other field is filled as far as it could be. Unknown single values are
// JSON null (NullString, nil pointers); lists are empty, never null.
type Record struct {
	// Path is the path as given on the command line (in the index: the
	// first path that holds the content).
	Path string `json:"path"`
	// SHA256 is the hex digest of the file's bytes.
	SHA256 string `json:"sha256"`
	// Format is what the bytes are, not what the name says: "pdf", "txt",
	// "html", "docx", "rtf", "doc".
	Format string `json:"format"`
	// Encoding is the source character encoding found for text formats:
	// "utf-8", "utf-16le", "utf-16be", "cp1258", "tcvn3", "vni", "viscii";
	// null where the format fixes it (pdf, docx).
	Encoding NullString `json:"encoding"`
	// Kind is one of law, decree, circular, resolution, decision,
	// directive, conclusion, regulation, rules, guidance, plan, program,
	// report, announcement, submission, official-letter, minutes, article,
	// other (a joint circular, TTLT, is a circular). The Vietnamese type
	// names of each kind are data/types.tsv.
	Kind string `json:"kind"`
	// Title is the subject line (trích yếu) of an official document, or
	// the headline of an article without its kicker.
	Title NullString `json:"title"`
	// Number is the document's own number and symbol in the standard form
	// ("02-NQ/ĐUK", "15/2011/NQ-HĐND", "123/QĐ-UBND"): no leading "Số",
	// no spaces.
	Number NullString `json:"number"`
	// Issuer is the body that issued the document, in full words where
	// the text gives them.
	Issuer NullString `json:"issuer"`
	// Issued is the date the document was signed, ISO YYYY-MM-DD.
	Issued NullString `json:"issued"`
	// Published is an article's publication time, ISO YYYY-MM-DD or
	// YYYY-MM-DDTHH:MM.
	Published NullString `json:"published"`
	// Authors are article bylines or signers, in normal capitalization.
	Authors []string `json:"authors"`
	// Pages is the page count of paged formats (PDF), else null.
	Pages *int `json:"pages"`
	// OCRPages counts the pages whose text was recognized by OCR (scanned
	// PDF pages, image files); 0 when none was.
	OCRPages int `json:"ocr_pages"`
	// References are the documents the text cites by number.
	References []Reference `json:"references"`
	// Abbreviations are the short forms the text uses, with their
	// expansions.
	Abbreviations []Abbreviation `json:"abbreviations"`
	// Dates are every absolute date, month, quarter, half year, year or
	// period written in the text, one per mention.
	Dates []Date `json:"dates"`
	// Targets are every numeric target (chỉ tiêu) the text sets out to
	// reach: not past results, not statistics.
	Targets []Target `json:"targets"`
	// Warnings say what went wrong without stopping the file.
	Warnings []string `json:"warnings"`
	// Error says, on one line, why the file could not be processed at
	// all; null when it could.
	Error NullString `json:"error"`
}

// Reference is a document that the text cites by number.
type Reference struct {
	// Number is the cited number and symbol, normalized as Record.Number.
	Number string `json:"number"`
	// Kind is the cited document's kind (Record.Kind), "" when unknown.
	Kind string `json:"kind"`
	// Issued is the cited document's date (ISO), null when not given.
	Issued NullString `json:"issued"`
	// Title is the cited document's subject, null when not given.
	Title NullString `json:"title"`
}

// Abbreviation is a short form and its expansion. Source is "inline" when
// the text defines it and "builtin" when it came from the glossary
// (data/glossary.tsv).
type Abbreviation struct {
	Short  string `json:"short"`
	Long   string `json:"long"`
	Source string `json:"source"`
}

// Date is one mention of an absolute date, month, quarter, half year, year
// or period. A relative phrase with no absolute anchor ("đầu năm") is no
// Date, nor is a number that only looks like one (a document number).
type Date struct {
	// Text is the mention exactly as it stands in the normalized text.
	Text string `json:"text"`
	// Start and End are ISO 8601 at the grain written (2011, 2011-07,
	// 2011-07-04, 2011-07-10T19:35); a single point has Start == End, a
	// quarter or half year is a month range, a period a year range.
	Start string `json:"start"`
	End   string `json:"end"`
	// Grain is datetime, day, month, quarter, half, year or period.
	Grain string `json:"grain"`
	// Offset is the byte offset of Text in the document's text
	// (Source.Text), Page its 1-based page.
	Offset int `json:"offset"`
	Page   int `json:"page"`
}

// Period is a time frame; Start and End are ISO 8601 at the grain written.
type Period struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// Target is one numeric target (chỉ tiêu) that the document sets out to
// reach, reported once however often the text restates it.
type Target struct {
	// Text is the smallest span that holds the quantity, its comparator
	// words, its subject and its indicator.
	Text string `json:"text"`
	// Comparator is =, >=, >, <=, <, ~ (khoảng, gần, xấp xỉ) or range.
	Comparator string `json:"comparator"`
	// Value is the quantity, read with Vietnamese conventions (2.500 is
	// two thousand five hundred, 1,5 one and a half, number words).
	Value float64 `json:"value"`
	// ValueMax is the upper bound of a range, else null.
	ValueMax *float64 `json:"value_max"`
	// Unit is as written, normalized in spelling (%, USD, tỷ đồng, %/năm,
	// ...); scale words stay in it.
	Unit string `json:"unit"`
	// Subject is who or what is measured, as written; SubjectExpanded
	// spells out its abbreviations (null when it has none).
	Subject         string     `json:"subject"`
	SubjectExpanded NullString `json:"subject_expanded"`
	// Indicator is the criterion the subject must meet.
	Indicator string `json:"indicator"`
	// Period and Deadline are the time frame the target belongs to, from
	// its sentence or else from the document or the resolution it quotes;
	// null when none is given.
	Period   *Period    `json:"period"`
	Deadline NullString `json:"deadline"`
	// SourceNumber is the number of the resolution that sets the target
	// (the document's own number for its own targets), when known.
	SourceNumber NullString `json:"source_number"`
	// Parent is, for a sub-target ("trong đó ..."), the 0-based index of
	// the target it belongs to; else null.
	Parent *int `json:"parent"`
	// Confidence is how sure the extractor is that this is a target of the
	// document, from 0 to 1, calibrated on held-out folds of the training
	// corpus: of the targets given 0.8, about eight in ten are right.
	Confidence float64 `json:"confidence"`
	// Sentence is the whole sentence that sets the target; Page its
	// 1-based page.
	Sentence string `json:"sentence"`
	Page     int    `json:"page"`
}
