package extract

import "strings"

// Comparators and units of targets the candidate finder read wrong or not
// at all: a floor written as a negated ceiling, an index value written
// without a unit, "at least one" of a counted thing.

// tgNegatedFloor reports whether the "dưới" bound of q, right after
// "đạt", is negated by a "không có" earlier in its clause: "không có
// tỉnh, thành phố đạt dưới 60%" sets a floor of 60% on every province
// (>=), not a ceiling. "không có giấy tờ để xác định dưới 16 tuổi"
// (no "đạt" before the bound) is no such floor.
func tgNegatedFloor(toks []tgTok, s0 int, q tgQty) bool {
	if q.cmp != "<" || q.first-1 <= s0 || q.first >= len(toks) || toks[q.first-1].low != "đạt" {
		return false
	}
	for m := q.first - 2; m > s0 && m >= q.first-12; m-- {
		switch toks[m].raw {
		case ";", ".", ":", "(", ")":
			return false
		}
		if toks[m].low == "có" && toks[m-1].low == "không" {
			return true
		}
	}
	return false
}

// tgIndexNames are the words that name a composite index, whose values
// are written without a unit: "Chỉ số phát triển con người (HDI) đạt
// trên 0,8".
var tgIndexNames = newPhraseList("chỉ số", "hdi")

// tgIndexValue reports whether the number at toks[j], written with a
// decimal separator, below 10 and followed by no unit (toks[k] is a
// punctuation mark or the end), is the value of an index its clause
// names (tgIndexNames) after a comparator or "đạt": "chỉ số giáo dục
// đóng góp vào chỉ số HDI đạt trên 0,85;", "(HDI) duy trì trên 0,7.",
// "Chỉ số phát triển con người (HDI) | > 0,7". The gold writes such a
// value's unit as "điểm".
func tgIndexValue(toks []tgTok, j, k, s0 int, v float64) bool {
	if v <= 0 || v >= 10 || !strings.ContainsAny(toks[j].raw, ",.") {
		return false
	}
	if k < len(toks) && (toks[k].kind != tgPunct || toks[k].raw == "/" || toks[k].raw == "%") {
		return false
	}
	if _, ok := tgAnyCmp(toks[:j], j); !ok && (j == 0 || toks[j-1].low != "đạt") {
		return false
	}
	for m := j - 1; m >= s0 && m >= j-16; m-- {
		switch toks[m].raw {
		case ";", ".", ":":
			return false
		}
		if _, ok := tgIndexNames.at(toks, m); ok {
			return true
		}
	}
	return false
}

// tgFloorBefore reports whether a lower bound ("ít nhất", "tối thiểu")
// stands right before the number at toks[j], within the sentence from
// s0: "Hình thành ít nhất 01 trung tâm logistics", "triển khai tối thiểu
// 01 sàn giao dịch dữ liệu". At least one of a thing is a quantity to
// reach, where a bare "01 bộ hồ sơ" is not.
func tgFloorBefore(toks []tgTok, j, s0 int) bool {
	i, ok := cmpGE.endingAt(toks[:j], j)
	return ok && i >= s0
}
