package extract

// TargetContext is what the target extractor knows of the document beyond
// its text.
type TargetContext struct {
	// Number is the document's own number (its targets' source_number when
	// it is a resolution).
	Number string
	// Kind is the document's kind.
	Kind string
	// Issued is the document's issue or publication date (ISO), if known.
	Issued string
	// Dates are the document's dates, as FindDates found them.
	Dates []Date
	// Abbreviations are the document's abbreviations, for subject_expanded.
	Abbreviations []Abbreviation
}

// FindTargets returns the numeric targets that text sets out to reach.
func FindTargets(text string, c TargetContext) []Target { return nil }
