// Package index is the only package that writes the Bleve index: the mapping
// and the Vietnamese analyzers (an exact-ish field in vntext.Normalize form and
// a folded field in vntext.Fold form), and the store that ingest writes to in
// batches — documents keyed by content hash, the paths that hold each content,
// target records as their own searchable documents, and the full extract.Record
// of each document so that search and export never re-read source files.
package index
