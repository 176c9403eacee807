// The playground used the way a person uses it: presets, the form, the editor, a run,
// the draft, share links, languages, the keyboard. Each test also asserts that no
// request left for another host and that the page logged no error.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import {foreignRequests, listedCodes, violations, openApp, openAppWithClipboard, pasteFromClipboard, pasteRequest, useBrowser, waitFor} from "./harness.mjs";

const shared = useBrowser(before, after);

async function clean(app) {
  assert.deepEqual(foreignRequests(app.requests, shared.origin), [], "a request left for another host");
  assert.deepEqual(app.errors, [], "the page logged errors");
  await app.context.close();
}

async function choosePreset(page, name, mode = "corrected") {
  await page.selectOption("#mode-select", mode);
  await page.selectOption("#preset-select", name);
}

test("each preset shows its expected diagnostics", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  const expected = {
    "example-1": ["header-authorization-missing", "path-placeholder", "content-length-mismatch"],
    "example-2": ["header-authorization-missing", "replaces-call-id-multiple", "replaces-call-id-ignored"],
    "example-3": ["header-authorization-missing"],
    "example-4": ["header-authorization-missing", "path-placeholder", "content-length-mismatch"],
    "example-5": ["header-authorization-missing", "path-placeholder"],
  };
  for (const [name, codes] of Object.entries(expected)) {
    await choosePreset(page, name, "doc-faithful");
    await waitFor(page, (n) => document.querySelector("#request-editor").value.length > 0 && document.querySelector("#preset-select").value === n, name);
    assert.deepEqual((await listedCodes(page)).sort(), [...codes].sort(), name);
    assert.match(await page.locator("#diagnostics-summary").innerText(), /Graph would reject/);
    // The same example, corrected, is clean.
    await page.selectOption("#mode-select", "corrected");
    await waitFor(page, () => document.querySelectorAll("#diagnostic-list li").length === 0);
    assert.match(await page.locator("#diagnostics-summary").innerText(), /Graph would accept/);
  }
  await clean(app);
});

test("fixing a problem in the form changes the editor and the verdict", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  await pasteRequest(page, '{"participants":[{"identity":{"phone":{"id":"12345"}}}],"clientContext":"c1"}');
  await waitFor(page, () => document.querySelector('#diagnostic-list [data-code="phone-not-e164"]') !== null);
  // The field shows its own diagnostic.
  const field = page.locator("#field--participants--0--identity--phone--id");
  assert.equal(await field.inputValue(), "12345");
  assert.match(await page.locator(".participant-card").innerText(), /not in E\.164 format/);
  await field.fill("+12345678901");
  await waitFor(page, () => document.querySelectorAll("#diagnostic-list li").length === 0);
  // The form changed only the value: the pasted one-line body keeps its layout.
  assert.equal(
    await page.locator("#request-editor").inputValue(),
    '{"participants":[{"identity":{"phone":{"id":"+12345678901"}}}],"clientContext":"c1"}',
  );
  assert.match(await page.locator("#diagnostics-summary").innerText(), /Graph would accept/);
  // Add, retype and remove a participant through the cards.
  await page.click("#add-participant");
  await waitFor(page, () => document.querySelectorAll(".participant-card").length === 2);
  await page.selectOption("#field--participants--1--identity", "application");
  await waitFor(page, () => document.querySelector("#request-editor").value.includes('"application"'));
  await page.fill("#field--participants--1--identity--application--id", "278405a3-f568-4b3e-b684-009193463064");
  await waitFor(page, () => document.querySelector('#diagnostic-list [data-code="bot-invitee"]') !== null);
  await page.getByRole("button", { name: "Move up participant 2" }).click();
  await waitFor(page, () => JSON.parse(document.querySelector("#request-editor").value).participants[0].identity.application !== undefined);
  await page.getByRole("button", { name: "Remove participant 1" }).click();
  await waitFor(page, () => document.querySelectorAll(".participant-card").length === 1);
  // clientContext: live count and a new GUID.
  await page.fill("#field--clientContext", "x".repeat(300));
  await waitFor(page, () => document.querySelector("#client-context-count").textContent.startsWith("300 / 256"));
  assert.ok(await page.locator('#diagnostic-list [data-code="client-context-too-long"]').count());
  await page.click("#new-guid");
  await waitFor(page, () => /^[0-9a-f-]{36}$/.test(document.querySelector("#field--clientContext").value));
  assert.equal(await page.locator("#client-context-count").innerText(), "36 / 256");
  await clean(app);
});

test("a broken HTTP message is marked at its line, and choosing the diagnostic moves the caret", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  const text = [
    "GET https://graph.microsoft.com/v2.0/communications/calls/abc/participants/invite",
    "Content-Type: application/json",
    "",
    '{"participants": [{"identity": {"user": {"id": "278405a3-f568-4b3e-b684-009193463064"}}}], "clientContext": "c"',
  ].join("\n");
  await pasteRequest(page, text);
  await waitFor(page, () => document.querySelector('#diagnostic-list [data-code="json-syntax"]') !== null);
  const codes = await listedCodes(page);
  for (const code of ["method-not-allowed", "path-invalid", "header-authorization-missing", "json-syntax"]) {
    assert.ok(codes.includes(code), `${code} in ${codes}`);
  }
  // Marked in the highlight layer, on line 1 and line 4.
  assert.equal(await page.locator('.highlight mark[data-code="method-not-allowed"]').innerText(), "GET");
  assert.equal(await page.locator('#diagnostic-list [data-code="json-syntax"]').getAttribute("data-line"), "4");
  assert.ok(await page.locator('.highlight mark[data-code="json-syntax"]').count());
  await page.click('#diagnostic-list [data-code="method-not-allowed"]');
  const selection = await page.evaluate(() => {
    const area = document.querySelector("#request-editor");
    return [area.selectionStart, area.selectionEnd, document.activeElement.id];
  });
  assert.deepEqual(selection, [0, 3, "request-editor"]);
  // A diagnostic with a form field focuses the field and keeps the caret in the editor.
  await pasteRequest(page, '{"participants":[{"identity":{"user":{"id":"nope"}}}],"clientContext":"c"}');
  await page.click('#diagnostic-list [data-code="guid-format"]');
  await waitFor(page, () => document.activeElement?.id === "field--participants--0--identity--user--id");
  const [start, end] = await page.evaluate(() => [document.querySelector("#request-editor").selectionStart, document.querySelector("#request-editor").selectionEnd]);
  assert.equal(text.length > 0 && end - start, '"nope"'.length);
  await clean(app);
});

