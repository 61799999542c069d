package export

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"vanban/extract"
	"vanban/index"
)

// fixture is one hand-built document of a test index: its text (pages)
// and its record, and the paths that hold it.
type fixture struct {
	paths []string
	pages []string
	rec   extract.Record
}

func ptr[T any](v T) *T { return &v }

func hashOf(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// dateAt returns a Date mention of text m in body, at its first offset.
func dateAt(body, m, start, end, grain string, page int) extract.Date {
	return extract.Date{Text: m, Start: start, End: end, Grain: grain, Offset: strings.Index(body, m), Page: page}
}

// sampleArchive returns a small archive: a resolution with its own
// targets (one a sub-target, one a range), an article quoting two
// resolutions, and a decision stored under two paths, with warnings.
func sampleArchive(dir string) []fixture {
	p1 := "NGHỊ QUYẾT số 05-NQ/ĐU ngày 12/3/2021 về nâng cao chất lượng sinh hoạt chi bộ giai đoạn 2021 - 2025."
	p2 := "Phấn đấu đến năm 2025 có 100% chi bộ sinh hoạt định kỳ, trong đó 80% trở lên đạt chất lượng tốt; thu nhập bình quân 55-60 triệu đồng/người/năm."
	res := extract.Record{
		Path: filepath.Join(dir, "nghi-quyet-05.pdf"), Format: "pdf", Kind: "resolution",
		Title: "Về nâng cao chất lượng sinh hoạt chi bộ", Number: "05-NQ/ĐU", Issuer: "Đảng ủy xã Tam Phước",
		Issued: "2021-03-12", Pages: ptr(2), Authors: []string{}, References: []extract.Reference{},
		Dates: []extract.Date{
			dateAt(p1, "ngày 12/3/2021", "2021-03-12", "2021-03-12", "day", 1),
			dateAt(p1, "giai đoạn 2021 - 2025", "2021", "2025", "period", 1),
		},
		Targets: []extract.Target{
			{Text: "100% chi bộ sinh hoạt định kỳ", Comparator: "=", Value: 100, Unit: "%", Subject: "chi bộ",
				Indicator: "sinh hoạt định kỳ", Period: &extract.Period{Start: "2021", End: "2025"}, Deadline: "2025",
				SourceNumber: "05-NQ/ĐU", Sentence: p2, Page: 2, Confidence: 0.62},
			{Text: "80% trở lên đạt chất lượng tốt", Comparator: ">=", Value: 80, Unit: "%", Subject: "chi bộ",
				Indicator: "đạt chất lượng tốt", Period: &extract.Period{Start: "2021", End: "2025"}, Parent: ptr(0),
				SourceNumber: "05-NQ/ĐU", Sentence: p2, Page: 2, Confidence: 0.876},
			{Text: "thu nhập bình quân 55-60 triệu đồng/người/năm", Comparator: "range", Value: 55, ValueMax: ptr(60.0),
				Unit: "triệu đồng/người/năm", Subject: "thu nhập bình quân", Indicator: "đạt",
				Period: &extract.Period{Start: "2021-07", End: "2025-06"}, SourceNumber: "05-NQ/ĐU", Sentence: p2, Page: 2, Confidence: 0.552},
		},
		Warnings: []string{},
	}
	art := "Cần Thơ, 10/7/2011. Nghị quyết 02-NQ/ĐUK ngày 4-7-2011 đề ra chỉ tiêu có từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh; nghị quyết 05-NQ/ĐU cũng vậy. Trong tháng 7/2011 các chi bộ đã họp."
	article := extract.Record{
		Path: filepath.Join(dir, "bai-bao.txt"), Format: "txt", Encoding: "utf-8", Kind: "article",
		Title: "Xây dựng trong sạch, vững mạnh", Published: "2011-07-10T19:35", Authors: []string{"Mai Thanh Dân"},
		References: []extract.Reference{
			{Number: "02-NQ/ĐUK", Kind: "resolution", Issued: "2011-07-04", Title: "Xây dựng TCCSĐ trong sạch, vững mạnh"},
			{Number: "05-NQ/ĐU", Kind: "resolution", Issued: "2021-03-12"},
		},
		Abbreviations: []extract.Abbreviation{{Short: "TCCSĐ", Long: "tổ chức cơ sở đảng", Source: "inline"}},
		Dates: []extract.Date{
			dateAt(art, "ngày 4-7-2011", "2011-07-04", "2011-07-04", "day", 0),
			dateAt(art, "tháng 7/2011", "2011-07", "2011-07", "month", 0),
		},
		Targets: []extract.Target{
			{Text: "có từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh", Comparator: ">=", Value: 90, Unit: "%",
				Subject: "TCCSĐ", SubjectExpanded: "tổ chức cơ sở đảng", Indicator: "đạt trong sạch, vững mạnh",
				Period: &extract.Period{Start: "2011", End: "2015"}, SourceNumber: "02-NQ/ĐUK", Sentence: art, Confidence: 0.701},
		},
		Warnings: []string{},
	}
	dec := "QUYẾT ĐỊNH 123/QĐ-UBND về việc phê duyệt kế hoạch."
	decision := extract.Record{
		Path: filepath.Join(dir, "a", "quyet-dinh-123.docx"), Format: "docx", Kind: "decision",
		Title: "Về việc phê duyệt kế hoạch", Number: "123/QĐ-UBND", Issuer: "Ủy ban nhân dân tỉnh Quảng Nam",
		Issued: "2022-01-15", Authors: []string{"Lê Thị Mai"}, References: []extract.Reference{},
		Dates: []extract.Date{}, Targets: []extract.Target{},
		Warnings: []string{"bảng 2 không đọc được", "trang 3 trống"},
	}
	return []fixture{
		{paths: []string{res.Path}, pages: []string{p1, p2}, rec: res},
		{paths: []string{article.Path}, pages: []string{art}, rec: article},
		{paths: []string{decision.Path, filepath.Join(dir, "b", "ban-sao.docx")}, pages: []string{dec}, rec: decision},
	}
}

// buildIndex writes the fixtures to a new index in dir and returns it
// opened read-only.
func buildIndex(t testing.TB, dir string, fx []fixture) *index.Index {
	t.Helper()
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := ix.NewWriter(500)
	for _, f := range fx {
		text := strings.Join(f.pages, extract.PageBreak)
		sha := hashOf(text)
		for i, p := range f.paths {
			st := index.FileState{Path: p, SHA256: sha, Size: int64(len(text)), ModTime: time.Unix(1700000000, 0)}
			if i == 0 {
				err = w.Add(f.rec, text, st)
			} else {
				err = w.AddPath(st)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := index.OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	return ro
}
