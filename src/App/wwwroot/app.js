// Theme persistence: the server reads these cookies during prerendering so the first paint has the right theme.
(function () {
    const year = 60 * 60 * 24 * 365;
    function setCookie(name, value) {
        document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=${year}; samesite=lax`;
    }
    const dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)");
    if (dark) {
        setCookie("ua-os-dark", dark.matches ? "1" : "0");
        dark.addEventListener?.("change", e => setCookie("ua-os-dark", e.matches ? "1" : "0"));
    }
    window.uaTheme = { save: mode => setCookie("ua-theme", mode) };
})();

// Live password rules (progressive enhancement): the static sign-up and reset forms list each rule under the password
// box (data-password-rules); as the user types, met rules are ticked and the unmet ones are read out. Delegated from
// the document so it keeps working after Blazor's enhanced navigation swaps the page in. The server still validates.
(function () {
    const checks = {
        length: (v, li) => v.length >= Number(li.dataset.min || 8),
        upper: v => /\p{Lu}/u.test(v),
        lower: v => /\p{Ll}/u.test(v),
        digit: v => /\d/.test(v),
        special: v => /[^\p{L}\p{N}]/u.test(v),
    };
    document.addEventListener("input", e => {
        const input = e.target;
        if (!(input instanceof HTMLInputElement) || input.type !== "password") return;
        const list = document.querySelector(`[data-password-rules="${input.id}"]`);
        if (!list) return;
        const unmet = [];
        for (const li of list.querySelectorAll("li[data-rule]")) {
            const met = (checks[li.dataset.rule] || (() => true))(input.value, li);
            li.classList.toggle("rule-met", met);
            li.classList.toggle("rule-unmet", !met);
            if (!met) unmet.push(li.textContent.trim());
        }
        const status = document.getElementById(list.dataset.status);
        if (status) status.textContent = input.value.length === 0 ? "" : unmet.length ? `Still needed: ${unmet.join("; ")}` : "All password rules met";
    });
})();

// Installable app and offline page: the service worker caches static assets and answers a page it cannot fetch with
// /offline.html. Only over HTTPS or on localhost, as browsers require.
if ("serviceWorker" in navigator && (location.protocol === "https:" || location.hostname === "localhost" || location.hostname === "127.0.0.1")) {
    window.addEventListener("load", () => navigator.serviceWorker.register("/service-worker.js").catch(() => undefined));
}

// Unsent edits survive a lost connection, a server restart or a closed tab: every text box inside an element marked
// data-draft-key is copied to localStorage as the user types, in the browser itself, so keystrokes the server never
// received are kept too. The page reads the draft back (uaDrafts.load) when it opens and drops it (uaDrafts.clear)
// once the text is saved for real.
(function () {
    const prefix = "ua-draft:";
    function keyOf(el) {
        const holder = el.closest && el.closest("[data-draft-key]");
        return holder ? prefix + holder.getAttribute("data-draft-key") : null;
    }
    document.addEventListener("input", e => {
        const el = e.target;
        if (!(el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement)) return;
        const key = keyOf(el);
        if (!key) return;
        try { localStorage.setItem(key, JSON.stringify({ text: el.value, savedAt: new Date().toISOString() })); } catch { /* storage full or off */ }
    });
    window.uaDrafts = {
        load: key => {
            try { const d = JSON.parse(localStorage.getItem(prefix + key) || "null"); return d && typeof d.text === "string" ? d.text : null; }
            catch { return null; }
        },
        save: (key, text) => { try { localStorage.setItem(prefix + key, JSON.stringify({ text, savedAt: new Date().toISOString() })); } catch { } },
        clear: key => { try { localStorage.removeItem(prefix + key); } catch { } },
    };
})();

// A table wider than its column scrolls sideways; keyboard users can only scroll what can take focus, so such a
// scrolling container becomes a focusable, named region (and stops being one when it fits again).
(function () {
    let queued = false;
    function mark() {
        queued = false;
        for (const box of document.querySelectorAll(".mud-table-container")) {
            const scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
            if (scrolls && !box.hasAttribute("tabindex")) {
                box.setAttribute("tabindex", "0");
                box.setAttribute("role", "region");
                const caption = box.closest("[data-testid]")?.getAttribute("data-testid") || "table";
                box.setAttribute("aria-label", "Scrollable " + caption.replace(/-/g, " "));
            } else if (!scrolls && box.getAttribute("role") === "region") {
                box.removeAttribute("tabindex"); box.removeAttribute("role"); box.removeAttribute("aria-label");
            }
        }
    }
    // Marked in the same task as the render that made the table (a microtask after the DOM change), not at the next
    // frame: a check, or a keyboard user, arriving between the two found a scrolling table it could not reach. A table
    // whose size changes without a DOM change (fonts, a resized column) is re-checked by the ResizeObserver.
    const sized = new ResizeObserver(queue);
    const watched = new WeakSet();
    function queue() { if (!queued) { queued = true; queueMicrotask(mark); } }
    new MutationObserver(() => {
        for (const box of document.querySelectorAll(".mud-table-container")) if (!watched.has(box)) { watched.add(box); sized.observe(box); }
        queue();
    }).observe(document.documentElement, { childList: true, subtree: true });
    window.addEventListener("resize", queue);
})();

// "Copy and open": a link marked data-copy-from="<selector>" copies that text box's text as it is clicked, within the
// click itself (browsers only let a user gesture write the clipboard), then opens its page as usual.
document.addEventListener("click", e => {
    const link = e.target instanceof Element ? e.target.closest("[data-copy-from]") : null;
    if (!link) return;
    const source = document.querySelector(link.getAttribute("data-copy-from"));
    if (source && "value" in source && navigator.clipboard) navigator.clipboard.writeText(source.value).catch(() => undefined);
}, true);

// The browser's time zone, asked once per circuit by Shared.Ui.BrowserTimeZone so times read in the user's own zone.
window.uaTimeZone = () => {
    let zone = null;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || null; } catch { /* very old browser */ }
    return { zone, offset: -new Date().getTimezoneOffset() };
};

// Job titles are real links to /jobs/{id}; on a list with a quick-look drawer (data-quick-open) a plain left click opens
// the drawer instead: the navigation is stopped here, before Blazor's router sees the click (it skips prevented
// clicks), and the component's own click handler opens the drawer. Ctrl/Cmd/Shift/middle clicks keep their usual meaning.
document.addEventListener("click", e => {
    const link = e.target instanceof Element ? e.target.closest("a[data-quick-open=true]") : null;
    if (!link || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
}, true);
