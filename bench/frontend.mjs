// First load of the signed-in dashboard in headless Chromium (bench/frontend.sh starts the app and passes its URL).
// Signs up once, then for each run opens a fresh browser context (empty HTTP cache, no service worker) holding only
// the sign-in cookie, loads "/" and records: bytes over the wire (CDP encodedDataLength: compressed sizes plus
// headers, every request incl. the document, until the circuit is interactive), first contentful paint, and time to
// interactive = navigation start until the Blazor circuit has rendered interactively (data-interactive=true), which is
// the moment clicks start to work. Then the same page again in that context (warm cache) for the repeat-visit bytes.
// Prints one JSON line per run.
import { chromium } from "playwright-core";

const base = process.argv[2];
const runs = Number(process.argv[3] || 5);
const browser = await chromium.launch({
  executablePath: process.env.UA_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});

const signup = await browser.newContext({ baseURL: base });
const page0 = await signup.newPage();
await page0.goto("/account/register");
await page0.getByLabel("Email").fill(`bench-${Date.now()}@example.com`);
await page0.getByLabel("Password", { exact: true }).fill("Bench!Passw0rd-123");
// The first account of an install needs the setup token (issue 17); frontend.sh starts the app with this one.
const setupToken = page0.getByLabel("Setup token");
if (await setupToken.count() > 0) await setupToken.fill(process.env.UA_SETUP_TOKEN || "bench-setup-token");
await page0.getByTestId("register-submit").click();
await page0.waitForURL(url => new URL(url).pathname === "/", { timeout: 60000 });
await page0.locator("[data-interactive=true]").waitFor({ timeout: 60000 });
const cookies = (await signup.storageState()).cookies;
await signup.close();

async function load(page, cdp) {
  let bytes = 0, requests = 0;
  const onFinished = e => { bytes += e.encodedDataLength; requests++; };
  cdp.on("Network.loadingFinished", onFinished);
  await page.goto("/", { waitUntil: "commit" });
  await page.locator("[data-interactive=true]").waitFor({ timeout: 60000 });
  const timings = await page.evaluate(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    return { fcp: fcp ? fcp.startTime : -1, tti: performance.now() };
  });
  await page.waitForTimeout(300);   // late requests caused by the first interactive render still count
  cdp.off("Network.loadingFinished", onFinished);
  return { bytes, requests, ...timings };
}

for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ baseURL: base, serviceWorkers: "block" });
  await context.addCookies(cookies);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const cold = await load(page, cdp);
  const warm = await load(page, cdp);
  console.log(JSON.stringify({ run: i + 1, cold, warm }));
  await context.close();
}
await browser.close();
