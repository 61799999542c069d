// Package html reads web pages: the charset from the bytes and the page's
// own declarations (Windows-1258 and the legacy Vietnamese ones through
// vntext), the article body without navigation, sidebars, share buttons,
// comments and footers (go-readability), its headline and kicker, and the
// publication time from metadata, JSON-LD or a visible dateline. A page
// nested deeper than a parser accepts is read with the streaming tokenizer
// as plain text. Read hands back the article text and the page's
// metadata; the package imports nothing of vanban's but ingest/vntext.
package html
