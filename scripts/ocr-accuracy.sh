#!/bin/sh
# ocr-accuracy.sh: what OCR makes of scanned documents, against the same
# documents read from their text layer.
#
# usage: scripts/ocr-accuracy.sh [PDF_DIR]
#
# OCR_TIMEOUT (default 10m) is the per-page limit: on a loaded machine the
# default 2 minutes of vanban can cut pages off and spoil the figures.
# Scans every PDF of PDF_DIR (default ../shared/corpus/formats, the dev
# texts rendered by LibreOffice) with scripts/make-scan.sh (200 dpi grey
# JPEG pages, rotated 0.8 degrees, noise, img2pdf), reads both the scan and
# the original with `vanban text` and `vanban extract --json` (the scans
# through a fresh OCR cache: recognized once, by `vanban text`, which is
# timed), and prints:
#   - text fidelity of the scans against the dev source texts
#     (../shared/eval/textacc.py: char, diacritic, syllable), and of the
#     originals for comparison;
#   - extraction scores of both against the gold records
#     (../shared/eval/score.py; targets F1 is the one to compare);
#   - OCR pages, CPU seconds and pages per second per core.
# OCR_KEEP=DIR keeps the scans, the source texts and both readings there
# (scan/, truth/, ocr/, text/, *.jsonl) to diff them afterwards.
# Needs go, python3, tesseract, pdftoppm, convert, img2pdf.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${VANBAN_SHARED:-$repo/../shared}
dir=${1:-$shared/corpus/formats}
for t in python3 tesseract pdftoppm convert img2pdf; do
	command -v $t >/dev/null 2>&1 || { echo "ocr-accuracy: $t is required" >&2; exit 2; }
done
timeout=${OCR_TIMEOUT:-10m}
work=$(mktemp -d "${TMPDIR:-/tmp}/ocr-accuracy.XXXXXX")
keep=${OCR_KEEP:-}
trap '[ -z "$keep" ] || { mkdir -p "$keep" && cp -r "$work/scan" "$work/truth" "$work/ocr" "$work/text" "$work"/*.jsonl "$keep"/ 2>/dev/null; }; rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/scan" "$work/truth" "$work/ocr" "$work/text"
(cd "$repo" && go build -o "$work/vanban" ./cmd/vanban)
# A fresh OCR cache, filled by the timed run (set after the build: Go's
# build cache lives under XDG_CACHE_HOME too).
export XDG_CACHE_HOME="$work/cache"
for f in "$dir"/*.pdf; do
	name=$(basename "$f" .pdf)
	src=$(ls "$shared/corpus/dev/$name".* 2>/dev/null | head -n 1 || true)
	[ -n "$src" ] || continue
	cp "$src" "$work/truth/$name.txt"
	"$repo/scripts/make-scan.sh" "$f" "$work/scan/$name.pdf"
	"$work/vanban" text --ocr off "$f" >"$work/text/$name.txt" 2>/dev/null
done
pages=0
start=$(date +%s.%N)
cpu0=$(awk '{print $16+$17}' /proc/$$/stat 2>/dev/null || echo 0)
for f in "$work/scan"/*.pdf; do
	name=$(basename "$f" .pdf)
	"$work/vanban" text --ocr-timeout "$timeout" "$f" >"$work/ocr/$name.txt" 2>/dev/null
done
end=$(date +%s.%N)
# CPU of the OCR runs: children of this shell (cutime+cstime) since cpu0.
cpu=$(awk -v c0="$cpu0" '{print $16+$17-c0}' /proc/$$/stat 2>/dev/null || echo 0)
for f in "$work/scan"/*.pdf; do
	n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
	pages=$((pages + ${n:-0}))
done
echo "== text fidelity of the scans (OCR)"
python3 "$shared/eval/textacc.py" "$work/truth" "$work/ocr"
echo "== text fidelity of the originals (text layer)"
python3 "$shared/eval/textacc.py" "$work/truth" "$work/text" | tail -n 1
# Records, named as the dev files so that score.py finds their gold.
"$work/vanban" extract --json --ocr-timeout "$timeout" "$work/scan"/*.pdf 2>/dev/null >"$work/ocr.jsonl" || true
"$work/vanban" extract --json --ocr off "$dir"/*.pdf 2>/dev/null >"$work/text.jsonl" || true
for k in ocr text; do
	python3 - "$work/$k.jsonl" "$shared/corpus/dev" >"$work/$k.renamed.jsonl" <<'PY'
import json, os, sys
names = {os.path.splitext(f)[0]: f for f in os.listdir(sys.argv[2])}
for line in open(sys.argv[1]):
    r = json.loads(line)
    base = os.path.splitext(os.path.basename(r["path"]))[0]
    r["path"] = names.get(base, r["path"])
    print(json.dumps(r, ensure_ascii=False))
PY
	echo "== extraction, $k"
	python3 "$shared/eval/score.py" "$shared/corpus/dev/gold" "$work/$k.renamed.jsonl" | tail -n 1
done
echo "== speed"
ticks=$(getconf CLK_TCK)
python3 -c "import sys; p=int(sys.argv[1]); s=float(sys.argv[2])-float(sys.argv[3]); c=float(sys.argv[4])/float(sys.argv[5]); print(f'{p} pages: {s:.0f} s wall, {c:.0f} CPU s (vanban, pdftoppm, tesseract): {p/c:.3f} pages per CPU second (per core); wall {p/s/2:.3f} pages/s/core on 2 cores; see the load average for what else ran')" "$pages" "$end" "$start" "$cpu" "$ticks"
uptime
