package export

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"vanban/extract"
	"vanban/index"
	"vanban/internal/testshared"
)

// benchDocs × benchTargets synthetic targets make the 200,000 rows of
// BenchmarkExport200k: 2,000 documents of 100 targets, or with
// $VANBAN_BENCH_DOCS=20000, 20,000 documents of 10.
var benchDocs, benchTargets = benchShape()

func benchShape() (int, int) {
	if n, err := strconv.Atoi(os.Getenv("VANBAN_BENCH_DOCS")); err == nil && n > 0 && n <= 200000 {
		return n, 200000 / n
	}
	return 2000, 100
}

// buildBenchIndex writes benchDocs synthetic documents of benchTargets
// targets each to an index in dir, unless dir already holds one.
func buildBenchIndex(b *testing.B, dir string) {
	b.Helper()
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err == nil {
		return
	}
	start := time.Now()
	ix, err := index.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	w := ix.NewWriter(50)
	subjects := []string{"tổ chức cơ sở đảng", "đảng viên", "chi bộ", "hộ nghèo", "thu nhập bình quân đầu người"}
	units := []string{"%", "triệu đồng/người/năm", "hộ", "km", "xã"}
	for d := 0; d < benchDocs; d++ {
		num := fmt.Sprintf("%d-NQ/ĐU", d+1)
		sent := fmt.Sprintf("Nghị quyết %s đề ra chỉ tiêu giai đoạn 2021-2025: phấn đấu đến năm 2025 có từ 90%% tổ chức cơ sở đảng trở lên đạt trong sạch, vững mạnh; thu nhập bình quân đạt 60 triệu đồng/người/năm.", num)
		text := sent + " Ngày 12/3/2021, giai đoạn 2021 - 2025."
		rec := extract.Record{
			Path: fmt.Sprintf("/archive/%04d/nghi-quyet-%d.pdf", d/100, d+1), Format: "pdf", Kind: "resolution",
			Title: extract.NullString("Về nâng cao chất lượng sinh hoạt chi bộ số " + strconv.Itoa(d)), Number: extract.NullString(num),
			Issuer: "Đảng ủy xã", Issued: "2021-03-12", Pages: ptr(3),
			Dates: []extract.Date{
				dateAt(text, "Ngày 12/3/2021", "2021-03-12", "2021-03-12", "day", 1),
				dateAt(text, "giai đoạn 2021 - 2025", "2021", "2025", "period", 1),
			},
		}
		for i := 0; i < benchTargets; i++ {
			k := (d + i) % len(subjects)
			rec.Targets = append(rec.Targets, extract.Target{
				Text: fmt.Sprintf("%d%% %s", 50+i%50, subjects[k]), Comparator: ">=", Value: float64(50+i%50) + 0.5,
				Unit: units[k], Subject: subjects[k], Indicator: "đạt trong sạch, vững mạnh",
				Period: &extract.Period{Start: "2021", End: "2025"}, SourceNumber: extract.NullString(num),
				Sentence: sent, Page: 1 + i%3,
			})
		}
		st := index.FileState{Path: rec.Path, SHA256: hashOf(rec.Path), Size: 1000, ModTime: time.Unix(1700000000, 0)}
		if err := w.Add(rec, text, st); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		b.Fatal(err)
	}
	b.Logf("built the benchmark index (%d targets) in %v", benchDocs*benchTargets, time.Since(start).Round(time.Millisecond))
}

// peakRSS returns the process's peak resident set (VmHWM: with the pages
// of the index files mapped in) in MB, or -1 where /proc does not tell.
func peakRSS() float64 { return statusMB("VmHWM:") }

// rssSampler tracks the largest anonymous resident memory (RssAnon: heap
// and stacks, not the index files mapped in) while it runs.
type rssSampler struct {
	stop chan struct{}
	done chan float64
}

func sampleRSS() *rssSampler {
	s := &rssSampler{stop: make(chan struct{}), done: make(chan float64, 1)}
	go func() {
		peak := 0.0
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			if v := statusMB("RssAnon:"); v > peak {
				peak = v
			}
			select {
			case <-s.stop:
				s.done <- peak
				return
			case <-t.C:
			}
		}
	}()
	return s
}

