#!/usr/bin/env bash
# The scale benchmark of SPEC §7: `stdkit check` and `stdkit rates` on a generated
# repository of N standards, against the baseline of merely reading its files.
#
#   bench/run.sh [N]            N defaults to 100000
#
# Environment: BENCH_REPO (where the repository is generated; default
# ${TMPDIR:-/tmp}/stdkit-bench-N, reused when it already holds a stdkit.toml),
# CARGO_TARGET_DIR (honoured).
#
# This is a tool you run and whose figures you report, not a timed test: it exits non-zero
# only when a build or a command fails (including `stdkit check` finding errors in the
# generated repository), never because something is slow.
#
# Caches: nothing is dropped from the page cache (that needs root and disturbs the machine).
# Every command is run once untimed first, so all timed runs read a warm cache; the figures
# are "warm cache" figures, and walkread is the same-conditions baseline.
#
# Peak memory is measured with GNU time (`/usr/bin/time -f %M`, Debian package `time`); when
# it is missing and the script runs as root it is installed with apt-get.

set -euo pipefail

N=${1:-100000}
case $N in '' | *[!0-9]*) echo "usage: bench/run.sh [N]" >&2; exit 2 ;; esac

cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}/release
REPO=${BENCH_REPO:-${TMPDIR:-/tmp}/stdkit-bench-$N}
RUNS=3

if [ ! -x /usr/bin/time ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "== installing GNU time (Debian package \`time\`)"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
    else
        echo "bench: /usr/bin/time is missing; install the Debian package \`time\`" >&2
        exit 2
    fi
fi

echo "== building (release)"
# The benchmark measures check/rates: build without the PDF writer (typst takes ~30 min in
# release on two cores and is not on the measured path).
cargo build --release --no-default-features --examples --bins

if [ ! -f "$REPO/stdkit.toml" ]; then
    echo "== generating $N standards into $REPO"
    rm -rf "$REPO.partial"
    "$TARGET/examples/synth" "$N" "$REPO.partial"
    mv "$REPO.partial" "$REPO"
else
    echo "== reusing $REPO"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The generated repository must be clean: check it once, untimed (this also warms the cache).
"$TARGET/examples/walkread" "$REPO" >"$tmp/walkread.out"
if ! "$TARGET/stdkit" -C "$REPO" check --format short >"$tmp/check.out" 2>&1; then
    echo "bench: stdkit check reports errors on the generated repository:" >&2
    head -n 20 "$tmp/check.out" >&2
    exit 1
fi
echo "== $(cat "$tmp/walkread.out"); stdkit check: $(tail -n 1 "$tmp/check.out")"

# bench NAME CMD... : best wall time of $RUNS runs (stdout to /dev/null) and the highest
# peak RSS among them; appends a row to $tmp/rows.
bench() {
    local name=$1
    shift
    local best="" peak=0 i t0 t1 secs rss
    for ((i = 1; i <= RUNS; i++)); do
        t0=$EPOCHREALTIME
        if ! /usr/bin/time -f %M -o "$tmp/rss" "$@" >/dev/null 2>"$tmp/err"; then
            echo "bench: \`$*\` failed:" >&2
            cat "$tmp/err" "$tmp/rss" >&2
            exit 1
        fi
        t1=$EPOCHREALTIME
        secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
        rss=$(tail -n 1 "$tmp/rss")
        if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$secs
        fi
        if [ "$rss" -gt "$peak" ]; then peak=$rss; fi
    done
    printf '%s\t%s\t%s\n' "$name" "$best" "$peak" >>"$tmp/rows"
}

echo "== timing (best of $RUNS, warm cache)"
bench walkread "$TARGET/examples/walkread" "$REPO"
bench "stdkit check" "$TARGET/stdkit" -C "$REPO" check --format short
bench "stdkit rates" "$TARGET/stdkit" -C "$REPO" rates --format json
bench "stdkit table" "$TARGET/stdkit" -C "$REPO" table --format csv
bench "stdkit tasks" "$TARGET/stdkit" -C "$REPO" tasks --format json

echo
echo "N = $N standards, $(nproc) cores, $(uname -sr)"
awk -F '\t' '
    { name[NR] = $1; secs[NR] = $2; mib[NR] = $3 / 1024 }
    END {
        printf "%-14s %10s %10s %8s\n", "command", "best s", "peak MiB", "ratio"
        for (i = 1; i <= NR; i++)
            printf "%-14s %10.3f %10.1f %8.2f\n", name[i], secs[i], mib[i], (secs[1] > 0 ? secs[i] / secs[1] : 0)
    }' "$tmp/rows"
