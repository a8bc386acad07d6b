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
