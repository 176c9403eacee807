// Prints the figures the issues ask for, measured in headless Chromium on the built app:
// the first load's gzip size, time from navigation to an interactive composer, and
// keystroke-to-diagnostics latency (median and p95) on every preset. Not a test: it
// prints figures, and fails only if the page cannot be driven.
import { readdirSync, readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { launch, startServer } from "./harness.mjs";

const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));
const KEYSTROKES = Number(process.env.KEYSTROKES ?? 60);
// THROTTLE=4 slows the page's CPU as Lighthouse's mobile run does (pastes and shapes).
const THROTTLE = Number(process.env.THROTTLE ?? 1);

async function throttle(context, page) {
  if (THROTTLE > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  }
}

// What the page fetches after its first render (the Web Worker, on first use) and what
// only other pages fetch (the ES module API); the first load is the rest.
const WORKER = (name) => name.startsWith("invite-worker");
const API = (name) => name.startsWith("invite-api") || name === "invite-playground.js";

/** Raw, gzip -9 and brotli 11 bytes of the files of dist/ that `pick` takes (not the
 * precompressed copies nor the API's type declarations). */
function distBytes(pick) {
  let raw = 0, gzip = 0, brotli = 0;
  const names = readdirSync(DIST, { withFileTypes: true })
    .filter((e) => e.isFile() && !/\.(br|gz|ts)$/.test(e.name) && pick(e.name)).map((e) => e.name);
  for (const name of names) {
    const bytes = readFileSync(DIST + name);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { raw, gzip, brotli };
}

const sizes = ({ raw, gzip, brotli }) =>
  `${(raw / 1000).toFixed(1)} KB raw, ${(gzip / 1000).toFixed(1)} KB gzip -9, ${(brotli / 1000).toFixed(1)} KB brotli 11`;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// Records when the composer's "add participant" button first exists and is enabled.
const MARK_INTERACTIVE = () => {
  new MutationObserver((_, observer) => {
    const button = document.querySelector("#add-participant");
    if (button && !window.__interactiveAt) {
      window.__interactiveAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

/** What the page fetches from dist/ by the time its first screen has settled (the
 * network idle for a second after the composer is interactive), at a viewport: the
 * files' names and their brotli size together. The code panel asks the Web Worker only
 * once it is near the viewport, so the two sizes differ. */
async function firstScreen(browser, origin, viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const fetched = new Set();
  page.on("requestfinished", (request) => {
    const name = new URL(request.url()).pathname.slice(1);
    if (request.url().startsWith(origin) && name) fetched.add(name);
  });
  await untilInteractive(page, origin);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1000);
  await page.waitForLoadState("networkidle");
  await context.close();
  const names = [...fetched].sort();
  return { names, ...distBytes((name) => fetched.has(name)) };
}

/** Opens the app on `page` and waits for an interactive composer; when that came (ms
 * from navigation). */
async function untilInteractive(page, origin) {
  await page.addInitScript(MARK_INTERACTIVE);
  await page.goto(origin + "/");
  await page.waitForFunction(() => window.__interactiveAt !== undefined);
  return page.evaluate(() => window.__interactiveAt);
}

async function timeToInteractive(browser, origin) {
  const samples = [];
  for (let i = 0; i < 5; i += 1) {
    const context = await browser.newContext();
    samples.push(await untilInteractive(await context.newPage(), origin));
    await context.close();
  }
  return percentile(samples, 50);
}

// Types into the first participant's id, alternately breaking and fixing its GUID, and
// times keydown → the diagnostics list changing.
async function keystrokeLatency(browser, origin, preset) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin + "/");
  await page.waitForSelector("#request-editor");
  await page.selectOption("#mode-select", "corrected");
  await page.selectOption("#preset-select", preset);
  await page.waitForFunction((p) => document.querySelector("#preset-select").value === p, preset);
  await page.evaluate(() => {
    const area = document.querySelector("#request-editor");
    const match = /"id": "([^"]+)"/.exec(area.value);
    const caret = match.index + match[0].length - 1;
    area.focus();
    area.setSelectionRange(caret, caret);
    window.__latencies = [];
    area.addEventListener("keydown", () => { window.__keyAt = performance.now(); }, { capture: true });
    new MutationObserver(() => {
      if (window.__keyAt !== undefined) {
        window.__latencies.push(performance.now() - window.__keyAt);
        window.__keyAt = undefined;
      }
    }).observe(document.querySelector("#diagnostics-summary"), { childList: true, subtree: true, characterData: true });
  });
  for (let i = 0; i < KEYSTROKES; i += 1) {
    const expected = i + 1;
    await page.keyboard.press(i % 2 === 0 ? "x" : "Backspace");
    await page.waitForFunction((n) => window.__latencies.length >= n, expected);
  }
  const latencies = await page.evaluate(() => window.__latencies);
  await context.close();
  return { median: percentile(latencies, 50), p95: percentile(latencies, 95), n: latencies.length };
}

