// Package index is the one owner of the Bleve index: the mapping and the
// Vietnamese analyzers (an exact-ish field in vntext.Normalize form and a
// folded field in vntext.Fold form), the store that ingest writes to in
// batches — documents keyed by content hash, the paths that hold each
// content, target records as their own searchable documents, and the full
// extract.Record of each document so that search and export never re-read
// source files — and every read of it by document: Records pages the
// records of a Selection in document order (kind, date, number),
// Documents and Texts look documents up by content
// hash, Resolutions builds the resolution registry, NearGroups finds the
// documents that hold one text in several files (near.go: saved by a
// complete ingest, kept by later batches, stale while content added since
// is not in them). Writers let
// scorch merge segments lightly while batches come in, and Tidy merges
// what a run left when it ends: into one segment after a run that wrote at
// least a quarter of the index, by scorch's default plan after a smaller
// one. The IDs under which
// documents are stored are this package's own; no other package builds
// them.
//
// Package search runs its queries on Bleve directly (Index.Bleve) with this
// package's field names and analyzers, and compiles a query into a
// Selection; package export reads only through the methods here.
package index
