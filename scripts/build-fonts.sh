#!/usr/bin/env bash
# Regenerates fonts/ from Debian's fonts-noto-core (OFL-1.1): subsets each face to the scripts quotecard
# ships (Latin, Latin Extended, Vietnamese, Greek, Cyrillic, punctuation, currency; Arabic and Hebrew in
# their own faces, which are only handed to satori for text that needs them) and drops hinting, which
# resvg does not use. Needs: apt-get install fonts-noto-core python3-fonttools.
# The output is committed; this script is only for updating it.
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/truetype/noto
unicodes="U+0000-024F,U+0250-02FF,U+0300-036F,U+0370-03FF,U+0400-052F,U+1C80-1C8F,U+1D00-1DBF,U+1E00-1EFF,U+1F00-1FFF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-215F,U+2190-21FF,U+2200-22FF,U+2460-24FF,U+25A0-25FF,U+2600-26FF,U+2C60-2C7F,U+2DE0-2DFF,U+A640-A69F,U+A720-A7FF,U+FB00-FB06,U+FE20-FE2F,U+FEFF,U+FFFD"
for face in NotoSans-Regular NotoSans-Bold NotoSerifDisplay-Regular NotoSerifDisplay-Bold NotoSerifDisplay-Italic; do
  /usr/bin/python3 -m fontTools.subset "$src/$face.ttf" --unicodes="$unicodes" --no-hinting --desubroutinize \
    --layout-features='kern,liga,clig,calt,ccmp,locl,mark,mkmk,onum,lnum,tnum,pnum' \
    --output-file="fonts/$face.ttf"
done
# Right-to-left scripts: Noto Naskh Arabic (Arabic, Persian, Urdu letters, Arabic-Indic digits,
# presentation forms) and Noto Sans Hebrew (letters, points, cantillation, presentation forms), with every
# layout feature kept: Arabic joining (init/medi/fina/isol), rlig, curs and mark positioning need them.
arabic="U+0600-06FF,U+0750-077F,U+0870-089F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF,U+200C-200F,U+25CC"
hebrew="U+0590-05FF,U+FB1D-FB4F,U+200C-200F,U+25CC"
for face in NotoNaskhArabic-Regular NotoNaskhArabic-Bold; do
  /usr/bin/python3 -m fontTools.subset "$src/$face.ttf" --unicodes="$arabic" --no-hinting --desubroutinize \
    --layout-features='*' --output-file="fonts/$face.ttf"
done
for face in NotoSansHebrew-Regular NotoSansHebrew-Bold; do
  /usr/bin/python3 -m fontTools.subset "$src/$face.ttf" --unicodes="$hebrew" --no-hinting --desubroutinize \
    --layout-features='*' --output-file="fonts/$face.ttf"
done
