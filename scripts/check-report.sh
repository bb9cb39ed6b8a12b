#!/usr/bin/env bash
# Renders reports/allure-report/index.html in headless Chromium and screenshots a refuted claim with its shrunk
# counterexample attachment (reports/report-screenshot.png). Installs Debian's chromium and playwright-core if missing.
# Run after the main job (mvn -B verify -Preport).
set -euo pipefail
cd "$(dirname "$0")/.."
report="${1:-reports/allure-report/index.html}"
shot="${2:-reports/report-screenshot.png}"
[ -f "$report" ] || { echo "no report at $report: run 'mvn -B verify -Preport' first" >&2; exit 2; }
if ! command -v chromium >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
(cd scripts/report-check && [ -d node_modules/playwright-core ] || npm install --no-audit --no-fund --silent)
size=$(du -sm "$(dirname "$report")" | cut -f1)
echo "report size: ${size} MB"
[ "$size" -lt 50 ] || { echo "report check FAILED: report is ${size} MB (limit 50)" >&2; exit 1; }
node scripts/report-check/check.mjs "$(realpath "$report")" "$shot"
