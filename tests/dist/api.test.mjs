// The ES module API as built into dist/ (invite-api.js and its wasm), driven from Node as
// a docs site's script or a test suite would: wrong arguments and typos in options are
// refused with a message that names them, never read as defaults or thrown as the glue's
// `Cannot read properties of undefined`. Run after `trunk build --release=true`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";

const dist = new URL("../../dist/", import.meta.url);
const api = await import(new URL("invite-api.js", dist));
api.initSync({ module: readFileSync(new URL("invite-api_bg.wasm", dist)) });
const request = api.presets().presets[0].request;

const refused = (run, message) => assert.throws(run, (error) => error.message.startsWith("invite-playground: ") && message.test(error.message));

test("a text that is not a string is named for what it is", () => {
  refused(() => api.check(), /check\(text\): the text must be a string, not undefined/);
  refused(() => api.check(null), /not null/);
  refused(() => api.simulate(42), /simulate\(text\): the text must be a string, not a number/);
  refused(() => api.explain({}), /explain\(text\): .* not an object/);
  refused(() => api.snippet(["{}"]), /snippet\(text\): .* not an array/);
  // Near miss: an empty string is a text (and an empty body, with its errors).
  assert.equal(api.check("").valid, false);
});

test("options are an object whose every name is known, in `call` too", () => {
  refused(() => api.snippet(request, "python"), /options must be an object, not a string/);
  refused(() => api.presets(5), /options must be an object, not a number/);
  refused(() => api.simulate(request, { outcom: "declined" }), /unknown field `outcom`, expected one of `api`, `lang`, `outcome`/);
  refused(() => api.check(request, { version: "v1.0" }), /unknown field `version`/);
  refused(() => api.check(request, { call: { calId: "x" } }), /call: unknown member `calId`; the members are callId, kind,/);
  refused(() => api.check(request, { call: { replacedCall: { id: "x", sate: "established" } } }), /unknown member `replacedCall.sate`/);
  refused(() => api.check(request, { call: { kind: "x" } }), /call: unknown variant `x`/);
  refused(() => api.simulate(request, { seed: -1 }), /seed|u64/);
  refused(() => api.simulate(request, { seed: 1.5 }), /u64/);
  // Near misses: what the types allow works.
  assert.equal(api.check(request, undefined).valid, true);
  assert.equal(api.check(request, null).valid, true);
  assert.equal(api.check(request, { lang: undefined }).valid, true);
  assert.equal(api.check(request, { call: null }).valid, true);
  assert.equal(api.simulate(request, { seed: 18446744073709551615n, outcome: "declined" }).outcome, "declined");
  const ended = api.check(request, { call: { state: "terminated", replacedCall: { id: "p2p", state: "established" } } });
  assert.deepEqual(ended.diagnostics.map((d) => d.code), ["call-not-established"]);
});

test("an options object that holds itself, nests without end, or holds NaN is refused, and the module keeps working", () => {
  const cyclic = {};
  cyclic.call = cyclic;
  refused(() => api.check(request, cyclic), /options: `call\.call\.call.*` nests deeper than any option \(8 levels\), or holds itself/);
  let deep = {};
  const root = deep;
  for (let i = 0; i < 100_000; i++) deep = deep.replacedCall = {};
  refused(() => api.check(request, { call: root }), /`call\.replacedCall\.replacedCall/);
  // JSON has no NaN or Infinity: read through it, they were `null`, so the default seed.
  refused(() => api.simulate(request, { seed: NaN }), /options: `seed` is NaN, which no option takes/);
  refused(() => api.simulate(request, { seed: -Infinity }), /`seed` is -Infinity/);
  refused(() => api.check(request, { call: { callId: Infinity } }), /`call\.callId` is Infinity/);
  // serde reads a struct from a list, field by field: never a call here.
  refused(() => api.check(request, { call: [] }), /call: a call context is an object of named members, not a list/);
  refused(() => api.check(request, { call: ["c"] }), /not a list/);
  refused(() => api.check(request, { call: { replacedCall: [] } }), /`replacedCall` is an object of named members, not a list/);
  // Near misses: what nests as the options do, with finite numbers, works, and a module
  // refused all of the above still answers (the cycle used to crash its wasm for good).
  assert.equal(api.simulate(request, { seed: 0, call: { roles: ["Calls.InitiateGroupCall.All"], replacedCall: null } }).outcome, "success");
  assert.equal(api.check(request).valid, true);
});

test("a cURL command is checked, run and written as the request it sends, which fromCurl returns", () => {
  const command = [
    "# Graph would accept this request",
    "curl -X POST 'https://graph.microsoft.com/v1.0/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/participants/invite' \\",
    "  -H 'Authorization: Bearer eyJ0eXAiOiJKV1Qi' \\",
    `  --json '{"participants": [{"identity": {"user": {"id": "278405a3-f568-4b3e-b684-009193463064"}}}], "clientContext": "c"}'`,
  ].join("\n");
  const message = api.fromCurl(command);
  assert.equal(message, [
    "POST https://graph.microsoft.com/v1.0/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/participants/invite",
    "Authorization: Bearer eyJ0eXAiOiJKV1Qi",
    "Content-Type: application/json",
    "",
    '{"participants": [{"identity": {"user": {"id": "278405a3-f568-4b3e-b684-009193463064"}}}], "clientContext": "c"}',
  ].join("\n"));
  for (const options of [{}, { api: "v1.0" }, { lang: "pt-BR" }]) {
    assert.deepEqual(api.check(command, options), api.check(message, options));
  }
  assert.equal(api.check(command, { api: "v1.0" }).valid, true);
  assert.deepEqual(api.simulate(command, { seed: 3 }), api.simulate(message, { seed: 3 }));
  assert.equal(api.snippet(command, { lang: "python" }), api.snippet(message, { lang: "python" }));
  const notification = JSON.stringify({ value: [{ changeType: "deleted", resource: "/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/operations/1" }] });
  assert.deepEqual(api.explain(notification, { request: command }), api.explain(notification, { request: message }));
  // Positions count in the message: the error in the body is on its line 5.
  const broken = command.replace('"clientContext": "c"', '"clientContext": 5');
  assert.deepEqual(api.check(broken, { api: "v1.0" }).diagnostics.map((d) => [d.code, d.line, d.column]), [["type-mismatch", 5, 109]]);

  // The playground's own "Copy as cURL" reads back as its request.
  assert.equal(api.check(api.snippet(request, { lang: "curl" })).valid, true);
  // A data file stays as written (a page has no files), and the check says what `@` means.
  const file = api.fromCurl("curl https://graph.microsoft.com/beta/communications/calls/x/participants/invite -d @body.json");
  assert.match(file, /\n\n@body\.json$/);
  assert.match(api.check(file).diagnostics.find((d) => d.code === "json-syntax").message, /`@body\.json` is how cURL sends a file's contents .* put the contents of `body\.json` here/);

  // Near misses: not a command, a quote left open, no URL, not a string.
  for (const text of ['{"participants": []}', "curl 'https://x/y", "curl -X POST", "curly https://x", ""]) {
    assert.equal(api.fromCurl(text), null, text);
  }
  assert.deepEqual(api.check("curl 'https://x/y").diagnostics[0].code, "json-syntax");
  refused(() => api.fromCurl(), /fromCurl\(text\): the text must be a string, not undefined/);
});