// Pastes `text` into the editor (from the clipboard, as a person does) and returns the
// longest main-thread task until the verdict shows, and the time to it.
async function pasteTasks(browser, origin, text) {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const page = await context.newPage();
  await throttle(context, page);
  await page.goto(origin + "/");
  await page.waitForSelector("#request-editor");
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  // Start from a one-character request, so any verdict of the paste is a change.
  await page.fill("#request-editor", "{");
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: "longtask" });
    window.__before = document.querySelector("#diagnostics-summary").textContent;
  });
  await page.focus("#request-editor");
  await page.keyboard.press("Control+A");
  const started = Date.now();
  await page.keyboard.press("Control+V");
  await page.waitForFunction(() => !document.querySelector("#check-pending")
    && document.querySelector("#diagnostics-summary").textContent !== window.__before, null, { timeout: 120_000 });
  const verdict = Date.now() - started;
  await page.waitForTimeout(200);
  const longest = await page.evaluate(() => Math.max(0, ...window.__long));
  // Then Run: the longest task until Graph's answer is on screen.
  await page.evaluate(() => { window.__long = []; });
  const runStarted = Date.now();
  await page.click("#run-button");
  await page.waitForFunction(() => document.querySelectorAll("#timeline > li").length >= 2, null, { timeout: 120_000 });
  const answered = Date.now() - runStarted;
  await page.waitForTimeout(200);
  const runLongest = await page.evaluate(() => Math.max(0, ...window.__long));
  await context.close();
  return { longest, verdict, runLongest, answered };
}

// Shapes between the presets and the megabyte inputs, and the Received panel: pastes
// `text` into `selector`, then types two characters at its end (where it is editable),
// and returns the longest main-thread task and the longest animation frame (its
// blocking part too: a frame also counts style, layout and paint) until all settled.
async function shapeFrames(browser, origin, selector, text) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const page = await context.newPage();
  await throttle(context, page);
  await page.goto(origin + "/");
  await page.waitForSelector(selector);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.waitForTimeout(800);
  await page.evaluate(() => {
    window.__long = []; window.__frames = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: "longtask" });
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__frames.push([e.duration, e.blockingDuration]))).observe({ type: "long-animation-frame" });
  });
  await page.focus(selector);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+V");
  await page.waitForTimeout(1500);
  await page.waitForFunction(() => !document.querySelector("#check-pending"), null, { timeout: 60_000 });
  await page.keyboard.press("Control+End");
  await page.keyboard.type("  ", { delay: 100 });
  await page.waitForTimeout(1000);
  const result = await page.evaluate(() => ({
    task: Math.max(0, ...window.__long),
    frame: Math.max(0, ...window.__frames.map(([d]) => d)),
    blocking: Math.max(0, ...window.__frames.map(([, b]) => b)),
  }));
  await context.close();
  return result;
}

function otherShapes() {
  const participant = (i) => ({ identity: { user: { id: `278405a3-f568-4b3e-b684-${String(i).padStart(12, "0")}`, displayName: `P ${i}` } } });
  const operation = {
    subscriptionId: "2887a7ed-4f6e-4b0d-a1de-3f5f5e0a9c0b", changeType: "updated", tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
    resource: "communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/operations/x",
    resourceData: { "@odata.type": "#microsoft.graph.inviteParticipantsOperation", status: "completed" },
  };
  const errors100k = JSON.stringify({ participants: Array.from({ length: 900 }, (_, i) => ({ identity: { phone: { id: `0${i}` } }, replaceCallId: "x", endpointType: "phone" })) }, null, 2);
  // The largest texts a person edits on one line (40 KiB, state::LONG_TEXT), and the
  // largest the page checks itself (the Web Worker takes one over LARGE_INPUT, 64 KiB;
  // minified, a read-only preview).
  const phones = (n) => ({ participants: Array.from({ length: n }, (_, i) => ({ identity: { phone: { id: `0${i}` } }, replaceCallId: "x", endpointType: "phone" })) });
  const valid = (n) => ({ participants: Array.from({ length: n }, (_, i) => participant(i)) });
  const near = [1.25, 2].flatMap((times) => [
    ["errors pretty", JSON.stringify(phones(Math.round(214 * times)), null, 2)],
    ["errors minified", JSON.stringify(phones(Math.round(407 * times)))],
    ["valid pretty", JSON.stringify(valid(Math.round(205 * times)), null, 2)],
    ["valid minified", JSON.stringify(valid(Math.round(362 * times)))],
  ]);
  return [
    ...near.map(([shape, text]) => ["#request-editor", `${(text.length / 1024).toFixed(1)} KiB ${shape}`, text]),
    ["#request-editor", "100 KB errors pretty", errors100k],
    ["#request-editor", "100 KB errors minified", JSON.stringify(JSON.parse(errors100k))],
    ["#request-editor", "37 KB, 3,000 unknown keys", JSON.stringify(Object.fromEntries([["participants", [participant(1)]], ...Array.from({ length: 3000 }, (_, i) => [`k${i}`, i])]))],
    ["#request-editor", "1,500 header lines", `POST https://graph.microsoft.com/v1.0/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/participants/invite\n${Array.from({ length: 1500 }, (_, i) => `X-H${i}: v`).join("\n")}\n\n${JSON.stringify({ participants: [participant(1)] })}`],
    ["#request-editor", "1,985 lines pretty", JSON.stringify({ participants: Array.from({ length: 180 }, (_, i) => participant(i)) }, null, 2)],
    ["#request-editor", "36 KB, 1,000 participants", JSON.stringify({ participants: Array.from({ length: 1000 }, (_, i) => ({ identity: { user: { id: `u${i}` } } })) })],
    ["#request-editor", "12 KB, 6,000 deep", `${"[".repeat(6000)}${"]".repeat(6000)}`],
    ["#request-editor", "220 KB, one string", JSON.stringify({ participants: [participant(1)], note: "\u202e\u0007é".repeat(20000) })],
    ["#request-editor", "400,000 short lines", Array.from({ length: 400_000 }, () => "x").join("\n")],
    ["#received-editor", "Received 30 KB, 100 items", JSON.stringify({ value: Array(100).fill(operation) }, null, 2)],
    ["#received-editor", "Received 4 MiB minified", JSON.stringify({ value: Array(13_000).fill(operation) })],
  ];
}

