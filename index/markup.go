package index

import (
	"strings"

	"vanban/internal/lazyregexp"
)

// Markdown and HTML markup that crawled texts carry: an image, a link (its
// text kept), a tag, a heading's hashes, emphasis marks, a rule or a
// setext underline on a line of its own.
var (
	reMarkupImage  = lazyregexp.New(`!\[[^\]\n]{0,500}\]\([^)\n]{0,1000}\)`)
	reMarkupLink   = lazyregexp.New(`\[([^\]\n]{0,500})\]\([^)\n]{0,1000}\)`)
	reMarkupTag    = lazyregexp.New(`</?[a-zA-Z][a-zA-Z0-9]{0,10}(?:\s[^<>\n]{0,300})?/?>`)
	reMarkupHeader = lazyregexp.New(`(?m)^[ \t]{0,3}#{1,6}[ \t]`)
	reMarkupRule   = lazyregexp.New(`(?m)^[ \t]*(?:[=\-_*—–]){3,}[ \t]*$`)
	reMarkupEmph   = lazyregexp.New(`\*{1,3}|_{2,3}`)
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
	for _, re := range []*lazyregexp.Regexp{reMarkupTag, reMarkupHeader, reMarkupRule, reMarkupEmph} {
		for _, m := range re.FindAllStringIndex(text, -1) {
			blank(m[0], m[1])
		}
	}
	return string(b)
}
