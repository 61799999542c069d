package extract

import (
	"slices"
	"testing"
)

func TestArticleCopied(t *testing.T) {
	for _, tc := range []struct {
		feat string
		want bool
	}{
		{"mk<duy_trì", true},
		{"cw=hơn", true},
		{"veto=in brackets", true},
		{"state=1", true},
		{"date<", true},
		{"lx<past&kind=article", false}, // already joined with the kind
		{"unit&kind=pct&article", false},
		{"kind=article", false},
		{"uhead=tỷ", false},
		{"h=mục", false},
		{"rule", false},
	} {
		if got := articleCopied(tc.feat); got != tc.want {
			t.Errorf("articleCopied(%q) = %v, want %v", tc.feat, got, tc.want)
		}
	}
}

func TestArticleCopies(t *testing.T) {
	got := articleCopies(tgFeatures{"kind=article", "b1=đạt", "uhead=tỷ"})
	want := tgFeatures{"kind=article", "b1=đạt", "uhead=tỷ", "A|b1=đạt"}
	if !slices.Equal(got, want) {
		t.Errorf("articleCopies = %v, want %v", got, want)
	}
}
