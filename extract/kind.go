package extract

import (
	"bufio"
	"embed"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"vanban/ingest/vntext"
)

//go:embed data/*.tsv
var dataFS embed.FS

// docType is one row of data/types.tsv.
type docType struct {
	name  string   // type name, lowercase
	key   string   // foldKey(name)
	codes []string // type abbreviations, canonical first
	kind  string
}

// issuerCode is one row of data/issuers.tsv.
type issuerCode struct {
	code, family, name string
}

// kindTables are the tables read from data/types.tsv and
// data/issuers.tsv, built on first use (kindTab).
type kindTables struct {
	docTypes    []docType         // type-line names, longest name first
	kindByCode  map[string]string // lowercased type code → kind
	typeNames   []TypeName        // every name of data/types.tsv, in order
	kindByName  map[string]string // nameKey(name or code) → kind
	kindLabels  map[string]string // kind → the name it is shown by
	kinds       []string          // every kind, in the order of their label rows
	issuerCodes map[string][]issuerCode
	// typeFirstWords holds the first folded word of every type name.
	typeFirstWords map[string]struct{}
}

// kindTab returns the kind tables, reading them on the first call.
var kindTab = sync.OnceValue(readKindTables)

// readKindTables reads the kind tables from the embedded files.
func readKindTables() *kindTables {
	t := &kindTables{
		kindByName:     map[string]string{},
		kindLabels:     map[string]string{},
		typeFirstWords: map[string]struct{}{},
	}
	var codes [][2]string // nameKey(code), kind: after every name
	for _, row := range readTSV("data/types.tsv") {
		use := strings.Split(row[3], ",")
		t.typeNames = append(t.typeNames, TypeName{Name: row[0], Kind: row[2]})
		if _, ok := t.kindByName[nameKey(row[0])]; !ok {
			t.kindByName[nameKey(row[0])] = row[2]
		}
		for _, c := range strings.Split(row[1], ",") {
			if c = strings.TrimSpace(c); c != "" {
				codes = append(codes, [2]string{nameKey(c), row[2]})
			}
		}
		if hasWord(use, "label") {
			t.kindLabels[row[2]] = upperFirst(row[0])
			t.kinds = append(t.kinds, row[2])
		}
		if hasWord(use, "query") {
			continue // not a type line's name
		}
		dt := docType{name: row[0], key: foldKey(row[0]), kind: row[2]}
		for _, c := range strings.Split(row[1], ",") {
			if c = strings.TrimSpace(c); c != "" {
				dt.codes = append(dt.codes, c)
			}
		}
		t.docTypes = append(t.docTypes, dt)
		if f := strings.Fields(dt.key); len(f) > 0 {
			t.typeFirstWords[f[0]] = struct{}{}
		}
	}
	sort.SliceStable(t.docTypes, func(i, j int) bool { return len(t.docTypes[i].key) > len(t.docTypes[j].key) })
	t.kindByCode = map[string]string{}
	// Shortest names first so that, for a code shared by two rows (L for
	// luật and lệnh), the row listed first in the file wins.
	for _, row := range readTSV("data/types.tsv") {
		for _, c := range strings.Split(row[1], ",") {
			c = strings.ToLower(strings.TrimSpace(c))
			if _, ok := t.kindByCode[c]; c != "" && !ok {
				t.kindByCode[c] = row[2]
			}
		}
	}
	for _, c := range codes {
		if _, ok := t.kindByName[c[0]]; !ok {
			t.kindByName[c[0]] = c[1]
		}
	}
	t.issuerCodes = map[string][]issuerCode{}
	for _, row := range readTSV("data/issuers.tsv") {
		ic := issuerCode{code: row[0], family: row[1], name: row[2]}
		k := strings.ToLower(row[0])
		t.issuerCodes[k] = append(t.issuerCodes[k], ic)
	}
	return t
}

// readTSV returns the rows of an embedded tab-separated table, without
// comments and blank lines, each padded to at least four columns. The
// tables are part of the binary, so a broken one is a programming error
// caught by the tests, not bad input.
func readTSV(name string) [][]string {
	f, err := dataFS.Open(name)
	if err != nil {
		panic("extract: missing embedded table " + name)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		for len(cols) < 4 {
			cols = append(cols, "")
		}
		rows = append(rows, cols)
	}
	return rows
}

