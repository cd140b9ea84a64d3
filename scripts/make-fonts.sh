#!/usr/bin/env bash
# Makes the fonts that stdkit embeds in its binary for the PDF dossier (src/dossier/pdf/):
# subsets of Noto Serif CJK SC Regular, Noto Serif CJK SC Bold and Noto Sans CJK SC Bold that
# cover the 通用规范汉字表 (8105), every GBK hanzi and the symbols official documents use.
#
#   scripts/make-fonts.sh     # writes assets/fonts/*.otf.z, coverage.txt, OFL.txt
#
# The fonts are stored zlib-compressed (`*.otf.z`); the binary inflates them once per process
# (src/dossier/pdf/fonts.rs). coverage.txt lists the code points that at least one of the
# three faces has (src/glyphs.rs reads it, with or without the `pdf` feature).
#
# Needs root for apt-get (Debian/Ubuntu) and Python 3 with pip. Re-running it gives the
# same files for the same package versions (fontTools subsetting and zlib are deterministic).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/assets/fonts"
mkdir -p "$out"

noto=/usr/share/fonts/opentype/noto
unihan=/usr/share/unicode/Unihan_OtherMappings.txt.bz2
if [ ! -e "$noto/NotoSerifCJK-Regular.ttc" ] || [ ! -e "$unihan" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    # unicode-data ships Unihan, whose kTGH field lists the 通用规范汉字表.
    apt-get install -y --no-install-recommends fonts-noto-cjk unicode-data
fi
if ! python3 -c "import fontTools" >/dev/null 2>&1; then
    python3 -m pip install --quiet fonttools
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The character set. What a face does not have is left out by the subsetter.
python3 - "$unihan" "$work/chars.txt" <<'PY'
import bz2
import sys

chars = set()

# 通用规范汉字表 (2013): Unihan's kTGH field, "U+4E00<TAB>kTGH<TAB>2013:0001".
tgh = set()
with bz2.open(sys.argv[1], "rt", encoding="utf-8") as f:
    for line in f:
        fields = line.rstrip("\n").split("\t")
        if len(fields) == 3 and fields[1] == "kTGH":
            tgh.add(chr(int(fields[0][2:], 16)))
if len(tgh) != 8105:
    sys.exit(f"kTGH lists {len(tgh)} characters in {sys.argv[1]}, not 8105")
chars |= tgh


def double_byte(codec, leads, trails):
    found = set()
    for hi in leads:
        for lo in trails:
            try:
                c = bytes([hi, lo]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(c) == 1 and not 0xE000 <= ord(c) <= 0xF8FF:  # no private use
                found.add(c)
    return found


# GB2312 (6763 hanzi and 682 symbols) and GBK (21003 hanzi and its symbols).
chars |= double_byte("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
chars |= double_byte("gbk", range(0x81, 0xFF), [t for t in range(0x40, 0xFF) if t != 0x7F])

ranges = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement (é, ×, ·, °)
    (0x0100, 0x017F),  # Latin Extended-A (pinyin ā ē ī ō ū)
    (0x01CD, 0x01DC),  # pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
    (0x02C6, 0x02DD),  # spacing modifiers (ˇ ˉ ˊ ˋ ˙)
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x04FF),  # Cyrillic
    (0x2010, 0x205E),  # general punctuation (— – ‘’ “” … • ‰ ′ ″ ※)
    (0x20AC, 0x20AC),  # €
    (0x2100, 0x214F),  # letterlike symbols (℃ № ℉ ™ Ω)
    (0x2150, 0x218F),  # number forms (Ⅰ–Ⅻ, ⅰ–ⅹ, ⅓)
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators (± × ÷ ≤ ≥ ≠ ≈ ∞ ∑ √ ∈ …)
    (0x2300, 0x23FF),  # miscellaneous technical (⌒)
    (0x2460, 0x24FF),  # enclosed alphanumerics (①–⑳ ⑴–⒇ ⒈–⒛ ⓐ)
    (0x2500, 0x257F),  # box drawing
    (0x2580, 0x259F),  # block elements
    (0x25A0, 0x25FF),  # geometric shapes (□ ■ △ ○ ● ◇)
    (0x2600, 0x26FF),  # miscellaneous symbols (☐ ☑ ☒ ★ ☆)
    (0x2700, 0x27BF),  # dingbats (✓ ✔ ✗)
    (0x2E80, 0x2FDF),  # CJK radicals, Kangxi radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。〈〉《》「」【】〔〕)
    (0x3040, 0x30FF),  # kana (GBK has them)
    (0x3100, 0x312F),  # bopomofo
    (0x31C0, 0x31EF),  # CJK strokes
    (0x3200, 0x32FF),  # enclosed CJK (㈠ ㊀ ㊣)
    (0x3380, 0x33FF),  # squared units (㎡ ㎏ ㎞ ㏄)
    (0xFE10, 0xFE19),  # vertical forms
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFE50, 0xFE6B),  # small form variants
    (0xFF01, 0xFF5E),  # full-width ASCII (，：；！？（）０－９)
    (0xFFE0, 0xFFEE),  # full-width signs (￠￡￢￣￤￥)
]
for lo, hi in ranges:
    chars.update(chr(c) for c in range(lo, hi + 1))
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("".join(sorted(chars)))
print(f"{len(chars)} characters asked for ({len(tgh)} of 通用规范汉字表)", file=sys.stderr)
PY

