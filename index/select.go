package index

// Selection is a set of stored documents, and of their targets, that
// Records, Resolutions and their callers read through. Package search
// fills one from a query and filters (search.Select); export and the
// commands only hand it on. The nil *Selection holds every document and
// every target.
type Selection struct {
	docs    map[string]bool         // content hashes
	targets map[string]map[int]bool // per hash, the chosen targets; nil: all targets of the chosen documents
}

// NewSelection returns an empty selection. With targets set it selects
// target records: a document is in it through its selected targets, and
// only those targets are. Otherwise whole documents, with all their
// targets.
func NewSelection(targets bool) *Selection {
	s := &Selection{docs: map[string]bool{}}
	if targets {
		s.targets = map[string]map[int]bool{}
	}
	return s
}

// AddDocument adds the document of content sha.
func (s *Selection) AddDocument(sha string) {
	s.docs[sha] = true
}

// AddTarget adds target i (its position in its record's Targets) of the
// document of content sha, and so the document. In a selection of whole
// documents it adds the document with all its targets.
func (s *Selection) AddTarget(sha string, i int) {
	s.docs[sha] = true
	if s.targets == nil {
		return
	}
	m := s.targets[sha]
	if m == nil {
		m = map[int]bool{}
		s.targets[sha] = m
	}
	m[i] = true
}

// Documents returns the number of documents selected, or -1 for all (the
// nil selection).
func (s *Selection) Documents() int {
	if s == nil {
		return -1
	}
	return len(s.docs)
}

// HasDocument reports whether the document of content sha is selected.
func (s *Selection) HasDocument(sha string) bool { return s == nil || s.docs[sha] }

// HasTarget reports whether target i of the document of content sha is
// selected.
func (s *Selection) HasTarget(sha string, i int) bool {
	if s == nil || s.targets == nil {
		return s.HasDocument(sha)
	}
	return s.targets[sha][i]
}

// AddPrimaries adds, for each selected document that is a copy in one of
// g's groups, the group's primary document (Groups.Primary), which stands
// for the group where one record must. A selection of targets is left as
// it is (its targets are those of the documents selected).
func (s *Selection) AddPrimaries(g *Groups) {
	if s == nil || s.targets != nil {
		return
	}
	for sha := range s.docs {
		if p := g.Primary(sha); p != sha {
			s.docs[p] = true
		}
	}
}
