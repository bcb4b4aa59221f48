#!/usr/bin/env bash
# Builds one libFuzzer harness of Fuzz/ (-sanitize=fuzzer,address; debug unless FUZZ_CONFIG=release)
# and runs it.
#
#   scripts/fuzz.sh HARNESS [SECONDS] [extra libFuzzer flags…]
#   HARNESS: input | vcf | annotation | maf | hgvsp | rules | match
#
# Seeds: Fuzz/corpus/<harness>/ (committed, small, ours) plus, assembled at run time into the
# git-ignored Fuzz/corpus-run/<harness>/seeds/, small files from Fixtures/ and ../shared/data/.
# The growing corpus is Fuzz/corpus-run/<harness>/grown/; crashers go to Fuzz/crashes/<harness>/.
# Each run appends a line (executions, exec/s, cov, ft, corpus, crashers) to
# Fuzz/corpus-run/<harness>/runs.tsv.
# FUZZ_INSTANCE=2 (any name) runs a further campaign of a harness already running, with its own log.
#
# The machine is shared: the fuzzer runs at nice 19, and while /tmp/BENCH_QUIET exists (someone
# is benchmarking) it is paused with SIGSTOP and resumed with SIGCONT when the file goes away.
# libFuzzer measures wall time, so a pause longer than -timeout during one input is reported as
# a timeout on resume: such an artifact is replayed, moved to crashes/<harness>/after-pause/ when
# the replay is fast, and the run restarts for the remaining time. See docs/fuzzing.md.
#
# The whole script is one function, read before it runs: editing this file while a campaign
# runs cannot change the running script (bash reads a script as it goes).
set -euo pipefail

