// Package layers holds the test that keeps vanban's imports one way:
//
//	cmd/vanban → search, export → index → extract → ingest/vntext
//	cmd/vanban → ingest → ingest/vntext
//
// internal/lazyregexp (patterns compiled on first use) is a leaf that the
// layers with package-level patterns import. search and export are siblings; extract, index, search and export pull
// in no reader library (PDF, .doc, HTML); export never imports Bleve. The
// test reads `go list -deps -json` of the module and fails on any import
// the table in layers_test.go does not allow, so a package added to the
// module must be given its place there. It has no code of its own.
package layers
