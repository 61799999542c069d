package word

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"vanban/ingest/vntext"
)

// Limits of the RTF reader.
const (
	rtfMaxDepth = 4096 // groups nested deeper than this are an error
)

var errRTFDepth = errors.New("rtf: groups nested too deep")

// rtfDest is where the text of a group goes.
type rtfDest uint8

const (
	rtfDestBody     rtfDest = iota
	rtfDestSkip             // ignored destination
	rtfDestFontTbl          // font table: font names
	rtfDestInfo             // \info: container of metadata fields
	rtfDestInfoText         // a text field of \info (title, author, ...)
	rtfDestInfoTime         // a date field of \info (creatim, revtim)
	rtfDestNote             // footnote or endnote text
)

// rtfState is the state a group inherits and restores on close.
type rtfState struct {
	dest   rtfDest
	field  string // name of the \info field for rtfDestInfoText/Time
	font   int
	uc     int // bytes of fallback after \uN
	hidden bool
	object bool // inside \object: only \result is text
	shape  bool // inside \shpinst: only \shptxt is text
}

// rtfFont is an entry of the font table.
type rtfFont struct {
	name    string
	charset int
}

// rtfSkipDest are the destinations whose text is not document text.
var rtfSkipDest = map[string]bool{
	"colortbl": true, "stylesheet": true, "listtable": true, "listoverridetable": true,
	"revtbl": true, "rsidtbl": true, "pict": true, "fldinst": true, "datafield": true,
	"header": true, "headerl": true, "headerr": true, "headerf": true,
	"footer": true, "footerl": true, "footerr": true, "footerf": true,
	"themedata": true, "colorschememapping": true, "latentstyles": true, "xmlnstbl": true,
	"generator": true, "pn": true, "pnseclvl": true, "filetbl": true, "pgdsctbl": true,
	"objdata": true, "objclass": true, "objname": true, "fldtype": true,
	"bkmkstart": true, "bkmkend": true, "nonshppict": true, "shprslt": true, "sp": true,
	"template": true, "xe": true, "tc": true, "txe": true, "rxe": true, "private": true,
	"docvar": true, "userprops": true, "ftnsep": true, "ftnsepc": true, "ftncn": true,
	"aftnsep": true, "aftnsepc": true, "aftncn": true, "annotation": true, "atnid": true,
	"atnauthor": true, "atrfstart": true, "atrfend": true, "mmathPr": true,
	"wgrffmtfilter": true, "passwordhash": true, "listpicture": true, "blipuid": true,
	"falt": true, "panose": true, "fontemb": true, "fontfile": true, "atnref": true,
	"atndate": true, "atnicn": true, "atntime": true, "protusertbl": true, "formfield": true,
}

// rtfInfoText are the text fields of \info, by the Meta key they fill.
var rtfInfoText = map[string]string{
	"title": "title", "subject": "subject", "author": "author", "operator": "last_author",
	"keywords": "keywords", "doccomm": "comment", "company": "company",
	"category": "category", "manager": "manager",
}

// rtfInfoTime are the date fields of \info, by the Meta key they fill.
var rtfInfoTime = map[string]string{"creatim": "created", "revtim": "modified"}

// rtfSpecial are control words that stand for text in the body.
var rtfSpecial = map[string]string{
	"par": "\n", "sect": "\n", "line": "\n", "page": "\n", "column": "\n",
	"tab": "\t", "cell": cellSep, "nestcell": cellSep,
	"emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’",
	"ldblquote": "“", "rdblquote": "”", "bullet": "•",
	"emspace": " ", "enspace": " ", "qmspace": " ",
}

// rtfDoc is what the RTF parser finds.
type rtfDoc struct {
	text      string
	encoding  string
	title     string
	published string
	meta      map[string]string
}

// rtfParser turns RTF tokens into text.
type rtfParser struct {
	lex      rtfLexer
	st       rtfState
	stack    []rtfState
	fonts    map[int]rtfFont
	encCache map[int]runEnc
	deff     int
	codepage string // encoding of \ansicpgN, if it says something

	body, notes legacyBuilder
	info        map[string]*legacyBuilder
	times       map[string]*[5]int

	font       rtfFont // font table entry being read
	fontID     int
	fontName   []byte
	skipN      int  // fallback bytes still to skip after \uN
	ignorable  bool // \* seen: the next control word starts an ignorable destination
	highSurrog rune // pending high surrogate of a \uN pair
}

// readRTFFile is the RTF reader (readRTF).
func readRTFFile(path string, data []byte) (p parsed, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("rtf: %w: parser panic: %v", ErrCorrupt, r)
		}
	}()
	d, err := parseRTF(data)
	if err != nil {
		return parsed{}, err
	}
	return parsed{
		pages:     []string{d.text},
		encoding:  d.encoding,
		title:     d.title,
		published: d.published,
		meta:      d.meta,
	}, nil
}

