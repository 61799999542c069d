package html

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/htmlindex"

	"vanban/ingest/vntext"

	"vanban/internal/lazyregexp"
)

// HTML limits.
const (
	// maxHTMLDepth is the deepest element nesting parsed into a tree; deeper
	// pages are read with the streaming tokenizer instead (x/net/html gives
	// up at 512 open elements, and readability recurses).
	maxHTMLDepth = 400
	// maxHTMLElems bounds readability's work on huge pages.
	maxHTMLElems = 200000
)

// Result is what the reader makes of a web page: its article text (one
// block, paragraphs separated by "\n"), the charset it was decoded from,
// its headline, publication time and other metadata, and what went wrong
// without stopping it.
type Result struct {
	Text      string
	Encoding  string
	Title     string
	Published string // ISO date or datetime
	Meta      map[string]string
	Warnings  []string
}

// Read reads a web page (see htmlReader). It does not fail: a page that
// cannot be parsed is read as plain text with a warning.
func Read(data []byte) (Result, error) {
	p, err := htmlReader("", data)
	r := Result{Encoding: p.encoding, Title: p.title, Published: p.published, Meta: p.meta, Warnings: p.warnings}
	if len(p.pages) > 0 {
		r.Text = p.pages[0]
	}
	return r, err
}

// parsed is what htmlReader finds.
type parsed struct {
	pages     []string
	encoding  string
	title     string
	published string
	meta      map[string]string
	warnings  []string
}

// htmlReader reads a web page: the article body without navigation,
// sidebars, footers, share buttons and scripts (readability), its headline,
// its publication time and the charset it declares.
func htmlReader(_ string, data []byte) (parsed, error) {
	src, enc, warns := decodeHTML(data)
	p := parsed{encoding: enc, warnings: warns}

	if depth := htmlDepth(src); depth > maxHTMLDepth {
		p.warnings = append(p.warnings, fmt.Sprintf("HTML nested %d levels deep (limit %d): read as plain text without article detection", depth, maxHTMLDepth))
		text, title := htmlPlainText(src)
		p.pages = []string{text}
		p.title = title
		return p, nil
	}
	doc, err := parseHTML(src)
	if err != nil {
		p.warnings = append(p.warnings, fmt.Sprintf("HTML parse failed (%v): read as plain text without article detection", err))
		text, title := htmlPlainText(src)
		p.pages = []string{text}
		p.title = title
		return p, nil
	}
	m := pageMeta(doc)
	p.published = m.published
	if m.author != "" || m.siteName != "" || m.description != "" {
		p.meta = map[string]string{}
		for k, v := range map[string]string{"author": m.author, "site_name": m.siteName, "description": m.description} {
			if v != "" {
				p.meta[k] = v
			}
		}
	}

	body, title, head, rerr := articleText(doc, m)
	if rerr != "" {
		p.warnings = append(p.warnings, rerr)
	}
	p.title = title
	if p.published == "" {
		// No machine-readable time: a visible dateline by the headline.
		for _, l := range head {
			if iso := datelineTime(l); iso != "" {
				p.published = iso
				break
			}
		}
	}
	p.pages = []string{body}
	return p, nil
}

// articleText runs readability on a copy of doc and returns the article's
// text with the headline block first, the headline, and a warning when it
// had to fall back to the whole page.
func articleText(doc *html.Node, m pageInfo) (body, title string, head []string, warning string) {
	art, err := safeReadability(doc)
	title = chooseTitle(art.Title(), m)
	if err == nil && art.Node != nil {
		body = render.InnerText(art.Node)
	}
	if strings.TrimSpace(body) == "" {
		if err != nil {
			warning = fmt.Sprintf("article detection failed (%v): kept the whole page text", err)
		} else {
			warning = "no article body found: kept the whole page text"
		}
		body = nodeText(doc)
	}
	body = tidyLines(body)
	// Readability keeps the body container; the headline, and the dateline
	// or kicker set beside it, usually sit outside. Put them first unless
	// the body already opens with them.
	head = headlineBlock(doc, title)
	lines := head
	if len(lines) == 0 && title != "" {
		lines = []string{title}
	}
	first, _, _ := strings.Cut(body, "\n")
	if len(lines) > 0 && !sameLine(first, lines[len(lines)-1]) && !sameLine(first, lines[0]) {
		body = strings.Join(append(lines[:len(lines):len(lines)], body), "\n")
	}
	return body, title, head, warning
}