// TypeName is a Vietnamese name of a document type and its record kind.
type TypeName struct {
	Name string // lowercase, as in data/types.tsv ("nghị quyết")
	Kind string // the record kind ("resolution")
}

// TypeNames returns every name of data/types.tsv with its kind, in the
// table's order: the names of type lines, and the names users give kinds
// (bài báo, khác).
func TypeNames() []TypeName {
	return append([]TypeName(nil), kindTab().typeNames...)
}

// KindOfName returns the record kind that a user's name for a document
// type stands for: a name of data/types.tsv in any spelling that folds to
// the same words (vntext.Fold: "nghị quyết", "NGHI QUYET", "quy định" and
// "qui dinh" alike; "bài báo", "khác"), or a type code ("NQ", "QĐ", "qd").
// ok is false when name is none of these (a record kind itself, such as
// "resolution", is not a name).
func KindOfName(name string) (kind string, ok bool) {
	kind, ok = kindTab().kindByName[nameKey(name)]
	return kind, ok
}

// Kinds returns every record kind, in the order of their label rows in
// data/types.tsv, which is the record contract's order: law, decree,
// circular, resolution, decision, …, minutes, article, other. Exports list
// documents kind by kind in this order.
func Kinds() []string {
	return append([]string(nil), kindTab().kinds...)
}

// KindLabel returns the Vietnamese name a record kind is shown by, from
// data/types.tsv ("Nghị quyết" for resolution, "Khác" for other), or ""
// for a string that is no kind.
func KindLabel(kind string) string {
	return kindTab().kindLabels[kind]
}

// nameKey is the key of a type name or code in kindByName: folded the
// search way (vntext.Fold, so quy and qui meet) with single spaces.
func nameKey(s string) string {
	return strings.Join(strings.Fields(vntext.Fold(s)), " ")
}

func hasWord(ws []string, w string) bool {
	for _, x := range ws {
		if strings.TrimSpace(x) == w {
			return true
		}
	}
	return false
}

// upperFirst capitalizes the first letter of s ("nghị quyết" →
// "Nghị quyết").
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// KindOfTypeName returns the record kind of a document type name as written
// on a type line or before a cited number ("NGHỊ QUYẾT", "Thông tư liên
// tịch", "quy định"), matching the longest known name at the start of name,
// and that name's length in bytes of name. It returns "", 0 when name does
// not start with a known type.
func KindOfTypeName(name string) (kind string, n int) {
	// Type names have at most four words: fold only the first five.
	var words []string
	rest := name
	for len(words) < 5 {
		rest = strings.TrimLeft(rest, " \t\n\r\f")
		if rest == "" {
			break
		}
		end := strings.IndexAny(rest, " \t\n\r\f")
		if end < 0 {
			end = len(rest)
		}
		words = append(words, foldKey(rest[:end]))
		rest = rest[end:]
	}
	if len(words) == 0 {
		return "", 0
	}
	if _, ok := kindTab().typeFirstWords[words[0]]; !ok {
		return "", 0
	}
	for _, t := range kindTab().docTypes {
		tw := strings.Fields(t.key)
		if len(tw) > len(words) {
			continue
		}
		ok := true
		for i, w := range tw {
			if words[i] != w {
				ok = false
				break
			}
		}
		if ok {
			return t.kind, prefixWordsLen(name, len(tw))
		}
	}
	return "", 0
}

// prefixWordsLen returns the byte length of the first n words of s,
// including the spaces between them.
func prefixWordsLen(s string, n int) int {
	i := 0
	for w := 0; w < n; w++ {
		for i < len(s) && isByteSpace(s[i]) {
			i++
		}
		for i < len(s) && !isByteSpace(s[i]) {
			i++
		}
	}
	return i
}

func isByteSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }

// KindOfNumber returns the kind that a document number's type code gives
// ("02-NQ/ĐUK" → resolution, "176/1998/TTLT-BTC-BCN-TCHQ" → circular), or
// "" when the symbol has no known type code. A state number whose symbol is
// only issuer codes ("4021/VPCP-CN") is an official letter; a law number
// ("80/2015/QH13") is a law.
func KindOfNumber(number string) string {
	p := parseNumber(number)
	if p.typeCode != "" {
		if k, ok := kindTab().kindByCode[strings.ToLower(p.typeCode)]; ok {
			return k
		}
	}
	if len(p.codes) > 0 && strings.HasPrefix(strings.ToLower(p.codes[0]), "qh") && p.year != "" {
		return "law"
	}
	if !p.party && p.typeCode == "" && len(p.codes) > 0 && p.year == "" {
		return "official-letter"
	}
	return ""
}

