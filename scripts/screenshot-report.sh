#!/usr/bin/env bash
# Renders an HTML report to a PNG (A4 proportions at ~150 dpi) and a PDF with headless Chromium,
# for a person to look at the page design. Not run in CI.
#
#   scripts/screenshot-report.sh [report.html] [out.png]
#
# Defaults: the golden fixture report, written to /tmp/report.png and /tmp/report.pdf.
# Needs Chromium (Debian: apt-get install -y chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
html=${1:-Fixtures/reports/melanoma-report.html}
png=${2:-/tmp/report.png}
pdf=${png%.png}.pdf
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "chromium not found (apt-get install -y chromium)" >&2; exit 1; }
url="file://$(realpath "$html")"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --screenshot="$png" --window-size=1240,1754 "$url" 2>/dev/null
"$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$pdf" "$url" 2>/dev/null
echo "wrote $png and $pdf"
