package pdf

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/ledongthuc/pdf"
)

// textRun is a piece of text shown by one text-showing operator (or one
// string of a TJ array), placed on the page. Coordinates are in device
// space, rotated so that the run's baseline points right: x grows along the
// line and y grows up the page.
type textRun struct {
	x, y float64 // start of the baseline
	ex   float64 // end of the baseline (x)
	size float64 // font size in device units
	text string
}

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m first, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// textState is the part of the graphics state that text showing needs.
type textState struct {
	ctm                   matrix
	font                  *pdfFont
	fontSize              float64
	charSp, wordSp, scale float64
	leading, rise         float64
}

// pageWalker interprets the content streams of one page (and the form
// XObjects it paints) and collects text runs.
type pageWalker struct {
	fonts    map[fontKey]*pdfFont // shared across pages
	runs     []textRun
	painted  bool // the page paints something (image, path, text)
	images   int
	glyphBuf []glyph
	maxRuns  int
	err      error // the first stream that could not be read

	open     textRun // the run being extended (see addRun)
	openText []byte
	hasOpen  bool
}

// fontKey identifies a font: its object, or for a direct font dictionary
// the object that holds it plus its resource name.
type fontKey struct {
	obj  uint64
	name string
}

// maxFormDepth bounds form XObjects painting form XObjects.
const maxFormDepth = 8

// maxRunsPerPage bounds the runs one page may produce (a hostile content
// stream could otherwise fill memory).
const maxRunsPerPage = 200000

// walk interprets strm with the given resources and initial CTM.
func (w *pageWalker) walk(strm, resources pdf.Value, ctm matrix, depth int) {
	c := &contentState{w: w, gs: textState{ctm: ctm, scale: 1}, resources: resources, fonts: resources.Key("Font"), depth: depth}
	err := interpret(strm, func(stk *pdf.Stack, op string) {
		c.do(op, popAll(stk))
	})
	if err != nil && w.err == nil {
		w.err = err
	}
}

// contentState is the state of one content stream's interpretation: the
// graphics state, its saved copies, and the text and line matrices.
type contentState struct {
	w         *pageWalker
	gs        textState
	stack     []textState
	tm, tlm   matrix
	resources pdf.Value
	fonts     pdf.Value
	depth     int
}

// do runs one operator with its operands.
func (c *contentState) do(op string, args []pdf.Value) {
	num := func(i int) float64 {
		if i < len(args) {
			return args[i].Float64()
		}
		return 0
	}
	gs := &c.gs
	switch op {
	case "q":
		if len(c.stack) < 256 {
			c.stack = append(c.stack, c.gs)
		}
	case "Q":
		if n := len(c.stack); n > 0 {
			c.gs = c.stack[n-1]
			c.stack = c.stack[:n-1]
		}
	case "cm":
		if len(args) == 6 {
			gs.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(gs.ctm)
		}
	case "BT":
		c.tm, c.tlm = identity, identity
	case "Tf":
		if len(args) == 2 {
			gs.font = c.w.font(c.fonts, args[0].Name())
			gs.fontSize = num(1)
		}
	case "Tc":
		gs.charSp = num(0)
	case "Tw":
		gs.wordSp = num(0)
	case "Tz":
		gs.scale = num(0) / 100
	case "TL":
		gs.leading = num(0)
	case "Ts":
		gs.rise = num(0)
	case "Td":
		c.nextLine(num(0), num(1))
	case "TD":
		gs.leading = -num(1)
		c.nextLine(num(0), num(1))
	case "Tm":
		if len(args) == 6 {
			c.tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
			c.tm = c.tlm
		}
	case "T*":
		c.nextLine(0, -gs.leading)
	case "Tj", "'", "\"", "TJ":
		c.showOp(op, args)
	case "Do":
		if len(args) >= 1 {
			c.w.doXObject(c.resources, args[0].Name(), gs.ctm, c.depth)
		}
	case "BI", "sh", "f", "F", "f*", "S", "s", "b", "B", "b*", "B*":
		c.w.painted = true
		if op == "BI" {
			c.w.images++
		}
	}
}

