package extract

import "strings"

// Results and forecasts beside targets. An article that quotes next
// year's targets also reports this year's results ("xuất siêu đạt hơn 20
// tỷ USD", "lợi nhuận sau thuế đạt gần 1.328 tỷ đồng") and forecasts; the
// signals here help the model tell them apart.

// resultFeatures adds the words of the quantity's comparator ("cw=hơn",
// "cw=gần", "cw=ít_nhất"): a result is reported "hơn" or "gần" a figure,
// a goal is set "trên", "khoảng" or "ít nhất" one.
func resultFeatures(fs *tgFeatures, toks []tgTok, q tgQty) {
	if w := tgCmpWords(toks, q); w != "" {
		fs.add("cw=" + w)
	}
}

// tgCmpWords returns the words written before the number of q as part of
// it (its comparator and "từ"), lower case and joined by "_"; "" when
// there are none.
func tgCmpWords(toks []tgTok, q tgQty) string {
	var ws []string
	for i := q.first; i < q.numTok && i < len(toks); i++ {
		if toks[i].kind == tgWord {
			ws = append(ws, toks[i].low)
		}
	}
	return strings.Join(ws, "_")
}

// tgBaselineVeto is the veto of the value a change starts from.
const tgBaselineVeto = "the starting value of a change"

// tgChangeFrom reports whether q is the value a change starts from: it
// opens with "từ" and "xuống" or "lên" follows it (not "trở lên"), before
// any other number (a denominator aside) and within six tokens of it ("giảm từ 23 ca sinh/1.000
// phụ nữ xuống 18", "từ 25-27% hiện nay xuống còn dưới 10%", "tăng từ 5,1%
// lên 25%"). The document sets out to reach where the change ends, not
// where it starts.
func tgChangeFrom(toks []tgTok, q tgQty) bool {
	if q.first >= len(toks) || q.first >= q.numTok || toks[q.first].low != "từ" {
		return false
	}
	for i := q.last; i < len(toks) && i < q.last+6; i++ {
		t := toks[i]
		if t.kind == tgNum && toks[i-1].raw != "/" || t.raw == ";" || t.raw == "." {
			return false // another figure (a denominator "/1.000" is part of the unit)
		}
		if (t.low == "xuống" || t.low == "lên") && toks[i-1].low != "trở" {
			return true
		}
	}
	return false
}
