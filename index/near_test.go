package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"vanban/extract"
	"vanban/ingest/vntext"
)

// copiesText reads a document of ../testdata/copies.
func copiesText(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "copies", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// rewrap breaks text into lines of about n bytes, as a PDF's text layer
// does, with page numbers between pages of 40 lines.
func rewrap(text string, n int) string {
	var b strings.Builder
	line, lines, page := 0, 0, 1
	for _, w := range strings.Fields(text) {
		if line+len(w) > n {
			b.WriteByte('\n')
			line = 0
			lines++
			if lines%40 == 0 {
				page++
				b.WriteString("\n" + strings.Repeat(" ", 30) + "Trang " + string(rune('0'+page%10)) + "\n")
			}
		} else if line > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		line += len(w) + 1
	}
	return b.String()
}

func TestNearSimilarity(t *testing.T) {
	nq := copiesText(t, "nq-66-2025-HDND.md")
	qd1, qd2 := copiesText(t, "qd-3769-UBND-nghe-an.md"), copiesText(t, "qd-3782-UBND-nghe-an.md")
	header := "CỔNG THÔNG TIN ĐIỆN TỬ THÀNH PHỐ\nTrang chủ | Tin tức | Văn bản\nĐăng lại ngày 28/11/2025, lượt xem 1.234\n\n"
	tests := []struct {
		name     string
		a, b     string
		min, max float64
	}{
		{"same text", nq, nq, 1, 1},
		{"NFD, capitals, other line breaks and punctuation", nq, strings.ToUpper(norm.NFD.String(rewrap(strings.ReplaceAll(nq, "**", ""), 70))), 0.95, 1},
		{"re-post under another header", nq, header + nq + "\nBình luận (0) · Chia sẻ bài viết", NearThreshold, 1},
		{"PDF-like lines with page numbers", nq, rewrap(nq, 60), NearThreshold, 1},
		{"two decisions of one template", qd1, qd2, 0, NearThreshold - 0.01},
		{"different documents", nq, qd1, 0, 0.1},
		{"empty", "", nq, 0, 0},
		{"punctuation only", "— … ***", "— … ***", 0, 0},
	}
	for _, tt := range tests {
		got := NearSimilarity(tt.a, tt.b)
		if got < tt.min || got > tt.max {
			t.Errorf("%s: NearSimilarity = %.3f; want %.2f–%.2f", tt.name, got, tt.min, tt.max)
		}
	}
}

func TestNearFields(t *testing.T) {
	nq := copiesText(t, "nq-66-2025-HDND.md")
	sig, bands := nearFields(nq)
	if len(bands) != nearBands || decodeSketch(sig) == nil {
		t.Fatalf("nearFields: %d bands, sketch %q", len(bands), sig[:min(20, len(sig))])
	}
	// The same words in another form give the same sketch.
	sig2, bands2 := nearFields(strings.ToUpper(norm.NFD.String(nq)))
	if sig2 != sig || strings.Join(bands2, " ") != strings.Join(bands, " ") {
		t.Error("nearFields: capitals and NFD change the sketch")
	}
	if s, b := nearFields(" … — "); s != "" || b != nil {
		t.Errorf("nearFields(no word) = %q, %v; want none", s, b)
	}
	// The estimate follows the measure.
	other := copiesText(t, "qd-3769-UBND-nghe-an.md")
	if est := sketchSimilarity(decodeSketch(sig), nearSketch(other)); est > 0.1 {
		t.Errorf("sketch similarity of different documents = %.2f; want about 0", est)
	}
}

// addText stores text as the document at path, in format, extracted as
// ingest would.
func addText(t *testing.T, w *Writer, path, format, text string) string {
	t.Helper()
	sum := sha256.Sum256([]byte(path + "\x00" + text))
	src := extract.Source{Path: path, SHA256: hex.EncodeToString(sum[:]), Format: format, Pages: []string{text}}
	rec := extract.Extract(src)
	rec.Path, rec.SHA256, rec.Format = path, src.SHA256, format
	if err := w.Add(rec, src.Text(), FileState{Path: path, SHA256: src.SHA256, Size: int64(len(text))}); err != nil {
		t.Fatal(err)
	}
	return src.SHA256
}

func TestNearGroups(t *testing.T) {
	ctx := context.Background()
	nq := copiesText(t, "nq-66-2025-HDND.md")
	dir := filepath.Join(t.TempDir(), "ix")
	ix := mustOpen(t, dir)
	w := ix.NewWriter(3)
	md := addText(t, w, "/a/nq66.md", "txt", nq)
	pdf := addText(t, w, "/a/nq66.pdf", "pdf", rewrap(nq, 60))
	html := addText(t, w, "/b/nq66.html", "html", "TIN TỨC | Văn bản mới\n"+nq+"\nChia sẻ bài viết")
	qd1 := addText(t, w, "/a/qd3769.md", "txt", copiesText(t, "qd-3769-UBND-nghe-an.md"))
	qd2 := addText(t, w, "/a/qd3782.md", "txt", copiesText(t, "qd-3782-UBND-nghe-an.md"))
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	computed, err := ix.NearGroups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Saved by the writer, read back as computed.
	if err := w.SaveNearGroups(ctx); err != nil {
		t.Fatal(err)
	}
	if b, err := ix.idx.GetInternal(nearGroupsKey); err != nil || len(b) == 0 {
		t.Fatalf("SaveNearGroups: nothing saved (%v)", err)
	}
	g, err := ix.NearGroups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{md, pdf, html}
	sort.Strings(want)
	if g.Len() != 1 || strings.Join(g.Members(md), " ") != strings.Join(want, " ") {
		t.Fatalf("NearGroups: %v; want one group %v", g.All(), want)
	}
	for _, sha := range want {
		if g.Key(sha) != want[0] {
			t.Errorf("Key(%s) = %s; want %s", sha[:8], g.Key(sha)[:8], want[0][:8])
		}
	}
	for _, sha := range []string{qd1, qd2} {
		if len(g.Members(sha)) != 1 || g.Key(sha) != sha || g.Primary(sha) != sha {
			t.Errorf("decision %s: members %v, key %s; want alone", sha[:8], g.Members(sha), g.Key(sha)[:8])
		}
	}
	if err := ix.ChoosePrimaries(ctx, g); err != nil {
		t.Fatal(err)
	}
	for _, sha := range want {
		if g.Primary(sha) != md {
			t.Errorf("Primary(%s) = %s; want the text file's %s", sha[:8], g.Primary(sha)[:8], md[:8])
		}
	}
	if g.Copies() != 3 {
		t.Errorf("Copies() = %d; want 3", g.Copies())
	}
	if fmt.Sprint(g.All(), g.primary) != fmt.Sprint(computed.All(), computed.primary) {
		t.Errorf("saved groups %v %v differ from computed %v %v", g.All(), g.primary, computed.All(), computed.primary)
	}

	// Content added since the groups were saved: a small index computes
	// them again; above NearComputeMax the saved ones are kept, stale,
	// until SaveNearGroups.
	page := addText(t, w, "/c/nq66.htm", "html", "Trang chủ | Pháp luật\n"+nq)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if g, err = ix.NearGroups(ctx); err != nil {
		t.Fatal(err)
	}
	if g.Stale() || len(g.Members(page)) != 4 {
		t.Errorf("small index, content added: stale %v, members of the new copy %d; want computed, 4", g.Stale(), len(g.Members(page)))
	}
	defer func(n int) { NearComputeMax = n }(NearComputeMax)
	NearComputeMax = 1
	if g, err = ix.NearGroups(ctx); err != nil {
		t.Fatal(err)
	}
	if !g.Stale() || len(g.Members(md)) != 3 || len(g.Members(page)) != 1 {
		t.Errorf("large index, content added: stale %v, members %d and %d; want the saved groups (3, new copy alone), stale", g.Stale(), len(g.Members(md)), len(g.Members(page)))
	}
	if err := w.SaveNearGroups(ctx); err != nil {
		t.Fatal(err)
	}
	if g, err = ix.NearGroups(ctx); err != nil {
		t.Fatal(err)
	}
	if g.Stale() || len(g.Members(page)) != 4 {
		t.Errorf("after SaveNearGroups: stale %v, members of the new copy %d; want 4", g.Stale(), len(g.Members(page)))
	}

	// A copy whose file is gone leaves the saved group at once, with no
	// need to compute them again; when the primary goes, another member
	// stands for the group.
	for _, p := range []string{"/a/nq66.pdf", "/a/nq66.md"} {
		if err := w.RemovePath(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if g, err = ix.NearGroups(ctx); err != nil {
		t.Fatal(err)
	}
	rest := []string{html, page}
	sort.Strings(rest)
	if g.Len() != 1 || strings.Join(g.Members(page), " ") != strings.Join(rest, " ") || g.Primary(html) != rest[0] {
		t.Errorf("after removing two copies: %v, primary %s; want %v, primary %s", g.All(), g.Primary(html)[:8], rest, rest[0][:8])
	}
	for _, p := range []string{"/b/nq66.html"} {
		if err := w.RemovePath(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if g, err = ix.NearGroups(ctx); err != nil {
		t.Fatal(err)
	}
	if g.Len() != 0 || len(g.Members(page)) != 1 {
		t.Errorf("after removing the copies: %v; want no group", g.All())
	}
	if b, _ := ix.idx.GetInternal(nearGroupsKey); len(b) == 0 {
		t.Error("saved groups dropped when a document was removed")
	}
	// The primary went: the next SaveNearGroups chooses again.
	if _, stale := ix.readSavedGroups(); !stale {
		t.Error("a group's primary removed, and the saved groups are not marked stale")
	}
}

// BenchmarkNearFields measures the sketch every document costs at ingest.
func BenchmarkNearFields(b *testing.B) {
	var texts []string
	n := 0
	for _, name := range []string{"nq-66-2025-HDND.md", "qd-3769-UBND-nghe-an.md", "qd-3782-UBND-nghe-an.md"} {
		t, err := os.ReadFile(filepath.Join("..", "testdata", "copies", name))
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		n += len(t)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			nearFields(t)
		}
	}
}

// oldNearSketch is the sketch as first written: the words as strings
// (strings.FieldsFunc), a hash per shingle, every hash function's minimum
// kept in an array. nearSketch must give the same values.
func oldNearSketch(text string) []uint32 {
	toks := strings.FieldsFunc(vntext.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(toks) == 0 {
		return nil
	}
	const offset, prime = 14695981039346656037, 1099511628211 // FNV-1a
	k := min(nearShingle, len(toks))
	var hs []uint64
	for i := 0; i+k <= len(toks); i++ {
		h := uint64(offset)
		for _, w := range toks[i : i+k] {
			for j := 0; j < len(w); j++ {
				h = (h ^ uint64(w[j])) * prime
			}
			h *= prime
		}
		hs = append(hs, h)
	}
	var mins [nearPerms]uint64
	for i := range mins {
		mins[i] = ^uint64(0)
	}
	for _, x := range hs {
		for i := range mins {
			if h := x*nearSeeds[i][0] + nearSeeds[i][1]; h < mins[i] {
				mins[i] = h
			}
		}
	}
	out := make([]uint32, nearPerms)
	for i, m := range mins {
		out[i] = uint32(m >> 32)
	}
	return out
}

var nearCases = []string{"", " ", "một", "một hai ba bốn", "một hai ba bốn năm sáu", "Đảng ủy, **kỹ thuật** 02-NQ/ĐUK\xff 1.000 日本 \u0301x", "a\xffb c"}

func TestNearSketchAsBefore(t *testing.T) {
	for _, s := range nearCases {
		if got, want := nearSketch(s), oldNearSketch(s); !reflect.DeepEqual(got, want) {
			t.Errorf("nearSketch(%q) = %v; want %v", s, got, want)
		}
	}
}

// TestNearSketchAsBeforeCorpus compares the sketches of every text file of
// the shared corpus.
func TestNearSketchAsBeforeCorpus(t *testing.T) {
	for p, b := range corpusTexts(t) {
		if got, want := nearSketch(string(b)), oldNearSketch(string(b)); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: sketch differs", p)
		}
	}
}

func FuzzNearSketch(f *testing.F) {
	for _, s := range nearCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := nearSketch(s), oldNearSketch(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("nearSketch(%q) = %v; want %v", s, got, want)
		}
	})
}

func TestParseHex64(t *testing.T) {
	for _, c := range []struct {
		in   string
		want uint64
		ok   bool
	}{
		{"0", 0, true},
		{"ff", 255, true},
		{"FF", 255, true},
		{"ffffffffffffffff", 1<<64 - 1, true},
		{"1ffffffffffffffff", 0, false}, // 17 digits
		{"", 0, false},
		{"12g4", 0, false},
		{"-1", 0, false},
		{"cbf29ce484222325", 0xcbf29ce484222325, true},
	} {
		got, ok := parseHex64([]byte(c.in))
		if got != c.want || ok != c.ok {
			t.Errorf("parseHex64(%q) = %x, %v; want %x, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	// The band keys as nearFields writes them.
	_, bands := nearFields("Nghị quyết về phát triển nông thôn mới giai đoạn 2021 - 2025 của tỉnh")
	for _, b := range bands {
		want, err := strconv.ParseUint(b, 16, 64)
		if got, ok := parseHex64([]byte(b)); err != nil || !ok || got != want {
			t.Errorf("parseHex64(%q) = %x, %v; strconv: %x, %v", b, got, ok, want, err)
		}
	}
}