test("a run at instant speed shows every event card and diagram arrow", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  await choosePreset(page, "example-3");
  await page.selectOption("#speed-select", "instant");
  await page.click("#run-button");
  await waitFor(page, () => document.querySelectorAll(".event-card").length === 6);
  const titles = await page.locator(".event-card").evaluateAll((cards) => cards.map((c) => c.dataset.title));
  assert.deepEqual(titles, ["POST invite", "200 OK", "operation completed", "roster updated", "replaced call terminating", "replaced call terminated"]);
  const arrows = await page.locator("#sequence-diagram .arrow").evaluateAll((gs) => gs.map((g) => g.dataset.label));
  for (const label of ["POST invite", "200 OK", "operation completed", "roster updated", "replaced call terminated", "invites (rings)", "joins the call", "ends the replaced call"]) {
    assert.ok(arrows.includes(label), `${label} in ${arrows}`);
  }
  const lifelines = await page.locator("#sequence-diagram .lifeline > title").allTextContents();
  assert.deepEqual(lifelines, ["Your bot", "Microsoft Graph", "Group call", "user 7e1b4346…", "Replaced call"]);
  assert.match(await page.locator(".event-card").nth(1).innerText(), /Location.*\/operations\//s);
  // Doc-faithful mode shows the docs' defects where they occur.
  await page.selectOption("#mode-select", "doc-faithful");
  await page.click("#run-button");
  await waitFor(page, () => document.querySelectorAll(".event-card").length === 4);
  assert.ok(await page.locator('.event-card .note.defect[data-defect="A-9"]').count());
  // Step and restart at 1x: nothing, then one event at a time.
  await page.selectOption("#mode-select", "corrected");
  await page.selectOption("#speed-select", "1x");
  await page.click("#run-button");
  await page.click("#pause-button");
  await page.click("#restart-button");
  await page.click("#pause-button");
  await waitFor(page, () => document.querySelectorAll(".event-card").length <= 1);
  const before = await page.locator(".event-card").count();
  await page.click("#step-button");
  await waitFor(page, (n) => document.querySelectorAll(".event-card").length > n, before);
  await clean(app);
});

test("a failure outcome ends in a failed operation", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  await choosePreset(page, "example-4");
  await page.selectOption("#outcome-select", "pstn-no-sponsor");
  await page.selectOption("#speed-select", "instant");
  await page.click("#run-button");
  await waitFor(page, () => document.querySelectorAll(".event-card").length === 3);
  assert.match(await page.locator(".event-card").nth(2).innerText(), /412#10073/);
  await page.selectOption("#outcome-select", "throttled");
  await page.click("#run-button");
  await waitFor(page, () => document.querySelector('.event-card[data-title="429 Too Many Requests"]') !== null);
  assert.match(await page.locator(".event-card").nth(1).innerText(), /Retry-After/);
  await clean(app);
});

test("an example that replaced the user's own request can be undone, from the list and the tour, and so can Clear", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  const editor = () => page.locator("#request-editor").inputValue();
  const own = '{"participants":[{"identity":{"user":{"id":"278405a3-f568-4b3e-b684-009193463064"}}}],"clientContext":"mine"}';
  await pasteRequest(page, own);
  const scrolled = () => page.evaluate(() => document.querySelector("#request-editor").scrollLeft);
  assert.ok((await scrolled()) > 0, "the caret at the end of a long line scrolls it");
  await page.selectOption("#preset-select", "example-2");
  await waitFor(page, () => document.querySelector("#notice-undo") !== null);
  assert.equal(await scrolled(), 0, "another example is shown from its start");
  assert.match(await page.locator("#notice").innerText(), /Your request was replaced by Example 2/);
  assert.notEqual(await editor(), own);
  await page.click("#notice-undo");
  await waitFor(page, () => !document.querySelector("#notice"));
  assert.equal(await editor(), own);
  // An example as it loaded is nobody's work: switching from it offers nothing.
  await page.selectOption("#preset-select", "example-3");
  await page.selectOption("#preset-select", "example-4");
  await page.waitForTimeout(100);
  assert.equal(await page.locator("#notice-undo").count(), 0);
  // The tour takes the request over too; Undo brings it back and ends the tour.
  await pasteRequest(page, own);
  await page.click("#help-button");
  await waitFor(page, () => document.querySelector("#notice-undo") !== null && document.querySelector("#tour") !== null);
  await page.click("#notice-undo");
  await waitFor(page, () => !document.querySelector("#tour"));
  assert.equal(await editor(), own);
  // A request too large to edit (a read-only preview) has a Clear button: Undo too.
  await pasteRequest(page, own.replace('"mine"', `"mine","pad":"${"x".repeat(1_100_000)}"`));
  await page.click("#clear-request");
  await waitFor(page, () => document.querySelector("#notice")?.innerText.includes("Your request was cleared"));
  assert.equal(await editor(), "");
  await page.click("#notice-undo");
  await waitFor(page, () => document.querySelector("#bulk-notice") !== null && !document.querySelector("#notice"));
  assert.match(await editor(), /"mine","pad":"xxx/);
  assert.deepEqual(app.errors, []);
  await clean(app);
});

