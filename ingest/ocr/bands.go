package ocr

import (
	"bytes"
	"context"
	"image"
	"image/color"
	_ "image/jpeg" // page images tesseract is given
	"image/png"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Text bands tesseract's page layout drops. With --psm 3 a line of text
// that touches a rule (a title over a row of "=====", a motto over its
// underline) can be taken for part of a separator and left out. After a
// page is read, the rows of the image that hold ink but no recognized word
// are grouped into bands; a band of about one or two text lines' height is
// cut out and read alone as a block (--psm 6), and what it reads with a
// good confidence is put back among the page's lines at its place.

// Limits of the band pass.
const (
	maxBands     = 6  // bands read again per page
	bandMinConf  = 80 // mean word confidence a band's text must reach
	bandMinWords = 2
)

// wordBox is the vertical extent of a recognized word.
type wordBox struct{ top, bottom int }

// tsvWords returns the vertical boxes of the words of page 1 of a TSV.
func tsvWords(tsv []byte) []wordBox {
	var out []wordBox
	for _, row := range strings.Split(string(tsv), "\n") {
		f := strings.Split(row, "\t")
		if len(f) < 12 || f[0] != "5" || strings.TrimSpace(f[11]) == "" {
			continue
		}
		top, err1 := strconv.Atoi(f[7])
		h, err2 := strconv.Atoi(f[9])
		if err1 != nil || err2 != nil {
			continue
		}
		out = append(out, wordBox{top, top + h})
	}
	return out
}

// missedBands returns the row ranges [y0, y1) of img that hold ink but no
// word of words and are about a text line high.
func missedBands(img image.Image, words []wordBox) [][2]int {
	if len(words) < 3 {
		return nil
	}
	hs := make([]int, len(words))
	for i, w := range words {
		hs[i] = w.bottom - w.top
	}
	slices.Sort(hs)
	lineH := max(hs[len(hs)/2], 8)
	b := img.Bounds()
	covered := make([]bool, b.Dy())
	for _, w := range words {
		pad := lineH / 3
		for y := max(w.top-pad, 0); y < min(w.bottom+pad, len(covered)); y++ {
			covered[y] = true
		}
	}
	// Ink per row, every second pixel; margins of 4% left out (scanner
	// edges).
	x0, x1 := b.Min.X+b.Dx()/25, b.Max.X-b.Dx()/25
	inked := make([]bool, b.Dy())
	gray, _ := img.(*image.Gray)
	for y := 0; y < b.Dy(); y++ {
		n := 0
		for x := x0; x < x1; x += 2 {
			var v uint8
			if gray != nil {
				v = gray.Pix[gray.PixOffset(x, b.Min.Y+y)]
			} else {
				v = color.GrayModel.Convert(img.At(x, b.Min.Y+y)).(color.Gray).Y
			}
			if v < 110 {
				n++
			}
		}
		inked[y] = n >= 6
	}
	var bands [][2]int
	for y := 0; y < len(inked); {
		if !inked[y] || covered[y] {
			y++
			continue
		}
		start, gap := y, 0
		for y < len(inked) && !covered[y] && gap <= lineH/4 {
			if inked[y] {
				gap = 0
			} else {
				gap++
			}
			y++
		}
		end := y - gap
		if h := end - start; h >= lineH/2 && h <= 3*lineH {
			bands = append(bands, [2]int{start, end})
		}
	}
	if len(bands) > maxBands {
		bands = bands[:maxBands]
	}
	return bands
}

// recoverBands reads the missed bands of a one-page image and returns the
// TSV with the lines read in them inserted at their place (as blocks
// numbered from 10000); the TSV is returned as it is when nothing is
// found or the image cannot be decoded.
func (e *Engine) recoverBands(ctx context.Context, img, tsv []byte) []byte {
	pic, err := decodeGray(img)
	if err != nil {
		return tsv
	}
	words := tsvWords(tsv)
	var rules []rule
	if len(words) >= 3 {
		hs := make([]int, len(words))
		for i, w := range words {
			hs[i] = w.bottom - w.top
		}
		slices.Sort(hs)
		rules = findRules(pic, tsvRects(tsv), hs[len(hs)/2])
	}
	for _, r := range rules {
		words = append(words, wordBox{r.box.y0, r.box.y1})
	}
	bands := missedBands(pic, words)
	if len(bands) == 0 && len(rules) == 0 {
		return tsv
	}
	rows := strings.Split(strings.TrimRight(string(tsv), "\n"), "\n")
	b := pic.Bounds()
	for k, band := range bands {
		margin := (band[1] - band[0]) / 2
		y0, y1 := max(band[0]-margin, 0), min(band[1]+margin, b.Dy())
		var buf bytes.Buffer
		if err := png.Encode(&buf, pic.SubImage(image.Rect(b.Min.X, b.Min.Y+y0, b.Max.X, b.Min.Y+y1))); err != nil {
			continue
		}
		cmd := exec.CommandContext(ctx, "tesseract", "stdin", "stdout", "-l", e.opts.Lang, "--psm", "6", "tsv")
		cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
		cmd.Stdin = &buf
		out, err := cmd.Output()
		if err != nil {
			continue
		}
		extra := bandRows(out, y0, 10000+k)
		if extra == nil {
			continue
		}
		// Before the first word below the band.
		at := len(rows)
		for i, r := range rows {
			f := strings.Split(r, "\t")
			if len(f) >= 12 && f[0] == "5" {
				if top, err := strconv.Atoi(f[7]); err == nil && top >= band[1] {
					at = i
					break
				}
			}
		}
		rows = slices.Insert(rows, at, extra...)
	}
	rows = insertRules(rows, rules)
	return []byte(strings.Join(rows, "\n") + "\n")
}

// bandRows returns the word rows of a band's TSV, moved down by dy and
// given block number block, when they read as text: at least
// bandMinWords words, a mean confidence of bandMinConf, mostly letters.
func bandRows(tsv []byte, dy, block int) []string {
	var rows []string
	var conf float64
	letters, chars := 0, 0
	for _, row := range strings.Split(string(tsv), "\n") {
		f := strings.Split(strings.TrimRight(row, "\r"), "\t")
		if len(f) < 12 || f[0] != "5" || strings.TrimSpace(f[11]) == "" {
			continue
		}
		c, err := strconv.ParseFloat(f[10], 64)
		top, err2 := strconv.Atoi(f[7])
		if err != nil || err2 != nil {
			return nil
		}
		conf += c
		for _, r := range f[11] {
			chars++
			if unicode.IsLetter(r) {
				letters++
			}
		}
		f[1] = "1"
		f[2] = strconv.Itoa(block)
		f[7] = strconv.Itoa(top + dy)
		rows = append(rows, strings.Join(f, "\t"))
	}
	if len(rows) < bandMinWords || conf/float64(len(rows)) < bandMinConf || letters*2 < chars {
		return nil
	}
	return rows
}
