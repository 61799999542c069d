package search

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"vanban/index"
)

// Snippet is a passage of a hit's text with the matched words marked.
type Snippet struct {
	// Text is the passage, on one line.
	Text string `json:"text"`
	// Marks are the byte ranges [start, end) of Text that matched.
	Marks [][2]int `json:"marks"`
	// Page is the 1-based page the passage starts on.
	Page int `json:"page"`
}

// Marked returns the snippet's text with each match wrapped in open and
// close (e.g. "[" and "]", or ANSI colour codes).
func (s Snippet) Marked(open, close string) string {
	var b strings.Builder
	last := 0
	for _, m := range s.Marks {
		if m[0] < last || m[1] > len(s.Text) {
			continue
		}
		b.WriteString(s.Text[last:m[0]])
		b.WriteString(open)
		b.WriteString(s.Text[m[0]:m[1]])
		b.WriteString(close)
		last = m[1]
	}
	b.WriteString(s.Text[last:])
	return b.String()
}

// snippetWidth is the target length of a snippet, in bytes around the
// matches (Vietnamese letters take two or three bytes).
const snippetWidth = 260

// highlight is what snippets mark: single words (folded) and phrases
// (folded words that must follow each other).
type highlight struct {
	terms   map[string]bool
	phrases [][]string
}

func (h *highlight) empty() bool { return h == nil || (len(h.terms) == 0 && len(h.phrases) == 0) }

// makeSnippets returns up to n passages of text around the words and
// phrases of h, best first: the passages that hold the most distinct query
// terms, then the most matches.
func makeSnippets(text string, h *highlight, n int) []Snippet {
	if text == "" || h.empty() || n <= 0 {
		return nil
	}
	return snippetsAt(text, scanTokens(text, h), h, n)
}

// snippetsAt is makeSnippets given the tokens of text that are words of h
// (as scanTokens returns them): in order, with their positions, so that
// a phrase is words at positions that follow each other.
func snippetsAt(text string, toks []index.Token, h *highlight, n int) []Snippet {
	if text == "" || h.empty() || n <= 0 {
		return nil
	}
	type match struct {
		start, end int
		term       string
	}
	var ms []match
	for i := 0; i < len(toks); i++ {
		if toks[i].End <= toks[i].Start {
			continue
		}
		matched := false
		for _, ph := range h.phrases {
			if len(ph) == 0 || i+len(ph) > len(toks) {
				continue
			}
			ok := true
			for j, w := range ph {
				if toks[i+j].Term != w || toks[i+j].Pos != toks[i].Pos+j {
					ok = false
					break
				}
			}
			if ok {
				for j := range ph {
					// Each word is marked; the phrase counts as one term.
					ms = append(ms, match{toks[i+j].Start, toks[i+j].End, strings.Join(ph, " ")})
				}
				i += len(ph) - 1
				matched = true
				break
			}
		}
		if !matched && h.terms[toks[i].Term] {
			ms = append(ms, match{toks[i].Start, toks[i].End, toks[i].Term})
		}
	}
	if len(ms) == 0 {
		return nil
	}
	// Score a window starting at each match.
	type window struct {
		first, last int // indexes into ms
		score       int
	}
	var ws []window
	j := 0
	for i := range ms {
		if j < i {
			j = i
		}
		for j+1 < len(ms) && ms[j+1].end-ms[i].start <= snippetWidth {
			j++
		}
		distinct := map[string]bool{}
		for k := i; k <= j; k++ {
			distinct[ms[k].term] = true
		}
		ws = append(ws, window{i, j, len(distinct)*100 + (j - i + 1)})
	}
	sort.SliceStable(ws, func(a, b int) bool { return ws[a].score > ws[b].score })
	var out []Snippet
	var used [][2]int
	for _, w := range ws {
		if len(out) == n {
			break
		}
		start, end := ms[w.first].start, ms[w.last].end
		pad := (snippetWidth - (end - start)) / 2
		s, e := wordStart(text, start-pad), wordEnd(text, end+pad)
		overlap := false
		for _, u := range used {
			if s < u[1] && e > u[0] {
				overlap = true
				break
			}
		}
		if overlap {
			continue
		}
		used = append(used, [2]int{s, e})
		sn := buildSnippet(text, s, e, ms[w.first:w.last+1], func(m match) (int, int) { return m.start, m.end })
		sn.Page = 1 + strings.Count(text[:start], "\f") // the page of the first match
		out = append(out, sn)
	}
	return out
}

