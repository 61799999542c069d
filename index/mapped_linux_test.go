package index

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestReleaseMapped checks that the pages of a file mapped in and read
// through the mapping stop counting in the process's resident size once
// releaseMapped is called for its folder, reclaimed (as for a writer) or
// only unmapped (as for a reader), that they still read the same, and
// that a mapping outside the folder is left alone.
func TestReleaseMapped(t *testing.T) {
	for _, evict := range []bool{true, false} {
		t.Run(map[bool]string{true: "reclaimed", false: "unmapped"}[evict], func(t *testing.T) { testReleaseMapped(t, evict) })
	}
}

func testReleaseMapped(t *testing.T, evict bool) {
	const size = 32 << 20
	mapFile := func(dir string) []byte {
		t.Helper()
		p := filepath.Join(dir, "seg.zap")
		data := make([]byte, size)
		for i := range data {
			data[i] = byte(i % 251)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		m, err := syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ, syscall.MAP_SHARED)
		if err != nil {
			t.Skipf("mmap: %v", err)
		}
		t.Cleanup(func() { syscall.Munmap(m) })
		return m
	}
	touch := func(m []byte) (sum int) {
		for i := 0; i < len(m); i += 4096 {
			sum += int(m[i])
		}
		return sum
	}
	base := t.TempDir()
	in, out := filepath.Join(base, "idx"), filepath.Join(base, "other")
	os.Mkdir(in, 0o755)
	os.Mkdir(out, 0o755)
	mIn, mOut := mapFile(in), mapFile(out)
	before := mappedBytes()
	sumIn, sumOut := touch(mIn), touch(mOut)
	read := mappedBytes()
	if read-before < 2*size*3/4 {
		t.Skipf("mapped pages not counted here (%d MB before reading 64 MB, %d MB after)", before>>20, read>>20)
	}
	real, err := filepath.EvalSymlinks(in)
	if err != nil {
		t.Fatal(err)
	}
	releaseMapped(real, func(string) bool { return !evict })
	after := mappedBytes()
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, 0, 0, madvPageout); evict && errno == syscall.EINVAL {
		t.Skip("this kernel has no MADV_PAGEOUT")
	}
	if got := read - after; got < size/2 || got > size*5/4 {
		t.Errorf("releaseMapped: %d MB mapped before, %d MB after; want about %d MB less (the folder's file only)", read>>20, after>>20, size>>20)
	}
	if touch(mIn) != sumIn || touch(mOut) != sumOut {
		t.Error("the mapped files read differently after releaseMapped")
	}
}
