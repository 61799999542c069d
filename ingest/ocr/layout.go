package ocr

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"vanban/internal/lazyregexp"
)

// line is one text line of tesseract's TSV output with its box, in pixels.
type line struct {
	page, block, par int
	words            []string
	boxes            [][2]int // left and right of each word
	heights          []int    // height of each word
	noise            bool     // in a block of low confidence
	left, right      int
	top, height      int
}

func (l *line) text() string { return strings.Join(l.words, " ") }

// maxPages bounds the page numbers ParseTSV believes.
const maxPages = 10000

// minBlockConf is the mean word confidence below which a block of
// tesseract's layout is noise, not text: the specks and edges of a blank
// or nearly blank scanned page read as "g sĩ BẠN", "kuệng" (confidence 0
// to 40); blocks of text, even poor ones, read at 60 and above.
const minBlockConf = 30

// ParseTSV reads tesseract's TSV output (level, page_num, block_num,
// par_num, line_num, word_num, left, top, width, height, conf, text) into
// pages of paragraphs. Pages are numbered by page_num; a page with no
// words is an empty Page. Malformed rows are skipped, and so are blocks
// whose words' mean confidence is below minBlockConf.
func ParseTSV(tsv []byte) []Page {
	type key struct{ page, block, par, line int }
	var lines []*line
	byKey := map[key]*line{}
	maxPage := 0
	confSum := map[int]float64{}
	confN := map[int]int{}
	type blockKey struct{ page, block int }
	blockConf := map[blockKey]float64{}
	blockN := map[blockKey]int{}
	for _, row := range strings.Split(string(tsv), "\n") {
		f := strings.Split(strings.TrimRight(row, "\r"), "\t")
		if len(f) < 12 || f[0] != "5" {
			if len(f) >= 2 && f[0] == "1" {
				if n, err := strconv.Atoi(f[1]); err == nil && n <= maxPages {
					maxPage = max(maxPage, n)
				}
			}
			continue
		}
		var v [10]int
		ok := true
		for i := 1; i <= 9; i++ {
			n, err := strconv.Atoi(f[i])
			if err != nil {
				ok = false
				break
			}
			v[i] = n
		}
		word := strings.TrimSpace(strings.Join(f[11:], "\t"))
		if !ok || word == "" || v[1] < 1 || v[1] > maxPages {
			continue
		}
		conf, err := strconv.ParseFloat(f[10], 64)
		if err == nil && conf >= 0 {
			confSum[v[1]] += conf
			confN[v[1]]++
			blockConf[blockKey{v[1], v[2]}] += conf
			blockN[blockKey{v[1], v[2]}]++
		}
		k := key{v[1], v[2], v[3], v[4]}
		l := byKey[k]
		if l == nil {
			l = &line{page: v[1], block: v[2], par: v[3], left: v[6], right: v[6] + v[8], top: v[7], height: v[9]}
			byKey[k] = l
			lines = append(lines, l)
		}
		l.words = append(l.words, word)
		l.boxes = append(l.boxes, [2]int{v[6], v[6] + v[8]})
		l.heights = append(l.heights, v[9])
		l.left = min(l.left, v[6])
		l.right = max(l.right, v[6]+v[8])
		l.height = max(l.height, v[9])
		maxPage = max(maxPage, v[1])
	}
	if maxPage == 0 {
		return nil
	}
	pages := make([]Page, maxPage)
	for i := range pages {
		n := i + 1
		pages[i].Confidence = -1
		if confN[n] > 0 {
			pages[i].Confidence = confSum[n] / float64(confN[n])
		}
		var pl []*line
		for _, l := range lines {
			if l.page == n {
				k := blockKey{l.page, l.block}
				l.noise = blockN[k] > 0 && blockConf[k] < minBlockConf*float64(blockN[k])
				pl = append(pl, l)
			}
		}
		for _, l := range pl {
			l.mendDashes()
		}
		// A label tesseract read poorly ("In?" for "15.") is kept when
		// it has an item; other noise goes.
		pl = attachLabels(pl)
		pl = slices.DeleteFunc(pl, func(l *line) bool { return l.noise })
		pages[i].Text = paragraphs(splitColumns(pl))
	}
	return pages
}

// columnGap is the gap between two words of a line, in line heights, that
// makes them two columns: the two halves of an official heading (issuer
// and number on the left, national motto and place-date on the right)
// that tesseract reads as one line.
const columnGap = 3

