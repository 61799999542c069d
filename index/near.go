package index

import (
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"vanban/ingest/vntext"
)

// Near-duplicates. Two documents are copies of one text when the sets of
// their word shingles (nearShingle consecutive folded syllables, markup
// and punctuation left out) have a Jaccard similarity of at least
// NearThreshold: the same text as PDF, DOCX, HTML or a legacy encoding, or
// a re-post under another page header. Each document stores a MinHash
// sketch of its shingles (nearPerms values, FieldNearSig) and nearBands
// locality-sensitive band keys of it (FieldNear); documents that share a
// band key are compared, by the sketch when it is clear and by their
// stored texts when it is close to the threshold, and groups are the
// connected components of the pairs found similar.
//
// Measured on ../shared/corpus (dev, formats, legacy originals with their
// transcripts, bulk; 731 files) with exact Jaccard on 5-syllable
// shingles: copies of one text are at 0.80 or above (0.96 and above for
// the generated format variants, 0.80–0.84 for legacy PDF and XLS text
// layers against their transcripts, 0.94 for a page re-scraped with other
// chrome); the most similar distinct documents are at 0.73 (two Q&A
// articles sharing their legal quotations), 0.72 (two decisions of one
// template). NearThreshold sits between.
const (
	// NearThreshold is the Jaccard similarity of word shingles from
	// which two documents are copies of one text.
	NearThreshold = 0.77
	nearShingle   = 5
	nearPerms     = 128
	nearBands     = 16 // of nearRows values each, over the first values
	nearRows      = 4
	// Sketch estimates at or above nearSure are taken as they are; below
	// nearUnsure the pair is not a copy; between, the texts decide (the
	// estimate's standard error at J = 0.8 is about 0.035).
	nearSure   = 0.90
	nearUnsure = 0.66
)

// nearWords returns the byte ranges of the words of folded text (runs
// of letters and digits: punctuation, and so Markdown and HTML markup
// signs, left out), as pairs of offsets.
func nearWords(folded string) []int32 {
	out := make([]int32, 0, len(folded)/3)
	start := -1
	for i := 0; i < len(folded); {
		c := folded[i]
		word, n := false, 1
		if c < utf8.RuneSelf {
			word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(folded[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, int32(start), int32(i))
			start = -1
		}
		i += n
	}
	if start >= 0 {
		out = append(out, int32(start), int32(len(folded)))
	}
	return out
}

// nearHashes returns the hash of each shingle of text, in text order
// (one shingle of all the words when there are fewer than nearShingle).
func nearHashes(text string) []uint64 {
	if len(text) > math.MaxInt32 {
		return nil
	}
	folded := vntext.Fold(text)
	words := nearWords(folded)
	nw := len(words) / 2
	if nw == 0 {
		return nil
	}
	const offset, prime = 14695981039346656037, 1099511628211 // FNV-1a
	k := min(nearShingle, nw)
	out := make([]uint64, 0, nw-k+1)
	for i := 0; i+k <= nw; i++ {
		h := uint64(offset)
		for j := i; j < i+k; j++ {
			w := folded[words[2*j]:words[2*j+1]]
			for b := 0; b < len(w); b++ {
				h = (h ^ uint64(w[b])) * prime
			}
			h *= prime // the separator, a zero byte
		}
		out = append(out, h)
	}
	return out
}

// nearShingles returns the set of the shingle hashes of text.
func nearShingles(text string) map[uint64]struct{} {
	hs := nearHashes(text)
	out := make(map[uint64]struct{}, len(hs))
	for _, h := range hs {
		out[h] = struct{}{}
	}
	return out
}

// nearSeeds are the multipliers and offsets of the sketch's hash
// functions, fixed for ever (changing them needs a new index format).
var nearSeeds = func() (s [nearPerms][2]uint64) {
	x := uint64(0x6a09e667f3bcc909)
	for i := range s {
		for j := range s[i] {
			x = splitmix(x)
			s[i][j] = x | 1
		}
	}
	return s
}()

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// nearSketch returns the MinHash sketch of text, nil when the text has
// no word.
func nearSketch(text string) []uint32 {
	hs := nearHashes(text)
	if len(hs) == 0 {
		return nil
	}
	out := make([]uint32, nearPerms)
	// Four hash functions per pass over the shingles, their minimums in
	// registers.
	i := 0
	for ; i+4 <= nearPerms; i += 4 {
		a0, b0 := nearSeeds[i][0], nearSeeds[i][1]
		a1, b1 := nearSeeds[i+1][0], nearSeeds[i+1][1]
		a2, b2 := nearSeeds[i+2][0], nearSeeds[i+2][1]
		a3, b3 := nearSeeds[i+3][0], nearSeeds[i+3][1]
		m0, m1, m2, m3 := ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)
		for _, x := range hs {
			m0 = min(m0, x*a0+b0)
			m1 = min(m1, x*a1+b1)
			m2 = min(m2, x*a2+b2)
			m3 = min(m3, x*a3+b3)
		}
		out[i], out[i+1], out[i+2], out[i+3] = uint32(m0>>32), uint32(m1>>32), uint32(m2>>32), uint32(m3>>32)
	}
	for ; i < nearPerms; i++ {
		m := ^uint64(0)
		for _, x := range hs {
			m = min(m, x*nearSeeds[i][0]+nearSeeds[i][1])
		}
		out[i] = uint32(m >> 32)
	}
	return out
}

