package ingest

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"vanban/ingest/pdf"
)

// The PDF worker. A PDF that sends the parser into an endless loop cannot
// be stopped inside the process (a goroutine cannot be killed), so PDFs are
// parsed in child processes of the same binary, started with workerEnv set.
// A child serves requests one at a time on stdin/stdout for as long as it
// lives; the parent keeps idle children for reuse and kills a child that
// overruns PDFTimeout or PDFMemoryLimit.
//
// Protocol, all integers big-endian: the request is the 4 bytes "VBW1",
// uint32 max pages, uint64 timeout in milliseconds, uint64 memory limit in
// bytes, uint64 data length, then the data; the reply is a uint64 length and
// that many bytes of JSON (workerReply).

// workerEnv is the environment variable that makes a vanban process a
// worker; its value names the job.
const workerEnv = "VANBAN_WORKER"

// workerHello is what a worker writes first, so that the parent knows
// the child is a worker and not some other program (a test binary whose
// main does not call RunWorker would otherwise run its tests).
const workerHello = "VBWREADY"

// workerStartTimeout is how long a new worker may take to say hello.
const workerStartTimeout = 5 * time.Second

// workerBroken is set when this binary cannot serve as a PDF worker; PDFs
// are then parsed in process.
var workerBroken atomic.Bool

// PDFMemoryLimit bounds the memory of a PDF worker process in bytes: the
// child's Go runtime works to stay under it, and the parent kills a child
// whose resident size goes over it (the file then fails).
var PDFMemoryLimit int64 = 1 << 30

// maxWorkerReply bounds a reply, so that a confused child cannot make the
// parent allocate without limit.
const maxWorkerReply = 1 << 30

// WorkerRequested reports whether this process was started as a parsing
// worker by another vanban process (see RunWorker).
func WorkerRequested() bool { return os.Getenv(workerEnv) == "pdf" }

// RunWorker serves parse requests from the parent process on stdin/stdout
// and returns the exit status. main calls it first when WorkerRequested.
func RunWorker() int {
	// Ctrl-C reaches the whole process group; the parent decides.
	signal.Ignore(os.Interrupt)
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	out.WriteString(workerHello)
	if err := out.Flush(); err != nil {
		return 0
	}
	for {
		req, err := readWorkerRequest(in)
		if err == io.EOF {
			return 0
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "vanban worker: %v\n", err)
			return 2
		}
		if req.memLimit > 0 {
			debug.SetMemoryLimit(req.memLimit / 2)
		}
		// Belt and braces: if the parent is gone or slow to kill us, a
		// hung parse still ends.
		watchdog := time.AfterFunc(req.timeout+5*time.Second, func() { os.Exit(3) })
		p, perr := parsePDF(req.data, req.maxPages)
		watchdog.Stop()
		reply := workerReply{
			Pages: p.pages, Paged: p.paged, Title: p.title, Published: p.published,
			Meta: p.meta, Warnings: p.warnings, NoText: p.noText,
		}
		if perr != nil {
			reply.Err = perr.Error()
		}
		b, err := json.Marshal(reply)
		if err != nil {
			b, _ = json.Marshal(workerReply{Err: "worker: " + err.Error()})
		}
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(b)))
		out.Write(n[:])
		out.Write(b)
		if err := out.Flush(); err != nil {
			return 0 // parent gone
		}
		req.data = nil
		debug.FreeOSMemory()
	}
}

// workerRequest is one parse request as the child reads it.
type workerRequest struct {
	maxPages int
	timeout  time.Duration
	memLimit int64
	data     []byte
}

// workerReply is the child's answer: a parsed result or an error message.
type workerReply struct {
	Pages     []string          `json:"pages"`
	Paged     bool              `json:"paged"`
	Title     string            `json:"title,omitempty"`
	Published string            `json:"published,omitempty"`
	Meta      map[string]string `json:"meta,omitempty"`
	Warnings  []string          `json:"warnings,omitempty"`
	NoText    []int             `json:"no_text,omitempty"`
	Err       string            `json:"error,omitempty"`
}

func writeWorkerRequest(w io.Writer, data []byte, maxPages int, timeout time.Duration, memLimit int64) error {
	var h [32]byte
	copy(h[:4], "VBW1")
	binary.BigEndian.PutUint32(h[4:], uint32(max(0, maxPages)))
	binary.BigEndian.PutUint64(h[8:], uint64(timeout.Milliseconds()))
	binary.BigEndian.PutUint64(h[16:], uint64(max(0, memLimit)))
	binary.BigEndian.PutUint64(h[24:], uint64(len(data)))
	if _, err := w.Write(h[:]); err != nil {
		return err
	}
	_, err := w.Write(data)
	return err
}

