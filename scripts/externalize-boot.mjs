// trunk post-build hook: moves trunk's inline boot <script type="module"> into its own
// file so the page runs under a Content-Security-Policy without 'unsafe-inline'.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("externalize-boot: TRUNK_STAGING_DIR is not set (run me as a trunk hook)");
  process.exit(1);
}
const indexPath = join(dir, "index.html");
const html = readFileSync(indexPath, "utf8");
const inline = /<script type="module"(?: nonce="[^"]*")?>([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) {
  console.error("externalize-boot: no inline module script found in index.html");
  process.exit(1);
}
const code = match[1].trim() + "\n";
const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
const name = `boot-${hash}.js`;
writeFileSync(join(dir, name), code);
writeFileSync(indexPath, html.replace(inline, `<script type="module" src="/${name}"></script>`));
console.log(`externalize-boot: wrote ${name}`);

// The Web Worker's files keep fixed names (trunk hashes only the page's): the page asks
// for the loader under its own build (`?v=<hash>`, src/ui/worker.rs), and the loader
// passes that on to the worker's glue and wasm, so a browser's cache never pairs a page
// with another build's worker, whose answers the page could not read.
// A page without the worker (the browser benchmark, benches/browser/) has no loader.
const loaderPath = join(dir, "invite-worker_loader.js");
if (existsSync(loaderPath)) {
  const loader = readFileSync(loaderPath, "utf8");
  const forwarded = loader.replace(/\("(\.\/invite-worker(?:_bg\.wasm|\.js))"\)/g, '("$1"+self.location.search)');
  if (forwarded === loader || !forwarded.includes("_bg.wasm\"+self.location.search")) {
    console.error(`externalize-boot: the worker's loader is not as trunk 0.21 writes it: ${loader}`);
    process.exit(1);
  }
  writeFileSync(loaderPath, forwarded);
} else if (existsSync(join(dir, "invite-worker.js"))) {
  console.error(`externalize-boot: trunk built the worker but wrote no ${loaderPath}`);
  process.exit(1);
}

// Release builds: minify wasm-bindgen's JS glue (about half its bytes are names and
// comments) and the stylesheet (comments and spaces: 4.6 → 3.6 KB gzip), and update the
// integrity hashes trunk put on their links. esbuild, already here for the JS, does both
// (trunk's own minifiers would be a second set of tools with their own bugs).
if (process.env.TRUNK_PROFILE === "release") {
  const { readdirSync } = await import("node:fs");
  const { transformSync } = await import("esbuild");
  let page = readFileSync(indexPath, "utf8");
  // The Web Worker's glue is a classic script whose global `wasm_bindgen` its loader
  // calls: it is left as trunk wrote it.
  const glue = (f) => f.endsWith(".js") && !f.startsWith("boot-") && !f.startsWith("invite-worker");
  for (const file of readdirSync(dir).filter((f) => glue(f) || f.endsWith(".css"))) {
    const path = join(dir, file);
    const source = readFileSync(path, "utf8");
    // The CSS targets keep esbuild from writing syntax older browsers do not read.
    const options = file.endsWith(".css")
      ? { minify: true, loader: "css", target: ["chrome100", "firefox100", "safari15"] }
      : { minify: true, format: "esm", target: "es2022" };
    const minified = transformSync(source, options).code;
    writeFileSync(path, minified);
    page = rehash(page, source, minified);
    console.log(`externalize-boot: minified ${file} ${source.length} -> ${minified.length} bytes`);
  }
  // Then the imports of each wasm module from its glue get short names (short-imports.mjs).
  const { shortenImports } = await import("./short-imports.mjs");
  for (const file of readdirSync(dir).filter((f) => f.endsWith("_bg.wasm"))) {
    const wasmPath = join(dir, file);
    const gluePath = join(dir, file.replace(/_bg\.wasm$/, ".js"));
    const [wasm, glue] = [readFileSync(wasmPath), readFileSync(gluePath, "utf8")];
    const short = shortenImports(wasm, glue);
    writeFileSync(wasmPath, short.wasm);
    writeFileSync(gluePath, short.js);
    page = rehash(rehash(page, wasm, short.wasm), glue, short.js);
    console.log(`externalize-boot: ${short.renamed} imports of ${file} renamed, ${wasm.length + glue.length} -> ${short.wasm.length + short.js.length} bytes`);
  }
  writeFileSync(indexPath, page);
}

/** `page` with the integrity hash trunk wrote for `before` (a file's old content) made
 * that of `after`. */
function rehash(page, before, after) {
  const hash = (bytes) => createHash("sha384").update(bytes).digest("base64");
  return page.replaceAll(`sha384-${hash(before)}`, `sha384-${hash(after)}`);
}

// Release builds: a precompressed .br and .gz beside every text and wasm file, so the
// serve command (sirv, which negotiates Content-Encoding) sends what a CDN would.
if (process.env.TRUNK_PROFILE === "release") {
  const { readdirSync } = await import("node:fs");
  const { brotliCompressSync, gzipSync, constants } = await import("node:zlib");
  for (const file of readdirSync(dir).filter((f) => /\.(html|js|mjs|wasm|css|svg|ts)$/.test(f))) {
    const bytes = readFileSync(join(dir, file));
    writeFileSync(join(dir, `${file}.br`), brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }));
    writeFileSync(join(dir, `${file}.gz`), gzipSync(bytes, { level: 9 }));
  }
  console.log("externalize-boot: wrote .br and .gz beside each file");
}
