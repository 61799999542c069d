package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/term"
)

// progress shows how far a batch run is on stderr: a bar redrawn in place
// when stderr is a terminal (and TERM is not dumb), a plain line every few
// seconds otherwise, and a last plain line at the end. Messages printed
// through it (failures, warnings) clear the bar first and the bar is drawn
// again below them, so that no message is glued to the bar and no stale
// bar is left in the scrollback. It is safe for concurrent use.
//
// A run goes through three phases: scanning (the walk, counting files
// found), reading (files counted as they are read, with the rate and the
// time left), and saving (the index writer is committing: while a batch is
// saved the count may stand still, and the display says so).
type progress struct {
	// ocrPages, when set, counts the pages recognized by OCR so far.
	ocrPages func() int64

	w        io.Writer
	tty      bool
	color    bool
	width    int // terminal columns; 0 when unknown
	label    string
	interval time.Duration
	now      func() time.Time

	mu        sync.Mutex
	phase     phase
	begun     time.Time // when reading began
	total     int
	done      int
	failed    int
	found     int       // files found while scanning
	busySince time.Time // when the writer's current call began; zero when idle
	samples   []sample  // recent (time, done) pairs, for the rate
	drawn     bool      // a bar is on the terminal's last line
	stop      chan struct{}
	stopped   bool
	wg        sync.WaitGroup
}

type phase int

const (
	phaseScanning phase = iota
	phaseReading
	phaseSaving
)

// sample is the count done at one moment.
type sample struct {
	at   time.Time
	done int
}

// Timing of the display.
const (
	plainInterval = 5 * time.Second        // between plain lines
	ttyInterval   = 200 * time.Millisecond // between redraws of the bar
	rateWindow    = 30 * time.Second       // the rate is measured over this much of the recent past
	savingAfter   = 300 * time.Millisecond // a write that takes longer is a batch being saved
)

// progressIntervalEnv overrides the time between plain lines (a Go
// duration, such as 1s); 0 prints a line at every change.
const progressIntervalEnv = "VANBAN_PROGRESS_INTERVAL"

// newProgress returns a progress display on w, in the scanning phase.
// label names the run ("ingest").
func newProgress(w io.Writer, label string) *progress {
	tty, width := false, 0
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) && os.Getenv("TERM") != "dumb" {
		tty = true
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil {
			width = cols
		}
	}
	interval := plainInterval
	if tty {
		interval = ttyInterval
	} else if d, err := time.ParseDuration(os.Getenv(progressIntervalEnv)); err == nil && d >= 0 {
		interval = d
	}
	p := newProgressOn(w, label, tty, width, interval, time.Now)
	p.color = tty && os.Getenv("NO_COLOR") == ""
	p.run()
	return p
}

// newProgressOn returns a display that is not yet ticking: tests drive it
// with their own clock.
func newProgressOn(w io.Writer, label string, tty bool, width int, interval time.Duration, now func() time.Time) *progress {
	return &progress{w: w, tty: tty, width: width, label: label, interval: interval, now: now, stop: make(chan struct{})}
}

// run starts redrawing every interval.
func (p *progress) run() {
	if p.interval <= 0 {
		return // a line at every change instead (see changed)
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(p.interval)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				p.mu.Lock()
				p.draw()
				p.mu.Unlock()
			}
		}
	}()
}

// scanned counts one file found by the walk.
func (p *progress) scanned() {
	p.mu.Lock()
	p.found++
	p.changed()
	p.mu.Unlock()
}

// begin ends the scan: total files are to be read, of which done are
// already done, failed of them failed (paths the walk could not use).
func (p *progress) begin(total, done, failed int) {
	p.mu.Lock()
	p.phase, p.total, p.done, p.failed = phaseReading, total, done, failed
	p.begun = p.now()
	p.samples = append(p.samples[:0], sample{p.begun, done})
	p.changed()
	p.mu.Unlock()
}

// add counts one file read; failed tells whether it failed.
func (p *progress) add(failed bool) {
	p.mu.Lock()
	p.done++
	if failed {
		p.failed++
	}
	p.changed()
	p.mu.Unlock()
}

// writing tells that the index writer is busy (true) or done (false) with
// one file: a call that lasts is a batch being saved.
func (p *progress) writing(busy bool) {
	p.mu.Lock()
	if busy {
		p.busySince = p.now()
	} else {
		p.busySince = time.Time{}
	}
	p.mu.Unlock()
}

