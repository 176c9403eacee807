#!/usr/bin/env bash
# Runs every test: formatting, clippy (native and wasm32), the native tests, snippets and
# simulated payloads against the real Graph SDKs, the release build, the size budget, and
# the browser tests in headless Chromium. Installs what it
# needs first (scripts/setup.sh), skipping what is present.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser --sdk
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "clippy (native)"
cargo clippy --all-targets --locked -- -D warnings

step "clippy (wasm32)"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test --locked

step "the mock under load: 20 clients x 10 invites, exactly-once in-order deliveries"
cargo test --locked --bench mock_load

step "snippets and payloads against the real Graph SDKs (Python, JavaScript/TypeScript) and grammars"
target/sdk/py/bin/python tests/sdk/python_sdk.py | grep -v '^ok '
target/sdk/py/bin/python tests/sdk/syntax_check.py | grep -v '^ok '
target/sdk/py/bin/python tests/sdk/mock_test.py | grep -v '^ok '
node --test --test-concurrency=1 tests/sdk/

step "the build hooks: import renaming against V8 (scripts/short-imports.mjs), the post-build hook on staged pages"
node --test --test-concurrency=1 tests/build/

step "release build (trunk)"
trunk build --release=true

step "the ES module API as built (tests/dist/)"
node --test --test-concurrency=1 tests/dist/

step "size budget"
scripts/budget.sh

step "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/
