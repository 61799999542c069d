package word

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// docxNumbering renders automatic paragraph numbering ("Điều 1.", "1.",
// "a)", bullets) from word/numbering.xml and the numbering that paragraph
// styles carry in word/styles.xml. The numbers are not in document.xml's
// text, yet they are part of what a reader sees.
type docxNumbering struct {
	abstract map[string]map[int]*numLevel // abstractNumId → level → definition
	nums     map[string]numInstance       // numId → instance
	styles   map[string]styleNum          // paragraph styleId → numbering and base style
	counters map[string][]int             // numId → current counter per level (0 = not started)
}

type numLevel struct {
	start  int
	format string // numFmt: decimal, lowerLetter, upperRoman, bullet, none, ...
	text   string // lvlText: "Điều %1.", "%1.%2.", "•"
	suffix string // tab, space, nothing
	style  string // pStyle linked to this level
}

type numInstance struct {
	abstract string
	starts   map[int]int // startOverride per level
}

type styleNum struct {
	numID, basedOn string
	ilvl           int
	hasIlvl        bool
}

// paraNum is the numbering a paragraph asks for in its own properties.
type paraNum struct {
	style   string
	numID   string
	ilvl    int
	hasNum  bool
	hasIlvl bool
}

// loadDOCXNumbering reads numbering.xml and styles.xml; nil when the
// document has no numbering definitions.
func loadDOCXNumbering(parts map[string]*zip.File, budget *int64) (*docxNumbering, error) {
	nf := parts["word/numbering.xml"]
	if nf == nil {
		return nil, nil
	}
	n := &docxNumbering{
		abstract: map[string]map[int]*numLevel{},
		nums:     map[string]numInstance{},
		styles:   map[string]styleNum{},
		counters: map[string][]int{},
	}
	if err := n.readNumbering(nf, budget); err != nil {
		return nil, err
	}
	if sf := parts["word/styles.xml"]; sf != nil {
		if err := n.readStyles(sf, budget); err != nil {
			return nil, err
		}
	}
	return n, nil
}

func (n *docxNumbering) readNumbering(f *zip.File, budget *int64) error {
	rc, err := openPart(f, budget)
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	dec.Strict = false
	var abs map[int]*numLevel
	var lvl *numLevel
	var num *numInstance
	var numID string
	overrideLvl := -1
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			val := attr(t, "val")
			switch t.Name.Local {
			case "abstractNum":
				abs = map[int]*numLevel{}
				n.abstract[attr(t, "abstractNumId")] = abs
			case "lvl":
				if abs != nil && num == nil {
					i, _ := strconv.Atoi(attr(t, "ilvl"))
					lvl = &numLevel{start: 1, format: "decimal", suffix: "tab"}
					if i >= 0 && i < 9 {
						abs[i] = lvl
					}
				}
			case "start":
				if lvl != nil {
					if v, err := strconv.Atoi(val); err == nil {
						lvl.start = v
					}
				}
			case "numFmt":
				if lvl != nil {
					lvl.format = val
				}
			case "lvlText":
				if lvl != nil {
					lvl.text = val
				}
			case "suff":
				if lvl != nil {
					lvl.suffix = val
				}
			case "pStyle":
				if lvl != nil {
					lvl.style = val
				}
			case "num":
				numID = attr(t, "numId")
				num = &numInstance{starts: map[int]int{}}
			case "abstractNumId":
				if num != nil {
					num.abstract = val
				}
			case "lvlOverride":
				overrideLvl, _ = strconv.Atoi(attr(t, "ilvl"))
			case "startOverride":
				if num != nil && overrideLvl >= 0 {
					if v, err := strconv.Atoi(val); err == nil {
						num.starts[overrideLvl] = v
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "lvl":
				lvl = nil
			case "abstractNum":
				abs = nil
			case "num":
				if num != nil {
					n.nums[numID] = *num
				}
				num = nil
			case "lvlOverride":
				overrideLvl = -1
			}
		}
	}
}

func (n *docxNumbering) readStyles(f *zip.File, budget *int64) error {
	rc, err := openPart(f, budget)
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	dec.Strict = false
	var id string
	var cur styleNum
	inStyle := false
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				inStyle = attr(t, "type") == "paragraph" || attr(t, "type") == ""
				id, cur = attr(t, "styleId"), styleNum{}
			case "basedOn":
				cur.basedOn = attr(t, "val")
			case "numId":
				cur.numID = attr(t, "val")
			case "ilvl":
				cur.ilvl, _ = strconv.Atoi(attr(t, "val"))
				cur.hasIlvl = true
			}
		case xml.EndElement:
			if t.Name.Local == "style" {
				if inStyle && id != "" {
					n.styles[id] = cur
				}
				inStyle = false
			}
		}
	}
}

