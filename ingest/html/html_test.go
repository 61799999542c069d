package html

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// page builds a news page with chrome around an article.
func page(head, article string) string {
	return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">` + head + `</head><body>
<div class="header"><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li><li><a href="/kinh-te">Kinh tế</a></li></ul></nav></div>
<div class="container"><div class="sidebar"><div class="title-box">Tin mới</div><ul>
<li><a href="/1">Chỉ số giá tiêu dùng tháng 10 tăng 0,33% so với tháng trước</a></li>
<li><a href="/2">Ngân hàng Nhà nước điều chỉnh lãi suất điều hành từ ngày 1/7</a></li></ul></div>
<div class="main">` + article + `
<div class="share-bar"><span>Chia sẻ bài viết</span><a href="#">Facebook</a><a href="#">Zalo</a></div>
<section class="comments"><h3>Bình luận (0)</h3></section></div></div>
<div class="footer"><p>© Báo Ví Dụ. Giấy phép số 123/GP-BTTTT cấp ngày 01/01/2020.</p></div>
<script>var x = "Nghị quyết trong script";</script></body></html>`
}

const articleBody = `<div class="content"><p>Chiều 7/12, HĐND thành phố đã thảo luận và thông qua Nghị quyết về tình hình thực hiện nhiệm vụ kinh tế – xã hội năm 2020, kế hoạch phát triển kinh tế – xã hội năm 2021.</p>
<p>Theo đó, GRDP giai đoạn 2021-2025 tăng 7,5-8%; tỷ trọng kinh tế số trong GRDP chiếm khoảng 30%; tỷ lệ trường chuẩn quốc gia từ 80-85%.</p>
<p>Thu ngân sách nhà nước trên địa bàn liên tục tăng và vượt dự toán; lũy kế giai đoạn 2016-2020 ước đạt gần 1,2 triệu tỷ đồng, tăng 11,1%/năm.</p>
<p>Huy động vốn đầu tư xã hội giai đoạn 2016-2020 ước đạt 1,725 triệu tỷ đồng, gấp 1,65 lần giai đoạn trước.</p></div>`

func TestHTMLReader(t *testing.T) {
	tests := []struct {
		name      string
		html      string
		title     string
		published string
		first     string   // first line of the text
		has       []string // the text must contain these
		hasNot    []string // and not these
	}{
		{
			name:      "article with og metadata",
			html:      page(`<title>GRDP tăng 7,5% | Báo Ví Dụ</title><meta property="og:title" content="GRDP tăng 7,5%"><meta property="og:site_name" content="Báo Ví Dụ"><meta property="article:published_time" content="2020-12-07T08:30:00+07:00">`, `<h1>GRDP tăng 7,5%</h1>`+articleBody),
			title:     "GRDP tăng 7,5%",
			published: "2020-12-07T08:30",
			first:     "GRDP tăng 7,5%",
			has:       []string{"Chiều 7/12, HĐND", "\nTheo đó, GRDP", "1,725 triệu tỷ đồng"},
			hasNot:    []string{"Trang chủ", "Tin mới", "Chia sẻ", "Giấy phép", "trong script", "lãi suất điều hành", "Bình luận"},
		},
		{
			name:      "title suffix, JSON-LD date, dateline beside headline",
			html:      page(`<title>Hà Nội thông qua kế hoạch 2021 - Báo Ví Dụ</title><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-12-07"}</script>`, `<div class="head"><p class="date">07/12/2020 - 19:35</p><h1>Hà Nội thông qua kế hoạch 2021</h1></div>`+articleBody),
			title:     "Hà Nội thông qua kế hoạch 2021",
			published: "2020-12-07",
			first:     "07/12/2020 - 19:35",
			has:       []string{"Hà Nội thông qua kế hoạch 2021\nChiều 7/12"},
		},
		{
			name:      "visible dateline only",
			html:      page(`<title>Tin</title>`, `<div><span class="time">Thứ hai, 7/12/2020, 08:05 (GMT+7)</span><h1>Kế hoạch năm 2021</h1></div>`+articleBody),
			title:     "Tin",
			published: "2020-12-07T08:05",
			has:       []string{"Kế hoạch năm 2021"},
		},
		{
			name:      "time element",
			html:      page(`<title>Kế hoạch</title>`, `<h1>Kế hoạch</h1><time datetime="2021-01-05T10:00">5/1</time>`+articleBody),
			published: "2021-01-05T10:00",
			title:     "Kế hoạch",
		},
		{
			name:  "no article: whole page text",
			html:  `<html><head><title>Ngắn</title></head><body><p>Một dòng.</p></body></html>`,
			title: "Ngắn",
			has:   []string{"Một dòng."},
		},
	}
	for _, tt := range tests {
		p, err := htmlReader("t.html", []byte(tt.html))
		if err != nil {
			t.Errorf("htmlReader(%s) error: %v", tt.name, err)
			continue
		}
		text := p.pages[0]
		if p.title != tt.title {
			t.Errorf("htmlReader(%s).title = %q; want %q", tt.name, p.title, tt.title)
		}
		if p.published != tt.published {
			t.Errorf("htmlReader(%s).published = %q; want %q", tt.name, p.published, tt.published)
		}
		if first, _, _ := strings.Cut(text, "\n"); tt.first != "" && first != tt.first {
			t.Errorf("htmlReader(%s) first line = %q; want %q", tt.name, first, tt.first)
		}
		for _, s := range tt.has {
			if !strings.Contains(text, s) {
				t.Errorf("htmlReader(%s) text lacks %q:\n%s", tt.name, s, text)
			}
		}
		for _, s := range tt.hasNot {
			if strings.Contains(text, s) {
				t.Errorf("htmlReader(%s) text keeps chrome %q:\n%s", tt.name, s, text)
			}
		}
		if p.encoding != "utf-8" {
			t.Errorf("htmlReader(%s).encoding = %q; want utf-8", tt.name, p.encoding)
		}
	}
}

