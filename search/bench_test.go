package search

// The scale benchmark of issue 5. It synthesizes documents from
// ../shared/corpus/bulk (paragraphs of real Vietnamese texts recombined,
// with numbers, dates, kinds, issuers and targets varied), indexes them with
// vanban's own mapping, then runs a fixed mix of 1,000 queries (term,
// phrase, folded, filtered, faceted; 10 hits with snippets each) and reports
// latency p50/p95/p99, the cold start of `vanban search` (process start to
// first result), and index size per document. Run:
//
//	VANBAN_BENCH_DOCS=100000 go test ./search -run '^$' -bench QueryMix -benchtime 1x -timeout 3h
//
// VANBAN_BENCH_DOCS defaults to 5000. VANBAN_BENCH_INDEX names a folder to
// keep the index in (and reuse it on the next run, if it has the same size).
// An index already in VANBAN_BENCH_INDEX with VANBAN_BENCH_DOCS unset is
// used as it is, whatever it holds: for instance the index `vanban ingest`
// built in the scale run (cmd/vanban's TestScale with VANBAN_SCALE_DIR):
//
//	VANBAN_BENCH_INDEX=/data/idx-100000-shortfalse go test ./search -run '^$' -bench QueryMix -benchtime 1x
//
// VANBAN_BENCH_NOCOLD=1 skips the cold start of the binary;
// VANBAN_BENCH_SLOW=N logs the N queries that cost the most CPU;
// VANBAN_BENCH_CLASS=term (phrase, folded, filtered, faceted) runs one
// class of the mix only.

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"vanban/extract"
	"vanban/index"
	"vanban/ingest/vntext"
	"vanban/internal/testshared"
)

// benchCorpus is the paragraphs and titles of the bulk corpus.
type benchCorpus struct {
	paras  []string
	titles []string
}

