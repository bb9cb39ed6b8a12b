#!/usr/bin/env bash
# Builds the Allure HTML report from the test run's results: allure-report.sh ALLURE_BIN RESULTS_DIR REPORTS_DIR
set -euo pipefail
allure="$1" results="$2" reports="$3"
mkdir -p "$results" "$reports"
cp "$(dirname "$0")/../src/test/resources/allure/categories.json" "$results/categories.json"
[ -f "$reports/verdicts.md" ] && cp "$reports/verdicts.md" "$results/verdicts.md" || true
chmod +x "$allure"
"$allure" generate "$results" -o "$reports/allure-report" --clean --single-file
echo "Allure report: $reports/allure-report/index.html (open it in a browser; it is a single self-contained file)"
