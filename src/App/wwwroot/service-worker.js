// Service worker: keeps the app's static assets (styles, scripts, icons, fonts) in a cache so pages open fast and the
// shell survives a flaky connection, and answers a page request it cannot fetch with the offline page. Pages, the API,
// the Blazor circuit and the hubs always go to the network: they are per user and must never be served stale.
const CACHE = "ua-static-v1";
const PRECACHE = ["/offline.html", "/offline.js", "/favicon.png", "/icons/icon-192.png", "/manifest.webmanifest"];
const STATIC = /\.(css|js|mjs|png|svg|ico|woff2?|ttf|webmanifest)$/i;
const NEVER = ["/api/", "/_blazor", "/hubs/", "/health/", "/metrics", "/account/", "/upwork/callback"];

self.addEventListener("install", event => {
    event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", event => {
    event.waitUntil(caches.keys()
        .then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
        .then(() => self.clients.claim()));
});

self.addEventListener("fetch", event => {
    const request = event.request;
    if (request.method !== "GET") return;
    if (request.mode === "navigate") {
        event.respondWith(fetch(request).catch(() => caches.match("/offline.html")));
        return;
    }
    const url = new URL(request.url);
    if (url.origin !== self.location.origin || NEVER.some(p => url.pathname.startsWith(p))) return;
    if (STATIC.test(url.pathname)) {
        // Stale-while-revalidate: fingerprinted files never change under one name, the rest refresh in the background.
        event.respondWith(caches.open(CACHE).then(async cache => {
            const cached = await cache.match(request);
            const network = fetch(request).then(response => {
                if (response.ok && response.type === "basic") cache.put(request, response.clone());
                return response;
            });
            if (cached) { event.waitUntil(network.catch(() => undefined)); return cached; }
            return network;
        }));
    }
});
