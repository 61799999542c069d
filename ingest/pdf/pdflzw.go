package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"

	"vanban/internal/lazyregexp"
)

// LZW streams. ledongthuc/pdf knows only Flate and ASCII85 and panics on
// LZWDecode, which PDFs written before about 2001 use for their content
// streams. Such files are rewritten with their LZW streams decoded (the
// filter dropped from the stream dictionary), then the xref is rebuilt.
// Go's compress/lzw implements the GIF variant; PDF's default is the TIFF
// one ("early change"), so the decoder is here.

var (
	// lzwOnlyFilterRE matches a /Filter that is LZW alone.
	lzwOnlyFilterRE = lazyregexp.New(`/Filter[ \t\r\n]*(?:/LZWDecode|\[[ \t\r\n]*/LZWDecode[ \t\r\n]*\])`)
	earlyChangeRE   = lazyregexp.New(`/EarlyChange[ \t\r\n]+(\d)`)
	predictorRE     = lazyregexp.New(`/Predictor[ \t\r\n]+(\d+)`)
	decodeParmsRE   = lazyregexp.New(`/DecodeParms[ \t\r\n]*<<[^>]*>>`)
	// imageRE spots image XObjects, whose data text extraction never
	// reads: they stay compressed.
	imageRE = lazyregexp.New(`/Subtype[ \t\r\n]*/Image\b`)
)

// maxLZWOutput bounds what one LZW stream may decode to.
const maxLZWOutput = 256 << 20

// decodeLZWStreams rewrites data with its LZW-only streams decoded. It
// reports whether there was any, and notes damaged LZW data (decoded as
// far as it goes); the result has no valid xref yet.
func decodeLZWStreams(data []byte) (out []byte, changed bool, notes []string) {
	if !bytes.Contains(data, []byte("/LZWDecode")) || bytes.Contains(data, []byte("/Encrypt")) {
		return data, false, nil
	}
	objs := scanObjects(data)
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	for _, num := range sortedObjNums(objs) {
		o := objs[num]
		if typeXRefRE.Match(o.body) {
			continue
		}
		fmt.Fprintf(&buf, "%d %d obj\n", num, o.gen)
		body, sdata := o.body, o.stream
		if sdata != nil && lzwOnlyFilterRE.Match(body) && !predictorRE.Match(body) && !imageRE.Match(body) {
			early := 1
			if m := earlyChangeRE.FindSubmatch(body); m != nil {
				early, _ = strconv.Atoi(string(m[1]))
			}
			dec, err := lzwDecode(sdata, early)
			if err != nil {
				notes = append(notes, fmt.Sprintf("object %d: damaged LZW data, decoded in part (%v)", num, err))
			}
			sdata = dec
			body = lzwOnlyFilterRE.ReplaceAllLiteral(body, nil)
			body = decodeParmsRE.ReplaceAllLiteral(body, nil)
			changed = true
		}
		if sdata == nil {
			buf.Write(body)
			buf.WriteString("\nendobj\n")
			continue
		}
		body = lengthRE.ReplaceAllLiteral(body, []byte("/Length "+strconv.Itoa(len(sdata))))
		buf.Write(body)
		buf.WriteString("\nstream\n")
		buf.Write(sdata)
		buf.WriteString("\nendstream\nendobj\n")
	}
	if !changed {
		return data, false, nil
	}
	buf.WriteString("trailer\n<<")
	for _, k := range []*lazyregexp.Regexp{rootRefRE, infoRefRE} {
		if loc := lastMatch(k, data); loc != nil {
			buf.WriteString(" ")
			buf.Write(loc)
		}
	}
	buf.WriteString(" >>\n")
	return buf.Bytes(), true, notes
}

// lzwDecode decodes PDF LZW data (MSB-first codes of 9 to 12 bits, 256
// clears the table, 257 ends the data). early is the EarlyChange
// parameter: 1 (the default) widens codes one entry early, as TIFF does.
// On damaged data it returns what was decoded with an error.
func lzwDecode(src []byte, early int) ([]byte, error) {
	var out []byte
	var table [4096][]byte
	width, next := 9, 258
	var prev []byte
	var acc uint32
	nbits := 0
	pos := 0
	for {
		for nbits < width {
			if pos >= len(src) {
				return out, nil // no EOD code: end of data
			}
			acc = acc<<8 | uint32(src[pos])
			pos++
			nbits += 8
		}
		code := int(acc>>(nbits-width)) & (1<<width - 1)
		nbits -= width
		switch {
		case code == 256:
			width, next, prev = 9, 258, nil
			continue
		case code == 257:
			return out, nil
		}
		var entry []byte
		switch {
		case code < 256:
			entry = []byte{byte(code)}
		case code < next && table[code] != nil:
			entry = table[code]
		case code == next && prev != nil:
			entry = append(append([]byte(nil), prev...), prev[0])
		default:
			return out, errors.New("bad LZW code")
		}
		out = append(out, entry...)
		if len(out) > maxLZWOutput {
			return out[:maxLZWOutput], errors.New("LZW stream too large")
		}
		if prev != nil && next < 4096 {
			table[next] = append(append([]byte(nil), prev...), entry[0])
			next++
		}
		prev = entry
		if next+early >= 1<<width && width < 12 {
			width++
		}
	}
}
