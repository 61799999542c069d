#!/bin/sh
# legacy-accuracy.sh: text fidelity of vanban on legacy Vietnamese documents.
#
# usage: scripts/legacy-accuracy.sh [LEGACY_DIR]
#
# Builds vanban, runs `vanban text FILE` on every original in
# LEGACY_DIR/{tcvn3,vni} (default ../shared/corpus/legacy beside the
# repository; $VANBAN_SHARED/corpus/legacy when set): .rtf, .doc and .pdf.
# Excel (.xls) and PowerPoint (.ppt) files are reported as unsupported and
# left out of the score. The texts are written as NAME.txt into a temporary
# folder, next to a copy of the transcripts of the files scored, and
# ../shared/eval/textacc.py prints per file and overall char, diacritic and
# syllable accuracy (NFC both sides, whitespace collapsed).
#
# Needs go and python3; runs no other program on the documents. Exit status:
# 0 when every scored file was read, 1 when some file failed, 2 on a setup
# error.
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
mkdir -p "$work/truth" "$work/pred"

echo "building vanban..." >&2
(cd "$repo" && go build -o "$work/vanban" ./cmd/vanban)

failed=0
scored=0
for enc in tcvn3 vni; do
	dir=$legacy/$enc
	[ -d "$dir" ] || continue
	for f in "$dir"/*; do
		[ -f "$f" ] || continue
		base=$(basename "$f")
		name=${base%.*}
		ext=$(printf '%s' "${base##*.}" | tr 'A-Z' 'a-z')
		case $ext in
		rtf | doc | pdf) ;;
		xls | ppt)
			echo "$enc/$base: unsupported (${ext}), not scored" >&2
			continue
			;;
		*) continue ;;
		esac
		truth=$dir/truth/$name.txt
		if [ ! -f "$truth" ]; then
			echo "$enc/$base: no transcript, not scored" >&2
			continue
		fi
		cp "$truth" "$work/truth/$name.txt"
		scored=$((scored + 1))
		if ! "$work/vanban" text "$f" >"$work/pred/$name.txt" 2>"$work/err"; then
			echo "$enc/$base: FAILED: $(head -n 3 "$work/err")" >&2
			failed=$((failed + 1))
		fi
	done
done

echo "scored $scored files ($failed failed to read)" >&2
python3 "$scorer" "$work/truth" "$work/pred"
[ "$failed" -eq 0 ] || exit 1
