#!/bin/sh
# legacy-accuracy.sh: text fidelity of vanban on legacy Vietnamese documents.
#
# usage: scripts/legacy-accuracy.sh [LEGACY_DIR]
#
# Builds vanban, runs `vanban text FILE` on every original in
# LEGACY_DIR/{tcvn3,vni} (default ../shared/corpus/legacy beside the
# repository; $VANBAN_SHARED/corpus/legacy when set): .rtf, .doc, .pdf,
# .xls and .ppt. Where LibreOffice (soffice) is installed, each .xls is also
# converted to .xlsx and .ods, each .ppt to .pptx and each .doc to .odt (as
# an old file saved again by a newer program) and those are read too. The
# texts are written as NAME.txt into a temporary folder per
# format, next to a copy of the transcripts, and ../shared/eval/textacc.py
# prints per file and overall char, diacritic and syllable accuracy (NFC
# both sides, whitespace collapsed), for each format and then for all the
# originals together.
#
# Needs go and python3 (soffice optional). Exit status: 0 when every scored
# file was read, 1 when some file failed, 2 on a setup error.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${VANBAN_SHARED:-$repo/../shared}
legacy=${1:-$shared/corpus/legacy}
scorer=$shared/eval/textacc.py

if [ ! -d "$legacy/tcvn3" ] && [ ! -d "$legacy/vni" ]; then
	echo "legacy-accuracy: no tcvn3/ or vni/ folder in $legacy" >&2
	exit 2
fi
if [ ! -f "$scorer" ]; then
	echo "legacy-accuracy: scorer $scorer not found" >&2
	exit 2
fi
command -v python3 >/dev/null 2>&1 || { echo "legacy-accuracy: python3 is required" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/legacy-accuracy.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/truth" "$work/pred" "$work/conv"

echo "building vanban..." >&2
(cd "$repo" && go build -o "$work/vanban" ./cmd/vanban)

failed=0
scored=0
# read FILE NAME FORMAT: vanban text FILE into pred/ and pred-FORMAT/.
read_one() {
	mkdir -p "$work/pred-$3"
	if ! "$work/vanban" text --ocr off "$1" >"$work/pred-$3/$2.txt" 2>"$work/err"; then
		echo "$3/$2: FAILED: $(head -n 3 "$work/err")" >&2
		failed=$((failed + 1))
	fi
	cp "$work/truth/$2.txt" "$work/truth-$3/$2.txt" 2>/dev/null || { mkdir -p "$work/truth-$3"; cp "$work/truth/$2.txt" "$work/truth-$3/$2.txt"; }
}
for enc in tcvn3 vni; do
	dir=$legacy/$enc
	[ -d "$dir" ] || continue
	for f in "$dir"/*; do
		[ -f "$f" ] || continue
		base=$(basename "$f")
		name=${base%.*}
		ext=$(printf '%s' "${base##*.}" | tr 'A-Z' 'a-z')
		case $ext in
		rtf | doc | pdf | xls | ppt) ;;
		*) continue ;;
		esac
		truth=$dir/truth/$name.txt
		if [ ! -f "$truth" ]; then
			echo "$enc/$base: no transcript, not scored" >&2
			continue
		fi
		cp "$truth" "$work/truth/$name.txt"
		scored=$((scored + 1))
		read_one "$f" "$name" "$ext"
		cp "$work/pred-$ext/$name.txt" "$work/pred/$name.txt"
		case $ext in xls | ppt | doc) cp "$f" "$work/conv/$name.$ext" ;; esac
	done
done
if command -v soffice >/dev/null 2>&1; then
	for pair in xls:xlsx xls:ods ppt:pptx doc:odt; do
		from=${pair%%:*}
		to=${pair#*:}
		ls "$work/conv/"*.$from >/dev/null 2>&1 || continue
		(cd "$work/conv" && soffice --headless "-env:UserInstallation=file://$work/lo" --convert-to $to *.$from >/dev/null 2>&1) ||
			echo "soffice --convert-to $to failed" >&2
		for f in "$work/conv/"*.$to; do
			[ -f "$f" ] || continue
			name=$(basename "$f" .$to)
			read_one "$f" "$name" "$to"
		done
	done
else
	echo "soffice not installed: the .xlsx/.ods/.pptx/.odt conversions are not read" >&2
fi

echo "scored $scored files ($failed reads failed)" >&2
for fmt in doc rtf pdf xls ppt xlsx ods pptx odt; do
	[ -d "$work/pred-$fmt" ] || continue
	echo "== $fmt"
	python3 "$scorer" "$work/truth-$fmt" "$work/pred-$fmt" | tail -n 1
done
echo "== all originals, per file"
python3 "$scorer" "$work/truth" "$work/pred"
[ "$failed" -eq 0 ] || exit 1
