#!/usr/bin/env bash
# The speed and size figures, side by side: our wasm path vs ajv 8 in headless Chromium
# (and each input shape at 1, 2 and 4 MiB, natively and in wasm, for linearity),
# our native speed on the same inputs, then first-load size, time to an interactive
# composer and keystroke-to-diagnostics for every preset. Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true

node scripts/bench-inputs.mjs --limit
cargo build --release --locked --bin invite-playground
trunk build --release=true benches/browser/index.html --dist target/bench-dist
esbuild benches/browser/ajv-entry.mjs --bundle --format=esm --minify --log-level=warning --outfile=target/bench-dist/ajv.js
echo "== the mock under load (release)"
cargo bench --locked --bench mock_load
echo
echo "== memory at the input limit: peak RSS (release) against the text (goal < 10x)"
python3 - target/release/invite-playground <<'PY'
import glob, os, subprocess, sys, tempfile, time
binary = sys.argv[1]
def measure(command, path):
    start = time.monotonic()
    with tempfile.TemporaryFile() as out:
        child = subprocess.Popen([binary, *command, path], stdout=out, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(child.pid, 0)  # that one child's own peak
        written = out.tell()
    peak, size = usage.ru_maxrss * 1024, os.path.getsize(path)
    label = " ".join(command)
    # What a command prints is written as it is made, never held: a snippet of a large
    # body can be ten times the body, so its peak is also given against the input and
    # the output.
    print(f"  {label:<26} {os.path.basename(path):<32} {size / 2**20:6.1f} MiB  peak {peak / 2**20:7.1f} MiB  {peak / size:5.1f}x"
          f"  output {written / size:5.1f}x  peak/(in+out) {peak / (size + written):4.1f}  {time.monotonic() - start:5.2f} s", flush=True)
requests = sorted(glob.glob("target/bench-limit/*.json"))
for path in requests:
    measure(["check"], path)
for path in sorted(glob.glob("target/bench-limit/received/*.json")):
    measure(["explain"], path)
# A run and a snippet read the typed request and the body's tree: the shapes that are
# largest so (a valid body, a million small participants, 33 M numbers in an unknown
# member), in every SDK language and cURL, HTTP and JSON; and for code, 6.9 million
# distinct members, each one additional data.
for path in ["target/bench-limit/valid-minified-64m.json", "target/bench-limit/small-participants-64m.json",
             "target/bench-limit/run/unknown-member-64m.json", "target/bench-limit/distinct-keys-64m.json"]:
    if "distinct" not in path:
        measure(["simulate"], path)
        measure(["simulate", "--format", "json"], path)
    for lang in ["csharp", "go", "java", "javascript", "php", "powershell", "python", "curl", "http", "json"]:
        measure(["snippet", "--lang", lang], path)
PY
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
