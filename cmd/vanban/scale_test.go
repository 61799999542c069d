package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"vanban/ingest/vntext"
	"vanban/internal/testshared"
)

// The scale run (issue 10). It writes N documents synthesized from
// ../shared/corpus/bulk to disk (paragraphs of its real texts recombined
// under a varied heading, number, date and issuer, so that no two files
// are alike), ingests them with the real binary and reports docs/s, MB/s,
// peak RSS, index bytes per document, then the cold latency of `vanban
// search` (process start to its exit) over a fixed set of queries. Run:
//
//	VANBAN_SCALE=10000 go test ./cmd/vanban -run '^TestScale$' -v -timeout 6h
//
// VANBAN_SCALE_SHORT=1 makes every document about 1 KB (for the run at
// 1,000,000: the count is what strains the index). VANBAN_SCALE_DIR keeps
// the files and the index there (and reuses files already written). The
// warm latencies of the 1,000-query mix are measured by search's
// BenchmarkQueryMix (README, Measurements). The ingest's progress is
// logged by tenths of the run (files/s and CPU time a file in each; the
// last tenth includes the final commit, the copies' groups and the merge).
func TestScale(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("VANBAN_SCALE"))
	if n <= 0 {
		t.Skip("scale run: set VANBAN_SCALE=N (documents) to run it")
	}
	short := os.Getenv("VANBAN_SCALE_SHORT") != ""
	base := os.Getenv("VANBAN_SCALE_DIR")
	if base == "" {
		base = t.TempDir()
	}
	bin := filepath.Join(t.TempDir(), "vanban")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	paras, titles, mean := scaleCorpus(t)
	docs := filepath.Join(base, fmt.Sprintf("docs-%d-short%v", n, short))
	start := time.Now()
	total, err := writeScaleDocs(docs, n, short, mean, paras, titles)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d documents, %.1f MB, written in %v to %s", n, float64(total)/1e6, time.Since(start).Round(time.Second), docs)

	idx := filepath.Join(base, fmt.Sprintf("idx-%d-short%v", n, short))
	os.RemoveAll(idx)
	cmd := exec.Command(bin, "ingest", "--index", idx, docs)
	cmd.Env = append(os.Environ(), "VANBAN_PROGRESS_INTERVAL=10s")
	bands := &scaleBands{t: t, size: max(n/10, 1000)}
	cmd.Stdout, cmd.Stderr = new(bytes.Buffer), bands
	start = time.Now()
	bands.start = start
	if err = cmd.Start(); err == nil {
		bands.pid.Store(int64(cmd.Process.Pid))
		err = cmd.Wait()
	}
	d := time.Since(start)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, tail(bands.text(), 2000))
	}
	rss := testshared.PeakRSS(cmd.ProcessState)
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	size := scaleDirSize(idx)
	t.Logf("ingest: %.1f s, %.1f docs/s, %.2f MB/s, peak RSS %d MB, index %.1f MB (%.0f bytes/doc), GOMAXPROCS default, %d CPUs",
		d.Seconds(), float64(n)/d.Seconds(), float64(total)/1e6/d.Seconds(), rss>>20, float64(size)/1e6, float64(size)/float64(n), runtime.NumCPU())
	// Wall-clock rates depend on what else runs; CPU time less so.
	t.Logf("ingest CPU: %.1f s (%.2f ms/doc, %.1f docs per CPU-second); load average at the end: %s",
		cpu.Seconds(), cpu.Seconds()*1000/float64(n), float64(n)/cpu.Seconds(), loadAvg())

	// Cold search: the whole process, as a user runs it.
	queries := [][]string{{"của"}, {"và"}, {"xã"}, {"nghị quyết"}, {`"nông thôn mới"`}, {"dang vien"}, {"chuyen doi so"},
		{"--kind", "resolution", "kinh tế"}, {"--from", "2015-01-01", "cán bộ"}, {"--targets", "đảng viên"}, {"--targets", "hộ nghèo"},
		{"quy hoạch"}, {"--facets", "giáo dục"}, {"--facets", "y tế"}, {`"tổ chức cơ sở đảng"`}, {"--kind", "plan", "phát triển"}}
	var lat []time.Duration
	for round := 0; round < 5; round++ {
		for _, q := range queries {
			c := exec.Command(bin, append([]string{"search", "--index", idx}, q...)...)
			c.Stdout, c.Stderr = new(bytes.Buffer), new(bytes.Buffer)
			s := time.Now()
			if err := c.Run(); err != nil && c.ProcessState.ExitCode() != 1 {
				t.Fatalf("search %q: %v\n%s", q, err, c.Stderr)
			}
			lat = append(lat, time.Since(s))
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration { return lat[int(p*float64(len(lat)-1))].Round(time.Millisecond) }
	t.Logf("cold vanban search (%d runs of %d queries): p50 %v, p95 %v, p99 %v; load average at the end: %s", len(lat), len(queries), pct(0.50), pct(0.95), pct(0.99), loadAvg())
}

// scaleBands receives the progress lines of the scale run's ingest and
// logs, for each band of size files, the files per second (wall clock)
// and the CPU time per file the process spent in it (from /proc), so that
// a rate that falls as the index grows shows where (issue 10: time must
// grow linearly). Bands are cut at the first progress line past each
// multiple of size.
type scaleBands struct {
	t     *testing.T
	size  int
	start time.Time
	pid   atomic.Int64

	mu       sync.Mutex
	buf      bytes.Buffer
	seen     int // bytes of buf already parsed
	next     int // the next band's first file
	at       time.Time
	files    int
	cpuTicks int64
}

var scaleProgress = regexp.MustCompile(`ingest: (\d+)/\d+ files`)

func (b *scaleBands) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf.Write(p)
	for {
		rest := b.buf.Bytes()[b.seen:]
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			return len(p), nil
		}
		b.seen += i + 1
		m := scaleProgress.FindSubmatch(rest[:i])
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(string(m[1]))
		if b.next == 0 {
			b.next, b.at = b.size, b.start
		}
		if n < b.next {
			continue
		}
		now, cpu := time.Now(), procCPUTicks(int(b.pid.Load()))
		files := n - b.files
		b.t.Logf("ingest files %d–%d: %.1f files/s, %.2f ms CPU a file, load average %s",
			b.files, n, float64(files)/now.Sub(b.at).Seconds(), float64(cpu-b.cpuTicks)*10/float64(files), loadAvg())
		b.at, b.files, b.cpuTicks = now, n, cpu
		b.next = (n/b.size + 1) * b.size
	}
}

