package index

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// madvPageout is MADV_PAGEOUT (Linux 5.4): reclaim the pages of a range.
// It never changes what the range holds (file pages are read again, and
// anonymous ones would be swapped, never zeroed), so a range unmapped and
// reused meanwhile comes to no harm. Older kernels refuse it (EINVAL):
// then nothing is released.
//
// madvDontneed is MADV_DONTNEED: unmap the pages of a range, which for a
// file mapping leaves them in the page cache; the next read maps them in
// again. Bleve maps its files read-only, so nothing is lost. But a range
// that was unmapped and reused for memory of the process's own between
// reading /proc/self/maps and the advice would be zeroed: so it is used
// only on mappings that cannot go meanwhile. A reader's are the files of
// the folder it opened, which Bleve opened read-only (no merges) and
// unmaps only when the index is closed, after the watcher has stopped; a
// writer's are the segments of a snapshot of the index that it holds
// while it gives the advice (a segment is unmapped only once no snapshot
// holds it). Everything else of a writer's is reclaimed.
const (
	madvPageout  = 21
	madvDontneed = syscall.MADV_DONTNEED
)

// statm is /proc/self/statm, opened once: a writer's watcher reads it 20
// times a second, and opening it each time (os.ReadFile) took 1.2% of
// ingest's CPU, more than reading it.
var statm struct {
	sync.Mutex
	f *os.File
}

// mappedBytes returns the size of the file pages (and shared memory) the
// process has mapped in, from /proc/self/statm, or 0.
func mappedBytes() int64 {
	var buf [256]byte
	statm.Lock()
	if statm.f == nil {
		f, err := os.Open("/proc/self/statm")
		if err != nil {
			statm.Unlock()
			return 0
		}
		statm.f = f
	}
	n, err := statm.f.ReadAt(buf[:], 0)
	statm.Unlock()
	if n == 0 && err != nil {
		return 0
	}
	f := bytes.Fields(buf[:n])
	if len(f) < 3 {
		return 0
	}
	pages, err := strconv.ParseInt(string(f[2]), 10, 64)
	if err != nil {
		return 0
	}
	return pages * int64(os.Getpagesize())
}

// releaseMapped hands back to the kernel the pages of every mapping of a
// file under dir (an absolute path): only unmapped for the files for which
// unmapOnly says so, reclaimed for the others.
func releaseMapped(dir string, unmapOnly func(file string) bool) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return
	}
	defer f.Close()
	prefix := strings.TrimSuffix(dir, "/") + "/"
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// 7f2c1a000000-7f2c1a400000 r--s 00000000 fd:01 1234   /path/to/file
		line := sc.Text()
		i := strings.Index(line, prefix)
		if i < 0 {
			continue
		}
		rng, _, _ := strings.Cut(line, " ")
		lo, hi, ok := strings.Cut(rng, "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		advice := madvPageout
		if unmapOnly(line[i:]) {
			advice = madvDontneed
		}
		syscall.Syscall(syscall.SYS_MADVISE, uintptr(start), uintptr(end-start), uintptr(advice))
	}
}
