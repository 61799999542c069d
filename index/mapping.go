package index

import (
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Document types in the index (the value of FieldType).
const (
	TypeDoc    = "doc"    // one stored document, keyed by content hash
	TypeTarget = "target" // one target record, linked to its document
	TypeFile   = "file"   // one path and the content it holds
)

// Field names, for queries. Text fields come in three forms: the exact
// field (AnalyzerExact), the folded one (suffix "_f", AnalyzerFold) and,
// for the body and the title, syllable bigrams folded ("_sh",
// AnalyzerShingle) and exact ("_xsh", AnalyzerExactShingle). Keyword fields
// are analyzed with AnalyzerKeyword (one folded term).
const (
	FieldType = "type"

	FieldTitle       = "title"
	FieldTitleFold   = "title_f"
	FieldBody        = "body"
	FieldBodyFold    = "body_f" // stored, with term vectors: phrases and snippets
	FieldBodyShingle = "body_sh"
	// FieldBodyExactShingle and FieldTitleExactShingle hold the syllable
	// pairs with their diacritics: a phrase typed with diacritics is
	// found as typed there first.
	FieldBodyExactShingle  = "body_xsh"
	FieldTitleExactShingle = "title_xsh"
	FieldTitleShingle      = "title_sh"
	FieldKind              = "kind"
	FieldNumber            = "number"
	FieldIssuer            = "issuer"   // as written (facets)
	FieldIssuerFold        = "issuer_f" // the issuer as folded text, for partial matches
	FieldFormat            = "format"
	FieldPath              = "path" // every path that holds the content; stored
	// FieldDir holds every folder above each path of the content, as
	// written (absolute, cleaned), for vanban search --under.
	FieldDir       = "dir"
	FieldIssued    = "issued"
	FieldPublished = "published"
	FieldDate      = "date"  // issued, else published: the date to sort and filter by
	FieldYear      = "year"  // keyword, for facets
	FieldRefs      = "refs"  // numbers of the documents cited
	FieldAbbrs     = "abbrs" // "short|long" of the abbreviations the text defines
	FieldRecord    = "rec"   // the extract.Record as JSON; stored only
	// FieldNear holds the band keys of the document's near-duplicate
	// sketch (indexed, with doc values) and FieldNearSig the sketch itself
	// (stored only): see NearGroups.
	FieldNear    = "near"
	FieldNearSig = "nsig"

	FieldDoc          = "doc" // target: content hash of its document
	FieldSubject      = "subject"
	FieldSubjectFold  = "subject_f"
	FieldTargetText   = "ttext"
	FieldTargetTextF  = "ttext_f"
	FieldValue        = "value"
	FieldComparator   = "comparator"
	FieldUnit         = "unit"
	FieldPeriodStart  = "pstart"
	FieldPeriodEnd    = "pend"
	FieldSourceNumber = "source_number"
	FieldConfidence   = "confidence" // target: the extractor's confidence, 0–1

	FieldSHA       = "sha"    // file: the content hash
	FieldFileState = "fstate" // file: FileState as JSON; stored only
)

// abbrSep separates the short and long form in FieldAbbrs terms.
const abbrSep = "|"

func textField(analyzer string, store, vectors bool) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzer
	f.Store = store
	f.IncludeTermVectors = vectors
	f.IncludeInAll = false
	f.DocValues = false
	return f
}

func keywordField(store bool) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = AnalyzerKeyword
	f.Store = store
	f.IncludeTermVectors = false
	f.IncludeInAll = false
	f.DocValues = true
	return f
}

// rawKeywordField keeps the value as written (for facets that show it).
func rawKeywordField() *mapping.FieldMapping {
	f := keywordField(false)
	f.Analyzer = keyword.Name
	return f
}

func storedOnly() *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Index = false
	f.Store = true
	f.IncludeTermVectors = false
	f.IncludeInAll = false
	f.DocValues = false
	return f
}

func dateField() *mapping.FieldMapping {
	f := bleve.NewDateTimeFieldMapping()
	f.Store = false
	f.IncludeInAll = false
	f.DocValues = true
	return f
}

func numField(store bool) *mapping.FieldMapping {
	f := bleve.NewNumericFieldMapping()
	f.Store = store
	f.IncludeInAll = false
	f.DocValues = true
	return f
}