// showOp runs the text-showing operators: Tj, ', " and TJ.
func (c *contentState) showOp(op string, args []pdf.Value) {
	switch op {
	case "'":
		c.nextLine(0, -c.gs.leading)
	case "\"":
		if len(args) == 3 {
			c.gs.wordSp, c.gs.charSp = args[0].Float64(), args[1].Float64()
		}
		c.nextLine(0, -c.gs.leading)
	}
	if len(args) < 1 {
		return
	}
	last := args[len(args)-1]
	switch op {
	case "Tj", "'", "\"":
		c.show(last.RawString())
	case "TJ":
		for i := 0; i < last.Len(); i++ {
			e := last.Index(i)
			switch e.Kind() {
			case pdf.String:
				c.show(e.RawString())
			case pdf.Integer, pdf.Real:
				tx := -e.Float64() / 1000 * c.gs.fontSize * c.gs.scale
				c.tm = matrix{1, 0, 0, 1, tx, 0}.mul(c.tm)
			}
		}
	}
}

// nextLine moves to the start of the next line, offset by (tx, ty).
func (c *contentState) nextLine(tx, ty float64) {
	c.tlm = matrix{1, 0, 0, 1, tx, ty}.mul(c.tlm)
	c.tm = c.tlm
}

// show paints a string: its glyphs decoded by the current font become a
// run at the text matrix, which then advances past them.
func (c *contentState) show(raw string) {
	gs, w := &c.gs, c.w
	if gs.font == nil {
		gs.font = &pdfFont{scale: 0.001, defWidth: 500, simple: true}
		gs.font.codeLen[0] = []codeRange{{0, 0xFF}}
	}
	w.painted = true
	w.glyphBuf = gs.font.decode(raw, w.glyphBuf[:0])
	var adv float64
	var b strings.Builder
	for _, g := range w.glyphBuf {
		b.WriteString(g.text)
		a := g.width*gs.fontSize + gs.charSp
		if g.space {
			a += gs.wordSp
		}
		adv += a * gs.scale
	}
	trm := c.tm.mul(gs.ctm)
	x0, y0 := trm.apply(0, gs.rise)
	x1, y1 := trm.apply(adv, gs.rise)
	size := gs.fontSize * math.Hypot(trm[2], trm[3])
	c.tm = matrix{1, 0, 0, 1, adv, 0}.mul(c.tm)
	text := cleanText(b.String())
	if text == "" || len(w.runs) >= w.maxRuns {
		return
	}
	// Rotate so that the baseline points right.
	dx, dy := trm[0], trm[1]
	switch {
	case math.Abs(dx) >= math.Abs(dy) && dx >= 0: // 0°
	case math.Abs(dx) >= math.Abs(dy): // 180°
		x0, y0, x1, y1 = -x0, -y0, -x1, -y1
	case dy > 0: // 90°: text runs up the page
		x0, y0, x1, y1 = y0, -x0, y1, -x1
	default: // 270°
		x0, y0, x1, y1 = -y0, x0, -y1, x1
	}
	_ = y1
	w.addRun(textRun{x: x0, y: y0, ex: x1, size: size, text: text})
}

// addRun appends a run, merging it into the open run when it continues
// it on the same baseline with no gap wide enough for a space (producers
// that place every glyph by itself would otherwise make one run per
// letter).
func (w *pageWalker) addRun(r textRun) {
	if o := &w.open; w.hasOpen {
		gap := r.x - o.ex
		if r.size == o.size && math.Abs(r.y-o.y) < 0.01*r.size &&
			gap > -0.5*r.size && gap <= spaceGap*r.size {
			w.openText = append(w.openText, r.text...)
			o.ex = max(o.ex, r.ex)
			return
		}
		w.flushRun()
	}
	w.open, w.hasOpen = r, true
	w.openText = append(w.openText[:0], r.text...)
}

// flushRun closes the open run.
func (w *pageWalker) flushRun() {
	if w.hasOpen {
		w.open.text = string(w.openText)
		w.runs = append(w.runs, w.open)
		w.hasOpen = false
	}
}

// doXObject paints the XObject name: a form is walked, an image counted.
func (w *pageWalker) doXObject(resources pdf.Value, name string, ctm matrix, depth int) {
	x := resources.Key("XObject").Key(name)
	switch x.Key("Subtype").Name() {
	case "Image":
		w.painted = true
		w.images++
	case "Form":
		if depth >= maxFormDepth {
			return
		}
		m := identity
		if fm := x.Key("Matrix"); fm.Len() == 6 {
			for i := range m {
				m[i] = fm.Index(i).Float64()
			}
		}
		res := x.Key("Resources")
		if res.Kind() != pdf.Dict {
			res = resources
		}
		w.walk(x, res, m.mul(ctm), depth+1)
	}
}

