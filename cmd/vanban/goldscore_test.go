package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"vanban/extract"
)

// This file ports the target part of ../shared/eval/score.py to Go, so that
// cross-validation can score thousands of runs without a Python process.
// TestGoldScoreAgrees checks it against score.py on the same records.

// scoreFold is score.py's fold: lower case, no diacritics (đ → d), words
// and "%" kept, spaces collapsed.
func scoreFold(s string) string {
	s = strings.ToLower(s)
	s = strings.ReplaceAll(norm.NFD.String(s), "đ", "d")
	var b strings.Builder
	word := false
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r == '%' {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteByte('%')
			word = false
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			if !word && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			word = true
			continue
		}
		word = false
	}
	return b.String()
}

func scoreTokens(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(scoreFold(s)) {
		out[w] = true
	}
	return out
}

func scoreBaseUnit(u string) string {
	return scoreFold(strings.SplitN(u, "/", 2)[0])
}

func scoreSameUnit(a, b string) bool {
	a, b = scoreBaseUnit(a), scoreBaseUnit(b)
	return a == b || strings.HasPrefix(a, b+" ") || strings.HasPrefix(b, a+" ")
}

func scoreNum(v float64) float64 { return math.Round(v*1e6) / 1e6 }

func scoreKey(t extract.Target) string {
	k := fmt.Sprintf("%g|", scoreNum(t.Value))
	if t.ValueMax != nil {
		k += fmt.Sprintf("%g", scoreNum(*t.ValueMax))
	}
	return k + "|" + strings.TrimSpace(t.Comparator)
}

// scorePairs is score.py's match_targets: pairs of gold and predicted
// targets whose value, upper value, comparator and base unit agree,
// preferring the pairs whose words overlap most.
func scorePairs(gold, pred []extract.Target) [][2]int {
	type cand struct {
		ov   float64
		i, j int
	}
	var cs []cand
	for i, g := range gold {
		gw := scoreTokens(g.Text)
		for j, p := range pred {
			if scoreKey(g) != scoreKey(p) || !scoreSameUnit(g.Unit, p.Unit) {
				continue
			}
			pw := scoreTokens(strings.Join([]string{p.Text, p.Subject, string(p.SubjectExpanded), p.Indicator}, " "))
			n := 0
			for w := range gw {
				if pw[w] {
					n++
				}
			}
			d := len(gw)
			if d == 0 {
				d = 1
			}
			if ov := float64(n) / float64(d); ov > 0 {
				cs = append(cs, cand{ov, i, j})
			}
		}
	}
	// Python sorts the tuples (overlap, i, j) in reverse
	sort.Slice(cs, func(a, b int) bool {
		if cs[a].ov != cs[b].ov {
			return cs[a].ov > cs[b].ov
		}
		if cs[a].i != cs[b].i {
			return cs[a].i > cs[b].i
		}
		return cs[a].j > cs[b].j
	})
	usedG, usedP := map[int]bool{}, map[int]bool{}
	var pairs [][2]int
	for _, c := range cs {
		if usedG[c.i] || usedP[c.j] {
			continue
		}
		usedG[c.i], usedP[c.j] = true, true
		pairs = append(pairs, [2]int{c.i, c.j})
	}
	return pairs
}

// scoreSamePhrase is score.py's same_phrase.
func scoreSamePhrase(gold string, preds ...string) bool {
	g := scoreFold(gold)
	if g == "" {
		return true
	}
	gt := map[string]bool{}
	for _, w := range strings.Fields(g) {
		gt[w] = true
	}
	for _, p := range preds {
		pf := scoreFold(p)
		if pf == "" {
			continue
		}
		if strings.Contains(pf, g) || strings.Contains(g, pf) && float64(len(pf)) >= 0.5*float64(len(g)) {
			return true
		}
		pt := map[string]bool{}
		for _, w := range strings.Fields(pf) {
			pt[w] = true
		}
		inter := 0
		for w := range gt {
			if pt[w] {
				inter++
			}
		}
		if inter > 0 && 2*float64(inter)/float64(len(gt)+len(pt)) >= 0.6 {
			return true
		}
	}
	return false
}

// targetCounts are the target counts of score.py over a set of documents.
type targetCounts struct {
	tp, pred, gold           int
	subjOK, indOK            int
	perN, perOK, parN, parOK int
}

func (c *targetCounts) add(o targetCounts) {
	c.tp += o.tp
	c.pred += o.pred
	c.gold += o.gold
	c.subjOK += o.subjOK
	c.indOK += o.indOK
	c.perN += o.perN
	c.perOK += o.perOK
	c.parN += o.parN
	c.parOK += o.parOK
}

// scoreTargets scores one document's predicted targets against its gold,
// and reports which predictions were matched.
func scoreTargets(gold, pred []extract.Target) (targetCounts, []bool) {
	c := targetCounts{pred: len(pred), gold: len(gold)}
	matched := make([]bool, len(pred))
	for _, pr := range scorePairs(gold, pred) {
		g, p := gold[pr[0]], pred[pr[1]]
		matched[pr[1]] = true
		c.tp++
		if scoreSamePhrase(g.Subject, p.Subject, string(p.SubjectExpanded)) {
			c.subjOK++
		}
		if scoreSamePhrase(g.Indicator, p.Indicator) {
			c.indOK++
		}
		if g.Period != nil {
			c.perN++
			if p.Period != nil && p.Period.Start == g.Period.Start && p.Period.End == g.Period.End {
				c.perOK++
			}
		}
		if g.Parent != nil {
			c.parN++
			if p.Parent != nil {
				c.parOK++
			}
		}
	}
	return c, matched
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// prf returns precision, recall and F1 as score.py does.
func (c targetCounts) prf() (p, r, f float64) {
	switch {
	case c.pred > 0:
		p = float64(c.tp) / float64(c.pred)
	case c.gold == 0:
		p = 1
	}
	r = ratio(c.tp, c.gold)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func (c targetCounts) String() string {
	p, r, f := c.prf()
	sub, ind := 0.0, 0.0
	if c.tp > 0 {
		sub, ind = float64(c.subjOK)/float64(c.tp), float64(c.indOK)/float64(c.tp)
	}
	return fmt.Sprintf("gold %4d pred %4d tp %4d  P %.3f R %.3f F1 %.3f  subject %.3f indicator %.3f period %.3f parent %.3f",
		c.gold, c.pred, c.tp, p, r, f, sub, ind, ratio(c.perOK, c.perN), ratio(c.parOK, c.parN))
}
