package extract

import (
	"strings"
	"unicode/utf8"
)

// Owners: whose figure a target is when its subject names only a business
// measure ("lợi nhuận sau thuế 125 tỷ đồng" of the company the paragraph
// is about).

// tgCompanyHeads open the name of a company ("Tập đoàn Xây dựng Hòa
// Bình", "Công ty cổ phần Xuất nhập khẩu Petrolimex", "Ngân hàng MB").
var tgCompanyHeads = newPhraseList("tập đoàn", "tổng công ty", "công ty", "ngân hàng", "ctcp")

// tgCompanyForms are the words of a company's legal form that may stand
// between its head and its name ("Công ty cổ phần …", "Ngân hàng TMCP …").
var tgCompanyForms = map[string]bool{"cổ": true, "phần": true, "tnhh": true, "tmcp": true,
	"thương": true, "mại": true, "mẹ": true}

// tgPublicBanks are the first words of banks and bodies that are no
// company: "Ngân hàng Nhà nước", "Ngân hàng Thế giới", "Ngân hàng Phát
// triển châu Á", "Ngân hàng Trung ương".
var tgPublicBanks = map[string]bool{"nhà": true, "thế": true, "phát": true, "trung": true, "chính": true}

// tgBusinessMeasures name what a company plans: its revenue, profit,
// assets, credit, costs and dividends.
var tgBusinessMeasures = []string{"doanh thu", "doanh số", "lợi nhuận", "lãi", "tổng tài sản", "tài sản",
	"tín dụng", "dư nợ", "huy động vốn", "vốn huy động", "giá vốn", "chi phí", "nợ xấu", "tỷ lệ nợ xấu",
	"tỉ lệ nợ xấu", "cir", "roe", "roa", "vốn điều lệ", "vốn chủ sở hữu", "cổ tức"}

// tgBusinessMeasure reports whether subj names a business measure
// (tgBusinessMeasures, with or without "tổng") and no owner of its own
// ("của …").
func tgBusinessMeasure(subj string) bool {
	low := strings.ToLower(strings.TrimSpace(subj))
	if strings.Contains(" "+low+" ", " của ") {
		return false
	}
	low = strings.TrimPrefix(low, "tổng ")
	for _, m := range tgBusinessMeasures {
		if low == m || strings.HasPrefix(low, m+" ") {
			return true
		}
	}
	return false
}

// tgCompanyAt reads the name of a company opening at toks[i] (a
// capitalized head of tgCompanyHeads, its legal form, then proper nouns or
// abbreviations): it returns the token after the name and the short name
// in brackets right after it ("Ngân hàng TMCP Quân đội (MB)"), or the one
// word of the name when it is an abbreviation or a word in ASCII ("Ngân
// hàng MB", "Công ty Lix"). ok is false when no name follows the head
// ("Công ty đặt kế hoạch …": a reference back) or it is a public bank.
func tgCompanyAt(toks []tgTok, i int) (end int, short string, ok bool) {
	n, isHead := tgCompanyHeads.at(toks, i)
	if !isHead || !tgProperNoun(toks[i]) && !tgAcronym(toks[i]) {
		return i, "", false
	}
	j := n
	for j < len(toks) && tgCompanyForms[toks[j].low] {
		j++
	}
	first := j
	for j < len(toks) && j-first < 12 {
		if tgProperNoun(toks[j]) || tgAcronym(toks[j]) || toks[j].raw == "&" || toks[j].raw == "-" && j+1 < len(toks) && tgProperNoun(toks[j+1]) {
			j++
			continue
		}
		if k := tgNameGoesOn(toks, j); j > first && k > j {
			j = k // "Phân bón và Hóa chất Dầu khí": the other syllables of a word of the name
			continue
		}
		break
	}
	if j == first || tgPublicBanks[toks[first].low] {
		return i, "", false
	}
	if j+2 < len(toks) && toks[j].raw == "(" && tgAcronym(toks[j+1]) && toks[j+2].raw == ")" {
		return j + 3, toks[j+1].raw, true
	}
	if j == first+1 && (tgAcronym(toks[first]) || isASCII(toks[first].raw)) {
		short = toks[first].raw
	}
	return j, short, true
}

