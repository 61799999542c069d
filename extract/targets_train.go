package extract

import (
	"math"
	"sort"
	"strings"
)

// TargetSample is one candidate quantity and whether it is a target
// mention: a row of the target model's training data.
type TargetSample struct {
	Features []string
	Label    bool
	// Weight is the sample's share of the loss; 0 means 1.
	Weight float64
}

// TrainOptions set how TrainTargetModel fits the model.
type TrainOptions struct {
	// L2 is the ridge penalty on the weights (on the mean log loss, per
	// sample); 0 means 1.
	L2 float64
	// Iterations of full-batch Adam; 0 means 400.
	Iterations int
	// MinCount drops features seen in fewer samples; 0 means 2.
	MinCount int
	// Prior is where the ridge penalty pulls each weight (0 when not
	// listed; PriorBias for the intercept): the rule machine's verdict as
	// a strong feature, so that the model keeps the rules' decision where
	// the data says nothing else.
	Prior     map[string]float64
	PriorBias float64
	// PriorL2 is the ridge penalty of the features listed in Prior; 0
	// means L2.
	PriorL2 float64
	// TableL2 is the ridge penalty of the features only table cells have
	// ("table", "col=", "colplan", …): few documents hold tables of
	// targets, so their weights stay near the prior unless many do.
	TableL2 float64
}