// font returns the decoder for the font resource name. Fonts are cached
// by the /Font dictionary's holder object and the name (a holder has one
// /Font dictionary), so that a font is resolved and parsed once per
// document, not once per Tf; and by the font object itself, so that pages
// sharing a font share its decoder.
func (w *pageWalker) font(fonts pdf.Value, name string) *pdfFont {
	holder, hok := objKey(fonts)
	byName := fontKey{obj: holder, name: "/" + name}
	if hok {
		if f, hit := w.fonts[byName]; hit {
			return f
		}
	}
	fv := fonts.Key(name)
	key, ok := objKey(fv)
	k := fontKey{obj: key}
	if ok && hok && key == holder {
		// A direct dictionary inside the /Font dictionary: the object
		// number is the holder's, so add the name.
		k.name = name
	}
	f, hit := w.fonts[k]
	if !ok || !hit {
		f = newPDFFont(fv)
		if ok {
			w.fonts[k] = f
		}
	}
	if hok {
		w.fonts[byName] = f
	}
	return f
}

// cleanText drops control characters and invalid bytes from decoded text.
func cleanText(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 || r == 0x7F || r == 0xFFFD || (r >= 0x80 && r < 0xA0) || r == 0xA0 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteString(cleanRune(r))
	}
	return b.String()
}

// walkPage returns the text runs of one page, recovering from panics in
// the library: the runs read before the damage are kept and err says what
// went wrong.
func walkPage(page, resources pdf.Value, fonts map[fontKey]*pdfFont) (runs []textRun, painted bool, images int, err error) {
	w := &pageWalker{fonts: fonts, maxRuns: maxRunsPerPage}
	defer func() {
		if r := recover(); r != nil {
			w.flushRun()
			runs, painted, images = w.runs, w.painted, w.images
			err = fmt.Errorf("%v", r)
		}
	}()
	contents := page.Key("Contents")
	if contents.Kind() == pdf.Null {
		return nil, false, 0, nil
	}
	ctm := identity
	w.walk(contents, resources, ctm, 0)
	w.flushRun()
	return w.runs, w.painted, w.images, w.err
}

// maxStreamCheck bounds how much of a stream interpret reads to check it.
const maxStreamCheck = 256 << 20

// errOpenHex is the error for a stream that ends inside a hex string:
// ledongthuc/pdf's lexer loops forever on it.
var errOpenHex = errors.New("stream ends inside a hex string")

// interpret runs pdf.Interpret on strm (a stream or an array of streams)
// unless the stream would hang the library's lexer. It reads the decoded
// stream once first, which costs a second decompression but no hang.
func interpret(strm pdf.Value, do func(stk *pdf.Stack, op string)) error {
	var rd io.Reader
	if strm.Kind() == pdf.Array {
		var rs []io.Reader
		for i := 0; i < strm.Len(); i++ {
			rs = append(rs, strm.Index(i).Reader())
		}
		rd = io.MultiReader(rs...)
	} else {
		rd = strm.Reader()
	}
	data, _ := io.ReadAll(io.LimitReader(rd, maxStreamCheck))
	if endsInHexString(data) {
		return errOpenHex
	}
	pdf.Interpret(strm, do)
	return nil
}

// endsInHexString reports whether PostScript-like data, lexed as the
// library lexes it (comments, nested literal strings with escapes, hex
// strings, << and >>), ends inside a hex string.
func endsInHexString(data []byte) bool {
	inHex := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if inHex {
			if c == '>' {
				inHex = false
			}
			continue
		}
		switch c {
		case '%':
			for i < len(data) && data[i] != '\r' && data[i] != '\n' {
				i++
			}
		case '(':
			depth := 1
			for i++; i < len(data) && depth > 0; i++ {
				switch data[i] {
				case '\\':
					i++
				case '(':
					depth++
				case ')':
					depth--
				}
			}
			i--
		case '<':
			if i+1 < len(data) && data[i+1] == '<' {
				i++
				continue
			}
			inHex = true
		}
	}
	return inHex
}
