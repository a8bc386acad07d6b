// Photographs the main pages of a freshly started app (scripts/screenshots.sh starts it and passes its URL, the
// one-time setup token and the output folder): creates the admin account, waits for demo jobs, then for each page
// takes light and dark, desktop and phone shots named <page>-<light|dark>-<desktop|phone>.png.
import { chromium } from "playwright-core";

const [base, setupToken, dest] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.UA_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});

// The admin account, created the way a new user does it.
const signup = await browser.newContext({ baseURL: base });
const first = await signup.newPage();
await first.goto("/account/register");
await first.locator("[data-interactive=true], form").first().waitFor({ timeout: 60000 });
await first.locator("#setupToken").fill(setupToken);
await first.locator("#email").fill("alex@example.com");
await first.locator("#firstName").fill("Alex");
await first.locator("#password").fill("Screenshots!Passw0rd-1");
await first.getByTestId("register-submit").click();
await first.waitForURL(url => new URL(url).pathname === "/", { timeout: 60000 });
await first.locator("[data-interactive=true]").waitFor({ timeout: 60000 });
const state = await signup.storageState();

// A demo job to open in the writer.
const jobs = await first.request.get("/api/v1/upwork/jobs?limit=1", { headers: { "X-Requested-With": "XMLHttpRequest" } });
const jobId = (await jobs.json()).data?.items?.[0]?.id;
await signup.close();

const pages = [
  ["dashboard", "/"],
  ["jobs", "/upwork/jobs"],
  ["proposals", "/upwork/proposals"],
  ["analytics", "/analytics"],
  ["settings", "/settings"],
];
if (jobId) pages.splice(2, 0, ["letter", `/ai/write/${jobId}`]);

const viewports = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
for (const scheme of ["light", "dark"]) {
  for (const [device, viewport] of Object.entries(viewports)) {
    const context = await browser.newContext({ baseURL: base, storageState: state, colorScheme: scheme, viewport, isMobile: device === "phone", deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const [name, path] of pages) {
      await page.goto(path);
      await page.locator("[data-interactive=true]").waitFor({ timeout: 60000 });
      await page.waitForLoadState("networkidle").catch(() => {});
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: `${dest}/${name}-${scheme}-${device}.png` });
    }
    await context.close();
  }
}
await browser.close();
