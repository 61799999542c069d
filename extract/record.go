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

// Record is everything extracted from one file: the record contract of
// `vanban extract --json` (../shared/spec/records.md).
type Record struct {
	Path          string         `json:"path"`
	SHA256        string         `json:"sha256"`
	Format        string         `json:"format"`
	Encoding      NullString     `json:"encoding"`
	Kind          string         `json:"kind"`
	Title         NullString     `json:"title"`
	Number        NullString     `json:"number"`
	Issuer        NullString     `json:"issuer"`
	Issued        NullString     `json:"issued"`
	Published     NullString     `json:"published"`
	Authors       []string       `json:"authors"`
	Pages         *int           `json:"pages"`
	References    []Reference    `json:"references"`
	Abbreviations []Abbreviation `json:"abbreviations"`
	Dates         []Date         `json:"dates"`
	Targets       []Target       `json:"targets"`
	Warnings      []string       `json:"warnings"`
	Error         NullString     `json:"error"`
}

// Reference is a document that the text cites by number.
type Reference struct {
	Number string     `json:"number"`
	Kind   string     `json:"kind"`
	Issued NullString `json:"issued"`
	Title  NullString `json:"title"`
}

// Abbreviation is a short form and its expansion. Source is "inline" when
// the text defines it and "builtin" when it came from the glossary.
type Abbreviation struct {
	Short  string `json:"short"`
	Long   string `json:"long"`
	Source string `json:"source"`
}

// Date is one mention of an absolute date, month, quarter, half year, year
// or period. Start and End are ISO 8601 at the grain written.
type Date struct {
	Text  string `json:"text"`
	Start string `json:"start"`
	End   string `json:"end"`
	Grain string `json:"grain"`
	// Offset is the byte offset of Text in the document's text
	// (ingest.Document.Text), Page its 1-based page.
	Offset int `json:"offset"`
	Page   int `json:"page"`
}

// Period is a time frame; Start and End are ISO 8601 at the grain written.
type Period struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// Target is one numeric target (chỉ tiêu) that the document sets out to reach.
type Target struct {
	Text            string     `json:"text"`
	Comparator      string     `json:"comparator"`
	Value           float64    `json:"value"`
	ValueMax        *float64   `json:"value_max"`
	Unit            string     `json:"unit"`
	Subject         string     `json:"subject"`
	SubjectExpanded NullString `json:"subject_expanded"`
	Indicator       string     `json:"indicator"`
	Period          *Period    `json:"period"`
	Deadline        NullString `json:"deadline"`
	SourceNumber    NullString `json:"source_number"`
	Parent          *int       `json:"parent"`
	Sentence        string     `json:"sentence"`
	Page            int        `json:"page"`
}
