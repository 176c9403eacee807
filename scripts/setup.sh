#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already present.
#   scripts/setup.sh            build tools: wasm target, trunk, wasm-bindgen-cli, wasm-opt
#   scripts/setup.sh --browser  also Debian's chromium + chromium-driver and playwright-core
#   scripts/setup.sh --sdk      also a Python venv (target/sdk/py) with the Graph SDKs and
#                               grammars of tests/sdk/requirements.txt (flags combine)
# Tools come only from crates.io, npm, Debian and rustup; trunk never downloads its own.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=false
want_sdk=false
for flag in "$@"; do
  case "$flag" in
    --browser) want_browser=true ;;
    --sdk) want_sdk=true ;;
    *) echo "setup.sh: unknown flag $flag" >&2; exit 2 ;;
  esac
done

TRUNK_VERSION=0.21.14     # 0.22 needs a newer rustc than this machine's 1.95
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# The wasm-bindgen-cli version must equal the wasm-bindgen that Cargo.lock resolves,
# or trunk would try to download one.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
  say "installing trunk $TRUNK_VERSION (takes a few minutes the first time)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

[[ -f Cargo.lock ]] || cargo generate-lockfile
WBG_VERSION="$(wasm_bindgen_version)"
if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ]]; then
  say "installing wasm-bindgen-cli $WBG_VERSION"
  # Without --locked: its own lockfile pins a crate the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# wasm-opt from npm's binaryen (Debian's is too old to read current wasm-bindgen output),
# playwright-core for the browser tests, ajv and esbuild for the benchmark: all pinned in
# package-lock.json; reinstalled when the lock is newer than what node_modules holds.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]] \
   || ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
  say "installing npm tools (binaryen, playwright-core, ajv, esbuild)"
  npm ci --no-audit --no-fund
fi

if $want_browser && ! { command -v chromium >/dev/null && command -v chromedriver >/dev/null; }; then
  say "installing Debian's chromium and chromium-driver"
  SUDO=""; [[ "$(id -u)" -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# The real SDKs (PyPI) for tests/sdk/: reinstalled when the requirements change.
if $want_sdk; then
  VENV=target/sdk/py
  STAMP="$VENV/.requirements"
  if ! cmp -s tests/sdk/requirements.txt "$STAMP" 2>/dev/null; then
    if ! python3 -m venv --help >/dev/null 2>&1; then
      say "installing Debian's python3-venv"
      SUDO=""; [[ "$(id -u)" -ne 0 ]] && SUDO="sudo"
      $SUDO apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3 python3-venv >/dev/null
    fi
    say "installing the Graph SDKs and grammars into $VENV (a minute the first time)"
    # A venv moved or copied from elsewhere has a dead interpreter path: made anew.
    "$VENV/bin/python" -c '' 2>/dev/null || python3 -m venv --clear "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r tests/sdk/requirements.txt
    cp tests/sdk/requirements.txt "$STAMP"
  fi
fi

say "tools ready: $(trunk --version), $(wasm-bindgen --version), $(node_modules/.bin/wasm-opt --version)"
