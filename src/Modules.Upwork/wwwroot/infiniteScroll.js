// Loads the next page of jobs when the "Load more" sentinel scrolls into view (200 px early). The button itself stays
// for keyboards and for browsers without IntersectionObserver.
export function observe(element, page) {
    if (!element || !("IntersectionObserver" in window)) return null;
    const observer = new IntersectionObserver(entries => {
        if (entries.some(e => e.isIntersecting)) page.invokeMethodAsync("LoadMoreFromScrollAsync").catch(() => { });
    }, { rootMargin: "200px" });
    observer.observe(element);
    return { dispose: () => observer.disconnect() };
}

export function disconnect(handle) {
    handle?.dispose();
}
