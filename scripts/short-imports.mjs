// Renames what a wasm-bindgen module imports from its JS glue to one- and two-letter
// names, in the module's import section and in the glue alike. wasm-bindgen names each
// import `__wbg_<name>_<16 hex digits>` and its module `./<crate>_bg.js`: the hex
// digits do not compress, and they are in both files (−4.5 KB brotli on the page's
// first load, measured). Nothing else in either file changes. Used by the release hook
// (externalize-boot.mjs); throws, failing the build, on anything it does not expect.

/** `{ wasm, js }` with the imports of `wasm` (a Buffer) from `glue` renamed. */
export function shortenImports(wasm, glue) {
  const reader = new Reader(wasm);
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  const parts = [wasm.subarray(0, 8)];
  let js = glue;
  let renamed = 0;
  const modules = new Set();
  while (!reader.done()) {
    const start = reader.at;
    const id = reader.byte();
    const end = reader.u32() + reader.at;
    if (id !== 2) {
      parts.push(wasm.subarray(start, end));
      reader.at = end;
      continue;
    }
    const count = reader.u32();
    const entries = [leb(count)];
    for (let i = 0; i < count; i++) {
      let module = reader.name();
      let field = reader.name();
      const described = reader.at;
      reader.importDescription();
      if (module.endsWith("_bg.js")) {
        modules.add(module);
        const short = shortName(renamed++);
        js = replaceOnce(js, field, short);
        [module, field] = ["w", short];
      }
      entries.push(name(module), name(field), wasm.subarray(described, reader.at));
    }
    if (reader.at !== end) throw new Error("the import section did not end where its size says");
    const content = Buffer.concat(entries);
    parts.push(Buffer.from([2]), leb(content.length), content);
  }
  // The glue's import object has one key per module: `"./invite-playground_bg.js":{…}`
  // when minified, `imports['./invite-worker_bg.js'] = {}` as wasm-bindgen writes it.
  for (const module of modules) {
    const quoted = [`"${module}"`, `'${module}'`].filter((q) => js.includes(q));
    if (quoted.length !== 1) throw new Error(`the glue names ${module} ${quoted.length} ways`);
    js = replaceOnce(js, quoted[0], `"w"`);
  }
  return { wasm: Buffer.concat(parts), js, renamed };
}

function replaceOnce(text, from, to) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`\`${from}\` is not in the glue exactly once`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** `a`…`Z`, then `aa`…: valid JavaScript property names, never reserved words that
 * matter (an object literal's keys may be any name). */
function shortName(index) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let out = "";
  do {
    out += letters[index % letters.length];
    index = Math.floor(index / letters.length);
  } while (index > 0);
  return out;
}

function leb(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    bytes.push(byte);
  } while (value);
  return Buffer.from(bytes);
}

function name(text) {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([leb(bytes.length), bytes]);
}

class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.at = 8;
  }
  done() {
    return this.at >= this.bytes.length;
  }
  byte() {
    if (this.done()) throw new Error("the module ends early");
    return this.bytes[this.at++];
  }
  u32() {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.byte();
      value += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return value;
    }
  }
  name() {
    const length = this.u32();
    const text = this.bytes.toString("utf8", this.at, this.at + length);
    this.at += length;
    return text;
  }
  limits() {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
  }
  /** Steps over an import's description: a function's type, a table, a memory, a
   * global or a tag. */
  importDescription() {
    const kind = this.byte();
    if (kind === 0) this.u32();
    else if (kind === 1) {
      this.byte();
      this.limits();
    } else if (kind === 2) this.limits();
    else if (kind === 3) {
      this.byte();
      this.byte();
    } else if (kind === 4) {
      this.byte();
      this.u32();
    } else throw new Error(`an import of unknown kind ${kind}`);
  }
}
