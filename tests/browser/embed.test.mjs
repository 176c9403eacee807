// Docs pages: the demo page (docs/demo/) and the app served from two origins, as a docs
// site embeds the playground. The embeds load their presets and views, autorun plays,
// heights follow content, ready / run-finished arrive, no storage is touched, the CSP
// holds, and the page's ES-module check says what the CLI says. Graph Explorer deep
// links open exactly their request; broken or foreign ones explain themselves.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launch, listedCodes, openApp, startServer, violations, waitFor } from "./harness.mjs";

const DEMO = fileURLToPath(new URL("../../docs/demo/", import.meta.url));
const CLI = [
  process.env.INVITE_PLAYGROUND,
  fileURLToPath(new URL("../../target/debug/invite-playground", import.meta.url)),
  fileURLToPath(new URL("../../target/release/invite-playground", import.meta.url)),
].find((path) => path && existsSync(path));

const shared = {};
before(async () => {
  shared.app = await startServer();
  shared.demo = await startServer(DEMO);
  shared.browser = await launch();
});
after(async () => {
  await shared.browser?.close();
  shared.app?.server.close();
  shared.demo?.server.close();
});

function cliCheck(text) {
  try {
    return JSON.parse(execFileSync(CLI, ["check", "-", "--format", "json"], { input: text }).toString());
  } catch (error) {
    // Exit 1 (errors found) still prints the report.
    return JSON.parse(error.stdout.toString());
  }
}

async function openDemo(viewport = { width: 1280, height: 900 }) {
  const context = await shared.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  await page.goto(`${shared.demo.origin}/index.html?app=${encodeURIComponent(shared.app.origin + "/")}`);
  await waitFor(page, () => document.documentElement.dataset.ready === "1");
  return { page, context, errors };
}

const frameFor = (page, id) => page.frames().find((f) => f.url().includes(id === "embed-example-3" ? "example-3" : "example-1"));

test("three embeds on a docs page from another origin: presets, views, a received sample, autorun, heights, messages, no storage", async () => {
  const { page, context, errors } = await openDemo();
  // Lazy frames load when scrolled to; a reader scrolls.
  await page.locator("#embed-example-3").scrollIntoViewIfNeeded();
  await waitFor(page, () => ["embed-example-1", "embed-example-3"].every((id) =>
    window.demoEvents.some((e) => e.frame === id && e.type === "ready")));
  await waitFor(page, () => window.demoEvents.some((e) => e.frame === "embed-example-3" && e.type === "run-finished"));
  const finished = await page.evaluate(() => window.demoEvents.find((e) => e.type === "run-finished"));
  assert.equal(finished.outcome, "success");

  // Views: example 1 shows the request and the run; example 3 only the run, played.
  const one = frameFor(page, "embed-example-1");
  const three = frameFor(page, "embed-example-3");
  assert.ok(await one.locator("#request-editor").isVisible());
  assert.match(await one.locator("#request-editor").inputValue(), /participants\/invite/);
  assert.equal(await three.locator("#request-editor").count(), 0);
  assert.ok((await three.locator(".event-card").count()) >= 3, "example 3 played its events");
  assert.equal(await one.locator(".header").count(), 0, "no page header in an embed");
  const full = await one.locator("#open-full").getAttribute("href");
  assert.ok(full.startsWith(shared.app.origin) && full.includes("preset=example-1") && !full.includes("embed=1"), full);

  // Heights follow content: each frame is as tall as its page says, and grows with it.
  const heightOf = (id) => page.evaluate((id) => document.getElementById(id).getBoundingClientRect().height, id);
  const lastHeight = (id) => page.evaluate((id) => window.demoEvents.filter((e) => e.frame === id && e.type === "resize").at(-1)?.height, id);
  await waitFor(page, () => window.demoEvents.some((e) => e.frame === "embed-example-3" && e.type === "resize" && e.height > 600));
  assert.ok(Math.abs((await heightOf("embed-example-3")) - (await lastHeight("embed-example-3"))) <= 2);
  const before = await lastHeight("embed-example-1");
  await one.locator("#run-button").click();
  await waitFor(page, (before) => window.demoEvents.filter((e) => e.frame === "embed-example-1" && e.type === "resize").at(-1).height > before, before);

  // Accessible inside the docs page, after a run, and so is the demo page itself.
  for (const frame of [one, three]) assert.deepEqual(await violations(frame), []);
  assert.deepEqual(await violations(page), [], "the demo page");
  // "Copy embed code" gives an <iframe> for what is on screen.
  // (The docs page's frames allow clipboard-write, as the embed code does.)
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: shared.app.origin });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: shared.demo.origin });
  await one.locator("#copy-embed").click();
  await waitFor(one, () => document.querySelector("#notice")?.textContent.includes("embed code"));
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&amp;preset=example-1&amp;view=request%2Crun" title="Invite Playground: [^"]+" allow="clipboard-write" loading="lazy"/);

  // The third frame explains the notification its address carries, on its own.
  await page.locator("#embed-received").scrollIntoViewIfNeeded();
  await waitFor(page, () => window.demoEvents.some((e) => e.frame === "embed-received" && e.type === "ready"));
  const received = page.frames().find((f) => f.url().includes("view=received"));
  await waitFor(received, () => document.querySelector("#received-items .explanation")?.getAttribute("data-step") === "operation-failed");
  assert.match(await received.locator("#received-items").innerText(), /declined/);
  assert.deepEqual(await violations(received), []);

  // Nothing stored by either frame (an embed may have no storage at all).
  for (const frame of [one, three]) {
    assert.deepEqual(await frame.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
  }
  // The CSP is in force inside the frames: an inline script does not run.
  assert.equal(await one.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__inline = 1";
    document.body.append(s);
    return window.__inline;
  }), undefined);
  assert.deepEqual(errors.filter((e) => !/Content Security Policy/.test(e)), []);
  await context.close();
});

