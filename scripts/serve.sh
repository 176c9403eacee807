#!/usr/bin/env bash
# Builds the app (release) and serves dist/ on http://127.0.0.1:8080 with sirv, which
# sends the precompressed .br/.gz files the build writes (Content-Encoding negotiated,
# as a CDN would) and CORS headers (docs pages on other origins import the ES module).
# `trunk watch` rebuilds on change meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
trunk build --release=true
trunk watch --release=true --ignore dist &
watcher=$!
trap 'kill "$watcher" 2>/dev/null' EXIT INT TERM
sirv dist --host 127.0.0.1 --port "${PORT:-8080}" --cors --etag "$@"