// parseRTF parses an RTF document.
func parseRTF(data []byte) (rtfDoc, error) {
	trimmed := bytes.TrimLeft(data, " \t\r\n\x00")
	if !bytes.HasPrefix(trimmed, []byte(`{\rtf`)) {
		return rtfDoc{}, errors.New(`rtf: not an RTF file (no {\rtf header)`)
	}
	p := &rtfParser{
		lex:      rtfLexer{data: trimmed},
		fonts:    map[int]rtfFont{},
		encCache: map[int]runEnc{},
		info:     map[string]*legacyBuilder{},
		times:    map[string]*[5]int{},
		st:       rtfState{uc: 1},
	}
	if err := p.run(); err != nil {
		return rtfDoc{}, err
	}
	return p.result(), nil
}

func (p *rtfParser) run() error {
	for {
		tok := p.lex.next()
		if tok.kind == rtfEOF {
			return nil
		}
		if p.skipN > 0 && tok.kind != rtfOpen && tok.kind != rtfClose {
			if tok.kind == rtfText && len(tok.text) > p.skipN {
				tok.text = tok.text[p.skipN:]
				p.skipN = 0
			} else {
				if tok.kind == rtfText {
					p.skipN -= len(tok.text)
				} else {
					p.skipN--
				}
				continue
			}
		}
		switch tok.kind {
		case rtfOpen:
			p.skipN = 0
			if len(p.stack) >= rtfMaxDepth {
				return errRTFDepth
			}
			p.stack = append(p.stack, p.st)
			p.ignorable = false
		case rtfClose:
			p.skipN = 0
			p.ignorable = false
			p.closeGroup()
		case rtfText:
			for _, c := range tok.text {
				if c == '\t' {
					p.emitString("\t")
				} else {
					p.emitByte(c)
				}
			}
		case rtfHex:
			p.emitByte(tok.b)
		case rtfBin:
			// Binary data is never text.
		case rtfSymbol:
			p.symbol(tok.word)
		case rtfWord:
			p.word(tok)
		}
	}
}

// closeGroup restores the enclosing state, finishing a font table entry.
func (p *rtfParser) closeGroup() {
	if p.st.dest == rtfDestFontTbl {
		p.endFont()
	}
	if n := len(p.stack); n > 0 {
		p.st = p.stack[n-1]
		p.stack = p.stack[:n-1]
	}
}

// endFont stores the font table entry being read.
func (p *rtfParser) endFont() {
	if p.fontID < 0 {
		return
	}
	name := strings.TrimSpace(string(p.fontName))
	if name != "" || p.font.charset >= 0 {
		p.font.name = name
		p.fonts[p.fontID] = p.font
		delete(p.encCache, p.fontID)
	}
	p.fontID = -1
	p.fontName = p.fontName[:0]
	p.font = rtfFont{charset: -1}
}

func (p *rtfParser) symbol(s string) {
	switch s {
	case "*":
		p.ignorable = true
	case "\\", "{", "}":
		p.emitByte(s[0])
	case "~":
		p.emitString("\u00a0")
	case "_":
		p.emitString("-")
	}
	// \- (optional hyphen), \| and \: (index entries), and broken escapes
	// are not text.
}

func (p *rtfParser) word(tok rtfToken) {
	ignorable := p.ignorable
	p.ignorable = false
	w := tok.word
	if p.st.dest == rtfDestSkip {
		return
	}
	// Destinations.
	switch {
	case w == "fonttbl":
		p.st.dest = rtfDestFontTbl
		p.fontID = -1
		p.font = rtfFont{charset: -1}
		return
	case w == "info":
		p.st.dest = rtfDestInfo
		return
	case rtfInfoText[w] != "" && (p.st.dest == rtfDestInfo || ignorable):
		if p.st.dest == rtfDestInfo {
			p.st.dest = rtfDestInfoText
			p.st.field = rtfInfoText[w]
			if p.info[p.st.field] == nil {
				p.info[p.st.field] = &legacyBuilder{}
			}
		} else {
			p.st.dest = rtfDestSkip
		}
		return
	case rtfInfoTime[w] != "" && p.st.dest == rtfDestInfo:
		p.st.dest = rtfDestInfoTime
		p.st.field = rtfInfoTime[w]
		p.times[p.st.field] = &[5]int{}
		return
	case w == "footnote":
		p.st.dest = rtfDestNote
		p.notes.addString("\n")
		return
	case w == "object":
		p.st.object = true
		return
	case w == "result" && p.st.object:
		p.st.object = false
		return
	case w == "shpinst":
		p.st.shape = true
		return
	case w == "shptxt" && p.st.shape:
		p.st.shape = false
		return
	case rtfSkipDest[w]:
		p.st.dest = rtfDestSkip
		return
	case ignorable:
		p.st.dest = rtfDestSkip
		return
	}
	// Properties.
	switch w {
	case "rtf", "ansi":
		return
	case "ansicpg":
		p.codepage = codepageEncoding(tok.param)
		return
	case "deff":
		if tok.hasParam {
			p.deff = tok.param
			if len(p.stack) <= 1 {
				p.st.font = tok.param
			}
		}
		return
	case "f":
		if p.st.dest == rtfDestFontTbl {
			p.endFont()
			p.fontID = tok.param
			return
		}
		p.st.font = tok.param
		return
	case "fcharset":
		if p.st.dest == rtfDestFontTbl {
			p.font.charset = tok.param
		}
		return
	case "plain":
		p.st.font = p.deff
		p.st.hidden = false
		return
	case "v":
		p.st.hidden = !tok.hasParam || tok.param != 0
		return
	case "uc":
		if tok.param >= 0 && tok.param < 16 {
			p.st.uc = tok.param
		}
		return
	case "u":
		r := rune(tok.param)
		if r < 0 {
			r += 0x10000
		}
		p.unicode(r)
		p.skipN = p.st.uc
		return
	case "yr", "mo", "dy", "hr", "min":
		if p.st.dest == rtfDestInfoTime {
			t := p.times[p.st.field]
			idx := map[string]int{"yr": 0, "mo": 1, "dy": 2, "hr": 3, "min": 4}[w]
			t[idx] = tok.param
		}
		return
	case "row", "nestrow":
		if p.textDest() != nil {
			b := p.textDest()
			b.trimLast(cellSep)
			b.addString("\n")
		}
		return
	}
	if s, ok := rtfSpecial[w]; ok {
		p.emitString(s)
	}
}

