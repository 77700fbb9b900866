// Service worker: keeps the self-assessment runtime (Pyodide, PyScript, scoring, QR encoder) for repeat visits.
// The cache name carries the pinned runtime versions and a hash of the scoring zip, so a new
// build with another runtime or other scoring rules replaces the old cache.
const CACHE = "runtime-__VERSION__";
// What every start of the runtime needs, put in the cache when the worker installs. The worker is registered once
// the runtime is ready, so these come from the HTTP cache; other runtime files are kept when first fetched.
const FILES = __FILES__;

self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(FILES.map((file) => cache.add(file).catch((error) => {
    console.warn(`service worker: ${file} not kept, it is fetched again on the next visit`, error);
  })))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("runtime-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin || !url.pathname.includes("/runtime/")) return;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const hit = await cache.match(event.request);
    if (hit) return hit;
    const response = await fetch(event.request);
    if (response.ok) cache.put(event.request, response.clone());
    return response;
  }));
});
