// Runs in the benchmark page: times our full path (text → diagnostics with positions,
// in wasm) against ajv 8 (JSON.parse, then a compiled JSON Schema with allErrors) on
// the same inputs, and leaves the results in window.__results for benches/browser/run.mjs.
import Ajv from "./ajv.js";

const status = (text) => { document.querySelector("#status").textContent = text; };

function time(fn, warmups = 3, runs = 5, minMs = 100) {
  // Warm up (JIT, memory growth), then repeat until at least `minMs` have passed (and at
  // least `runs` runs); the median per run.
  for (let i = 0; i < warmups; i += 1) fn();
  const samples = [];
  const start = performance.now();
  while (samples.length < runs || (performance.now() - start < minMs && samples.length < 500)) {
    const t0 = performance.now();
    let inner = 0;
    let t1;
    do {
      fn();
      inner += 1;
      t1 = performance.now();
    } while (t1 - t0 < 1);
    samples.push((t1 - t0) / inner);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

async function run() {
  const wasm = window.wasmBindings;
  const { Ajv: AjvClass, addFormats } = Ajv;
  const ajv = new AjvClass({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(await (await fetch("./schema.json")).json());
  const names = await (await fetch("./inputs/index.json")).json();
  // Warm both sides on every small input first: Chromium compiles wasm with Liftoff and
  // tiers hot functions up to TurboFan in the background, and V8 does the same with
  // ajv's code, so the first input timed would otherwise pay for that (preset-example-1
  // read 2-3x slower than preset-example-3, the same 487 bytes).
  const texts = new Map();
  for (const name of names) texts.set(name, await (await fetch(`./inputs/${name}`)).text());
  status("warming up…");
  const warmUntil = performance.now() + 1000;
  while (performance.now() < warmUntil) {
    for (const text of texts.values()) {
      if (text.length > 200_000) continue;
      wasm.check_text(text);
      try { validate(JSON.parse(text)); } catch { /* a syntax error is a result too */ }
    }
  }
  const results = [];
  for (const name of names) {
    status(`timing ${name}…`);
    const text = texts.get(name);
    const ours = time(() => wasm.check_text(text));
    const theirs = time(() => {
      try {
        validate(JSON.parse(text));
      } catch {
        // a syntax error is a result too
      }
    });
    const ourCount = wasm.check_text(text);
    let ajvCount = 0;
    try { validate(JSON.parse(text)); ajvCount = validate.errors?.length ?? 0; } catch { ajvCount = 1; }
    results.push({ name, bytes: new TextEncoder().encode(text).length, ours, ajv: theirs, ourCount, ajvCount });
  }
  // Linearity: our side alone on every shape at 1, 2 and 4 MiB (ajv takes seconds on
  // the error-heavy ones, and its side is in the table above). A shape's three sizes
  // are timed in turns, round after round, and each size's figure is its median over
  // the rounds: timed one after the other, a busy moment of the machine (two cores,
  // Chromium's other processes) fell on one size only, and a 1 ms check's 4 MiB / 1 MiB
  // ratio read 5.1 one run and 4.0 the next.
  const shapes = [];
  const shapeNames = await (await fetch("./shapes/index.json")).json();
  const kinds = [...new Set(shapeNames.map((name) => name.replace(/-\dm\.json$/, "")))];
  for (const kind of kinds) {
    status(`timing shape ${kind}…`);
    const sized = [];
    for (const name of shapeNames.filter((n) => n.replace(/-\dm\.json$/, "") === kind)) {
      const text = await (await fetch(`./shapes/${name}`)).text();
      wasm.check_text(text);
      sized.push({ name, text, samples: [] });
    }
    const start = performance.now();
    for (let round = 0; round < 7 || (round < 41 && performance.now() - start < 1500); round += 1) {
      for (const size of sized) size.samples.push(time(() => wasm.check_text(size.text), 0, 1, 20));
    }
    for (const { name, samples } of sized) {
      samples.sort((a, b) => a - b);
      shapes.push({ name, ours: samples[Math.floor(samples.length / 2)] });
    }
  }
  window.__shapes = shapes;
  window.__results = results;
  status("done");
}

if (window.wasmBindings) run();
else addEventListener("TrunkApplicationStarted", () => run());