test("the draft survives a reload and never stores the token", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  const text = [
    "POST https://graph.microsoft.com/beta/communications/calls/abc/participants/invite",
    "Authorization: Bearer eyJSECRETSECRETSECRET",
    "Content-Type: application/json",
    "",
    '{"participants":[{"identity":{"user":{"id":"278405a3-f568-4b3e-b684-009193463064","displayName":"Reload Me"}}}],"clientContext":"c"}',
  ].join("\n");
  await pasteRequest(page, text);
  await page.selectOption("#ctx-kind", "peerToPeer");
  await page.reload();
  await page.waitForSelector("#request-editor");
  const restored = await page.locator("#request-editor").inputValue();
  assert.match(restored, /Reload Me/);
  assert.match(restored, /Authorization: Bearer \{token\}/);
  assert.equal(await page.locator("#ctx-kind").inputValue(), "peerToPeer");
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  assert.ok(!stored.includes("SECRET"), "the token was stored");

  // What was pasted in the Received panel comes back too, beside its request.
  const notification = '{"value": [{"changeType": "deleted", "resourceUrl": "/communications/calls/abc/operations/1"}]}';
  await page.locator("#received-editor").fill(notification);
  await waitFor(page, () => document.querySelector("#received-summary") !== null);
  await page.reload();
  await page.waitForSelector("#request-editor");
  await waitFor(page, (text) => document.querySelector("#received-editor")?.value === text, notification);
  await waitFor(page, () => document.querySelector("#received-summary") !== null);
  // A larger one is written a task later, not in the paste's task; it is kept all the same.
  const large = JSON.stringify({ value: Array.from({ length: 400 }, (_, i) => ({ changeType: "updated", resourceUrl: `/communications/calls/abc/participants/${i}` })) });
  assert.ok(large.length > 16 * 1024);
  await page.locator("#received-editor").fill(large);
  await page.waitForTimeout(200);
  await page.reload();
  await page.waitForSelector("#request-editor");
  await waitFor(page, (length) => document.querySelector("#received-editor")?.value.length === length, large.length);
  // Cleared, it stays cleared; a link's own payload wins over the kept one.
  await page.locator("#received-editor").fill("");
  await page.reload();
  await page.waitForSelector("#request-editor");
  assert.equal(await page.locator("#received-editor").inputValue(), "");
  await page.locator("#received-editor").fill(notification);
  await page.waitForTimeout(100);
  const linked = Buffer.from('{"value": []}').toString("base64url");
  await page.goto(`${shared.origin}/?received=${linked}`);
  await waitFor(page, () => document.querySelector("#received-editor")?.value === '{"value": []}');
  await clean(app);
});

test("a share link restores the request and a broken one is reported", async () => {
  const draft = {
    text: '{"participants":[{"identity":{"phone":{"id":"+5511999998888"}}}],"clientContext":"shared"}',
    context: { kind: "group", chatInfo: false },
    version: "v1.0",
    mode: "corrected",
    outcome: "declined",
    seed: 9,
  };
  const app = await openApp(shared.browser, shared.origin, { path: "/#share=" + encodeURIComponent(JSON.stringify(draft)) });
  const { page } = app;
  assert.match(await page.locator("#request-editor").inputValue(), /\+5511999998888/);
  assert.equal(await page.locator("#outcome-select").inputValue(), "declined");
  assert.equal(await page.locator("#ctx-chat-info").isChecked(), false);
  assert.equal(await page.evaluate(() => location.hash), "");
  await app.context.close();

  const broken = await openApp(shared.browser, shared.origin, { path: "/#share=%7B%22text%22%3A3" });
  await broken.page.waitForSelector("#notice");
  assert.match(await broken.page.locator("#notice").innerText(), /share link could not be read/);
  assert.ok((await broken.page.locator("#request-editor").inputValue()).length > 0);
  await clean(broken);
});

test("a request too large for a link is not copied as one, and the notice says why", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  // Near miss first: the example's request is copied as a link.
  await page.click("#share-link");
  await waitFor(page, () => /Copied: link|does not allow copying/.test(document.querySelector("#notice")?.innerText ?? ""));
  await page.click("#notice button");
  // Over 1 MB of address once encoded: browsers would not open the link.
  const body = JSON.stringify({ participants: [{ identity: { user: { id: "x" } } }], note: "n".repeat(1_100_000) });
  await pasteRequest(page, body);
  await waitFor(page, () => !document.querySelector("#check-pending"));
  for (const button of ["#share-link", "#copy-embed"]) {
    await page.click(button);
    await waitFor(page, () => /too large to carry in a link/.test(document.querySelector("#notice")?.innerText ?? ""));
    assert.match(await page.locator("#notice").innerText(), /\(1\.\d MB; browsers open addresses of up to 1 MB/);
    await page.click("#notice button");
    await waitFor(page, () => !document.querySelector("#notice"));
  }
  await clean(app);
});

test("a corrupt stored draft is reported and replaced", async () => {
  const app = await openApp(shared.browser, shared.origin);
  await app.page.evaluate(() => localStorage.setItem("invite-playground/draft", "{not json"));
  await app.page.reload();
  await app.page.waitForSelector("#notice");
  assert.match(await app.page.locator("#notice").innerText(), /saved draft could not be read/);
  await clean(app);
});