// saving tells that every file is read and the last changes are being
// saved.
func (p *progress) saving() {
	p.mu.Lock()
	p.phase = phaseSaving
	p.changed()
	p.mu.Unlock()
}

// printf prints a message line: on a terminal the bar is cleared first
// and drawn again below the message.
func (p *progress) printf(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	fmt.Fprintf(p.w, format, args...)
	if p.tty && !p.stopped {
		p.draw()
	}
}

// finish stops the display. On a terminal the bar is cleared; otherwise a
// last line says how the run ended. It may be called more than once.
func (p *progress) finish() {
	p.mu.Lock()
	if p.stopped {
		p.mu.Unlock()
		return
	}
	p.stopped = true
	close(p.stop)
	p.mu.Unlock()
	p.wg.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	if !p.tty && p.phase != phaseScanning {
		fmt.Fprintf(p.w, "vanban: %s: %d/%d files, %d failed, took %s\n", p.label, p.done, p.total, p.failed, roundDuration(p.now().Sub(p.begun)))
	}
}

// changed redraws at once when there is no ticker (interval 0). Called
// with p.mu held.
func (p *progress) changed() {
	if p.interval <= 0 && !p.stopped {
		p.draw()
	}
}

// clear removes the bar from the terminal. Called with p.mu held.
func (p *progress) clear() {
	if p.tty && p.drawn {
		io.WriteString(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

// draw writes the current state: the bar in place, or a plain line.
// Called with p.mu held.
func (p *progress) draw() {
	if p.stopped {
		return
	}
	now := p.now()
	status := p.status(now)
	if !p.tty {
		fmt.Fprintf(p.w, "vanban: %s: %s\n", p.label, status)
		return
	}
	if p.phase == phaseScanning {
		fmt.Fprintf(p.w, "\r%s\x1b[K", status)
		p.drawn = true
		return
	}
	status = strings.ReplaceAll(status, ", ", "  ")
	barWidth := 30
	if p.width > 0 {
		barWidth = min(barWidth, max(p.width-utf8.RuneCountInString(status)-4, 5))
	}
	filled := 0
	if p.total > 0 {
		filled = min(p.done, p.total) * barWidth / p.total
	}
	bar := strings.Repeat("=", filled) + strings.Repeat(" ", barWidth-filled)
	if p.color {
		bar = "\x1b[32m" + bar + "\x1b[0m"
	}
	fmt.Fprintf(p.w, "\r[%s] %s\x1b[K", bar, status)
	p.drawn = true
}

// status describes the state in words: the count, failures, and the rate
// and time left while reading, or that the index is being saved.
func (p *progress) status(now time.Time) string {
	if p.phase == phaseScanning {
		return fmt.Sprintf("scanning: %d files found", p.found)
	}
	s := fmt.Sprintf("%d/%d files", p.done, p.total)
	if p.ocrPages != nil {
		if n := p.ocrPages(); n > 0 {
			s += fmt.Sprintf(", %d OCR pages", n)
		}
	}
	if p.failed > 0 || !p.tty {
		s += fmt.Sprintf(", %d failed", p.failed)
	}
	saving := p.phase == phaseSaving || (!p.busySince.IsZero() && now.Sub(p.busySince) >= savingAfter)
	if saving {
		return s + ", saving the index…"
	}
	rate := p.rate(now)
	s += fmt.Sprintf(", %.1f files/s", rate)
	if left := p.total - p.done; left <= 0 {
		s += ", ETA 0s"
	} else if rate > 0 {
		s += ", ETA " + roundDuration(time.Duration(float64(left)/rate*float64(time.Second)))
	} else {
		s += ", ETA ?"
	}
	return s
}

// rate returns the files done per second over the recent past (about
// rateWindow), or since reading began when that is shorter. It records a
// sample of now. Called with p.mu held.
func (p *progress) rate(now time.Time) float64 {
	p.samples = append(p.samples, sample{now, p.done})
	// Keep one sample at or before the window's start.
	i := 0
	for i+1 < len(p.samples) && now.Sub(p.samples[i+1].at) >= rateWindow {
		i++
	}
	p.samples = p.samples[i:]
	old := p.samples[0]
	elapsed := now.Sub(old.at).Seconds()
	if elapsed <= 0 {
		return 0
	}
	return float64(p.done-old.done) / elapsed
}

// roundDuration shows d to the second ("1m30s"), or "<1s".
func roundDuration(d time.Duration) string {
	if d < time.Second {
		if d <= 0 {
			return "0s"
		}
		return "<1s"
	}
	return d.Round(time.Second).String()
}
