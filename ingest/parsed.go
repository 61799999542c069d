package ingest

// parsed is what a format reader hands to Read before the common steps
// (mojibake repair, cleanup, hashing) turn it into a Document.
type parsed struct {
	pages     []string          // text per page (one entry for unpaged formats)
	paged     bool              // pages are real pages
	encoding  string            // source character encoding, "" if the format fixes it
	title     string            // title from the file's metadata
	published string            // ISO date or datetime from the file's metadata
	meta      map[string]string // other metadata hints
	warnings  []string          // what went wrong without stopping the file
	noText    []int             // 1-based pages that paint something but have no text layer (PDF)
	images    int               // pages of an image file (PNG, JPEG, TIFF) to recognize
}

// The format readers. Each takes the file's path (for messages, and for the
// PDF worker) and its bytes, and returns an error that says what is wrong
// with the file (Read adds the path). They are variables so that a test can
// put a failing reader in one's place.
var (
	readPDF  = readPDFFile
	readDOCX = readDOCXFile
	readHTML = readHTMLFile
	readText = textReader
	readRTF  = readRTFFile
	readDOC  = readDOCFile
	readODT  = readODTFile
)