test("a browser that keeps nothing (storage blocked, or full) still runs the page, and says the draft will not last", async () => {
  // All cookies blocked: reading `localStorage` throws (the page was blank).
  const blocked = await shared.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await blocked.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { configurable: true, get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });
  });
  const app = await openApp(shared.browser, shared.origin, { context: blocked });
  await waitFor(app.page, () => document.querySelector("#notice")?.innerText.includes("does not let the page keep your draft"));
  await pasteRequest(app.page, '{"participants":[]}');
  await waitFor(app.page, () => document.querySelector("#diagnostic-list")?.innerText.includes("participants"));
  await app.page.click("#theme-toggle");
  await waitFor(app.page, () => document.documentElement.dataset.theme === "dark");
  assert.deepEqual(app.errors, []);
  await clean(app);
  // Storage full, with an older draft in it: the first save that fails says so, once,
  // and the older draft goes, so that a reload does not open it as the latest work.
  const full = await shared.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await full.addInitScript(() => {
    if (!sessionStorage.getItem("seeded")) {
      sessionStorage.setItem("seeded", "1");
      localStorage.setItem("invite-playground/draft", JSON.stringify({ text: '{"stale": true}' }));
    }
    Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };
  });
  const second = await openApp(shared.browser, shared.origin, { context: full });
  await waitFor(second.page, () => document.querySelector("#notice")?.innerText.includes("storage is blocked or full"));
  await second.page.click("#notice button");
  await pasteRequest(second.page, '{"participants":[]}');
  await second.page.waitForTimeout(200);
  assert.equal(await second.page.locator("#notice").count(), 0, "said once");
  await second.page.reload();
  await second.page.waitForSelector("#request-editor");
  assert.doesNotMatch(await second.page.locator("#request-editor").inputValue(), /stale/);
  assert.deepEqual(second.errors, []);
  await clean(second);
});

test("switching to Portuguese translates labels and messages, and is remembered", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  await pasteRequest(page, '{"participants":[]}');
  await page.selectOption("#lang-select", "pt-BR");
  await waitFor(page, () => document.documentElement.lang === "pt-BR");
  assert.match(await page.locator("#diagnostic-list").innerText(), /participants está vazio/);
  assert.match(await page.locator("#run-button").innerText(), /Executar/);
  await page.reload();
  await page.waitForSelector("#request-editor");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "pt-BR");
  assert.match(await page.locator("#composer-title").innerText(), /Compor/);
  await page.click("#theme-toggle");
  await waitFor(page, () => document.documentElement.dataset.theme === "dark");
  await clean(app);
});

test("a first visit follows the system's dark colours (as they change) and Portuguese; a choice made here wins after", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: "dark", locale: "pt-BR" });
  const app = await openApp(shared.browser, shared.origin, { context });
  const { page } = app;
  const attributes = () => page.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.lang]);
  assert.deepEqual(await attributes(), ["dark", "pt-BR"]);
  assert.match(await page.locator("#theme-toggle").innerText(), /Tema claro/);
  // While nothing is chosen, the page follows the system as it changes (dusk, dawn).
  await page.emulateMedia({ colorScheme: "light" });
  await waitFor(page, () => document.documentElement.dataset.theme === "light");
  assert.match(await page.locator("#theme-toggle").innerText(), /Tema escuro/);
  await page.emulateMedia({ colorScheme: "dark" });
  await waitFor(page, () => document.documentElement.dataset.theme === "dark");
  await page.click("#theme-toggle");
  await page.selectOption("#lang-select", "en");
  await waitFor(page, () => document.documentElement.lang === "en" && document.documentElement.dataset.theme === "light");
  // A choice made here wins over the system's, now and after a reload.
  await page.emulateMedia({ colorScheme: "light" });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForTimeout(100);
  assert.deepEqual(await attributes(), ["light", "en"]);
  await page.reload();
  await page.waitForSelector("#request-editor");
  assert.deepEqual(await attributes(), ["light", "en"]);
  // An embed takes neither: its docs page has its own colours and language, and says
  // them (`theme=`, `lang=`) if they are not light and English.
  const embed = await context.newPage();
  await embed.goto(`${shared.origin}/?embed=1`);
  await embed.waitForSelector("#request-editor");
  assert.deepEqual(await embed.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.lang]), ["light", "en"]);
  await clean(app);
});

test("a seed that is not a whole number from 0 says so while it is there", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  const shown = () => page.locator("#seed-error").isVisible();
  assert.equal(await shown(), false);
  await page.fill("#seed-input", "7");
  for (const bad of ["-5", "1.5", "1e3", "18446744073709551616"]) {
    await page.fill("#seed-input", bad);
    assert.equal(await shown(), true, bad);
    assert.match(await page.locator("#seed-error").innerText(), /whole number from 0 to 2⁶⁴ − 1, in digits; runs keep the last one/);
  }
  await page.fill("#seed-input", "18446744073709551615");
  assert.equal(await shown(), false);
  await page.fill("#seed-input", "");
  assert.equal(await shown(), false, "a field emptied to type a new seed is not yet wrong");
  await page.fill("#seed-input", "8");
  assert.equal(await shown(), false);
  await clean(app);
});

