package ingest

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"vanban/ingest/vntext"
)

// textReader reads plain text (.txt, .md, anything textual). Encoding
// detection (BOMs, UTF-16, UTF-8, legacy Vietnamese 8-bit encodings) is
// vntext.Decode's job; this adds line-end normalization, the UTF-8 safety
// net and the "is this text at all" check.
func textReader(path string, data []byte) (parsed, error) {
	text, enc, warns := vntext.Decode(data)
	if !utf8.ValidString(text) {
		// Decode is meant to replace bad runs itself; never pass them on.
		var w string
		text, w = replaceInvalidUTF8(text)
		warns = append(warns, w)
	}
	text = unescapeMarkdown(normalizeNewlines(text))
	if what := controlHeavy(text); what != "" {
		return parsed{}, fmt.Errorf("%w: looks like %s", ErrNotDocument, what)
	}
	return parsed{
		pages:    []string{text},
		encoding: enc,
		warnings: warns,
	}, nil
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// replaceInvalidUTF8 replaces each invalid byte run of s with U+FFFD and
// returns a warning naming the first offsets.
func replaceInvalidUTF8(s string) (string, string) {
	var b strings.Builder
	b.Grow(len(s))
	var offsets []int
	runs := 0
	inBad := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			if !inBad {
				runs++
				if len(offsets) < 5 {
					offsets = append(offsets, i)
				}
				b.WriteRune(utf8.RuneError)
				inBad = true
			}
			i++
			continue
		}
		inBad = false
		b.WriteString(s[i : i+size])
		i += size
	}
	parts := make([]string, len(offsets))
	for i, o := range offsets {
		parts[i] = fmt.Sprint(o)
	}
	w := fmt.Sprintf("invalid UTF-8 at byte %s", strings.Join(parts, ", "))
	if runs > len(offsets) {
		w += fmt.Sprintf(" (%d runs in all)", runs)
	}
	return b.String(), w + "; replaced with U+FFFD"
}

// controlHeavy returns a description when decoded text is mostly control
// characters (a binary file that slipped past sniffing, UTF-16 of binary
// data, ...), or "" when it reads as text.
func controlHeavy(s string) string {
	total, ctrl, nul := 0, 0, 0
	for _, r := range s {
		total++
		switch {
		case r == 0:
			nul++
		case r == '\n' || r == '\t' || r == '\f' || r == '\v':
		case unicode.IsControl(r):
			ctrl++
		}
		if total >= 1<<16 {
			break
		}
	}
	if total == 0 {
		return ""
	}
	if nul*100 > total {
		return "binary data (NUL characters)"
	}
	if ctrl*100 > total*10 {
		return "binary data (control characters)"
	}
	return ""
}

// unescapeMarkdown drops the backslash of a Markdown escape: a backslash
// before ASCII punctuation ("40 \- 50", "Số 57\-NQ/TW", "\*"), as pandoc
// writes every hyphen, asterisk and bracket of a converted document; the
// punctuation stays. A backslash before anything else ("C:\Users") stays.
func unescapeMarkdown(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(markdownEscapable, s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// markdownEscapable is the ASCII punctuation a backslash escapes in
// CommonMark.
const markdownEscapable = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
