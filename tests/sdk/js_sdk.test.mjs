// Our JavaScript and TypeScript snippets against the real `@microsoft/microsoft-graph-client`
// (npm, pinned in package.json): each snippet is EXECUTED with the client and a capturing
// `fetch`, and must send exactly our request (POST, the invite path, the checked body).
// TypeScript snippets are first type-checked by the TypeScript compiler (strict), then
// transpiled and executed the same way. Needs the debug CLI (cargo test builds it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = process.env.INVITE_PLAYGROUND ?? `${ROOT}target/debug/invite-playground`;
const WORK = `${ROOT}target/sdk/js/`;
mkdirSync(WORK, { recursive: true });

const cli = (args, input) => execFileSync(CLI, args, { input, encoding: "utf8" });

const HOSTILE = "quote \" back \\ dollar $x ${y} `tick` new\nline tab\t é 漢 😀 \u2028 ' ’ </script> bell \u0007 \u202erlo\u2066isolate";
const USER = "278405a3-f568-4b3e-b684-009193463064";
const CASES = [
  ...[1, 2, 3, 4, 5].map((n) => ({ name: `example-${n}`, args: ["--preset", `example-${n}`], api: "beta" })),
  {
    name: "hostile strings, every typed field",
    api: "beta",
    body: {
      participants: [{
        "@odata.type": "#microsoft.graph.invitationParticipantInfo",
        identity: { "@odata.type": "#microsoft.graph.communicationsIdentitySet", phone: { id: "+12345678901", displayName: HOSTILE }, user: null },
        replacesCallId: null, participantId: "p-1", hidden: true, removeFromDefaultAudioRoutingGroup: false, endpointType: "default",
      }],
      clientContext: HOSTILE,
    },
  },
  {
    name: "v1.0, guest and extra data",
    api: "v1.0",
    body: { participants: [{ identity: { guest: { id: USER, tenantId: "t", nested: { a: [1, 2.5, null, { b: "c" }] } } } }], clientContext: "c" },
  },
];

function caseArgs(c) {
  if (c.args) return { args: c.args, input: undefined };
  return { args: ["-"], input: JSON.stringify(c.body) };
}

let counter = 0;
async function execute(js, api) {
  counter += 1;
  const file = `${WORK}snippet-${process.pid}-${counter}.mjs`;
  const prelude = [
    'import { Client } from "@microsoft/microsoft-graph-client";',
    'const authProvider = (done) => done(null, "eyJ0eXAiOiJKV1QiLCJhbGciOi");',
    "",
  ].join("\n");
  // The TypeScript snippet brings its own import; the JavaScript one relies on it.
  const code = js.includes('from "@microsoft/microsoft-graph-client"')
    ? js.replace(/^(import .*\n)/m, "$1const authProvider = (done) => done(null, \"eyJ0eXAiOiJKV1QiLCJhbGciOi\");\n")
    : prelude + js;
  writeFileSync(file, code);
  const captured = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init = {}) => {
    const url = typeof input === "string" ? input : input.url;
    captured.push({ url, method: init.method ?? input.method, body: init.body ?? (await input.text?.()) });
    return new Response(JSON.stringify({ "@odata.type": "#microsoft.graph.inviteParticipantsOperation", id: "op", status: "running" }), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  };
  try {
    await import(pathToFileURL(file).href);
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.equal(captured.length, 1, "the snippet sends one request");
  return captured[0];
}

function expectations(c) {
  const { args, input } = caseArgs(c);
  const body = JSON.parse(cli(["snippet", ...args, "--lang", "json", "--api", c.api], input));
  const http = cli(["snippet", ...args, "--lang", "http", "--api", c.api], input);
  const callId = http.split("/communications/calls/")[1].split("/participants/invite")[0];
  return { body, path: `/${c.api}/communications/calls/${callId}/participants/invite` };
}

function assertSame(sent, expected) {
  assert.equal(sent.method, "POST");
  assert.equal(new URL(sent.url).pathname.replace(/\/{2,}/g, "/"), new URL(`https://x${expected.path}`).pathname);
  assert.deepEqual(JSON.parse(sent.body), expected.body);
}

function typeCheck(source) {
  const file = `${WORK}check-${process.pid}-${++counter}.mts`;
  writeFileSync(file, 'declare const authProvider: import("@microsoft/microsoft-graph-client").AuthProvider;\n' + source);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
    skipLibCheck: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

for (const c of CASES) {
  test(`javascript snippet sends our request: ${c.name} (${c.api})`, async () => {
    const { args, input } = caseArgs(c);
    const js = cli(["snippet", ...args, "--lang", "javascript", "--api", c.api], input);
    assertSame(await execute(js, c.api), expectations(c));
  });

  test(`typescript snippet type-checks and sends our request: ${c.name} (${c.api})`, async () => {
    const { args, input } = caseArgs(c);
    const source = cli(["snippet", ...args, "--lang", "typescript", "--api", c.api], input);
    assert.deepEqual(typeCheck(source), [], "tsc --strict finds no error");
    const js = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    }).outputText;
    assertSame(await execute(js, c.api), expectations(c));
  });
}
