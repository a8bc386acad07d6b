// The offline page (served by the service worker when a page cannot be fetched): retries on its own and reloads the
// page the user asked for as soon as the app answers again.
(function () {
    const status = document.getElementById("offline-status");
    async function retry() {
        try {
            const response = await fetch("/health/live", { cache: "no-store" });
            if (response.ok) { status.textContent = "Back online. Loading…"; location.reload(); return; }
        } catch { /* still offline */ }
        status.textContent = "Still offline. Trying again every few seconds…";
    }
    document.getElementById("offline-retry").addEventListener("click", retry);
    window.addEventListener("online", retry);
    setInterval(retry, 5000);
})();