test("a whole flow works with the keyboard only", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  await page.focus("#preset-select");
  // Choose Example 3 with arrow keys, then reach Run with Tab and press Enter.
  for (let i = 0; i < 2; i += 1) await page.keyboard.press("ArrowDown");
  await waitFor(page, () => document.querySelector("#preset-select").value === "example-3");
  await page.focus("#speed-select");
  await page.keyboard.press("End");
  await waitFor(page, () => document.querySelector("#speed-select").value === "instant");
  let guard = 0;
  // Around the whole page: no stop is something hidden from readers (a scroller that
  // only mirrors a textarea, such as the editor's highlight layer).
  const hiddenStops = [];
  while ((await page.evaluate(() => document.activeElement?.id)) !== "run-button" && guard < 200) {
    await page.keyboard.press("Tab");
    const hidden = await page.evaluate(() => document.activeElement?.closest('[aria-hidden="true"]')?.className);
    if (hidden !== undefined) hiddenStops.push(hidden);
    guard += 1;
  }
  assert.deepEqual(hiddenStops, []);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "run-button");
  await page.keyboard.press("Enter");
  await waitFor(page, () => document.querySelectorAll(".event-card").length === 6);
  // Every control has an accessible name.
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll("button, select, input, textarea")].filter((el) => {
      const label = el.labels?.length || el.getAttribute("aria-label") || (el.tagName === "BUTTON" && el.textContent.trim());
      return !label;
    }).map((el) => el.id || el.outerHTML.slice(0, 60)));
  assert.deepEqual(unnamed, []);
  // Ctrl+Enter in the request runs it again, from where the typing is.
  await page.selectOption("#outcome-select", "declined");
  await page.focus("#request-editor");
  const before = await page.locator("#request-editor").inputValue();
  await page.keyboard.press("Control+Enter");
  await waitFor(page, () => document.querySelector(".event-card:last-child")?.textContent.includes("failed"));
  assert.equal(await page.evaluate(() => document.activeElement?.id), "request-editor");
  assert.equal(await page.locator("#request-editor").inputValue(), before, "no new line typed");
  await clean(app);
});

test("the screenshot for the README: Example 3 after Run", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  await choosePreset(page, "example-3");
  await page.selectOption("#speed-select", "instant");
  await page.click("#run-button");
  await waitFor(page, () => document.querySelectorAll(".event-card").length === 6);
  await page.screenshot({ path: new URL("../../docs/screenshot.png", import.meta.url).pathname });
  await clean(app);
});

test("call settings re-check the request and show their own diagnostics", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  await choosePreset(page, "example-2");
  await page.selectOption("#ctx-token", "delegated");
  await waitFor(page, () => document.querySelector('#call-diagnostics [data-code="permission-missing"]') !== null);
  await page.selectOption("#ctx-token", "application");
  await page.selectOption("#ctx-kind", "peerToPeer");
  await waitFor(page, () => document.querySelector('#diagnostic-list [data-code="multiple-needs-group-call"]') !== null);
  await page.selectOption("#speed-select", "instant");
  await page.click("#run-button");
  await waitFor(page, () => document.querySelector('.event-card[data-title="400 Bad Request"]') !== null);
  assert.match(await page.locator(".event-card").nth(1).innerText(), /assumed/i);
  await clean(app);
});

test("a panic shows the banner, and its reset gives a working page", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  await pasteRequest(page, '{"participants": []}');
  await page.evaluate(() => window.dispatchEvent(new Event("invite-playground-force-panic")));
  await page.waitForSelector("#panic-banner:not([hidden])");
  assert.match(await page.locator("#panic-banner").innerText(), /Something broke/);
  app.errors.length = 0; // the forced panic itself is expected on the console
  await page.click("#panic-reset");
  await page.waitForSelector("#notice");
  assert.match(await page.locator("#notice").innerText(), /was reset/);
  assert.match(await page.locator("#request-editor").inputValue(), /participants/);
  assert.ok(!(await page.locator("#request-editor").inputValue()).includes('"participants": []'));
  assert.equal(await page.evaluate(() => location.search), "");
  await clean(app);
});

test("a page whose code does not load says so, with a reload that keeps the draft; a missing icon changes nothing", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const app = await openApp(shared.browser, shared.origin, { context });
  await pasteRequest(app.page, '{"participants": [], "clientContext": "kept"}');
  for (const [pattern, missing] of [["**/*_bg.wasm", /_bg\.wasm did not load|Failed to fetch/], ["**/invite-playground-*.js", /\.js did not load/]]) {
    const page = await context.newPage();
    await page.route(pattern, (route) => route.abort());
    await page.goto(`${shared.origin}/`);
    await page.waitForSelector("#panic-banner:not([hidden])");
    const banner = await page.locator("#panic-banner").innerText();
    assert.match(banner, /The playground could not start/);
    assert.match(banner, missing);
    // Its link reloads as it is, without `?reset=1`: the draft is not what went wrong.
    await page.unroute(pattern);
    await page.click("#panic-reset");
    await page.waitForSelector("#request-editor");
    assert.match(await page.locator("#request-editor").inputValue(), /"kept"/);
    assert.ok(await page.locator("#panic-banner").isHidden());
    await page.close();
  }
  const page = await context.newPage();
  await page.route("**/favicon*.svg", (route) => route.abort());
  await page.goto(`${shared.origin}/`);
  await page.waitForSelector("#request-editor");
  await page.waitForTimeout(300);
  assert.ok(await page.locator("#panic-banner").isHidden());
  await context.close();
});