// Stop ends sampling and returns the peak in MB.
func (s *rssSampler) Stop() float64 {
	close(s.stop)
	return <-s.done
}

// statusMB reads one kB line of /proc/self/status, in MB (-1 if absent).
func statusMB(key string) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, key); ok {
			kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			if err == nil {
				return float64(kb) / 1024
			}
		}
	}
	return -1
}

// resetPeakRSS starts a new VmHWM measurement (Linux: clear_refs 5).
func resetPeakRSS() bool {
	runtime.GC()
	debug.FreeOSMemory()
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// BenchmarkExport200k exports 200,000 target rows (and the other sheets of
// 2,000 documents) from an index to an xlsx workbook on disk, under the
// memory limit that vanban export sets, and reports the peak anonymous RSS
// (heap) and the peak RSS (with the index files mapped in) of the export. The index is built once, in
// $VANBAN_BENCH_INDEX when set (kept between runs), else in a temporary
// folder.
func BenchmarkExport200k(b *testing.B) {
	dir := os.Getenv("VANBAN_BENCH_INDEX")
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "idx")
	}
	buildBenchIndex(b, dir)
	ix, err := index.OpenReadOnly(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	out := filepath.Join(b.TempDir(), "export.xlsx")
	if os.Getenv("GOMEMLIMIT") == "" { // as vanban export does
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(MemoryLimit))
	}
	reset := resetPeakRSS()
	sampler := sampleRSS()
	b.ResetTimer()
	var stats Stats
	var size int64
	for b.Loop() {
		f, err := CreateFile(out, true)
		if err != nil {
			b.Fatal(err)
		}
		x, err := NewXLSX(f, Options{})
		if err != nil {
			b.Fatal(err)
		}
		stats, err = Export(context.Background(), ix, nil, x, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := f.Commit(); err != nil {
			b.Fatal(err)
		}
		st, _ := os.Stat(out)
		size = st.Size()
	}
	b.StopTimer()
	b.ReportMetric(sampler.Stop(), "peakAnon-MB")
	if stats[SheetTargets] != benchDocs*benchTargets {
		b.Fatalf("%d target rows; want %d", stats[SheetTargets], benchDocs*benchTargets)
	}
	if reset {
		b.ReportMetric(peakRSS(), "peakRSS-MB")
	}
	b.ReportMetric(float64(size)/(1<<20), "xlsx-MB")
}