// tableFeature reports whether only table cells have f.
func tableFeature(f string) bool {
	for _, p := range []string{"table", "col", "lab=", "grp=", "tunit=", "tcol=", "tforecast", "rule&table", "labcaps"} {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

// TrainTargetModel fits an L2-regularized logistic regression of the labels
// of samples on their features: the decision of the target finder.
//
// Logistic regression, because the data is small (thousands of
// candidates from some two hundred documents) and its features are many,
// sparse and mostly binary: a linear model with a ridge penalty does not
// overfit them, its scores are log-odds that calibrate with two
// parameters, and its weights can be read ("mk<k4" — a past marker before
// the number — weighs against). Training is full-batch and in a fixed order,
// so the same samples give the same model on every run.
//
// The threshold and calibration are left at 0 and identity: they come from
// held-out folds (the caller sets them).
func TrainTargetModel(samples []TargetSample, opt TrainOptions) *TargetModel {
	if opt.L2 == 0 {
		opt.L2 = 1
	}
	if opt.Iterations == 0 {
		opt.Iterations = 400
	}
	if opt.MinCount == 0 {
		opt.MinCount = 2
	}
	vocab, index := trainVocabulary(samples, opt.MinCount)
	rows, y, wt, n := trainRows(samples, index)
	if n == 0 {
		return &TargetModel{Version: featureVersion, Weights: map[string]float64{}}
	}
	w, bias := fitLogistic(vocab, rows, y, wt, n, opt)
	m := &TargetModel{Version: featureVersion, Bias: bias, Weights: make(map[string]float64, len(vocab)), CalA: 1}
	for j, f := range vocab {
		if math.Abs(w[j]) >= 1e-4 {
			m.Weights[f] = w[j]
		}
	}
	// a prior's feature that the samples lack keeps its prior weight
	for f, v := range opt.Prior {
		if _, ok := index[f]; !ok && v != 0 {
			m.Weights[f] = v
		}
	}
	return m
}

// trainVocabulary returns the features in at least minCount samples, in
// sorted order, and the index of each.
func trainVocabulary(samples []TargetSample, minCount int) ([]string, map[string]int) {
	// vocabulary: features in at least MinCount samples, in sorted order
	count := map[string]int{}
	for _, s := range samples {
		seen := map[string]bool{}
		for _, f := range s.Features {
			if !seen[f] {
				seen[f] = true
				count[f]++
			}
		}
	}
	var vocab []string
	for f, n := range count {
		if n >= minCount {
			vocab = append(vocab, f)
		}
	}
	sort.Strings(vocab)
	index := make(map[string]int, len(vocab))
	for i, f := range vocab {
		index[f] = i
	}
	return vocab, index
}

// trainEntry is one feature of a sample: its index and how often the
// sample has it.
type trainEntry struct {
	j int
	x float64
}

// trainRows returns the samples as sparse rows over the vocabulary (in
// index order), their labels (1 a target) and weights, and the sum of the
// weights.
func trainRows(samples []TargetSample, index map[string]int) (rows [][]trainEntry, y, wt []float64, n float64) {
	rows = make([][]trainEntry, len(samples))
	y = make([]float64, len(samples))
	wt = make([]float64, len(samples))
	for i, s := range samples {
		m := map[int]float64{}
		var order []int
		for _, f := range s.Features {
			if j, ok := index[f]; ok {
				if _, seen := m[j]; !seen {
					order = append(order, j)
				}
				m[j]++
			}
		}
		sort.Ints(order)
		for _, j := range order {
			rows[i] = append(rows[i], trainEntry{j, m[j]})
		}
		if s.Label {
			y[i] = 1
		}
		wt[i] = s.Weight
		if wt[i] == 0 {
			wt[i] = 1
		}
		n += wt[i]
	}
	return rows, y, wt, n
}

// fitLogistic minimizes the weighted mean log loss of rows with a ridge
// penalty toward the prior (trainPrior) by full-batch Adam, and returns
// the weights and the intercept.
func fitLogistic(vocab []string, rows [][]trainEntry, y, wt []float64, n float64, opt TrainOptions) ([]float64, float64) {
	w, w0, l2 := trainPrior(vocab, opt)
	bias := opt.PriorBias
	// Adam state
	mw, vw := make([]float64, len(vocab)), make([]float64, len(vocab))
	var mb, vb float64
	const (
		lr    = 0.05
		beta1 = 0.9
		beta2 = 0.999
		eps   = 1e-8
	)
	g := make([]float64, len(vocab))
	for it := 1; it <= opt.Iterations; it++ {
		for j := range g {
			g[j] = l2[j] * (w[j] - w0[j]) / n
		}
		gb := 0.01 * opt.L2 * (bias - opt.PriorBias) / n
		for i, row := range rows {
			z := bias
			for _, e := range row {
				z += w[e.j] * e.x
			}
			d := wt[i] * (sigmoid(z) - y[i]) / n
			gb += d
			for _, e := range row {
				g[e.j] += d * e.x
			}
		}
		c1 := 1 - math.Pow(beta1, float64(it))
		c2 := 1 - math.Pow(beta2, float64(it))
		for j := range w {
			mw[j] = beta1*mw[j] + (1-beta1)*g[j]
			vw[j] = beta2*vw[j] + (1-beta2)*g[j]*g[j]
			w[j] -= lr * (mw[j] / c1) / (math.Sqrt(vw[j]/c2) + eps)
		}
		mb = beta1*mb + (1-beta1)*gb
		vb = beta2*vb + (1-beta2)*gb*gb
		bias -= lr * (mb / c1) / (math.Sqrt(vb/c2) + eps)
	}
	return w, bias
}

// trainPrior returns the starting weights, the prior each weight is
// pulled toward (opt.Prior, else 0) and each weight's ridge penalty (L2,
// TableL2 for the features only table cells have, PriorL2 for those of
// the prior).
func trainPrior(vocab []string, opt TrainOptions) (w, w0, l2 []float64) {
	w = make([]float64, len(vocab))
	w0 = make([]float64, len(vocab))
	l2 = make([]float64, len(vocab))
	for j, f := range vocab {
		w0[j] = opt.Prior[f]
		w[j] = w0[j]
		l2[j] = opt.L2
		if opt.TableL2 > 0 && tableFeature(f) {
			l2[j] = opt.TableL2
		}
		if _, ok := opt.Prior[f]; ok && opt.PriorL2 > 0 {
			l2[j] = opt.PriorL2
		}
	}
	return w, w0, l2
}

// FitCalibration returns the Platt scaling (a, b) that maps scores to the
// probability of being right: a one-feature logistic regression of right
// on score, fitted by Newton's method with step halving (the loss never
// rises) and a light ridge toward the identity (a=1, b=0).
func FitCalibration(scores []float64, right []bool) (a, b float64) {
	const ridge = 1.0
	loss := func(a, b float64) float64 {
		l := ridge / 2 * ((a-1)*(a-1) + b*b)
		for i, s := range scores {
			z := a*s + b
			if right[i] {
				l += math.Log1p(math.Exp(-z))
			} else {
				l += math.Log1p(math.Exp(z))
			}
		}
		return l
	}
	a, b = 1, 0
	cur := loss(a, b)
	for it := 0; it < 100; it++ {
		ga, gb := ridge*(a-1), ridge*b
		haa, hbb, hab := ridge, ridge, 0.0
		for i, s := range scores {
			p := sigmoid(a*s + b)
			y := 0.0
			if right[i] {
				y = 1
			}
			ga += (p - y) * s
			gb += p - y
			w := p * (1 - p)
			haa += w * s * s
			hab += w * s
			hbb += w
		}
		det := haa*hbb - hab*hab
		if det <= 0 {
			break
		}
		da := (hbb*ga - hab*gb) / det
		db := (haa*gb - hab*ga) / det
		step := 1.0
		for ; step > 1e-6; step /= 2 {
			if l := loss(a-step*da, b-step*db); l <= cur {
				a, b, cur = a-step*da, b-step*db, l
				break
			}
		}
		if step <= 1e-6 || math.Abs(step*da)+math.Abs(step*db) < 1e-9 {
			break
		}
	}
	return a, b
}
