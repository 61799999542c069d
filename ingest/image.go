package ingest

import (
	"encoding/binary"
	"fmt"
)

// readImage is the reader of image files: it only counts the pages (the
// IFDs of a TIFF); the front door sends the bytes to OCR.
func readImage(path string, data []byte) (parsed, error) {
	n := 1
	if len(data) >= 8 && (string(data[:4]) == "II*\x00" || string(data[:4]) == "MM\x00*") {
		var err error
		if n, err = tiffPages(data); err != nil {
			return parsed{}, fmt.Errorf("%w: TIFF: %v", ErrCorrupt, err)
		}
	}
	return parsed{paged: true, images: n}, nil
}

// maxTIFFPages bounds the IFD chain a TIFF may have.
const maxTIFFPages = 10000

// tiffPages counts the image file directories (pages) of a TIFF, guarding
// against loops and offsets out of the file.
func tiffPages(data []byte) (int, error) {
	var bo binary.ByteOrder = binary.LittleEndian
	if data[0] == 'M' {
		bo = binary.BigEndian
	}
	off := int64(bo.Uint32(data[4:8]))
	seen := map[int64]bool{}
	n := 0
	for off != 0 {
		if off < 8 || off+2 > int64(len(data)) || seen[off] {
			if n > 0 {
				return n, nil // a bad link after good pages: read those
			}
			return 0, fmt.Errorf("bad directory offset %d", off)
		}
		seen[off] = true
		n++
		if n > maxTIFFPages {
			return 0, fmt.Errorf("more than %d pages", maxTIFFPages)
		}
		entries := int64(bo.Uint16(data[off:]))
		next := off + 2 + 12*entries
		if next+4 > int64(len(data)) {
			return n, nil
		}
		off = int64(bo.Uint32(data[next:]))
	}
	return n, nil
}