test("the docs page on a phone with a dark system: no sideways scroll, and its embeds as light as it is", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto(`${shared.demo.origin}/index.html?app=${encodeURIComponent(shared.app.origin + "/")}`);
  await waitFor(page, () => document.documentElement.dataset.ready === "1");
  await waitFor(page, () => window.demoEvents.some((e) => e.frame === "embed-example-1" && e.type === "ready"));
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  const one = frameFor(page, "embed-example-1");
  assert.equal(await one.evaluate(() => document.documentElement.dataset.theme), "light");
  await context.close();
});

test("an embed at 320 px fits its width and keeps Run reachable", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(`${shared.app.origin}/?embed=1&preset=example-2&view=request,run`);
  await page.waitForSelector("#request-editor");
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), "no sideways scroll");
  // The tour is the full page's: here it would replace the docs page's example.
  assert.equal(await page.locator("#tour-start").count(), 0);
  await page.locator("#run-button").click();
  await waitFor(page, () => document.querySelectorAll(".event-card").length > 0);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), "no sideways scroll after a run");
  // No Received panel in this embed: no "Explain this" that would fill a hidden one.
  assert.equal(await page.locator(".event-card .explain-event").count(), 0);
  assert.ok((await page.locator(".event-card button", { hasText: "Copy" }).count()) > 0);
  // What a copy says sits in the embed's flow, not at the bottom of a frame that may
  // reach below the docs page's view.
  await page.locator("#copy-curl").click();
  await waitFor(page, () => document.querySelector("#notice") !== null);
  assert.equal(await page.locator("#notice.toast").count(), 0);
  // A hint for a request no docs example matches points at no menu the embed lacks.
  const own = Buffer.from('{"participants": [{"identity": {"user": {"id": "x"}}}]}').toString("base64url");
  await page.goto(`${shared.app.origin}/?embed=1&mode=doc-faithful&body=${own}&view=run`);
  await waitFor(page, () => [...document.querySelectorAll(".hint")].some((p) => p.textContent.includes("Doc-faithful")));
  const hints = await page.locator(".hint").allInnerTexts();
  assert.ok(hints.some((h) => /none of them: the run is corrected/.test(h)) && !hints.some((h) => /above/.test(h)), hints.join("\n"));
  await context.close();
});

