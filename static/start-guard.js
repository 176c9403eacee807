// Shows the page's banner when the playground cannot start at all: its glue or wasm did
// not load (a dropped connection, a proxy, a blocked file), it failed to compile, or the
// browser has no WebAssembly. Without this the page stays blank; once the app is drawn,
// its own panic hook (src/ui/panic_banner.rs) speaks for it. A classic script, run
// before the module that starts the app (deferred, so it holds up neither the parser nor
// the fetches of the app's files); no inline code (the page's CSP).
(() => {
  const portuguese = /^pt\b/i.test(navigator.language || "");
  const fail = (why) => {
    if (document.getElementById("app")?.childElementCount) return;
    const banner = document.getElementById("panic-banner");
    if (!banner || !banner.hidden) return;
    document.getElementById("panic-title").textContent = portuguese
      ? "O playground não conseguiu iniciar."
      : "The playground could not start.";
    document.getElementById("panic-message").textContent = portuguese
      ? ` (${why}) Recarregue a página para tentar de novo.`
      : ` (${why}) Reload the page to try again.`;
    // A plain reload: the banner's own link resets the draft, which a failed load
    // does not call for.
    const reload = document.getElementById("panic-reset");
    reload.textContent = portuguese ? "Recarregar" : "Reload";
    reload.href = location.href;
    banner.hidden = false;
    shown = true;
  };
  let shown = false;
  // A preload that failed while the app's own fetch then worked: it started after all.
  addEventListener("TrunkApplicationStarted", () => {
    if (shown) document.getElementById("panic-banner").hidden = true;
  });
  // A script or module that does not load fires `error` on its element, which does not
  // bubble: seen here in the capture phase.
  addEventListener("error", (event) => {
    const element = event.target;
    const code = (url) => /\.(js|wasm)$/.test(new URL(url, location.href).pathname);
    if (element instanceof HTMLScriptElement || (element instanceof HTMLLinkElement && code(element.href))) {
      fail(`${element.src || element.href} did not load`);
    } else if (element instanceof Element) {
      // A stylesheet or an icon: the page still works without it.
    } else if (event.message) {
      fail(event.message);
    }
  }, true);
  // The wasm fetched or compiled by the glue's `init()`: a rejected promise.
  addEventListener("unhandledrejection", (event) => fail(String(event.reason?.message ?? event.reason)));
  if (typeof WebAssembly !== "object") fail(portuguese ? "este navegador não tem WebAssembly" : "this browser has no WebAssembly");
})();
