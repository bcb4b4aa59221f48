#!/usr/bin/env bash
# Compares `oncomatch stats` with `bcftools view -Ou` and `libdeflate-gunzip -c` on a synthetic
# BGZF VCF: interleaved rounds, median wall time, CPU time (user + system, all threads) and peak
# RSS, and the ratios oncomatch/bcftools and oncomatch/libdeflate. The machine load (`uptime`)
# is printed before and after: on a shared machine, wall-time ratios of a multi-threaded
# program against single-threaded tools move with the load; CPU-time ratios move much less.
#
# usage: scripts/bench-compare.sh [--records N] [--rounds R] [--seed S] [--no-build]
#   defaults: 1,000,000 records, 5 rounds, seed 1. The input is generated once into bench-data/
#   (git-ignored) as synthetic-<N>-seed<S>.vcf.gz, the file the package-benchmark suites use too.
#   ONCOMATCH=/path/to/binary uses that binary instead of building .build/release/oncomatch.
set -euo pipefail

records=1000000
rounds=5
seed=1
build=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --records) records="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "bench-compare: unknown argument $1" >&2; exit 2 ;;
    esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="$root/bench-data"
input="$data_dir/synthetic-${records}-seed${seed}.vcf.gz"

fail() { echo "bench-compare: $*" >&2; exit 1; }

for tool in bcftools libdeflate-gunzip bgzip; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (scripts/bootstrap installs it)"
done
timer=/usr/bin/time
if [[ ! -x $timer ]]; then
    echo "bench-compare: installing GNU time" >&2
    apt-get install -y time >/dev/null || fail "GNU time (/usr/bin/time) is missing; apt-get install time"
fi

# 1. Input.
if [[ ! -s $input ]]; then
    echo "bench-compare: generating $records records into $input" >&2
    (cd "$root/Benchmarks" && swift build -c release --product generate-vcf >&2)
    mkdir -p "$data_dir"
    "$root/Benchmarks/.build/release/generate-vcf" --records "$records" --seed "$seed" \
        | bgzip -@2 -c > "$input.partial"
    mv "$input.partial" "$input"
fi

# 2. oncomatch in release.
oncomatch="${ONCOMATCH:-$root/.build/release/oncomatch}"
if [[ $build == 1 && -z ${ONCOMATCH:-} ]]; then
    echo "bench-compare: building oncomatch (release)" >&2
    (cd "$root" && swift build -c release --product oncomatch >&2)
fi
[[ -x $oncomatch ]] || fail "$oncomatch not found (build failed, or run without --no-build)"
"$oncomatch" stats --help >/dev/null 2>&1 \
    || fail "'oncomatch stats' is not available in this build (the subcommand may not be merged yet)"

# The input layer alone (LineReader over the same file), as a floor for `stats`.
count_lines="$root/Benchmarks/.build/release/count-lines"
if [[ ! -x $count_lines || $build == 1 ]]; then
    (cd "$root/Benchmarks" && swift build -c release --product count-lines >&2)
fi

# 3. Interleaved rounds.
source "$root/scripts/bench-common.sh"
results="$(mktemp)"
bench_quiet_and_clean "$results"
measure() {  # name command...
    local name="$1"; shift
    local line
    if ! line=$("$timer" -f "%e %M %U %S" "$@" 2>&1 >/dev/null | tail -n 1); then
        fail "$name failed: $line"
    fi
    echo "$name $line" >> "$results"
}
size=$(stat -c %s "$input")
echo "bench-compare: $input ($((size / 1000000)) MB), $rounds rounds" >&2
echo "load before: $(uptime)"
for ((round = 1; round <= rounds; round++)); do
    measure oncomatch "$oncomatch" stats --json "$input"
    measure bcftools bcftools view -Ou "$input"
    measure libdeflate libdeflate-gunzip -c "$input"
    measure linereader "$count_lines" "$input"
    echo "  round $round done" >&2
done

echo "load after:  $(uptime)"

# 4. Medians and ratios.
awk -v rounds="$rounds" '
function median(values, count,    sorted, i, j, t) {
    for (i = 1; i <= count; i++) sorted[i] = values[i]
    for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++)
        if (sorted[j] < sorted[i]) { t = sorted[i]; sorted[i] = sorted[j]; sorted[j] = t }
    return count % 2 ? sorted[(count + 1) / 2] : (sorted[count / 2] + sorted[count / 2 + 1]) / 2
}
{ n[$1]++; wall[$1, n[$1]] = $2; rss[$1, n[$1]] = $3; cpu[$1, n[$1]] = $4 + $5 }
END {
    split("oncomatch bcftools libdeflate linereader", names, " ")
    printf "%-12s %14s %14s %14s\n", "tool", "median wall s", "median CPU s", "median RSS MB"
    for (k = 1; k <= 4; k++) {
        name = names[k]
        delete w; delete r; delete c
        for (i = 1; i <= n[name]; i++) { w[i] = wall[name, i]; r[i] = rss[name, i]; c[i] = cpu[name, i] }
        mw[name] = median(w, n[name]); mr[name] = median(r, n[name]); mc[name] = median(c, n[name])
        printf "%-12s %14.2f %14.2f %14.1f\n", name, mw[name], mc[name], mr[name] / 1024
    }
    if (mw["oncomatch"] > 0) {
        printf "\nbcftools / oncomatch   = %.2fx  (target >= 4x)\n", mw["bcftools"] / mw["oncomatch"]
        printf "oncomatch / libdeflate = %.2fx  (target <= 1.5x)\n", mw["oncomatch"] / mw["libdeflate"]
        printf "linereader / libdeflate = %.2fx  (input layer alone)\n", mw["linereader"] / mw["libdeflate"]
        printf "CPU time: bcftools / oncomatch = %.2fx, oncomatch / libdeflate = %.2fx\n", \
            mc["bcftools"] / mc["oncomatch"], mc["oncomatch"] / mc["libdeflate"]
    }
    printf "oncomatch peak RSS     = %.1f MB  (target <= 64 MB)\n", mr["oncomatch"] / 1024
}' "$results"
