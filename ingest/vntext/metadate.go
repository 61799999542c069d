package vntext

import (
	"fmt"
	"regexp"
	"strconv"
)

var metaDateRE = regexp.MustCompile(`^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?`)

// MetaDate cuts a W3C/ISO 8601 timestamp of a document's metadata (DOCX and
// PPTX core properties, ODF meta.xml, HTML meta tags) to "YYYY-MM-DD" or
// "YYYY-MM-DDTHH:MM" as written (no time zone conversion); "" when s is not
// one or the date is impossible. It lives here, the one package every
// reader may import, so that the readers share one copy.
func MetaDate(s string) string {
	m := metaDateRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return ""
	}
	if m[4] == "" {
		return fmt.Sprintf("%s-%s-%s", m[1], m[2], m[3])
	}
	h, _ := strconv.Atoi(m[4])
	mi, _ := strconv.Atoi(m[5])
	if h > 23 || mi > 59 {
		return fmt.Sprintf("%s-%s-%s", m[1], m[2], m[3])
	}
	return fmt.Sprintf("%s-%s-%sT%s:%s", m[1], m[2], m[3], m[4], m[5])
}