// datelineDate finds a Vietnamese visible date with an optional time:
// "10/07/2011 - 19:35", "Thứ hai, 7/12/2020, 08:30 (GMT+7)", "07-12-2020 8h30".
var datelineDate = lazyregexp.New(`\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b(?:\D{0,6}?\b(\d{1,2})\s*[:hH]\s*(\d{2})\b)?`)

// datelineTime turns a visible dateline (day first, as Vietnamese sites
// write it) into "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"; "" when there is none.
func datelineTime(line string) string {
	m := datelineDate.FindStringSubmatch(line)
	if m == nil {
		return ""
	}
	iso := fmt.Sprintf("%s-%02s-%02s", m[3], m[2], m[1])
	if m[4] != "" {
		iso += fmt.Sprintf("T%02s:%s", m[4], m[5])
	}
	return vntext.MetaDate(iso)
}

// safeReadability runs readability on a copy of doc, turning a panic in
// the library into an error (the caller then keeps the whole page text).
func safeReadability(doc *html.Node) (art readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			art, err = readability.Article{}, fmt.Errorf("readability crashed: %v", r)
		}
	}()
	ps := readability.NewParser()
	ps.MaxElemsToParse = maxHTMLElems
	return ps.ParseDocument(doc, nil)
}

// sameLine compares two lines after cleanup and whitespace collapse.
func sameLine(a, b string) bool {
	return strings.Join(strings.Fields(vntext.Clean(a)), " ") == strings.Join(strings.Fields(vntext.Clean(b)), " ")
}

// unlikelyChrome matches class or id values of page chrome near a headline.
var unlikelyChrome = lazyregexp.New(`(?i)cate|breadcrumb|share|social|menu|nav|tag|banner|\bads?\b|advert|quang-?cao|comment|binh-?luan|search|logo|sidebar|related|lien-?quan|print|font-?size|rating|like|follow`)

// datelineRE finds a date (dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy or ISO) in a
// short line.
var datelineRE = lazyregexp.New(`\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b|\b\d{4}-\d{2}-\d{2}\b`)

// headlineBlock returns the lines of the headline's block in the original
// page: short text siblings before the <h1> (dateline, kicker), the <h1>
// itself, and a dateline right after it. Links, share bars, categories
// and other chrome are left out. It returns nil when the page has no <h1>.
func headlineBlock(doc *html.Node, title string) []string {
	h1 := findHeadline(doc, title)
	if h1 == nil {
		return nil
	}
	h := textOf(h1, false)
	if h == "" {
		return nil
	}
	var before []string
	for s := h1.PrevSibling; s != nil && len(before) < 3; s = s.PrevSibling {
		if line, ok := shortLine(s); ok {
			before = append([]string{line}, before...)
		} else if s.Type == html.ElementNode {
			break
		}
	}
	lines := append(before, h)
	for s := h1.NextSibling; s != nil; s = s.NextSibling {
		if s.Type != html.ElementNode {
			continue
		}
		if line, ok := shortLine(s); ok && datelineRE.MatchString(line) {
			lines = append(lines, line)
		}
		break
	}
	return lines
}

// findHeadline returns the <h1> whose text is the title, else the first
// <h1> of the page.
func findHeadline(doc *html.Node, title string) *html.Node {
	var first, match *html.Node
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if match != nil || depth > maxHTMLDepth+10 {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.H1 {
			if first == nil {
				first = n
			}
			if title != "" && sameLine(textOf(n, false), title) {
				match = n
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	if match != nil {
		return match
	}
	return first
}

// shortLine returns the text of a small non-chrome element beside a
// headline: under 200 characters, mostly not link text, no chrome class.
func shortLine(n *html.Node) (string, bool) {
	if n.Type == html.TextNode {
		t := strings.Join(strings.Fields(n.Data), " ")
		return t, t != "" && utf8.RuneCountInString(t) < 200
	}
	if n.Type != html.ElementNode {
		return "", false
	}
	switch n.DataAtom {
	case atom.P, atom.Span, atom.Div, atom.Time, atom.Small, atom.Em, atom.Strong, atom.B, atom.I, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
	default:
		return "", false
	}
	if unlikelyChrome.MatchString(getAttr(n, "class") + " " + getAttr(n, "id")) {
		return "", false
	}
	t := textOf(n, false)
	if t == "" || utf8.RuneCountInString(t) >= 200 {
		return "", false
	}
	if linkText(n, 0)*2 > len(t) {
		return "", false
	}
	// Links beside a dateline are categories or tags: leave them out.
	if t = textOf(n, true); t == "" {
		return "", false
	}
	return t, true
}

// linkText returns the number of bytes of text inside links below n.
func linkText(n *html.Node, depth int) int {
	if depth > 64 {
		return 0
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		return len(textOf(n, false))
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += linkText(c, depth+1)
	}
	return total
}

// tidyLines trims each line and drops blank-line runs to one line break.
func tidyLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// parseHTML parses src into a tree, turning the parser's panics into errors.
func parseHTML(src string) (doc *html.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%v", r)
		}
	}()
	return html.Parse(strings.NewReader(src))
}

// htmlDepth returns the deepest element nesting of src as the tokenizer
// sees it (void elements do not nest; unclosed p/li/td are not tracked,
// so the figure is an upper bound for sloppy pages).
func htmlDepth(src string) int {
	z := html.NewTokenizer(strings.NewReader(src))
	depth, deepest := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deepest
		case html.StartTagToken:
			name, _ := z.TagName()
			if isVoid(atom.Lookup(name)) {
				continue
			}
			depth++
			deepest = max(deepest, depth)
		case html.EndTagToken:
			name, _ := z.TagName()
			if !isVoid(atom.Lookup(name)) && depth > 0 {
				depth--
			}
		}
	}
}

