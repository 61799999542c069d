package pdf

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"vanban/internal/lazyregexp"
)

// textLine is one line of a page: runs on one baseline, in stream order.
type textLine struct {
	x0, x1 float64 // left and right ends
	y      float64 // baseline
	size   float64 // largest font size on the line
	text   string
}

// spaceGap is the gap between two runs, as a fraction of the font size,
// above which a word space is inserted (pdftotext uses a similar share of
// the font size).
const spaceGap = 0.15

// buildLines groups runs into lines in stream order. A run starts a new
// line when its baseline differs from the current line's by more than
// about half the font size, or when it jumps back to the left; within a
// line a space goes where the gap between runs is wide enough. Runs that a
// producer painted out of order on one baseline (LibreOffice draws the
// letters of a second font, such as Vietnamese capitals, after the line's
// other letters) are put back in their places from left to right.
func buildLines(runs []textRun) []textLine {
	var lines []textLine
	var cur *textLine
	var parts []linePart
	flush := func() {
		if cur != nil {
			cur.text = strings.TrimSpace(collapseSpaces(joinParts(parts)))
			if cur.text != "" {
				lines = append(lines, *cur)
			}
		}
		cur = nil
		parts = parts[:0]
	}
	for _, r := range runs {
		size := r.size
		if size <= 0 {
			size = 1
		}
		if cur != nil {
			tol := 0.5 * math.Max(size, cur.size)
			dy := math.Abs(r.y - cur.y)
			sameLine := dy <= tol && r.x >= cur.x0-tol
			if !sameLine && dy <= 1.5*tol && r.x >= cur.x1-tol && r.x-cur.x1 < 2*tol {
				// A superscript or subscript (a footnote mark, m²)
				// that goes on where the line stopped.
				sameLine = true
			}
			if sameLine {
				gap := r.x - cur.x1
				if gap < -2*math.Max(size, cur.size) && paintedTwice(parts, strings.TrimSpace(r.text), r.x, size) {
					// Text painted twice at about the same place (fake
					// bold, shadow): keep one copy.
					continue
				}
				parts = append(parts, linePart{x: r.x, ex: r.ex, size: size, text: r.text})
				cur.x1 = math.Max(cur.x1, r.ex)
				if gap < 0 && r.ex > cur.x1 {
					cur.x1 = r.ex
				}
				if size > cur.size+0.5 {
					// The line's baseline is that of its main text,
					// not of a superscript it started with.
					cur.size, cur.y = size, r.y
				}
				continue
			}
			flush()
		}
		cur = &textLine{x0: r.x, x1: r.ex, y: r.y, size: size}
		parts = append(parts, linePart{x: r.x, ex: r.ex, size: size, text: r.text})
	}
	flush()
	return lines
}

// linePart is one run of a line.
type linePart struct {
	x, ex, size float64
	text        string
}

// paintedTwice reports whether text s starting at x repeats what parts
// already hold at that place (fake bold, a shadow): a run that covers x
// and holds s, or, for a longer text, the line so far holding it. A single
// letter filled into a gap (the second Ả of "ĐẢNG CỘNG SẢN") is no repeat.
func paintedTwice(parts []linePart, s string, x, size float64) bool {
	for _, p := range parts {
		if x >= p.x-size && x <= p.ex && strings.Contains(p.text, s) {
			return true
		}
	}
	return utf8.RuneCountInString(s) > 3 && strings.Contains(joinParts(parts), s)
}

// joinParts writes the runs of a line. When runs were painted out of order
// (a run that starts inside or before an earlier one and holds no text
// painted twice), they are sorted by their left end first. A space goes
// between two runs whose gap is wide enough, or that overlap far (a new
// column), except before a combining mark drawn as its own run.
func joinParts(parts []linePart) string {
	if len(parts) == 0 {
		return ""
	}
	if outOfOrder(parts) {
		parts = sortParts(parts)
	}
	var b strings.Builder
	b.WriteString(parts[0].text)
	x1, size := parts[0].ex, parts[0].size
	for _, p := range parts[1:] {
		gap := p.x - x1
		first, _ := utf8.DecodeRuneInString(p.text)
		if !unicode.Is(unicode.Mn, first) && (gap > spaceGap*math.Min(p.size, size) || gap < -2*math.Max(p.size, size)) {
			b.WriteByte(' ')
		}
		b.WriteString(p.text)
		x1 = math.Max(x1, p.ex)
		size = p.size
	}
	return b.String()
}

