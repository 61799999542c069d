package index

import "syscall"

// roomFor reports whether a file of size bytes can be written in dir: the
// file system has that much free space (with a margin of a tenth) and the
// process's file-size limit (RLIMIT_FSIZE) allows it. When either cannot
// be read, it answers yes.
func roomFor(dir string, size int64) bool {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &lim); err == nil && uint64(size) > lim.Cur {
		return false
	}
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return true
	}
	free := st.Bavail * uint64(st.Bsize)
	return free >= uint64(size)+uint64(size)/10
}
