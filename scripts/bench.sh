#!/usr/bin/env bash
# The speed and size figures, side by side: our wasm path vs ajv 8 in headless Chromium
# (and each input shape at 1, 2 and 4 MiB, natively and in wasm, for linearity),
# our native speed on the same inputs, then first-load size, time to an interactive
# composer and keystroke-to-diagnostics for every preset. Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true

node scripts/bench-inputs.mjs
cargo build --release --locked --bin invite-playground
trunk build --release=true benches/browser/index.html --dist target/bench-dist
esbuild benches/browser/ajv-entry.mjs --bundle --format=esm --minify --log-level=warning --outfile=target/bench-dist/ajv.js
echo "== the mock under load (release)"
cargo bench --locked --bench mock_load
echo
echo "== wasm (ours) vs ajv, and native"
node benches/browser/run.mjs
echo
echo "== the app: first load, startup, typing"
[[ -d dist ]] || trunk build --release=true
node tests/browser/measure.mjs
echo
echo "== Lighthouse (desktop and mobile)"
scripts/lighthouse.sh
