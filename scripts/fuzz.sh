#!/usr/bin/env bash
# Builds one libFuzzer harness of Fuzz/ (-sanitize=fuzzer,address; debug unless FUZZ_CONFIG=release)
# and runs it.
#
#   scripts/fuzz.sh HARNESS [SECONDS] [extra libFuzzer flags…]
#   HARNESS: vcf | annotation | maf | hgvsp | rules
#
# Seeds: Fuzz/corpus/<harness>/ (committed, small, ours) plus, assembled at run time into the
# git-ignored Fuzz/corpus-run/<harness>/seeds/, small files from Fixtures/ and ../shared/data/.
# The growing corpus is Fuzz/corpus-run/<harness>/grown/; crashers go to Fuzz/crashes/<harness>/.
# Runs at nice 19 (shared machine). See docs/fuzzing.md.
set -euo pipefail

harness="${1:?usage: scripts/fuzz.sh vcf|annotation|maf|hgvsp|rules [SECONDS] [libFuzzer flags]}"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : 1 ))

root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz="$root/Fuzz"
shared="$root/../shared/data"

case "$harness" in
    vcf) product=FuzzVCF; dict="$fuzz/vcf.dict"; max_len=16384 ;;
    annotation) product=FuzzAnnotation; dict="$fuzz/annotation.dict"; max_len=16384 ;;
    maf) product=FuzzMAF; dict="$fuzz/maf.dict"; max_len=65536 ;;
    hgvsp) product=FuzzHGVSp; dict="$fuzz/hgvsp.dict"; max_len=256 ;;
    rules) product=FuzzRules; dict="$fuzz/rules.dict"; max_len=16384 ;;
    *) echo "unknown harness '$harness'" >&2; exit 2 ;;
esac

# SwiftPM aliases `main` to the module entry point; the harnesses call LLVMFuzzerRunDriver from
# main.swift. lld, because gold trips over the sanitizer objects' debug info.
# FUZZ_CONFIG=release builds optimised (much faster fuzzing, a long first build).
config="${FUZZ_CONFIG:-debug}"
(cd "$fuzz" && nice -n 19 swift build -c "$config" --product "$product" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld 2>&1 | grep -v 'warning: ' | tail -3)
binary="$fuzz/.build/$config/$product"

seeds="$fuzz/corpus-run/$harness/seeds"
grown="$fuzz/corpus-run/$harness/grown"
crashes="$fuzz/crashes/$harness"
mkdir -p "$seeds" "$grown" "$crashes"

copy_small() { # copy_small SUFFIX DIR… : files under 64 KiB with that suffix
    local suffix="$1"; shift
    for dir in "$@"; do
        [ -d "$dir" ] || continue
        find "$dir" -type f -name "*$suffix" -size -16k -print0 |
            while IFS= read -r -d '' file; do
                cp "$file" "$seeds/$(echo "$file" | md5sum | cut -c1-16)$suffix"
            done
    done
}
case "$harness" in
    vcf) copy_small .vcf "$root/Fixtures" "$shared" ;;
    maf) copy_small .maf "$root/Fixtures" "$shared"; copy_small .tsv "$shared/callers/vcf2maf" ;;
    rules) copy_small .yaml "$root/Fixtures/rules" "$root/Sources/OncoRules/Resources/KnowledgeBase" ;;
    *) ;;
esac

export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}"
log="$fuzz/corpus-run/$harness/last-run.log"
set +e
nice -n 19 "$binary" "$grown" "$seeds" "$fuzz/corpus/$harness" \
    -dict="$dict" -max_len="$max_len" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=512 \
    -artifact_prefix="$crashes/" -print_final_stats=1 "$@" 2>&1 | tee "$log" |
    grep -E '^#[0-9]+\s+(INITED|DONE|pulse)|^stat::|ERROR|Fatal error|SUMMARY|Test unit written|^==[0-9]+==' |
    tail -25
status=${PIPESTATUS[0]}
set -e
echo "exit status: $status; crashers: $(ls "$crashes" | wc -l) in $crashes; full log: $log"
exit "$status"
