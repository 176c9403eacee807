// Every screen a docs reader sees, at desktop (1440×900) and phone (390×844) sizes, in
// light, dark and Portuguese: axe-core (npm) finds no accessibility violation on the
// first screen nor after a run with a received payload explained, and a screenshot of
// each lands in target/screenshots/ for a person to look at (two of them in docs/ for
// the README).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openApp, useBrowser, violations, waitFor } from "./harness.mjs";

const shared = useBrowser(before, after);
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

/**
 * What is wrong with the sequence diagram as drawn: a label under 13 px on screen, two
 * labels (or head boxes) overlapping, or a label over a lifeline.
 */
async function diagramFaults(page) {
  return page.evaluate(() => {
    const faults = [];
    const box = (el) => el.getBoundingClientRect();
    const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const labels = [...document.querySelectorAll("#sequence-diagram .arrow text")];
    const heads = [...document.querySelectorAll("#sequence-diagram .lifeline rect")];
    const lines = [...document.querySelectorAll("#sequence-diagram .lifeline line")].map(box);
    for (const text of [...labels, ...document.querySelectorAll("#sequence-diagram .lifeline text")]) {
      // Rendered size: the font size times the SVG's scale on screen.
      const px = parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
      if (px < 12.99) faults.push(`"${text.textContent}" is ${px.toFixed(1)} px`);
    }
    labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => {
      if (overlap(box(a), box(b))) faults.push(`"${a.textContent}" overlaps "${b.textContent}"`);
    }));
    heads.forEach((a, i) => heads.slice(i + 1).forEach((b) => { if (overlap(box(a), box(b))) faults.push("two lifeline heads overlap"); }));
    // Each head's name inside its box ("1e126418…" once ran past both edges).
    for (const head of document.querySelectorAll("#sequence-diagram .lifeline")) {
      const [r, t] = [box(head.querySelector("rect")), box(head.querySelector("text"))];
      if (t.left < r.left || t.right > r.right) faults.push(`"${head.querySelector("text").textContent}" runs out of its head box`);
    }
    for (const text of labels) {
      const t = box(text);
      for (const line of lines) {
        if (line.left > t.left && line.left < t.right && t.top < line.bottom - 0.5 && line.top < t.bottom - 0.5) faults.push(`"${text.textContent}" crosses a lifeline`);
      }
    }
    if (labels.length === 0) faults.push("no labels drawn");
    return faults;
  });
}

/** Cards whose header, start line or JSON is wider than the card (cut or spilling). */
async function overflowingCards(page) {
  return page.evaluate(() => [...document.querySelectorAll(".event-card")].flatMap((card) => {
    const right = card.getBoundingClientRect().right + 0.5;
    return [...card.querySelectorAll(".event-head, .start-line, dl, .notes")]
      .filter((el) => el.getBoundingClientRect().right > right)
      .map((el) => `${card.id || "card"} ${el.className}`);
  }));
}

/** The app at 390×844, a phone, in a context of its own (`clipboard` to copy). */
async function openPhone({ path, clipboard = false, width = 390 } = {}) {
  const context = await shared.browser.newContext({ viewport: { width, height: 844 } });
  if (clipboard) await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: shared.origin });
  return openApp(shared.browser, shared.origin, { context, path });
}

