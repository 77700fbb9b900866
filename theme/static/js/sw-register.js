// Registers the service worker that keeps the assessment runtime for repeat visits: on the pages with a
// self-assessment and on the team view, which run the same runtime. Only once the runtime is ready: installing
// the worker, and its fetches and cache writes, would otherwise compete with the runtime's own first start.
const site = document.querySelector("section.assessment, section.team")?.dataset.site;
const root = document.documentElement;

function register() {
  // Without the worker the page still works, only repeat visits load the runtime again: log why, go on.
  navigator.serviceWorker.register(new URL("sw.js", new URL(site, location.href)))
    .catch((error) => console.warn("service worker not registered", error));
}

if (site && "serviceWorker" in navigator) {
  if (root.dataset.runtime === "ready") register();
  else document.addEventListener("runtime-step", function ready(event) {
    if (event.detail < 4) return;
    document.removeEventListener("runtime-step", ready);
    register();
  });
}
