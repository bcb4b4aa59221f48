#!/usr/bin/env bash
# Compares two `oncomatch` binaries on the 1M-record synthetic VCF, interleaved round by round
# (`stats` of A, A, `stats` of A, B), with `match --timings`: per binary the medians of the parse
# ("read input"), of the work after it (everything timed but loading the rules and the parse), of
# the whole process, and of the per-round match/stats ratios. On a shared host whose speed drifts by 15–50%
# between runs, the phases tell apart changes that whole-process wall times hide: a change can
# shorten the work after the parse while lengthening the parse (2026-12-01: the input's hash moved
# into the parse's idle moments did exactly that).
#
# usage: scripts/bench-ab.sh OLD_BINARY NEW_BINARY [--rounds N] [--rules-free]
#   --rules-free: match against Fixtures/rules/gene-free.yaml (the quick path and the hash alone)
# Build a binary of another commit with e.g.:
#   git worktree add /tmp/old COMMIT && (cd /tmp/old && swift build -c release --product oncomatch)
set -euo pipefail
rounds=9
rule_args=()
binaries=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rounds) rounds="$2"; shift 2 ;;
        --rules-free) rule_args=(--no-default-rules --rules "Fixtures/rules/gene-free.yaml"); shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        -*) echo "bench-ab: unknown argument $1" >&2; exit 2 ;;
        *) binaries+=("$1"); shift ;;
    esac
done
if [[ ${#binaries[@]} -ne 2 ]]; then
    echo "bench-ab: give two binaries (old, new); see --help" >&2
    exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
input="$root/bench-data/synthetic-1000000-seed1.vcf.gz"
[[ -s $input ]] || "$root/scripts/bench-match.sh" --rounds 1 >/dev/null
cd "$root"
source "$root/scripts/bench-common.sh"
out="$(mktemp -d)"
bench_quiet_and_clean "$out"

# phases BINARY LABEL: appends "parse after-parse match-wall stats-wall" (ms) for one round of
# BINARY to $out/LABEL.
phases() {
    local binary="$1" label="$2"
    local start="$EPOCHREALTIME"
    "${binaries[0]}" stats "$input" >/dev/null
    local stats_ms
    stats_ms="$(awk -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN {printf "%.1f", (e - s) * 1000}')"
    start="$EPOCHREALTIME"
    "$binary" match "$input" --tumour-type MEL "${rule_args[@]}" --json "$out/report.json" --timings \
        2>"$out/timings" >/dev/null
    local match_ms
    match_ms="$(awk -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN {printf "%.1f", (e - s) * 1000}')"
    awk -v stats="$stats_ms" -v wall="$match_ms" '
        /timings:/ {
            line = $0
            while (match(line, /(load rules|read input|total) [0-9.]+ ms/)) {
                part = substr(line, RSTART, RLENGTH); line = substr(line, RSTART + RLENGTH)
                value = part; sub(/ ms$/, "", value); sub(/.* /, "", value)
                if (part ~ /^load rules/) rules = value
                else if (part ~ /^read input/) read = value
                else total = value
            }
            printf "%s %.1f %s %s\n", read, total - read - rules, wall, stats
        }' "$out/timings" >> "$out/$label"
}

for ((i = 1; i <= rounds; i++)); do
    phases "${binaries[0]}" old
    phases "${binaries[1]}" new
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); $rounds interleaved rounds${rule_args:+ (gene-free rules)}"
printf '%-6s %10s %12s %10s %10s %14s\n' "" "parse ms" "after ms" "match ms" "stats ms" "match/stats"
for label in old new; do
    printf '%-6s %10s %12s %10s %10s %14s\n' "$label" \
        "$(awk '{print $1}' "$out/$label" | median)" "$(awk '{print $2}' "$out/$label" | median)" \
        "$(awk '{print $3}' "$out/$label" | median)" "$(awk '{print $4}' "$out/$label" | median)" \
        "$(awk '{printf "%.3f\n", $3 / $4}' "$out/$label" | median)"
done
echo "(medians of wall times; match/stats is the median of the per-round ratios)"
