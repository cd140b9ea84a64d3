#!/usr/bin/env bash
# The Word import figure of issue 11: `stdkit import DIR` of 100 Word standards — copies of
# the three fixtures of tests/fixtures/import/ with different codes (Q/AQZW 20101 … 20150 in
# category 201, Q/AQZW 40101 … 40150 in 401) — into a fresh repository, then `stdkit check`
# of the result. Wall time and peak memory of each.
#
#   bench/import-docx.sh [PROFILE]     PROFILE is debug (default) or release
#
# Needs python3 (standard library only: the copies are made by rewriting word/document.xml
# in the zip) and GNU time (`/usr/bin/time`) for the peak memory. A tool you run and whose
# figures you report, not a timed test.

set -euo pipefail

PROFILE=${1:-debug}
cd "$(dirname "$0")/.."
BIN=${CARGO_TARGET_DIR:-target}/$PROFILE/stdkit
WORK=$(mktemp -d "${TMPDIR:-/tmp}/stdkit-import-docx-XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

python3 - "$WORK/words" <<'PY'
import sys, zipfile
from pathlib import Path

out = Path(sys.argv[1]); out.mkdir()
src = Path("tests/fixtures/import")
plan = [("heading-styles.docx", "Q/AQZW 20101—2014", "201"), ("template-styles.docx", "Q/AQZW 20109—2014", "201"),
        ("plain-numbers.docx", "Q/AQZW 40101—2014", "401")]
made = {"201": 0, "401": 0}
i = 0
while sum(made.values()) < 100:
    name, code, cat = plan[i % 3] if made["201"] < 50 else plan[2]
    if made[cat] >= 50:
        i += 1
        continue
    made[cat] += 1
    new = f"Q/AQZW {cat}{made[cat]:02d}—2014"
    with zipfile.ZipFile(src / name) as z, zipfile.ZipFile(out / f"{cat}-{made[cat]:02d}.docx", "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.decode().replace(code, new).encode()
            w.writestr(info, data)
    i += 1
PY

REPO=$WORK/repo
mkdir -p "$REPO/system/2-服务提供标准体系/201-服务规范" "$REPO/system/4-服务评价与改进标准体系/401-监督检查"
printf '[center]\nname = "安庆市政务服务中心"\n\n[numbering]\ninternal-prefix = "Q/AQZW"\nseq-width = 2\n' > "$REPO/stdkit.toml"
index() { printf '+++\ncode = "%s"\ntitle = "%s"\n+++\n\n%s编制说明。\n' "$2" "$3" "$3" > "$REPO/system/$1/_index.md"; }
index 2-服务提供标准体系 2 服务提供标准体系
index 2-服务提供标准体系/201-服务规范 201 服务规范
index 4-服务评价与改进标准体系 4 服务评价与改进标准体系
index 4-服务评价与改进标准体系/401-监督检查 401 监督检查

echo "$(ls "$WORK/words" | wc -l) Word files, $(du -sh "$WORK/words" | cut -f1), $PROFILE build"
TIME=(/usr/bin/time -f "%e s wall, %U s user, %M KiB peak")
echo -n "import: "
"${TIME[@]}" "$BIN" -C "$REPO" --as-of 2014-12-31 import "$WORK/words" 2>&1 >"$WORK/import.out" | tail -1
tail -1 "$WORK/import.out"
echo -n "check:  "
"${TIME[@]}" "$BIN" -C "$REPO" check --as-of 2014-12-31 --format short 2>&1 >"$WORK/check.out" | tail -1 || true
tail -1 "$WORK/check.out"