// tgNameGoesOn returns where a company's name goes on after the
// lower-case words at toks[j]: up to its short name in brackets within
// eight words ("Phân bón và hóa chất dầu khí (DPM)"), else at most two more
// syllables of a word whose first is capitalized ("Xuất nhập khẩu", "Phân
// bón") and a "và" before a capitalized word; j when it does not.
func tgNameGoesOn(toks []tgTok, j int) int {
	for k := j; k < len(toks) && k-j < 8 && toks[k].kind != tgNum; k++ {
		if toks[k].raw == "(" {
			if k > j && k+2 < len(toks) && tgAcronym(toks[k+1]) && toks[k+2].raw == ")" {
				return k // "Phân bón và hóa chất dầu khí (DPM)"
			}
			break
		}
		if toks[k].kind == tgPunct {
			break
		}
	}
	k := j
	for k < len(toks) && k-j < 3 && toks[k].kind == tgWord && toks[k].raw == toks[k].low {
		k++
	}
	if k == j || k >= len(toks) {
		return j
	}
	if tgProperNoun(toks[k]) || k+2 < len(toks) && toks[k].raw == "(" && tgAcronym(toks[k+1]) && toks[k+2].raw == ")" {
		return k
	}
	return j
}

// companyShortNames returns the short names the text gives its companies
// ("MB" for "Ngân hàng TMCP Quân đội (MB)" or "Ngân hàng MB"), read once.
func (f *targetFinder) companyShortNames() map[string]bool {
	if f.companies != nil {
		return f.companies
	}
	f.companies = map[string]bool{}
	toks := tgTokenize(f.text, 0, len(f.text))
	for i := range toks {
		if _, short, ok := tgCompanyAt(toks, i); ok && short != "" {
			f.companies[short] = true
		}
	}
	return f.companies
}

// companyBefore returns the last company the paragraph toks names before
// token upto: a full name (tgCompanyAt) or a short name the text gave one
// (companyShortNames); "" when it names none.
func (f *targetFinder) companyBefore(toks []tgTok, upto int) string {
	last := ""
	for i := 0; i < upto && i < len(toks); i++ {
		if end, short, ok := tgCompanyAt(toks, i); ok && end <= upto {
			last = short // the short name the text goes on with
			if last == "" {
				last = tgCleanPhrase(tgJoin(toks, tgSeq(i, end)))
			}
			i = end - 1
			continue
		}
		if t := toks[i]; t.kind == tgWord && (tgAcronym(t) || tgProperNoun(t) && isASCII(t.raw)) && f.companyShortNames()[t.raw] {
			last = t.raw
		}
	}
	return last
}

// companyOwner completes a subject that names only a business measure
// with the company the paragraph names last before quantity q ("lợi
// nhuận sau thuế" of "Tập đoàn Xây dựng Hòa Bình … doanh thu … 12.500 tỷ
// đồng và lợi nhuận sau thuế 125 tỷ đồng"); subj otherwise.
func (f *targetFinder) companyOwner(toks []tgTok, q tgQty, subj string) string {
	if !tgBusinessMeasure(subj) {
		return subj
	}
	c := f.companyBefore(toks, q.first)
	if c == "" || strings.Contains(strings.ToLower(subj), strings.ToLower(c)) {
		return subj
	}
	return subj + " của " + c
}

// tgQuotaWords name a plan figure given to a body: "chỉ tiêu", "dự
// toán", "kế hoạch".
var tgQuotaWords = newPhraseList("chỉ tiêu", "dự toán", "kế hoạch")

// tgQuotaAt reports whether a quota word (tgQuotaWords) stands at toks[i].
func tgQuotaAt(toks []tgTok, i int) bool {
	_, ok := tgQuotaWords.at(toks, i)
	return ok
}

// tgBracketQuota reports whether q is a goal quoted in brackets after a
// quota word within ten tokens before it ("đạt 54% so với chỉ tiêu Bộ
// Tài chính giao (57.100 tỷ đồng)"); a comma before a list of givers
// ("chỉ tiêu do TCHQ, UBND tỉnh giao (…)") does not end the search.
func tgBracketQuota(toks []tgTok, q tgQty, s0 int) bool {
	if q.first < 1 || q.first > len(toks) || toks[q.first-1].raw != "(" {
		return false
	}
	for i := q.first - 2; i >= s0 && i >= q.first-10; i-- {
		if r := toks[i].raw; r == ";" || r == ")" || r == "," && !(i+1 < len(toks) && tgAcronym(toks[i+1])) {
			return false
		}
		if tgQuotaAt(toks, i) {
			return true
		}
	}
	return false
}

