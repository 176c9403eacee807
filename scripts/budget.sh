#!/usr/bin/env bash
# Prints what the first load fetches from dist/ (raw and gzip -9) and fails when the
# gzip total is over the budget; the Web Worker's files, fetched on first use, are listed
# apart. Run after `trunk build --release=true`.
set -euo pipefail
cd "$(dirname "$0")/.."
# 250 until the Received panel (#10) came back: its view (marks, gutter, findings with
# help) and the deserializer of the worker's answers cost ~17 KB; moving the snippet
# generators and the explainer to the Web Worker saved ~14 KB. A regression alarm, not
# a goal: #13's target (150 KB brotli for the first screen) is far below.
BUDGET_KB=${BUDGET_KB:-258}
total_raw=0; total_gz=0
printf '%-48s %10s %10s\n' file raw gzip
for file in dist/index.html dist/*.js dist/*.wasm dist/*.css dist/*.svg; do
  [[ -f "$file" ]] || continue
  # The Web Worker (snippet generators, explainer) is fetched after the first render.
  [[ "$file" == dist/invite-worker* ]] && continue
  raw=$(wc -c < "$file"); gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d\n' "${file#dist/}" "$raw" "$gz"
done
printf '%-48s %10d %10d\n' "first load total" "$total_raw" "$total_gz"
for file in dist/invite-worker*; do
  [[ -f "$file" ]] || continue
  printf '%-48s %10d %10d  (worker, after the first render)\n' "${file#dist/}" "$(wc -c < "$file")" "$(gzip -9 -c "$file" | wc -c)"
done
limit=$((BUDGET_KB * 1000))
if (( total_gz > limit )); then
  echo "over budget: ${total_gz} B gzip > ${BUDGET_KB} KB" >&2
  exit 1
fi
echo "within budget: $((total_gz / 1000)) KB gzip <= ${BUDGET_KB} KB"