/** The top and bottom on screen of the element `selector` picks (`:focus` works). */
function spanOf(page, selector) {
  return page.evaluate((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return [r.top, r.bottom];
  }, selector);
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
    const phone = screen.viewport.width < 500;
    // The first screen has settled: its verdict, and on a desktop the code beside it (on a
    // phone the code panel is further down and asks for its code once scrolled to).
    await waitFor(page, () => /\d/.test(document.querySelector("#diagnostics-summary")?.textContent ?? ""));
    if (!phone) await waitFor(page, () => document.querySelector("#code-block")?.dataset.lang);
    await page.screenshot({ path: `${SHOTS}${screen.name}-first.png` });
    assert.deepEqual(await violations(page), [], "on the first screen");
    if (phone) {
      // The phone's first screen holds the request and Run.
      const bottom = (selector) => page.evaluate((s) => document.querySelector(s).getBoundingClientRect().bottom, selector);
      assert.ok((await bottom("#run-button")) <= screen.viewport.height, "Run on the first screen");
      assert.ok((await page.evaluate(() => document.querySelector("#request-editor").getBoundingClientRect().top)) < 400);
    }

    await page.selectOption("#preset-select", "example-3");
    await page.selectOption("#speed-select", "instant");
    await page.click("#run-button");
    await waitFor(page, () => document.querySelectorAll(".event-card").length >= 4);
    await page.locator(".event-card .explain-event").nth(1).click();
    await waitFor(page, () => document.querySelector("#received-items [data-step]") !== null);
    // Scrolled to, the code panel fills in (at once on a desktop, where it was in view).
    await page.locator(".code-view").scrollIntoViewIfNeeded();
    await waitFor(page, () => document.querySelector("#code-block")?.dataset.lang);
    await page.screenshot({ path: `${SHOTS}${screen.name}-run.png`, fullPage: true });
    assert.deepEqual(await diagramFaults(page), [], "the diagram's labels");
    assert.deepEqual(await overflowingCards(page), [], "card content stays inside its card");
    if (screen.readme) {
      // The README's pictures: the run as the first screen shows it.
      await page.evaluate((phone) => {
        if (phone) document.querySelector(".simulation-panel").scrollIntoView();
        else window.scrollTo(0, 0);
      }, phone);
      await page.screenshot({ path: fileURLToPath(new URL(`../../docs/${screen.readme}`, import.meta.url)) });
    }
    assert.deepEqual(await violations(page), [], "after a run and an explanation");
    assert.deepEqual(app.errors, []);
    await context.close();
  });
}

