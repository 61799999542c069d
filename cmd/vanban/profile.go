package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

// Profiling hooks for measuring vanban itself (not documented in the help):
//
//	VANBAN_CPUPROFILE=FILE   CPU profile of the whole run
//	VANBAN_HEAPPROFILE=FILE  heap profile taken when the heap in use was
//	                         largest (checked every 200 ms)
//
// startProfiles starts what the environment asks for and returns the
// function that writes the profiles out at exit.
func startProfiles() func() {
	var stops []func()
	if p := os.Getenv("VANBAN_CPUPROFILE"); p != "" {
		f, err := os.Create(p)
		if err == nil && pprof.StartCPUProfile(f) == nil {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if p := os.Getenv("VANBAN_HEAPPROFILE"); p != "" {
		done := make(chan struct{})
		finished := make(chan struct{})
		go func() {
			defer close(finished)
			var peak uint64
			var ms runtime.MemStats
			t := time.NewTicker(200 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-done:
					return
				case <-t.C:
				}
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse <= peak {
					continue
				}
				peak = ms.HeapInuse
				if f, err := os.Create(p); err == nil {
					pprof.Lookup("heap").WriteTo(f, 0)
					f.Close()
					fmt.Fprintf(os.Stderr, "vanban: heap profile at %d MB in use (sys %d MB)\n", peak>>20, ms.Sys>>20)
				}
			}
		}()
		stops = append(stops, func() { close(done); <-finished })
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}