// splitColumns finds the blocks whose lines hold two columns (a word gap
// wider than columnGap line heights in one line at least) and gives the
// left column's lines first, then the right column's, each as a block of
// its own, as the text layer of such a heading reads. Other blocks are
// left as they are.
func splitColumns(lines []*line) []*line {
	var out []*line
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && lines[j].block == lines[i].block {
			j++
		}
		block := lines[i:j]
		i = j
		var cuts []int
		for _, l := range block {
			for k := 1; k < len(l.boxes); k++ {
				gap := l.boxes[k][0] - l.boxes[k-1][1]
				if gap > columnGap*max(l.height, 1) {
					cuts = append(cuts, (l.boxes[k][0]+l.boxes[k-1][1])/2)
					break
				}
			}
		}
		if len(cuts) == 0 {
			out = append(out, block...)
			continue
		}
		slices.Sort(cuts)
		cut := cuts[len(cuts)/2]
		if straddled(block, cut) {
			// Body text with one wide gap (a formula, a justified
			// line, a tab stop): a word of another line runs across
			// the cut, so there is no gutter.
			out = append(out, block...)
			continue
		}
		var left, right []*line
		for _, l := range block {
			a, b := l.part(func(x0, x1 int) bool { return (x0+x1)/2 < cut })
			if a != nil {
				left = append(left, a)
			}
			if b != nil {
				b.block = -b.block - 1 // a block of its own
				right = append(right, b)
			}
		}
		out = append(out, left...)
		out = append(out, right...)
	}
	return out
}

// straddled reports whether a word of some line of block runs across x: a
// gutter between two columns is empty in every line.
func straddled(block []*line, x int) bool {
	for _, l := range block {
		for _, b := range l.boxes {
			if b[0] < x && b[1] > x {
				return true
			}
		}
	}
	return false
}

// part splits a line into the words for which inLeft holds and the others;
// either may be nil.
func (l *line) part(inLeft func(x0, x1 int) bool) (a, b *line) {
	for k, w := range l.words {
		box := l.boxes[k]
		p := &a
		if !inLeft(box[0], box[1]) {
			p = &b
		}
		if *p == nil {
			*p = &line{page: l.page, block: l.block, par: l.par, left: box[0], right: box[1], top: l.top, height: l.height}
		}
		(*p).words = append((*p).words, w)
		(*p).boxes = append((*p).boxes, box)
		(*p).heights = append((*p).heights, l.heights[k])
		(*p).left = min((*p).left, box[0])
		(*p).right = max((*p).right, box[1])
	}
	return a, b
}

// listStart matches the start of a line that begins a new item: a dash or
// bullet, a number or letter with a dot or bracket, a roman numeral, or an
// article, chapter, section or part heading.
var listStart = lazyregexp.New(`^(?:[-–—+•*▪●◦]\s|\(?\d{1,3}[.)]\s|\(?[a-zđ][)]\s|[IVXLC]{1,6}[.)]\s|(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+\b)`)

