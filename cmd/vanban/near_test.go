package main

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"vanban/extract"
	"vanban/index"
	"vanban/internal/testshared"
)

// TestNearDuplicatesCorpus ingests ../shared/corpus/{bulk,dev,formats,legacy}
// and checks the near-duplicate groups against what is known of the
// corpus: every format and encoding variant of a dev text, each legacy
// original and its transcript, and the one page of bulk scraped twice
// (thong-tu__39db…, thong-tu__9e67…) are copies of one text; every other
// file of bulk stands alone (bulk holds documents of one template, yearly
// plans and Q&A articles that quote the same law, which must not merge).
// It reports the groups, the pairs of files merged that should not be
// (false merges) and those not merged that should (misses), and the time
// NearGroups takes; it fails on a false merge or on a miss other than a
// file vanban cannot read.
func TestNearDuplicatesCorpus(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("a measurement that ingests four folders of the corpus: run it without -short and -race")
	}
	var roots []string
	for _, d := range []string{"bulk", "dev", "formats", "legacy"} {
		roots = append(roots, testshared.Dir(t, "corpus/"+d))
	}
	base := filepath.Dir(roots[0])
	dir := filepath.Join(t.TempDir(), "idx")
	args := append([]string{"ingest", "--ocr", "off", "--index", dir}, roots...)
	if code, _, stderr, _ := runVanban(t, 20*time.Minute, args...); code != 0 && code != exitFailed {
		t.Fatalf("vanban ingest: exit %d\n%s", code, stderr)
	}
	ix, err := index.OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	start := time.Now()
	g, err := ix.NearGroups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	n, err := ix.Count()
	if err != nil {
		t.Fatal(err)
	}

	// The text each file holds, by what is known of the corpus.
	known := func(rel string) string {
		name := filepath.Base(rel)
		switch {
		case strings.HasPrefix(rel, "formats/"), strings.HasPrefix(rel, "dev/"), strings.HasPrefix(rel, "legacy/"):
			stem, _, _ := strings.Cut(name, ".")
			return "text:" + stem
		case strings.Contains(name, "thong-tu__39db3d8c3cc4571d"), strings.Contains(name, "thong-tu__9e6739b0beeb8634"):
			return "rescraped thong-tu"
		}
		return "file:" + rel
	}
	// Every document's files, and the group each is in.
	type file struct{ rel, group string }
	var files []file
	var all []string
	err = ix.Records(ctx, nil, func(rec extract.Record) error {
		all = append(all, rec.SHA256)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, sha := range all {
		paths, err := ix.Paths(sha)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			rel, _ := filepath.Rel(base, p)
			files = append(files, file{rel, g.Key(sha)})
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].rel < files[j].rel })
	var falseMerges, misses []string
	pairs := 0
	for i := range files {
		for j := i + 1; j < len(files); j++ {
			a, b := files[i], files[j]
			same, merged := known(a.rel) == known(b.rel), a.group == b.group
			if same {
				pairs++
			}
			switch {
			case merged && !same:
				falseMerges = append(falseMerges, a.rel+" + "+b.rel)
			case same && !merged:
				misses = append(misses, a.rel+" / "+b.rel)
			}
		}
	}
	t.Logf("%d documents (%d files), %d groups of copies holding %d documents; NearGroups took %v", n, len(files), g.Len(), g.Copies(), took)
	t.Logf("pairs of files known to hold one text: %d; false merges: %d; misses: %d", pairs, len(falseMerges), len(misses))
	for _, m := range falseMerges {
		t.Errorf("false merge: %s", m)
	}
	for _, m := range misses {
		if strings.HasSuffix(strings.Fields(m)[0], ".ppt") {
			t.Logf("miss (vanban cannot read PowerPoint): %s", m)
			continue
		}
		t.Errorf("miss: %s", m)
	}
}
