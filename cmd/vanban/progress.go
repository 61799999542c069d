package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// progress shows how far a batch run is: a bar redrawn in place when stderr
// is a terminal (and TERM is not dumb), a plain line every few seconds
// otherwise. It is safe for concurrent use.
type progress struct {
	w        io.Writer
	tty      bool
	color    bool
	label    string
	start    time.Time
	interval time.Duration

	mu    sync.Mutex
	total int
	done  int
	fail  int
	width int
	stop  chan struct{}
	wg    sync.WaitGroup
}

// newProgress returns a progress display on w. label names the run.
func newProgress(w io.Writer, label string) *progress {
	p := &progress{w: w, label: label, start: time.Now(), interval: 5 * time.Second, stop: make(chan struct{})}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) && os.Getenv("TERM") != "dumb" {
		p.tty = true
		p.interval = 200 * time.Millisecond
		p.color = os.Getenv("NO_COLOR") == ""
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil {
			p.width = cols
		}
	}
	p.wg.Add(1)
	go p.loop()
	return p
}

// setTotal sets the number of files the run expects.
func (p *progress) setTotal(n int) {
	p.mu.Lock()
	p.total = n
	p.mu.Unlock()
}

// add counts one file done; failed tells whether it failed.
func (p *progress) add(failed bool) {
	p.mu.Lock()
	p.done++
	if failed {
		p.fail++
	}
	p.mu.Unlock()
}

func (p *progress) loop() {
	defer p.wg.Done()
	t := time.NewTicker(p.interval)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.draw()
		}
	}
}

// draw writes the current state.
func (p *progress) draw() {
	p.mu.Lock()
	done, total, fail := p.done, p.total, p.fail
	p.mu.Unlock()
	elapsed := time.Since(p.start)
	rate := float64(done) / elapsed.Seconds()
	eta := "?"
	if rate > 0 && total >= done {
		eta = (time.Duration(float64(total-done)/rate) * time.Second / time.Second).Round(time.Second).String()
	}
	if !p.tty {
		fmt.Fprintf(p.w, "vanban %s: %d/%d files, %d failed, %.1f files/s, ETA %s\n", p.label, done, total, fail, rate, eta)
		return
	}
	stats := fmt.Sprintf(" %d/%d files  %.1f files/s  ETA %s", done, total, rate, eta)
	if fail > 0 {
		stats += fmt.Sprintf("  %d failed", fail)
	}
	barWidth := 30
	if p.width > 0 && p.width-len(stats)-4 < barWidth {
		barWidth = max(p.width-len(stats)-4, 5)
	}
	filled := 0
	if total > 0 {
		filled = done * barWidth / total
	}
	bar := strings.Repeat("=", filled) + strings.Repeat(" ", barWidth-filled)
	if p.color {
		bar = "\x1b[32m" + bar + "\x1b[0m"
	}
	fmt.Fprintf(p.w, "\r[%s]%s\x1b[K", bar, stats)
}

// finish stops the display and clears the bar.
func (p *progress) finish() {
	close(p.stop)
	p.wg.Wait()
	if p.tty {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