// BenchmarkXLSXRows writes 200,000 synthetic target rows straight to the
// workbook writer (no index), to a discarded output.
func BenchmarkXLSXRows(b *testing.B) {
	row := []any{"Về nâng cao chất lượng sinh hoạt chi bộ", "05-NQ/ĐU", "Nghị quyết", "Đảng ủy xã", Date{ISO: "2021-03-12"},
		"05-NQ/ĐU", "chi bộ", nil, "đạt trong sạch, vững mạnh", "≥", 90.5, nil, "%", Date{ISO: "2021"}, Date{ISO: "2025", End: true},
		nil, 2, strings.Repeat("Phấn đấu đến năm 2025 có 100% chi bộ sinh hoạt định kỳ. ", 4), Link{Path: "/archive/nghi-quyet-05.pdf"}, 1}
	reset := resetPeakRSS()
	sampler := sampleRSS()
	for b.Loop() {
		x, err := NewXLSX(io.Discard, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := x.BeginSheet(SheetTargets); err != nil {
			b.Fatal(err)
		}
		for i := 0; i < benchDocs*benchTargets; i++ {
			if err := x.WriteRow(row); err != nil {
				b.Fatal(err)
			}
		}
		if err := x.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(sampler.Stop(), "peakAnon-MB")
	if reset {
		b.ReportMetric(peakRSS(), "peakRSS-MB")
	}
}

// BenchmarkExportScale exports every sheet of indexes of 2,000 and 16,000
// short documents (one target each, mostly resolutions, dates and numbers
// with many ties, a tenth undated or unnumbered) to an xlsx workbook and
// reports documents exported per second of wall and of CPU time (the
// steadier on a loaded machine): near the same at both sizes when export
// time grows linearly with the archive (listing documents in order
// once took time quadratic in the documents of a kind). Each index is
// built once per run, in a temporary folder (about a minute for the
// larger). No time is asserted.
func BenchmarkExportScale(b *testing.B) {
	for _, n := range []int{2000, 16000} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "idx")
			buildScaleIndex(b, dir, n)
			ix, err := index.OpenReadOnly(dir)
			if err != nil {
				b.Fatal(err)
			}
			defer ix.Close()
			out := filepath.Join(b.TempDir(), "export.xlsx")
			if os.Getenv("GOMEMLIMIT") == "" { // as vanban export does
				defer debug.SetMemoryLimit(debug.SetMemoryLimit(MemoryLimit))
			}
			reset := resetPeakRSS()
			sampler := sampleRSS()
			cpu0 := testshared.CPUTime()
			b.ResetTimer()
			var stats Stats
			for b.Loop() {
				f, err := CreateFile(out, true)
				if err != nil {
					b.Fatal(err)
				}
				x, err := NewXLSX(f, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if stats, err = Export(context.Background(), ix, nil, x, Options{}); err != nil {
					b.Fatal(err)
				}
				if err := f.Commit(); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			cpu := testshared.CPUTime() - cpu0
			if stats[SheetDocuments] != n {
				b.Fatalf("%d document rows; want %d", stats[SheetDocuments], n)
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
			if cpu > 0 {
				b.ReportMetric(float64(n)*float64(b.N)/cpu.Seconds(), "docs/CPU-s")
			}
			b.ReportMetric(sampler.Stop(), "peakAnon-MB")
			if reset {
				b.ReportMetric(peakRSS(), "peakRSS-MB")
			}
		})
	}
}

// buildScaleIndex writes n short synthetic documents to an index in dir:
// 80% resolutions, the rest decisions and articles; issue dates among
// 300 days (a tenth undated), numbers among 500 (a tenth unnumbered), so
// that the order has long runs of ties.
func buildScaleIndex(b *testing.B, dir string, n int) {
	b.Helper()
	start := time.Now()
	ix, err := index.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	w := ix.NewWriter(500)
	for d := 0; d < n; d++ {
		kind := "resolution"
		switch d % 10 {
		case 3:
			kind = "decision"
		case 7:
			kind = "article"
		}
		num := fmt.Sprintf("%d-NQ/ĐU", d%500+1)
		issued := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d*7%300).Format("2006-01-02")
		if d%10 == 1 {
			issued = ""
		}
		if d%10 == 2 {
			num = ""
		}
		sent := fmt.Sprintf("Phấn đấu đến năm 2025 có từ %d%% tổ chức cơ sở đảng trở lên đạt trong sạch, vững mạnh.", 50+d%50)
		text := fmt.Sprintf("Nghị quyết số %s của Đảng ủy xã %d. %s", num, d, sent)
		rec := extract.Record{
			Path: fmt.Sprintf("/archive/%03d/vb-%d.txt", d/1000, d), Format: "txt", Kind: kind,
			Title: extract.NullString(fmt.Sprintf("Nghị quyết về công tác xây dựng Đảng %d", d)), Number: extract.NullString(num),
			Issuer: "Đảng ủy xã", Issued: extract.NullString(issued),
			Targets: []extract.Target{{
				Text: fmt.Sprintf("%d%% tổ chức cơ sở đảng", 50+d%50), Comparator: ">=", Value: float64(50 + d%50),
				Unit: "%", Subject: "tổ chức cơ sở đảng", Indicator: "đạt trong sạch, vững mạnh",
				Period: &extract.Period{Start: "2021", End: "2025"}, Sentence: sent,
			}},
		}
		st := index.FileState{Path: rec.Path, SHA256: hashOf(rec.Path), Size: int64(len(text)), ModTime: time.Unix(1700000000, 0)}
		if err := w.Add(rec, text, st); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		b.Fatal(err)
	}
	b.Logf("built the benchmark index of %d documents in %v", n, time.Since(start).Round(time.Millisecond))
}
