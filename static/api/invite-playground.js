// Invite Playground's engine as an ES module: check, simulate, explain and snippet a
// Microsoft Graph `participants/invite` request from JavaScript, in the page, offline.
// Plain objects in and out; the results have the shapes of the CLI's --format json. A
// request may be a cURL command, read as the message it sends (fromCurl returns it).
//
//   import { check } from "https://HOST/PATH/invite-playground.js";
//   check(bodyText).diagnostics.forEach((d) => console.log(d.line, d.column, d.message));
//
// Served from another origin, the host must send CORS headers (GitHub Pages does).
import init, * as engine from "./invite-api.js";

await init({ module_or_path: new URL("./invite-api_bg.wasm", import.meta.url) });

export const { check, simulate, explain, snippet, fromCurl, presets, version } = engine;
