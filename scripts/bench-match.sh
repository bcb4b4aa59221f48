#!/usr/bin/env bash
# Measures `oncomatch match` against its targets:
#   1. full match (parse, index, match, JSON) on the 1M-record synthetic BGZF VCF, as a ratio of
#      `oncomatch stats` on the same file (target ≤ 1.2×), with peak RSS (target ≤ 64 MB); and
#      the same match against a rule set naming no gene (Fixtures/rules/gene-free.yaml), which
#      times the per-record quick path and the input hash without keeping or matching anything;
#      and where the time of the full match goes, by phase (`match --timings`, medians);
#   2. a small tumour (Fixtures/examples/melanoma-braf-v600e.vcf) with the default rule set:
#      process start to written JSON report (target ≤ 50 ms), and the rule-set load alone, so one
#      can see whether loading dominates: `rules list` reads the precompiled knowledge base as
#      `match` does, `rules check` parses and checks its YAML.
# Interleaved rounds; medians of wall and user CPU time, and the match/stats ratio both as the ratio
# of the medians and as the median of the per-round ratios (steadier when the host's speed drifts). Run scripts/bench-compare.sh first (or
# let this script generate the input the same way).
#
# usage: scripts/bench-match.sh [--records N] [--rounds R] [--no-build]
set -euo pipefail
records=1000000
rounds=5
build=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --records) records="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "bench-match: unknown argument $1" >&2; exit 2 ;;
    esac
done
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
input="$root/bench-data/synthetic-${records}-seed1.vcf.gz"
small="$root/Fixtures/examples/melanoma-braf-v600e.vcf"
oncomatch="${ONCOMATCH:-$root/.build/release/oncomatch}"
[[ -x /usr/bin/time ]] || apt-get install -y time >/dev/null
if [[ ! -s $input ]]; then
    (cd "$root/Benchmarks" && swift build -c release --product generate-vcf >&2)
    mkdir -p "$root/bench-data"
    "$root/Benchmarks/.build/release/generate-vcf" --records "$records" --seed 1 | bgzip -@2 -c > "$input.partial"
    mv "$input.partial" "$input"
fi
if [[ $build == 1 && -z ${ONCOMATCH:-} ]]; then (cd "$root" && swift build -c release --product oncomatch >&2); fi
source "$root/scripts/bench-common.sh"
out="$(mktemp -d)"
bench_quiet_and_clean "$out"

# run NAME CMD...: appends "wall user maxrss_kb" to $out/NAME (wall from the shell's clock, to the
# millisecond: /usr/bin/time's own is in hundredths of a second, too coarse for the small runs)
run() {
    local name="$1"; shift
    local start="$EPOCHREALTIME"
    /usr/bin/time -f "%U %M" -o "$out/$name.last" "$@" >/dev/null 2>"$out/$name.err" || {
        cat "$out/$name.err" >&2; echo "bench-match: $name failed" >&2; exit 1; }
    local end="$EPOCHREALTIME"
    echo "$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", e - s}') $(cat "$out/$name.last")" >> "$out/$name"
}
column_median() { awk -v c="$2" '{print $c}' "$out/$1" | median; }

for ((i = 1; i <= rounds; i++)); do
    run stats "$oncomatch" stats --json "$input"
    run match "$oncomatch" match "$input" --tumour-type MEL --json "$out/big.json" --timings
    grep -h 'timings:' "$out/match.err" >> "$out/match.timings" || true
    # The same file against a rule set naming no gene: the quick path and the input hash alone
    # (no alteration kept, almost nothing matched), to tell where the time of `match` goes.
    run match-gene-free "$oncomatch" match "$input" --tumour-type MEL --no-default-rules \
        --rules "$root/Fixtures/rules/gene-free.yaml" --json "$out/gene-free.json"
    run small "$oncomatch" match "$small" --tumour-type MEL --json "$out/small.json"
    run rules-list "$oncomatch" rules list
    run rules-check "$oncomatch" rules check
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %8s %8s %10s\n' "command (median of $rounds)" "wall s" "user s" "RSS MB"
for name in stats match match-gene-free small rules-list rules-check; do
    printf '%-34s %8s %8s %10.1f\n' "$name" "$(column_median $name 1)" "$(column_median $name 2)" \
        "$(echo "$(column_median $name 3) / 1024" | bc -l)"
done
awk -v m="$(column_median match 1)" -v s="$(column_median stats 1)" \
    'BEGIN {printf "match / stats (wall): %.2f× (target ≤ 1.2×)\n", m / s}'
# The same ratio taken round by round (each match against the stats run just before it), then
# its median: the machine's speed drifts during a run, and a round compares like with like.
paste -d' ' "$out/stats" "$out/match" | awk '{print $4 / $1}' | median |
    awk '{printf "match / stats, median of the per-round ratios: %.2f×\n", $1}'
# And as the ratio of the fastest runs: interference from the host only ever adds time, so the
# minimums estimate each command's undisturbed cost (shown beside the medians, not instead).
awk -v m="$(awk '{print $1}' "$out/match" | sort -n | head -1)" \
    -v s="$(awk '{print $1}' "$out/stats" | sort -n | head -1)" \
    'BEGIN {printf "match / stats, fastest runs: %.2f× (%.3f s / %.3f s)\n", m / s, m, s}'
# Where the time of `match` goes (its --timings, median of each phase over the rounds).
if [[ -s $out/match.timings ]]; then
    printf 'match phases (median ms):'
    for phase in "load rules" "read input" "match" "build report" "input checksums" "render" "write"; do
        printf ' %s %s;' "$phase" \
            "$(grep -o "[:,] $phase [0-9.]* ms" "$out/match.timings" | awk '{print $(NF - 1)}' | median)"
    done
    echo
fi
awk -v m="$(column_median match-gene-free 1)" -v s="$(column_median stats 1)" \
    'BEGIN {printf "match with a gene-free rule set / stats (wall): %.2f×\n", m / s}'
awk -v t="$(column_median small 1)" 'BEGIN {printf "small tumour, start to report: %.0f ms (target ≤ 50 ms)\n", t * 1000}'