// IssuerOfNumber spells out the issuer codes of a number's symbol
// ("176/1998/TTLT-BTC-BCN-TCHQ" → "Bộ Tài chính - Bộ Công nghiệp - Tổng cục
// Hải quan"), or "" when any code is unknown.
func IssuerOfNumber(number string) string {
	p := parseNumber(number)
	family := "state"
	if p.party {
		family = "party"
	}
	codes := p.codes
	if !p.party && p.typeCode == "" && len(codes) > 1 {
		// A state official letter: issuer, then the drafting unit.
		codes = codes[:1]
	}
	var names []string
	for _, c := range codes {
		name := ""
		for _, ic := range kindTab().issuerCodes[strings.ToLower(stripTrailingDigits(c))] {
			if ic.family == family || ic.family == "any" || name == "" {
				name = ic.name
				if ic.family == family {
					break
				}
			}
		}
		if name == "" {
			return ""
		}
		names = append(names, name)
	}
	return strings.Join(names, " - ")
}

func stripTrailingDigits(s string) string {
	return strings.TrimRight(s, "0123456789")
}

// numberParts is a document number split into its parts.
type numberParts struct {
	seq      string   // "02", "176"
	year     string   // "1998", or "" for Party and administrative numbers
	typeCode string   // "NQ", "TTLT", or ""
	codes    []string // issuer (and unit) codes after the type
	party    bool     // "02-NQ/ĐUK" form: hyphen after the sequence number
}

// parseNumber splits a normalized number ("02-NQ/ĐUK", "15/2011/NQ-HĐND",
// "4021/VPCP-CN", "80/2015/QH13").
func parseNumber(s string) numberParts {
	var p numberParts
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	// A sub-number before the year ("66.2/2025/NQ-CP").
	if i+1 < len(s) && s[i] == '.' && s[i+1] >= '0' && s[i+1] <= '9' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	p.seq = s[:i]
	rest := s[i:]
	// A letter suffix on the sequence number ("12a/...").
	for len(rest) > 0 && rest[0] >= 'a' && rest[0] <= 'z' {
		rest = rest[1:]
	}
	if strings.HasPrefix(rest, "-") {
		// Party: seq-TYPE/ISSUER[-ISSUER...]
		p.party = true
		rest = rest[1:]
		typ, iss, _ := strings.Cut(rest, "/")
		if t, sub, dotted := strings.Cut(typ, "."); dotted && sub != "" && kindTab().kindByCode[strings.ToLower(t)] != "" {
			// "QĐ.BQL": the type and the issuer's unit joined by a dot.
			typ, iss = t, sub+"/"+iss
		}
		if _, ok := kindTab().kindByCode[strings.ToLower(typ)]; ok {
			p.typeCode = typ
		} else if typ != "" {
			p.codes = append(p.codes, typ)
		}
		p.codes = append(p.codes, strings.FieldsFunc(iss, func(r rune) bool { return r == '-' || r == '/' })...)
		return p
	}
	rest = strings.TrimPrefix(rest, "/")
	if len(rest) >= 5 && allASCIIDigits(rest[:4]) && rest[4] == '/' {
		p.year = rest[:4]
		rest = rest[5:]
	}
	parts := strings.FieldsFunc(rest, func(r rune) bool { return r == '-' || r == '/' })
	if len(parts) > 0 {
		if t, sub, dotted := strings.Cut(parts[0], "."); dotted && sub != "" && kindTab().kindByCode[strings.ToLower(t)] != "" {
			// "41/QĐ.BQL-TC": the type and the issuer joined by a dot.
			parts = append([]string{t, sub}, parts[1:]...)
		}
		if _, ok := kindTab().kindByCode[strings.ToLower(parts[0])]; ok && len(parts) > 1 {
			p.typeCode = parts[0]
			parts = parts[1:]
		}
	}
	p.codes = parts
	return p
}

func allASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
