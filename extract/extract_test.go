package extract

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestExtractEmpty(t *testing.T) {
	rec := Extract(Source{Path: "empty.txt", Format: FormatText})
	b, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{`"authors":[]`, `"references":[]`, `"abbreviations":[]`, `"dates":[]`, `"targets":[]`, `"title":null`, `"number":null`} {
		if !strings.Contains(string(b), field) {
			t.Errorf("Extract(empty) JSON = %s; want it to contain %s", b, field)
		}
	}
	if rec.Kind != "other" {
		t.Errorf("Extract(empty).Kind = %q; want other", rec.Kind)
	}
	if len(rec.Warnings) != 1 || !strings.Contains(rec.Warnings[0], "no text") {
		t.Errorf("Extract(empty).Warnings = %q; want one no-text warning", rec.Warnings)
	}
}

func TestExtractOfficial(t *testing.T) {
	text := "HUYỆN ỦY TAM NÔNG\n*\nSố 12-NQ/HU\nĐẢNG CỘNG SẢN VIỆT NAM\nTam Nông, ngày 02 tháng 3 năm 2021\n\nNGHỊ QUYẾT\nvề phát triển kinh tế\n\nThực hiện Nghị quyết số 05-NQ/TU ngày 10-1-2021 của Tỉnh ủy và Nghị quyết số 12-NQ/HU này, các tổ chức cơ sở đảng (TCCSĐ) thực hiện.\n"
	rec := Extract(Source{Path: "nq.txt", Format: FormatText, Encoding: "utf-8", Pages: []string{text}})
	if rec.Kind != "resolution" || rec.Number != "12-NQ/HU" || rec.Issued != "2021-03-02" {
		t.Errorf("Extract(nq) = kind %q, number %q, issued %q; want resolution, 12-NQ/HU, 2021-03-02", rec.Kind, rec.Number, rec.Issued)
	}
	if len(rec.References) != 1 || rec.References[0].Number != "05-NQ/TU" {
		t.Errorf("Extract(nq).References = %+v; want only 05-NQ/TU (the own number is not a reference)", rec.References)
	}
	if len(rec.Warnings) != 0 {
		t.Errorf("Extract(nq).Warnings = %q; want none", rec.Warnings)
	}
	found := false
	for _, a := range rec.Abbreviations {
		found = found || a.Short == "TCCSĐ" && a.Source == "inline"
	}
	if !found {
		t.Errorf("Extract(nq).Abbreviations = %+v; want inline TCCSĐ", rec.Abbreviations)
	}
}

func TestExtractWarnsMissingHeadingParts(t *testing.T) {
	text := "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nQUYẾT ĐỊNH\nVề việc khen thưởng\n\nNội dung.\n"
	rec := Extract(Source{Path: "qd.txt", Format: FormatText, Pages: []string{text}})
	if rec.Kind != "decision" || len(rec.Warnings) != 1 {
		t.Errorf("Extract(qd) = kind %q, warnings %q; want decision with one warning (no number, no date)", rec.Kind, rec.Warnings)
	}
}

// TestContextYear checks which year the dates written without one take:
// the one year an official document's title names, else the issue date's.
func TestContextYear(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // start of each date
	}{
		{"plan for next year", "UBND TỈNH X\nSố: 5/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nX, ngày 18 tháng 11 năm 2025\n\nKẾ HOẠCH\nQuan trắc môi trường năm 2026\n\nQuan trắc vào tháng 4 và tháng 8.\n",
			[]string{"2025-11-18", "2026", "2026-04", "2026-08"}},
		{"title with a period", "UBND TỈNH X\nSố: 5/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nX, ngày 18 tháng 11 năm 2025\n\nKẾ HOẠCH\nThực hiện năm 2026, giai đoạn 2026-2030\n\nQuan trắc vào tháng 4.\n",
			[]string{"2025-11-18", "2026", "2026", "2025-04"}},
	}
	for _, tt := range tests {
		rec := Extract(Source{Path: "kh.txt", Format: FormatText, Pages: []string{tt.text}})
		var got []string
		for _, d := range rec.Dates {
			got = append(got, d.Start)
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s: Extract dates start %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestGuard(t *testing.T) {
	var rec Record
	guard(&rec, "test", func() { panic("boom") })
	if len(rec.Warnings) != 1 || !strings.Contains(rec.Warnings[0], "test extractor failed: boom") {
		t.Errorf("guard(panic).Warnings = %q; want the panic as a warning", rec.Warnings)
	}
}

// FuzzExtract runs every extractor on arbitrary text: no extractor may
// panic (Extract would turn it into a warning), dates and targets must
// point inside the text, and the record must encode as valid JSON.
func FuzzExtract(f *testing.F) {
	f.Add("ĐẢNG CỘNG SẢN VIỆT NAM\nSố 02-NQ/ĐUK\nCần Thơ, ngày 04 tháng 7 năm 2011\nNGHỊ QUYẾT\nvề xây dựng Đảng\n\nPhấn đấu đến năm 2015 có 90% TCCSĐ trở lên đạt trong sạch, vững mạnh.\fTrang 2: quý III/2011.")
	f.Add("10/07/2011 - 19:35\n\nKICKER:\n\nTiêu đề\n\n* MAI THANH DÂN\n\n16/18 xã (DN) đạt 2.500 tỷ đồng.")
	f.Add("(\f)\f**\n|*\nSố:\n1/")
	f.Fuzz(func(t *testing.T, text string) {
		rec := Extract(Source{Path: "f.txt", Format: FormatText, Pages: strings.Split(text, "\f")})
		for _, w := range rec.Warnings {
			if strings.Contains(w, "extractor failed") {
				t.Errorf("Extract(%q): %s", text, w)
			}
		}
		full := strings.Join(strings.Split(text, "\f"), "\f")
		for _, d := range rec.Dates {
			if d.Offset < 0 || d.Offset+len(d.Text) > len(full) || full[d.Offset:d.Offset+len(d.Text)] != d.Text {
				t.Errorf("Extract(%q): date %+v not at its offset", text, d)
			}
		}
		for _, tg := range rec.Targets {
			if tg.Page < 1 || tg.Page > strings.Count(full, "\f")+1 {
				t.Errorf("Extract(%q): target page %d out of range", text, tg.Page)
			}
		}
		if _, err := json.Marshal(rec); err != nil {
			t.Errorf("Extract(%q): %v", text, err)
		}
	})
}
