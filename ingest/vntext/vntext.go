package vntext

import (
	"golang.org/x/text/encoding"
)

// Decode detects the encoding of a text file's bytes (BOMs, UTF-16, UTF-8,
// CP1258, TCVN3, VNI, VISCII) and returns the text as NFC UTF-8, the name of
// the encoding found and any warnings (an invalid byte run replaced, ...).
func Decode(b []byte) (text, encoding string, warnings []string) {
	return string(b), "utf-8", nil
}

// Repair undoes mojibake in s (TCVN3 or VNI bytes read as Latin-1/cp1252,
// UTF-8 read as cp1252), run by run. It returns s unchanged, and "", when
// nothing needed repair; otherwise the repaired text and the encoding the
// runs were repaired from.
func Repair(s string) (string, string) { return s, "" }

// Lookup returns the decoder for an encoding name ("tcvn3", "vni", "viscii",
// "cp1258", "utf-8", ...), or nil when the name is unknown.
func Lookup(name string) encoding.Encoding { return nil }