// text returns what the ingest wrote on stderr.
func (b *scaleBands) text() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// procCPUTicks returns the user and system time of process pid in clock
// ticks (1/100 s), or 0.
func procCPUTicks(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// pid (comm) state ppid ...: utime and stime are the 14th and 15th.
	f := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	s, _ := strconv.ParseInt(f[12], 10, 64)
	return u + s
}

// scaleCorpus returns the paragraphs and first lines (titles) of the bulk
// corpus's text files, NFC, and their mean size in bytes.
func scaleCorpus(t *testing.T) (paras, titles []string, mean int) {
	var total, files int
	dir := testshared.Dir(t, "corpus/bulk")
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(p))
		if ext != ".txt" && ext != ".md" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		total += len(data)
		files++
		first := true
		for _, para := range strings.Split(vntext.Normalize(string(data)), "\n") {
			para = strings.TrimSpace(strings.TrimLeft(para, "#*-> "))
			if len([]rune(para)) < 40 {
				continue
			}
			if first {
				titles = append(titles, string([]rune(para)[:min(len([]rune(para)), 140)]))
				first = false
				continue
			}
			paras = append(paras, para)
		}
		return nil
	})
	if len(paras) < 100 || len(titles) == 0 {
		t.Fatalf("bulk corpus: only %d paragraphs and %d titles of text files", len(paras), len(titles))
	}
	return paras, titles, total / files
}

var scaleKinds = []struct{ head, sym string }{
	{"NGHỊ QUYẾT", "NQ"}, {"QUYẾT ĐỊNH", "QĐ"}, {"KẾ HOẠCH", "KH"}, {"BÁO CÁO", "BC"},
	{"CHỈ THỊ", "CT"}, {"KẾT LUẬN", "KL"}, {"", ""}, {"", ""},
}

var scaleIssuers = []string{"TỈNH ỦY QUẢNG NAM", "HUYỆN ỦY LÂM HÀ", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",
	"BAN CHẤP HÀNH TRUNG ƯƠNG", "THÀNH ỦY CẦN THƠ", "BAN TUYÊN GIÁO TỈNH ỦY"}

// writeScaleDocs writes documents 0..n-1 into dir (files already there
// with the right name are kept) and returns their total size. Document i
// is a heading (issuer, number, place and date; none for an article), a
// title and paragraphs up to a size between half and one and a half times
// mean (short: about 1 KB), all drawn by a generator seeded with i.
func writeScaleDocs(dir string, n int, short bool, mean int, paras, titles []string) (int64, error) {
	var total int64
	for i := 0; i < n; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		p := filepath.Join(sub, fmt.Sprintf("%07d.txt", i))
		if st, err := os.Stat(p); err == nil {
			total += st.Size()
			continue
		}
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return 0, err
			}
		}
		r := rand.New(rand.NewPCG(uint64(i), 10))
		k := scaleKinds[r.IntN(len(scaleKinds))]
		year := 2005 + r.IntN(21)
		var b strings.Builder
		if k.head != "" {
			fmt.Fprintf(&b, "%s\nSố %d-%s/TU\nQuảng Nam, ngày %d tháng %d năm %d\n%s\n",
				scaleIssuers[r.IntN(len(scaleIssuers))], 1+r.IntN(400), k.sym, 1+r.IntN(28), 1+r.IntN(12), year, k.head)
		}
		b.WriteString(titles[r.IntN(len(titles))] + "\n")
		size := mean/2 + r.IntN(mean+1)
		if short {
			size = 1000
		}
		for b.Len() < size {
			b.WriteString(paras[r.IntN(len(paras))] + "\n")
		}
		text := b.String()
		if short && len(text) > 1100 {
			cut := strings.LastIndexByte(text[:1100], ' ')
			text = text[:cut] + "\n"
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return 0, err
		}
		total += int64(len(text))
	}
	return total, nil
}

// scaleDirSize is the total size of the files under dir.
func scaleDirSize(dir string) int64 {
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

// loadAvg returns the 1, 5 and 15-minute load averages of the machine, or
// "?".
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "?"
}

// tail returns the last n bytes of s.
func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
