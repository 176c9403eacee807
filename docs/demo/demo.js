// The demo docs page's only script: points the frames at the playground, resizes them
// from their messages, and checks the textarea's body with the playground's ES module.
// Where the playground lives: ?app=URL (the browser tests serve it from another origin),
// else the dev server of scripts/serve.sh.
const app = new URL(new URLSearchParams(location.search).get("app") ?? "http://127.0.0.1:8080/");
const frames = [...document.querySelectorAll("iframe[data-query]")];
for (const frame of frames) frame.src = new URL("?" + frame.dataset.query, app).href;

// What arrived, for people (the list) and for the tests (window.demoEvents).
window.demoEvents = [];
const log = document.getElementById("events");

window.addEventListener("message", (event) => {
  // Only the playground's frames speak, and only in its vocabulary.
  if (event.origin !== app.origin) return;
  const data = event.data;
  if (!data || typeof data.type !== "string" || !data.type.startsWith("invite-playground:")) return;
  const frame = frames.find((f) => f.contentWindow === event.source);
  if (!frame) return;
  const type = data.type.slice("invite-playground:".length);
  window.demoEvents.push({ frame: frame.id, type, height: data.height, outcome: data.outcome });
  if (type === "resize" && Number.isFinite(data.height)) {
    frame.style.height = `${Math.min(Math.max(Math.ceil(data.height), 120), 6000)}px`;
    return;
  }
  const item = document.createElement("li");
  item.textContent = `${frame.id}: ${type}${data.outcome ? ` (${data.outcome})` : ""}`;
  log.append(item);
});

// The ES module: one import, then plain function calls.
const { check, fromCurl, version } = await import(new URL("invite-playground.js", app).href);
const body = document.getElementById("body");
const verdict = document.getElementById("verdict");
const findings = document.getElementById("findings");
const sent = document.getElementById("sent");
function render() {
  const result = check(body.value);
  // A cURL command is checked as the request it sends; lines and columns count in that.
  const message = fromCurl(body.value);
  sent.hidden = message === null;
  sent.querySelector("pre").textContent = message ?? "";
  verdict.textContent = result.valid
    ? `Valid (${result.warnings} warnings) — checked by Invite Playground ${version()}`
    : `${result.errors} errors, ${result.warnings} warnings`;
  findings.replaceChildren(
    ...result.diagnostics.map((d) => {
      const item = document.createElement("li");
      item.className = d.severity;
      item.dataset.code = d.code;
      item.textContent = `${d.line}:${d.column} ${d.severity} [${d.code}] ${d.message}`;
      return item;
    }),
  );
  window.demoChecked = result;
}
body.addEventListener("input", render);
render();
document.documentElement.dataset.ready = "1";
