package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"

	"vanban/internal/lazyregexp"
)

// objHeaderRE matches an indirect object header "12 0 obj".
var objHeaderRE = lazyregexp.New(`(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj\b`)

// refRE matches "/Key N G R" in a dictionary's text.
func refRE(key string) *lazyregexp.Regexp {
	return lazyregexp.New(`/` + key + `[ \t\r\n]*(\d+)[ \t\r\n]+(\d+)[ \t\r\n]+R`)
}

// intKeyRE matches "/Key N" in a dictionary's text.
func intKeyRE(key string) *lazyregexp.Regexp {
	return lazyregexp.New(`/` + key + `[ \t\r\n]+(\d+)\b`)
}

var (
	rootRefRE  = refRE("Root")
	infoRefRE  = refRE("Info")
	cryptRefRE = refRE("Encrypt")
	idRE       = lazyregexp.New(`/ID[ \t\r\n]*\[[^\]]{0,600}\]`)
	catalogRE  = lazyregexp.New(`/Type[ \t\r\n]*/Catalog\b`)
	objStmRE   = lazyregexp.New(`/Type[ \t\r\n]*/ObjStm\b`)
	nKeyRE     = intKeyRE("N")
	firstKeyRE = intKeyRE("First")
	streamKwRE = lazyregexp.New(`stream(\r\n|\n|\r)`)
	flateRE    = lazyregexp.New(`/FlateDecode\b`)
	// lengthValRE and lengthRefRE read a stream's /Length; /Length1 etc.
	// (font programs) do not match.
	lengthValRE = intKeyRE("Length")
	lengthRefRE = refRE("Length")
)

// maxRepairSize is the largest file rebuildXref works on.
const maxRepairSize = 512 << 20

// scannedObj is an object found by scanning: at a byte offset, or inside
// an object stream.
type scannedObj struct {
	gen      int
	offset   int64
	inStream bool
	stream   int // object stream number
	index    int // index inside the object stream
}

