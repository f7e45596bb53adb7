// The app's service worker: precache the app shell on install, drop old caches on
// activate, answer fetches cache-first with an offline fallback.  APP_VERSION is
// defined by the build (app.py) before this file runs.
const CACHE = 'shell-' + APP_VERSION;
const PRECACHE = ['/', '/index.html', '/app.js', '/style.css', '/data.json'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(
    names.filter((n) => n.startsWith('shell-') && n !== CACHE).map((n) => caches.delete(n)))));
});

self.addEventListener('fetch', (event) => {
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(event.request))
      .then((hit) => {
        if (hit) { hit.headers['x-source'] = 'cache'; return hit; }
        return fetch(event.request).catch(() =>
          new Response('offline', { status: 503, headers: { 'x-source': 'offline-fallback' } }));
      }));
});