// paragraphs joins the lines of one page into paragraphs separated by
// "\n". Lines of different tesseract paragraphs never join. Within one,
// a line joins the one before unless that line ended short: when the next
// line's first word would have fitted in the room left at its end, the
// writer broke the line on purpose (a heading, the end of a paragraph).
func paragraphs(lines []*line) string {
	if len(lines) == 0 {
		return ""
	}
	// The right edge of the text: the widest lines of the page, robust to
	// one stray mark in the margin.
	rights := make([]int, len(lines))
	for i, l := range lines {
		rights[i] = l.right
	}
	slices.Sort(rights)
	right := rights[len(rights)*9/10]
	lefts := make([]int, len(lines))
	for i, l := range lines {
		lefts[i] = l.left
	}
	slices.Sort(lefts)
	left := lefts[len(lefts)/10]
	var b strings.Builder
	for i, l := range lines {
		t := l.text()
		if i > 0 {
			prev := lines[i-1]
			switch {
			case isRule(prev.text()) && isRule(t) && prev.text()[0] == t[0] && prev.right >= right-2*prev.height:
				// A typed rule wrapped at the right margin: one rule.
			case prev.block != l.block || prev.par != l.par || lineEnds(prev, l, left, right):
				b.WriteByte('\n')
			case strings.HasSuffix(prev.text(), "-") && hyphenJoins(prev.text()):
				// "05-" + "NQ/TW": the writer's hyphen, kept, no space.
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteString(t)
	}
	return b.String()
}

// lineEnds reports whether prev ends its paragraph before next: next
// starts an item, or is indented from the left margin and not aligned with
// prev (a right-aligned signature block, a first-line indent), or its first
// word would have fitted at the end of prev.
func lineEnds(prev, next *line, left, right int) bool {
	t := next.text()
	if listStart.MatchString(t) {
		return true
	}
	h := max(prev.height, next.height)
	if next.left-left > 2*h && abs(next.left-prev.left) > h {
		return true
	}
	n := utf8.RuneCountInString(t)
	if n == 0 {
		return false
	}
	charW := float64(next.right-next.left) / float64(n)
	word := t
	if i := strings.IndexByte(t, ' '); i >= 0 {
		word = t[:i]
	}
	need := float64(utf8.RuneCountInString(word)+1) * charW
	room := float64(right - prev.right)
	return room > need+0.5*float64(max(prev.height, next.height))
}

// hyphenJoins reports whether a line ending in "-" continues with no space:
// the hyphen follows a letter or digit (a compound or a number such as
// "05-NQ/TW" wrapped after its hyphen), not a spaced dash.
func hyphenJoins(s string) bool {
	s = strings.TrimSuffix(s, "-")
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// mendDashes gives back the en dash that tesseract reads as "~" or "—"
// when it stands alone between words ("2020 ~ 2025", "25 — 27%"): a thin
// stroke, at most a sixth of the line's letters high (a tilde is
// taller), shorter than an em (the letters' height, roughly). A hyphen
// is never changed: its length alone does not tell it from an en dash
// in every font.
func (l *line) mendDashes() {
	var hs []int
	for k, w := range l.words {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 && k < len(l.heights) {
			hs = append(hs, l.heights[k])
		}
	}
	if len(hs) == 0 {
		return
	}
	slices.Sort(hs)
	em := hs[len(hs)/2]
	for k, w := range l.words {
		if (w != "~" && w != "—") || k >= len(l.heights) {
			continue
		}
		width := l.boxes[k][1] - l.boxes[k][0]
		if 6*l.heights[k] <= em && width < em {
			l.words[k] = "–"
		}
	}
}

// labelWord matches a list label standing alone: a number, a roman
// numeral or a letter with its mark ("10.", "a)", "IV."), a misread one
// ("A1,", "In?" for "15."), or a bullet.
var labelWord = lazyregexp.New(`^[(]?(?:\d[\dA-Za-z]{0,2}|[A-Za-z]\d{1,2}|[IVXivxl|]{1,4}|[a-zA-ZđĐ])[.):,;?]?$|^[A-Za-z|]{1,2}[.):,;?]$|^[-–•+*▪●]$`)

// attachLabels puts list labels back in front of their items. When the
// gap after a label is wide ("10.      Vụ Kiểm sát …", a tab stop or a
// hanging indent), tesseract's layout can make the labels one column and
// the items another, read one after the other: "10. 11. 12." and then
// the items. A line that is a label alone in its block, with the first
// line of another block starting just right of it at the same height, is
// joined to that line, and that block is read at the label's place.
func attachLabels(lines []*line) []*line {
	first := map[int]int{} // block -> index of its first line
	for i, l := range lines {
		if _, ok := first[l.block]; !ok {
			first[l.block] = i
		}
	}
	count := map[int]int{}
	for _, l := range lines {
		count[l.block]++
	}
	match := map[int]int{} // label line -> first line of the item's block
	moved := map[int]bool{}
	for i, l := range lines {
		if len(l.words) != 1 || count[l.block] != 1 || !labelWord.MatchString(l.words[0]) {
			continue
		}
		h := max(l.height, 1)
		for j, r := range lines {
			b := r.block
			if first[b] != j || b == l.block || moved[b] || r.left <= l.right || r.left-l.right > 3*h ||
				abs(r.top-l.top) > h/2 || labelWord.MatchString(r.words[0]) && len(r.words) == 1 {
				continue
			}
			match[i] = j
			moved[b] = true
			break
		}
	}
	if len(match) == 0 {
		return lines
	}
	out := make([]*line, 0, len(lines))
	for i, l := range lines {
		if j, ok := match[i]; ok {
			r := lines[j]
			item := *r
			item.words = append([]string{l.words[0]}, r.words...)
			item.boxes = append([][2]int{l.boxes[0]}, r.boxes...)
			item.heights = append([]int{l.heights[0]}, r.heights...)
			item.left = l.left
			out = append(out, &item)
			for _, m := range lines[j+1:] {
				if m.block == r.block {
					out = append(out, m)
				}
			}
			continue
		}
		if moved[l.block] {
			continue
		}
		out = append(out, l)
	}
	return out
}
