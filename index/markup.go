package index

import (
	"strings"

	"vanban/internal/lazyregexp"
)

// Markdown and HTML markup that crawled texts carry: an image, a link (its
// text kept), a tag; and, found by markupHeaders, markupRules and
// markupEmphasis (the regexps in markup_test.go, by a direct scan), a
// heading's hashes, a rule or a setext underline on a line of its own, and
// emphasis marks.
var (
	reMarkupImage = lazyregexp.New(`!\[[^\]\n]{0,500}\]\([^)\n]{0,1000}\)`)
	reMarkupLink  = lazyregexp.New(`\[([^\]\n]{0,500})\]\([^)\n]{0,1000}\)`)
	reMarkupTag   = lazyregexp.New(`</?[a-zA-Z][a-zA-Z0-9]{0,10}(?:\s[^<>\n]{0,300})?/?>`)
)

// blankMarkup returns text with its Markdown and HTML markup replaced by
// spaces, byte for byte: the stored text that snippets are cut from reads
// as plain text, and every offset of the record (a date's, a target's)
// still points at the same words. Newlines are kept.
func blankMarkup(text string) string {
	if !strings.ContainsAny(text, "*_#[<=-—–") {
		return text
	}
	b := []byte(text)
	blank := func(from, to int) {
		for i := from; i < to; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	for _, m := range reMarkupImage.FindAllStringIndex(text, -1) {
		blank(m[0], m[1])
	}
	for _, m := range reMarkupLink.FindAllStringSubmatchIndex(text, -1) {
		blank(m[0], m[2]) // "["
		blank(m[3], m[1]) // "](url)"
	}
	for _, m := range reMarkupTag.FindAllStringIndex(text, -1) {
		blank(m[0], m[1])
	}
	markupHeaders(text, blank)
	markupRules(text, blank)
	markupEmphasis(text, blank)
	return string(b)
}

// markupHeaders calls fn with the range of each heading's hashes: at the
// start of a line, up to three spaces or tabs, one to six "#" and a space
// or tab (the matches of `(?m)^[ \t]{0,3}#{1,6}[ \t]`).
func markupHeaders(text string, fn func(from, to int)) {
	for ls := 0; ls < len(text); {
		i := ls
		for i < len(text) && i-ls < 4 && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		h := i
		for h < len(text) && h-i < 7 && text[h] == '#' {
			h++
		}
		if i-ls <= 3 && h > i && h-i <= 6 && h < len(text) && (text[h] == ' ' || text[h] == '\t') {
			fn(ls, h+1)
		}
		nl := strings.IndexByte(text[ls:], '\n')
		if nl < 0 {
			break
		}
		ls += nl + 1
	}
}

// markupRules calls fn with the range of each line that is a rule or a
// setext underline: three or more of = - _ * — – with nothing else but
// spaces and tabs about them (the matches of
// `(?m)^[ \t]*(?:[=\-_*—–]){3,}[ \t]*$`, the newline left out).
func markupRules(text string, fn func(from, to int)) {
	for ls := 0; ls < len(text); {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		i := ls
		for i < le && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		n := 0
	marks:
		for i < le {
			switch {
			case text[i] == '=' || text[i] == '-' || text[i] == '_' || text[i] == '*':
				i++
			case strings.HasPrefix(text[i:le], "—"):
				i += len("—")
			case strings.HasPrefix(text[i:le], "–"):
				i += len("–")
			default:
				break marks
			}
			n++
		}
		for i < le && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		if n >= 3 && i == le {
			fn(ls, le)
		}
		ls = le + 1
	}
}

// markupEmphasis calls fn with the range of each emphasis mark: runs of
// "*" three at a time, and of "_" three or two at a time (the matches of
// `\*{1,3}|_{2,3}`).
func markupEmphasis(text string, fn func(from, to int)) {
	for i := 0; i < len(text); {
		j := strings.IndexAny(text[i:], "*_")
		if j < 0 {
			return
		}
		i += j
		c := text[i]
		n := 1
		for n < 3 && i+n < len(text) && text[i+n] == c {
			n++
		}
		if c == '*' || n >= 2 {
			fn(i, i+n)
		}
		i += n
	}
}
