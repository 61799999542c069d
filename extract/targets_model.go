package extract

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
)

// TargetModel decides which quantities are targets: a logistic regression
// over the features of each candidate (candFeatures), trained on the
// annotated corpus in testdata/corpus (TrainTargetModel). Score is the
// log-odds that a candidate is a target mention; Confidence maps it to the
// calibrated probability that the target it yields is right.
type TargetModel struct {
	// Version is the feature set the model was trained on (featureVersion).
	Version string `json:"version"`
	// Bias and Weights are the regression's intercept and coefficients;
	// features not listed weigh nothing.
	Bias    float64            `json:"bias"`
	Weights map[string]float64 `json:"weights"`
	// Threshold is the score from which a candidate is a target, chosen on
	// held-out folds for the best F1.
	Threshold float64 `json:"threshold"`
	// CalA and CalB map a score s to the confidence 1/(1+exp(-(CalA*s+CalB))),
	// fitted on held-out folds against whether each target was right.
	CalA float64 `json:"cal_a"`
	CalB float64 `json:"cal_b"`
	// Trained says on what and how (for people, not used by the code).
	Trained string `json:"trained,omitempty"`
}

// Score returns the model's log-odds for a candidate with features fs.
func (m *TargetModel) Score(fs []string) float64 {
	s := m.Bias
	for _, f := range fs {
		s += m.Weights[f]
	}
	return s
}

// Confidence returns the calibrated probability that a target of score s
// is right.
func (m *TargetModel) Confidence(s float64) float64 {
	a, b := m.CalA, m.CalB
	if a == 0 && b == 0 {
		a = 1
	}
	return sigmoid(a*s + b)
}

// sigmoid is the logistic function, computed without overflow.
func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

//go:embed data/targets_model.json
var targetModelJSON []byte

// The embedded model, parsed once.
var (
	targetModelOnce sync.Once
	targetModel     *TargetModel
	targetModelErr  error
)

// DefaultTargetModel returns the model embedded in the binary, or an error
// when it is missing or was trained on another feature set.
func DefaultTargetModel() (*TargetModel, error) {
	targetModelOnce.Do(func() {
		targetModel, targetModelErr = ParseTargetModel(targetModelJSON)
	})
	return targetModel, targetModelErr
}

// ParseTargetModel decodes a model written by (*TargetModel).MarshalJSON.
func ParseTargetModel(b []byte) (*TargetModel, error) {
	var m TargetModel
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("target model: %w", err)
	}
	if m.Version != featureVersion {
		return nil, fmt.Errorf("target model: trained on features %q, the code has %q (retrain it)", m.Version, featureVersion)
	}
	return &m, nil
}

// MarshalJSON writes the model with its weights in a stable order, one per
// line, so that a retrained model reads as a diff.
func (m *TargetModel) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	head, err := json.Marshal(struct {
		Version   string  `json:"version"`
		Trained   string  `json:"trained,omitempty"`
		Bias      float64 `json:"bias"`
		Threshold float64 `json:"threshold"`
		CalA      float64 `json:"cal_a"`
		CalB      float64 `json:"cal_b"`
	}{m.Version, m.Trained, m.Bias, m.Threshold, m.CalA, m.CalB})
	if err != nil {
		return nil, err
	}
	b.Write(head[:len(head)-1])
	writeWeights(&b, "weights", m.Weights)
	b.WriteString("}\n")
	return []byte(b.String()), nil
}

// writeWeights writes the weights w as a JSON member name, sorted by
// feature, one a line.
func writeWeights(b *strings.Builder, name string, w map[string]float64) {
	fmt.Fprintf(b, ",\n%q: {", name)
	keys := make([]string, 0, len(w))
	for k := range w {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		kb, _ := json.Marshal(k)
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(b, "\n%s: %.6g", kb, w[k])
	}
	b.WriteString("\n}")
}

// decide says whether a candidate is a target: the model's verdict when
// there is a model, else the rule machine's. It returns the model's score.
func (f *targetFinder) decide(rule bool, feats []string) (bool, float64) {
	if f.model == nil {
		return rule, 0
	}
	s := f.model.Score(feats)
	return s >= f.model.Threshold, s
}

// setHead records the words of a heading of the given level (1 top) and
// forgets the headings below it. A heading wrapped over two lines ("DỰ BÁO
// MỘT SỐ CHỈ TIÊU … GIAI" / "ĐOẠN 2026 – 2028") goes on in the next line
// of the same level; a line with a list label of its own ("II- MỤC TIÊU
// …" after "I- …", "a) Về kinh tế:" after "2- Các chỉ tiêu …:") is a new
// heading, and its label is no word of it.
func (f *targetFinder) setHead(level int, toks []tgTok, enum string) {
	if level < 1 || level > len(f.heads) {
		return
	}
	var ws []string
	if f.headPara == f.curPara-1 && f.headLevel == level && enum == "" {
		ws = f.heads[level-1]
	}
	for i, t := range toks {
		if i < 3 && enum != "" && t.raw == enum {
			continue // the label, after emphasis at most
		}
		if t.kind == tgWord && len(ws) < 24 {
			ws = append(ws, t.low)
		}
	}
	f.heads[level-1] = ws
	f.headEnums[level-1] = enum
	f.headFeats = nil
	f.headPara, f.headLevel = f.curPara, level
	for l := level; l < len(f.heads); l++ {
		f.heads[l] = nil
		f.headEnums[l] = ""
	}
}

// TargetCandidate is one quantity the target finder considered, with the
// roles it would have as a target and the features the model weighs.
type TargetCandidate struct {
	Target   Target
	Offset   int // byte offset of its number in the text
	Start    int // byte span of its comparator, number and unit
	End      int
	Features []string
	Rule     bool // the rule machine's verdict
}

// TargetCandidates returns every quantity of text that the target finder
// weighs, in text order, with its features: the training data of the
// target model.
func TargetCandidates(text string, c TargetContext) []TargetCandidate {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	f := newTargetFinder(text, c)
	f.collect = true
	f.run()
	return f.cands
}

// FindTargetsWith is FindTargets with the decision of model m (a nil m
// keeps the rule machine's verdicts, and no confidence). It also returns
// each target's score, the model's log-odds of its best mention.
func FindTargetsWith(text string, c TargetContext, m *TargetModel) ([]Target, []float64) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	f := newTargetFinder(text, c)
	f.model = m
	f.run()
	return f.result(), f.scores
}

// TargetContext returns what FindTargets knows of r's document beyond its
// text: its number, kind, date, dates and abbreviations.
func (r Record) TargetContext() TargetContext {
	return TargetContext{
		Number:        string(r.Number),
		Kind:          r.Kind,
		Issued:        firstNonEmpty(string(r.Issued), string(r.Published)),
		Dates:         r.Dates,
		Abbreviations: r.Abbreviations,
		Title:         string(r.Title),
	}
}