// sortParts returns parts sorted by their left ends, a combining mark
// drawn as its own run staying after the run it was drawn after.
func sortParts(parts []linePart) []linePart {
	var units [][]linePart
	for _, p := range parts {
		first, _ := utf8.DecodeRuneInString(p.text)
		if len(units) > 0 && unicode.Is(unicode.Mn, first) {
			units[len(units)-1] = append(units[len(units)-1], p)
			continue
		}
		units = append(units, []linePart{p})
	}
	slices.SortStableFunc(units, func(a, b []linePart) int { return cmp.Compare(a[0].x, b[0].x) })
	out := make([]linePart, 0, len(parts))
	for _, u := range units {
		out = append(out, u...)
	}
	return out
}

// outOfOrder reports whether some run of a line was painted to the left of
// the runs before it, in a gap between them: letters filled in after the
// line (a second font's glyphs), not a return to an overlapping place.
func outOfOrder(parts []linePart) bool {
	for i := 1; i < len(parts); i++ {
		p := parts[i]
		if p.x >= parts[i-1].x {
			continue
		}
		// It must fall where no earlier run painted: between runs.
		inside := false
		for _, q := range parts[:i] {
			if p.x < q.ex-0.1*p.size && p.ex > q.x+0.1*p.size {
				inside = true
				break
			}
		}
		if !inside {
			return true
		}
	}
	return false
}

// collapseSpaces turns runs of spaces into one.
func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// pageNumberRE matches a line that is only a page number: "3", "- 3 -",
// "Trang 3", "Trang 3/10", "3/10", "Page 3 of 10".
var pageNumberRE = lazyregexp.New(`(?i)^(?:[-–—]\s*)?(?:(?:trang|page|tr\.)\s*)?(\d{1,4})(?:\s*(?:/|trên|of)\s*\d{1,4})?(?:\s*[-–—])?$`)

// isPageNumber reports whether s is a bare page number line whose number
// is plausible for a document of pages pages.
func isPageNumber(s string, pages int) bool {
	m := pageNumberRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return false
	}
	n, err := strconv.Atoi(m[1])
	return err == nil && n >= 0 && n <= pages+1000
}

