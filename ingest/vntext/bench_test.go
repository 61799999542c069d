package vntext

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"vanban/internal/testshared"
)

// loadBulk reads every file of corpus/bulk once.
func loadBulk(b *testing.B) [][]byte {
	b.Helper()
	dir := testshared.Dir(b, "corpus/bulk")
	var files [][]byte
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files = append(files, data)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(files) == 0 {
		b.Skip("corpus/bulk is empty")
	}
	return files
}

func benchBulk(b *testing.B, fn func([]byte)) {
	files := loadBulk(b)
	var n int64
	for _, f := range files {
		n += int64(len(f))
	}
	b.SetBytes(n)
	b.ResetTimer()
	cpu0 := testshared.CPUTime()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			fn(f)
		}
	}
	reportCPU(b, cpu0, n)
}

func reportCPU(b *testing.B, cpu0 time.Duration, bytesPerOp int64) {
	b.StopTimer()
	if d := testshared.CPUTime() - cpu0; d > 0 {
		b.ReportMetric(float64(bytesPerOp)*float64(b.N)/1e6/d.Seconds(), "cpuMB/s")
	}
}

// BenchmarkPipeline is what a reader does per text file: Decode, Repair,
// Clean, then Normalize and Fold as the index does.
func BenchmarkPipeline(b *testing.B) {
	benchBulk(b, func(f []byte) {
		s, _, _ := Decode(f)
		s, _ = Repair(s)
		s = Clean(s)
		_ = Fold(Normalize(s))
	})
}

func BenchmarkDecode(b *testing.B) { benchBulk(b, func(f []byte) { Decode(f) }) }

func BenchmarkRepair(b *testing.B) {
	benchBulk(b, func(f []byte) { Repair(string(f)) })
}

func BenchmarkClean(b *testing.B) { benchBulk(b, func(f []byte) { Clean(string(f)) }) }

func BenchmarkNormalize(b *testing.B) {
	benchBulk(b, func(f []byte) { Normalize(string(f)) })
}

func BenchmarkFold(b *testing.B) { benchBulk(b, func(f []byte) { Fold(string(f)) }) }

// BenchmarkDecodeLegacy measures detection and decoding of 8-bit text: the
// bulk corpus encoded as TCVN3, then detected and decoded.
func BenchmarkDecodeLegacy(b *testing.B) {
	files := loadBulk(b)
	var enc [][]byte
	var n int64
	for _, f := range files[:min(len(files), 100)] {
		e, err := TCVN3.NewEncoder().Bytes(f)
		if err != nil {
			b.Fatal(err)
		}
		enc = append(enc, e)
		n += int64(len(e))
	}
	b.SetBytes(n)
	b.ResetTimer()
	cpu0 := testshared.CPUTime()
	for i := 0; i < b.N; i++ {
		for _, f := range enc {
			Decode(f)
		}
	}
	reportCPU(b, cpu0, n)
}

// BenchmarkTokens is the index's per-term work: Normalize and Fold on each
// whitespace-separated token of the bulk corpus, as a Bleve token filter
// would call them.
func BenchmarkTokens(b *testing.B) {
	files := loadBulk(b)
	var toks [][]byte
	var n int64
	for _, f := range files {
		for _, t := range bytes.Fields(f) {
			toks = append(toks, t)
			n += int64(len(t))
		}
	}
	b.SetBytes(n)
	b.ResetTimer()
	cpu0 := testshared.CPUTime()
	for i := 0; i < b.N; i++ {
		for _, t := range toks {
			_ = Normalize(string(t))
			_ = FoldToken(t)
		}
	}
	reportCPU(b, cpu0, n)
	b.ReportMetric(float64(len(toks)), "tokens/op")
}
