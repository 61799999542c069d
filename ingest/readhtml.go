package ingest

import "vanban/ingest/html"

// readHTMLFile is the HTML reader: the article of a web page (package
// html), as one block.
func readHTMLFile(_ string, data []byte) (parsed, error) {
	r, err := html.Read(data)
	if err != nil {
		return parsed{}, err
	}
	return parsed{pages: []string{r.Text}, encoding: r.Encoding, title: r.Title, published: r.Published,
		meta: r.Meta, warnings: r.Warnings}, nil
}