test("a cURL command pasted into the editor becomes the request it sends, and Undo gives it back", async () => {
  const app = await openAppWithClipboard(shared.browser, shared.origin);
  const { page } = app;
  const editor = () => page.locator("#request-editor").inputValue();
  // The playground's own "Copy as cURL" of Example 4 (an error-free request), pasted back.
  await page.selectOption("#preset-select", "example-4");
  await page.selectOption("#mode-select", "corrected");
  await waitFor(page, () => document.querySelector("#request-editor").value.includes("+12345678901"));
  const request = await editor();
  await page.click("#copy-curl");
  const command = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(command, /^curl -X POST '/);
  await pasteRequest(page, "{}");
  await page.focus("#request-editor");
  await page.keyboard.press("Control+A");
  // With options a terminal adds, on a line long enough to scroll the editor sideways.
  const long = `${command} --compressed --location --silent --show-error --connect-timeout 30 --max-time 60 --retry 3 --output answer.json`;
  await pasteFromClipboard(page, long);
  await waitFor(page, () => document.querySelector("#request-editor").value.startsWith("POST https://"));
  assert.match(await page.locator("#notice").innerText(), /Your cURL command is shown as the HTTP request it sends/);
  // Shown from its start, not scrolled where the command's long line ended.
  assert.equal(await page.evaluate(() => document.querySelector("#request-editor").scrollLeft), 0);
  // The same body as the request it was copied from, and the same (clean) verdict.
  const body = (text) => text.slice(text.indexOf("\n\n") + 2).trim();
  assert.equal(body(await editor()), body(request));
  await waitFor(page, () => /Graph would accept/.test(document.querySelector("#diagnostics-summary").textContent));
  await page.click("#notice-undo");
  await waitFor(page, () => document.querySelector("#request-editor").value.startsWith("curl "));
  assert.equal(await editor(), long);
  await waitFor(page, () => document.querySelector('#diagnostic-list [data-code="json-syntax"]') !== null);
  assert.match(await page.locator('#diagnostic-list [data-code="json-syntax"]').innerText(), /this is a cURL command/);
  // The same request as Chrome's "Copy as cURL (cmd)" writes it on Windows (its
  // escapeStringWin, CRLF continuations): the same body again.
  const win = (text) => `^"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')
    .replace(/[^a-zA-Z0-9\s_\-:=+~'/.,?;()*`]/g, "^$&").replace(/%(?=[a-zA-Z0-9_])/g, "%^")
    .replace(/\r?\n/g, "^\n\n")}^"`;
  const [head, ...rest] = request.split("\n\n");
  const [line, ...headers] = head.split("\n");
  const cmd = [`curl ${win(line.split(" ")[1])}`, ...headers.map((h) => `-H ${win(h)}`), `--data-raw ${win(rest.join("\n\n"))}`]
    .join(" ^\r\n  ");
  await page.focus("#request-editor");
  await page.keyboard.press("Control+A");
  await pasteFromClipboard(page, cmd);
  await waitFor(page, () => document.querySelector("#request-editor").value.startsWith("POST https://"));
  assert.equal(body(await editor()), body(request));
  await waitFor(page, () => /Graph would accept/.test(document.querySelector("#diagnostics-summary").textContent));
  await clean(app);
});

test("a copy the browser refuses is said to have failed, never 'Copied'", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
  });
  const app = await openApp(shared.browser, shared.origin, { context });
  await app.page.click("#copy-curl");
  await waitFor(app.page, () => document.querySelector("#notice") !== null);
  assert.match(await app.page.locator("#notice").innerText(), /does not allow copying here/);
  await clean(app);
});

test("the Code view gives the request in each SDK language, follows edits and remembers the tab", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  const code = () => page.locator("#code-block").innerText();
  // The default tab, then Python by click: the real SDK's names and the preset's values.
  await waitFor(page, () => document.querySelector("#code-block")?.textContent.includes("InvitePostRequestBody"));
  await page.click("#code-tab-python");
  await waitFor(page, () => document.querySelector("#code-block").dataset.lang === "python");
  assert.match(await code(), /from msgraph_beta import GraphServiceClient/);
  assert.match(await code(), /client_context = "f2fa86af-3c51-4bc2-8fc0-475452d9764f"/);
  assert.equal(await page.locator("#code-tab-python").getAttribute("aria-selected"), "true");
  // Arrow keys move along the tabs (and focus follows).
  await page.focus("#code-tab-python");
  await page.keyboard.press("ArrowRight");
  await waitFor(page, () => document.querySelector("#code-block").dataset.lang === "curl");
  assert.equal(await page.evaluate(() => document.activeElement.id), "code-tab-curl");
  await page.keyboard.press("ArrowLeft");
  await waitFor(page, () => document.querySelector("#code-block").dataset.lang === "python");
  // An edit in the form shows in the code at once.
  await page.fill("#field--clientContext", "from-the-form");
  await waitFor(page, () => document.querySelector("#code-block").textContent.includes('client_context = "from-the-form"'));
  // A request with errors still gets code, with the first error named.
  await pasteRequest(page, '{"participants":[{"identity":{"user":{"id":"x"}},"hidden":"yes"}]}');
  await waitFor(page, () => document.querySelector("#code-has-errors") !== null);
  // The previous request's code stays, marked busy, until the worker's answer for this
  // one lands (under load, after the verdict's hint): once not busy, it is this one's.
  await waitFor(page, () => document.querySelector("#code-block").getAttribute("aria-busy") === "false");
  assert.match(await code(), /# Graph would reject this request: type-mismatch/);
  // Code of thousands of lines shows only its start, and says so (laying it all out
  // blocked the page); a small request shows all of its code again.
  const many = { participants: Array.from({ length: 300 }, (_, i) => ({ identity: { user: { id: `278405a3-f568-4b3e-b684-${String(i).padStart(12, "0")}`, displayName: `P ${i}` } } })) };
  await pasteRequest(page, JSON.stringify(many, null, 2));
  // Chromium inserts the 2,404 lines as 2,404 input events; the later ones must not
  // replace the request with the editor's read-only preview of it.
  await waitFor(page, () => document.querySelector('#diagnostic-list [data-code="participants-too-many"]') !== null);
  await page.waitForTimeout(300);
  assert.deepEqual(await listedCodes(page), ["client-context-missing", "participants-too-many"]);
  await waitFor(page, () => document.querySelector("#code-preview") !== null);
  assert.match(await page.textContent("#code-preview"), /This code is \d+ KiB in [\d,]+ lines\. Only its start is shown, with long lines cut; the copy button copies all of it\./);
  const shownLines = (await code()).split("\n").length;
  assert.ok(shownLines > 300 && shownLines <= 402, `${shownLines} lines shown`);
  // The previewed request is read-only until cleared.
  await page.click("#clear-request");
  await pasteRequest(page, '{"participants":[{"identity":{"user":{"id":"278405a3-f568-4b3e-b684-009193463064"}}}]}');
  await waitFor(page, () => document.querySelector("#code-preview") === null && document.querySelector("#code-block").textContent.includes("009193463064"));
  // The tab is remembered across a reload, and the view speaks Portuguese.
  await page.reload();
  await waitFor(page, () => document.querySelector("#code-block")?.dataset.lang === "python");
  await page.selectOption("#lang-select", "pt-BR");
  await waitFor(page, () => document.querySelector("#code-title").textContent === "Código");
  assert.match(await page.locator("#copy-code").innerText(), /Copiar Python/);
  await clean(app);
});

