// The chain end to end: the built page loads, a pasted request is checked by the core
// in wasm, and its diagnostics appear with their positions.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import {foreignRequests, listedCodes, openApp, pasteRequest, useBrowser, waitFor} from "./harness.mjs";

const shared = useBrowser(before, after);

test("a pasted request with a bad phone number is marked at its line", async () => {
  const { page, requests, errors } = await openApp(shared.browser, shared.origin);
  await pasteRequest(page, `{
  "participants": [
    { "identity": { "phone": { "id": "12345" } } }
  ],
  "clientContext": "9e0b5c1e-5a8e-4b8e-9a55-0c2d5b7b8a1f"
}`);
  await waitFor(page, () => document.querySelector('[data-code="phone-not-e164"]') !== null);
  const item = page.locator('#diagnostic-list .diagnostic-button[data-code="phone-not-e164"]');
  assert.equal(await item.getAttribute("data-line"), "3");
  assert.match(await item.innerText(), /3:38/);
  assert.match(await item.innerText(), /the phone number 12345 is not in E\.164 format/);
  // The engine's `backticked` culprit is shown as code, not as backticks.
  assert.equal(await item.locator(".message code.inline").innerText(), "12345");
  assert.match(await page.locator("#diagnostics-summary").innerText(), /Graph would reject this request/);
  assert.deepEqual(await listedCodes(page), ["phone-not-e164"]);
  // A culprit with a backtick of its own is one code span holding exactly it.
  await pasteRequest(page, '{"participants":[{"identity":{"phone":{"id":"+12345678901"}}}],"clientContext":"c","a`b":1}');
  const unknown = page.locator('#diagnostic-list .diagnostic-button[data-code="unknown-property"]');
  await unknown.waitFor();
  assert.deepEqual(await unknown.locator(".message code.inline").allInnerTexts(), ["a`b"]);
  assert.deepEqual(foreignRequests(requests, shared.origin), []);
  assert.deepEqual(errors, []);
  await page.context().close();
});
