package main

import (
	"strings"
	"testing"
)

func TestExportFormat(t *testing.T) {
	tests := []struct {
		flag, out string
		want      string // the format, or "error: " and a part of the message
	}{
		{"", "", "xlsx"},
		{"", "-", "xlsx"},
		{"", "a.xlsx", "xlsx"},
		{"", "A.XLSX", "xlsx"},
		{"", "a.csv", "csv"},
		{"", "a.jsonl", "jsonl"},
		{"", "a.json", "jsonl"},
		{"", "a.ndjson", "jsonl"},
		{"csv", "", "csv"},
		{"csv", "-", "csv"},
		{"jsonl", "-", "jsonl"},
		{"json", "a.jsonl", "jsonl"},
		{"CSV", "a.csv", "csv"},
		{"xlsx", "a.xlsx", "xlsx"},
		{"csv", "a.txt", "csv"},    // the flag says it; .txt names no format
		{"xlsx", "report", "xlsx"}, // no suffix: the flag says it
		{"", "a.txt", "error: .txt is not a format"},
		{"", "a.xls", "error: .xls is not a format"},
		{"", "report", "error: has no suffix"},
		{"csv", "a.xlsx", "error: has the suffix .xlsx, but --format is csv"},
		{"xlsx", "a.csv", "error: has the suffix .csv, but --format is xlsx"},
		{"jsonl", "a.csv", "error: has the suffix .csv, but --format is jsonl"},
		{"pdf", "a.pdf", "error: --format must be xlsx, csv or jsonl"},
	}
	for _, tt := range tests {
		got, err := exportFormat(tt.flag, tt.out)
		if msg, ok := strings.CutPrefix(tt.want, "error: "); ok {
			if err == nil || !strings.Contains(err.Error(), msg) {
				t.Errorf("exportFormat(%q, %q) = %q, %v; want an error with %q", tt.flag, tt.out, got, err, msg)
			} else if code := exitCode(err); code != exitUsage {
				t.Errorf("exportFormat(%q, %q): exit status %d; want %d", tt.flag, tt.out, code, exitUsage)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("exportFormat(%q, %q) = %q, %v; want %q", tt.flag, tt.out, got, err, tt.want)
		}
	}
}