test("on a phone the Web Worker is fetched only when the code is scrolled to, and the code then shows", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const app = await openApp(shared.browser, shared.origin, { context });
  const { page, requests } = app;
  const fetchedWorker = () => requests.some((url) => url.includes("invite-worker"));
  // The first screen is the request, its verdict and the simulation's controls; the code
  // panel is below it, and nothing has asked for code.
  await waitFor(page, () => document.querySelector("#diagnostics-summary")?.textContent.includes("Graph would accept"));
  await page.waitForTimeout(1500);
  assert.ok(await page.evaluate(() => document.querySelector(".code-view").getBoundingClientRect().top > innerHeight + 200));
  assert.equal(fetchedWorker(), false, "the Web Worker was fetched before the code was in view");
  assert.equal(await page.getAttribute("#code-block", "aria-busy"), "true");
  assert.ok(await page.isDisabled("#copy-code"), "nothing to copy yet");
  // Scrolled to, the panel asks, and the code arrives.
  await page.locator(".code-view").scrollIntoViewIfNeeded();
  await waitFor(page, () => document.querySelector("#code-block").getAttribute("aria-busy") === "false");
  assert.ok(fetchedWorker());
  // The worker's files (fixed names) are asked for under the page's build, so a cached
  // worker of another build is never paired with this page.
  const build = await page.evaluate(() => document.querySelector("link[rel=modulepreload]").getAttribute("href").match(/-([0-9a-f]+)\.js$/)[1]);
  const workerFiles = requests.filter((url) => url.includes("invite-worker")).map((url) => new URL(url));
  assert.deepEqual(
    workerFiles.map((url) => [url.pathname, url.search]),
    ["/invite-worker_loader.js", "/invite-worker.js", "/invite-worker_bg.wasm"].map((path) => [path, `?v=${build}`]),
  );
  assert.match(await page.textContent("#code-block"), /InvitePostRequestBody/);
  assert.ok(await page.isEnabled("#copy-code"));
  await clean(app);
});

test("what the bot received is checked, explained and marked on the diagram, in Portuguese too", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  await page.selectOption("#speed-select", "instant");
  await page.click("#run-button");
  await waitFor(page, () => document.querySelectorAll(".event-card").length >= 4);
  // Pick the operation notification from the run: explained, clean, step on the diagram.
  await page.getByRole("button", { name: "Explain this (message 3)" }).click();
  await waitFor(page, () => document.querySelector("#received-items [data-step]") !== null);
  assert.equal(await page.locator("#received-items .explanation").first().getAttribute("data-step"), "operation-completed");
  assert.match(await page.locator("#received-summary").innerText(), /webhook notifications · 0 errors · 0 warnings · 0 notes/);
  assert.match(await page.locator("#received-editor").inputValue(), /^POST https:\/\/bot\.contoso\.com\/api\/calls/);
  await waitFor(page, () => document.querySelector("#sequence-diagram .arrow.highlight") !== null);
  assert.match(await page.locator("#sequence-diagram .arrow.highlight").getAttribute("data-label"), /operation completed/);
  // A pasted failure with the docs' string code: the mistake is named at its place, the
  // failure explained with its source.
  const failed = JSON.stringify({
    "@odata.type": "#microsoft.graph.commsNotifications",
    value: [{ changeType: "deleted", resourceUrl: "/communications/calls/ab6233a5-20b7-4c5e-bea2-ce56c9776429/operations/x",
      resourceData: { "@odata.type": "#microsoft.graph.inviteParticipantsOperation", id: "x", status: "failed", clientContext: "f2fa86af-3c51-4bc2-8fc0-475452d9764f",
        resultInfo: { code: "410", subcode: 301004, message: "Client Media Error" }, participants: [] } }],
  }, null, 2);
  await page.locator("#received-editor").fill(failed);
  await waitFor(page, () => document.querySelector('#received-diagnostics [data-code="type-mismatch"]') !== null);
  assert.match(await page.locator("#received-diagnostics").innerText(), /\/value\/0\/resourceData\/resultInfo\/code/);
  // Marked in the text like the request, and choosing the finding selects it there.
  await waitFor(page, () => document.querySelector('.received-panel .highlight mark[data-code="type-mismatch"]') !== null);
  assert.equal(await page.locator('.received-panel .highlight mark[data-code="type-mismatch"]').innerText(), '"410"');
  await page.locator('#received-diagnostics button[data-code="type-mismatch"]').click();
  assert.equal(await page.evaluate(() => {
    const area = document.querySelector("#received-editor");
    return [document.activeElement === area, area.value.slice(area.selectionStart, area.selectionEnd)].join(" ");
  }), 'true "410"');
  assert.match(await page.locator("#received-diagnostics .help").first().innerText(), /\S/);
  assert.equal(await page.locator("#received-items .explanation").first().getAttribute("data-step"), "operation-failed");
  assert.match(await page.locator("#received-items").innerText(), /media error[\s\S]*GRAPH-FACTS §6\.2/);
  // A run's message picked over what was pasted: Undo brings the paste back.
  await page.getByRole("button", { name: "Explain this (message 3)" }).click();
  await waitFor(page, () => document.querySelector("#notice")?.innerText.includes("What you put in Received was replaced by the run's message"));
  await page.click("#notice-undo");
  await waitFor(page, (text) => document.querySelector("#received-editor").value === text, failed);
  await waitFor(page, () => document.querySelector("#received-items .explanation")?.getAttribute("data-step") === "operation-failed");
  // The same in Portuguese.
  await page.selectOption("#lang-select", "pt-BR");
  await waitFor(page, () => document.querySelector("#received-title").textContent === "Recebido");
  assert.match(await page.locator("#received-items").innerText(), /operação falhou[\s\S]*mídia/);
  assert.match(await page.locator("#received-diagnostics").innerText(), /erro[\s\S]*precisa ser um número inteiro/i);
  await clean(app);
});