// textDest returns the builder the current group writes text to, or nil.
func (p *rtfParser) textDest() *legacyBuilder {
	if p.st.hidden || p.st.object || p.st.shape {
		return nil
	}
	switch p.st.dest {
	case rtfDestBody:
		return &p.body
	case rtfDestNote:
		return &p.notes
	case rtfDestInfoText:
		return p.info[p.st.field]
	}
	return nil
}

// encOf returns the encoding of the 8-bit text in font f.
func (p *rtfParser) encOf(f int) runEnc {
	if enc, ok := p.encCache[f]; ok {
		return enc
	}
	font, ok := p.fonts[f]
	var enc runEnc
	if ok {
		enc = fontRunEnc(font.name, font.charset)
	}
	p.encCache[f] = enc
	return enc
}

func (p *rtfParser) emitByte(c byte) {
	if p.st.dest == rtfDestFontTbl {
		if c == ';' {
			p.endFont()
		} else if len(p.fontName) < 256 {
			p.fontName = append(p.fontName, c)
		}
		return
	}
	if b := p.textDest(); b != nil {
		b.addByte(p.encOf(p.st.font), c)
	}
}

func (p *rtfParser) emitString(s string) {
	if b := p.textDest(); b != nil {
		b.addString(s)
	}
}

// unicode emits a \uN character, pairing UTF-16 surrogates.
func (p *rtfParser) unicode(r rune) {
	switch {
	case r >= 0xD800 && r < 0xDC00:
		p.highSurrog = r
		return
	case r >= 0xDC00 && r < 0xE000:
		if p.highSurrog != 0 {
			r = (p.highSurrog-0xD800)<<10 + (r - 0xDC00) + 0x10000
		} else {
			r = 0xFFFD
		}
	}
	p.highSurrog = 0
	if r >= 0xF000 && r <= 0xF0FF && p.encOf(p.st.font).name == encSymbol {
		// Symbol fonts map their glyphs to U+F0xx.
		p.emitString(vntext.DecodeLegacy([]byte{byte(r)}, encSymbol))
		return
	}
	if b := p.textDest(); b != nil {
		b.addRune(r)
	}
}

func (p *rtfParser) result() rtfDoc {
	fallback := p.codepage
	if fallback == "" {
		fallback = p.encOf(p.deff).name
	}
	text, enc := p.body.text(fallback)
	if notes, _ := p.notes.text(fallback); strings.TrimSpace(notes) != "" {
		text = strings.TrimRight(text, "\n") + "\n" + strings.TrimLeft(notes, "\n")
	}
	d := rtfDoc{text: text, encoding: enc, meta: map[string]string{}}
	for key, b := range p.info {
		s, _ := b.text(fallback)
		s = strings.Join(strings.Fields(s), " ")
		if s == "" {
			continue
		}
		if key == "title" {
			d.title = s
		} else {
			d.meta[key] = s
		}
	}
	for key, t := range p.times {
		if s := isoTime(t[0], t[1], t[2], t[3], t[4]); s != "" {
			if key == "created" {
				d.published = s
			} else {
				d.meta[key] = s
			}
		}
	}
	if len(d.meta) == 0 {
		d.meta = nil
	}
	return d
}

// isoTime formats a date and time as YYYY-MM-DDTHH:MM (or YYYY-MM-DD when
// the time is midnight), or "" when the date is not plausible.
func isoTime(yr, mo, dy, hr, mi int) string {
	if yr < 1980 || yr > 2100 || mo < 1 || mo > 12 || dy < 1 || dy > 31 {
		return ""
	}
	if hr < 0 || hr > 23 || mi < 0 || mi > 59 {
		hr, mi = 0, 0
	}
	if hr == 0 && mi == 0 {
		return fmt.Sprintf("%04d-%02d-%02d", yr, mo, dy)
	}
	return fmt.Sprintf("%04d-%02d-%02dT%02d:%02d", yr, mo, dy, hr, mi)
}
