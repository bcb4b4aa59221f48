#!/usr/bin/env bash
# A short fuzz run of every libFuzzer harness, part of .ci/run: builds each (release, address
# sanitizer, leak detection) and runs it for SECONDS (default 20) from its seeds and whatever
# corpus earlier runs grew. Fails on any crash, leak, timeout or out-of-memory, and on a harness
# that no longer builds. The long runs behind docs/fuzzing.md use scripts/fuzz.sh directly.
#
# usage: scripts/fuzz-smoke.sh [SECONDS]
set -euo pipefail
seconds="${1:-20}"
root="$(cd "$(dirname "$0")/.." && pwd)"
for harness in input vcf annotation maf hgvsp rules match; do
    echo "+ fuzz $harness for ${seconds}s"
    # Not paused by someone's benchmark (/tmp/BENCH_QUIET): CI must not wait on it.
    FUZZ_CONFIG=release FUZZ_QUIET_FLAG=/nonexistent/oncomatch-no-pause \
        "$root/scripts/fuzz.sh" "$harness" "$seconds" | tail -2
done