func loadBulk(b testing.TB) *benchCorpus {
	dir := testshared.Dir(b, "corpus/bulk")
	c := &benchCorpus{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text := vntext.Normalize(string(data))
		first := true
		for _, para := range strings.Split(text, "\n") {
			para = strings.TrimSpace(strings.TrimLeft(para, "#*-> "))
			if len([]rune(para)) < 40 {
				continue
			}
			if first {
				c.titles = append(c.titles, string([]rune(para)[:min(len([]rune(para)), 140)]))
				first = false
				continue
			}
			c.paras = append(c.paras, para)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(c.paras) < 100 {
		b.Fatalf("bulk corpus: only %d paragraphs", len(c.paras))
	}
	return c
}

var (
	benchKinds   = []string{"resolution", "decision", "plan", "report", "directive", "article", "article", "article", "conclusion", "official-letter"}
	benchIssuers = []string{"Ban Chấp hành Trung ương", "Tỉnh ủy Quảng Nam", "Huyện ủy Lâm Hà", "Đảng ủy Khối các cơ quan tỉnh", "Ủy ban nhân dân tỉnh Lâm Đồng", "Hội đồng nhân dân thành phố Cần Thơ", "Bộ Nội vụ", "Ban Tuyên giáo Tỉnh ủy"}
	benchSymbols = map[string]string{"resolution": "NQ", "decision": "QĐ", "plan": "KH", "report": "BC", "directive": "CT", "conclusion": "KL", "official-letter": "CV"}
)

// synthDoc builds document i: 4–12 paragraphs drawn from the corpus, a
// title, and record fields varied by i.
func synthDoc(c *benchCorpus, i int) (extract.Record, string) {
	r := rand.New(rand.NewPCG(uint64(i), 42))
	np := 4 + r.IntN(9)
	paras := make([]string, np)
	for k := range paras {
		paras[k] = c.paras[r.IntN(len(c.paras))]
	}
	kind := benchKinds[r.IntN(len(benchKinds))]
	issuer := benchIssuers[r.IntN(len(benchIssuers))]
	year := 2005 + r.IntN(21)
	issued := fmt.Sprintf("%d-%02d-%02d", year, 1+r.IntN(12), 1+r.IntN(28))
	title := c.titles[r.IntN(len(c.titles))]
	number := ""
	if sym, ok := benchSymbols[kind]; ok {
		number = fmt.Sprintf("%d-%s/%s", 1+r.IntN(300), sym, []string{"TW", "TU", "HU", "ĐU", "ĐUK"}[r.IntN(5)])
	}
	head := strings.ToUpper(kind) + " " + number + "\n" + title
	text := head + "\n" + strings.Join(paras, "\n")
	path := fmt.Sprintf("bulk/%06d.txt", i)
	sha := fmt.Sprintf("%064x", uint64(i)*0x9e3779b97f4a7c15+1)
	rec := extract.Record{Path: path, SHA256: sha, Format: "txt", Authors: []string{}, References: []extract.Reference{},
		Abbreviations: []extract.Abbreviation{}, Dates: []extract.Date{}, Targets: []extract.Target{}, Warnings: []string{}}
	rec.Kind, rec.Title, rec.Number, rec.Issuer = kind, extract.NullString(title), extract.NullString(number), extract.NullString(issuer)
	if kind == "article" {
		rec.Published = extract.NullString(issued)
	} else {
		rec.Issued = extract.NullString(issued)
	}
	if r.IntN(4) == 0 {
		end := strconv.Itoa(year + 5)
		rec.Targets = []extract.Target{{
			Text: "phấn đấu 90% đạt", Comparator: ">=", Value: float64(50 + r.IntN(50)), Unit: "%",
			Subject:   []string{"đảng viên", "tổ chức cơ sở đảng", "hộ nghèo", "xã nông thôn mới"}[r.IntN(4)],
			Indicator: "hoàn thành nhiệm vụ", Period: &extract.Period{Start: strconv.Itoa(year), End: end},
			Sentence: paras[0], Page: 1,
		}}
	}
	return rec, text
}

// benchIndex returns an index of n synthesized documents (built, or reused
// from VANBAN_BENCH_INDEX), its folder, its number of documents and how
// long building took. n == 0 means: the index already in
// VANBAN_BENCH_INDEX, whatever it holds, or else 5000 documents.
func benchIndex(b *testing.B, c *benchCorpus, n int) (string, int, time.Duration) {
	dir := os.Getenv("VANBAN_BENCH_INDEX")
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "ix")
	}
	if ix, err := index.OpenReadOnly(dir); err == nil {
		got, err := ix.Count()
		ix.Close()
		if err != nil {
			b.Fatal(err)
		}
		if got == n || n == 0 {
			b.Logf("reusing the index of %d documents in %s", got, dir)
			return dir, got, 0
		}
		b.Fatalf("%s holds %d documents, not %d: remove it", dir, got, n)
	}
	if n == 0 {
		n = 5000
	}
	start := time.Now()
	ix, err := index.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	w := ix.NewWriter(500)
	for i := 0; i < n; i++ {
		rec, text := synthDoc(c, i)
		if err := w.Add(rec, text, index.FileState{Path: rec.Path, SHA256: rec.SHA256, Size: int64(len(text)), ModTime: time.Unix(int64(i), 0)}); err != nil {
			b.Fatal(err)
		}
		if (i+1)%10000 == 0 {
			b.Logf("indexed %d documents in %v", i+1, time.Since(start).Round(time.Second))
		}
	}
	// As ingest does: the copies of one text, found once for every search.
	if err := w.SaveNearGroups(context.Background()); err != nil {
		b.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		b.Fatal(err)
	}
	return dir, n, time.Since(start)
}

// mixQuery is one query of the mix and its category.
type mixQuery struct {
	cat string
	q   Query
}

// queryMix returns the fixed mix of 1,000 queries: 250 terms, 200 phrases,
// 200 folded (no diacritics), 200 filtered, 150 faceted.
func queryMix(c *benchCorpus) []mixQuery {
	r := rand.New(rand.NewPCG(7, 7))
	words := func(k int) string {
		for {
			w := strings.Fields(c.paras[r.IntN(len(c.paras))])
			if len(w) < k+2 {
				continue
			}
			i := r.IntN(len(w) - k)
			s := strings.Trim(strings.Join(w[i:i+k], " "), ".,;:()\"'“”")
			if s != "" && !strings.ContainsAny(s, `"():+-*?~^\/[]{}!`) {
				return s
			}
		}
	}
	var qs []mixQuery
	for i := 0; i < 250; i++ {
		qs = append(qs, mixQuery{"term", Query{Text: words(1 + r.IntN(2))}})
	}
	for i := 0; i < 200; i++ {
		qs = append(qs, mixQuery{"phrase", Query{Text: `"` + words(2+r.IntN(2)) + `"`}})
	}
	for i := 0; i < 200; i++ {
		qs = append(qs, mixQuery{"folded", Query{Text: vntext.Fold(words(2 + r.IntN(3)))}})
	}
	for i := 0; i < 200; i++ {
		y := 2005 + r.IntN(20)
		qs = append(qs, mixQuery{"filtered", Query{Text: words(2), Kind: benchKinds[r.IntN(len(benchKinds))], From: strconv.Itoa(y), To: strconv.Itoa(y + 3)}})
	}
	for i := 0; i < 150; i++ {
		qs = append(qs, mixQuery{"faceted", Query{Text: words(1 + r.IntN(3)), Facets: true}})
	}
	r.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
	return qs
}

