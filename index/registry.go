package index

import (
	"context"
	"sort"
	"strings"

	"vanban/extract"

	"vanban/internal/lazyregexp"
)

// Resolution is one resolution known to the archive: stored as its own
// document, cited by others, or both.
type Resolution struct {
	// Number is the resolution's number and symbol as written ("18-NQ/TW").
	Number string `json:"number"`
	// Issued is its date (ISO), "" when no document says it.
	Issued string `json:"issued"`
	// Title is its subject line, when known.
	Title string `json:"title"`
	// Issuer is the body that issued it, when known.
	Issuer string `json:"issuer"`
	// Paths are the archive files that hold the resolution itself (none
	// when it is only cited).
	Paths []string `json:"paths"`
	// CitedBy lists the documents that cite it.
	CitedBy []Citation `json:"cited_by"`
}

// Citation is a document that cites a resolution.
type Citation struct {
	Path   string `json:"path"`
	Title  string `json:"title"`
	Kind   string `json:"kind"`
	Number string `json:"number"`
	Issued string `json:"issued"`
}

// resolutionRE matches a resolution's symbol: NQ as the type part
// ("18-NQ/TW", "15/2011/NQ-HĐND", "35/NQ-CP").
var resolutionRE = lazyregexp.New(`(?i)(^|[-/])NQ([-/]|$)`)

// IsResolutionNumber reports whether a document number is a resolution's.
func IsResolutionNumber(n string) bool {
	return resolutionRE.MatchString(strings.TrimSpace(n))
}

// Resolutions returns the resolution registry: every resolution that is a
// document of the archive or that a document cites, merged by number and
// date (Party numbers restart each term, so 18-NQ/TW of 2017 and of 2022
// are two resolutions), each with the documents that cite it. They come
// sorted by date (undated last), then number.
//
// A citation that gives no date goes to the resolution of that number
// issued last on or before the citing document's date, or to the only one
// known; failing both, to an undated entry of its own.
//
// The registry is always built from the whole index. With a selection
// (nil: everything) only the resolutions that are selected documents or
// that selected documents cite are returned, with those citations only.
//
// With near-duplicate groups g (nil: every document apart), the copies of
// one text are one document: the group's primary (Groups.Primary) stands
// for it, with the paths of every copy, and cites once.
func (ix *Index) Resolutions(ctx context.Context, sel *Selection, g *Groups) ([]Resolution, error) {
	rs, err := ix.registry(ctx, g)
	if err != nil || sel == nil {
		return rs, err
	}
	return ix.selectResolutions(ctx, rs, sel, g)
}

// selectResolutions keeps the resolutions of rs that are selected
// documents or that selected documents cite, with those citations only.
func (ix *Index) selectResolutions(ctx context.Context, rs []Resolution, sel *Selection, g *Groups) ([]Resolution, error) {
	chosen := map[string]bool{} // paths of the selected documents
	for sha := range sel.docs {
		ps, err := ix.groupPaths(g, sha)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			chosen[p] = true
		}
	}
	out := rs[:0]
	for _, r := range rs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var cites []Citation
		for _, c := range r.CitedBy {
			if chosen[c.Path] {
				cites = append(cites, c)
			}
		}
		selected := false
		for _, p := range r.Paths {
			selected = selected || chosen[p]
		}
		if len(cites) == 0 && !selected {
			continue
		}
		r.CitedBy = cites
		out = append(out, r)
	}
	return out, nil
}