func readWorkerRequest(r io.Reader) (workerRequest, error) {
	var h [32]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		if err == io.ErrUnexpectedEOF {
			return workerRequest{}, fmt.Errorf("short request header: %w", err)
		}
		return workerRequest{}, err
	}
	if string(h[:4]) != "VBW1" {
		return workerRequest{}, errors.New("bad request header")
	}
	req := workerRequest{
		maxPages: int(binary.BigEndian.Uint32(h[4:])),
		timeout:  time.Duration(binary.BigEndian.Uint64(h[8:])) * time.Millisecond,
		memLimit: int64(binary.BigEndian.Uint64(h[16:])),
	}
	n := binary.BigEndian.Uint64(h[24:])
	if n > 8<<30 {
		return workerRequest{}, fmt.Errorf("request of %d bytes is too large", n)
	}
	req.data = make([]byte, n)
	if _, err := io.ReadFull(r, req.data); err != nil {
		return workerRequest{}, fmt.Errorf("reading request data: %w", err)
	}
	return req, nil
}

// pdfWorker is the parent's handle on one child process.
type pdfWorker struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr *tailBuffer
	done   chan struct{} // closed when the process has been waited for
}

// tailBuffer keeps the last bytes written to it (a child's stderr).
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > 4096 {
		t.buf = append([]byte(nil), t.buf[len(t.buf)-4096:]...)
	}
	return len(p), nil
}

// reason returns the line of a crashed child's stderr that says why: a
// Go "fatal error:" or "panic:" line (a stack overflow or an out-of-memory
// kill ends the process without a recoverable panic), else the last
// non-empty line.
func (t *tailBuffer) reason() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	lines := strings.Split(strings.TrimSpace(string(t.buf)), "\n")
	for _, l := range lines {
		if strings.HasPrefix(l, "fatal error:") || strings.HasPrefix(l, "panic:") {
			return strings.TrimSpace(l)
		}
	}
	for i := len(lines) - 1; i >= 0; i-- {
		if l := strings.TrimSpace(lines[i]); l != "" {
			return l
		}
	}
	return ""
}

var workerPool struct {
	sync.Mutex
	idle []*pdfWorker
}

// startWorker starts a child process of this binary as a PDF worker.
func startWorker() (*pdfWorker, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding own executable: %w", err)
	}
	cmd := exec.Command(exe)
	// argv[0] "vanban": a binary that dispatches on its name (testscript
	// test binaries) then runs vanban's main, which serves as worker.
	cmd.Args[0] = "vanban"
	cmd.Env = append(os.Environ(), workerEnv+"=pdf")
	setWorkerAttrs(cmd)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("worker stdin: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("worker stdout: %w", err)
	}
	w := &pdfWorker{cmd: cmd, stdin: stdin, stdout: bufio.NewReader(stdout), stderr: &tailBuffer{}, done: make(chan struct{})}
	cmd.Stderr = w.stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting PDF worker: %w", err)
	}
	go func() {
		_ = cmd.Wait()
		close(w.done)
	}()
	hello := make(chan error, 1)
	go func() {
		var b [len(workerHello)]byte
		_, err := io.ReadFull(w.stdout, b[:])
		if err == nil && string(b[:]) != workerHello {
			err = fmt.Errorf("it answered %q", b[:])
		}
		hello <- err
	}()
	timer := time.NewTimer(workerStartTimeout)
	defer timer.Stop()
	select {
	case err = <-hello:
	case <-timer.C:
		err = fmt.Errorf("no answer in %v", workerStartTimeout)
	}
	if err != nil {
		w.kill()
		return nil, fmt.Errorf("%w: %s (its main must call ingest.RunWorker): %v", errNotWorker, exe, err)
	}
	return w, nil
}

// errNotWorker is the error for a binary that does not serve as a PDF
// worker; it will not change, so later PDFs are parsed in process.
var errNotWorker = errors.New("not a PDF worker")

// getWorker returns an idle worker or starts one.
func getWorker() (*pdfWorker, error) {
	workerPool.Lock()
	for len(workerPool.idle) > 0 {
		n := len(workerPool.idle)
		w := workerPool.idle[n-1]
		workerPool.idle = workerPool.idle[:n-1]
		select {
		case <-w.done:
			continue // died while idle
		default:
		}
		workerPool.Unlock()
		return w, nil
	}
	workerPool.Unlock()
	return startWorker()
}

// maxIdleWorkers is how many idle workers are kept for reuse.
var maxIdleWorkers = max(4, runtime.NumCPU())

func putWorker(w *pdfWorker) {
	workerPool.Lock()
	defer workerPool.Unlock()
	if len(workerPool.idle) >= maxIdleWorkers {
		w.close()
		return
	}
	workerPool.idle = append(workerPool.idle, w)
}

