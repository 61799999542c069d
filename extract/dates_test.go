package extract

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"vanban/internal/testshared"
)

// dateKey is what a test checks of one Date: "text|start|end|grain".
func dateKey(d Date) string {
	return d.Text + "|" + d.Start + "|" + d.End + "|" + d.Grain
}

func dateKeys(ds []Date) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = dateKey(d)
	}
	return out
}

func TestFindDates(t *testing.T) {
	tests := []struct {
		name string
		in   string
		year int
		want []string
	}{
		// Days.
		{"dash day", "Ngày 4-7-2011 Đảng ủy Khối ban hành", 0, []string{"Ngày 4-7-2011|2011-07-04|2011-07-04|day"}},
		{"slash day", "hiệu lực từ 04/7/2011.", 0, []string{"04/7/2011|2011-07-04|2011-07-04|day"}},
		{"dot day", "khai mạc 4.7.2011 tại Hà Nội", 0, []string{"4.7.2011|2011-07-04|2011-07-04|day"}},
		{"formal day", "Cần Thơ, ngày 04 tháng 7 năm 2011", 0, []string{"ngày 04 tháng 7 năm 2011|2011-07-04|2011-07-04|day"}},
		{"formal day across lines", "ngày 27\ntháng 11 năm\n2025", 0, []string{"ngày 27\ntháng 11 năm\n2025|2025-11-27|2025-11-27|day"}},
		{"formal day glued year", "ngày 25 tháng 12 năm1998", 0, []string{"ngày 25 tháng 12 năm1998|1998-12-25|1998-12-25|day"}},
		{"uppercase formal day", "NGÀY 06 THÁNG 12 NĂM 2023", 0, []string{"NGÀY 06 THÁNG 12 NĂM 2023|2023-12-06|2023-12-06|day"}},
		{"leap day", "ngày 29/2/2024", 0, []string{"ngày 29/2/2024|2024-02-29|2024-02-29|day"}},
		{"not a leap day", "ngày 29/2/2023", 0, nil},
		{"day 31 of a 30-day month", "ngày 31/4/2020", 0, nil},
		{"mixed separators", "ngày 4/7-2011", 0, nil},
		{"wrapped after separator", "đến ngày 17-7-\n2020, thực hiện", 0, []string{"ngày 17-7-\n2020|2020-07-17|2020-07-17|day"}},
		{"not wrapped across a blank line", "ngày 17-7-\n\n2020", 0, nil},
		{"iso day", "cập nhật 2011-07-04", 0, []string{"2011-07-04|2011-07-04|2011-07-04|day"}},
		{"spaced slashes", "ngày 2/ 11/ 1996  của Bộ", 0, []string{"ngày 2/ 11/ 1996|1996-11-02|1996-11-02|day"}},
		{"spaced document number", "QĐ số: 12/ 2001/ QĐ-BTC và 1141 - TC/QĐ/CĐKT", 0, nil},
		{"spaces around slashes after ngày", "ngày 13 / 3/ 2001 và ngày 21 /05/2010", 0, []string{"ngày 13 / 3/ 2001|2001-03-13|2001-03-13|day", "ngày 21 /05/2010|2010-05-21|2010-05-21|day"}},
		{"spaces around slashes without ngày", "13 / 3/ 2001", 0, nil},
		{"day-month range", "(từ ngày 17/5-23/5/2025), Bộ", 0, []string{"ngày 17/5-23/5/2025|2025-05-17|2025-05-23|period"}},
		{"missing space after date", "tối ngày 10/6/2020,Nhà máy", 0, []string{"ngày 10/6/2020|2020-06-10|2020-06-10|day"}},
		{"glued year word", "ngày 18 tháng 11năm 2025", 0, []string{"ngày 18 tháng 11năm 2025|2025-11-18|2025-11-18|day"}},
		{"markdown emphasis", "số 280/2025/NĐ-CP ngày* *27/10/2025 và thời kỳ 2021-* *2030,", 0, []string{"ngày* *27/10/2025|2025-10-27|2025-10-27|day", "thời kỳ 2021-* *2030|2021|2030|period"}},
		{"table of years", "**Năm**\n\n**1995**\n\n**1996**\n", 0, []string{"1995|1995|1995|year", "1996|1996|1996|year"}},
		{"capitalized word after a year", "mới nhất 2025\n\nCăn cứ", 0, []string{"2025|2025|2025|year"}},
		{"old date", "sinh ngày 19/5/1890", 0, []string{"ngày 19/5/1890|1890-05-19|1890-05-19|day"}},
		{"mồng", "ngày mồng 3 tháng 3 năm 2018", 0, []string{"ngày mồng 3 tháng 3 năm 2018|2018-03-03|2018-03-03|day"}},
		{"mùng", "Ngày mùng 1 tháng 5 năm 2019, các", 0, []string{"Ngày mùng 1 tháng 5 năm 2019|2019-05-01|2019-05-01|day"}},
		{"mồng without ngày", "Tết Độc lập mồng 2/9/1945", 0, []string{"mồng 2/9/1945|1945-09-02|1945-09-02|day"}},
		{"mồng day-month", "dịp mùng 2/9 năm nay", 2020, []string{"mùng 2/9|2020-09-02|2020-09-02|day"}},
		{"day without ngày", "khai mạc 12 tháng 10 năm 2017 tại", 0, []string{"12 tháng 10 năm 2017|2017-10-12|2017-10-12|day"}},
		{"day without ngày nor year", "12 tháng 10 ngày", 2017, nil},
		{"two-digit year", "sinh ngày 3/9/91 tại", 0, []string{"ngày 3/9/91|1991-09-03|1991-09-03|day"}},
		{"two-digit year this century", "ký ngày 3/9/05", 2010, []string{"ngày 3/9/05|2005-09-03|2005-09-03|day"}},
		{"two-digit year last century", "ký ngày 3/9/25", 2001, []string{"ngày 3/9/25|1925-09-03|1925-09-03|day"}},
		{"two-digit year after time word", "(từ 3/9/91)", 0, []string{"3/9/91|1991-09-03|1991-09-03|day"}},
		{"two-digit year bare", "sinh 3/9/91 tại", 0, []string{"3/9/91|1991-09-03|1991-09-03|day"}},
		{"two-digit year dots", "mục 1.2.10 và 3-9-91", 0, nil},
		{"three numbers", "phục vụ 24/7/365", 0, nil},
		{"blank day month", "Quyết định số /QĐ-UBND ngày\n/11/2025 của", 0, []string{"ngày\n/11/2025|2025-11|2025-11|month"}},
		{"blank day and month", "Quyết định số /QĐ.BQL-VP ngày / /2007\ncủa", 0, []string{"ngày / /2007|2007|2007|year"}},
		{"blank day words", "ngày … tháng 11 năm 2025", 0, []string{"ngày … tháng 11 năm 2025|2025-11|2025-11|month"}},
		{"blank day and month words", "ngày … tháng … năm 2025", 0, []string{"ngày … tháng … năm 2025|2025|2025|year"}},
		{"all blank", "từ ngày … tháng … năm … đến hết ngày … tháng … năm …", 2025, nil},
		{"filled blanks", "ngày …25..tháng 01 năm 2006 của UBND", 0, []string{"ngày …25..tháng 01 năm 2006|2006-01-25|2006-01-25|day"}},
		{"month slip", "1085/QĐ-TTg ngày 15 tháng 9 tháng 2022 của", 2025, []string{"ngày 15 tháng 9 tháng 2022|2022-09-15|2022-09-15|day"}},
		{"emphasis inside ngày", "*Hà Nội, ng**ày 21 tháng\n11 năm 2025*", 0, []string{"ng**ày 21 tháng\n11 năm 2025|2025-11-21|2025-11-21|day"}},
		{"emphasis inside year", "thông qua ngày 18 tháng 11 năm 202**5.*", 0, []string{"ngày 18 tháng 11 năm 202**5|2025-11-18|2025-11-18|day"}},
		{"glued ngày", "Đề án số 381/ĐA-CPngày 09 tháng 5 năm 2025, Báo", 0, []string{"ngày 09 tháng 5 năm 2025|2025-05-09|2025-05-09|day"}},
		{"dotted year", "Đến năm 2.000 trước tình hình", 0, []string{"năm 2.000|2000|2000|year"}},
		{"dotted amount", "năm 2.000 tỷ đồng", 0, nil},
		{"english date", "Decree No. 120/2016/ND-CP dated August 23, 2016 on", 0, []string{"August 23, 2016|2016-08-23|2016-08-23|day"}},
		{"english date wrapped", "dated June\n19, 2019 on", 0, []string{"June\n19, 2019|2019-06-19|2019-06-19|day"}},
		{"english word", "May 2025 be", 0, []string{"2025|2025|2025|year"}},
		// Datetimes.
		{"datetime after", "10/07/2011 - 19:35", 0, []string{"10/07/2011 - 19:35|2011-07-10T19:35|2011-07-10T19:35|datetime"}},
		{"datetime before", "19:35 10/07/2011", 0, []string{"19:35 10/07/2011|2011-07-10T19:35|2011-07-10T19:35|datetime"}},
		{"datetime h", "6h30 ngày 30/4/2025", 0, []string{"6h30 ngày 30/4/2025|2025-04-30T06:30|2025-04-30T06:30|datetime"}},
		{"datetime seconds", "Thứ Hai, 10/07/2011 | 19:35:22 (GMT+7)", 0, []string{"10/07/2011 | 19:35:22|2011-07-10T19:35|2011-07-10T19:35|datetime"}},
		{"bad clock", "10/07/2011 - 25:35", 0, []string{"10/07/2011|2011-07-10|2011-07-10|day"}},
		{"time afternoon", "lúc 7:30 chiều ngày 20/4/2017, tại", 0, []string{"7:30 chiều ngày 20/4/2017|2017-04-20T19:30|2017-04-20T19:30|datetime"}},
		{"time hours", "từ 14 giờ ngày 29.1, tại", 2018, []string{"14 giờ ngày 29.1|2018-01-29T14:00|2018-01-29T14:00|datetime"}},
		{"time hours minutes", "vào 9 giờ 30 phút ngày 5/3/2024", 0, []string{"9 giờ 30 phút ngày 5/3/2024|2024-03-05T09:30|2024-03-05T09:30|datetime"}},
		{"time weekday", "từ 10 giờ, thứ Ba, ngày 09/12/2025 (ngay", 0, []string{"10 giờ, thứ Ba, ngày 09/12/2025|2025-12-09T10:00|2025-12-09T10:00|datetime"}},
		{"time formal", "THỜI ĐIỂM 0H00 NGÀY 01 THÁNG 01 NĂM 2026", 0, []string{"0H00 NGÀY 01 THÁNG 01 NĂM 2026|2026-01-01T00:00|2026-01-01T00:00|datetime"}},
		{"time night", "11 giờ đêm ngày 5/3/2024 và 2 giờ đêm ngày 6/3/2024", 0, []string{"11 giờ đêm ngày 5/3/2024|2024-03-05T23:00|2024-03-05T23:00|datetime", "2 giờ đêm ngày 6/3/2024|2024-03-06T02:00|2024-03-06T02:00|datetime"}},
		{"time without date", "họp lúc 14 giờ, sau đó 7h30", 2020, nil},
		// Day ranges.
		{"day range", "từ ngày 4.1.2017 - 4.1.2018, có", 0, []string{"ngày 4.1.2017 - 4.1.2018|2017-01-04|2018-01-04|period"}},
		{"day range glued", "(30/4/1975-30/4/2025)", 0, []string{"30/4/1975-30/4/2025|1975-04-30|2025-04-30|period"}},
		{"days of one month", "từ 14-20.2.2018 (tức", 0, []string{"14-20.2.2018|2018-02-14|2018-02-20|period"}},
		{"days of one month after ngày", "họp ngày 15-17/7/2020", 0, []string{"ngày 15-17/7/2020|2020-07-15|2020-07-17|period"}},
		// Ranges "từ X đến Y": one period, an end without a year taking the
		// other's.
		{"from to days", "họp từ ngày 15-7-2020 đến ngày 17-7-2020", 0, []string{"ngày 15-7-2020 đến ngày 17-7-2020|2020-07-15|2020-07-17|period"}},
		{"from day to month", "từ ngày 1.1.2016 đến hết tháng 1.2018, PC67", 0, []string{"ngày 1.1.2016 đến hết tháng 1.2018|2016-01-01|2018-01|period"}},
		{"from to before", "áp dụng từ ngày 19/02/2025 đến trước ngày\n01/10/2025)", 0, []string{"ngày 19/02/2025 đến trước ngày\n01/10/2025|2025-02-19|2025-10-01|period"}},
		{"from month to month", "quan trắc từ tháng 3 đến tháng 10 năm 2026; số", 0, []string{"tháng 3 đến tháng 10 năm 2026|2026-03|2026-10|period"}},
		{"from month across years", "từ tháng 10 đến tháng 3 năm 2026", 0, []string{"tháng 10 đến tháng 3 năm 2026|2025-10|2026-03|period"}},
		{"from month with year", "từ tháng 10 năm 2025 đến hết tháng 3 năm 2026.", 0, []string{"tháng 10 năm 2025 đến hết tháng 3 năm 2026|2025-10|2026-03|period"}},
		{"from day alone", "(từ ngày 08 đến ngày 10 tháng 12 năm 2025).", 0, []string{"ngày 08 đến ngày 10 tháng 12 năm 2025|2025-12-08|2025-12-10|period"}},
		{"from years", "Từ năm 2013 đến năm 2016, ông", 0, []string{"năm 2013 đến năm 2016|2013|2016|period"}},
		{"from years a century", "Từ năm 1858 đến trước năm 1930 đã nổ ra", 0, []string{"năm 1858 đến trước năm 1930|1858|1930|period"}},
		{"from datetimes", "diễn ra từ 8h00 ngày 08/12/2025 đến 22h00 ngày 12/12/2025.", 0, []string{"8h00 ngày 08/12/2025 đến 22h00 ngày 12/12/2025|2025-12-08T08:00|2025-12-12T22:00|period"}},
		{"from bare day-months", "miễn phí từ ngày 14.2 đến 20.2 (từ", 2018, []string{"ngày 14.2 đến 20.2|2018-02-14|2018-02-20|period"}},
		{"from month to day", "phát sinh từ tháng 3 đến hết 31/12/2020.", 0, []string{"tháng 3 đến hết 31/12/2020|2020-03|2020-12-31|period"}},
		{"from to now", "Từ ngày 01/10/2025 đến nay, thu nhập", 0, []string{"ngày 01/10/2025|2025-10-01|2025-10-01|day"}},
		{"from to yearly", "Thời gian thực hiện: Từ tháng 3 đến tháng 11 hằng năm.", 2025, nil},
		{"from to blank year", "Kỳ báo cáo: Từ ngày 01 tháng 01 đến 31 tháng 12 năm ...", 2025, nil},
		{"backwards range", "từ ngày 5/3/2020 đến ngày 1/3/2020", 0, []string{"ngày 5/3/2020|2020-03-05|2020-03-05|day", "ngày 1/3/2020|2020-03-01|2020-03-01|day"}},
		{"from fractions", "giảm từ 1/2 đến 2/3 số hộ", 2020, nil},
		// Months.
		{"month slash", "trước tháng 9/2020.", 0, []string{"tháng 9/2020|2020-09|2020-09|month"}},
		{"month words", "tháng 7 năm 2011", 0, []string{"tháng 7 năm 2011|2011-07|2011-07|month"}},
		{"month dash", "số ra tháng 4-2016", 0, []string{"tháng 4-2016|2016-04|2016-04|month"}},
		{"month dot", "từ tháng 7.2017", 0, []string{"tháng 7.2017|2017-07|2017-07|month"}},
		{"month range", "từ tháng 1 - 7.2017, ô tô", 0, []string{"tháng 1 - 7.2017|2017-01|2017-07|period"}},
		{"month 13", "tháng 13/2011", 0, nil},
		{"months across years", "Từ tháng 7/2015 – 6/2020, ngành", 0, []string{"tháng 7/2015 – 6/2020|2015-07|2020-06|period"}},
		{"month after time word", "so với đánh giá hồi 7/2020 (trong", 0, []string{"7/2020|2020-07|2020-07|month"}},
		{"month in parentheses", "Hội nghị Trung ương 10 khóa XIII (9/2024) đến nay", 0, []string{"9/2024|2024-09|2024-09|month"}},
		{"document number as month", "Theo Thông tư 64/2017 của Bộ Công an", 0, nil},
		{"old spelling quarter", "trong qúy 2/2020", 0, []string{"qúy 2/2020|2020-04|2020-06|quarter"}},
		{"shared month year", "tháng 4 và tháng 8 năm 2026", 0, []string{"tháng 4|2026-04|2026-04|month", "tháng 8 năm 2026|2026-08|2026-08|month"}},
		{"month without year", "trong tháng 7 tới", 2011, nil},
		{"month from context", "Trong tháng 9, TPHCM triển khai", 2020, []string{"tháng 9|2020-09|2020-09|month"}},
		{"month from context this year", "tháng 10 năm nay", 2020, []string{"tháng 10|2020-10|2020-10|month"}},
		{"month last year", "tháng 12 năm trước", 2020, nil},
		{"month count", "sau 3 tháng 10 ngày, mỗi tháng 2 lần", 2020, nil},
		{"month of revolution", "Cách mạng tháng 8 và Cách mạng Tháng Tám năm 1945", 2020, []string{"năm 1945|1945|1945|year"}},
		{"month range from context", "tần suất quan trắc 02 đợt/tháng; Tháng 3 - 11 có", 2025, nil},
		{"month range without year", "thực hiện Tháng 3 - 11 theo", 2025, []string{"Tháng 3 - 11|2025-03|2025-11|period"}},
		{"shared month from context", "tháng 4 và tháng 8 (02 đợt)", 2026, []string{"tháng 4|2026-04|2026-04|month", "tháng 8|2026-08|2026-08|month"}},
		{"generic months", "ngày đầu tiên của tháng 3, tháng 6, tháng 9 hoặc tháng 12 gần nhất của năm đàm phán", 2025, nil},
		// Months in words: solar months when a year is written.
		{"month word giêng", "từ tháng giêng năm 2018, giá", 0, []string{"tháng giêng năm 2018|2018-01|2018-01|month"}},
		{"month word mười", "Tháng Mười năm 2017", 0, []string{"Tháng Mười năm 2017|2017-10|2017-10|month"}},
		{"month word mười một", "vào tháng mười một năm 2017", 0, []string{"tháng mười một năm 2017|2017-11|2017-11|month"}},
		{"month word chạp", "tháng Chạp năm 2018", 0, []string{"tháng Chạp năm 2018|2018-12|2018-12|month"}},
		{"month word tư", "ngày 30 tháng Tư năm 1975", 0, []string{"ngày 30 tháng Tư năm 1975|1975-04-30|1975-04-30|day"}},
		{"month word năm", "tháng Năm năm 2020", 0, []string{"tháng Năm năm 2020|2020-05|2020-05|month"}},
		{"month word without year", "rằm tháng giêng, tháng Chạp", 2018, nil},
		{"month word day", "ngày 15 tháng Giêng năm 2018", 0, []string{"ngày 15 tháng Giêng năm 2018|2018-01-15|2018-01-15|day"}},
		// Quarters and halves.
		{"roman quarter", "hoàn thành trong quý IV/2020;", 0, []string{"quý IV/2020|2020-10|2020-12|quarter"}},
		{"roman quarter words", "quý III năm 2011", 0, []string{"quý III năm 2011|2011-07|2011-09|quarter"}},
		{"arabic quarter", "quý 3 năm 2011", 0, []string{"quý 3 năm 2011|2011-07|2011-09|quarter"}},
		{"shared quarter year", "quý 1 và quý 2/2021", 0, []string{"quý 1|2021-01|2021-03|quarter", "quý 2/2021|2021-04|2021-06|quarter"}},
		{"quarter 5", "quý V/2011", 0, nil},
		{"quarter without year", "trong quý III tới", 2011, nil},
		{"first half", "Ước thực hiện 6 tháng đầu năm 2020, thu", 0, []string{"6 tháng đầu năm 2020|2020-01|2020-06|half"}},
		{"second half", "6 tháng cuối năm 2011", 0, []string{"6 tháng cuối năm 2011|2011-07|2011-12|half"}},
		{"half words", "nửa cuối năm 2011", 0, []string{"nửa cuối năm 2011|2011-07|2011-12|half"}},
		{"nine months", "9 tháng đầu năm 2011", 0, []string{"9 tháng đầu năm 2011|2011-01|2011-09|period"}},
		{"three months word", "ba tháng đầu năm 2011", 0, []string{"ba tháng đầu năm 2011|2011-01|2011-03|quarter"}},
		{"half without year", "sơ kết 6 tháng đầu năm", 2011, []string{"6 tháng đầu năm|2011-01|2011-06|half"}},
		{"half words without year", "nửa đầu năm, thu", 2011, []string{"nửa đầu năm|2011-01|2011-06|half"}},
		{"months without year", "trong 9 tháng đầu năm và 4 tháng cuối năm", 2020, []string{"9 tháng đầu năm|2020-01|2020-09|period", "4 tháng cuối năm|2020-09|2020-12|period"}},
		{"months in words without year", "về tình hình ba tháng cuối năm đã tích cực hơn so với nhiều nội dung khác trong sáu tháng đầu năm", 2020, []string{"ba tháng cuối năm|2020-10|2020-12|quarter", "sáu tháng đầu năm|2020-01|2020-06|half"}},
		{"half of next year", "6 tháng đầu năm sau, 6 tháng cuối năm học", 2020, nil},
		{"start of year alone", "đầu năm, cuối năm", 2020, nil},
		{"months of year slash", "lượng XK trong 6 tháng/2018 ước đạt", 0, []string{"6 tháng/2018|2018-01|2018-06|half"}},
		{"quarter of year", "trong quý 4 của năm 2018,", 0, []string{"quý 4 của năm 2018|2018-10|2018-12|quarter"}},
		{"old spelling quarter roman", "|⏎Quí IV-2025⏎|", 0, []string{"Quí IV-2025|2025-10|2025-12|quarter"}},
		{"quarter from context", "nền kinh tế đã đi qua đáy trong quý 2 và đang phục hồi", 2020, []string{"quý 2|2020-04|2020-06|quarter"}},
		{"roman quarter from context", "khống chế kịp thời trong quý I, tăng trưởng ngành nông, lâm nghiệp và thủy sản", 2021, []string{"quý I|2021-01|2021-03|quarter"}},
		{"quarter no context", "trong quý 2 và", 0, nil},
		{"next quarter", "trong quý I tới", 2011, nil},
		{"every quarter", "báo cáo hằng quý 2 lần", 2011, nil},
		{"quarter of fiscal year", "trong quý 2 của niên độ này", 2020, nil},
		{"shared quarter year from context", "quý 1 và quý 2 tăng", 2020, []string{"quý 1|2020-01|2020-03|quarter", "quý 2|2020-04|2020-06|quarter"}},
		// Years.
		{"year", "Riêng năm 2011, Đảng ủy", 0, []string{"năm 2011|2011|2011|year"}},
		{"start of year", "Từ đầu năm 2017 đến nay", 0, []string{"đầu năm 2017|2017|2017|year"}},
		{"end of year", "xuống còn 4,1% (cuối năm 2019)", 0, []string{"cuối năm 2019|2019|2019|year"}},
		{"mid year", "Vào giữa năm 2016, DN", 0, []string{"giữa năm 2016|2016|2016|year"}},
		{"tet", "thưởng Tết 2026 là bao nhiêu", 0, []string{"Tết 2026|2026|2026|year"}},
		{"two horizons", "đến năm 2020, tầm nhìn đến năm 2030", 0, []string{"năm 2020|2020|2020|year", "năm 2030|2030|2030|year"}},
		{"bare year after đến", "Đến 2030, tỷ trọng", 0, []string{"2030|2030|2030|year"}},
		{"bare year after noun", "hoàn thành xuất sắc nhiệm vụ 2025 không", 0, []string{"2025|2025|2025|year"}},
		{"year as count", "có 2015 hộ nghèo", 0, nil},
		{"year with unit", "khoảng 2020 tỷ đồng", 0, nil},
		{"year percent", "tăng 2020%", 0, nil},
		{"law name", "Luật Doanh nghiệp 2014 đã có", 0, nil},
		{"law names list", "Luật Doanh nghiệp 2014, 2020; Bộ luật", 0, nil},
		{"charter name", "Điều lệ Đảng 2011, đảng viên", 0, nil},
		{"standard", "ISO 9001:2015 và TCVN 5574 2018", 0, nil},
		{"phone", "ĐT: 0292 3821 2011", 0, nil},
		{"year five", "năm 20 người", 0, nil},
		// Periods.
		{"period", "giai đoạn 2011-2015, với", 0, []string{"giai đoạn 2011-2015|2011|2015|period"}},
		{"term", "nhiệm kỳ 2010 - 2015,", 0, []string{"nhiệm kỳ 2010 - 2015|2010|2015|period"}},
		{"term uppercase", "NHIỆM KỲ 2020 - 2025", 0, []string{"NHIỆM KỲ 2020 - 2025|2020|2025|period"}},
		{"en dash period", "Trong giai đoạn 2020 – 2025, OCB", 0, []string{"giai đoạn 2020 – 2025|2020|2025|period"}},
		{"parenthesized period", "5 năm liền (2005-2010).", 0, []string{"2005-2010|2005|2010|period"}},
		{"bare period", "5 năm (2021 - 2025) khoảng", 0, []string{"2021 - 2025|2021|2025|period"}},
		{"years period", "từ năm 2016 – 2019 đạt", 0, []string{"năm 2016 – 2019|2016|2019|period"}},
		{"school year", "năm học 2011 - 2012", 0, []string{"năm học 2011 - 2012|2011|2012|period"}},
		{"period from to", "giai đoạn từ năm 2011 đến năm 2015", 0, []string{"giai đoạn từ năm 2011 đến năm 2015|2011|2015|period"}},
		{"period to a month", "giai đoạn 2016-9/2020 đã ký", 0, []string{"giai đoạn 2016-9/2020|2016|2020-09|period"}},
		{"term without dash", "lần thứ I nhiệm kỳ 2025 2030 (Đợt 3)", 0, []string{"nhiệm kỳ 2025 2030|2025|2030|period"}},
		{"backwards period", "2015-2011", 0, nil},
		{"too long period", "1900-2100", 0, nil},
		// Day-months without a year.
		{"day-month with year", "Ngày 30/6, tại Đại hội", 2020, []string{"Ngày 30/6|2020-06-30|2020-06-30|day"}},
		{"day-month part of day", "Chiều 7/12, HĐND TP", 2020, []string{"7/12|2020-12-07|2020-12-07|day"}},
		{"day-month weekday", "Thứ Hai, 7/12, họp", 2020, []string{"7/12|2020-12-07|2020-12-07|day"}},
		{"day-month dots", "Ngày 30.1, thông tin từ Công ty", 2018, []string{"Ngày 30.1|2018-01-30|2018-01-30|day"}},
		{"day-month formal", "kể từ ngày 4 tháng 7,", 2011, []string{"ngày 4 tháng 7|2011-07-04|2011-07-04|day"}},
		{"day-month no year known", "Ngày 30/6, tại Đại hội", 0, nil},
		{"day-month next date", "từ ngày 17/5 đến 23/5/2025", 0, []string{"ngày 17/5 đến 23/5/2025|2025-05-17|2025-05-23|period"}},
		{"day-month after từ", "có hiệu lực từ 1/2.\nTheo đó", 2018, []string{"1/2|2018-02-01|2018-02-01|day"}},
		{"day-month after Từ", "Từ 20/2, trẻ em", 2018, []string{"20/2|2018-02-20|2018-02-20|day"}},
		{"day-month after đến", "Tính đến 15/6, lượng ô tô", 2018, []string{"15/6|2018-06-15|2018-06-15|day"}},
		{"fraction after đến", "lên đến 1/3 số hộ và từ 2/3 diện tích", 2018, nil},
		{"day-month after nay", "diễn ra sáng nay 7/1, Phó Thủ tướng", 2021, []string{"7/1|2021-01-07|2021-01-07|day"}},
		{"day-month yearly context", "định kỳ hằng năm (trước ngày 15 tháng 11) báo cáo", 2025, nil},
		{"day-month yearly far", "định kỳ hàng năm báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường chậm nhất ngày 17 tháng 12.", 2025, nil},
		{"day-month same year", "bắt đầu từ ngày 1 tháng 1 và kết thúc vào ngày 31 tháng 12 cùng năm.", 2001, nil},
		{"day-month yearly only the next", "trước ngày 30/6 và báo cáo sơ kết trước ngày 15 tháng 12 hằng năm.", 2021, []string{"ngày 30/6|2021-06-30|2021-06-30|day"}},
		{"day-month of reporting period", "đến ngày 14 tháng 12 của kỳ báo cáo.", 2025, nil},
		{"day-month dominant year", "Ngày 30/6, họp. Năm 2020 lãi. Năm 2020 tăng. Năm 2018 lỗ.", 0, []string{"Ngày 30/6|2020-06-30|2020-06-30|day", "Năm 2020|2020|2020|year", "Năm 2020|2020|2020|year", "Năm 2018|2018|2018|year"}},
		{"day-month tied years", "Ngày 30/6, họp. Năm 2020 lãi. Năm 2018 lỗ.", 0, []string{"Năm 2020|2020|2020|year", "Năm 2018|2018|2018|year"}},
		{"day-month comparison bases", "Cụ thể, tính đến cuối tháng 6, tín dụng 9 tháng đầu năm 2020 tăng 6% so với cuối năm 2019 (cùng kỳ năm 2019 tăng 9%). Năm 2019 là 32%.", 0, []string{"tháng 6|2020-06|2020-06|month", "9 tháng đầu năm 2020|2020-01|2020-09|period", "cuối năm 2019|2019|2019|year", "năm 2019|2019|2019|year", "Năm 2019|2019|2019|year"}},
		{"day-month yearly", "trước ngày 31/12 hằng năm", 2020, nil},
		{"day-month next year", "chậm nhất là ngày 30/01 năm sau", 2020, nil},
		{"day-month this year", "ngày 30/6 năm nay", 2020, []string{"ngày 30/6|2020-06-30|2020-06-30|day"}},
		{"implausible document year", "Ngày 30/6, tại Đại hội", -30, nil},
		{"feb 29 in a common year", "ngày 29/2", 2023, nil},
		{"bare day-month", "phục vụ 24/7 và 16/18 xã", 2020, nil},
		{"lunar", "ngày 15 tháng 4 âm lịch năm nay, ngày 30/12 (ÂL)", 2020, nil},
		// Years in words and decades.
		{"year in words", "Vào năm hai nghìn không trăm hai mươi hai, tỉnh đạt chuẩn", 0, []string{"năm hai nghìn không trăm hai mươi hai|2022|2022|year"}},
		{"old year in words", "cách mạng năm một nghìn chín trăm bốn mươi lăm.", 0, []string{"năm một nghìn chín trăm bốn mươi lăm|1945|1945|year"}},
		{"year 2000 in words", "từ cuối năm hai nghìn.", 0, []string{"cuối năm hai nghìn|2000|2000|year"}},
		{"a count after năm", "trong năm hai nghìn người được hỗ trợ", 0, nil},
		{"year in words ending the text", "cuối năm hai nghìn", 0, []string{"cuối năm hai nghìn|2000|2000|year"}},
		{"a number in words, no year", "năm mươi hai người", 0, nil},
		{"decade, two digits", "Những năm 90 của thế kỷ trước", 0, []string{"Những năm 90|1990|1999|period"}},
		{"decade, four digits", "trong thập niên 1980, kinh tế", 0, []string{"thập niên 1980|1980|1989|period"}},
		{"decade, thập kỷ", "thập kỷ 70", 0, []string{"thập kỷ 70|1970|1979|period"}},
		{"decade of either century", "những năm 20", 0, nil},
		{"range after những năm", "những năm 2020-2025", 0, []string{"năm 2020-2025|2020|2025|period"}},
		{"years ago", "những năm qua, 5 năm liền", 0, nil},
		// Never dates.
		{"document number", "Nghị quyết số 15/2011/NQ-HĐND", 0, nil},
		{"party number", "Nghị quyết số 02-NQ/ĐUK ngày 4-7-2011", 0, []string{"ngày 4-7-2011|2011-07-04|2011-07-04|day"}},
		{"joint number", "số 176/1998/TTLT-BTC-BCN-TCHQ", 0, nil},
		{"state number", "Số: 123/QĐ-UBND", 0, nil},
		{"year number", "Quyết định 2011/QĐ-UBND", 0, nil},
		{"fraction", "Có 16/18 xã đạt chuẩn", 2020, nil},
		{"decimal", "thu 4.110 tỷ và 1.2020", 0, nil},
		{"article", "Điều 5 khoản 2", 2020, nil},
		{"percent", "đạt 20,11%", 2020, nil},
		{"url", "(https://x.vn/den-nam-2030-ty/uploads/2021/01/a.jpg?rt=20200905085817)", 0, nil},
		{"relative", "đầu năm, 5 năm liền", 2020, nil},
		{"congress", "Đại hội lần thứ XI, khóa XIII", 2020, nil},
		{"amount with dots", "2.025 tỷ đồng", 0, nil},
		{"plate", "ô tô BS: 14A-130 và 30S-087", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dateKeys(FindDates(tt.in, tt.year))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("FindDates(%q, %d) = %q; want %q", tt.in, tt.year, got, tt.want)
			}
		})
	}
}