test("a docs page about notifications embeds the Received panel with its own sample; embed code and share links carry the panel's payload", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  const sample = 'POST https://bot.contoso.com/api/calls\r\nAuthorization: Bearer eyJ0eXAiOiJKV1Qi.secret\r\n\r\n' +
    '{"value": [{"changeType": "deleted", "resource": "/app/calls/1/operations/2", "resourceUrl": "/communications/calls/1/operations/2",' +
    ' "resourceData": {"@odata.type": "#microsoft.graph.inviteParticipantsOperation", "id": "2", "status": "failed",' +
    ' "resultInfo": {"code": 410, "subcode": 301004, "message": "Media error"}}}]}';
  const encoded = Buffer.from(sample).toString("base64url");
  await page.goto(`${shared.app.origin}/?embed=1&view=received&received=${encoded}`);
  await waitFor(page, () => document.querySelector("#received-items .explanation")?.getAttribute("data-step") === "operation-failed");
  const shown = await page.locator("#received-editor").inputValue();
  assert.ok(shown.includes('"subcode": 301004') && !shown.includes("secret"), "the sample, without its token");
  assert.match(await page.locator("#received-items").innerText(), /media error/i);
  assert.equal(await page.locator("#request-editor").count(), 0, "only the Received panel");
  // No request named and none shown: nothing to match the call id against.
  assert.deepEqual(await listedCodes(page, "#received-diagnostics"), []);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), "no sideways scroll");
  // Named, the request is matched, shown or not: this sample is of another call.
  await page.goto(`${shared.app.origin}/?embed=1&view=received&preset=example-1&received=${encoded}`);
  await waitFor(page, () => document.querySelector("#received-items .explanation") !== null);
  assert.ok((await listedCodes(page, "#received-diagnostics")).includes("correlation-mismatch"));
  // "Open full playground" takes the sample along.
  assert.match(await page.locator("#open-full").getAttribute("href"), /[?&]received=/);
  assert.deepEqual(errors, []);

  // On the full page, what the Received panel holds goes into the embed code with its view.
  const full = await openApp(shared.browser, shared.app.origin, { path: `/?received=${encoded}` });
  await full.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: shared.app.origin });
  await waitFor(full.page, () => document.querySelector("#received-items .explanation") !== null);
  await full.page.locator("#copy-embed").click();
  await waitFor(full.page, () => document.querySelector("#notice")?.textContent.includes("embed code"));
  const code = await full.page.evaluate(() => navigator.clipboard.readText());
  const src = new URL(code.match(/src="([^"]+)"/)[1].replaceAll("&amp;", "&"));
  assert.equal(src.searchParams.get("view"), "request,run,received");
  assert.equal(Buffer.from(src.searchParams.get("received"), "base64url").toString(), sample.replace("eyJ0eXAiOiJKV1Qi.secret", "{token}"));
  // The page cleaned its address, so a share link carries what the panel holds now, in
  // its fragment with the request: it opens both.
  assert.equal(new URL(full.page.url()).search, "");
  await full.page.locator("#received-editor").fill('{"value": [{"changeType": "updated"}]}');
  await full.page.locator("#share-link").click();
  await waitFor(full.page, () => document.querySelector("#notice")?.textContent.includes("link"));
  const link = await full.page.evaluate(() => navigator.clipboard.readText());
  assert.ok(!link.includes("received="), link);
  await full.page.goto("about:blank");
  await full.page.goto(link);
  await waitFor(full.page, () => document.querySelector("#received-editor")?.value.includes("updated"));
  assert.match(await full.page.locator("#request-editor").inputValue(), /participants/);
  // A link whose sample is not base64 says so and opens the panel empty.
  await full.page.goto(`${shared.app.origin}/?embed=1&view=received&received=%25%25`);
  await waitFor(full.page, () => document.querySelector("#notice")?.textContent.includes("Received panel opens empty"));
  assert.equal(await full.page.locator("#received-editor").inputValue(), "");
  // With no run on the page, its hint does not point at one.
  assert.doesNotMatch(await full.page.locator("#received-empty").innerText(), /Explain this/);
  await full.context.close();
  await context.close();
});

test("an embed below a docs page's fold fetches the Web Worker for its code only when scrolled to", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  const src = `${shared.app.origin}/?embed=1&preset=example-1&view=request,code`;
  // An eager frame (no loading="lazy"): the app starts at once, out of view.
  await page.setContent(`<div style="height: 3000px">Docs text</div><iframe id="embed" src="${src}" width="700" height="900"></iframe>`);
  const frame = await (await page.waitForSelector("#embed")).contentFrame();
  await frame.waitForSelector("#diagnostics-summary");
  await frame.waitForFunction(() => /\d/.test(document.querySelector("#diagnostics-summary").textContent));
  await page.waitForTimeout(1000);
  const fetchedWorker = () => requests.some((url) => url.includes("invite-worker"));
  assert.equal(fetchedWorker(), false, "the Web Worker was fetched for an embed out of view");
  await page.locator("#embed").scrollIntoViewIfNeeded();
  await frame.waitForFunction(() => document.querySelector("#code-block").dataset.lang === "csharp");
  assert.ok(fetchedWorker());
  await context.close();
});

