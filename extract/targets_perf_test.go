package extract

import (
	"os"
	"testing"
)

// BenchmarkFindTargetsLarge measures FindTargets on one large text, given
// by the environment variable VANBAN_BENCH_TEXT (a text file, e.g. the
// output of `vanban text` on a long document), to check that the
// extractor stays linear in the length of the text.
func BenchmarkFindTargetsLarge(b *testing.B) {
	path := os.Getenv("VANBAN_BENCH_TEXT")
	if path == "" {
		b.Skip("VANBAN_BENCH_TEXT not set")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	dates := FindDates(text, 0)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		FindTargets(text, TargetContext{Dates: dates})
	}
}
