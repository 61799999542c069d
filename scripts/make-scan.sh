#!/bin/sh
# make-scan.sh: turn a PDF into a "scanned" PDF of JPEG page images, as a
# paper document scanned on an office scanner looks: each page rendered in
# grey at DPI, slightly rotated, with noise and a little blur, saved as a
# JPEG and wrapped into an image-only PDF with img2pdf (no text layer).
#
# usage: scripts/make-scan.sh IN.pdf OUT.pdf [DPI] [ANGLE] [NOISE]
#
# DPI defaults to 200, ANGLE (degrees, the sign alternates page by page) to
# 0.8, NOISE (ImageMagick's -attenuate for Gaussian noise) to 0.5. Needs
# pdftoppm (poppler-utils), convert (imagemagick) and img2pdf. The scanned
# test fixtures in ingest/testdata/scan were made with it.
set -eu
in=$1
out=$2
dpi=${3:-200}
angle=${4:-0.8}
noise=${5:-0.5}
for t in pdftoppm convert img2pdf; do
	command -v $t >/dev/null 2>&1 || { echo "make-scan: $t is required" >&2; exit 2; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/make-scan.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
pdftoppm -r "$dpi" -gray -png "$in" "$work/p"
i=0
for p in "$work"/p*.png; do
	i=$((i + 1))
	a=$angle
	[ $((i % 2)) -eq 0 ] && a=-$angle
	convert "$p" -background white -rotate "$a" -attenuate "$noise" +noise Gaussian \
		-blur 0x0.5 -colorspace Gray -density "$dpi" -units PixelsPerInch -quality 75 \
		"$work/$(basename "$p" .png).jpg"
done
img2pdf --pagesize A4 -o "$out" "$work"/p*.jpg
