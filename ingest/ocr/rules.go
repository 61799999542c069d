package ocr

import (
	"image"
	"image/draw"
	"slices"
	"strconv"
	"strings"
)

// Rules typed as characters. A row of "=====" or "-----" (the underline of
// a Markdown heading, a separator typed under a motto or between parts)
// is taken by tesseract's page layout for a drawn line and read as
// nothing. Where the image shows such a row as separate glyphs, they are
// found and counted: the ink outside every recognized word is cut into
// connected components; a thin horizontal stroke is a dash, two strokes
// one over the other an equals sign; glyphs of one kind in a row at a
// regular pitch make a rule, given back as that many characters. A drawn
// line (one long stroke) or a row of dots is left alone: its text is
// unknown.

// Limits of the rule search.
const (
	ruleMinGlyphs = 4     // glyphs in a row that make a rule
	maxComponents = 20000 // strokes looked at per page
	ruleInk       = 160   // grey level below which a pixel is ink (a thin stroke of a blurred scan is grey)
)

// rect is a box in pixels, [x0, x1) × [y0, y1).
type rect struct{ x0, y0, x1, y1 int }

func (r rect) w() int  { return r.x1 - r.x0 }
func (r rect) h() int  { return r.y1 - r.y0 }
func (r rect) cy() int { return (r.y0 + r.y1) / 2 }

// rule is a typed rule found on the image: its box, the y of its middle at
// its two ends, and its text.
type rule struct {
	box    rect
	yl, yr int
	text   string
}

// tsvRects returns the boxes of the recognized words of page 1 of a TSV.
func tsvRects(tsv []byte) []rect {
	var out []rect
	for _, row := range strings.Split(string(tsv), "\n") {
		f := strings.Split(row, "\t")
		if len(f) < 12 || f[0] != "5" || strings.TrimSpace(f[11]) == "" {
			continue
		}
		var v [4]int
		ok := true
		for i := range v {
			n, err := strconv.Atoi(f[6+i])
			if err != nil {
				ok = false
				break
			}
			v[i] = n
		}
		if ok {
			out = append(out, rect{v[0], v[1], v[0] + v[2], v[1] + v[3]})
		}
	}
	return out
}

// strokes returns the bounding boxes of the connected components of ink
// of img that lie outside every word box, at most maxComponents of them.
func strokes(img *image.Gray, words []rect) []rect {
	b := img.Bounds()
	W, H := b.Dx(), b.Dy()
	if W <= 0 || H <= 0 {
		return nil
	}
	// 0: paper or inside a word, 1: ink not yet visited, 2: visited.
	state := make([]uint8, W*H)
	for y := 0; y < H; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+W]
		for x, v := range row {
			if v < ruleInk {
				state[y*W+x] = 1
			}
		}
	}
	for _, r := range words {
		for y := max(r.y0, 0); y < min(r.y1, H); y++ {
			for x := max(r.x0, 0); x < min(r.x1, W); x++ {
				state[y*W+x] = 0
			}
		}
	}
	var out []rect
	var stack []int
	for i, s := range state {
		if s != 1 {
			continue
		}
		c := rect{i % W, i / W, i%W + 1, i/W + 1}
		state[i] = 2
		stack = append(stack[:0], i)
		for len(stack) > 0 {
			p := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			x, y := p%W, p/W
			c.x0, c.x1 = min(c.x0, x), max(c.x1, x+1)
			c.y0, c.y1 = min(c.y0, y), max(c.y1, y+1)
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					nx, ny := x+dx, y+dy
					if nx < 0 || ny < 0 || nx >= W || ny >= H {
						continue
					}
					if q := ny*W + nx; state[q] == 1 {
						state[q] = 2
						stack = append(stack, q)
					}
				}
			}
		}
		out = append(out, c)
		if len(out) >= maxComponents {
			break
		}
	}
	return out
}

// glyph is a dash or an equals sign made of strokes.
type glyph struct {
	box rect
	eq  bool
}

// findRules returns the typed rules among the ink of img outside the word
// boxes; lineH is the height of a text line in pixels.
func findRules(img *image.Gray, words []rect, lineH int) []rule {
	if lineH < 8 {
		return nil
	}
	// Thin horizontal strokes, a glyph wide at most.
	var ss []rect
	for _, c := range strokes(img, words) {
		if c.w() >= 4 && c.w() <= 2*lineH && c.h() <= max(lineH/4, 3) && c.w() >= 2*c.h() {
			ss = append(ss, c)
		}
	}
	slices.SortFunc(ss, func(a, b rect) int { return a.x0 - b.x0 })
	// Two strokes one over the other, close and of one width, are "=".
	used := make([]bool, len(ss))
	var gs []glyph
	for i, a := range ss {
		if used[i] {
			continue
		}
		g := glyph{box: a}
		for j := i + 1; j < len(ss) && ss[j].x0 < a.x1; j++ {
			c := ss[j]
			if used[j] {
				continue
			}
			overlap := min(a.x1, c.x1) - max(a.x0, c.x0)
			dy := abs(c.cy() - a.cy())
			if overlap*10 >= 7*min(a.w(), c.w()) && dy > max(a.h(), c.h()) && dy <= lineH/3 {
				used[j] = true
				g = glyph{box: rect{min(a.x0, c.x0), min(a.y0, c.y0), max(a.x1, c.x1), max(a.y1, c.y1)}, eq: true}
				break
			}
		}
		used[i] = true
		gs = append(gs, g)
	}
	// Rows of glyphs of one kind.
	taken := make([]bool, len(gs))
	var rules []rule
	for i := range gs {
		if taken[i] {
			continue
		}
		chain := []int{i}
		taken[i] = true
		for {
			cur := gs[chain[len(chain)-1]]
			next := -1
			for j := chain[len(chain)-1] + 1; j < len(gs) && gs[j].box.x0 <= cur.box.x1+max(cur.box.w(), lineH/2); j++ {
				g := gs[j]
				if taken[j] || g.eq != cur.eq || g.box.x0 < cur.box.x1-1 || abs(g.box.cy()-cur.box.cy()) > lineH/4 {
					continue
				}
				if next < 0 || g.box.x0 < gs[next].box.x0 {
					next = j
				}
			}
			if next < 0 {
				break
			}
			taken[next] = true
			chain = append(chain, next)
		}
		if r, ok := ruleOf(gs, chain); ok {
			rules = append(rules, r)
		}
	}
	slices.SortFunc(rules, func(a, b rule) int { return a.box.y0 - b.box.y0 })
	return rules
}