// label returns the number text of a paragraph, advancing the counters,
// or "" when the paragraph is not numbered.
func (n *docxNumbering) label(p paraNum) string {
	if n == nil {
		return ""
	}
	numID, ilvl, hasIlvl := p.numID, p.ilvl, p.hasIlvl
	style := p.style
	for depth := 0; !p.hasNum && style != "" && depth < 10; depth++ {
		s, ok := n.styles[style]
		if !ok {
			break
		}
		if s.numID != "" {
			numID = s.numID
			if !hasIlvl {
				ilvl, hasIlvl = s.ilvl, s.hasIlvl
			}
			break
		}
		style = s.basedOn
	}
	if numID == "" || numID == "0" {
		return ""
	}
	inst, ok := n.nums[numID]
	if !ok {
		return ""
	}
	levels := n.abstract[inst.abstract]
	if !hasIlvl && p.style != "" {
		for i, l := range levels {
			if l.style == p.style {
				ilvl = i
			}
		}
	}
	if ilvl < 0 || ilvl > 8 {
		ilvl = 0
	}
	lvl := levels[ilvl]
	if lvl == nil {
		return ""
	}
	c := n.counters[numID]
	if c == nil {
		c = make([]int, 9)
		n.counters[numID] = c
	}
	startOf := func(i int) int {
		if v, ok := inst.starts[i]; ok {
			return v
		}
		if l := levels[i]; l != nil {
			return l.start
		}
		return 1
	}
	if c[ilvl] == 0 {
		c[ilvl] = startOf(ilvl)
	} else {
		c[ilvl]++
	}
	for i := ilvl + 1; i < 9; i++ {
		c[i] = 0
	}
	text := lvl.text
	if lvl.format == "bullet" {
		text = bulletText(text)
	} else {
		for i := 0; i <= ilvl && i < 9; i++ {
			ph := "%" + strconv.Itoa(i+1)
			if !strings.Contains(text, ph) {
				continue
			}
			v := c[i]
			if v == 0 {
				v = startOf(i)
			}
			f := lvl.format
			if l := levels[i]; l != nil && i != ilvl {
				f = l.format
			}
			text = strings.ReplaceAll(text, ph, formatNumber(v, f))
		}
	}
	if text == "" || lvl.format == "none" && strings.TrimSpace(text) == "" {
		return ""
	}
	switch lvl.suffix {
	case "nothing":
		return text
	default:
		return text + " "
	}
}

// bulletText maps a bullet level's text (often a Symbol/Wingdings code in
// the private use area) to a plain bullet.
func bulletText(s string) string {
	r := []rune(s)
	if len(r) == 1 && r[0] >= 0xF000 && r[0] <= 0xF0FF {
		return "•"
	}
	if len(r) == 1 && (r[0] == '-' || r[0] == '–' || r[0] == '+' || r[0] == '*' || r[0] == '•' || r[0] == '·' || r[0] == 'o') {
		if r[0] == 'o' || r[0] == '·' {
			return "•"
		}
		return s
	}
	return "•"
}

// formatNumber writes v in a WordprocessingML number format.
func formatNumber(v int, format string) string {
	switch format {
	case "decimalZero":
		return fmt.Sprintf("%02d", v)
	case "lowerLetter":
		return letters(v, 'a')
	case "upperLetter":
		return letters(v, 'A')
	case "lowerRoman":
		return strings.ToLower(roman(v))
	case "upperRoman":
		return roman(v)
	case "none":
		return ""
	}
	return strconv.Itoa(v)
}

// letters is Word's a..z, aa..zz, aaa... sequence.
func letters(v int, base rune) string {
	if v < 1 {
		return strconv.Itoa(v)
	}
	n := (v-1)/26 + 1
	return strings.Repeat(string(base+rune((v-1)%26)), n)
}

func roman(v int) string {
	if v < 1 || v > 3999 {
		return strconv.Itoa(v)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, x := range vals {
		for v >= x {
			b.WriteString(syms[i])
			v -= x
		}
	}
	return b.String()
}
