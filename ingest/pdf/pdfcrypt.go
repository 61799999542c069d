package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"regexp"
	"sort"
	"strconv"

	"github.com/ledongthuc/pdf"

	"vanban/internal/lazyregexp"
)

// AES-256 encryption (security handler revision 5 and 6, PDF 2.0) is not
// supported by ledongthuc/pdf. When the user password is empty (files that
// only carry an owner password and restrictions), the file key can be
// derived without asking anyone; the file is then rewritten without
// encryption and opened normally.

var (
	encryptRefRE = lazyregexp.New(`/Encrypt[ \t\r\n]*(\d+)[ \t\r\n]+(\d+)[ \t\r\n]+R`)
	typeXRefRE   = lazyregexp.New(`/Type[ \t\r\n]*/XRef\b`)
	typeMetaRE   = lazyregexp.New(`/Type[ \t\r\n]*/Metadata\b`)
	lengthRE     = lazyregexp.New(`/Length[ \t\r\n]+\d+(?:[ \t\r\n]+\d+[ \t\r\n]+R)?`)
)

// decryptAES256 opens a PDF encrypted with AES-256 under the empty user
// password, and returns its permission flags. A file whose user password
// is not empty is ErrPassword.
func decryptAES256(data []byte) (*pdf.Reader, int64, error) {
	plain, perms, err := decryptAES256Bytes(data)
	if err != nil {
		return nil, 0, err
	}
	r, err := pdf.NewReader(bytes.NewReader(plain), int64(len(plain)))
	if err != nil {
		return nil, 0, fmt.Errorf("malformed PDF: after AES-256 decryption: %w", err)
	}
	return r, perms, nil
}

// decryptAES256Bytes returns data rewritten without AES-256 encryption,
// and the permission flags.
func decryptAES256Bytes(data []byte) ([]byte, int64, error) {
	m := encryptRefRE.FindAllSubmatch(data, -1)
	if m == nil {
		return nil, 0, fmt.Errorf("%w: no /Encrypt entry found", ErrUnsupportedCrypt)
	}
	last := m[len(m)-1]
	encNum, _ := strconv.Atoi(string(last[1]))
	objs := scanObjects(data)
	enc, ok := objs[encNum]
	if !ok {
		return nil, 0, fmt.Errorf("%w: encryption dictionary not found", ErrUnsupportedCrypt)
	}
	dict := enc.body
	r, _ := strconv.Atoi(dictValue(dict, "R"))
	u := []byte(dictString(dict, "U"))
	ue := []byte(dictString(dict, "UE"))
	if (r != 5 && r != 6) || len(u) < 48 || len(ue) < 32 {
		return nil, 0, fmt.Errorf("%w: security handler revision %d", ErrUnsupportedCrypt, r)
	}
	key, err := aes256FileKey(r, u, ue, nil)
	if err != nil {
		return nil, 0, err
	}
	perms, _ := strconv.ParseInt(dictValue(dict, "P"), 10, 64)
	encryptMeta := !bytes.Contains(dict, []byte("/EncryptMetadata false"))

	var out bytes.Buffer
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	for _, num := range sortedObjNums(objs) {
		o := objs[num]
		if num == encNum || typeXRefRE.Match(o.body) {
			continue
		}
		body := decryptStrings(o.body, key)
		fmt.Fprintf(&out, "%d %d obj\n", num, o.gen)
		if o.stream == nil {
			out.Write(body)
			out.WriteString("\nendobj\n")
			continue
		}
		sdata := o.stream
		if encryptMeta || !typeMetaRE.Match(o.body) {
			if d, ok := aesCBCDecrypt(key, sdata); ok {
				sdata = d
			}
		}
		body = lengthRE.ReplaceAllLiteral(body, []byte("/Length "+strconv.Itoa(len(sdata))))
		out.Write(body)
		out.WriteString("\nstream\n")
		out.Write(sdata)
		out.WriteString("\nendstream\nendobj\n")
	}
	// A trailer that rebuildXref reads: /Root, /Info and /ID from the
	// original trailer or xref stream, no /Encrypt.
	out.WriteString("trailer\n<<")
	for _, k := range []*lazyregexp.Regexp{rootRefRE, infoRefRE} {
		if loc := lastMatch(k, data); loc != nil {
			out.WriteString(" ")
			out.Write(loc)
		}
	}
	out.WriteString(" >>\n")
	plain, err := rebuildXref(out.Bytes())
	return plain, perms, err
}

func lastMatch(re *lazyregexp.Regexp, data []byte) []byte {
	all := re.FindAll(data, -1)
	if len(all) == 0 {
		return nil
	}
	return all[len(all)-1]
}

// aes256FileKey derives the file key for the empty user password
// (PDF 2.0 §7.6.4.3.3, algorithms 2.A and 2.B; revision 5 uses plain
// SHA-256). It returns ErrPassword when the user password is not empty.
func aes256FileKey(rev int, u, ue, password []byte) ([]byte, error) {
	hashFn := func(salt []byte) []byte {
		if rev == 5 {
			h := sha256.New()
			h.Write(password)
			h.Write(salt)
			return h.Sum(nil)
		}
		return hash2B(password, salt, nil)
	}
	if !bytes.Equal(hashFn(u[32:40]), u[:32]) {
		return nil, ErrPassword
	}
	ik := hashFn(u[40:48])
	block, err := aes.NewCipher(ik)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnsupportedCrypt, err)
	}
	key := make([]byte, 32)
	cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(key, ue[:32])
	return key, nil
}