// quotaOwner returns whose quota a goal quoted in brackets is
// (tgBracketQuota): the subject of its sentence (sentenceOwner), with the
// body the paragraph names before it (bodyBefore) when that subject names
// a measure and no body; "" when q is no quoted quota or the sentence
// opens with no noun.
func (f *targetFinder) quotaOwner(toks []tgTok, q tgQty, s0 int, dates []tgDate) string {
	if !tgBracketQuota(toks, q, s0) {
		return ""
	}
	owner := f.sentenceOwner(toks, s0, q.first, dates)
	if owner != "" && !tgNamesBody(owner) && !strings.Contains(strings.ToLower(owner), " của ") {
		// "Số thu NSNN … đạt 83,5% chỉ tiêu phấn đấu (121.000 tỷ đồng)":
		// the revenue of the body the paragraph is about
		if b := bodyBefore(toks, q.first); b != "" {
			owner += " của " + b
		}
	}
	return owner
}

// sentenceOwner returns the subject of the sentence that opens at s0 (of
// its last clause after a ";" before upto), before its first verb and after the adverbials that open it ("Riêng
// khu vực Hải Phòng | thu được …", "Hết tháng 8, Chi cục Hải quan … | thu
// được …"); "toàn Cục" or "đơn vị" is the body the sentence quotes
// ("Theo Cục Hải quan Hải Phòng, …") or the one the document opens with
// (docOrg). "" when the words before upto open with no noun.
func (f *targetFinder) sentenceOwner(toks []tgTok, s0, upto int, dates []tgDate) string {
	for i := upto - 1; i > s0; i-- {
		if toks[i].raw == ";" {
			s0 = i + 1 // "…; Cục Hải quan Cà Mau phải …": the clause's own subject
			break
		}
	}
	from := s0
	var ix []int
	for i := s0; i < upto; i++ {
		t := toks[i]
		if t.raw == "," {
			from, ix = i+1, nil // "Hết tháng 8, …": an adverbial before
			continue
		}
		if _, isDate := f.dateAt(dates, t.start); isDate || t.kind == tgNum {
			continue
		}
		if t.kind != tgWord {
			return ""
		}
		if _, ok := tgVerbs.at(toks, i); ok && !tgFalseVerb(toks, i) {
			break
		}
		switch t.low {
		case "phải":
			if i+1 < upto && toks[i+1].low == "kể" {
				ix = append(ix, i) // "phải kể đến như …"
				continue
			}
		case "ước", "bằng", "được", "có", "đã", "sẽ", "đang", "vẫn", "cũng":
			// an aspect, a modal or a result ends the subject
		case "như":
			ix = nil // "phải kể đến như | Cục Hải quan Thanh Hoá"
			continue
		default:
			ix = append(ix, i)
			continue
		}
		break
	}
	ix = tgTrimLead(toks, ix)
	for len(ix) > 0 {
		switch toks[ix[0]].low {
		case "riêng", "tương", "tự", "tháng", "năm", "hết", "đến", "tính", "trong":
			ix = ix[1:]
			continue
		}
		break
	}
	if len(ix) > 0 && (toks[ix[0]].low == "toàn" || toks[ix[0]].low == "đơn") {
		// "Theo Cục Hải quan Hải Phòng, … toàn Cục thu …": the body the
		// sentence quotes, else the one the document opens with
		if from > s0+1 && toks[s0].low == "theo" {
			ix = nil
			for i := s0 + 1; i < len(toks) && toks[i].raw != ","; i++ {
				ix = append(ix, i)
			}
		} else if org := f.docOrg(); org != "" {
			return org
		}
	}
	ix = tgTrimTrail(toks, ix)
	if len(ix) == 0 || len(ix) > 14 || !tgContiguous(ix, len(ix)) || tgClauseConj[toks[ix[0]].low] {
		return ""
	}
	return tgCleanPhrase(tgJoin(toks, ix))
}

