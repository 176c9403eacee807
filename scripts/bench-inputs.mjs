// Writes the benchmark inputs to target/bench-inputs/: invite bodies of about 1 KB,
// 100 KB, 1 MiB and 4 MiB, each valid (as far as JSON Schema and our rules agree:
// the size comes from long display names) and with many errors (many participants,
// bad phones, unknown properties, long clientContext). And to target/bench-shapes/:
// every shape at 1, 2 and 4 MiB, for the linearity table (benches/browser/run.mjs).
// Deterministic.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const OUT = fileURLToPath(new URL("../target/bench-inputs/", import.meta.url));
const SIZES = { "1k": 1_000, "100k": 100_000, "1m": 1_048_576, "4m": 4_194_304 };

function guid(i) {
  const hex = (i * 2654435761 % 0xffffffff).toString(16).padStart(8, "0");
  return `${hex}-f568-4b3e-b684-${String(i).padStart(12, "0")}`;
}

// Valid: five participants (the limit) whose display names carry the size.
function valid(target) {
  const body = { participants: [], clientContext: "f2fa86af-3c51-4bc2-8fc0-475452d9764f" };
  for (let i = 0; i < 5; i += 1) {
    body.participants.push({
      "@odata.type": "#microsoft.graph.invitationParticipantInfo",
      identity: { "@odata.type": "#microsoft.graph.identitySet", user: { "@odata.type": "#microsoft.graph.identity", id: guid(i), displayName: "" } },
    });
  }
  const base = JSON.stringify(body, null, 2).length;
  const each = Math.max(0, Math.floor((target - base) / 5));
  for (const p of body.participants) p.identity.user.displayName = "N".repeat(each);
  return JSON.stringify(body, null, 2);
}

// Many errors: participants past the limit, each with a bad phone and a typo'd property.
// `replaced(i)` is the value of the typo'd `replaceCallId`.
function invalid(target, replaced = guid) {
  const parts = [];
  let length = 64;
  for (let i = 0; length < target; i += 1) {
    const p = i % 2 === 0
      ? { identity: { phone: { id: `0${i}` } }, replaceCallId: replaced(i) }
      : { identity: { user: { id: `user-${i}` } }, endpointType: "phone" };
    const text = JSON.stringify(p);
    parts.push(text);
    length += text.length + 6;
  }
  return `{\n  "participants": [\n    ${parts.join(",\n    ")}\n  ],\n  "clientContext": ${JSON.stringify("c".repeat(300))}\n}`;
}

mkdirSync(OUT, { recursive: true });
for (const [name, size] of Object.entries(SIZES)) {
  writeFileSync(`${OUT}valid-${name}.json`, valid(size));
  writeFileSync(`${OUT}errors-${name}.json`, invalid(size));
}