// nearFields returns the stored sketch of text and its band keys (the
// values of FieldNearSig and FieldNear), or "" and nil for a text without
// words.
func nearFields(text string) (string, []string) {
	sig := nearSketch(text)
	if sig == nil {
		return "", nil
	}
	b := make([]byte, 4*len(sig))
	for i, v := range sig {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	bands := make([]string, nearBands)
	for i := range bands {
		h := fnv.New64a()
		h.Write([]byte{byte(i)})
		h.Write(b[4*i*nearRows : 4*(i+1)*nearRows])
		bands[i] = fmt.Sprintf("%x", h.Sum64())
	}
	return base64.RawStdEncoding.EncodeToString(b), bands
}

// decodeSketch reads a stored sketch; nil when it is not one.
func decodeSketch(s string) []uint32 {
	b, err := base64.RawStdEncoding.DecodeString(s)
	if err != nil || len(b) != 4*nearPerms {
		return nil
	}
	out := make([]uint32, nearPerms)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}

// sketchSimilarity estimates the Jaccard similarity of two sketches.
func sketchSimilarity(a, b []uint32) float64 {
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / float64(len(a))
}

// NearSimilarity returns the Jaccard similarity of the word shingles of
// two texts, the measure NearThreshold applies to.
func NearSimilarity(a, b string) float64 {
	return jaccard(nearShingles(a), nearShingles(b))
}

func jaccard(sa, sb map[uint64]struct{}) float64 {
	if len(sa) == 0 || len(sb) == 0 {
		return 0
	}
	in := 0
	for x := range sa {
		if _, ok := sb[x]; ok {
			in++
		}
	}
	return float64(in) / float64(len(sa)+len(sb)-in)
}

// Groups is the near-duplicate grouping of an index's documents: the
// documents that hold one text in several files of different content
// (see NearThreshold). A document in no group is a group of its own.
type Groups struct {
	of      map[string]int // content hash → index in members
	members [][]string     // each group's content hashes, sorted
	primary []string       // each group's primary member (see Primary)
	stale   bool           // see Stale
}

// Stale reports that content was added since the groups were computed and
// that they were not computed again (NearGroups, above NearComputeMax
// documents): the documents added since are in no group, so their copies
// show as separate documents until an ingest runs to its end.
func (g *Groups) Stale() bool {
	return g != nil && g.stale
}

// Primary returns the primary document of sha's group, the one whose
// record stands for the group where one record must (the registry, export,
// the targets search lists): the copy in the most faithful format (text,
// then word processor files, PDF, spreadsheets, HTML pages with their site
// chrome, images read by OCR; Unicode before legacy encodings), then the
// one with the most targets, then the smallest content hash. It is sha itself when sha has no copy.
func (g *Groups) Primary(sha string) string {
	if g != nil {
		if i, ok := g.of[sha]; ok {
			return g.primary[i]
		}
	}
	return sha
}

// ChoosePrimaries sets the primary document of each group of g (see
// Groups.Primary), from the stored records of the copies.
func (ix *Index) ChoosePrimaries(ctx context.Context, g *Groups) error {
	if g.Len() == 0 {
		return nil
	}
	var all []string
	for _, ms := range g.members {
		all = append(all, ms...)
	}
	type info struct {
		rank, targets int
	}
	infos := map[string]info{}
	err := ix.byHash(ctx, all, []string{FieldRecord}, func(sha string, f map[string]interface{}) error {
		s, _ := f[FieldRecord].(string)
		var rec struct {
			Format   string     `json:"format"`
			Encoding string     `json:"encoding"`
			Targets  []struct{} `json:"targets"`
		}
		if err := json.Unmarshal([]byte(s), &rec); err != nil {
			return fmt.Errorf("record %s: %w", sha, err)
		}
		rank := 2 * formatRank(rec.Format)
		if e := strings.ToLower(rec.Encoding); e != "" && !strings.HasPrefix(e, "utf") {
			rank++ // a legacy encoding: capitals may be lost (TCVN3)
		}
		infos[sha] = info{rank, len(rec.Targets)}
		return nil
	})
	if err != nil {
		return fmt.Errorf("near-duplicates: %w", err)
	}
	for i, ms := range g.members {
		best := ms[0]
		for _, m := range ms[1:] {
			a, b := infos[m], infos[best]
			if a.rank < b.rank || a.rank == b.rank && a.targets > b.targets {
				best = m
			}
		}
		g.primary[i] = best
	}
	return nil
}

// formatRank orders formats by how faithfully they hold a text.
func formatRank(f string) int {
	switch f {
	case "txt":
		return 0
	case "docx", "doc", "rtf", "odt":
		return 1
	case "pdf":
		return 2
	case "xlsx", "xls", "ods":
		return 3
	case "html":
		return 4
	default:
		return 5
	}
}

// Key returns the key of the group of the document of content sha: the
// smallest content hash of the group, or sha itself when it has no copy.
func (g *Groups) Key(sha string) string {
	if g != nil {
		if i, ok := g.of[sha]; ok {
			return g.members[i][0]
		}
	}
	return sha
}

// Members returns the content hashes of the documents of sha's group,
// sorted (sha alone when it has no copy). The slice is shared: do not
// change it.
func (g *Groups) Members(sha string) []string {
	if g != nil {
		if i, ok := g.of[sha]; ok {
			return g.members[i]
		}
	}
	return []string{sha}
}

// Copies returns the number of documents that are in a group of two or
// more.
func (g *Groups) Copies() int {
	if g == nil {
		return 0
	}
	return len(g.of)
}

// Len returns the number of groups of two or more documents.
func (g *Groups) Len() int {
	if g == nil {
		return 0
	}
	return len(g.members)
}

// All returns the groups of two or more documents, each sorted, in the
// order of their keys. The slices are shared: do not change them.
func (g *Groups) All() [][]string {
	if g == nil {
		return nil
	}
	return g.members
}

// nearGroupsKey is the internal key under which the writer keeps the
// groups it computed last (SaveNearGroups). Batches that remove documents
// take them out of the saved groups; batches that add content set
// nearStaleKey, until the next SaveNearGroups.
var nearGroupsKey = []byte("vanban_near_groups")

// nearStaleKey is set while documents added since the saved groups were
// computed are not in them (an ingest still running, or one interrupted).
var nearStaleKey = []byte("vanban_near_stale")

// NearComputeMax is the number of documents up to which NearGroups
// computes the groups itself when the saved ones are stale or missing:
// about 40 µs per document, so 0.8 s at this size, 20 s at 500,000.
// Above it, NearGroups returns the saved groups as they are (Stale).
var NearComputeMax = 20000

// savedGroups is the stored form of Groups.
type savedGroups struct {
	Members [][]string `json:"members"`
	Primary []string   `json:"primary"`
}

// groups returns the Groups that sg stores.
func (sg *savedGroups) groups() *Groups {
	g := &Groups{of: map[string]int{}, members: sg.Members, primary: sg.Primary}
	for i, ms := range g.members {
		for _, m := range ms {
			g.of[m] = i
		}
	}
	return g
}

// readSavedGroups returns the saved groups, nil when none are saved (or
// they cannot be read), and whether content was added since they were.
func (ix *Index) readSavedGroups() (sg *savedGroups, stale bool) {
	if b, err := ix.idx.GetInternal(nearStaleKey); err != nil || len(b) > 0 {
		stale = true
	}
	b, err := ix.idx.GetInternal(nearGroupsKey)
	if err != nil || len(b) == 0 {
		return nil, stale
	}
	sg = &savedGroups{}
	if err := json.Unmarshal(b, sg); err != nil || len(sg.Primary) != len(sg.Members) {
		return nil, stale
	}
	return sg, stale
}

// NearGroups returns the near-duplicate groups of the whole index, with
// their primary documents: those the last complete ingest saved
// (SaveNearGroups) when no content was added since, else computed now.
// Computing them costs a pass over the band keys of every document (doc
// values), the stored sketches of the documents that share one and the
// texts of pairs close to the threshold (0.06–0.1 s for the 734 documents
// of ../shared/corpus bulk, dev, formats and legacy; 20 s at 500,000
// documents); reading saved ones, well under 1 ms. Above NearComputeMax
// documents it does not compute them: it returns the saved groups as they
// are, or none when none are saved, and the groups are Stale. Read them
// once per open index.
func (ix *Index) NearGroups(ctx context.Context) (*Groups, error) {
	sg, stale := ix.readSavedGroups()
	if sg != nil && !stale {
		return sg.groups(), nil
	}
	if n, err := ix.Count(); err == nil && n > NearComputeMax {
		if sg == nil {
			sg = &savedGroups{}
		}
		g := sg.groups()
		g.stale = true
		return g, nil
	}
	g, err := ix.computeNearGroups(ctx)
	if err != nil {
		return nil, err
	}
	if err := ix.ChoosePrimaries(ctx, g); err != nil {
		return nil, err
	}
	return g, nil
}

// SaveNearGroups computes the near-duplicate groups of the index as it is
// now and stores them with the next commit (Flush), for NearGroups to read
// instead of computing them. When they are saved and no content was added
// since, it does nothing.
func (w *Writer) SaveNearGroups(ctx context.Context) error {
	if err := w.Flush(); err != nil {
		return err
	}
	if sg, stale := w.ix.readSavedGroups(); sg != nil && !stale {
		return nil // saved, and no content added since
	}
	g, err := w.ix.computeNearGroups(ctx)
	if err != nil {
		return err
	}
	if err := w.ix.ChoosePrimaries(ctx, g); err != nil {
		return err
	}
	w.mu.Lock()
	if w.err == nil {
		w.saved = &savedGroups{Members: g.members, Primary: g.primary}
		w.savedLoaded, w.savedChanged = true, true
		w.batch.DeleteInternal(nearStaleKey)
	}
	w.mu.Unlock()
	return w.Flush()
}

// dropFromGroups takes the removed content sha out of the saved groups: a
// group left with one document is no group, and a group whose primary
// went takes its first member as primary and is marked for the next
// SaveNearGroups to choose again. The change is written with the batch.
func (w *Writer) dropFromGroups(sha string) {
	if !w.savedLoaded {
		w.saved, _ = w.ix.readSavedGroups()
		w.savedLoaded = true
	}
	sg := w.saved
	if sg == nil {
		return
	}
	for i, ms := range sg.Members {
		j := sort.SearchStrings(ms, sha)
		if j == len(ms) || ms[j] != sha {
			continue
		}
		rest := append(append([]string(nil), ms[:j]...), ms[j+1:]...)
		if len(rest) < 2 {
			sg.Members = append(sg.Members[:i:i], sg.Members[i+1:]...)
			sg.Primary = append(sg.Primary[:i:i], sg.Primary[i+1:]...)
		} else {
			sg.Members[i] = rest
			if sg.Primary[i] == sha {
				sg.Primary[i] = rest[0]
				w.batch.SetInternal(nearStaleKey, []byte{1})
			}
		}
		w.savedChanged = true
		return
	}
}

// computeNearGroups computes the near-duplicate groups of the whole index
// (see NearGroups), primaries not chosen.
func (ix *Index) computeNearGroups(ctx context.Context) (*Groups, error) {
	buckets, err := ix.sharedBands(ctx) // band key → content hashes
	if err != nil {
		return nil, err
	}
	var candidates []string
	seenDoc := map[string]bool{}
	for _, docs := range buckets {
		for _, d := range docs {
			if !seenDoc[d] {
				seenDoc[d] = true
				candidates = append(candidates, d)
			}
		}
	}
	sigs := map[string][]uint32{}
	err = ix.byHash(ctx, candidates, []string{FieldNearSig}, func(sha string, f map[string]interface{}) error {
		s, _ := f[FieldNearSig].(string)
		if sig := decodeSketch(s); sig != nil {
			sigs[sha] = sig
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("near-duplicates: %w", err)
	}
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok || p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	union := func(a, b string) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if rb < ra {
			ra, rb = rb, ra
		}
		parent[rb] = ra
		parent[ra] = ra
	}
	checked := map[docPair]bool{}
	var unsure []docPair
	keys := make([]string, 0, len(buckets))
	for k := range buckets {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		docs := buckets[k]
		sort.Strings(docs)
		for i := range docs {
			for j := i + 1; j < len(docs); j++ {
				p := docPair{docs[i], docs[j]}
				if p.a == p.b || checked[p] || sigs[p.a] == nil || sigs[p.b] == nil {
					continue
				}
				checked[p] = true
				switch s := sketchSimilarity(sigs[p.a], sigs[p.b]); {
				case s >= nearSure:
					union(p.a, p.b)
				case s >= nearUnsure:
					unsure = append(unsure, p)
				}
			}
		}
	}
	similar, err := ix.similarTexts(ctx, unsure)
	if err != nil {
		return nil, err
	}
	for _, p := range similar {
		union(p.a, p.b)
	}
	byRoot := map[string][]string{}
	for x := range parent {
		r := find(x)
		byRoot[r] = append(byRoot[r], x)
	}
	g := &Groups{of: map[string]int{}}
	roots := make([]string, 0, len(byRoot))
	for r, ms := range byRoot {
		if len(ms) > 1 {
			roots = append(roots, r)
		}
	}
	sort.Strings(roots)
	for _, r := range roots {
		ms := byRoot[r]
		sort.Strings(ms)
		for _, m := range ms {
			g.of[m] = len(g.members)
		}
		g.members = append(g.members, ms)
	}
	g.primary = make([]string, len(g.members))
	for i, ms := range g.members {
		g.primary[i] = ms[0]
	}
	return g, nil
}

// docPair is two documents, by content hash.
type docPair struct{ a, b string }

// similarTexts returns the pairs whose sketches are close to the
// threshold and whose texts are copies (NearThreshold, exact Jaccard of
// their shingles).
func (ix *Index) similarTexts(ctx context.Context, unsure []docPair) ([]docPair, error) {
	if len(unsure) == 0 {
		return nil, nil
	}
	var need []string
	seen := map[string]bool{}
	for _, p := range unsure {
		for _, s := range []string{p.a, p.b} {
			if !seen[s] {
				seen[s] = true
				need = append(need, s)
			}
		}
	}
	texts, err := ix.Texts(ctx, need)
	if err != nil {
		return nil, fmt.Errorf("near-duplicates: %w", err)
	}
	shingles := map[string]map[uint64]struct{}{}
	for _, s := range need {
		shingles[s] = nearShingles(texts[s])
	}
	var out []docPair
	for _, p := range unsure {
		if jaccard(shingles[p.a], shingles[p.b]) >= NearThreshold {
			out = append(out, p)
		}
	}
	return out, nil
}

// sharedBands returns the band keys that more than one document holds,
// each with the content hashes of those documents, from a pass over the
// band keys of every document (their doc values; the term dictionary's
// counts do not add up the segments of an index reliably).
//
// Memory stays bounded whatever the number of documents: the (key,
// document) pairs, 16 bytes each and nearBands per document, are sorted in
// a slice rather than held in maps (a map of 1.6 million keys and their
// holders, at 100,000 documents, took ingest's peak RSS from 245 to 364
// MB), and when they would outgrow bandPairsBudget the keys are split by
// value into parts, one pass over the doc values per part.
func (ix *Index) sharedBands(ctx context.Context) (map[string][]string, error) {
	fail := func(err error) (map[string][]string, error) {
		return nil, fmt.Errorf("near-duplicates: read band keys: %w", err)
	}
	adv, err := ix.idx.Advanced()
	if err != nil {
		return fail(err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fail(err)
	}
	defer r.Close()
	// The documents (not their targets, nor the files' entries) have band
	// keys: they decide the memory a pass takes.
	docs, err := ix.Count()
	if err != nil {
		return fail(err)
	}
	count := uint64(docs)
	parts := uint64(1 + count*nearBands*16/bandPairsBudget)
	// Per shared key, the ordinals (positions in DocIDReaderAll's order)
	// of its holders, ascending.
	shared := map[uint64][]uint32{}
	var pairs []bandPair
	for part := uint64(0); part < parts; part++ {
		pairs = pairs[:0]
		if pairs == nil {
			pairs = make([]bandPair, 0, min(count*nearBands/parts+1024, bandPairsBudget/16))
		}
		err := ix.visitBands(ctx, r, func(ord uint32, k uint64) {
			if k%parts == part {
				pairs = append(pairs, bandPair{k, ord})
			}
		}, nil)
		if err != nil {
			return fail(err)
		}
		sort.Slice(pairs, func(i, j int) bool {
			if pairs[i].key != pairs[j].key {
				return pairs[i].key < pairs[j].key
			}
			return pairs[i].ord < pairs[j].ord
		})
		for i := 0; i < len(pairs); {
			j := i + 1
			for j < len(pairs) && pairs[j].key == pairs[i].key {
				j++
			}
			if j-i > 1 {
				var ords []uint32
				for _, p := range pairs[i:j] {
					if len(ords) == 0 || ords[len(ords)-1] != p.ord {
						ords = append(ords, p.ord)
					}
				}
				if len(ords) > 1 {
					shared[pairs[i].key] = ords
				}
			}
			i = j
		}
	}
	pairs = nil
	// The content hashes of the documents that share a key.
	names := map[uint32]string{}
	for _, ords := range shared {
		for _, o := range ords {
			names[o] = ""
		}
	}
	err = ix.visitBands(ctx, r, nil, func(ord uint32, id bleveindex.IndexInternalID) error {
		if _, ok := names[ord]; !ok {
			return nil
		}
		ext, err := r.ExternalID(id)
		if err != nil {
			return err
		}
		names[ord], _ = DocumentSHA(ext)
		return nil
	})
	if err != nil {
		return fail(err)
	}
	out := make(map[string][]string, len(shared))
	for k, ords := range shared {
		var docs []string
		for _, o := range ords {
			if sha := names[o]; sha != "" {
				docs = append(docs, sha)
			}
		}
		if len(docs) > 1 {
			out[strconv.FormatUint(k, 16)] = docs
		}
	}
	return out, nil
}

// bandPairsBudget bounds the memory of the (key, document) pairs that
// sharedBands sorts in one pass.
const bandPairsBudget = 32 << 20

// bandPair is one band key of one document (its ordinal).
type bandPair struct {
	key uint64
	ord uint32
}

// visitBands goes through every document of r in order, numbering them
// from 0: band, when not nil, is called with each of its band keys; doc,
// when not nil, with its internal id. The mapped pages of the index are
// handed back as it goes (a pass reads the doc values of every segment).
func (ix *Index) visitBands(ctx context.Context, r bleveindex.IndexReader, band func(ord uint32, key uint64), doc func(ord uint32, id bleveindex.IndexInternalID) error) error {
	all, err := r.DocIDReaderAll()
	if err != nil {
		return err
	}
	defer all.Close()
	var dv bleveindex.DocValueReader
	if band != nil {
		if dv, err = r.DocValueReader([]string{FieldNear}); err != nil {
			return err
		}
	}
	for n := uint32(0); ; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			ix.trimMapped()
		}
		id, err := all.Next()
		if err != nil {
			return err
		}
		if id == nil {
			return nil
		}
		if doc != nil {
			if err := doc(n, id); err != nil {
				return err
			}
		}
		if band == nil {
			continue
		}
		err = dv.VisitDocValues(id, func(field string, term []byte) {
			if field != FieldNear {
				return
			}
			if k, ok := parseHex64(term); ok {
				band(n, k)
			}
		})
		if err != nil {
			return err
		}
	}
}

// parseHex64 reads a band key (FieldNear: lower-case hex, at most 16
// digits); it is strconv.ParseUint(string(b), 16, 64) without the string
// and its general cases, which took a quarter of the time of
// computeNearGroups over 511,000 documents.
func parseHex64(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 16 {
		return 0, false
	}
	var k uint64
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		k = k<<4 | uint64(c)
	}
	return k, true
}

// DocumentSHA returns the content hash of the document whose Bleve ID is
// id (a hit of a document query), and false for any other ID.
func DocumentSHA(id string) (string, bool) {
	return strings.CutPrefix(id, docPrefix)
}

// DocumentID is the Bleve id of the document of a content hash.
func DocumentID(sha string) string { return docID(sha) }

// Matching returns which of the documents of the given content hashes q
// matches.
func (ix *Index) Matching(ctx context.Context, q query.Query, shas []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(shas) == 0 {
		return out, nil
	}
	ids := make([]string, len(shas))
	for i, sha := range shas {
		ids[i] = docID(sha)
	}
	cq := query.NewConjunctionQuery([]query.Query{q, query.NewDocIDQuery(ids)})
	req := bleve.NewSearchRequestOptions(cq, len(ids), 0, false)
	req.SortBy([]string{"_id"})
	req.Score = "none"
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("match %d documents: %w", len(ids), err)
	}
	for _, h := range res.Hits {
		if sha, ok := DocumentSHA(h.ID); ok {
			out[sha] = true
		}
	}
	return out, nil
}