// rebuildXref makes a new cross-reference section for a PDF whose own is
// missing or wrong (truncated files, shifted offsets): it scans the bytes
// for "N G obj" headers and for the objects packed in object streams, finds
// the trailer's /Root, /Info, /Encrypt and /ID (or the catalog object), and
// appends an xref stream that points at what it found. The original bytes
// are kept unchanged, so every offset stays valid.
func rebuildXref(data []byte) ([]byte, error) {
	if len(data) > maxRepairSize {
		return nil, errors.New("file too large to repair")
	}
	objs := make(map[int]scannedObj)
	dicts := make(map[int][]byte) // object number -> its dictionary's text
	raw := scanObjects(data)
	for num, o := range raw {
		objs[num] = scannedObj{gen: o.gen, offset: o.offset}
		dicts[num] = o.body
	}
	if len(objs) == 0 {
		return nil, errors.New("no objects found")
	}

	// The trailer: the last "trailer" dictionary, else the last xref
	// stream's dictionary.
	var trailer []byte
	if i := bytes.LastIndex(data, []byte("trailer")); i >= 0 {
		trailer = data[i:min(len(data), i+2048)]
	}
	findRef := func(re *lazyregexp.Regexp) string {
		if trailer != nil {
			if m := re.FindSubmatch(trailer); m != nil {
				return string(m[1]) + " " + string(m[2]) + " R"
			}
		}
		// Xref stream dictionaries carry the same keys.
		for _, num := range sortedKeys(dicts) {
			d := dicts[num]
			if bytes.Contains(d, []byte("/XRef")) {
				if m := re.FindSubmatch(d); m != nil {
					return string(m[1]) + " " + string(m[2]) + " R"
				}
			}
		}
		return ""
	}
	root := findRef(rootRefRE)
	if root != "" {
		var n int
		fmt.Sscanf(root, "%d", &n)
		if _, ok := objs[n]; !ok {
			root = ""
		}
	}
	encrypted := findRef(cryptRefRE) != ""

	// Objects packed in object streams (readable only when not encrypted).
	if !encrypted {
		for _, num := range sortedKeys(dicts) {
			d := dicts[num]
			if !objStmRE.Match(d) {
				continue
			}
			for idx, id := range objStmContents(raw[num].stream, d) {
				if _, direct := objs[id]; !direct {
					objs[id] = scannedObj{inStream: true, stream: num, index: idx}
				}
			}
		}
	}
	if root == "" {
		for _, num := range sortedKeys(dicts) {
			if catalogRE.Match(dicts[num]) {
				root = fmt.Sprintf("%d %d R", num, objs[num].gen)
			}
		}
	}
	if root == "" {
		return nil, errors.New("no document catalog found")
	}

	tbl, size := xrefTable(objs)
	out := make([]byte, 0, len(data)+tbl.Len()+512)
	out = append(out, data...)
	out = append(out, '\n')
	xrefOff := len(out)
	dict := fmt.Sprintf("%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root %s", size-1, size, root)
	if info := findRef(infoRefRE); info != "" {
		dict += " /Info " + info
	}
	if c := findRef(cryptRefRE); c != "" {
		dict += " /Encrypt " + c
	}
	if trailer != nil {
		if m := idRE.Find(trailer); m != nil {
			dict += " " + string(m)
		}
	} else {
		for _, num := range sortedKeys(dicts) {
			if d := dicts[num]; bytes.Contains(d, []byte("/XRef")) {
				if m := idRE.Find(d); m != nil {
					dict += " " + string(m)
				}
			}
		}
	}
	dict += fmt.Sprintf(" /Length %d >>\nstream\n", tbl.Len())
	out = append(out, dict...)
	out = append(out, tbl.Bytes()...)
	out = append(out, fmt.Sprintf("\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xrefOff)...)
	return out, nil
}

// xrefTable returns the rows of an xref stream (/W [1 4 2]) for objs, from
// object 0 to one past the highest number (the xref stream's own), and
// the /Size: a free entry for each number not found.
func xrefTable(objs map[int]scannedObj) (*bytes.Buffer, int) {
	maxNum := 0
	for n := range objs {
		maxNum = max(maxNum, n)
	}
	size := maxNum + 2
	var tbl bytes.Buffer
	for n := 0; n < size; n++ {
		o, ok := objs[n]
		var rec [7]byte
		switch {
		case n == 0 || !ok:
			rec[0] = 0
			binary.BigEndian.PutUint16(rec[5:], 0xFFFF)
			if n != 0 {
				binary.BigEndian.PutUint16(rec[5:], 0)
			}
		case o.inStream:
			rec[0] = 2
			binary.BigEndian.PutUint32(rec[1:], uint32(o.stream))
			binary.BigEndian.PutUint16(rec[5:], uint16(o.index))
		default:
			rec[0] = 1
			binary.BigEndian.PutUint32(rec[1:], uint32(o.offset))
			binary.BigEndian.PutUint16(rec[5:], uint16(o.gen))
		}
		tbl.Write(rec[:])
	}
	return &tbl, size
}

// rawObj is an indirect object found by scanning the file.
type rawObj struct {
	gen    int
	offset int64  // where "N G obj" starts
	body   []byte // the object's text before "stream" or "endobj"
	stream []byte // the stream data, nil if none
}

// scanObjects finds every "N G obj" in data (the last definition of a
// number wins, as in an incrementally updated file) with its body and
// stream data. Stream data is skipped over, so that bytes inside a stream
// are not taken for objects; a body without "endobj" ends where the next
// object starts.
func scanObjects(data []byte) map[int]rawObj {
	objs := make(map[int]rawObj)
	pos := 0
	for pos < len(data) {
		loc := objHeaderRE.FindSubmatchIndex(data[pos:])
		if loc == nil {
			break
		}
		start := pos + loc[0]
		if start > 0 && !isPDFDelim(data[start-1]) {
			pos += loc[1]
			continue
		}
		num, _ := strconv.Atoi(string(data[pos+loc[2] : pos+loc[3]]))
		gen, _ := strconv.Atoi(string(data[pos+loc[4] : pos+loc[5]]))
		bodyStart := pos + loc[1]
		rest := data[bodyStart:]
		end := bytes.Index(rest, []byte("endobj"))
		sk := streamKwRE.FindIndex(rest)
		next := objHeaderRE.FindIndex(rest)
		if sk != nil && (end < 0 || sk[0] < end) && (next == nil || sk[0] < next[0]) {
			body := rest[:sk[0]]
			es := bytes.Index(rest[sk[1]:], []byte("endstream"))
			if es < 0 {
				// Truncated inside the stream: keep what is there.
				objs[num] = rawObj{gen: gen, offset: int64(start), body: bytes.TrimSpace(body), stream: rest[sk[1]:]}
				break
			}
			sdata := rest[sk[1] : sk[1]+es]
			if m := lengthValRE.FindSubmatch(body); m != nil && !lengthRefRE.Match(body) {
				if l, err := strconv.Atoi(string(m[1])); err == nil && l <= len(sdata) {
					sdata = sdata[:l]
				}
			}
			objs[num] = rawObj{gen: gen, offset: int64(start), body: bytes.TrimSpace(body), stream: sdata}
			pos = bodyStart + sk[1] + es + len("endstream")
			continue
		}
		if end < 0 {
			end = len(rest)
		}
		if next != nil && next[0] < end {
			end = next[0]
		}
		objs[num] = rawObj{gen: gen, offset: int64(start), body: bytes.TrimSpace(rest[:end])}
		pos = bodyStart + end
	}
	return objs
}

// objStmContents lists the object numbers packed in an object stream, in
// order, given its raw (Flate) data and its dictionary.
func objStmContents(raw, dict []byte) []int {
	mn := nKeyRE.FindSubmatch(dict)
	mf := firstKeyRE.FindSubmatch(dict)
	if mn == nil || mf == nil || !flateRE.Match(dict) {
		return nil
	}
	n, _ := strconv.Atoi(string(mn[1]))
	first, _ := strconv.Atoi(string(mf[1]))
	if n <= 0 || n > 1<<20 || first <= 0 || first > 1<<24 {
		return nil
	}
	zr, err := zlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil
	}
	head := make([]byte, first)
	m, _ := io.ReadFull(zr, head)
	head = head[:m]
	var ids []int
	fields := bytes.Fields(head)
	for i := 0; i+1 < len(fields) && len(ids) < n; i += 2 {
		id, err := strconv.Atoi(string(fields[i]))
		if err != nil {
			break
		}
		ids = append(ids, id)
	}
	return ids
}

func isPDFDelim(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '\f', 0, '>', ']', ')', '}':
		return true
	}
	return false
}