// add maps property name to the given fields; a field whose Name is empty
// takes the property's name.
func add(dm *mapping.DocumentMapping, name string, fields ...*mapping.FieldMapping) {
	for _, f := range fields {
		dm.AddFieldMappingsAt(name, f)
	}
}

func named(f *mapping.FieldMapping, name string) *mapping.FieldMapping {
	f.Name = name
	return f
}

// NewMapping returns the index mapping: typed documents (doc, target, file),
// nothing dynamic, no _all field.
func NewMapping() mapping.IndexMapping {
	m := bleve.NewIndexMapping()
	m.TypeField = "_type"
	m.DefaultAnalyzer = AnalyzerFold
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	m.DefaultField = FieldBodyFold
	// BM25: a word repeated in a long text does not outweigh the words a
	// short text holds once (measured on dev documents hidden among the
	// bulk corpus: MRR 0.89 -> 0.90, recall@10 0.95 -> 0.98).
	m.ScoringModel = "bm25" // bleve_index_api.BM25Scoring

	doc := bleve.NewDocumentStaticMapping()
	add(doc, FieldType, keywordField(false))
	add(doc, FieldTitle, textField(AnalyzerExact, false, false),
		named(textField(AnalyzerFold, false, true), FieldTitleFold),
		named(textField(AnalyzerShingle, false, false), FieldTitleShingle),
		named(textField(AnalyzerExactShingle, false, false), FieldTitleExactShingle))
	add(doc, FieldBody, textField(AnalyzerExact, false, false),
		named(textField(AnalyzerFold, true, true), FieldBodyFold),
		named(textField(AnalyzerShingle, false, false), FieldBodyShingle),
		named(textField(AnalyzerExactShingle, false, false), FieldBodyExactShingle))
	for _, k := range []string{FieldKind, FieldNumber, FieldFormat, FieldYear, FieldRefs, FieldAbbrs} {
		add(doc, k, keywordField(false))
	}
	add(doc, FieldIssuer, rawKeywordField(), named(textField(AnalyzerFold, false, false), FieldIssuerFold))
	add(doc, FieldPath, keywordField(true))
	add(doc, FieldDir, rawKeywordField())
	add(doc, FieldIssued, dateField())
	add(doc, FieldPublished, dateField())
	add(doc, FieldDate, dateField())
	add(doc, FieldRecord, storedOnly())
	add(doc, FieldNear, keywordField(false))
	add(doc, FieldNearSig, storedOnly())
	m.AddDocumentMapping(TypeDoc, doc)

	tg := bleve.NewDocumentStaticMapping()
	add(tg, FieldType, keywordField(false))
	add(tg, FieldDoc, keywordField(true))
	add(tg, FieldSubject, textField(AnalyzerExact, false, false),
		named(textField(AnalyzerFold, false, true), FieldSubjectFold))
	add(tg, FieldTargetText, textField(AnalyzerExact, false, false),
		named(textField(AnalyzerFold, false, true), FieldTargetTextF))
	add(tg, FieldValue, numField(false))
	add(tg, FieldConfidence, numField(false))
	for _, k := range []string{FieldComparator, FieldUnit, FieldSourceNumber, FieldKind, FieldNumber, FieldYear} {
		add(tg, k, keywordField(false))
	}
	add(tg, FieldIssuer, rawKeywordField(), named(textField(AnalyzerFold, false, false), FieldIssuerFold))
	add(tg, FieldPeriodStart, dateField())
	add(tg, FieldPeriodEnd, dateField())
	add(tg, FieldDate, dateField())
	add(tg, FieldRecord, storedOnly())
	m.AddDocumentMapping(TypeTarget, tg)

	fl := bleve.NewDocumentStaticMapping()
	add(fl, FieldType, keywordField(false))
	add(fl, FieldPath, keywordField(false))
	add(fl, FieldSHA, keywordField(false))
	add(fl, FieldFileState, storedOnly())
	m.AddDocumentMapping(TypeFile, fl)

	m.DefaultType = TypeDoc
	return m
}

// Dirs returns every folder above each of paths, cleaned, once each
// ("/a/b/c.pdf" gives "/a/b", "/a" and "/"), in the order found: the terms
// of FieldDir.
func Dirs(paths []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range paths {
		d := filepath.Clean(p)
		for {
			parent := filepath.Dir(d)
			if parent == d {
				break
			}
			d = parent
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
	}
	return out
}