// tgClauseConj open a subordinate clause ("do thực hiện …", "để hoàn
// thành …"): a sentence's words that open with one name no owner.
var tgClauseConj = map[string]bool{"do": true, "vì": true, "để": true, "nếu": true, "khi": true, "nhằm": true,
	"nên": true, "mà": true, "tuy": true, "dù": true, "mặc": true}

// tgOrgHeads open the name of an organisation.
var tgOrgHeads = newPhraseList("cục", "chi cục", "tổng cục", "sở", "tập đoàn", "công ty", "tổng công ty", "ngân hàng", "hải quan")

// docOrg returns the first organisation the document names in its
// opening (its headline and lead, the first 400 bytes): "Hải quan Quảng
// Ninh vượt 3 chỉ tiêu thu …" gives "Hải quan Quảng Ninh"; "" when none.
func (f *targetFinder) docOrg() string {
	end := min(len(f.text), 400)
	for end < len(f.text) && !utf8.RuneStart(f.text[end]) {
		end++
	}
	toks := tgTokenize(f.text, 0, end)
	for i := 0; i < len(toks); i++ {
		if j, ok := tgBodyNameAt(toks, i); ok {
			return tgJoin(toks, tgSeq(i, j))
		}
	}
	return ""
}

// tgBodyNameAt reads the name of an organisation opening at toks[i]: a
// capitalized head (tgOrgHeads) then proper nouns, abbreviations and
// heads ("Cục Hải quan Thanh Hóa", "Hải quan TPHCM"). It returns the token
// after the name.
func tgBodyNameAt(toks []tgTok, i int) (int, bool) {
	n, ok := tgOrgHeads.at(toks, i)
	if !ok || !tgProperNoun(toks[i]) {
		return i, false
	}
	j := n
	for j < len(toks) {
		if h, ok := tgOrgHeads.at(toks, j); ok && tgProperNoun(toks[j]) {
			j = h // "Cục Hải quan Thanh Hóa": a head within the name
			continue
		}
		if !tgProperNoun(toks[j]) && !tgAcronym(toks[j]) {
			break
		}
		j++
	}
	return j, j > n
}

// bodyBefore returns the last organisation the paragraph toks names
// before token upto that is not the giver of a quota ("do Bộ Tài chính
// giao", "được Tổng cục Hải quan giao"); "" when none.
func bodyBefore(toks []tgTok, upto int) string {
	last := ""
	for i := 0; i < upto && i < len(toks); i++ {
		j, ok := tgBodyNameAt(toks, i)
		if !ok || j > upto {
			continue
		}
		giver := i > 0 && (toks[i-1].low == "do" || toks[i-1].low == "được") || j < len(toks) && toks[j].low == "giao"
		if !giver {
			last = tgJoin(toks, tgSeq(i, j))
		}
		i = j - 1
	}
	return last
}

// tgQuotaFiller are the words a quota's giver is named with besides its
// name ("chỉ tiêu do Bộ Tài chính giao", "dự toán giao bổ sung lần 3").
var tgQuotaFiller = map[string]bool{"giao": true, "được": true, "phấn": true, "đấu": true, "pháp": true, "lệnh": true,
	"do": true, "của": true, "thêm": true, "bổ": true, "sung": true, "lần": true, "cả": true, "năm": true,
	"vượt": true, "đã": true, "tổng": true, "điều": true, "chỉnh": true, "và": true, "đạt": true, "thu": true}

// tgQuotaOnly reports whether subj names nothing but a quota and who gives
// it ("Tổng cục Hải quan giao", "dự toán giao", "chỉ tiêu do TCHQ, UBND
// tỉnh giao", "vượt chỉ tiêu giao lần 3", "được"): quota words, their
// fillers (tgQuotaFiller) and names, which open with a capital and run to
// the next filler. quotaNear says a quota word stands right before the
// number ("để đạt được kế hoạch 44.700 tỷ đồng"), so that the subject
// need not name one.
func tgQuotaOnly(subj string, quotaNear bool) bool {
	toks := tgTokenize(subj, 0, len(subj))
	quota, inName, named := false, false, false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.kind == tgNum || t.kind == tgPunct:
			inName = false
		case tgQuotaAt(toks, i):
			quota, inName = true, false
			i++
		case tgProperNoun(t) || tgAcronym(t):
			inName, named = true, true
		case tgQuotaFiller[t.low]:
			quota = quota || t.low == "giao"
			inName = false
		case !inName:
			return false
		}
	}
	// a name alone before a quota word is what the quota is of ("kế
	// hoạch CIR ở mức …")
	return quota || quotaNear && !named
}