# The index of the Simplified Chinese face inside a .ttc collection.
sc_index() {
    python3 - "$1" "$2" <<'PY'
import sys
from fontTools.ttLib import TTCollection

path, family = sys.argv[1], sys.argv[2]
for i, font in enumerate(TTCollection(path, lazy=True).fonts):
    if font["name"].getDebugName(1) == family:
        print(i)
        break
else:
    sys.exit(f"{family} not found in {path}")
PY
}

# The OpenType features and language systems kept: those Typst applies to Chinese text
# (lang "zh", region "cn": language system ZHS) and the CJK spacing and vertical forms.
# Dropped: 'aalt', 'hist', 'ruby', 'dlig' and the Japanese, Korean and traditional Chinese
# `locl` forms, which would pull in some 18,000 glyphs no dossier uses.
features='ccmp,liga,locl,fwid,hwid,pwid,vert,vrt2,halt,kern,mark,palt,vhal,vkrn,vpal'
scripts='DFLT,hani.dflt,hani.ZHS,latn.dflt,latn.ZHS,grek.dflt,grek.ZHS,cyrl.dflt,cyrl.ZHS'
scripts="$scripts,kana.dflt,kana.ZHS"

subset() { # collection family output
    local index
    index="$(sc_index "$1" "$2")"
    echo "$(basename "$1") #$index ($2) -> $(basename "$3")" >&2
    python3 -m fontTools.subset "$1" --font-number="$index" \
        --text-file="$work/chars.txt" \
        --layout-features="$features" --layout-scripts="$scripts" \
        --name-IDs='*' --name-languages='*' --notdef-outline \
        --output-file="$3"
}

faces=(NotoSerifSC-Regular-stdkit.otf NotoSerifSC-Bold-stdkit.otf NotoSansSC-Bold-stdkit.otf)
subset "$noto/NotoSerifCJK-Regular.ttc" "Noto Serif CJK SC" "$work/${faces[0]}"
subset "$noto/NotoSerifCJK-Bold.ttc" "Noto Serif CJK SC" "$work/${faces[1]}"
subset "$noto/NotoSansCJK-Bold.ttc" "Noto Sans CJK SC" "$work/${faces[2]}"

# The compressed fonts and the coverage table.
python3 - "$out" "$work" "${faces[@]}" <<'PY'
import os
import sys
import zlib

from fontTools.ttLib import TTFont

out, work, faces = sys.argv[1], sys.argv[2], sys.argv[3:]
cmaps = []
for face in faces:
    data = open(os.path.join(work, face), "rb").read()
    packed = zlib.compress(data, 9)
    with open(os.path.join(out, face + ".z"), "wb") as f:
        f.write(packed)
    cmap = set(TTFont(os.path.join(work, face), lazy=True).getBestCmap())
    cmaps.append(cmap)
    print(f"{face}: {len(data)} bytes, {len(packed)} compressed, {len(cmap)} characters",
          file=sys.stderr)

covered = sorted(set().union(*cmaps))
ranges = []
for c in covered:
    if ranges and ranges[-1][1] == c - 1:
        ranges[-1][1] = c
    else:
        ranges.append([c, c])
with open(os.path.join(out, "coverage.txt"), "w", encoding="ascii") as f:
    f.write("# The characters at least one embedded font has (typst falls back between them),\n")
    f.write(f"# {len(covered)} code points, written by scripts/make-fonts.sh; read by src/glyphs.rs.\n")
    for lo, hi in ranges:
        f.write(f"{lo:04X}-{hi:04X}\n")
common = set.intersection(*cmaps)
print(f"coverage.txt: {len(covered)} characters in {len(ranges)} ranges; "
      f"{len(common)} in all three faces", file=sys.stderr)
PY

# The licence: the copyright notices of the fonts (name ID 0, with the licence URL) and the
# SIL Open Font License 1.1 as Debian's package ships it in its copyright file.
python3 - /usr/share/doc/fonts-noto-cjk/copyright "$out/OFL.txt" \
    "$work/${faces[0]}" "$work/${faces[2]}" <<'PY'
import re
import sys

from fontTools.ttLib import TTFont

text = open(sys.argv[1], encoding="utf-8").read()
# The stand-alone paragraph "License: SIL-1.1" followed by the indented full text.
found = re.findall(r"^License: (?:SIL|OFL)-1\.1\n((?: .*\n)+)", text, re.M)
if not found:
    sys.exit("no SIL/OFL-1.1 licence text in " + sys.argv[1])
body = "\n".join(
    "" if line.strip() == "." else line[1:] for line in max(found, key=len).splitlines()
)
notices = []
for path in sys.argv[3:]:
    name = TTFont(path, lazy=True)["name"]
    notice = f"{name.getDebugName(4)}: {name.getDebugName(0)}"
    if notice not in notices:
        notices.append(notice)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("Noto CJK fonts (https://github.com/notofonts/noto-cjk), subset by stdkit\n")
    f.write("scripts/make-fonts.sh (通用规范汉字表, GBK and the symbols of official documents);\n")
    f.write("no Reserved Font Name is used by the subsets.\n\n")
    f.write("\n".join(notices) + "\n\n")
    f.write(body.strip() + "\n")
PY

ls -l "$out"