func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr, atom.Param, atom.Keygen:
		return true
	}
	// p, li, td, tr, option are often left open; counting them would make
	// an ordinary sloppy page look deep.
	switch a {
	case atom.P, atom.Li, atom.Td, atom.Th, atom.Tr, atom.Option, atom.Dt, atom.Dd:
		return true
	}
	return false
}

// htmlPlainText streams src with the tokenizer (no tree, no recursion) and
// returns the visible text with block elements on their own lines, leaving
// out scripts, styles, navigation, asides, forms and footers; and the
// <title>.
func htmlPlainText(src string) (text, title string) {
	z := html.NewTokenizer(strings.NewReader(src))
	var b, tb strings.Builder
	skip := map[atom.Atom]int{} // open counts of elements whose text is dropped
	skipped := 0                // sum of skip's counts
	setSkip := func(a atom.Atom, n int) {
		skipped += n - skip[a]
		skip[a] = n
	}
	inTitle := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			lines := strings.Split(b.String(), "\n")
			for i, l := range lines {
				lines[i] = strings.Join(strings.Fields(l), " ")
			}
			return tidyLines(strings.Join(lines, "\n")), strings.Join(strings.Fields(tb.String()), " ")
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Nav, atom.Aside,
				atom.Footer, atom.Form, atom.Button, atom.Select, atom.Textarea, atom.Iframe, atom.Head:
				if tt == html.StartTagToken {
					setSkip(a, skip[a]+1)
				} else if tt == html.EndTagToken && skip[a] > 0 {
					setSkip(a, skip[a]-1)
				}
				if a == atom.Head && tt == html.EndTagToken {
					setSkip(a, 0)
				}
			case atom.Title:
				inTitle = tt == html.StartTagToken
			case atom.Body:
				setSkip(atom.Head, 0)
			}
			if isBlock(a) || a == atom.Br {
				b.WriteByte('\n')
			} else if a == atom.Td || a == atom.Th {
				b.WriteByte(' ')
			}
		case html.TextToken:
			if inTitle {
				tb.Write(z.Text())
				continue
			}
			if skipped > 0 {
				continue
			}
			t := string(z.Text())
			if strings.TrimSpace(t) == "" {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				continue
			}
			lead := len(t) > 0 && isSpaceByte(t[0])
			trail := len(t) > 0 && isSpaceByte(t[len(t)-1])
			if lead {
				b.WriteByte(' ')
			}
			b.WriteString(strings.Join(strings.Fields(t), " "))
			if trail {
				b.WriteByte(' ')
			}
		}
	}
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// isBlock reports whether an element starts a new line of text.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Ul, atom.Ol,
		atom.Dl, atom.Dt, atom.Dd, atom.Tr, atom.Table, atom.Blockquote, atom.Pre, atom.Section, atom.Article,
		atom.Header, atom.Main, atom.Figure, atom.Figcaption, atom.Address, atom.Hr, atom.Caption, atom.Center:
		return true
	}
	return false
}