// edgeKey is how a header or footer line is recognized on other pages:
// its text with digits masked (page numbers and dates vary) and its
// baseline rounded.
func edgeKey(s string) string {
	var b strings.Builder
	digit := false
	for _, r := range s {
		if unicode.IsDigit(r) {
			if !digit {
				b.WriteByte('#')
			}
			digit = true
			continue
		}
		digit = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// edgeLines is how many lines at the top and at the bottom of a page are
// considered for header and footer detection.
const edgeLines = 3

// band is the vertical extent of a page (its MediaBox). Running headers
// and footers and page numbers are looked for only in its top and bottom
// edgeShare.
type band struct{ y0, y1 float64 }

const edgeShare = 0.15

// inEdge reports whether a baseline at y lies in the top or bottom margin
// band of the page.
func (b band) inEdge(y float64) bool {
	h := b.y1 - b.y0
	if h <= 0 || y < b.y0 || y > b.y1 {
		return false
	}
	return y > b.y1-edgeShare*h || y < b.y0+edgeShare*h
}

// dropRunningLines removes running headers and footers (a line among the
// top or bottom lines of the page, in the page's margin band, whose text,
// digits aside, recurs at the same height on at least half the pages, and
// at least on 3) and page numbers (a bare number or "Trang N/M" line at the
// very top or bottom of a page, in the margin band). pages holds the lines
// of every page and bands their extents; pages is modified in place.
func dropRunningLines(pages [][]textLine, bands []band) {
	type pos struct {
		key string
		y   int
	}
	isEdge := func(p int, i int) bool {
		lines := pages[p]
		return bands[p].inEdge(lines[i].y) && (topRank(lines, i) < edgeLines || bottomRank(lines, i) < edgeLines)
	}
	count := make(map[pos]int)
	for p, lines := range pages {
		seen := make(map[pos]bool)
		for i, l := range lines {
			if !isEdge(p, i) {
				continue
			}
			p := pos{edgeKey(l.text), int(math.Round(l.y / 3))}
			if !seen[p] {
				seen[p] = true
				count[p]++
			}
		}
	}
	need := (len(pages) + 1) / 2
	if need < 3 {
		need = 3
	}
	running := func(l textLine) bool {
		k := edgeKey(l.text)
		y := int(math.Round(l.y / 3))
		// Allow one step of rounding either way.
		return count[pos{k, y}]+count[pos{k, y - 1}]+count[pos{k, y + 1}] >= need
	}
	for p, lines := range pages {
		keep := lines[:0:0]
		for i, l := range lines {
			if isEdge(p, i) && running(l) && !(p == 0 && headingLine(l.text)) {
				continue
			}
			keep = append(keep, l)
		}
		// A bare page number at the very top or bottom.
		for len(keep) > 0 {
			i := extremeLine(keep, true)
			if i < 0 || !bands[p].inEdge(keep[i].y) || !isPageNumber(keep[i].text, len(pages)) || len(keep) == 1 && len(pages) == 1 {
				break
			}
			keep = append(keep[:i], keep[i+1:]...)
		}
		for len(keep) > 0 {
			i := extremeLine(keep, false)
			if i < 0 || !bands[p].inEdge(keep[i].y) || !isPageNumber(keep[i].text, len(pages)) || len(keep) == 1 && len(pages) == 1 {
				break
			}
			keep = append(keep[:i], keep[i+1:]...)
		}
		pages[p] = keep
	}
}

// headingLineRE matches the lines of an official document's heading that a
// template may repeat at the top of every page: the number line, the
// national motto and its second line, the Party's name.
var headingLineRE = lazyregexp.New(`(?i)^\W*(?:số|so)\s*:?\s*\d|cộng hòa xã hội|cộng hoà xã hội|độc lập\s*-\s*tự do|đảng cộng sản việt nam`)

// headingLine reports whether a line of the first page is part of the
// document's heading: it stays there even where later pages repeat it as a
// running header.
func headingLine(s string) bool {
	return headingLineRE.MatchString(strings.ToLower(s))
}

// topRank and bottomRank say how many lines of the page lie strictly
// above (below) line i.
func topRank(lines []textLine, i int) int {
	n := 0
	for j := range lines {
		if lines[j].y > lines[i].y+0.5 {
			n++
		}
	}
	return n
}

func bottomRank(lines []textLine, i int) int {
	n := 0
	for j := range lines {
		if lines[j].y < lines[i].y-0.5 {
			n++
		}
	}
	return n
}

// extremeLine returns the index of the highest (top) or lowest line, if it
// stands alone at that height.
func extremeLine(lines []textLine, top bool) int {
	best := -1
	for i, l := range lines {
		if best < 0 || top && l.y > lines[best].y || !top && l.y < lines[best].y {
			best = i
		}
	}
	for i, l := range lines {
		if i != best && math.Abs(l.y-lines[best].y) < 1 {
			return -1
		}
	}
	return best
}

// layout is the geometry of the document's body text: where lines start
// and end and how far apart they are.
type layout struct {
	left, right float64 // usual left and right ends of body lines
	spacing     float64 // usual baseline distance between lines
}

// measureLayout finds the body text margins and line spacing over all
// pages (one page alone, such as a short last page, says little).
func measureLayout(pages [][]textLine) layout {
	var xs0, xs1, dys []float64
	for _, lines := range pages {
		for i, l := range lines {
			xs0 = append(xs0, l.x0)
			xs1 = append(xs1, l.x1)
			if i > 0 {
				dy := lines[i-1].y - l.y
				if dy > 0.5*l.size && dy < 3*l.size {
					dys = append(dys, dy/l.size)
				}
			}
		}
	}
	if len(xs0) == 0 {
		return layout{}
	}
	lo := percentile(xs0, 0.1)
	// Lines starting at the usual left edge: the most common start.
	lay := layout{left: lo, right: percentile(xs1, 0.9), spacing: 1.2}
	if len(dys) > 0 {
		lay.spacing = percentile(dys, 0.5)
	}
	return lay
}

func percentile(xs []float64, p float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	i := int(p * float64(len(s)-1))
	return s[i]
}

// listStartRE matches the start of a line that begins a new item: a dash
// or bullet, "1.", "a)", "Điều 5.", "Chương II", "Mục 2".
var listStartRE = lazyregexp.New(`^(?:[-–—+•*▪●◦]\s|\(?\d{1,3}[.)]\s|\(?[a-zđ][)]\s|[IVXLC]{1,6}[.)]\s|(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+\b)`)

// joinParagraphs turns the lines of one page into paragraphs separated by
// "\n". Two lines stay in one paragraph (joined by a space, or by nothing
// across an end-of-line hyphen) unless the second is further down than the
// usual line spacing, starts indented, starts a list item, is set in a
// different size, follows a centered line but starts further left, or the
// first line stops short of the right margin though the next word would
// have fitted.
func joinParagraphs(lines []textLine, lay layout) string {
	var b []byte
	for i, l := range lines {
		switch {
		case i == 0:
		case paragraphBreak(lines[i-1], l, lay):
			b = append(b, '\n')
		default:
			joined, drop := joinHyphen(lines[i-1].text, l.text)
			switch {
			case joined && drop:
				_, n := utf8.DecodeLastRune(b) // "-" or a soft hyphen
				b = b[:len(b)-n]
			case joined:
				// keep the hyphen, no space
			default:
				b = append(b, ' ')
			}
		}
		b = append(b, l.text...)
	}
	return string(b)
}

// paragraphBreak decides whether next starts a new paragraph after prev.
func paragraphBreak(prev, next textLine, lay layout) bool {
	size := math.Max(prev.size, next.size)
	dy := prev.y - next.y
	if dy <= 0.3*size { // back up the page: another column or block
		return true
	}
	if dy > (lay.spacing+0.45)*math.Max(next.size, 1) {
		return true
	}
	if math.Abs(prev.size-next.size) > 0.15*size {
		return true
	}
	// Indented from the margin and not aligned with the line before: a
	// first-line indent (or a title above ends).
	if next.x0-lay.left > 0.9*next.size && math.Abs(next.x0-prev.x0) > 0.5*next.size {
		return true
	}
	if listStartRE.MatchString(next.text) {
		return true
	}
	// A centered line (a title) followed by a line that starts further
	// left: the title ends there.
	lgap, rgap := prev.x0-lay.left, lay.right-prev.x1
	if lgap > size && rgap > size && math.Abs(lgap-rgap) < 2*size && next.x0 < prev.x0-size {
		return true
	}
	// Did the first word of next fit at the end of prev?
	room := lay.right - prev.x1
	word := firstWord(next.text)
	n := utf8.RuneCountInString(next.text)
	if n == 0 {
		return false
	}
	charW := (next.x1 - next.x0) / float64(n)
	need := float64(utf8.RuneCountInString(word)+1) * charW
	return room > need+0.5*next.size
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// joinHyphen decides how a line ending in a hyphen joins the next line:
// joined reports that the lines join with no space, drop that the hyphen
// goes. A soft hyphen is always dropped. A hyphen after a letter, before a
// lowercase ASCII word, inside an all-ASCII word (an English or loan word
// split by a hyphenating producer), is dropped. Any other hyphen after a
// letter or digit (Vietnamese compounds such as "Rịa-Vũng Tàu", numbers
// such as "05-NQ/TW" that LibreOffice wraps after the hyphen) is kept,
// with no space. A spaced dash is no join: the lines take a space.
func joinHyphen(prev, next string) (joined, drop bool) {
	if strings.HasSuffix(prev, "\u00ad") {
		return true, true
	}
	if !strings.HasSuffix(prev, "-") || next == "" {
		return false, false
	}
	head := strings.TrimSuffix(prev, "-")
	r, _ := utf8.DecodeLastRuneInString(head)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false, false // "kinh tế -" is a dash
	}
	before := head[strings.LastIndexByte(head, ' ')+1:]
	after := firstWord(next)
	if isLowerASCIIWord(before, false) && isLowerASCIIWord(after, true) &&
		!strings.Contains(before, "-") && len(before) >= 2 && len(after) >= 2 {
		return true, true
	}
	return true, false
}

// isLowerASCIIWord reports whether s is ASCII letters (a lowercase first
// letter when first is set), allowing trailing punctuation.
func isLowerASCIIWord(s string, first bool) bool {
	s = strings.TrimRight(s, ".,;:!?)\"'")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
		case c >= 'A' && c <= 'Z' && !(first && i == 0) && i > 0:
		default:
			return false
		}
	}
	return true
}