test("the demo page's ES-module check gives the CLI's diagnostics", { skip: !CLI && "no CLI binary built" }, async () => {
  const { page, context } = await openDemo();
  const bodies = [
    '{"participants": [{"identity": {"user": {"id": "278405a3-f568-4b3e-b684-009193463064"}}}], "clientContext": "c"}',
    '{"participants": []}',
    '{"participants": [{"identity": {"phone": {"id": "+1 425"}}, "endpointType": "Default"}], "clientContext": 5,}',
    "not json at all",
    '{\r\n  "participants": [{"identity": {"user": {"id": "x", "displayName": "é漢😀\\u0000"}}}],\r\n  "extra": true\r\n}',
    "POST https://graph.microsoft.com/beta/communications/calls/x/participants/invite\nContent-Type: application/json\n\n{}",
    // cURL commands, read as the requests they send, as the CLI reads them: bash with
    // continuations, and Windows cmd as a browser's "Copy as cURL (cmd)" writes it.
    "curl -X POST 'https://graph.microsoft.com/v1.0/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/participants/invite' \\\n"
      + "  -H 'Authorization: Bearer eyJ0eXAiOiJKV1Qi' -H 'Content-Type: application/json' \\\n"
      + `  -d '{"participants": [{"identity": {"phone": {"id": "+1 425"}}}], "clientContext": "c"}'`,
    'curl ^"https://graph.microsoft.com/beta/communications/calls/x/participants/invite^" ^\n'
      + '  -H ^"content-type: application/json^" ^\n  --data-raw ^"^{^\\^"participants^\\^":[]^}^"',
  ];
  for (const body of bodies) {
    await page.locator("#body").fill(body);
    const fromPage = await page.evaluate(() => window.demoChecked);
    assert.deepEqual(fromPage, cliCheck(body), body);
    const listed = await page.locator("#findings li").evaluateAll((items) => items.map((i) => i.dataset.code));
    assert.deepEqual(listed, fromPage.diagnostics.map((d) => d.code));
    // A command shows the request it was checked as; anything else shows none.
    const curl = body.startsWith("curl");
    assert.equal(await page.locator("#sent").isVisible(), curl, body);
    if (curl) assert.match(await page.locator("#sent pre").innerText(), /^POST https:\/\/graph\.microsoft\.com\/(beta|v1\.0)\/communications\/calls\//);
  }
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test("a Graph Explorer link opens exactly its request and its verdict", { skip: !CLI && "no CLI binary built" }, async () => {
  const body = JSON.stringify({
    participants: [{
      "@odata.type": "#microsoft.graph.invitationParticipantInfo",
      identity: { "@odata.type": "#microsoft.graph.identitySet", user: { "@odata.type": "#microsoft.graph.identity", id: "278405a3-f568-4b3e-b684-009193463064" } },
    }],
    clientContext: "f2fa86af-3c51-4bc2-8fc0-475452d9764f",
  });
  const path = "communications/calls/ab6233a5-20b7-4c5e-bea2-ce56c9776429/participants/invite";
  // As docs pages build them: the path URL-encoded, the body standard base64, unescaped.
  const link = `/?request=${encodeURIComponent(path)}&method=POST&version=beta&GraphUrl=https://graph.microsoft.com&requestBody=${Buffer.from(body).toString("base64")}`;
  const app = await openApp(shared.browser, shared.app.origin, { path: link });
  const text = `POST https://graph.microsoft.com/beta/${path}\n\n${body}`;
  assert.equal(await app.page.locator("#request-editor").inputValue(), text);
  const expected = cliCheck(text).diagnostics.map((d) => d.code);
  assert.deepEqual(await listedCodes(app.page), expected);
  assert.equal(await app.page.locator("#notice").count(), 0);
  await app.context.close();

  for (const [query, says] of [
    [`/?request=${encodeURIComponent(path)}&method=POST&version=beta&requestBody=%%%not-base64`, /not base64/],
    ["/?request=me%2Fevents&method=GET&version=v1.0&GraphUrl=https://graph.microsoft.com", /covers only/],
    ["/?preset=example-9&outcome=maybe", /example-9[\s\S]*maybe/],
  ]) {
    const broken = await openApp(shared.browser, shared.app.origin, { path: query });
    await waitFor(broken.page, () => document.querySelector("#notice"));
    assert.match(await broken.page.locator("#notice").innerText(), says);
    // A working page with the default example.
    assert.match(await broken.page.locator("#request-editor").inputValue(), /participants\/invite/);
    await broken.page.locator("#run-button").click();
    await waitFor(broken.page, () => document.querySelectorAll(".event-card").length > 0);
    assert.deepEqual(broken.errors, []);
    await broken.context.close();
  }
});
