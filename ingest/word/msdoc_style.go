package word

import (
	"encoding/binary"
	"sort"
)

// fcPlcfBtePapx is the FibRgFcLcb97 pair index of the paragraph
// formatting bin table.
const fcPlcfBtePapx = 13

// maxStyles bounds the styles read from a style sheet (Word allows 4094).
const maxStyles = 4096

// docPara is a run of paragraph formatting: bytes [fcStart, fcEnd) of the
// WordDocument stream are in paragraphs of style istd.
type docPara struct {
	fcStart, fcEnd uint32
	istd           int
}

// styleFonts reads the style sheet (STSH, [MS-DOC] 2.9.271) and returns,
// per style index (istd), the font its character properties set, its own
// or inherited from the styles it is based on, or the document's default
// font (STSHI ftcAsci) when none in the chain sets one; -1 when the
// default is unknown too. Text whose runs name no font takes the font of
// its paragraph's style: documents typed in TCVN3 or VNI often set the
// legacy font in the Normal or heading styles only.
func styleFonts(stsh []byte) []int {
	le := binary.LittleEndian
	if len(stsh) < 2 {
		return nil
	}
	cbStshi := int(le.Uint16(stsh))
	if cbStshi < 14 || 2+cbStshi > len(stsh) {
		return nil
	}
	stshi := stsh[2 : 2+cbStshi]
	cstd := min(int(le.Uint16(stshi)), maxStyles)
	cbSTDBase := int(le.Uint16(stshi[2:]))
	def := int(le.Uint16(stshi[12:]))
	if cbSTDBase < 10 {
		return []int{def} // no readable styles: Normal has the default
	}
	own := make([]int, cstd)  // font set by the style itself, -1 none
	base := make([]int, cstd) // istdBase, -1 none
	i := 2 + cbStshi
	for k := 0; k < cstd; k++ {
		own[k], base[k] = -1, -1
		if i+2 > len(stsh) {
			continue
		}
		cbStd := int(le.Uint16(stsh[i:]))
		i += 2
		if cbStd == 0 {
			continue // empty slot
		}
		if i+cbStd > len(stsh) {
			i = len(stsh)
			continue
		}
		std := stsh[i : i+cbStd]
		i += cbStd
		own[k], base[k] = stdFont(std, cbSTDBase)
	}
	fonts := make([]int, cstd)
	for k := range fonts {
		fonts[k] = def
		// follow istdBase: a style sets what its base sets unless it
		// overrides it; a chain longer than the sheet is a loop
		for s, n := k, 0; s >= 0 && s < cstd && n <= cstd; s, n = base[s], n+1 {
			if own[s] >= 0 {
				fonts[k] = own[s]
				break
			}
		}
	}
	return fonts
}

// stdFont returns the font a style definition (STD) sets in its character
// properties (-1 when none) and the style it is based on (-1 when none).
func stdFont(std []byte, cbSTDBase int) (ftc, istdBase int) {
	le := binary.LittleEndian
	if len(std) < cbSTDBase+2 {
		return -1, -1
	}
	stk := le.Uint16(std[2:]) & 0xF // 1 paragraph, 2 character style
	istdBase = int(le.Uint16(std[2:]) >> 4)
	if istdBase == 0xFFF {
		istdBase = -1
	}
	cupx := int(le.Uint16(std[4:]) & 0xF)
	// the name (Xstz: cch, chars, NUL), then the UPXs, each padded to an
	// even offset
	j := cbSTDBase
	cch := int(le.Uint16(std[j:]))
	j += 2 + cch*2 + 2
	for u := 0; u < cupx; u++ {
		if j%2 != 0 {
			j++
		}
		if j+2 > len(std) {
			break
		}
		cb := int(le.Uint16(std[j:]))
		j += 2
		if j+cb > len(std) {
			break
		}
		upx := std[j : j+cb]
		j += cb
		// a paragraph style's second UPX and a character style's first
		// are its character properties (a grpprl)
		if stk == 1 && u == 1 || stk == 2 && u == 0 {
			return grpprlFont(upx), istdBase
		}
	}
	return -1, istdBase
}

// parsePAPXParas reads the paragraph formatting bin table ([MS-DOC]
// 2.8.6): FCs, then the page numbers of 512-byte PAPX FKPs in the
// WordDocument stream. Each FKP holds crun paragraph runs (their FCs, then
// 13-byte BX entries whose first byte is the offset/2 of the run's PAPX,
// whose properties start with the style index istd).
func parsePAPXParas(wd, plc []byte) []docPara {
	var paras []docPara
	eachFKP(wd, plc, 13, func(page []byte, fcStart, fcEnd uint32, off int) {
		if off <= 0 || off >= 511 {
			return
		}
		// PapxInFkp: cb, or 0 and cb' (grpprl of 2*cb-1 or 2*cb' bytes)
		start := off + 1
		size := 2*int(page[off]) - 1
		if page[off] == 0 {
			start, size = off+2, 2*int(page[off+1])
		}
		if size < 2 || start+2 > 511 {
			return
		}
		p := docPara{fcStart: fcStart, fcEnd: fcEnd, istd: int(binary.LittleEndian.Uint16(page[start:]))}
		if p.fcEnd > p.fcStart {
			paras = append(paras, p)
		}
	})
	sort.SliceStable(paras, func(i, j int) bool { return paras[i].fcStart < paras[j].fcStart })
	return paras
}

// paraFont returns the font of the paragraph style of the byte at stream
// offset fc, or the Normal style's font when its paragraph is unknown.
func (f *docFile) paraFont(fc uint32) int {
	if len(f.paras) > 0 && len(f.styles) > 0 {
		i := f.lastPara
		if !(i < len(f.paras) && f.paras[i].fcStart <= fc && fc < f.paras[i].fcEnd) {
			i = sort.Search(len(f.paras), func(i int) bool { return f.paras[i].fcEnd > fc })
			f.lastPara = i
		}
		if i < len(f.paras) && f.paras[i].fcStart <= fc {
			if s := f.paras[i].istd; s >= 0 && s < len(f.styles) && f.styles[s] >= 0 {
				return f.styles[s]
			}
		}
	}
	return f.styleFtc
}
