#!/usr/bin/env bash
# Regenerates the golden report files (Fixtures/golden/ for the end-to-end `oncomatch match` runs,
# Fixtures/reports/ for the writer-only fixture) and the precompiled knowledge base
# (Sources/OncoRules/Resources/KnowledgeBase/ruleset.compiled), then shows what changed. Review the diff: the
# clinical facts asserted in Tests/OncoReportsTests/GoldenMatchFactsTests.swift must still hold.
# The PCGR cases need the shared data (../shared/data or ONCOMATCH_SHARED_DATA); without it they
# are skipped and their goldens left as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
# The archive first: the report goldens are produced with the rule set it gives.
ONCOMATCH_UPDATE_GOLDEN=1 swift test --filter 'OncoRulesTests\.RuleSetArchiveTests/shippedArchiveIsCurrent'
swift build --build-tests  # copies the new archive into the resource bundle
ONCOMATCH_UPDATE_GOLDEN=1 swift test --filter 'OncoReportsTests\.(GoldenMatchReportTests|GoldenReportTests)'
swift test --filter 'OncoReportsTests\.(GoldenMatchReportTests|GoldenMatchFactsTests|GoldenReportTests)'
kb=Sources/OncoRules/Resources/KnowledgeBase/ruleset.compiled
git status --short -- Fixtures/golden Fixtures/reports "$kb"
git diff --stat -- Fixtures/golden Fixtures/reports "$kb"