test("at 390×844, a notice with a long path breaks inside it and keeps Dismiss on screen", async () => {
  // A Graph Explorer link to another API: the notice quotes the invite path, unbroken.
  const app = await openPhone({ path: "/?request=communications%2Fcalls&embed=maybe" });
  const { page } = app;
  await waitFor(page, () => document.querySelector("#notice") !== null);
  const box = await page.evaluate(() => {
    const notice = document.querySelector("#notice");
    const right = notice.getBoundingClientRect().right + 0.5;
    const spilling = [...notice.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > right);
    return { spilling: spilling.map((el) => el.outerHTML.slice(0, 60)), dismiss: notice.querySelector("button").getBoundingClientRect().right };
  });
  assert.deepEqual(box.spilling, []);
  assert.ok(box.dismiss <= 390, `Dismiss ends at ${box.dismiss}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), "no sideways scroll");
  await page.screenshot({ path: `${SHOTS}phone-notice.png` });
  assert.deepEqual(await violations(page), []);
  await app.context.close();
});

// 320 px: the narrowest phones still sold (the header's path widened the page to 367).
for (const width of [320, 390]) test(`at ${width}×844, long unbroken values in every view never make the page scroll sideways`, async () => {
  const app = await openPhone({ width });
  assert.equal(await app.page.evaluate(() => document.documentElement.scrollWidth), width, "the first screen");
  const { page } = app;
  const long = "x".repeat(300);
  const body = { participants: [{ identity: { user: { id: long, displayName: long } }, replacesCallId: long, [long]: 1 }], clientContext: long };
  await page.fill("#request-editor", `POST https://graph.microsoft.com/beta/communications/calls/${long}/participants/invite\nAuthorization: Bearer ${long}\nContent-Type: text/${long}\nX-${long}: ${long}\n\n${JSON.stringify(body)}`);
  await waitFor(page, () => document.querySelectorAll("#diagnostic-list li").length > 3);
  await page.selectOption("#speed-select", "instant");
  await page.click("#run-button");
  await waitFor(page, () => document.querySelectorAll(".event-card").length >= 2);
  await page.fill("#received-editor", JSON.stringify({ value: [{ changeType: long, resourceUrl: `/communications/calls/${long}`, resourceData: { "@odata.type": "#microsoft.graph.inviteParticipantsOperation", status: long, clientContext: long, resultInfo: { code: 500, message: long } } }] }));
  await waitFor(page, () => document.querySelector("#received-items [data-step]") !== null);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width);
  assert.deepEqual(await overflowingCards(page), []);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

// A GUID in a message (a correlation mismatch quotes two) stays on one line: it broke at
// its hyphens in the Received panel's list. Below 375 px it may wrap, never overflow.
for (const width of [320, 390]) test(`at ${width}×844, GUIDs in messages are whole where they fit and never widen the page`, async () => {
  const app = await openPhone({ width });
  const { page } = app;
  const guid = "9e90d1c1-f61e-43e7-9f75-d420159aae08";
  await page.fill("#received-editor", JSON.stringify({ value: [{ "@odata.type": "#microsoft.graph.commsNotification", changeType: "deleted",
    resourceUrl: `/communications/calls/${guid}/operations/0fe0623f-d628-42ed-b4bd-8ac290072cc5`,
    resourceData: { "@odata.type": "#microsoft.graph.inviteParticipantsOperation", id: guid, status: "completed", clientContext: guid } }] }));
  await waitFor(page, () => document.querySelectorAll('#received-diagnostics [data-code="correlation-mismatch"]').length > 0);
  const lines = await page.evaluate((guid) => [...document.querySelectorAll("#received-diagnostics code.inline")]
    .filter((code) => code.textContent === guid).map((code) => code.getClientRects().length), guid);
  assert.ok(lines.length > 0, "a GUID is quoted");
  if (width >= 375) assert.deepEqual(lines, lines.map(() => 1), "each GUID on one line");
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test("at 390×844 the panels are in reading order in the document too; widened, the columns come back with the work kept", async () => {
  const app = await openPhone();
  const { page } = app;
  const panels = () => page.evaluate(() => [...document.querySelectorAll("main .panel")].map((p) => [p.classList[1], Math.round(p.getBoundingClientRect().top)]));
  const narrow = await panels();
  assert.deepEqual(narrow.map(([name]) => name), ["editor-panel", "simulation-panel", "received-panel", "code-view", "composer-panel"]);
  assert.deepEqual(narrow.map(([, top]) => top), [...narrow.map(([, top]) => top)].sort((a, b) => a - b), "shown in document order");
  const kept = '{"participants": [{"identity": {"user": {"id": "nope"}}}], "clientContext": "kept"}';
  await page.fill("#request-editor", kept);
  // Choosing a finding focuses its field in the form, at the bottom of a phone's page,
  // brought to the middle of the view: the field and its own diagnostic under it are on
  // screen, and stay there while the page settles.
  await page.locator('#diagnostic-list [data-code="guid-format"]').click();
  await waitFor(page, () => document.activeElement?.id === "field--participants--0--identity--user--id");
  await page.waitForTimeout(300);
  const field = await spanOf(page, ":focus");
  assert.ok(field[0] >= 0 && field[1] <= 844, `the field spans ${field}`);
  const note = await spanOf(page, '.field-diagnostic[data-code="guid-format"]');
  assert.ok(note[0] >= 0 && note[1] <= 844, `its diagnostic spans ${note}`);
  // Adding a participant at the bottom of the form: its card comes with the focus.
  await page.locator("#add-participant").scrollIntoViewIfNeeded();
  await page.click("#add-participant");
  await waitFor(page, () => document.activeElement?.id === "field--participants--1--identity");
  const card = await spanOf(page, ".participant-card:has(:focus)");
  assert.ok(card[0] >= 0 && card[1] <= 844, `the new card spans ${card}`);
  await page.fill("#request-editor", kept);
  // The caret in the middle of the request, with focus there: both are kept across the
  // panels mounted anew, as is the text.
  const place = () => page.evaluate(() => {
    const area = document.querySelector("#request-editor");
    return [document.activeElement === area, area.selectionStart, area.selectionEnd];
  });
  await page.evaluate(() => {
    const area = document.querySelector("#request-editor");
    area.focus();
    area.setSelectionRange(20, 27);
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  await waitFor(page, () => document.querySelector(".request-column") !== null);
  assert.equal((await panels())[0][0], "composer-panel");
  assert.equal(await page.inputValue("#request-editor"), kept);
  assert.deepEqual(await place(), [true, 20, 27]);
  await page.setViewportSize({ width: 390, height: 844 });
  await waitFor(page, () => document.querySelector(".request-column") === null);
  assert.deepEqual(await place(), [true, 20, 27]);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test("at 390×844, the page stays put while a run fills in, and the tour opens where it can be read", async () => {
  const app = await openPhone();
  const { page } = app;
  const top = (selector) => page.evaluate((s) => Math.round(document.querySelector(s).getBoundingClientRect().top), selector);
  await page.selectOption("#speed-select", "10x");
  await page.evaluate(() => document.querySelector("#run-button").scrollIntoView());
  const before = await top("#run-button");
  await page.click("#run-button");
  await waitFor(page, () => document.querySelectorAll(".event-card").length >= 3);
  assert.equal(await top("#run-button"), before, "Run did not move");
  // "Explain this" on a card goes to the explanation, a screen below on a phone.
  await page.locator(".event-card .explain-event").nth(1).click();
  await waitFor(page, () => document.activeElement?.id === "received" && document.querySelector("#received-items [data-step]") !== null);
  const received = await top("#received");
  assert.ok(received > -1 && received < 844 / 2, `Received starts at ${received}`);
  // The header's `?` starts the tour under the request: it comes into view with focus,
  // and stays there when its run lands.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.click("#help-button");
  await waitFor(page, () => document.activeElement?.id === "tour");
  await waitFor(page, () => document.querySelector("#tour-next") !== null);
  const tour = await spanOf(page, "#tour");
  assert.ok(tour[0] > -1 && tour[1] <= 844, `the tour spans ${tour}`);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test("at 390×844, what a copy says is seen where the copy was, moves nothing, and goes by itself", async () => {
  const app = await openPhone({ clipboard: true });
  const { page } = app;
  await page.locator(".code-view").scrollIntoViewIfNeeded();
  await waitFor(page, () => document.querySelector("#code-block")?.dataset.lang);
  const before = await page.evaluate(() => Math.round(document.querySelector("#copy-code").getBoundingClientRect().top));
  await page.click("#copy-code");
  await waitFor(page, () => document.querySelector("#notice.toast") !== null);
  const toast = await page.evaluate(() => {
    const r = document.querySelector("#notice").getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, copy: Math.round(document.querySelector("#copy-code").getBoundingClientRect().top) };
  });
  assert.ok(toast.top >= 0 && toast.bottom <= 844 && toast.left >= 0 && toast.right <= 390, JSON.stringify(toast));
  assert.equal(toast.copy, before, "the page did not move");
  assert.match(await page.locator("#notice").innerText(), /Copied: C#/);
  await page.screenshot({ path: `${SHOTS}phone-copied.png` });
  assert.deepEqual(await violations(page), []);
  await waitFor(page, () => document.querySelector("#notice") === null);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test("at 1440×900, choosing a diagnostic brings its mark into view, even far along a line", async () => {
  const app = await openApp(shared.browser, shared.origin, { context: await shared.browser.newContext({ viewport: { width: 1440, height: 900 } }) });
  const { page } = app;
  await page.selectOption("#lang-select", "pt-BR");
  const long = "x".repeat(150);
  await page.fill("#request-editor", `POST https://graph.microsoft.com/beta/communications/calls/${long}/participants/invite\nContent-Type: application/json\n\n{"participants": [{"identity": {"user": {"id": "278405a3-f568-4b3e-b684-009193463064"}}}], "clientContext": "c", "${"y".repeat(200)}": 1}`);
  for (const code of ["unknown-property", "header-authorization-missing"]) {
    await waitFor(page, (c) => document.querySelector(`#diagnostic-list [data-code="${c}"]`), code);
    await page.click(`#diagnostic-list [data-code="${code}"]`);
    await page.waitForTimeout(150);
    const visible = await page.evaluate((c) => {
      const area = document.querySelector("#request-editor").getBoundingClientRect();
      const mark = document.querySelector(`#request-editor`).closest(".editor").querySelector(`mark[data-code="${c}"]`).getBoundingClientRect();
      return mark.right > area.left && mark.left < area.right && mark.bottom > area.top && mark.top < area.bottom;
    }, code);
    assert.ok(visible, `${code}: its mark is in view`);
  }
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