// nodeText renders a whole parsed page as text without scripts, styles and
// hidden parts (the fallback when readability finds no article).
func nodeText(doc *html.Node) string {
	body := findElement(doc, atom.Body, 0)
	if body == nil {
		body = doc
	}
	return render.InnerText(body)
}

// findElement returns the first element a below n (depth-bounded).
func findElement(n *html.Node, a atom.Atom, depth int) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	if depth > maxHTMLDepth+10 {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, a, depth+1); f != nil {
			return f
		}
	}
	return nil
}

// pageInfo is the metadata a page carries in its head and markup.
type pageInfo struct {
	ogTitle, jsonTitle, h1, title string
	siteName, author, description string
	published                     string
}

var jsonLDDate = lazyregexp.New(`"datePublished"\s*:\s*"([^"]{8,40})"`)

// pageMeta collects title candidates, publication time and a few hints
// from the unmodified tree.
func pageMeta(doc *html.Node) pageInfo {
	var m pageInfo
	var published []string // candidates in order of trust
	var timeTag string
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxHTMLDepth+10 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(getAttr(n, "property"), getAttr(n, "name"), getAttr(n, "itemprop")))
				val := strings.TrimSpace(getAttr(n, "content"))
				switch key {
				case "og:title":
					m.ogTitle = val
				case "og:site_name", "application-name":
					if m.siteName == "" {
						m.siteName = val
					}
				case "author", "article:author":
					if m.author == "" && !strings.HasPrefix(val, "http") {
						m.author = val
					}
				case "description", "og:description":
					if m.description == "" {
						m.description = val
					}
				case "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
					"publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "sailthru.date":
					published = append(published, val)
				}
			case atom.Title:
				if m.title == "" {
					m.title = textOf(n, false)
				}
			case atom.H1:
				if m.h1 == "" {
					m.h1 = textOf(n, false)
				}
			case atom.Time:
				if timeTag == "" {
					timeTag = getAttr(n, "datetime")
				}
			case atom.Script:
				if strings.Contains(getAttr(n, "type"), "ld+json") && n.FirstChild != nil {
					src := n.FirstChild.Data
					if mm := jsonLDDate.FindStringSubmatch(src); mm != nil {
						published = append(published, mm[1])
					}
					if m.jsonTitle == "" {
						m.jsonTitle = jsonLDHeadline(src)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	published = append(published, timeTag)
	for _, c := range published {
		if iso := vntext.MetaDate(c); iso != "" {
			m.published = iso
			break
		}
	}
	return m
}

// jsonLDHeadline returns the "headline" of a JSON-LD object (or the first
// object of an array or @graph that has one).
func jsonLDHeadline(src string) string {
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		return ""
	}
	var find func(v any, depth int) string
	find = func(v any, depth int) string {
		if depth > 5 {
			return ""
		}
		switch t := v.(type) {
		case map[string]any:
			if h, ok := t["headline"].(string); ok && strings.TrimSpace(h) != "" {
				return strings.TrimSpace(h)
			}
			if g, ok := t["@graph"]; ok {
				return find(g, depth+1)
			}
		case []any:
			for _, x := range t {
				if h := find(x, depth+1); h != "" {
					return h
				}
			}
		}
		return ""
	}
	return find(v, 0)
}

// chooseTitle picks the headline: og:title, JSON-LD headline, readability's
// title, <h1>, then <title>, each without a " - Site name" suffix.
func chooseTitle(readabilityTitle string, m pageInfo) string {
	for _, c := range []string{m.ogTitle, m.jsonTitle, readabilityTitle, m.h1, m.title} {
		c = strings.Join(strings.Fields(c), " ")
		if c == "" {
			continue
		}
		return stripSiteSuffix(c, m.siteName)
	}
	return ""
}

// titleSeparators split a page title from the site's name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " · "}

// stripSiteSuffix removes a trailing (or leading) site name from a title:
// the site's declared name when known, else a short last segment after a
// separator when the rest is long enough to be a headline.
func stripSiteSuffix(title, site string) string {
	if site != "" {
		for _, sep := range titleSeparators {
			if t, ok := strings.CutSuffix(title, sep+site); ok && strings.TrimSpace(t) != "" {
				return strings.TrimSpace(t)
			}
			if t, ok := strings.CutPrefix(title, site+sep); ok && strings.TrimSpace(t) != "" {
				return strings.TrimSpace(t)
			}
		}
	}
	for _, sep := range []string{" | ", " - ", " – ", " — "} {
		i := strings.LastIndex(title, sep)
		if i < 0 {
			continue
		}
		head, tail := title[:i], title[i+len(sep):]
		// Keep "Nghị quyết 15/2011 - HĐND" style titles: strip only when
		// the tail is a short name and the head a sentence of its own.
		if utf8.RuneCountInString(tail) <= 40 && len(strings.Fields(head)) >= 4 && looksSiteName(tail) {
			return strings.TrimSpace(head)
		}
	}
	return title
}

