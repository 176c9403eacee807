// The benchmark: our full path in wasm vs ajv 8 in one headless-Chromium page, plus our
// native speed, on the same inputs. Prints medians, the ratio ours/ajv and MB/s.
// Run through scripts/bench.sh (it builds what this needs).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launch, startServer } from "../../tests/browser/harness.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIST = `${ROOT}target/bench-dist/`;
const GENERATED = `${ROOT}target/bench-inputs/`;

// Inputs: each preset's documented body, then the generated bodies.
mkdirSync(`${DIST}inputs`, { recursive: true });
const names = [];
for (let n = 1; n <= 5; n += 1) {
  const http = execFileSync(`${ROOT}target/release/invite-playground`, ["preset", `example-${n}`], { encoding: "utf8" });
  const name = `preset-example-${n}.json`;
  writeFileSync(`${DIST}inputs/${name}`, http.slice(http.indexOf("\n\n") + 2));
  names.push(name);
}
for (const name of readdirSync(GENERATED).sort()) {
  copyFileSync(GENERATED + name, `${DIST}inputs/${name}`);
  names.push(name);
}
writeFileSync(`${DIST}inputs/index.json`, JSON.stringify(names));
// Shapes at 1, 2 and 4 MiB (scripts/bench-inputs.mjs), timed on our side only.
const SHAPES = `${ROOT}target/bench-shapes/`;
mkdirSync(`${DIST}shapes`, { recursive: true });
const shapeNames = readdirSync(SHAPES).sort();
for (const name of shapeNames) copyFileSync(SHAPES + name, `${DIST}shapes/${name}`);
writeFileSync(`${DIST}shapes/index.json`, JSON.stringify(shapeNames));
for (const file of ["bench.mjs", "schema.json"]) copyFileSync(`${ROOT}benches/browser/${file}`, DIST + file);

// Native medians, same inputs, from the plain timing loop in benches/check.rs.
const native = new Map();
const benchOut = execFileSync("cargo", ["bench", "--quiet", "--bench", "check", "--", `${DIST}inputs`], { cwd: ROOT, encoding: "utf8" });
const shapesOut = execFileSync("cargo", ["bench", "--quiet", "--bench", "check", "--", `${DIST}shapes`], { cwd: ROOT, encoding: "utf8" });
for (const line of `${benchOut}\n${shapesOut}`.split("\n")) {
  const match = /^(\S+)\s+(\d+) B\s+([\d.]+) ms/.exec(line);
  if (match) native.set(match[1], Number(match[3]));
}

const { server, origin } = await startServer(DIST);
const browser = await launch();
try {
  const page = await browser.newPage();
  const failures = [];
  page.on("pageerror", (error) => failures.push(String(error)));
  page.on("console", (message) => { if (message.type() === "error") failures.push(message.text()); });
  await page.goto(origin + "/");
  // Fail fast if the page broke instead of waiting out the timeout.
  const deadline = Date.now() + 600_000;
  while (!(await page.evaluate(() => window.__results !== undefined))) {
    if (failures.length) throw new Error(`the benchmark page failed: ${failures.join("; ")}`);
    if (Date.now() > deadline) throw new Error("the benchmark page did not finish in 10 minutes");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const results = await page.evaluate(() => window.__results);
  const pad = (text, width) => String(text).padStart(width);
  console.log(`${"input".padEnd(26)}${pad("bytes", 10)}${pad("ours wasm", 12)}${pad("ajv", 11)}${pad("ours/ajv", 10)}${pad("ours MB/s", 11)}${pad("ajv MB/s", 10)}${pad("native", 11)}${pad("wasm/native", 13)}${pad("our diags", 11)}${pad("ajv errs", 10)}`);
  for (const r of results) {
    const stem = r.name.replace(/\.json$/, "");
    const nat = native.get(stem);
    const mbs = (ms) => (r.bytes / 1e6 / (ms / 1e3)).toFixed(1);
    console.log(
      `${stem.padEnd(26)}${pad(r.bytes, 10)}${pad(r.ours.toFixed(3) + " ms", 12)}${pad(r.ajv.toFixed(3) + " ms", 11)}` +
      `${pad((r.ours / r.ajv).toFixed(2), 10)}${pad(mbs(r.ours), 11)}${pad(mbs(r.ajv), 10)}` +
      `${pad(nat === undefined ? "-" : nat.toFixed(3) + " ms", 11)}${pad(nat === undefined ? "-" : (r.ours / nat).toFixed(2), 13)}` +
      `${pad(r.ourCount, 11)}${pad(r.ajvCount, 10)}`,
    );
  }
  // Linearity: each shape at 1, 2 and 4 MiB, natively and in wasm; goals: 4 MiB within
  // 1 s natively on any shape, and 4 MiB taking at most 4.5 times 1 MiB.
  const shapes = await page.evaluate(() => window.__shapes);
  const wasmTimes = new Map(shapes.map((s) => [s.name.replace(/\.json$/, ""), s.ours]));
  console.log();
  console.log(`${"shape".padEnd(24)}${pad("native 1m", 11)}${pad("2m", 10)}${pad("4m", 10)}${pad("4m/1m", 7)}${pad("wasm 1m", 11)}${pad("2m", 10)}${pad("4m", 10)}${pad("4m/1m", 7)}`);
  const kinds = [...new Set([...wasmTimes.keys()].map((k) => k.replace(/-\dm$/, "")))];
  const ms = (value) => (value === undefined ? "-" : `${value.toFixed(1)} ms`);
  const ratio = (times) => (times[0] && times[2] ? (times[2] / times[0]).toFixed(2) : "-");
  for (const kind of kinds) {
    const nat = ["1m", "2m", "4m"].map((size) => native.get(`${kind}-${size}`));
    const was = ["1m", "2m", "4m"].map((size) => wasmTimes.get(`${kind}-${size}`));
    console.log(`${kind.padEnd(24)}${pad(ms(nat[0]), 11)}${pad(ms(nat[1]), 10)}${pad(ms(nat[2]), 10)}${pad(ratio(nat), 7)}` +
      `${pad(ms(was[0]), 11)}${pad(ms(was[1]), 10)}${pad(ms(was[2]), 10)}${pad(ratio(was), 7)}`);
  }
} finally {
  await browser.close();
  server.close();
}
