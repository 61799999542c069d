package extract

// Glossary returns the built-in abbreviations (../shared/domain.md §3), each
// with Source "builtin".
func Glossary() []Abbreviation { return nil }