// looksSiteName reports whether s reads like a site's name: a domain, or
// at most five words that all start with a capital or a digit ("Báo Ví
// Dụ", "VnExpress", "Tuổi Trẻ Online").
func looksSiteName(s string) bool {
	if strings.Contains(s, ".") && !strings.Contains(s, " ") {
		return true
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// textOf returns the text inside n, whitespace collapsed, at most 64
// elements deep; with skipLinks, without the text inside <a> elements.
// It is the one walker for short texts (headlines, datelines, titles).
func textOf(n *html.Node, skipLinks bool) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 64 || skipLinks && n.Type == html.ElementNode && n.DataAtom == atom.A {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return strings.Join(strings.Fields(b.String()), " ")
}

func getAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// decodeHTML turns a page's bytes into UTF-8 text using, in order, a BOM,
// the charset the page declares (meta charset / http-equiv), and else
// vntext.Decode's detection. It returns the text, the encoding name for
// Document.Encoding and warnings.
func decodeHTML(data []byte) (string, string, []string) {
	if hasUTF16BOM(data) || bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return vntext.Decode(data)
	}
	label := declaredCharset(data)
	if label == "" {
		return vntext.Decode(data)
	}
	name := strings.ToLower(strings.TrimSpace(label))
	switch name {
	case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
		text, enc, warns := vntext.Decode(data)
		if enc != "" && enc != "utf-8" {
			warns = append(warns, fmt.Sprintf("page declares charset %s but its bytes are %s", label, enc))
		}
		return text, enc, warns
	}
	if e := vntext.Lookup(name); e != nil {
		if out, err := e.NewDecoder().Bytes(data); err == nil {
			return string(out), canonicalCharset(name), nil
		}
	}
	if e, err := htmlindex.Get(name); err == nil {
		canon, _ := htmlindex.Name(e)
		if canon == "utf-8" {
			return vntext.Decode(data)
		}
		if out, err := e.NewDecoder().Bytes(data); err == nil {
			return string(out), canonicalCharset(canon), nil
		}
	}
	text, enc, warns := vntext.Decode(data)
	return text, enc, append(warns, fmt.Sprintf("unknown charset %q declared; detected %s", label, enc))
}

// canonicalCharset maps charset labels to the names Document.Encoding uses.
func canonicalCharset(name string) string {
	switch strings.ToLower(name) {
	case "windows-1258", "cp1258", "x-cp1258":
		return "cp1258"
	case "utf-16le", "utf-16":
		return "utf-16le"
	case "utf-16be":
		return "utf-16be"
	case "tcvn", "tcvn3", "tcvn-3", "tcvn5712-1", "abc":
		return "tcvn3"
	case "vni", "vni-windows":
		return "vni"
	case "viscii":
		return "viscii"
	}
	return strings.ToLower(name)
}

// declaredCharset finds the charset a page declares in its first 4 KiB:
// <meta charset=...> or <meta http-equiv="Content-Type" content="...;
// charset=...">, or an XML declaration's encoding.
func declaredCharset(data []byte) string {
	head := data[:min(len(data), 4096)]
	if m := xmlEncodingRE.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return ""
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if string(name) != "meta" || !hasAttr {
			continue
		}
		var charset, content, equiv string
		for {
			k, v, more := z.TagAttr()
			switch strings.ToLower(string(k)) {
			case "charset":
				charset = string(v)
			case "content":
				content = string(v)
			case "http-equiv":
				equiv = strings.ToLower(string(v))
			}
			if !more {
				break
			}
		}
		if charset = strings.TrimSpace(charset); charset != "" {
			return charset
		}
		if equiv == "content-type" {
			if m := contentCharsetRE.FindStringSubmatch(content); m != nil {
				return m[1]
			}
		}
	}
}

var (
	xmlEncodingRE    = lazyregexp.New(`^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9._:-]+)["']`)
	contentCharsetRE = lazyregexp.New(`(?i)charset\s*=\s*["']?([A-Za-z0-9._:-]+)`)
)

func hasUTF16BOM(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff})
}
