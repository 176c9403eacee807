// The post-build hook (scripts/externalize-boot.mjs) on staged pages as trunk writes
// them, outside release (no minifying): the boot script moves to a file of its own, the
// Web Worker's loader passes the page's `?v=` on to the worker's glue and wasm, and a
// page without a worker (the browser benchmark) builds too, which it once did not.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import test from "node:test";
import { fileURLToPath } from "node:url";

const HOOK = fileURLToPath(new URL("../../scripts/externalize-boot.mjs", import.meta.url));
const PAGE = '<html><head><script type="module">import init from "/x.js"; init();</script></head></html>';
// trunk 0.21's loader for a `data-type="worker"` link (`data-loader-shim`).
const LOADER = 'importScripts("./invite-worker.js");wasm_bindgen("./invite-worker_bg.wasm");';

function hook(files) {
  const dir = mkdtempSync(join(tmpdir(), "stage-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const run = spawnSync(process.execPath, [HOOK], { env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: "debug" }, encoding: "utf8" });
  return { status: run.status, stderr: run.stderr, dir, read: (name) => readFileSync(join(dir, name), "utf8") };
}

test("the boot script moves to a file, and the worker's loader forwards the page's query", () => {
  const { status, stderr, dir, read } = hook({ "index.html": PAGE, "invite-worker_loader.js": LOADER, "invite-worker.js": "" });
  assert.equal(status, 0, stderr);
  const boot = readdirSync(dir).find((name) => /^boot-[0-9a-f]{16}\.js$/.test(name));
  assert.ok(boot, "no boot file");
  assert.match(read("index.html"), new RegExp(`<script type="module" src="/${boot}"></script>`));
  assert.equal(
    read("invite-worker_loader.js"),
    'importScripts("./invite-worker.js"+self.location.search);wasm_bindgen("./invite-worker_bg.wasm"+self.location.search);',
  );
});

test("a page without a worker builds; a worker without its loader, or a loader trunk did not write, fails the build", () => {
  assert.equal(hook({ "index.html": PAGE }).status, 0);
  const missing = hook({ "index.html": PAGE, "invite-worker.js": "" });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /trunk built the worker but wrote no .*invite-worker_loader\.js/);
  const foreign = hook({ "index.html": PAGE, "invite-worker_loader.js": "self.importScripts(somewhere)", "invite-worker.js": "" });
  assert.equal(foreign.status, 1);
  assert.match(foreign.stderr, /not as trunk 0\.21 writes it/);
});
