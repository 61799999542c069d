package index

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"strings"
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
// reading /proc/self/maps and the advice would be zeroed: so only readers
// use it, on the files of the folder they opened, which Bleve opened
// read-only (no merges) and unmaps only when the index is closed, after
// the watcher has stopped.
const (
	madvPageout  = 21
	madvDontneed = syscall.MADV_DONTNEED
)

// mappedBytes returns the size of the file pages (and shared memory) the
// process has mapped in, from /proc/self/statm, or 0.
func mappedBytes() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := bytes.Fields(b)
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
// file under dir (an absolute path): reclaimed when evict is set, else
// only unmapped.
func releaseMapped(dir string, evict bool) {
	advice := madvDontneed
	if evict {
		advice = madvPageout
	}
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
		syscall.Syscall(syscall.SYS_MADVISE, uintptr(start), uintptr(end-start), uintptr(advice))
	}
}
