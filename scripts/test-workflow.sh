#!/usr/bin/env bash
# Runs the Snakemake cohort workflow on the example sheet and checks that its merged tables equal
# `oncomatch batch` on the same sheet, byte for byte.
#
#   scripts/test-workflow.sh            # builds oncomatch (debug), installs snakemake if missing
#   ONCOMATCH=/path/to/oncomatch scripts/test-workflow.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
sheet="$root/workflow/samples.tsv"
work="$(mktemp -d "${TMPDIR:-/tmp}/oncomatch-workflow.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [[ -z "${ONCOMATCH:-}" ]]; then
    swift build --product oncomatch >/dev/null
    ONCOMATCH="$root/.build/debug/oncomatch"
fi

if ! command -v snakemake >/dev/null 2>&1; then
    echo "installing snakemake (pip)…" >&2
    python3 -m pip install --quiet snakemake || python3 -m pip install --quiet --user snakemake
    export PATH="$HOME/.local/bin:$PATH"
fi

# --directory keeps Snakemake's .snakemake/ metadata out of the repository.
snakemake -s "$root/workflow/Snakefile" --directory "$work" --cores 2 --quiet rules \
    --config sheet="$sheet" out="$work/snakemake" oncomatch="$ONCOMATCH"

"$ONCOMATCH" batch "$sheet" --out "$work/batch" --threads 2 --quiet

diff -r "$work/batch" "$work/snakemake/cohort"
echo "workflow OK: $(($(wc -l < "$work/batch/cohort-samples.tsv") - 1)) samples; merged tables equal oncomatch batch"