// registry builds the whole resolution registry (see Resolutions).
func (ix *Index) registry(ctx context.Context, g *Groups) ([]Resolution, error) {
	type key struct{ number, issued string }
	type cite struct {
		key key
		c   Citation
		at  string // citing document's date
		raw extract.Reference
	}
	byKey := map[key]*Resolution{}
	dates := map[string][]string{} // folded number → known dates
	var cites []cite
	entry := func(k key, number string) *Resolution {
		r := byKey[k]
		if r == nil {
			r = &Resolution{Number: number, Issued: k.issued, Paths: []string{}, CitedBy: []Citation{}}
			byKey[k] = r
			if k.issued != "" {
				dates[k.number] = append(dates[k.number], k.issued)
			}
		}
		return r
	}
	err := ix.records(ctx, nil, func(rec extract.Record) error {
		if g.Primary(rec.SHA256) != rec.SHA256 {
			return nil // a copy: its group's primary stands for it
		}
		own := string(rec.Number)
		issued := string(rec.Issued)
		if rec.Kind == "resolution" || (own != "" && IsResolutionNumber(own) && rec.Kind == "other") {
			num := own
			if num == "" {
				num = "(không số) " + string(rec.Title)
			}
			r := entry(key{numberKey(num), issued}, num)
			paths, err := ix.groupPaths(g, rec.SHA256)
			if err != nil {
				return err
			}
			if len(paths) == 0 {
				paths = []string{rec.Path}
			}
			r.Paths = append(r.Paths, paths...)
			if r.Title == "" {
				r.Title = string(rec.Title)
			}
			if r.Issuer == "" {
				r.Issuer = string(rec.Issuer)
			}
		}
		at := issued
		if at == "" {
			at = string(rec.Published)
		}
		seen := map[string]bool{}
		for _, ref := range rec.References {
			if ref.Number == "" || !(ref.Kind == "resolution" || (ref.Kind == "" && IsResolutionNumber(ref.Number))) {
				continue
			}
			k := key{numberKey(ref.Number), string(ref.Issued)}
			if k.number == numberKey(own) && (k.issued == "" || k.issued == issued) {
				continue // the document's own number
			}
			if seen[k.number+"\x00"+k.issued] {
				continue
			}
			seen[k.number+"\x00"+k.issued] = true
			cites = append(cites, cite{key: k, at: at, raw: ref, c: Citation{
				Path: rec.Path, Title: string(rec.Title), Kind: rec.Kind, Number: own, Issued: at,
			}})
			if k.issued != "" {
				entry(k, ref.Number)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, c := range cites {
		k := c.key
		if k.issued == "" {
			k.issued = pickDate(dates[k.number], c.at)
		}
		r := entry(k, c.raw.Number)
		if r.Title == "" && c.raw.Title != "" {
			r.Title = string(c.raw.Title)
		}
		r.CitedBy = append(r.CitedBy, c.c)
	}
	out := make([]Resolution, 0, len(byKey))
	for _, r := range byKey {
		sort.Strings(r.Paths)
		r.Paths = uniq(r.Paths)
		sort.Slice(r.CitedBy, func(i, j int) bool { return r.CitedBy[i].Path < r.CitedBy[j].Path })
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Issued == "") != (b.Issued == "") {
			return a.Issued != ""
		}
		if a.Issued != b.Issued {
			return a.Issued < b.Issued
		}
		return numberKey(a.Number) < numberKey(b.Number)
	})
	return out, nil
}

// pickDate chooses, among the known dates of one number, the one an
// undated citation made at date at refers to: the latest on or before at,
// else the only one; "" when that is not clear.
func pickDate(known []string, at string) string {
	ds := append([]string(nil), known...)
	sort.Strings(ds)
	ds = uniq(ds)
	if len(ds) == 1 {
		return ds[0]
	}
	if at == "" {
		return ""
	}
	best := ""
	for _, d := range ds {
		if d <= at { // ISO dates compare as strings
			best = d
		}
	}
	return best
}

func uniq(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// numberKey is the merge key of a document number: folded, without spaces.
func numberKey(n string) string {
	return strings.ReplaceAll(FoldTerm(n), " ", "")
}

// groupPaths returns the paths of the document of content sha and, with
// groups g, of every copy in its group.
func (ix *Index) groupPaths(g *Groups, sha string) ([]string, error) {
	var out []string
	for _, m := range g.Members(sha) {
		ps, err := ix.Paths(m)
		if err != nil {
			return nil, err
		}
		out = append(out, ps...)
	}
	return out, nil
}