test("a response head pasted without its body is explained from its status and headers", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  await page.locator("#received-editor").fill("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\n\r\n");
  await waitFor(page, () => document.querySelector("#received-items [data-step]") !== null);
  assert.equal(await page.locator("#received-items .explanation").first().getAttribute("data-step"), "error-response");
  assert.match(await page.locator("#received-summary").innerText(), /a Graph error · HTTP 429 · 0 errors · 1 warning/);
  assert.match(await page.locator("#received-items").innerText(), /throttling[\s\S]*wait the Retry-After 7 s/);
  assert.match(await page.locator('#received-diagnostics [data-code="received-body-missing"]').innerText(), /has no body/);
  // The invite's own 200 OK: accepted, with the operation its Location names.
  await page.locator("#received-editor").fill("HTTP/1.1 200 OK\nLocation: https://graph.microsoft.com/beta/communications/calls/x/operations/0fe0623f-d628-42ed-b4bd-8ac290072cc5\n");
  await waitFor(page, () => document.querySelector("#received-items .explanation")?.getAttribute("data-step") === "action-response");
  assert.match(await page.locator("#received-items").innerText(), /running operation, 0fe0623f-d628-42ed-b4bd-8ac290072cc5/);
  // A proxy's page under a 403 is named as that, and not read as Graph's refusal.
  await page.locator("#received-editor").fill("HTTP/1.1 403 Forbidden\r\nContent-Type: text/html\r\n\r\n<html><h1>Access denied</h1></html>\r\n");
  await waitFor(page, () => document.querySelector("#received-summary")?.innerText.includes("a gateway's error page"));
  assert.match(await page.locator("#received-summary").innerText(), /a gateway's error page · HTTP 403 · 0 errors · 1 warning/);
  assert.match(await page.locator("#received-items").innerText(), /something in front of Graph \(a proxy, a firewall\) refused/);
  assert.doesNotMatch(await page.locator("#received-items").innerText(), /token/);
  assert.deepEqual(await violations(page), []);
  await clean(app);
});

test("the guided tour walks Example 1 step by step, in both languages, and can be skipped", async () => {
  const app = await openApp(shared.browser, shared.origin);
  const { page } = app;
  await pasteRequest(page, "{}");
  await page.click("#tour-start");
  await waitFor(page, () => document.querySelector("#tour-title")?.textContent.includes("step 1 of"));
  assert.equal(await page.locator("#preset-select").inputValue(), "example-1");
  assert.match(await page.locator("#tour .tour-what").innerText(), /Your bot asks Graph/);
  const seen = [];
  for (let i = 0; i < 30 && (await page.locator("#tour-next").count()) > 0; i++) {
    await page.click("#tour-next");
    seen.push(await page.locator("#tour .tour-what").innerText());
  }
  const all = seen.join("\n");
  for (const expected of [/200 OK: Graph accepted the invite/, /joins the call/, /operation completed: The operation finished/, /roster updated/]) {
    assert.match(all, expected);
  }
  assert.match(await page.locator("#tour .tour-do").innerText(), /Your bot should/);
  // Every card says what it means.
  const cards = await page.locator(".event-card").count();
  assert.equal(await page.locator(".event-card .meaning").count(), cards);
  await page.click("#tour-finish");
  await waitFor(page, () => !document.querySelector("#tour"));
  // Its buttons gone, focus is back where the tour was opened from (the empty
  // simulation's button left with it: the header's `?`), not at the page's top.
  await waitFor(page, () => document.activeElement?.id === "help-button");

  // Escape ends it too, from wherever focus is in it.
  await page.click("#help-button");
  await waitFor(page, () => document.querySelector("#tour-next") !== null);
  await page.focus("#tour-next");
  await page.keyboard.press("Escape");
  await waitFor(page, () => !document.querySelector("#tour") && document.activeElement?.id === "help-button");

  // Again from the help button, in Portuguese, and skipped at once.
  await page.selectOption("#lang-select", "pt-BR");
  await page.click("#help-button");
  await waitFor(page, () => document.querySelector("#tour-title")?.textContent.includes("Tour guiado"));
  assert.match(await page.locator("#tour .tour-do").innerText(), /Seu bot deve/);
  assert.match(await page.locator("#outcome-select option[value=success]").innerText(), /^sucesso — /);
  assert.match(await page.locator("#ctx-state option[value=established]").innerText(), /estabelecida \(established\)/);
  await page.click("#tour-skip");
  await waitFor(page, () => !document.querySelector("#tour"));
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