main() {

    harness="${1:?usage: scripts/fuzz.sh input|vcf|annotation|maf|hgvsp|rules|match [SECONDS] [libFuzzer flags]}"
    seconds="${2:-60}"
    shift $(( $# >= 2 ? 2 : 1 ))

    root="$(cd "$(dirname "$0")/.." && pwd)"
    fuzz="$root/Fuzz"
    shared="$root/../shared/data"
    quiet_flag="${FUZZ_QUIET_FLAG:-/tmp/BENCH_QUIET}"

    # max_len: long enough for the seeds that matter (BGZF with several blocks; VCF headers with
    # declarations and a few records), short enough to keep executions fast.
    case "$harness" in
        input) product=FuzzInput; max_len=32768 ;;
        vcf) product=FuzzVCF; max_len=8192 ;;
        annotation) product=FuzzAnnotation; max_len=4096 ;;
        maf) product=FuzzMAF; max_len=8192 ;;
        hgvsp) product=FuzzHGVSp; max_len=128 ;;
        rules) product=FuzzRules; max_len=8192 ;;
        match) product=FuzzMatch; max_len=16384 ;;
        *) echo "unknown harness '$harness'" >&2; exit 2 ;;
    esac
    dict="$fuzz/$harness.dict"

    # SwiftPM aliases `main` to the module entry point; the harnesses call LLVMFuzzerRunDriver from
    # main.swift. lld, because gold trips over the sanitizer objects' debug info.
    # FUZZ_CONFIG=release builds optimised (many times more executions per second).
    config="${FUZZ_CONFIG:-debug}"
    (cd "$fuzz" && nice -n 19 swift build -c "$config" --product "$product" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld 2>&1 | grep -v 'warning: ' | tail -3)
    binary="$fuzz/.build/$config/$product"

    seeds="$fuzz/corpus-run/$harness/seeds"
    grown="$fuzz/corpus-run/$harness/grown"
    crashes="$fuzz/crashes/$harness"
    mkdir -p "$seeds" "$grown" "$crashes"

    copy_small() { # copy_small SUFFIX DIR… : files under 16 KiB with that suffix
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
        input) copy_small .gz "$root/Fixtures" "$shared"; copy_small .bgz "$root/Fixtures" "$shared" ;;
        vcf) copy_small .vcf "$root/Fixtures" "$shared" ;;
        # match sniffs its input as the CLI does: MAF seeds reach the MAF loader.
        match) copy_small .vcf "$root/Fixtures" "$shared"; copy_small .maf "$root/Fixtures" ;;
        maf) copy_small .maf "$root/Fixtures" "$shared"; copy_small .tsv "$shared/callers/vcf2maf" ;;
        rules) copy_small .yaml "$root/Fixtures/rules" "$root/Sources/OncoRules/Resources/KnowledgeBase" ;;
        *) ;;
    esac

    export SWIFT_BACKTRACE=enable=no
    # No allocation stacks in reports (malloc_context_size=0): recording them was 15–20% of the
    # time; detection is unchanged, and a finding replayed with the default options shows them.
    export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:malloc_context_size=0}"
    runs="$fuzz/corpus-run/$harness/runs.tsv"
    [ -f "$runs" ] || printf 'date\tconfig\tseconds\texecutions\texec_per_s\tcov\tft\tcorpus_files\tcrashers\n' >"$runs"

    # run_once SECONDS LOG: runs the fuzzer, pausing it while $quiet_flag exists; prints its status.
    # Sets `paused_during_run` when it was paused at least once.
    paused_during_run=0
    run_once() {
        local budget="$1" log="$2" pid paused=0
        nice -n 19 "$binary" "$grown" "$seeds" "$fuzz/corpus/$harness" \
            -dict="$dict" -max_len="$max_len" -max_total_time="$budget" -timeout="$timeout" -rss_limit_mb=1024 \
            -artifact_prefix="$crashes/" -print_final_stats=1 "${extra[@]}" >"$log" 2>&1 &
        pid=$!
        paused_during_run=0
        while kill -0 "$pid" 2>/dev/null; do
            if [ -e "$quiet_flag" ] && [ "$paused" = 0 ]; then
                kill -STOP "$pid" 2>/dev/null || true
                paused=1
                paused_during_run=1
                echo "$(date +%T) paused ($quiet_flag exists)" >&2
            elif [ ! -e "$quiet_flag" ] && [ "$paused" = 1 ]; then
                kill -CONT "$pid" 2>/dev/null || true
                paused=0
                echo "$(date +%T) resumed" >&2
            fi
            sleep 1
        done
        wait "$pid"
    }

    extra=("$@")
    # libFuzzer's per-input timeout runs on wall time, so a pause longer than it ends the run (and
    # the script restarts it, reloading the corpus). FUZZ_TIMEOUT=60 on a machine shared with
    # benchmarks keeps pauses from doing that; a genuine hang is still reported, a minute later.
    timeout="${FUZZ_TIMEOUT:-5}"
    # FUZZ_INSTANCE names a second (third…) campaign of the same harness run beside the first, on
    # another core: it shares the corpus and crash directories but keeps its own log.
    log="$fuzz/corpus-run/$harness/last-run${FUZZ_INSTANCE:+-$FUZZ_INSTANCE}.log"
    start=$(date +%s)
    total_execs=0
    status=0
    part=0
    while :; do
        elapsed=$(( $(date +%s) - start ))
        remaining=$(( seconds - elapsed ))
        [ "$remaining" -ge 5 ] || break
        part=$((part + 1))
        part_log="$log"
        [ "$part" = 1 ] || part_log="$log.$part"
        before=$(ls "$crashes" | wc -l)
        set +e
        run_once "$remaining" "$part_log"
        status=$?
        set -e
        execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$part_log" | tail -1)
        total_execs=$(( total_execs + ${execs:-0} ))
        grep -E '^#[0-9]+\s+(INITED|DONE)|^stat::|ERROR|Fatal error|SUMMARY|Test unit written' "$part_log" | tail -15 || true
        # A slow unit reported across a pause is the pause's doing when the input replays fast.
        if [ "$paused_during_run" = 1 ]; then
            for slow in $(sed -n 's/.*Test unit written to \(.*slow-unit-.*\)$/\1/p' "$part_log"); do
                if [ -f "$slow" ] && timeout 10 "$binary" "$slow" >/dev/null 2>&1; then
                    mkdir -p "$crashes/after-pause"
                    mv "$slow" "$crashes/after-pause/"
                    echo "slow unit across a pause replays fast: moved to $crashes/after-pause/" >&2
                fi
            done
        fi
        # A timeout right after a pause is the pause's doing when the input replays fast.
        artifact=$(sed -n 's/.*Test unit written to \(.*timeout-.*\)$/\1/p' "$part_log" | tail -1)
        if [ "$status" != 0 ] && [ "$paused_during_run" = 1 ] && [ -n "$artifact" ] &&
            "$binary" -timeout=5 "$artifact" >/dev/null 2>&1; then
            mkdir -p "$crashes/after-pause"
            mv "$artifact" "$crashes/after-pause/"
            echo "timeout after a pause replays fast: moved to $crashes/after-pause/; restarting" >&2
            continue
        fi
        break
    done
    if [ "$part" = 0 ]; then echo "no time to run (SECONDS < 5): seeds assembled only"; exit 0; fi
    seconds_run=$(( $(date +%s) - start ))
    last=$(grep -E '^#[0-9]+' "$part_log" | tail -1 || true)
    cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
    corpus_files=$(ls "$grown" | wc -l)
    crashers=$(find "$crashes" -maxdepth 1 -type f | wc -l)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$config" "$seconds_run" "$total_execs" \
        "$(( total_execs / (seconds_run > 0 ? seconds_run : 1) ))" "${cov:-?}" "${ft:-?}" "$corpus_files" "$crashers" >>"$runs"
    echo "exit status: $status; executions: $total_execs in ${seconds_run}s; crashers: $crashers in $crashes;" \
        "log: $log; runs: $runs"
    exit "$status"
}

main "$@"
exit $?
