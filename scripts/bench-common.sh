# Shared by the benchmark scripts (sourced, not run).

# bench_quiet_and_clean SCRATCH: pauses local fuzzing campaigns while the caller benchmarks
# (scripts/fuzz.sh stops its fuzzer while the flag file exists) and, on exit, removes SCRATCH
# (a file or directory) and the flag if this script made it.
bench_quiet_and_clean() {
    bench_scratch="$1"
    bench_quiet_flag="${FUZZ_QUIET_FLAG:-/tmp/BENCH_QUIET}"
    bench_made_quiet=0
    if [[ ! -e $bench_quiet_flag ]]; then touch "$bench_quiet_flag"; bench_made_quiet=1; sleep 2; fi
    trap 'rm -rf "$bench_scratch"; [[ $bench_made_quiet == 1 ]] && rm -f "$bench_quiet_flag"' EXIT
}

# median: the median of the numbers on standard input, one per line.
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
