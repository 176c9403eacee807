#!/usr/bin/env bash
# Prints what the first load fetches from dist/ (raw and gzip -9) and fails when the
# gzip total is over the budget; the Web Worker's files, fetched on first use, are listed
# apart. Run after `trunk build --release=true`.
set -euo pipefail
cd "$(dirname "$0")/.."
# 250 until the Received panel (#10) came back: its view (marks, gutter, findings with
# help) and the deserializer of the worker's answers cost ~17 KB; moving the snippet
# generators and the explainer to the Web Worker saved ~14 KB. A regression alarm, not
# a goal: #13's target (150 KB brotli for the first screen) is far below.
# 258 → 272 with #12: reading the address (embed options, docs links, Graph Explorer deep
# links with their base64 and headers), the embed bar and its messages, and the embed
# code cost 13 KB gzip (twiggy: the App's start-up +12.8 KB before wasm-opt, link.rs,
# form_urlencoded). They run at start-up, so they cannot wait for the worker.
# 272 → 282 with #11's guided tour, each card's one line of meaning (both languages),
# the diagram's label bands and the Portuguese labels of wire names: +8 KB gzip.
# 282 → 288 with #13's large checks in the Web Worker: the page reads the worker's
# verdict (its deserializer, the verdict made from a small check, reading pasted text fast): +4 KB gzip, the
# price of no frozen page on a 4 MiB paste.
# 288 → 290 with #13's runs of large requests without a second check on the page: the
# worker's refusal crossing to the page (its deserializer), the head-only read and the
# queued run cost +0.8 KB gzip; a 4 MiB error-heavy run no longer blocks the page.
# 290 → 280 with #13's runs in the Web Worker: the simulator left the page (−12 KB
# gzip, −10 KB brotli); the page reads timelines instead.
# 280 → 283 with #13's text of every shape: the Received panel takes large pastes,
# previews what it cannot lay out and counts items past the first 50, as the request
# editor does (a 4 MiB notification froze the page 2.9 s); pastes of many lines skip
# Chromium's own paste; long lists draw in chunks; marks and coloured tokens are capped
# (400,000 lines froze it 7.5 s): +1.9 KB gzip in all. 283, not more: a build varies by
# tens of bytes, and the alarm should ring at the next kilobyte.
# 283 → 284 with #13's shapes between: code of over a thousand lines previewed (7,000
# lines laid out took 55 ms), form cards and findings drawn a few per task, colour
# kept to a line's first 1,000 bytes, the draft and the snippet request in tasks of
# their own, and input events on a read-only preview ignored (a 2,404-line `fill`
# became its preview): +1.4 KB gzip.
# 284 → 282 with #13's allocator: every wasm binary allocates with talc instead of std's
# dlmalloc (src/lib.rs), −2.9 KB gzip on the first load (and −2.5 KB on the worker), at
# the same speed (benches/browser/run.mjs). A fresh-clone build of the round before
# measured 284,099 B, 99 B over its alarm: measure on a fresh clone before lowering it.
# 282 → 283 with #13's work after a paint: a paste over 16 KiB is checked in a task of
# its own after the pasted text is painted, and long lists draw a chunk a frame (a 36 KB
# one-line paste was one 50–57 ms task): +1.1 KB gzip (gloo's animation frame, the
# bulk action).
# 283 → 282 with the stylesheet minified by the release hook (−0.9 KB gzip). The
# round's net, with a pasted text crossing to the worker as its JavaScript string:
# 284,099 → 281,637 B.
# 282 → 283 with #13's faster small checks: eight-bytes-at-a-time scanning shared by the
# line index, the JSON scanner and the line count (source::swar), and the body made into
# JSON on first use instead of by every check (presets ours/ajv 3.3–4.4 → 2.5–3.2):
# +0.4 KB gzip (281,637 → 282,058 B).
# 283 → 284 with #13's flat tree (validate::json_tree: 12-byte slots and views made as
# they are read, instead of jsonc-parser's AST; memory at the 64 MiB limit 9–25× the
# text → 2–7×): +2.1 KB gzip (281,556 → 283,658 B), +1.3 KB brotli.
# 284 → 280 with #13's short import names (scripts/short-imports.mjs): the page's 178
# imports lose wasm-bindgen's hex-digit names in the wasm and the glue, −4.7 KB gzip
# (283,940 → 279,251 B; −4.5 KB brotli).
# 280 → 279 with #13's page that links only the docs' requests (Preset::fixture): the
# three other documented messages per example were 18.5 KB raw, 1.4 KB gzip
# (279,752 → 278,364 B).
# 279 → 280 with #13's names kept as their places in the tree (json_tree::Names, a
# hashbrown HashTable of 4-byte places instead of a HashSet of &str): the check of an
# object of 6.9 million distinct names 6.5 → 4.0 times its 64 MiB text, its code 11.4 →
# 6.7 times; +0.8 KB gzip (278,752 → 279,558 B).
# 280 → 281 with the code panel that asks for its code only once near the viewport
# (ui::hooks::use_seen, an IntersectionObserver) and says it is writing it meanwhile:
# +1.2 KB gzip (279,682 → 280,864 B), and a phone's first screen no longer fetches the
# Web Worker (365.0 → 229.2 KB brotli; measure.mjs prints both viewports). 282, not
# 281: a fresh clone's build measured 280,929 B, 71 B under 281, and builds vary by
# tens of bytes.
# 282 → 283 with #13's hidden bidirectional controls (`bidi-control`: found by the
# strict-JSON pass in strings and by a scan of the head, named in both languages):
# +1.3 KB gzip (280,995 B on a fresh clone of the round before → 282,294 B).
# 283 → 286 with #13's pages that stay where the reader is: the panels rendered in
# reading order in one column (the media query watched; CSS order misled scroll
# anchoring), a toast for what an action says, the tour and "Explain this" brought into
# view with focus, a first visit in the system's colours and language: +3.1 KB gzip
# (282,294 → 285,394 B; +6.9 KB raw, 2.9 KB of it views, 1 KB new effects).
# 286 → 287 with #13's form that focuses a participant just added (its card was pushed
# out of a phone's view) and panels focused without the browser's own scroll: +0.7 KB
# gzip (285,394 → 286,072 B).
# 287 → 289 with #13's nothing lost and fewer surprises: Undo when an example (chosen,
# the tour's, a mode switch's) or Clear replaced the user's own request, which was gone
# for good; another example shown from its start; the system's colours followed as
# they change; Escape and focus back for the tour; a seed's own check (1e3, past 2^64):
# +1.6 KB gzip (286,353 B on a fresh clone of the round before → 287,976 B; +5.5 KB raw,
# spread over views, effects and the reducer).
# 289 → 290 with Undo for what was put in the Received panel, Ctrl+Enter to run, and
# carets, scroll and focus kept when the layout changes columns: +1.8 KB gzip (287,976 →
# 289,798 B on a fresh clone; +3.7 KB raw of code, spread, the largest 1 KB).
# 290 → 291 with a page that never stays blank: the banner when the app's files do not
# load (static/start-guard.js, 0.6 KB gzip, a classic script run before the app's
# module), and a browser that keeps nothing running the page and saying so (+0.3 KB).
# 291 → 292 with "Copied" said only once the clipboard has answered (its promise read
# with one function for both outcomes: wasm-bindgen-futures' JsFuture cost 0.4 KB more)
# and the header's path breaking at 320 px: +0.5 KB gzip (291,286 B).
# 292 → 294 with what the bot received carried by links (`received=`: a docs page about
# notifications embeds the explainer with its own sample; "Copy embed code", "Open full
# playground" and the share link's fragment take the panel's payload along): +1.7 KB
# gzip (291,366 → 293,036 B: the query parameter 0.7 KB, the shared draft's member and
# its reading 0.9 KB); before it, in the same round, an HTTP head coloured as a head and
# the diagram's head boxes, +0.3 KB (291,072 B on a fresh clone of b7cddfb).
# 294 → 295 with what the bot received checked and said better: roster enums, list
# elements that are not objects, type errors and enum helps naming each type's own docs
# page, a head without a body, the simulator's 603 explained, and embeds without the
# tour or an "Explain this" for a hidden panel: +1.2 KB gzip (293,036 → 294,272 B), most
# of it help text in both languages, which lives with every rule's message in the page.
# 295 → 296 with location-missing (its message and help in both languages) and what
# the Received panel holds kept across a reload under its own key: +0.8 KB gzip
# (294,272 → 295,031 B).
# 296 → 297 with what the bot received judged where it was not: a status that does not
# go with its body (http-status-unexpected), a finished operation notified as anything
# but `deleted` (change-type-unexpected), the JSON rules' help speaking of what Graph
# sent, bare carriage returns in an answer, an empty value quoted as `""`: +1.3 KB gzip
# (295,018 B on a fresh clone of the round before → 296,274 B), nearly all of it the new
# messages and helps in both languages, which live with every rule's text in the page.
# The round closed at 296,820 B with the call-state step's words, culprits shown as code
# in the lists and an empty notification batch's warning (notifications-empty).
# 297 → 300 with JSON syntax errors said in Portuguese too (every kind the parser
# reports, the lexical pass, number grammar and encodings: a Portuguese message ended
# in English) and bare words named (Python's True/None, JavaScript's undefined, NaN, an
# unquoted name), bodies and payloads encoded twice named as such, and culprits holding
# backticks read back as CommonMark reads code spans: +2.4 KB gzip (296,820 → 299,235
# B), nearly all of it the new words in both languages.
# 300 → 301 with numbers with a leading zero and a pasted cURL command named (+0.7 KB,
# → 299,982 B), and such a command read by the Web Worker as the HTTP request it sends,
# put in its place with Undo: +0.6 KB gzip (→ 300,562 B) for the question, the answer
# and the notice; the reader itself (engine::curl) measured +2.7 KB on the page.
# 301 → 302 with the characters JSON's scanner cannot read named for what they are (a
# typographic or full-width quote, `=` or `;`, an ellipsis, an invisible or control
# character, else what JSON expects there) in both languages: +1.9 KB gzip (→ 302,375
# B); binaryen's `--flatten --rereloop -Oz` after the first `-Oz` (index.html) took
# 1.3 KB back (→ 301,057 B; brotli 245.6 KB, as before the round), checking as fast.
# The round closed at 301,711 B with the Received panel's words for a subscription's
# change notification and an undeclared member Graph sent.
# 302 → 286 with the page and its Web Worker talking in postcard bytes instead of JSON
# text (app::worker::encode): the page no longer reads every answer type both as a map
# and as a list with names matched as text, −59 KB raw of code; a response head
# without its body explained (+30 B): 301,741 → 285,160 B (brotli 246.2 → 234.9 KB).
# 286 → 287 with the worker's files fetched under the page's build, cURL's `@file`
# named (→ 285,763 B) and a gateway's HTML or plain-text page under a 4xx/5xx named as
# one (received-body-not-json, its words in both languages): +0.3 KB gzip (→ 286,068 B);
# that page labelled as a gateway's, not Graph's: +0.1 KB (→ 286,184 B).
# 287 → 288 with no token kept in any shape: the stored draft and the share link are
# scrubbed by a scanner of the text instead of a parsed head (an Authorization value
# however written, a Bearer token, access_token and its kin, a bare JSON Web Token, a
# cURL command's --oauth2-bearer and -u), and the lines messages quote are masked the
# same way; a header without its colon told so: +0.9 KB gzip (→ 287,101 B, with the
# scanner in one copy for both uses: −0.6 KB). Copy notices in the page's language, and
# a share link that left a token out saying so: +0.4 KB (→ 287,475 B).
BUDGET_KB=${BUDGET_KB:-288}
total_raw=0; total_gz=0
printf '%-48s %10s %10s\n' file raw gzip
for file in dist/index.html dist/*.js dist/*.wasm dist/*.css dist/*.svg; do
  [[ -f "$file" ]] || continue
  # The Web Worker (simulator, snippet generators, explainer) is fetched after the first render.
  [[ "$file" == dist/invite-worker* ]] && continue
  # The ES module API is for other pages; this one never loads it.
  [[ "$file" == dist/invite-api* || "$file" == dist/invite-playground.js ]] && continue
  raw=$(wc -c < "$file"); gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d\n' "${file#dist/}" "$raw" "$gz"
done
printf '%-48s %10d %10d\n' "first load total" "$total_raw" "$total_gz"
for file in dist/invite-worker*; do
  # Only what is fetched: the precompressed copies are listed by their originals.
  [[ -f "$file" && "$file" != *.br && "$file" != *.gz ]] || continue
  printf '%-48s %10d %10d  (worker, after the first render)\n' "${file#dist/}" "$(wc -c < "$file")" "$(gzip -9 -c "$file" | wc -c)"
done
# The ES module API (what a docs page importing it fetches), with brotli as CDNs serve it.
node -e '
  const fs = require("fs"), zlib = require("zlib");
  let raw = 0, gz = 0, br = 0;
  for (const f of ["invite-playground.js", "invite-api.js", "invite-api_bg.wasm"]) {
    const b = fs.readFileSync("dist/" + f);
    raw += b.length; gz += zlib.gzipSync(b, { level: 9 }).length;
    br += zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  console.log(`\nES module API (invite-playground.js + invite-api.*): raw ${raw}, gzip ${gz}, brotli ${br}`);
' 2>/dev/null || true
limit=$((BUDGET_KB * 1000))
if (( total_gz > limit )); then
  echo "over budget: ${total_gz} B gzip > ${BUDGET_KB} KB" >&2
  exit 1
fi
echo "within budget: $((total_gz / 1000)) KB gzip <= ${BUDGET_KB} KB"
