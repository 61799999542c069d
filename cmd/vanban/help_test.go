package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
)

// helpOf returns the help of a command, as "vanban COMMAND -h" prints it.
func helpOf(t *testing.T, name string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{name, "-h"}, &stdout, &stderr); err != nil {
		t.Fatalf("vanban %s -h = %v", name, err)
	}
	if stderr.Len() > 0 {
		t.Errorf("vanban %s -h wrote to stderr: %q", name, stderr.String())
	}
	return stdout.String()
}

// examples returns the example command lines of a help text: the lines of
// its "Examples:" section, without what a shell pipes or redirects.
func examples(help string) [][]string {
	_, rest, ok := strings.Cut(help, "Examples:\n")
	if !ok {
		return nil
	}
	var out [][]string
	for _, line := range strings.Split(rest, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			if len(out) > 0 {
				break
			}
			continue
		}
		if i := strings.IndexAny(line, "|>"); i >= 0 {
			line = line[:i]
		}
		out = append(out, shellWords(line))
	}
	return out
}

// shellWords splits a command line at spaces, keeping quoted words whole.
func shellWords(s string) []string {
	var words []string
	var cur strings.Builder
	quote := rune(0)
	inWord := false
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}

// TestHelp checks every command's help: on stdout, with two or three
// examples that are valid command lines (their flags exist and parse), and
// the exit statuses, the in-use one included.
func TestHelp(t *testing.T) {
	inUse := fmt.Sprintf("\n  %d   the index is in use by another vanban process", exitInUse)
	for _, c := range commands {
		help := helpOf(t, c.name)
		if !strings.HasPrefix(help, "usage: vanban "+c.name+" ") {
			t.Errorf("vanban %s -h starts %q", c.name, help[:min(len(help), 40)])
		}
		if !strings.Contains(help, inUse) {
			t.Errorf("vanban %s -h does not document exit status %d", c.name, exitInUse)
		}
		exs := examples(help)
		if len(exs) < 2 || len(exs) > 3 {
			t.Errorf("vanban %s -h has %d examples; want two or three", c.name, len(exs))
		}
		for _, ex := range exs {
			if len(ex) < 2 || ex[0] != "vanban" || ex[1] != c.name {
				t.Errorf("vanban %s -h: example %q is not a vanban %s command", c.name, ex, c.name)
				continue
			}
			// With -h at the end the command parses its flags, prints its
			// help and does nothing else: a bad flag is a usage error.
			var stdout, stderr bytes.Buffer
			if err := run(context.Background(), append(ex[1:], "-h"), &stdout, &stderr); err != nil {
				t.Errorf("example %q: %v\n%s", ex, err, stderr.String())
			}
		}
		// "vanban help COMMAND" prints the same.
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), []string{"help", c.name}, &stdout, &stderr); err != nil || stdout.String() != help {
			t.Errorf("vanban help %s = %v, %d bytes; want the help of vanban %s -h", c.name, err, stdout.Len(), c.name)
		}
	}
	general := usageText()
	if !strings.Contains(general, fmt.Sprintf("\n\t%d   the index is in use", exitInUse)) {
		t.Errorf("the general help does not document exit status %d", exitInUse)
	}
	for _, ex := range examples(strings.ReplaceAll(general, "\t", "  ")) {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), append(ex[1:], "-h"), &stdout, &stderr); err != nil {
			t.Errorf("general help example %q: %v\n%s", ex, err, stderr.String())
		}
	}
}

func TestShellWords(t *testing.T) {
	got := shellWords(`vanban search --kind "nghị quyết" --from 2020 'chuyển đổi số'`)
	want := []string{"vanban", "search", "--kind", "nghị quyết", "--from", "2020", "chuyển đổi số"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("shellWords = %q; want %q", got, want)
	}
}
