// Package vntext is the Vietnamese text layer: decoders for the legacy 8-bit
// encodings (TCVN3, VNI, VISCII, CP1258) as x/text Encodings, detection of a
// text's encoding by the share of valid Vietnamese syllables, repair of
// mojibake, and the canonical forms used everywhere else: Clean (what the
// readers hand on), Normalize (one tone placement) and Fold (the search key).
// It also holds what every reader needs beside text, since a reader
// imports no package but this one: MetaDate (timestamps of document
// metadata) and EncCount (the tally of legacy encodings decoded).
// It depends on golang.org/x/text only.
package vntext
