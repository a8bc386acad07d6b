// A short two-tone beep for new-job toasts, made with WebAudio (no file to fetch). Browsers allow audio only after a
// user gesture on the page, so the audio context is created or resumed on the first click, tap or key press after
// arm(); until then beep() skips silently (returns false) rather than raising autoplay errors.
let context = null;
let armed = false;

function unlock() {
    try {
        context ??= new (window.AudioContext || window.webkitAudioContext)();
        if (context.state === "suspended") context.resume();
    } catch {
        context = null;
    }
}

export function arm() {
    if (armed) return;
    armed = true;
    for (const type of ["pointerdown", "keydown", "touchstart"])
        window.addEventListener(type, unlock, { capture: true, passive: true });
}

export function beep() {
    if (!context || context.state !== "running") return false;
    const now = context.currentTime;
    const tone = context.createOscillator();
    const volume = context.createGain();
    tone.type = "sine";
    tone.frequency.setValueAtTime(880, now);
    tone.frequency.setValueAtTime(1320, now + 0.09);
    volume.gain.setValueAtTime(0.0001, now);
    volume.gain.exponentialRampToValueAtTime(0.2, now + 0.02);
    volume.gain.exponentialRampToValueAtTime(0.0001, now + 0.25);
    tone.connect(volume).connect(context.destination);
    tone.start(now);
    tone.stop(now + 0.3);
    return true;
}
