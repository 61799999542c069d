package extract

import (
	"math"
	"sort"
)

// TargetTree is one regression tree of a boosted ensemble: each inner node
// asks whether a candidate has a feature.
type TargetTree struct {
	Nodes []TreeNode `json:"nodes"`
}

// TreeNode is a node of a TargetTree: an inner node (Feature set) sends a
// candidate to Yes or No; a leaf adds Value to its score.
type TreeNode struct {
	Feature string  `json:"f,omitempty"`
	Yes     int     `json:"y,omitempty"`
	No      int     `json:"n,omitempty"`
	Value   float64 `json:"v,omitempty"`
}

// score walks the tree for a candidate with the feature set has.
func (t *TargetTree) score(has map[string]bool) float64 {
	i := 0
	for i < len(t.Nodes) {
		n := t.Nodes[i]
		if n.Feature == "" {
			return n.Value
		}
		if has[n.Feature] {
			i = n.Yes
		} else {
			i = n.No
		}
	}
	return 0
}

// BoostOptions set how TrainTargetTrees fits a boosted ensemble.
type BoostOptions struct {
	Trees   int     // rounds; 0 means 150
	Depth   int     // 0 means 3
	Rate    float64 // shrinkage; 0 means 0.1
	MinLeaf float64 // least weight in a leaf; 0 means 20
	Lambda  float64 // ridge on leaf values; 0 means 5
	// Init is each sample's starting score (another model's); nil starts
	// every sample from the log-odds of the positive share.
	Init []float64
}

// TrainTargetTrees fits gradient-boosted regression trees of depth Depth
// to the log loss of samples (Newton steps on each leaf). Trees split on
// the presence of one feature, so they learn interactions a linear model
// cannot weigh: a target marker in a section that reviews results, a
// plan column in a forecast table.
func TrainTargetTrees(samples []TargetSample, opt BoostOptions) (base float64, trees []TargetTree) {
	if opt.Trees == 0 {
		opt.Trees = 150
	}
	if opt.Depth == 0 {
		opt.Depth = 3
	}
	if opt.Rate == 0 {
		opt.Rate = 0.1
	}
	if opt.MinLeaf == 0 {
		opt.MinLeaf = 20
	}
	if opt.Lambda == 0 {
		opt.Lambda = 5
	}
	n := len(samples)
	if n == 0 {
		return 0, nil
	}
	// features by index, each sample's feature set
	index := map[string]int{}
	var names []string
	rows := make([][]int, n)
	w := make([]float64, n)
	y := make([]float64, n)
	for i, s := range samples {
		seen := map[int]bool{}
		for _, f := range s.Features {
			j, ok := index[f]
			if !ok {
				j = len(names)
				index[f] = j
				names = append(names, f)
			}
			if !seen[j] {
				seen[j] = true
				rows[i] = append(rows[i], j)
			}
		}
		sort.Ints(rows[i])
		w[i] = s.Weight
		if w[i] == 0 {
			w[i] = 1
		}
		if s.Label {
			y[i] = 1
		}
	}
	// deterministic feature order: by name
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return names[order[a]] < names[order[b]] })
	rank := make([]int, len(names))
	for r, j := range order {
		rank[j] = r
	}

	var pos, tot float64
	for i := range samples {
		pos += w[i] * y[i]
		tot += w[i]
	}
	base = math.Log((pos + 1) / (tot - pos + 1))
	f := make([]float64, n)
	for i := range f {
		f[i] = base
		if opt.Init != nil {
			f[i] = opt.Init[i]
		}
	}
	if opt.Init != nil {
		base = 0
	}
	g := make([]float64, n)
	h := make([]float64, n)
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	for t := 0; t < opt.Trees; t++ {
		for i := range f {
			p := sigmoid(f[i])
			g[i] = w[i] * (p - y[i])
			h[i] = w[i] * math.Max(p*(1-p), 1e-6)
		}
		var tree TargetTree
		var grow func(members []int, depth int) int
		grow = func(members []int, depth int) int {
			var G, H float64
			for _, i := range members {
				G += g[i]
				H += h[i]
			}
			me := len(tree.Nodes)
			tree.Nodes = append(tree.Nodes, TreeNode{Value: -G / (H + opt.Lambda) * opt.Rate})
			if depth == opt.Depth {
				return me
			}
			// gradient and hessian of the members holding each feature
			gs, hs, ws := map[int]float64{}, map[int]float64{}, map[int]float64{}
			var W float64
			for _, i := range members {
				W += w[i]
				for _, j := range rows[i] {
					gs[j] += g[i]
					hs[j] += h[i]
					ws[j] += w[i]
				}
			}
			best, bestGain := -1, 0.0
			parent := G * G / (H + opt.Lambda)
			for j, gl := range gs {
				hl := hs[j]
				hr := H - hl
				if ws[j] < opt.MinLeaf || W-ws[j] < opt.MinLeaf {
					continue
				}
				gr := G - gl
				gain := gl*gl/(hl+opt.Lambda) + gr*gr/(hr+opt.Lambda) - parent
				if gain > bestGain+1e-12 || gain > bestGain-1e-12 && best >= 0 && rank[j] < rank[best] && gain >= bestGain {
					best, bestGain = j, gain
				}
			}
			if best < 0 {
				return me
			}
			var yes, no []int
			for _, i := range members {
				if hasFeature(rows[i], best) {
					yes = append(yes, i)
				} else {
					no = append(no, i)
				}
			}
			tree.Nodes[me].Feature = names[best]
			tree.Nodes[me].Value = 0
			yi := grow(yes, depth+1)
			ni := grow(no, depth+1)
			tree.Nodes[me].Yes, tree.Nodes[me].No = yi, ni
			return me
		}
		grow(all, 0)
		for i := range f {
			f[i] += tree.scoreRow(rows[i], index)
		}
		trees = append(trees, tree)
	}
	return base, trees
}

// scoreRow walks the tree for a sample given as sorted feature indexes.
func (t *TargetTree) scoreRow(row []int, index map[string]int) float64 {
	i := 0
	for i < len(t.Nodes) {
		n := t.Nodes[i]
		if n.Feature == "" {
			return n.Value
		}
		if hasFeature(row, index[n.Feature]) {
			i = n.Yes
		} else {
			i = n.No
		}
	}
	return 0
}

func hasFeature(row []int, j int) bool {
	k := sort.SearchInts(row, j)
	return k < len(row) && row[k] == j
}
