package extract

// FindDates returns every absolute date, month, quarter, half year, year and
// period mentioned in text, in order. year is the document's own year (0 if
// unknown), used for a day-month written without a year when unambiguous.
func FindDates(text string, year int) []Date { return nil }
