// Every screen a docs reader sees, at desktop (1440×900) and phone (390×844) sizes, in
// light, dark and Portuguese: axe-core (npm) finds no accessibility violation on the
// first screen nor after a run with a received payload explained, and a screenshot of
// each lands in target/screenshots/ for a person to look at (two of them in docs/ for
// the README).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { openApp, useBrowser, waitFor } from "./harness.mjs";

const shared = useBrowser(before, after);
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SHOTS = fileURLToPath(new URL("../../target/screenshots/", import.meta.url));
mkdirSync(SHOTS, { recursive: true });

const SCREENS = [
  { name: "desktop-light", viewport: { width: 1440, height: 900 } },
  { name: "desktop-dark", viewport: { width: 1440, height: 900 }, dark: true, readme: "screenshot-dark.png" },
  { name: "desktop-pt", viewport: { width: 1440, height: 900 }, lang: "pt-BR" },
  { name: "phone-light", viewport: { width: 390, height: 844 }, readme: "screenshot-phone.png" },
  { name: "phone-dark", viewport: { width: 390, height: 844 }, dark: true },
  { name: "phone-pt", viewport: { width: 390, height: 844 }, lang: "pt-BR" },
];

/** axe-core's violations on the page as it is, one line each. */
async function violations(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  return found;
}

for (const screen of SCREENS) {
  test(`${screen.name}: no axe violation before and after a run, and screenshots`, async () => {
    const context = await shared.browser.newContext({ viewport: screen.viewport });
    const app = await openApp(shared.browser, shared.origin, { context });
    const { page } = app;
    if (screen.lang) {
      await page.selectOption("#lang-select", screen.lang);
      await waitFor(page, () => document.documentElement.lang === "pt-BR");
    }
    if (screen.dark) {
      await page.click("#theme-toggle");
      await waitFor(page, () => document.documentElement.dataset.theme === "dark");
    }
    await waitFor(page, () => document.querySelector("#code-block")?.dataset.lang);
    await page.screenshot({ path: `${SHOTS}${screen.name}-first.png` });
    assert.deepEqual(await violations(page), [], "on the first screen");

    await page.selectOption("#preset-select", "example-3");
    await page.selectOption("#speed-select", "instant");
    await page.click("#run-button");
    await waitFor(page, () => document.querySelectorAll(".event-card").length >= 4);
    await page.locator(".event-card .explain-event").nth(1).click();
    await waitFor(page, () => document.querySelector("#received-items [data-step]") !== null);
    await page.screenshot({ path: `${SHOTS}${screen.name}-run.png`, fullPage: true });
    if (screen.readme) {
      // The README's pictures: the run as the first screen shows it.
      await page.evaluate((phone) => {
        if (phone) document.querySelector(".simulation-panel").scrollIntoView();
        else window.scrollTo(0, 0);
      }, screen.viewport.width < 500);
      await page.screenshot({ path: fileURLToPath(new URL(`../../docs/${screen.readme}`, import.meta.url)) });
    }
    assert.deepEqual(await violations(page), [], "after a run and an explanation");
    assert.deepEqual(app.errors, []);
    await context.close();
  });
}
