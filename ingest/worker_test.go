package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"vanban/ingest/pdf"
)

// TestMain lets the test binary serve as its own PDF worker: the parent
// test starts os.Executable() (this binary) with the worker variable set.
func TestMain(m *testing.M) {
	if WorkerRequested() {
		os.Exit(RunWorker())
	}
	os.Exit(m.Run())
}

// manyPagesPDF is a PDF of n pages of body text, slow enough to parse to
// test deadlines.
func manyPagesPDF(n int) []byte {
	var contents []string
	for i := 0; i < n; i++ {
		contents = append(contents, fmt.Sprintf("BT /F1 10 Tf 72 700 Td (Body text of page %d, long enough to matter.) Tj 0 -12 Td (A second line.) Tj ET", i+1))
	}
	return pagesPDF(contents...)
}

// TestWorkerMatchesInProcess checks that a PDF read through the worker
// process gives what parsing in this process gives.
func TestWorkerMatchesInProcess(t *testing.T) {
	data := pagesPDF("BT /F1 10 Tf 72 700 Td [(Hel) 20 (lo) -600 (world)] TJ ET",
		"BT /F2 10 Tf 72 700 Td "+vietEnc("Nghị quyết số 05-")+" Tj 0 -12 Td "+vietEnc("NQ/TW")+" Tj ET")
	want, err := parsePDF(data, PDFMaxPages)
	if err != nil {
		t.Fatal(err)
	}
	got, err := parsePDFInWorker(data, 10*time.Second, PDFMemoryLimit, PDFMaxPages)
	if err != nil {
		t.Fatalf("parsePDFInWorker error: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parsePDFInWorker = %+v; want %+v", got, want)
	}
	if _, err := parsePDFInWorker([]byte("%PDF-1.4\nnothing"), 10*time.Second, PDFMemoryLimit, PDFMaxPages); err == nil || !strings.Contains(err.Error(), "PDF") {
		t.Errorf("parsePDFInWorker(broken) error = %v; want a PDF error", err)
	}
}

// TestWorkerReuse checks that a worker serves several files and that a
// worker that died while idle is replaced.
func TestWorkerReuse(t *testing.T) {
	StopPDFWorkers()
	data := pagesPDF("BT /F1 10 Tf 72 700 Td (hello) Tj ET")
	if _, err := parsePDFInWorker(data, 10*time.Second, PDFMemoryLimit, PDFMaxPages); err != nil {
		t.Fatal(err)
	}
	pid := idleWorkerPID(t)
	if _, err := parsePDFInWorker(data, 10*time.Second, PDFMemoryLimit, PDFMaxPages); err != nil {
		t.Fatal(err)
	}
	if got := idleWorkerPID(t); got != pid {
		t.Errorf("second file served by worker %d; want the first worker %d again", got, pid)
	}
	// Kill the idle worker behind the pool's back.
	workerPool.Lock()
	w := workerPool.idle[len(workerPool.idle)-1]
	workerPool.Unlock()
	_ = w.cmd.Process.Kill()
	<-w.done
	p, err := parsePDFInWorker(data, 10*time.Second, PDFMemoryLimit, PDFMaxPages)
	if err != nil || len(p.pages) != 1 || p.pages[0] != "hello" {
		t.Errorf("after the worker died: pages %q, error %v; want [hello]", p.pages, err)
	}
	StopPDFWorkers()
}

func idleWorkerPID(t *testing.T) int {
	t.Helper()
	workerPool.Lock()
	defer workerPool.Unlock()
	if len(workerPool.idle) == 0 {
		t.Fatal("no idle worker after a successful parse")
	}
	return workerPool.idle[len(workerPool.idle)-1].cmd.Process.Pid
}

// TestWorkerDeadline checks that a parse running past its deadline or its
// memory bound is killed with a clear error, and that the next file works.
func TestWorkerDeadline(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 3000-page PDF")
	}
	big := manyPagesPDF(3000)
	_, err := parsePDFInWorker(big, 30*time.Millisecond, PDFMemoryLimit, PDFMaxPages)
	if err == nil || err.Error() != "PDF parsing timed out after 30ms" {
		t.Errorf("parsePDFInWorker(big, 30ms) error = %v; want PDF parsing timed out after 30ms", err)
	}
	// Any Go process is bigger than 1 MB.
	_, err = parsePDFInWorker(big, 10*time.Second, 1<<20, PDFMaxPages)
	if err == nil || !strings.Contains(err.Error(), "memory") {
		t.Errorf("parsePDFInWorker with a 1 MB bound: error = %v; want a memory error", err)
	}
	p, err := parsePDFInWorker(pagesPDF("BT /F1 10 Tf 72 700 Td (after) Tj ET"), 10*time.Second, PDFMemoryLimit, PDFMaxPages)
	if err != nil || len(p.pages) != 1 || p.pages[0] != "after" {
		t.Errorf("after a killed worker: pages %q, error %v; want [after]", p.pages, err)
	}
}

func TestWorkerProtocol(t *testing.T) {
	var buf bytes.Buffer
	if err := writeWorkerRequest(&buf, []byte("%PDF-data"), 42, 3*time.Second, 1<<20); err != nil {
		t.Fatal(err)
	}
	req, err := readWorkerRequest(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if string(req.data) != "%PDF-data" || req.maxPages != 42 || req.timeout != 3*time.Second || req.memLimit != 1<<20 {
		t.Errorf("readWorkerRequest = %+v; want the request written", req)
	}
	if _, err := readWorkerRequest(&buf); err != io.EOF {
		t.Errorf("readWorkerRequest(empty) error = %v; want io.EOF", err)
	}
	if _, err := readWorkerRequest(strings.NewReader(strings.Repeat("x", 32))); err == nil {
		t.Error("readWorkerRequest(bad magic) = nil error; want one")
	}
	if _, err := readWorkerRequest(strings.NewReader("VBW1")); err == nil {
		t.Error("readWorkerRequest(short header) = nil error; want one")
	}
}

func TestTailBufferReason(t *testing.T) {
	tests := []struct{ in, want string }{
		{"runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\ngoroutine 1 [running]:\nmain.f()\n", "fatal error: stack overflow"},
		{"panic: boom\n\ngoroutine 1 [running]:\n", "panic: boom"},
		{"vanban worker: bad request header\n", "vanban worker: bad request header"},
		{"", ""},
	}
	for _, tt := range tests {
		var b tailBuffer
		b.Write([]byte(tt.in))
		if got := b.reason(); got != tt.want {
			t.Errorf("reason(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestWorkerErrorKeepsClass(t *testing.T) {
	for _, msg := range []string{pdf.ErrPassword.Error(), pdf.ErrUnsupportedCrypt.Error() + ": AES-512"} {
		if err := workerError(msg); !errors.Is(err, ErrEncrypted) || err.Error() != msg {
			t.Errorf("workerError(%q) = %v (Is ErrEncrypted: %v); want the same message, of class ErrEncrypted", msg, err, errors.Is(err, ErrEncrypted))
		}
	}
	if err := workerError("malformed PDF: x"); errors.Is(err, ErrEncrypted) {
		t.Errorf("workerError(malformed) is ErrEncrypted")
	}
}