// buildSnippet flattens text[s:e] to one line and maps the match ranges.
func buildSnippet[M any](text string, s, e int, ms []M, span func(M) (int, int)) Snippet {
	page := 1 + strings.Count(text[:s], "\f")
	var b strings.Builder
	var marks [][2]int
	mi := 0
	// Rebuild byte by byte so that offsets can be mapped while whitespace
	// runs collapse to one space.
	pending := -1
	space := false
	for i := s; i < e; {
		for mi < len(ms) {
			ms0, _ := span(ms[mi])
			if ms0 >= i {
				break
			}
			mi++
		}
		if mi < len(ms) {
			if ms0, me := span(ms[mi]); ms0 == i && me > i && me <= e {
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				pending = b.Len()
				b.WriteString(text[ms0:me])
				marks = append(marks, [2]int{pending, b.Len()})
				i = me
				mi++
				continue
			}
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			space = true
		} else {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
		i += w
	}
	t := b.String()
	if s > 0 {
		t = "…" + t
		for k := range marks {
			marks[k][0] += len("…")
			marks[k][1] += len("…")
		}
	}
	if e < len(text) {
		t += "…"
	}
	return Snippet{Text: t, Marks: marks, Page: page}
}

// wordStart moves i back to the start of a word (never before 0).
func wordStart(text string, i int) int {
	if i <= 0 {
		return 0
	}
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	for j := i; j > 0 && i-j < 40; {
		r, w := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsSpace(r) {
			return j
		}
		j -= w
	}
	return i
}

// wordEnd moves i forward to the end of a word (never past len(text)).
func wordEnd(text string, i int) int {
	if i >= len(text) {
		return len(text)
	}
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	for j := i; j < len(text) && j-i < 40; {
		r, w := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(r) {
			return j
		}
		j += w
	}
	return i
}

// snippetChunk is how much text is analyzed at a time when looking for
// matches: long documents (a 200-page law) are read only as far as needed.
const snippetChunk = 32 << 10

// scanTokens returns the folded tokens of text that are words of h, with
// their positions, chunk by chunk, stopping after the chunk where every
// word of h has been seen (or enough matches for two snippets).
func scanTokens(text string, h *highlight) []index.Token {
	words := h.words()
	var out []index.Token
	pos := 0
	scanChunks(text, len(words), func(off, end int, seen map[string]bool) int {
		matches := 0
		index.EachToken(index.AnalyzerFold, text[off:end], func(term []byte, start, end int) {
			pos++
			if words[string(term)] {
				t := index.Token{Term: string(term), Start: start + off, End: end + off, Pos: pos}
				seen[t.Term] = true
				matches++
				out = append(out, t)
			}
		})
		return matches
	})
	return out
}

// clipTokens returns the tokens of toks (the words of h in text, in
// order, with their positions: the index's term vectors) that
// scanTokens would read: those of the chunks up to the one where it
// stops.
func clipTokens(text string, toks []index.Token, h *highlight) []index.Token {
	n := 0
	scanChunks(text, len(h.words()), func(off, end int, seen map[string]bool) int {
		matches := 0
		for ; n < len(toks) && toks[n].Start < end; n++ {
			seen[toks[n].Term] = true
			matches++
		}
		return matches
	})
	return toks[:n]
}

// words returns the words of h's terms and phrases.
func (h *highlight) words() map[string]bool {
	words := map[string]bool{}
	for t := range h.terms {
		words[t] = true
	}
	for _, ph := range h.phrases {
		for _, w := range ph {
			words[w] = true
		}
	}
	return words
}

// scanChunks calls read with the byte range of each chunk of text in
// turn (cut at a space, so that no word is split) until every one of want
// words has been seen (read marks them in seen) or 40 matches have been
// read (read returns how many a chunk held).
func scanChunks(text string, want int, read func(off, end int, seen map[string]bool) int) {
	seen := map[string]bool{}
	matches := 0
	for off := 0; off < len(text); {
		end := min(len(text), off+snippetChunk)
		if end < len(text) {
			if i := strings.LastIndexAny(text[off:end], " \n\f\t"); i > 0 {
				end = off + i + 1
			}
		}
		matches += read(off, end, seen)
		off = end
		if len(seen) >= want || matches >= 40 {
			break
		}
	}
}
