package word

// The RTF tokenizer. RTF is 7-bit text with three kinds of markup: groups
// ({ and }), control words (\word with an optional signed numeric parameter
// and an optional space delimiter that belongs to the word) and control
// symbols (\ followed by one non-letter). \'hh is a byte given in hex, and
// \binN is followed by N raw bytes. Carriage returns and line feeds in the
// text are not content.

// rtfTokKind is the kind of an RTF token.
type rtfTokKind uint8

const (
	rtfEOF    rtfTokKind = iota
	rtfOpen              // {
	rtfClose             // }
	rtfWord              // \word or \wordN
	rtfSymbol            // \ followed by a non-letter, other than \'
	rtfHex               // \'hh
	rtfText              // a run of literal bytes
	rtfBin               // \binN and its N bytes
)

// rtfToken is one token of an RTF stream.
type rtfToken struct {
	kind     rtfTokKind
	word     string // control word name (rtfWord), or the symbol (rtfSymbol)
	param    int    // numeric parameter of a control word
	hasParam bool   // whether the control word had a parameter
	b        byte   // the byte of rtfHex
	text     []byte // literal bytes of rtfText, raw bytes of rtfBin
}

const (
	rtfMaxWordLen  = 32 // the spec limits control words to 32 letters
	rtfMaxParamLen = 10 // digits of a parameter kept; more are consumed and ignored
)

// rtfLexer splits RTF bytes into tokens. It never fails: malformed input
// yields the best tokens it can and ends in rtfEOF.
type rtfLexer struct {
	data []byte
	pos  int
}

func isRTFLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool     { return c >= '0' && c <= '9' }

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// next returns the next token.
func (l *rtfLexer) next() rtfToken {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		switch c {
		case '{':
			l.pos++
			return rtfToken{kind: rtfOpen}
		case '}':
			l.pos++
			return rtfToken{kind: rtfClose}
		case '\\':
			return l.control()
		case '\r', '\n':
			l.pos++
			continue
		}
		start := l.pos
		for l.pos < len(l.data) {
			c := l.data[l.pos]
			if c == '{' || c == '}' || c == '\\' || c == '\r' || c == '\n' {
				break
			}
			l.pos++
		}
		return rtfToken{kind: rtfText, text: l.data[start:l.pos]}
	}
	return rtfToken{kind: rtfEOF}
}

// control reads the token at a backslash.
func (l *rtfLexer) control() rtfToken {
	l.pos++ // the backslash
	if l.pos >= len(l.data) {
		return rtfToken{kind: rtfEOF}
	}
	c := l.data[l.pos]
	if !isRTFLetter(c) {
		l.pos++
		switch c {
		case '\'':
			if l.pos+1 < len(l.data) {
				hi, ok1 := hexVal(l.data[l.pos])
				lo, ok2 := hexVal(l.data[l.pos+1])
				if ok1 && ok2 {
					l.pos += 2
					return rtfToken{kind: rtfHex, b: hi<<4 | lo}
				}
			}
			// A broken escape: drop it.
			return rtfToken{kind: rtfSymbol, word: "'"}
		case '\r', '\n':
			// \<newline> is \par.
			return rtfToken{kind: rtfWord, word: "par"}
		}
		return rtfToken{kind: rtfSymbol, word: string(c)}
	}
	start := l.pos
	for l.pos < len(l.data) && isRTFLetter(l.data[l.pos]) {
		l.pos++
	}
	name := l.data[start:l.pos]
	if len(name) > rtfMaxWordLen {
		name = name[:rtfMaxWordLen]
	}
	tok := rtfToken{kind: rtfWord, word: string(name)}
	neg := false
	if l.pos < len(l.data) && l.data[l.pos] == '-' && l.pos+1 < len(l.data) && isDigit(l.data[l.pos+1]) {
		neg = true
		l.pos++
	}
	digits := 0
	for l.pos < len(l.data) && isDigit(l.data[l.pos]) {
		if digits < rtfMaxParamLen {
			tok.param = tok.param*10 + int(l.data[l.pos]-'0')
		}
		digits++
		tok.hasParam = true
		l.pos++
	}
	if neg {
		tok.param = -tok.param
	}
	if l.pos < len(l.data) && l.data[l.pos] == ' ' {
		l.pos++ // the delimiter belongs to the word
	}
	if tok.word == "bin" && tok.hasParam {
		n := tok.param
		if n < 0 {
			n = 0
		}
		if n > len(l.data)-l.pos {
			n = len(l.data) - l.pos
		}
		tok.kind = rtfBin
		tok.text = l.data[l.pos : l.pos+n]
		l.pos += n
	}
	return tok
}
