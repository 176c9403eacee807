// Shared set-up for the browser tests: a static server for dist/ on a free port, and
// Debian's headless Chromium driven by playwright-core. Every request the page makes is
// recorded so tests can assert that nothing left for another host.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));
const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm",
  ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json",
};
const DEADLINE_MS = 10_000;

/** Serves `root` (default: the app's dist/) on a free loopback port. */
export async function startServer(root = DIST) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    } catch {
      file = join(root, "index.html");
    }
    try {
      const body = await readFile(file);
      // CORS as static hosts (GitHub Pages) send it: a docs page on another origin
      // imports the ES module API and its wasm from here.
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "access-control-allow-origin": "*",
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { server, origin: `http://127.0.0.1:${port}` };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      // Containers often give /dev/shm only 64 MB.
      "--disable-dev-shm-usage",
    ],
  });
}

/** A fresh page on the app with request recording; waits until the app has rendered. */
export async function openApp(browser, origin, { path = "/", context } = {}) {
  const ctx = context ?? (await browser.newContext({ viewport: { width: 1440, height: 1000 } }));
  const page = await ctx.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  await page.goto(origin + path);
  await page.waitForSelector("#request-editor", { timeout: DEADLINE_MS });
  return { page, context: ctx, requests, errors };
}

/** Replaces the editor's text the way a paste does. */
export async function pasteRequest(page, text) {
  const editor = page.locator("#request-editor");
  await editor.fill(text);
}

/** The codes of the diagnostics listed beside the editor (or in `list`). */
export async function listedCodes(page, list = "#diagnostic-list") {
  return page.locator(`${list} .diagnostic-button`).evaluateAll((buttons) => buttons.map((b) => b.dataset.code));
}

/** Waits until `predicate()` (run in the page) is true, or fails after the deadline. */
export async function waitFor(page, predicate, arg) {
  await page.waitForFunction(predicate, arg, { timeout: DEADLINE_MS });
}

/**
 * Registers before/after hooks that start the server and the browser once per file.
 * Returns an object whose `origin` and `browser` are filled in by the time tests run.
 */
export function useBrowser(before, after) {
  const shared = {};
  before(async () => {
    Object.assign(shared, await startServer());
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    shared.server?.close();
  });
  return shared;
}

export function foreignRequests(requests, origin) {
  return requests.filter((url) => !url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:"));
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's violations on a page or frame as it is, one line each. */
export async function violations(target) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await target.evaluate(AXE);
  return target.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/** The app in a context whose page may use the clipboard, so tests paste as a person does. */
export async function openAppWithClipboard(browser, origin) {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  return openApp(browser, origin, { context });
}

/** Puts `text` on the clipboard and presses Ctrl+V where the focus is. */
export async function pasteFromClipboard(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press("Control+V");
}
