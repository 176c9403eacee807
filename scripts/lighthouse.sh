#!/usr/bin/env bash
# Lighthouse (npm, installed into target/tools/lighthouse on first use) against the
# release build served as scripts/serve.sh serves it (sirv, precompressed .br/.gz), in
# Debian's Chromium: prints the four category scores for desktop and mobile. A figure
# script, not a test: run after `trunk build --release=true`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
tools=target/tools/lighthouse
if [[ ! -x "$tools/node_modules/.bin/lighthouse" ]]; then
  mkdir -p "$tools"
  npm install --no-audit --no-fund --prefix "$tools" lighthouse@13 >/dev/null
fi
port=${PORT:-8097}
sirv dist --host 127.0.0.1 --port "$port" --cors --etag --quiet &
server=$!
trap 'kill "$server" 2>/dev/null' EXIT
sleep 1
url="http://127.0.0.1:$port/${1:-}"
for form in desktop mobile; do
  preset=()
  [[ $form == desktop ]] && preset=(--preset=desktop)
  CHROME_PATH=${CHROMIUM:-/usr/bin/chromium} "$tools/node_modules/.bin/lighthouse" "$url" "${preset[@]}" \
    --quiet --output=json --output-path="target/lighthouse-$form.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" >/dev/null 2>&1 || true
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const c = r.categories, a = r.audits;
    const s = (k) => Math.round((c[k]?.score ?? 0) * 100);
    const failed = Object.values(a).filter((x) => x.score !== null && x.score < 0.9 && x.scoreDisplayMode !== "informative" && x.scoreDisplayMode !== "manual" && x.scoreDisplayMode !== "notApplicable").map((x) => x.id);
    console.log(`${process.argv[2].padEnd(8)} performance ${s("performance")}  accessibility ${s("accessibility")}  best practices ${s("best-practices")}  SEO ${s("seo")}` +
      `  (LCP ${a["largest-contentful-paint"]?.displayValue}, TBT ${a["total-blocking-time"]?.displayValue}, CLS ${a["cumulative-layout-shift"]?.displayValue})`);
    if (failed.length) console.log(`         below 0.9: ${failed.join(", ")}`);
  ' "target/lighthouse-$form.json" "$form"
done
