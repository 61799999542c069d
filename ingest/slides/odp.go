package slides

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"vanban/ingest/vntext"
)

// ReadODP reads an OpenDocument presentation (.odp): each draw:page of
// content.xml is a slide, its frames' paragraphs and tables in order
// (page number, date, header and footer frames left out), then its
// speaker notes, rendered as the PPTX reader renders slides. Text set in
// a legacy Vietnamese font (a .ppt in .VnTime converted by LibreOffice)
// is decoded by the font its style names; meta.xml gives title and
// creation date.
func ReadODP(data []byte) (deck Deck, err error) {
	defer func() {
		if r := recover(); r != nil {
			deck, err = Deck{}, fmt.Errorf("odp: %w: reader crashed: %v", ErrCorrupt, r)
		}
	}()
	p, err := openPkg(data, "odp", "OpenDocument")
	if err != nil {
		return Deck{}, err
	}
	if p.parts["META-INF/manifest.xml"] != nil {
		if b, err := p.read("META-INF/manifest.xml"); err == nil && bytes.Contains(b, []byte("encryption-data")) {
			return Deck{}, fmt.Errorf("odp: %w: the presentation is password-protected", ErrEncrypted)
		}
	}
	if p.parts["content.xml"] == nil {
		return Deck{}, fmt.Errorf("odp: %w: no content.xml (not an OpenDocument presentation)", ErrCorrupt)
	}
	st := odpStyles{face: map[string]string{}, style: map[string]odpStyle{}}
	if p.parts["styles.xml"] != nil {
		b, err := p.read("styles.xml")
		if errors.Is(err, ErrTooLarge) {
			return Deck{}, err
		}
		st.read(b)
	}
	b, err := p.read("content.xml")
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return Deck{}, err
		}
		return Deck{}, fmt.Errorf("odp: %w: content.xml: %v", ErrCorrupt, err)
	}
	st.read(b)
	encs := encCounter{}
	slides, err := odpSlides(b, &st, encs)
	if err != nil {
		return Deck{}, fmt.Errorf("odp: %w: content.xml: %v", ErrCorrupt, err)
	}
	if len(slides) > maxSlides {
		deck.Warnings = append(deck.Warnings, fmt.Sprintf("only the first %d slides read", maxSlides))
		slides = slides[:maxSlides]
	}
	deck.Slides = slides
	deck.Encoding = encs.Most()
	if p.parts["meta.xml"] != nil {
		if m, err := p.read("meta.xml"); err == nil {
			odpMeta(m, &deck)
		}
	}
	return deck, nil
}

// read inflates a whole part under the limits.
func (p *pkg) read(name string) ([]byte, error) {
	rc, err := p.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// odpStyle is what a style says that matters here.
type odpStyle struct{ font, parent string }

// odpStyles holds font faces (name -> family) and styles by name.
type odpStyles struct {
	face  map[string]string
	style map[string]odpStyle
}

// read takes the font faces and styles of styles.xml or content.xml.
func (s *odpStyles) read(b []byte) {
	dec := newDecoder(bytes.NewReader(b))
	cur := ""
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return
		}
		if e, ok := tok.(xml.EndElement); ok && e.Name.Local == "style" {
			cur = "" // text properties elsewhere (a list's bullets) are not its
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch t.Name.Local {
		case "font-face":
			s.face[attr(t, "name")] = strings.Trim(strings.Split(attr(t, "font-family"), ",")[0], `'" `)
		case "style":
			cur = attr(t, "name")
			st := s.style[cur]
			st.parent = attr(t, "parent-style-name")
			s.style[cur] = st
		case "text-properties":
			if cur == "" {
				continue
			}
			font := attr(t, "font-name")
			if f, ok := s.face[font]; ok {
				font = f
			}
			if font == "" {
				font = strings.Trim(strings.Split(attr(t, "font-family"), ",")[0], `'" `)
			}
			if font != "" {
				st := s.style[cur]
				st.font = font
				s.style[cur] = st
			}
		}
	}
}

// fontOf returns the font a style sets, through its parents.
func (s *odpStyles) fontOf(name string) string {
	for range 20 {
		st, ok := s.style[name]
		if !ok {
			return ""
		}
		if st.font != "" {
			return st.font
		}
		name = st.parent
	}
	return ""
}

// odpChrome are the frame classes that are page furniture.
var odpChrome = map[string]bool{"page-number": true, "date-time": true, "footer": true, "header": true}

// odpSlides renders the draw:page elements of content.xml.
func odpSlides(b []byte, st *odpStyles, encs encCounter) ([]string, error) {
	dec := newDecoder(bytes.NewReader(b))
	r := &odpReader{st: st, encs: encs}
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			if r.body != nil {
				r.endPage()
			}
			if len(r.slides) > 0 {
				break // a damaged part: keep what was read
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			r.start(t)
		case xml.EndElement:
			r.end(t)
		case xml.CharData:
			r.chars(t)
		}
	}
	if r.body != nil {
		r.endPage()
	}
	return r.slides, nil
}