func percentile(ds []time.Duration, p float64) time.Duration {
	return ds[min(len(ds)-1, int(float64(len(ds))*p))]
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

func BenchmarkQueryMix(b *testing.B) {
	n := 0 // the index in VANBAN_BENCH_INDEX as it is, or 5000 (benchIndex)
	if s := os.Getenv("VANBAN_BENCH_DOCS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			b.Fatalf("VANBAN_BENCH_DOCS=%q: want a positive number", s)
		}
		n = v
	}
	c := loadBulk(b)
	dir, n, build := benchIndex(b, c, n)
	size := dirSize(dir)
	if build > 0 {
		b.ReportMetric(float64(n)/build.Seconds(), "docs/s-indexed")
	}
	b.ReportMetric(float64(size)/float64(n), "B/doc-on-disk")

	ix, err := index.OpenReadOnly(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if os.Getenv("VANBAN_BENCH_PAGEOUT") == "" {
		ix.KeepMapped() // as vanban search does
	}
	s, err := New(ix)
	if err != nil {
		b.Fatal(err)
	}
	qs := queryMix(c)
	if cl := os.Getenv("VANBAN_BENCH_CLASS"); cl != "" {
		// One class of the mix only (term, phrase, folded, filtered, faceted).
		var keep []mixQuery
		for _, q := range qs {
			if q.cat == cl {
				keep = append(keep, q)
			}
		}
		qs = keep
	}
	ctx := context.Background()
	for _, mq := range qs[:50] { // warm up
		q := mq.q
		q.Limit = 10
		if _, err := s.Search(ctx, q); err != nil {
			b.Fatalf("Search(%+v): %v", q, err)
		}
	}
	var lat, cpu []time.Duration
	type slowQ struct {
		cpu time.Duration
		mq  mixQuery
	}
	var slow []slowQ
	byCat, cpuCat := map[string][]time.Duration{}, map[string][]time.Duration{}
	b.ResetTimer()
	for it := 0; it < b.N; it++ {
		lat, cpu = lat[:0], cpu[:0]
		for _, mq := range qs {
			q := mq.q
			q.Limit = 10
			c0 := testshared.CPUTime()
			t0 := time.Now()
			if _, err := s.Search(ctx, q); err != nil {
				b.Fatalf("Search(%+v): %v", q, err)
			}
			d := time.Since(t0)
			lat = append(lat, d)
			c := testshared.CPUTime() - c0
			cpu = append(cpu, c)
			byCat[mq.cat] = append(byCat[mq.cat], d)
			cpuCat[mq.cat] = append(cpuCat[mq.cat], c)
			slow = append(slow, slowQ{c, mq})
		}
	}
	b.StopTimer()
	if k, _ := strconv.Atoi(os.Getenv("VANBAN_BENCH_SLOW")); k > 0 {
		// The queries that cost the most CPU, to see where it goes.
		sort.Slice(slow, func(i, j int) bool { return slow[i].cpu > slow[j].cpu })
		for _, sq := range slow[:min(k, len(slow))] {
			b.Logf("slow: %v %s %q kind=%q from=%q facets=%v", sq.cpu, sq.mq.cat, sq.mq.q.Text, sq.mq.q.Kind, sq.mq.q.From, sq.mq.q.Facets)
		}
	}
	// The process's CPU time per query (the GC's included): steadier than
	// wall-clock time when other jobs share the machine.
	sort.Slice(cpu, func(i, j int) bool { return cpu[i] < cpu[j] })
	b.ReportMetric(float64(percentile(cpu, 0.50).Microseconds())/1000, "ms-cpu-p50")
	b.ReportMetric(float64(percentile(cpu, 0.99).Microseconds())/1000, "ms-cpu-p99")
	var sum time.Duration
	for _, c := range cpu {
		sum += c
	}
	b.Logf("CPU per query: p50 %v p95 %v p99 %v, mean %v", percentile(cpu, 0.5), percentile(cpu, 0.95), percentile(cpu, 0.99), sum/time.Duration(len(cpu)))
	for _, cat := range []string{"term", "phrase", "folded", "filtered", "faceted"} {
		ds, cs := byCat[cat], cpuCat[cat]
		if len(ds) == 0 {
			continue
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		sort.Slice(cs, func(i, j int) bool { return cs[i] < cs[j] })
		b.Logf("%-8s n=%d p50 %v p95 %v p99 %v; CPU p50 %v p95 %v p99 %v", cat, len(ds), percentile(ds, 0.5), percentile(ds, 0.95), percentile(ds, 0.99),
			percentile(cs, 0.5), percentile(cs, 0.95), percentile(cs, 0.99))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(percentile(lat, 0.50).Microseconds())/1000, "ms-p50")
	b.ReportMetric(float64(percentile(lat, 0.95).Microseconds())/1000, "ms-p95")
	b.ReportMetric(float64(percentile(lat, 0.99).Microseconds())/1000, "ms-p99")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "ms-max")
	ix.Close()
	if os.Getenv("VANBAN_BENCH_NOCOLD") != "" {
		return
	}

	// Cold start: the real binary, process start to first result.
	bin := filepath.Join(b.TempDir(), "vanban")
	if out, err := exec.Command("go", "build", "-o", bin, "vanban/cmd/vanban").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	var cold []time.Duration
	for i := 0; i < 7; i++ {
		q := qs[i*37%len(qs)].q
		args := []string{"search", "--index", dir, "--limit", "10"}
		if q.Kind != "" {
			args = append(args, "--kind", q.Kind)
		}
		args = append(args, "--", q.Text)
		t0 := time.Now()
		out, err := exec.Command(bin, args...).CombinedOutput()
		cold = append(cold, time.Since(t0))
		if err != nil && !strings.Contains(string(out), "no document matches") {
			b.Fatalf("vanban %v: %v\n%s", args, err, out)
		}
	}
	sort.Slice(cold, func(i, j int) bool { return cold[i] < cold[j] })
	b.ReportMetric(float64(cold[len(cold)/2].Microseconds())/1000, "ms-cold-start")
	b.Logf("%d docs: build %v, %.1f MB on disk; query p50 %v p95 %v p99 %v max %v; cold start median %v (min %v, max %v)",
		n, build.Round(time.Second), float64(size)/1e6, percentile(lat, 0.5), percentile(lat, 0.95), percentile(lat, 0.99), lat[len(lat)-1],
		cold[len(cold)/2], cold[0], cold[len(cold)-1])
}

// TestQueryMixDump writes the results of the query mix over the index in
// VANBAN_BENCH_INDEX to the file VANBAN_MIX_DUMP (one line a query: total,
// hits with score and snippets, facets), to compare two versions of the
// search code on the same index. Pages past the first are asked too.
func TestQueryMixDump(t *testing.T) {
	out, dir := os.Getenv("VANBAN_MIX_DUMP"), os.Getenv("VANBAN_BENCH_INDEX")
	if out == "" || dir == "" {
		t.Skip("set VANBAN_MIX_DUMP and VANBAN_BENCH_INDEX")
	}
	c := loadBulk(t)
	ix, err := index.OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	s, err := New(ix)
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for i, mq := range queryMix(c) {
		for _, page := range []struct{ limit, offset int }{{10, 0}, {7, 13}} {
			q := mq.q
			q.Limit, q.Offset = page.limit, page.offset
			res, err := s.Search(context.Background(), q)
			if err != nil {
				t.Fatalf("Search(%+v): %v", q, err)
			}
			fmt.Fprintf(&sb, "%d %s %q off=%d total=%d any=%v", i, mq.cat, q.Text, q.Offset, res.Total, res.AnyWords)
			for _, h := range res.Hits {
				fmt.Fprintf(&sb, " | %s %.4g", h.SHA256[:12], h.Score)
				for _, sn := range h.Snippets {
					fmt.Fprintf(&sb, " [%s %v]", sn.Text, sn.Marks)
				}
			}
			for _, k := range []string{"kind", "year", "issuer"} {
				fmt.Fprintf(&sb, " %s=%v", k, res.Facets[k])
			}
			sb.WriteString("\n")
		}
	}
	if err := os.WriteFile(out, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
