#!/usr/bin/env bash
# Regenerates Fixtures/stats-expectations.tsv: for every VCF of the shared data set that bcftools
# reads without error, the counts `oncomatch stats` must reproduce. Run once after the shared data
# changes; tests read the TSV and never call bcftools.
#
# Columns: file (relative to ../shared/data), records, snvs, mnps, indels, others, no_alts,
# multiallelic (all from `bcftools stats` SN lines), filtered (FILTER neither PASS nor '.'),
# symbolic (records with an ALT allele in angle brackets) — the last two from `bcftools query`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${ONCOMATCH_SHARED_DATA:-$root/../shared/data}"
out="$root/Fixtures/stats-expectations.tsv"
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
printf 'file\trecords\tsnvs\tmnps\tindels\tothers\tno_alts\tmultiallelic\tfiltered\tsymbolic\n' >"$out"
cd "$data"
find htslib callers annotated tumours conformance/hts-specs/*/passed \
    -type f \( -name '*.vcf' -o -name '*.vcf.gz' \) | LC_ALL=C sort | while read -r file; do
    if ! bcftools stats "$file" >"$tmp" 2>/dev/null; then continue; fi
    sn() { awk -F'\t' -v key="$1" '$1=="SN" && $3==key {print $4}' "$tmp"; }
    records=$(sn "number of records:")
    [ -n "$records" ] || continue
    query=$(bcftools query -f '%FILTER\t%ALT\n' "$file" 2>/dev/null) || continue
    filtered=$(printf '%s\n' "$query" | awk -F'\t' 'NF && $1!="PASS" && $1!="." {n++} END {print n+0}')
    symbolic=$(printf '%s\n' "$query" | awk -F'\t' 'NF && $2 ~ /</ {n++} END {print n+0}')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$file" "$records" \
        "$(sn 'number of SNPs:')" "$(sn 'number of MNPs:')" "$(sn 'number of indels:')" \
        "$(sn 'number of others:')" "$(sn 'number of no-ALTs:')" "$(sn 'number of multiallelic sites:')" \
        "$filtered" "$symbolic" >>"$out"
done
echo "wrote $(($(wc -l <"$out") - 1)) rows to $out"