// tgQuotaBefore reports whether a quota word stands among the five words
// before q in its clause ("chỉ tiêu 11.500 tỷ đồng", "kế hoạch 44.700 tỷ
// đồng", "chỉ tiêu phấn đấu 3.800 tỷ đồng").
func tgQuotaBefore(toks []tgTok, q tgQty, s0 int) bool {
	for i := q.first - 1; i >= s0 && i >= q.first-5; i-- {
		if toks[i].kind == tgPunct && toks[i].raw != "(" {
			return false
		}
		if tgQuotaAt(toks, i) {
			return true
		}
	}
	return false
}

// tgNamesBody reports whether a phrase opens with the name of a body
// ("Cục Hải quan Lạng Sơn", "UBND tỉnh", "khu vực Hải Phòng", "ngành Hải
// quan", "MB").
func tgNamesBody(phrase string) bool {
	toks := tgTokenize(phrase, 0, len(phrase))
	if len(toks) == 0 {
		return false
	}
	if _, ok := tgOrgLabelHeads.at(toks, 0); ok && tgProperNoun(toks[0]) {
		return true
	}
	if _, ok := tgOrgHeads.at(toks, 0); ok && len(toks) > 1 {
		return true
	}
	if _, ok := tgPhraseAt(toks, 0, []string{"khu", "vực"}); ok && len(toks) > 2 && tgProperNoun(toks[2]) {
		return true
	}
	return toks[0].low == "ngành" && len(toks) > 1 && tgProperNoun(toks[1]) || tgAcronym(toks[0])
}

// quotaHolder returns whose quota q is when its subject names only the
// quota and its giver (tgQuotaOnly): the body the sentence opens with, else
// the one the document opens with (docOrg). ok says the subject was such a
// quota's; then holder may be "".
func (f *targetFinder) quotaHolder(toks []tgTok, q tgQty, s0 int, subj string, dates []tgDate) (holder string, ok bool) {
	if !tgQuotaOnly(subj, tgQuotaBefore(toks, q, s0)) || tgNamedAfter(toks, q, subj) {
		return "", false
	}
	if o := f.sentenceOwner(toks, s0, q.first, dates); tgNamesBody(o) {
		return o, true
	}
	return f.docOrg(), true
}

// unitReference replaces "đơn vị này" ("this unit") in a subject with the
// body it refers to: the one the sentence opens with, else the last one
// the paragraph names before token upto, else the one the document opens
// with ("Cục Hải quan Khánh Hòa được giao bổ sung …, nâng tổng chỉ tiêu
// thu NSNN của đơn vị này lên 7.000 tỷ đồng").
func (f *targetFinder) unitReference(toks []tgTok, s0, upto int, subj string, dates []tgDate) string {
	low := strings.ToLower(subj)
	k := strings.Index(low, "đơn vị này")
	if k < 0 {
		return subj
	}
	body := f.sentenceOwner(toks, s0, upto, dates)
	if !tgNamesBody(body) {
		body = bodyBefore(toks, upto)
	}
	if body == "" {
		body = f.docOrg()
	}
	if body == "" {
		return subj
	}
	return subj[:k] + body + subj[k+len("đơn vị này"):]
}

// tgNamedAfter reports whether subj is the words right after quantity q
// and opens with a quota word: a share's own noun ("có ít nhất 30% chỉ tiêu hoàn thành vượt mức": the
// targets counted, no quota's giver).
func tgNamedAfter(toks []tgTok, q tgQty, subj string) bool {
	st := tgTokenize(subj, 0, len(subj))
	if len(st) == 0 || q.last+len(st) > len(toks) || !tgQuotaAt(st, 0) {
		return false // ("khoảng 6% | Quốc hội giao": a giver after the share)
	}
	for k, t := range st {
		if toks[q.last+k].low != t.low {
			return false
		}
	}
	return true
}