// ruleOf makes a rule of a row of glyphs when they are enough and evenly
// spaced: the count is the row's width over the glyph pitch, so that two
// glyphs run together or one lost to noise are still counted.
func ruleOf(gs []glyph, chain []int) (rule, bool) {
	if len(chain) < ruleMinGlyphs {
		return rule{}, false
	}
	var pitches, widths []int
	for k, i := range chain {
		widths = append(widths, gs[i].box.w())
		if k > 0 {
			pitches = append(pitches, gs[i].box.x0-gs[chain[k-1]].box.x0)
		}
	}
	slices.Sort(pitches)
	slices.Sort(widths)
	p, w := pitches[len(pitches)/2], widths[len(widths)/2]
	if p <= w || p <= 0 {
		return rule{}, false
	}
	even := 0
	for _, q := range pitches {
		if 4*abs(q-p) <= p {
			even++
		}
	}
	if even*10 < 7*len(pitches) {
		return rule{}, false
	}
	first, last := gs[chain[0]].box, gs[chain[len(chain)-1]].box
	box := first
	for _, i := range chain {
		g := gs[i].box
		box = rect{min(box.x0, g.x0), min(box.y0, g.y0), max(box.x1, g.x1), max(box.y1, g.y1)}
	}
	n := (box.w() + p - w + p/2) / p
	c := "-"
	if gs[chain[0]].eq {
		c = "="
	}
	return rule{box: box, yl: first.cy(), yr: last.cy(), text: strings.Repeat(c, max(n, len(chain)))}, true
}

// yAt is the y of the rule's middle at x (the page may be rotated).
func (r rule) yAt(x int) int {
	x0, x1 := r.box.x0, r.box.x1
	if x1 <= x0 {
		return r.yl
	}
	x = min(max(x, x0), x1)
	return r.yl + (r.yr-r.yl)*(x-x0)/(x1-x0)
}

// insertRules puts each rule into the TSV rows as a line of its own (a
// block numbered from 20000), before the first word that lies below it.
func insertRules(rows []string, rules []rule) []string {
	for k, r := range rules {
		row := strings.Join([]string{"5", "1", strconv.Itoa(20000 + k), "1", "1", "1",
			strconv.Itoa(r.box.x0), strconv.Itoa(r.box.y0), strconv.Itoa(r.box.w()), strconv.Itoa(r.box.h()),
			"95", r.text}, "\t")
		at := len(rows)
		for i, s := range rows {
			f := strings.Split(s, "\t")
			if len(f) < 12 || f[0] != "5" || strings.TrimSpace(f[11]) == "" {
				continue
			}
			left, err1 := strconv.Atoi(f[6])
			top, err2 := strconv.Atoi(f[7])
			h, err3 := strconv.Atoi(f[9])
			if err1 == nil && err2 == nil && err3 == nil && top+h/2 > r.yAt(left) {
				at = i
				break
			}
		}
		rows = slices.Insert(rows, at, row)
	}
	return rows
}

// isRule reports whether s is a typed rule: four or more of one of "-=".
func isRule(s string) bool {
	if len(s) < ruleMinGlyphs {
		return false
	}
	c := s[0]
	if c != '-' && c != '=' {
		return false
	}
	return strings.Count(s, string(c)) == len(s)
}

// toGray returns img as a grey image; pdftoppm's -gray PNG decodes as RGB,
// and reading it pixel by pixel through color models is slow.
func toGray(img image.Image) *image.Gray {
	if g, ok := img.(*image.Gray); ok {
		return g
	}
	b := img.Bounds()
	g := image.NewGray(b)
	switch m := img.(type) {
	case *image.RGBA:
		rgbToGray(g, m.Pix, m.Stride, b)
	case *image.NRGBA:
		rgbToGray(g, m.Pix, m.Stride, b)
	case *image.YCbCr:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				g.Pix[g.PixOffset(x, y)] = m.Y[m.YOffset(x, y)]
			}
		}
	default:
		draw.Draw(g, b, img, b.Min, draw.Src)
	}
	return g
}

// rgbToGray fills g from 8-bit RGBA pixels (alpha ignored: pages are
// opaque), with the weights of color.GrayModel.
func rgbToGray(g *image.Gray, pix []uint8, stride int, b image.Rectangle) {
	for y := 0; y < b.Dy(); y++ {
		src := pix[y*stride : y*stride+4*b.Dx()]
		dst := g.Pix[y*g.Stride : y*g.Stride+b.Dx()]
		for x := range dst {
			r, gg, bb := uint32(src[4*x]), uint32(src[4*x+1]), uint32(src[4*x+2])
			dst[x] = uint8((19595*r + 38470*gg + 7471*bb + 1<<15) >> 16)
		}
	}
}
