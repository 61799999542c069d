package index

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Verify checks that the index is consistent: every path's content is
// stored, every stored content is held by some path and lists exactly those
// paths, and every target belongs to a stored document at a position its
// record has. It reads the whole index.
func (ix *Index) Verify() error {
	// The paths of each content, from the file entries.
	bySHA := map[string][]string{}
	err := ix.EachFile(context.Background(), func(st FileState) error {
		bySHA[st.SHA256] = append(bySHA[st.SHA256], st.Path)
		return nil
	})
	if err != nil {
		return err
	}
	for _, ps := range bySHA {
		sort.Strings(ps)
	}
	var problems []string
	docs := map[string]int{} // sha → number of targets
	err = ix.each(context.Background(), TypeDoc, []string{FieldRecord, FieldPath}, func(id string, f map[string]interface{}) error {
		rec, err := recordFromFields(f)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: bad record: %v", id, err))
			return nil
		}
		sha := strings.TrimPrefix(id, docPrefix)
		docs[sha] = len(rec.Targets)
		paths := StringsField(f[FieldPath])
		want := bySHA[sha]
		if strings.Join(paths, "\x00") != strings.Join(want, "\x00") {
			problems = append(problems, fmt.Sprintf("%s: paths %q, file entries say %q", id, paths, want))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for sha, paths := range bySHA {
		if _, ok := docs[sha]; !ok {
			problems = append(problems, fmt.Sprintf("content %s of %q is not stored", sha, paths))
		}
	}
	err = ix.each(context.Background(), TypeTarget, nil, func(id string, _ map[string]interface{}) error {
		rest := strings.TrimPrefix(id, "t:")
		i := strings.LastIndexByte(rest, ':')
		if i < 0 {
			problems = append(problems, fmt.Sprintf("%s: bad target id", id))
			return nil
		}
		n, err := strconv.Atoi(rest[i+1:])
		nt, ok := docs[rest[:i]]
		if err != nil || !ok || n >= nt {
			problems = append(problems, fmt.Sprintf("%s: no such target in a stored document", id))
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		if len(problems) > 10 {
			problems = append(problems[:10], fmt.Sprintf("and %d more", len(problems)-10))
		}
		return fmt.Errorf("index %s is inconsistent: %s", ix.dir, strings.Join(problems, "; "))
	}
	return nil
}