// odpReader is the state of odpSlides's walk through content.xml: the
// slides done, and the drawings of the page being read (its body and its
// speaker notes).
type odpReader struct {
	st     *odpStyles
	encs   encCounter
	slides []string

	body, notes           *drawing // nil between pages
	fonts                 []string // fonts of the open paragraphs and spans
	inNotes, chrome, skip int      // depths inside notes, page furniture, and what is not shown
}

// cur is the drawing that text goes to: the notes' inside them.
func (r *odpReader) cur() *drawing {
	if r.inNotes > 0 {
		return r.notes
	}
	return r.body
}

// endPage ends a slide: its body's text, then its notes'.
func (r *odpReader) endPage() {
	r.body.closeAll()
	r.notes.closeAll()
	text := strings.Trim(r.body.out.String(), "\n")
	if n := strings.Trim(r.notes.out.String(), "\n"); n != "" {
		text = strings.TrimRight(text+"\n"+n, "\n")
	}
	r.slides = append(r.slides, strings.Trim(text, "\n"))
	r.body, r.notes = nil, nil
}

// start takes an element's start tag.
func (r *odpReader) start(t xml.StartElement) {
	if r.body == nil {
		if t.Name.Local == "page" && t.Name.Space == "draw" {
			r.body, r.notes = &drawing{encs: r.encs}, &drawing{encs: r.encs}
			r.fonts = r.fonts[:0]
		}
		return
	}
	if r.skip > 0 {
		r.skip++
		return
	}
	d := r.cur()
	switch t.Name.Local {
	case "notes":
		r.inNotes++
	case "title", "desc":
		if t.Name.Space == "svg" {
			r.skip = 1 // a frame's alternative text, not shown
		}
	case "forms", "event-listeners":
		r.skip = 1
	case "frame", "custom-shape":
		if r.chrome > 0 || odpChrome[attr(t, "class", "presentation")] {
			r.chrome++
		}
	case "p", "h":
		d.closePara()
		d.para = &strings.Builder{}
		r.fonts = append(r.fonts, r.st.fontOf(attr(t, "style-name")))
	case "span", "a":
		r.fonts = append(r.fonts, r.st.fontOf(attr(t, "style-name")))
	case "s":
		if d.para != nil {
			n, err := strconv.Atoi(attr(t, "c"))
			if err != nil || n < 1 {
				n = 1
			}
			d.para.WriteString(strings.Repeat(" ", min(n, 256)))
		}
	case "tab":
		if d.para != nil {
			d.para.WriteByte('\t')
		}
	case "line-break":
		if d.para != nil {
			d.para.WriteByte('\n')
		}
	case "table":
		d.openTable()
	case "table-row":
		d.openRow()
	case "table-cell":
		d.openCell()
	}
}

// end takes an element's end tag.
func (r *odpReader) end(t xml.EndElement) {
	if r.body == nil {
		return
	}
	if r.skip > 0 {
		r.skip--
		return
	}
	d := r.cur()
	switch t.Name.Local {
	case "page":
		if t.Name.Space == "draw" {
			r.endPage()
		}
	case "notes":
		d.closePara()
		if r.inNotes > 0 {
			r.inNotes--
		}
	case "frame", "custom-shape":
		if r.chrome > 0 {
			r.chrome--
		}
	case "p", "h":
		d.chrome = r.chrome > 0
		d.closePara()
		d.chrome = false
		r.popFont()
	case "span", "a":
		r.popFont()
	case "table-cell":
		d.endCell()
	case "table-row":
		d.endRow()
	case "table":
		d.endTable()
	}
}

func (r *odpReader) popFont() {
	if len(r.fonts) > 0 {
		r.fonts = r.fonts[:len(r.fonts)-1]
	}
}

// chars takes text inside a paragraph, decoded by the innermost font set.
func (r *odpReader) chars(t xml.CharData) {
	if r.body == nil || r.skip > 0 {
		return
	}
	d := r.cur()
	if d.para == nil {
		return
	}
	font := ""
	for i := len(r.fonts) - 1; i >= 0; i-- {
		if r.fonts[i] != "" {
			font = r.fonts[i]
			break
		}
	}
	s, enc := fontText(string(t), font)
	r.encs.Add(enc)
	d.para.WriteString(s)
}

// odpMeta reads meta.xml: title and creation date.
func odpMeta(b []byte, deck *Deck) {
	dec := newDecoder(bytes.NewReader(b))
	var in string
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			in = t.Name.Local
		case xml.EndElement:
			in = ""
		case xml.CharData:
			s := strings.TrimSpace(string(t))
			switch {
			case s == "":
			case in == "title" && deck.Title == "":
				deck.Title = s
			case in == "creation-date" && deck.Published == "":
				deck.Published = vntext.MetaDate(s)
			}
		}
	}
}
