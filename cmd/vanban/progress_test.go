package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newTestProgress(tty bool) (*progress, *bytes.Buffer, *fakeClock) {
	var buf bytes.Buffer
	clock := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	// A long interval: the test draws by hand (status, printf, finish).
	return newProgressOn(&buf, "ingest", tty, 100, time.Hour, clock.now), &buf, clock
}

// TestProgressETA checks the rate and the time left: measured over the
// recent past, so that files done at once at the start (unchanged ones)
// do not make the rest look fast.
func TestProgressETA(t *testing.T) {
	tests := []struct {
		name  string
		steps func(p *progress, c *fakeClock)
		want  string
	}{
		{"steady", func(p *progress, c *fakeClock) {
			for range 10 {
				c.advance(time.Second)
				p.add(false)
			}
		}, "10/100 files, 0 failed, 1.0 files/s, ETA 1m30s"},
		{"nothing done yet", func(p *progress, c *fakeClock) {
			c.advance(3 * time.Second)
		}, "0/100 files, 0 failed, 0.0 files/s, ETA ?"},
		{"fast start, then slow", func(p *progress, c *fakeClock) {
			for range 50 {
				p.add(false) // unchanged files, no time
			}
			for range 60 {
				c.advance(time.Second)
				p.status(c.now()) // a redraw every second records the rate; 16 files in the last 30 s
				if c.now().Unix()%2 == 0 {
					p.add(false)
				}
			}
		}, "80/100 files, 0 failed, 0.5 files/s, ETA 38s"},
		{"failures count as done", func(p *progress, c *fakeClock) {
			for i := range 20 {
				c.advance(time.Second)
				p.add(i%4 == 0)
			}
		}, "20/100 files, 5 failed, 1.0 files/s, ETA 1m20s"},
		{"all read", func(p *progress, c *fakeClock) {
			for range 100 {
				c.advance(time.Second / 10)
				p.add(false)
			}
		}, "100/100 files, 0 failed, 10.0 files/s, ETA 0s"},
		{"a long write is a batch being saved", func(p *progress, c *fakeClock) {
			c.advance(time.Second)
			p.add(false)
			p.writing(true)
			c.advance(2 * time.Second)
		}, "1/100 files, 0 failed, saving the index…"},
		{"a short write is not", func(p *progress, c *fakeClock) {
			c.advance(time.Second)
			p.add(false)
			p.writing(true)
			c.advance(savingAfter / 2)
		}, "1/100 files, 0 failed, 0.9 files/s, ETA 1m54s"},
		{"saving at the end", func(p *progress, c *fakeClock) {
			p.add(false)
			p.saving()
		}, "1/100 files, 0 failed, saving the index…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _, c := newTestProgress(false)
			p.begin(100, 0, 0)
			tt.steps(p, c)
			if got := p.status(c.now()); got != tt.want {
				t.Errorf("status = %q; want %q", got, tt.want)
			}
		})
	}
}

// TestProgressPlainLines checks the plain display: a line per redraw
// with the time left, messages on their own lines, and a last line.
func TestProgressPlainLines(t *testing.T) {
	p, buf, c := newTestProgress(false)
	p.scanned()
	p.scanned()
	p.mu.Lock()
	p.draw()
	p.mu.Unlock()
	p.begin(3, 1, 1) // one path the walk could not use
	c.advance(2 * time.Second)
	p.add(false)
	p.printf("vanban: b.pdf: encrypted PDF\n")
	p.mu.Lock()
	p.draw()
	p.mu.Unlock()
	c.advance(2 * time.Second)
	p.add(true)
	p.finish()
	p.finish() // a second call does nothing
	want := "vanban: ingest: scanning: 2 files found\n" +
		"vanban: b.pdf: encrypted PDF\n" +
		"vanban: ingest: 2/3 files, 1 failed, 0.5 files/s, ETA 2s\n" +
		"vanban: ingest: 3/3 files, 2 failed, took 4s\n"
	if got := buf.String(); got != want {
		t.Errorf("plain output:\n%s\nwant:\n%s", got, want)
	}
}

// TestProgressTerminal checks the bar: a message clears it first and the
// bar is drawn again below; finish leaves no bar behind.
func TestProgressTerminal(t *testing.T) {
	p, buf, c := newTestProgress(true)
	p.begin(4, 0, 0)
	c.advance(time.Second)
	p.add(false)
	p.mu.Lock()
	p.draw()
	p.mu.Unlock()
	bar := "\r[=======                       ] 1/4 files  1.0 files/s  ETA 3s\x1b[K"
	if got := buf.String(); got != bar {
		t.Fatalf("bar = %q; want %q", got, bar)
	}
	buf.Reset()
	c.advance(time.Second)
	p.add(true)
	p.printf("vanban: a.txt: empty file\n")
	want := "\r\x1b[K" + "vanban: a.txt: empty file\n" + "\r[===============               ] 2/4 files  1 failed  1.0 files/s  ETA 2s\x1b[K"
	if got := buf.String(); got != want {
		t.Errorf("message during the bar = %q; want %q", got, want)
	}
	buf.Reset()
	p.finish()
	if got := buf.String(); got != "\r\x1b[K" {
		t.Errorf("finish = %q; want the bar cleared", got)
	}
	// After finish, messages are plain lines with no bar.
	buf.Reset()
	p.printf("vanban: done\n")
	if got := buf.String(); got != "vanban: done\n" {
		t.Errorf("message after finish = %q", got)
	}
}

// TestProgressNarrowTerminal checks that the bar shrinks to fit.
func TestProgressNarrowTerminal(t *testing.T) {
	var buf bytes.Buffer
	clock := &fakeClock{t: time.Now()}
	p := newProgressOn(&buf, "ingest", true, 50, time.Hour, clock.now)
	p.begin(10, 0, 0)
	clock.advance(time.Second)
	p.add(false)
	p.mu.Lock()
	p.draw()
	p.mu.Unlock()
	line := strings.TrimSuffix(strings.TrimPrefix(buf.String(), "\r"), "\x1b[K")
	if n := len([]rune(line)); n > 50 {
		t.Errorf("bar of %d columns on a 50-column terminal: %q", n, line)
	}
}

func TestRoundDuration(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0s"}, {300 * time.Millisecond, "<1s"}, {1500 * time.Millisecond, "2s"},
		{90 * time.Second, "1m30s"}, {2*time.Hour + 3*time.Minute, "2h3m0s"},
	} {
		if got := roundDuration(tt.d); got != tt.want {
			t.Errorf("roundDuration(%v) = %q; want %q", tt.d, got, tt.want)
		}
	}
}