// hash2B is algorithm 2.B of ISO 32000-2.
func hash2B(password, salt, udata []byte) []byte {
	h := sha256.New()
	h.Write(password)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	for i := 0; ; i++ {
		var k1 []byte
		for j := 0; j < 64; j++ {
			k1 = append(k1, password...)
			k1 = append(k1, k...)
			k1 = append(k1, udata...)
		}
		block, _ := aes.NewCipher(k[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		var hf hash.Hash
		switch sum % 3 {
		case 0:
			hf = sha256.New()
		case 1:
			hf = sha512.New384()
		default:
			hf = sha512.New()
		}
		hf.Write(e)
		k = hf.Sum(nil)
		if i >= 63 && int(e[len(e)-1]) <= i+1-32 {
			break
		}
		if i > 1000 {
			break
		}
	}
	return k[:32]
}

// aesCBCDecrypt decrypts data laid out as a 16-byte IV and AES-CBC blocks
// with PKCS#5 padding. ok is false when data cannot be that.
func aesCBCDecrypt(key, data []byte) ([]byte, bool) {
	if len(data) < 32 || len(data)%16 != 0 {
		// Stream data may carry a stray end-of-line before endstream.
		trimmed := bytes.TrimRight(data, "\r\n")
		if len(trimmed) < 32 || len(trimmed)%16 != 0 {
			return nil, false
		}
		data = trimmed
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, false
	}
	out := make([]byte, len(data)-16)
	cipher.NewCBCDecrypter(block, data[:16]).CryptBlocks(out, data[16:])
	if n := int(out[len(out)-1]); n >= 1 && n <= 16 && n <= len(out) {
		out = out[:len(out)-n]
	}
	return out, true
}

// decryptStrings rewrites the literal and hex strings of an object body
// decrypted, as hex strings.
func decryptStrings(body, key []byte) []byte {
	var out bytes.Buffer
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case c == '%':
			j := bytes.IndexAny(body[i:], "\r\n")
			if j < 0 {
				j = len(body) - i
			}
			out.Write(body[i : i+j])
			i += j
		case c == '(':
			s, n := readLiteral(body[i:])
			writeDecrypted(&out, key, s)
			i += n
		case c == '<' && i+1 < len(body) && body[i+1] == '<':
			out.WriteString("<<")
			i += 2
		case c == '<':
			j := bytes.IndexByte(body[i:], '>')
			if j < 0 {
				out.Write(body[i:])
				i = len(body)
				continue
			}
			writeDecrypted(&out, key, decodeHexString(body[i+1:i+j]))
			i += j + 1
		default:
			out.WriteByte(c)
			i++
		}
	}
	return out.Bytes()
}

func writeDecrypted(out *bytes.Buffer, key, s []byte) {
	if d, ok := aesCBCDecrypt(key, s); ok {
		s = d
	}
	out.WriteByte('<')
	out.WriteString(hex.EncodeToString(s))
	out.WriteByte('>')
}

// readLiteral reads a literal string at the start of b ("(" ... ")"),
// returning its bytes and the length consumed.
func readLiteral(b []byte) ([]byte, int) {
	var s []byte
	depth := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch c {
		case '(':
			if depth > 0 {
				s = append(s, c)
			}
			depth++
		case ')':
			depth--
			if depth == 0 {
				return s, i + 1
			}
			s = append(s, c)
		case '\\':
			i++
			if i >= len(b) {
				return s, i
			}
			switch e := b[i]; e {
			case 'n':
				s = append(s, '\n')
			case 'r':
				s = append(s, '\r')
			case 't':
				s = append(s, '\t')
			case 'b':
				s = append(s, '\b')
			case 'f':
				s = append(s, '\f')
			case '\r':
				if i+1 < len(b) && b[i+1] == '\n' {
					i++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v := 0
					for k := 0; k < 3 && i < len(b) && b[i] >= '0' && b[i] <= '7'; k++ {
						v = v*8 + int(b[i]-'0')
						i++
					}
					i--
					s = append(s, byte(v))
				} else {
					s = append(s, e)
				}
			}
		default:
			s = append(s, c)
		}
	}
	return s, len(b)
}

func decodeHexString(h []byte) []byte {
	var clean []byte
	for _, c := range h {
		if isHex(c) {
			clean = append(clean, c)
		}
	}
	if len(clean)%2 == 1 {
		clean = append(clean, '0')
	}
	out := make([]byte, len(clean)/2)
	_, _ = hex.Decode(out, clean)
	return out
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// dictValue returns the token after /key in a dictionary's text.
func dictValue(dict []byte, key string) string {
	re := regexp.MustCompile(`/` + key + `[ \t\r\n]+([^ \t\r\n/<>\[\]()]+)`)
	m := re.FindSubmatch(dict)
	if m == nil {
		return ""
	}
	return string(m[1])
}

// dictString returns the string value of /key (hex or literal).
func dictString(dict []byte, key string) string {
	re := regexp.MustCompile(`/` + key + `[ \t\r\n]*([<(])`)
	loc := re.FindSubmatchIndex(dict)
	if loc == nil {
		return ""
	}
	start := loc[2]
	if dict[start] == '(' {
		s, _ := readLiteral(dict[start:])
		return string(s)
	}
	j := bytes.IndexByte(dict[start:], '>')
	if j < 0 {
		return ""
	}
	return string(decodeHexString(dict[start+1 : start+j]))
}

func sortedObjNums(m map[int]rawObj) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}
