#!/usr/bin/env bash
# Makes the fonts that stdkit embeds in its binary for the PDF dossier (src/dossier/pdf.rs):
# GB2312 subsets of Noto Serif CJK SC Regular, Noto Serif CJK SC Bold and Noto Sans CJK SC Bold.
#
#   scripts/make-fonts.sh            # writes assets/fonts/*.otf, OFL.txt
#
# Needs root for apt-get (Debian/Ubuntu) and Python 3 with pip. Re-running it gives the
# same files for the same package versions (fontTools subsetting is deterministic).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/assets/fonts"
mkdir -p "$out"

if ! ls /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends fonts-noto-cjk
fi
if ! command -v pyftsubset >/dev/null 2>&1; then
    python3 -m pip install --quiet fonttools
fi
pyftsubset="$(command -v pyftsubset || echo "python3 -m fontTools.subset")"

noto=/usr/share/fonts/opentype/noto
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The character set: every GB2312 double-byte code that decodes (6763 hanzi and 682
# symbols), printable ASCII, Latin-1, and the punctuation Chinese documents use.
python3 - "$work/chars.txt" <<'PY'
import sys

chars = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
ranges = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement (é, ×, ·, °)
    (0x2010, 0x2027),  # dashes, quotes, bullet, ellipsis (— – ‘’ “” … •)
    (0x2030, 0x203B),  # per mille, primes, ※
    (0x2103, 0x2103),  # ℃
    (0x2116, 0x2116),  # №
    (0x2160, 0x216B),  # Roman numerals Ⅰ–Ⅻ
    (0x2190, 0x2199),  # arrows
    (0x2212, 0x2212),  # minus sign
    (0x2460, 0x2473),  # ①–⑳
    (0x25A0, 0x25CF),  # □ ■ △ ○ ● …
    (0x2610, 0x2612),  # ☐ ☑ ☒ (task lists)
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。〈〉《》「」【】〔〕)
    (0xFE10, 0xFE19),  # vertical forms
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF01, 0xFF5E),  # full-width ASCII (，：；！？（）０－９)
    (0xFFE0, 0xFFE5),  # ￠￡￢￣￤￥
]
for lo, hi in ranges:
    chars.update(chr(c) for c in range(lo, hi + 1))
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("".join(sorted(chars)))
print(f"{len(chars)} characters", file=sys.stderr)
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

subset() { # collection family output
    local index
    index="$(sc_index "$1" "$2")"
    echo "$(basename "$1") #$index ($2) -> $(basename "$3")" >&2
    $pyftsubset "$1" --font-number="$index" \
        --text-file="$work/chars.txt" \
        --layout-features='*' --name-IDs='*' --name-languages='*' --notdef-outline \
        --output-file="$3"
}

subset "$noto/NotoSerifCJK-Regular.ttc" "Noto Serif CJK SC" "$out/NotoSerifSC-Regular-GB2312.otf"
subset "$noto/NotoSerifCJK-Bold.ttc" "Noto Serif CJK SC" "$out/NotoSerifSC-Bold-GB2312.otf"
subset "$noto/NotoSansCJK-Bold.ttc" "Noto Sans CJK SC" "$out/NotoSansSC-Bold-GB2312.otf"

# The licence: the copyright notices of the fonts (name ID 0, with the licence URL) and the
# SIL Open Font License 1.1 as Debian's package ships it in its copyright file.
python3 - /usr/share/doc/fonts-noto-cjk/copyright "$out/OFL.txt" \
    "$out/NotoSerifSC-Regular-GB2312.otf" "$out/NotoSansSC-Bold-GB2312.otf" <<'PY'
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
    f.write("Noto CJK fonts (https://github.com/notofonts/noto-cjk), subset to GB2312 by stdkit\n")
    f.write("scripts/make-fonts.sh; no Reserved Font Name is used by the subsets.\n\n")
    f.write("\n".join(notices) + "\n\n")
    f.write(body.strip() + "\n")
PY

ls -l "$out"