// Shapes: the same body pretty and minified, valid and error-heavy, and the shapes that
// were once slow (one key repeated on one long line: 4 min 19 s for 4 MiB before the
// line index had checkpoints; the same one key a line; CRLF line ends; non-ASCII text).
const SHAPES_OUT = fileURLToPath(new URL("../target/bench-shapes/", import.meta.url));
const minify = (text) => JSON.stringify(JSON.parse(text));
function repeatedKeys(target, separator) {
  const head = `{${separator}"participants": [{"identity": {"user": {"id": "${guid(1)}"}}}]`;
  const count = Math.floor((target - head.length) / (`,${separator}"a": 1`.length));
  return `${head}${`,${separator}"a": 1`.repeat(count)}${separator}}`;
}
function nonAscii(target) {
  // Valid, its display names in scripts of two, three and four UTF-8 bytes a character.
  // "Zoë 東京 🎉" is 16 bytes of UTF-8; five names make up the size.
  const body = JSON.parse(valid(1000));
  const repeats = Math.floor((target - 1500) / 5 / 16);
  for (const p of body.participants) p.identity.user.displayName = "Zoë 東京 🎉".repeat(repeats);
  return JSON.stringify(body, null, 2);
}
const SHAPES = {
  "valid-pretty": valid,
  "valid-minified": (size) => minify(valid(size)),
  "errors-pretty": invalid,
  "errors-minified": (size) => minify(invalid(size)),
  "errors-crlf": (size) => invalid(size).replaceAll("\n", "\r\n"),
  "repeated-key-minified": (size) => repeatedKeys(size, ""),
  "repeated-key-a-line": (size) => repeatedKeys(size, "\n"),
  "non-ascii-pretty": nonAscii,
};
mkdirSync(SHAPES_OUT, { recursive: true });
for (const [shape, make] of Object.entries(SHAPES)) {
  for (const [name, size] of Object.entries({ "1m": SIZES["1m"], "2m": 2 * SIZES["1m"], "4m": SIZES["4m"] })) {
    writeFileSync(`${SHAPES_OUT}${shape}-${name}.json`, make(size));
  }
}
// The largest input `check` takes (64 MiB, `--max-bytes`), in the shapes whose trees
// are largest for their text, for the memory figures: `--limit` only, as they take
// 250 MB of disk.
const LIMIT_OUT = fileURLToPath(new URL("../target/bench-limit/", import.meta.url));
if (process.argv.includes("--limit")) {
  const size = 64 * SIZES["1m"] - 4096;
  for (const dir of ["", "run/", "received/"]) mkdirSync(LIMIT_OUT + dir, { recursive: true });
  for (const shape of ["valid-minified", "errors-minified", "repeated-key-minified", "repeated-key-a-line"]) {
    writeFileSync(`${LIMIT_OUT}${shape}-64m.json`, SHAPES[shape](size));
  }
  // The same participants as small as they come: a one-letter `replaceCallId` (1.1 M).
  writeFileSync(`${LIMIT_OUT}small-participants-64m.json`, minify(invalid(size, () => "x")));
  // The smallest values JSON has: a node for every two bytes (33 M of them).
  const zeros = Math.floor((size - 20) / 2);
  writeFileSync(`${LIMIT_OUT}tiny-elements-64m.json`, `{"participants":[${"0,".repeat(zeros)}0]}`);
  // One object of 6.9 M different short keys, so duplicates are looked up, not scanned.
  const keys = [];
  for (let n = 0, length = 2; length < size; n++) {
    const member = `"${n.toString(36)}":0`;
    keys.push(member);
    length += member.length + 1;
  }
  writeFileSync(`${LIMIT_OUT}distinct-keys-64m.json`, `{${keys.join(",")}}`);
  // A valid request whose size is 33 M small numbers in an unknown member: a run and a
  // snippet read it as JSON values (the figure README "Not met" names).
  const unknownHead = `{"participants":[{"identity":{"user":{"id":"${guid(1)}"}}}],"clientContext":"c","x":[`;
  writeFileSync(`${LIMIT_OUT}run/unknown-member-64m.json`, `${unknownHead}${"0,".repeat(Math.floor((size - unknownHead.length - 4) / 2))}0]}`);
  // What a bot receives, as large, for `explain`: the docs' operation notification
  // 150 k times; one notification with 33 M small numbers; one with 5 M distinct keys.
  const fixture = JSON.parse(readFileSync(new URL("../fixtures/example-1/operation.json", import.meta.url), "utf8"));
  const one = JSON.stringify(fixture.value[0]);
  writeFileSync(`${LIMIT_OUT}received/notifications-64m.json`, `{"value":[${Array(Math.floor(size / (one.length + 1))).fill(one).join(",")}]}`);
  const head = `{"value":[{"resourceData":{"status":"running","x":[`;
  writeFileSync(`${LIMIT_OUT}received/tiny-elements-64m.json`, `${head}${"0,".repeat(Math.floor((size - head.length - 8) / 2))}0]}}]}`);
  writeFileSync(`${LIMIT_OUT}received/distinct-keys-64m.json`, `{"value":[{"resourceData":{${keys.join(",")}}}]}`);
}
console.log(`bench inputs written to ${OUT} and ${SHAPES_OUT}${process.argv.includes("--limit") ? ` and ${LIMIT_OUT}` : ""}`);
