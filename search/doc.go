// Package search answers queries over a vanban index: Bleve query strings
// analyzed the Vietnamese way (with or without diacritics, either tone
// placement, abbreviations expanded both ways), filters by kind, issuer,
// number and date, facets, highlighted snippets, target records, and the
// resolution registry.
package search
