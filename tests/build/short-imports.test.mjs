// The release hook's import renaming (scripts/short-imports.mjs) on a module V8 then
// compiles and links: names change in the module and its glue alike, other modules'
// imports and every other byte stay, and a glue it cannot match fails the build.
import assert from "node:assert/strict";
import test from "node:test";
import { shortenImports } from "../../scripts/short-imports.mjs";

const name = (text) => [text.length, ...Buffer.from(text)];
// A module importing two functions and a memory from its glue, one function from a
// snippet, and exporting a function that calls the second glue import.
const module = (imports) =>
  Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    // type 0: () -> ()
    0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
    // imports
    0x02, ...section(imports),
    // function 3 (after three imported ones) of type 0, exported as `run`
    0x03, 0x02, 0x01, 0x00,
    0x07, 0x07, 0x01, ...name("run"), 0x00, 0x03,
    0x0a, 0x06, 0x01, 0x04, 0x00, 0x10, 0x01, 0x0b,
  ]);
const section = (imports) => {
  const body = [imports.length, ...imports.flatMap(([m, f, desc]) => [...name(m), ...name(f), ...desc])];
  return [...leb(body.length), ...body];
};
const leb = (n) => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, ...leb(n >> 7)]);
const glueImports = [
  ["./x_bg.js", "__wbg_log_0123456789abcdef", [0x00, 0x00]],
  ["./x_bg.js", "__wbg_call_fedcba9876543210", [0x00, 0x00]],
  ["./snippets/x/inline0.js", "helper", [0x00, 0x00]],
  ["./x_bg.js", "memory", [0x02, 0x00, 0x01]],
];
const glue = `function imports(){return{"./x_bg.js":{__wbg_log_0123456789abcdef:function(){},__wbg_call_fedcba9876543210:function(){globalThis.called=true},memory:null},"./snippets/x/inline0.js":{helper(){}}}}`;

test("imports from the glue get short names in the module and the glue alike", async () => {
  const short = shortenImports(module(glueImports), glue);
  assert.equal(short.renamed, 3);
  const compiled = new WebAssembly.Module(short.wasm);
  assert.deepEqual(
    WebAssembly.Module.imports(compiled).map(({ module, name }) => `${module}.${name}`),
    ["w.a", "w.b", "./snippets/x/inline0.js.helper", "w.c"],
  );
  assert.equal(
    short.js,
    `function imports(){return{"w":{a:function(){},b:function(){globalThis.called=true},c:null},"./snippets/x/inline0.js":{helper(){}}}}`,
  );
  // The renamed glue links the renamed module, and calls reach the right import.
  const imports = new Function(`${short.js}; return imports();`)();
  imports.w.c = new WebAssembly.Memory({ initial: 1 });
  new WebAssembly.Instance(compiled, imports).exports.run();
  assert.equal(globalThis.called, true);
});

test("a glue that does not name each import exactly once fails the build", () => {
  assert.throws(() => shortenImports(module(glueImports), glue.replace("__wbg_log_0123456789abcdef", "x")), /exactly once/);
  const twice = glue.replace("memory:null", "memory:null,__wbg_log_0123456789abcdef:0");
  assert.throws(() => shortenImports(module(glueImports), twice), /exactly once/);
  assert.throws(() => shortenImports(Buffer.from("not wasm at all"), glue), /not a wasm module/);
});
