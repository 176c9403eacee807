// trunk post-build hook: moves trunk's inline boot <script type="module"> into its own
// file so the page runs under a Content-Security-Policy without 'unsafe-inline'.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
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