const { server, origin } = await startServer();
const browser = await launch();
try {
  console.log(`first load: ${sizes(distBytes((name) => !WORKER(name) && !API(name)))}`);
  console.log(`  later, the Web Worker (first check of a large text, run, code, explanation): ${sizes(distBytes(WORKER))}`);
  console.log(`  other pages only, the ES module API: ${sizes(distBytes(API))}`);
  for (const [label, viewport] of [["phone 390x844", { width: 390, height: 844 }], ["desktop 1440x900", { width: 1440, height: 900 }]]) {
    const screen = await firstScreen(browser, origin, viewport);
    const worker = screen.names.some(WORKER) ? "with the Web Worker (the code panel is in view)" : "without the Web Worker";
    console.log(`first screen at ${label}, ${worker}: ${sizes(screen)}`);
  }
  console.log(`navigation to interactive composer (median of 5): ${(await timeToInteractive(browser, origin)).toFixed(0)} ms`);
  console.log(`keystroke to diagnostics (${KEYSTROKES} keystrokes each):`);
  console.log("  preset      median    p95");
  for (const preset of ["example-1", "example-2", "example-3", "example-4", "example-5"]) {
    const { median, p95 } = await keystrokeLatency(browser, origin, preset);
    console.log(`  ${preset}  ${median.toFixed(1).padStart(6)} ms ${p95.toFixed(1).padStart(6)} ms`);
  }
  const inputs = fileURLToPath(new URL("../../target/bench-inputs/", import.meta.url));
  if (THROTTLE > 1) console.log(`pastes and shapes with the CPU throttled ${THROTTLE}x`);
  console.log("paste into the editor: longest main-thread task, time to the verdict; then Run: longest task, time to Graph's answer");
  for (const size of process.env.SHAPES_ONLY ? [] : ["1m", "4m"]) {
    for (const kind of ["valid", "errors"]) {
      let pretty;
      try { pretty = readFileSync(`${inputs}${kind}-${size}.json`, "utf8"); } catch { continue; }
      const minified = JSON.stringify(JSON.parse(pretty));
      for (const [shape, text] of [["pretty", pretty], ["minified", minified]]) {
        const { longest, verdict, runLongest, answered } = await pasteTasks(browser, origin, text);
        console.log(`  ${size} ${kind.padEnd(6)} ${shape.padEnd(8)} ${longest.toFixed(0).padStart(6)} ms ${verdict.toString().padStart(7)} ms   run ${runLongest.toFixed(0).padStart(5)} ms ${answered.toString().padStart(6)} ms`);
      }
    }
  }
  console.log("other shapes: paste, then two keystrokes where editable: longest task, longest frame (its blocking part)");
  // SHAPE=<part of a name> measures only the shapes whose name has it.
  for (const [selector, name, text] of otherShapes().filter(([, name]) => name.includes(process.env.SHAPE ?? ""))) {
    const { task, frame, blocking } = await shapeFrames(browser, origin, selector, text);
    console.log(`  ${name.padEnd(28)} ${task.toFixed(0).padStart(5)} ms ${frame.toFixed(0).padStart(6)} ms (${blocking.toFixed(0)} ms)`);
  }
} finally {
  await browser.close();
  server.close();
}
