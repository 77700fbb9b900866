// Registers the service worker that keeps the assessment runtime for repeat visits: on the pages with a
// self-assessment and on the team view, which run the same runtime.
const site = document.querySelector("section.assessment, section.team")?.dataset.site;
if (site && "serviceWorker" in navigator) {
  // Without the worker the page still works, only repeat visits load the runtime again: log why, go on.
  navigator.serviceWorker.register(new URL("sw.js", new URL(site, location.href)))
    .catch((error) => console.warn("service worker not registered", error));
}