func sortedKeys(m map[int][]byte) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}

// filterEntryRE matches a /Filter entry: one name or an array of names.
var filterEntryRE = lazyregexp.New(`/Filter[ \t\r\n]*(?:\[[^\]]{0,200}\]|/[A-Za-z0-9]+)`)

// abbrevFilterRE matches the abbreviated filter names of inline images
// (PDF 32000-1 table 94), which some old producers also wrote in stream
// dictionaries; ledongthuc/pdf knows only the full names.
var abbrevFilterRE = lazyregexp.New(`/(Fl|A85|AHx|LZW|RL|CCF|DCT)\b`)

var abbrevFilters = map[string]string{
	"Fl": "FlateDecode", "A85": "ASCII85Decode", "AHx": "ASCIIHexDecode", "LZW": "LZWDecode",
	"RL": "RunLengthDecode", "CCF": "CCITTFaxDecode", "DCT": "DCTDecode",
}

// expandFilterNames rewrites abbreviated filter names in /Filter entries
// to their full names. It reports whether it changed anything; the byte
// offsets then need rebuildXref.
func expandFilterNames(data []byte) ([]byte, bool) {
	locs := filterEntryRE.FindAllIndex(data, -1)
	changed := false
	for _, l := range locs {
		if abbrevFilterRE.Match(data[l[0]:l[1]]) {
			changed = true
			break
		}
	}
	if !changed {
		return data, false
	}
	out := make([]byte, 0, len(data)+len(locs)*10)
	prev := 0
	for _, l := range locs {
		out = append(out, data[prev:l[0]]...)
		out = append(out, abbrevFilterRE.ReplaceAllFunc(data[l[0]:l[1]], func(m []byte) []byte {
			return []byte("/" + abbrevFilters[string(m[1:])])
		})...)
		prev = l[1]
	}
	out = append(out, data[prev:]...)
	return out, true
}