// close ends an idle worker: it exits when its stdin closes.
func (w *pdfWorker) close() {
	w.stdin.Close()
	select {
	case <-w.done:
	case <-time.After(time.Second):
		w.kill()
	}
}

// kill ends the worker at once and waits for it.
func (w *pdfWorker) kill() {
	if w.cmd.Process != nil {
		_ = w.cmd.Process.Kill()
	}
	w.stdin.Close()
	<-w.done
}

// StopPDFWorkers ends the idle PDF worker processes. Workers also end by
// themselves when this process exits; calling it is a courtesy at the end
// of a run.
func StopPDFWorkers() {
	workerPool.Lock()
	idle := workerPool.idle
	workerPool.idle = nil
	workerPool.Unlock()
	var wg sync.WaitGroup
	for _, w := range idle {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.close()
		}()
	}
	wg.Wait()
}

// roundTrip sends one request and reads the reply. An error means the
// worker is unusable (it crashed or broke the protocol).
func (w *pdfWorker) roundTrip(data []byte, maxPages int, timeout time.Duration, memLimit int64) (workerReply, error) {
	errc := make(chan error, 1)
	go func() { errc <- writeWorkerRequest(w.stdin, data, maxPages, timeout, memLimit) }()
	var n [8]byte
	if _, err := io.ReadFull(w.stdout, n[:]); err != nil {
		return workerReply{}, err
	}
	size := binary.BigEndian.Uint64(n[:])
	if size > maxWorkerReply {
		return workerReply{}, fmt.Errorf("reply of %d bytes is too large", size)
	}
	b := make([]byte, size)
	if _, err := io.ReadFull(w.stdout, b); err != nil {
		return workerReply{}, err
	}
	if err := <-errc; err != nil {
		return workerReply{}, err
	}
	var rep workerReply
	if err := json.Unmarshal(b, &rep); err != nil {
		return workerReply{}, fmt.Errorf("bad reply: %w", err)
	}
	return rep, nil
}

// parsePDFInWorker parses data in a worker process, killing it when it
// runs past timeout or its resident size goes over memLimit bytes (0: no
// bound). If no worker can be started, it parses in this process and says
// so in a warning.
func parsePDFInWorker(data []byte, timeout time.Duration, memLimit int64, maxPages int) (parsed, error) {
	if workerBroken.Load() {
		return parsePDF(data, maxPages)
	}
	w, err := getWorker()
	if err != nil {
		if errors.Is(err, errNotWorker) {
			workerBroken.Store(true)
		}
		p, perr := parsePDF(data, maxPages)
		p.warnings = append(p.warnings, fmt.Sprintf("PDF parsed without a worker process, so without a deadline (%v)", err))
		return p, perr
	}
	type result struct {
		rep workerReply
		err error
	}
	done := make(chan result, 1)
	go func() {
		rep, err := w.roundTrip(data, maxPages, timeout, memLimit)
		done <- result{rep, err}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case res := <-done:
			if res.err != nil {
				w.kill()
				why := w.stderr.reason()
				if why == "" {
					why = res.err.Error()
				}
				return parsed{}, fmt.Errorf("PDF worker failed: %s", why)
			}
			putWorker(w)
			rep := res.rep
			if rep.Err != "" {
				return parsed{}, workerError(rep.Err)
			}
			return parsed{pages: rep.Pages, paged: rep.Paged, title: rep.Title, published: rep.Published,
				meta: rep.Meta, warnings: rep.Warnings, noText: rep.NoText}, nil
		case <-timer.C:
			w.kill()
			<-done
			return parsed{}, fmt.Errorf("PDF parsing timed out after %v", timeout)
		case <-tick.C:
			if memLimit > 0 && processRSS(w.cmd.Process.Pid) > memLimit {
				w.kill()
				<-done
				return parsed{}, fmt.Errorf("PDF parsing used more than %d MB of memory", memLimit>>20)
			}
		}
	}
}

// processRSS returns the resident set size of process pid in bytes, or 0
// where /proc is not available.
func processRSS(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0
	}
	f := bytes.Fields(b)
	if len(f) < 2 {
		return 0
	}
	pages, err := strconv.ParseInt(string(f[1]), 10, 64)
	if err != nil {
		return 0
	}
	return pages * int64(os.Getpagesize())
}

// workerError rebuilds an error that crossed the process boundary as text,
// so that errors.Is still tells the classes apart (ErrEncrypted, ...).
func workerError(msg string) error {
	for _, known := range []error{pdf.ErrPassword, pdf.ErrUnsupportedCrypt} {
		if k := known.Error(); strings.HasPrefix(msg, k) {
			return pdfError(fmt.Errorf("%w%s", known, msg[len(k):]))
		}
	}
	return errors.New(msg)
}
