#!/usr/bin/env bash
# Counts the instructions `oncomatch stats` and `oncomatch match` execute on the first N records
# of the synthetic benchmark VCF, with callgrind: a measure that does not drift with the host's
# speed (wall time on a shared 2-core VM varies by 15–50% from run to run, which hides changes of
# a few percent). Also counted, each alone: the loader's general path (records of rule genes),
# the matcher (`Matcher.match`) and the JSON render (each found by its mangled name: rename the
# function and its line here reads 0).
#
# Instructions are CPU work summed over threads, not wall time: they say whether a change removed
# work, not how the two parsing threads overlap. Under valgrind SHA-256 runs in software (no SHA
# extensions), so the input hash is reported apart and left out of the ratio.
#
# The counts repeat to a few thousand instructions: Swift's hashing is made deterministic
# (`SWIFT_DETERMINISTIC_HASHING`: otherwise each process seeds it anew, and dictionaries and sets
# grow and probe differently from run to run) and valgrind schedules the threads in turn
# (`--fair-sched=yes`: otherwise one thread may claim all of the matcher's near-miss runs one
# time and half the next, and each builds its own gene plans). Without both, the matcher's count
# varied by ~10% between runs of the same binary.
#
# usage: scripts/bench-instructions.sh [--records N] [--no-build]
set -euo pipefail
records=200000
build=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --records) records="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "bench-instructions: unknown argument $1" >&2; exit 2 ;;
    esac
done
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v valgrind >/dev/null || apt-get install -y valgrind >/dev/null
command -v bgzip >/dev/null || apt-get install -y tabix >/dev/null
full="$root/bench-data/synthetic-1000000-seed1.vcf.gz"
[[ -s $full ]] || "$root/scripts/bench-match.sh" --rounds 1 >/dev/null
slice="$root/bench-data/synthetic-1000000-seed1.head-$records.vcf.gz"
if [[ ! -s $slice ]]; then
    # The header and the first N records, compressed the same way.
    (zcat "$full" | awk -v n="$records" '/^#/ {print; next} {if (++count > n) exit; print}' || true) |
        bgzip -c > "$slice.partial"
    mv "$slice.partial" "$slice"
fi
if [[ $build == 1 ]]; then (cd "$root" && swift build -c release --product oncomatch >&2); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# valgrind 3.19 cannot read the DWARF 5 the Swift toolchain writes: count on a copy without it
# (function names come from the symbol table).
cp "$root/.build/release/oncomatch" "$work/oncomatch"
strip -g "$work/oncomatch"

# count NAME [--toggle-collect=SYMBOL] -- ARGS...: prints the instructions collected.
count() {
    local name="$1"; shift
    local options=()
    while [[ $1 != -- ]]; do options+=("$1"); shift; done
    shift
    SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --fair-sched=yes \
        --callgrind-out-file="$work/$name.out" "${options[@]}" \
        "$work/oncomatch" "$@" >/dev/null 2>"$work/$name.err" || {
        cat "$work/$name.err" >&2; echo "bench-instructions: $name failed" >&2; exit 1; }
    grep -o 'Collected : [0-9]*' "$work/$name.err" | awk '{print $3}'
}
# inclusive NAME SYMBOL-PATTERN: the inclusive count of the functions matching the pattern in a
# whole-run profile (their outermost calls, as callgrind_annotate lists them).
inclusive() {
    callgrind_annotate --inclusive=yes "$work/$1.out" 2>/dev/null |
        awk -v pattern="$2" '$0 ~ pattern && $0 !~ /=>/ {gsub(",", "", $1); if ($1 + 0 > best) best = $1 + 0}
            END {print best + 0}'
}

match_args=(match "$slice" --tumour-type MEL --json "$work/report.json")
stats=$(count stats -- stats --json "$slice")
match=$(count match -- "${match_args[@]}")
hash=$(inclusive match 'SHA256V15compressInSwift')
general=$(count general --collect-atstart=no \
    '--toggle-collect=$s10OncoDomain13VCFLoadWorkerV3addyy14GenomicFormats9VCFRecordVKF' -- "${match_args[@]}")
matcher=$(count matcher --collect-atstart=no \
    '--toggle-collect=$s9OncoMatch7MatcherV5matchyAA0B6ResultV0A6Domain13TumourProfileVF' -- "${match_args[@]}")
render=$(count render --collect-atstart=no \
    '--toggle-collect=$s11OncoReports16JSONReportWriterVAA06ReportD0A2aDP11renderBytes*' -- "${match_args[@]}")

millions() { awk -v n="$1" 'BEGIN {printf "%9.1f M", n / 1e6}'; }
echo "instructions on the first $records records of $(basename "$full")"
echo "stats                         $(millions "$stats")"
echo "match                         $(millions "$match")"
echo "  of which the input's SHA-256 $(millions "$hash") (software under valgrind; native runs use SHA-NI)"
echo "  loader's general path       $(millions "$general")"
echo "  Matcher.match               $(millions "$matcher")"
echo "  JSON render, main thread    $(millions "$render") (a long near-miss list's second half is rendered on a worker, not counted here)"
awk -v m="$match" -v h="$hash" -v s="$stats" \
    'BEGIN {printf "match without the hash / stats: %.3f×\n", (m - h) / s}'
