package ocr

import (
	"bytes"
	"errors"
	"image"
	"strconv"
)

// errPGM is returned for bytes that are not a binary 8-bit PGM image.
var errPGM = errors.New("not an 8-bit binary PGM image")

// decodePGM reads a binary PGM ("P5", maxval at most 255), as pdftoppm
// -gray writes it.
func decodePGM(b []byte) (*image.Gray, error) {
	if !bytes.HasPrefix(b, []byte("P5")) {
		return nil, errPGM
	}
	i := 2
	var v [3]int
	for k := range v {
		// Whitespace and comments before each number.
		for i < len(b) {
			if b[i] == '#' {
				for i < len(b) && b[i] != '\n' {
					i++
				}
				continue
			}
			if b[i] != ' ' && b[i] != '\t' && b[i] != '\n' && b[i] != '\r' {
				break
			}
			i++
		}
		j := i
		for j < len(b) && b[j] >= '0' && b[j] <= '9' {
			j++
		}
		n, err := strconv.Atoi(string(b[i:j]))
		if err != nil || n <= 0 || n > 1<<16 {
			return nil, errPGM
		}
		v[k] = n
		i = j
	}
	w, h, maxval := v[0], v[1], v[2]
	// One whitespace byte ends the header.
	if maxval > 255 || i >= len(b) || len(b)-i-1 < w*h {
		return nil, errPGM
	}
	i++
	g := image.NewGray(image.Rect(0, 0, w, h))
	copy(g.Pix, b[i:i+w*h])
	if maxval != 255 {
		for k, p := range g.Pix {
			g.Pix[k] = uint8(min(int(p), maxval) * 255 / maxval)
		}
	}
	return g, nil
}

// decodeGray reads a page image (PGM, or anything image.Decode reads) as
// a grey image.
func decodeGray(b []byte) (*image.Gray, error) {
	if bytes.HasPrefix(b, []byte("P5")) {
		return decodePGM(b)
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return toGray(img), nil
}