func TestStripSiteSuffix(t *testing.T) {
	tests := []struct{ title, site, want string }{
		{"GRDP tăng 7,5% | Báo Ví Dụ", "Báo Ví Dụ", "GRDP tăng 7,5%"},
		{"Báo Ví Dụ - GRDP tăng 7,5%", "Báo Ví Dụ", "GRDP tăng 7,5%"},
		{"Hà Nội thông qua kế hoạch năm 2021 - Báo Ví Dụ", "", "Hà Nội thông qua kế hoạch năm 2021"},
		{"Nghị quyết 15/2011 - HĐND", "", "Nghị quyết 15/2011 - HĐND"},
		{"Thông tư liên tịch - Bộ Tài chính - Công nghiệp về thuế", "", "Thông tư liên tịch - Bộ Tài chính - Công nghiệp về thuế"},
		{"Chây ì nộp phạt nguội.", "", "Chây ì nộp phạt nguội."},
	}
	for _, tt := range tests {
		if got := stripSiteSuffix(tt.title, tt.site); got != tt.want {
			t.Errorf("stripSiteSuffix(%q, %q) = %q; want %q", tt.title, tt.site, got, tt.want)
		}
	}
}

func TestDatelineTime(t *testing.T) {
	tests := []struct{ in, want string }{
		{"10/07/2011 - 19:35", "2011-07-10T19:35"},
		{"Thứ hai, 7/12/2020, 08:05 (GMT+7)", "2020-12-07T08:05"},
		{"07-12-2020 8h30", "2020-12-07T08:30"},
		{"Cập nhật 5.1.2021", "2021-01-05"},
		{"31/02/2020", "2020-02-31"}, // impossible days are left to callers; the form is kept
		{"13/13/2020", ""},
		{"Chiều 7/12", ""},
	}
	for _, tt := range tests {
		if got := datelineTime(tt.in); got != tt.want {
			t.Errorf("datelineTime(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestDeclaredCharset(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<html><head><meta charset="windows-1258"></head>`, "windows-1258"},
		{`<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8"></head>`, "UTF-8"},
		{`<?xml version="1.0" encoding="ISO-8859-1"?><html>`, "ISO-8859-1"},
		{`<html><head><meta name="x" content="charset=bogus"></head>`, ""},
		{`<html><body>no meta</body></html>`, ""},
	}
	for _, tt := range tests {
		if got := declaredCharset([]byte(tt.in)); got != tt.want {
			t.Errorf("declaredCharset(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestHTMLLegacyCharset(t *testing.T) {
	// "Nghị quyết" in windows-1258: ị is i + combining dot below (0xF2),
	// ế is ê (0xEA) + combining acute (0xEC).
	src := []byte("<html><head><meta charset=\"windows-1258\"><title>t</title></head><body><p>Ngh\x69\xf2 quy\xea\xect</p></body></html>")
	p, err := htmlReader("t.html", src)
	if err != nil {
		t.Fatalf("htmlReader(windows-1258) error: %v", err)
	}
	if p.encoding != "cp1258" {
		t.Errorf("htmlReader(windows-1258).encoding = %q; want cp1258", p.encoding)
	}
	if text := norm.NFC.String(strings.Join(p.pages, "")); !strings.Contains(text, "Nghị quyết") {
		t.Errorf("htmlReader(windows-1258) text = %q; want it to contain %q", text, "Nghị quyết")
	}
}

// TestHTMLDeepNesting checks that a page nested far deeper than any parser
// accepts is read, in bounded time, as plain text with a warning.
func TestHTMLDeepNesting(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body>")
	for i := range 20000 {
		fmt.Fprintf(&b, "<div><p>Đoạn %d của nghị quyết.</p>", i)
	}
	b.WriteString(strings.Repeat("</div>", 20000))
	b.WriteString("</body></html>")
	start := time.Now()
	p, err := htmlReader("deep.html", []byte(b.String()))
	if err != nil {
		t.Fatalf("htmlReader(deep) error: %v", err)
	}
	if el := time.Since(start); el > 10*time.Second && !raceEnabled {
		t.Errorf("htmlReader(deep) took %v; want well under 10s", el)
	}
	if !strings.Contains(p.pages[0], "Đoạn 19999 của nghị quyết.") || !strings.Contains(p.pages[0], "Đoạn 0 của nghị quyết.\nĐoạn 1") {
		t.Errorf("htmlReader(deep) lost text: %q...", p.pages[0][:min(200, len(p.pages[0]))])
	}
	if len(p.warnings) == 0 || !strings.Contains(p.warnings[0], "nested") {
		t.Errorf("htmlReader(deep).warnings = %q; want a nesting warning", p.warnings)
	}
}

func TestHTMLPlainText(t *testing.T) {
	src := `<html><head><title>Tiêu đề</title><style>p{}</style></head><body><nav>Menu</nav><h1>Nghị quyết</h1><p>Dòng <b>một</b>.</p><script>x()</script><table><tr><td>a</td><td>b</td></tr></table><footer>© 2020</footer></body></html>`
	text, title := htmlPlainText(src)
	if title != "Tiêu đề" {
		t.Errorf("htmlPlainText title = %q; want %q", title, "Tiêu đề")
	}
	want := "Nghị quyết\nDòng một.\na b"
	if text != want {
		t.Errorf("htmlPlainText text = %q; want %q", text, want)
	}
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(page(`<title>GRDP | Báo</title><meta property="article:published_time" content="2020-12-07T08:30">`, `<h1>GRDP</h1>`+articleBody)))
	f.Add([]byte(`<html><head><meta charset="windows-1258"></head><body><p>Ngh\x69\xf2</p>`))
	f.Add([]byte(strings.Repeat("<div>", 600) + "x"))
	f.Add([]byte("<p>a<table><td>b</p>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := htmlReader("f.html", data)
		if err != nil {
			return
		}
		for _, pg := range p.pages {
			if !utf8.ValidString(pg) && utf8.Valid(data) {
				t.Errorf("htmlReader(%q): page not valid UTF-8", data[:min(len(data), 80)])
			}
		}
	})
}