func TestFindDatesOffsetsAndPages(t *testing.T) {
	text := "Trang một năm 2011.\fTrang hai: ngày 4-7-2011 và\f\fquý III/2011"
	got := FindDates(text, 0)
	want := []struct {
		text string
		page int
	}{{"năm 2011", 1}, {"ngày 4-7-2011", 2}, {"quý III/2011", 4}}
	if len(got) != len(want) {
		t.Fatalf("FindDates(%q) = %v; want %d dates", text, got, len(want))
	}
	for i, d := range got {
		if text[d.Offset:d.Offset+len(d.Text)] != d.Text {
			t.Errorf("date %d: text[%d:] = %q; want %q", i, d.Offset, text[d.Offset:d.Offset+len(d.Text)], d.Text)
		}
		if d.Text != want[i].text || d.Page != want[i].page {
			t.Errorf("date %d = %q page %d; want %q page %d", i, d.Text, d.Page, want[i].text, want[i].page)
		}
	}
}

func TestPeriodIn(t *testing.T) {
	tests := []struct {
		in     string
		want   Period
		wantOK bool
	}{
		{"tốc độ tăng trưởng GRDP giai đoạn 2021-2025 từ 7,5-8%", Period{"2021", "2025"}, true},
		{"Tổng vốn đầu tư 5 năm (2021 - 2025) khoảng 9.500 tỷ đồng", Period{"2021", "2025"}, true},
		{"phấn đấu đến năm 2025, chi thường xuyên ở mức khoảng 50%", Period{"", "2025"}, true},
		{"Đến 2030, tỷ trọng công nghiệp đạt khoảng 30%", Period{"", "2030"}, true},
		{"đến hết năm 2025 đạt 100%", Period{"", "2025"}, true},
		{"lợi nhuận trước thuế trong năm 2020 đạt 4.400 tỷ đồng", Period{"2020", "2020"}, true},
		{"6 tháng đầu năm 2020 thu 500 tỷ", Period{"2020", "2020"}, true},
		{"có từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh", Period{}, false},
		{"Nghị quyết ngày 4-7-2011 đề ra 90%", Period{}, false},
	}
	for _, tt := range tests {
		got, ok := PeriodIn(tt.in, 0)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("PeriodIn(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestIsHorizon(t *testing.T) {
	tests := []struct {
		in   string
		want []bool
	}{
		{"đến năm 2020, tầm nhìn đến năm 2030", []bool{true, true}},
		{"trong năm 2020 và tới 2025", []bool{false, true}},
		{"trước năm 2030; năm 2019", []bool{true, false}},
		{"đến hết năm 2025", []bool{true}},
	}
	for _, tt := range tests {
		ds := FindDates(tt.in, 0)
		var got []bool
		for _, d := range ds {
			got = append(got, IsHorizon(tt.in, d))
		}
		if len(got) != len(tt.want) {
			t.Errorf("IsHorizon over FindDates(%q) = %v; want %v", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("IsHorizon(%q, %q) = %v; want %v", tt.in, ds[i].Text, got[i], tt.want[i])
			}
		}
	}
	if IsHorizon("abc", Date{Offset: 10}) {
		t.Errorf("IsHorizon with an offset past the text = true; want false")
	}
}

// checkDates checks the invariants of FindDates' output on text.
func checkDates(t *testing.T, text string, ds []Date) {
	t.Helper()
	prev := -1
	for _, d := range ds {
		if d.Offset < 0 || d.Offset+len(d.Text) > len(text) || text[d.Offset:d.Offset+len(d.Text)] != d.Text {
			t.Fatalf("date %q at %d is not the text there", d.Text, d.Offset)
		}
		if d.Offset <= prev {
			t.Fatalf("date %q at %d is out of order (previous at %d)", d.Text, d.Offset, prev)
		}
		prev = d.Offset
		if !utf8.ValidString(d.Text) || d.Text == "" {
			t.Fatalf("date text %q is empty or not UTF-8", d.Text)
		}
		if d.Start == "" || d.End == "" || d.Start > d.End {
			t.Fatalf("date %q has start %q end %q", d.Text, d.Start, d.End)
		}
		for _, iso := range []string{d.Start, d.End} {
			if y, err := strconv.Atoi(yearPart(iso)); err != nil || y < minYear || y > maxYear || len(iso) > 4 && iso[4] != '-' {
				t.Fatalf("date %q has start %q end %q: not ISO in %d..%d", d.Text, d.Start, d.End, minYear, maxYear)
			}
		}
		if want := 1 + strings.Count(text[:d.Offset], "\f"); d.Page != want {
			t.Fatalf("date %q page %d; want %d", d.Text, d.Page, want)
		}
		switch d.Grain {
		case GrainDatetime, GrainDay, GrainMonth, GrainQuarter, GrainHalf, GrainYear, GrainPeriod:
		default:
			t.Fatalf("date %q has grain %q", d.Text, d.Grain)
		}
	}
}

func FuzzFindDates(f *testing.F) {
	for _, s := range []string{
		"ngày 04 tháng 7 năm 2011", "10/07/2011 - 19:35", "19:35 10/07/2011",
		"quý III/2011", "giai đoạn 2011-2015", "(2005-2010)", "Chiều 7/12", "ngày 4.1.2017 - 4.1.2018",
		"tháng 1 - 7.2017", "quý 1 và quý 2/2021", "15/2011/NQ-HĐND", "16/18 xã", "Luật Đất đai 2013, 2024",
		"6 tháng đầu năm 2020\f năm 2021", "ngày 31/12 hằng năm", "2011-07-04", "ngày\xff 4/7/2011",
		"ngày mồng 3 tháng 3 năm 2018", "tháng giêng năm 2018", "tháng mười một năm 2017", "quý 4 của năm 2018",
		"12 tháng 10 năm 2017", "ngày 3/9/91", "7:30 chiều ngày 20/4/2017", "14 giờ ngày 29.1",
		"từ ngày 1.1.2016 đến hết tháng 1.2018", "từ tháng 10 đến tháng 3 năm 2026", "từ ngày 08 đến ngày 10 tháng 12",
		"từ 8h00 ngày 08/12/2025 đến 22h00 ngày 12/12/2025", "quý I, tháng 9", "Tháng 3 - 11", "từ 1/2.",
		"ngày …/11/2025", "ngày / /2007", "ng**ày 21 tháng 11 năm 202**5", "CPngày 09 tháng 5", "năm 2.000",
		"November 19, 2025", "giai đoạn 2016-9/2020", "định kỳ hằng năm (trước ngày 15 tháng 11)",
	} {
		f.Add(s, 0)
		f.Add(s, 2020)
	}
	f.Fuzz(func(t *testing.T, text string, year int) {
		ds := FindDates(text, year)
		checkDates(t, text, ds)
		for _, d := range ds {
			IsHorizon(text, d)
		}
		PeriodIn(text, year)
	})
}

// TestFindDatesBulk runs FindDates over the bulk corpus and checks its
// invariants (skipped when ../shared is absent, or with -short).
func TestFindDatesBulk(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode")
	}
	dir := testshared.Dir(t, "corpus/bulk")
	n := 0
	err := filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || n >= 200 {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		checkDates(t, string(b), FindDates(string(b), 0))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func BenchmarkFindDates(b *testing.B) {
	dir := testshared.Dir(b, "corpus/bulk")
	var texts []string
	size := 0
	err := filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		buf, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		texts = append(texts, string(buf))
		size += len(buf)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, s := range texts {
			FindDates(s, 0)
		}
	}
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "docs/s")
}
