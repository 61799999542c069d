package main

import (
	"vanban/extract"
	"vanban/ingest"
)

// sourceOf hands what package ingest read to package extract: each stage
// owns the type it hands on, and extract imports no reader.
func sourceOf(doc ingest.Document) extract.Source {
	return extract.Source{
		Path:      doc.Path,
		SHA256:    doc.SHA256,
		Format:    string(doc.Format),
		Encoding:  doc.Encoding,
		Pages:     doc.Pages,
		Paged:     doc.Paged,
		OCRPages:  doc.OCRPages,
		Title:     doc.Title,
		Published: doc.Published,
		Warnings:  doc.Warnings,
	}
}
