// Registers the service worker that keeps the assessment runtime for repeat visits.
const site = document.querySelector("section.assessment")?.dataset.site;
if (site && "serviceWorker" in navigator) {
  navigator.serviceWorker.register(new URL("sw.js", new URL(site, location.href))).catch(() => {});
}
