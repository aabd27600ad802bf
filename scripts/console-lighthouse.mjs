// Lighthouse (accessibility and best practices) on the moderators' console as a signed-in moderator sees it.
// Needs a running local runner and the npm package lighthouse (which brings puppeteer-core); uses Debian's Chromium.
//   LOCAL_DB=memory ADMIN_TOKEN=secret PORT=3000 mvn -q compile exec:java      (in another terminal)
//   ADMIN_TOKEN=secret node scripts/console-lighthouse.mjs [http://127.0.0.1:3000]
// Prints each category's score for the page load and the Comments, Articles and Settings screens, and the audits
// that fell short; exits 1 when a score is below 1.
import { createRequire } from "node:module";
import { execSync } from "node:child_process";

const require = createRequire(import.meta.url);
const globalRoot = execSync("npm root -g").toString().trim();
// puppeteer-core: beside lighthouse, or inside its own node_modules.
const load = (name) => import(require.resolve(name, { paths: [process.cwd() + "/node_modules", globalRoot,
  globalRoot + "/lighthouse/node_modules", process.cwd() + "/node_modules/lighthouse/node_modules"] }));
const { startFlow } = await load("lighthouse");
const puppeteer = (await load("puppeteer-core")).default;

const base = process.argv[2] || "http://127.0.0.1:3000";
const token = process.env.ADMIN_TOKEN;
if (!token) { console.error("Set ADMIN_TOKEN to the runner's moderator token."); process.exit(2); }

const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true,
  args: ["--no-sandbox", "--disable-dev-shm-usage"], defaultViewport: { width: 1280, height: 900 } });
const page = await browser.newPage();
await page.goto(base + "/moderate.html");
await page.click("#signin");
await page.waitForSelector("#token");
await page.type("#token", token);
await Promise.all([page.waitForNavigation(), page.click("#signin button")]);
await page.waitForFunction(() => document.getElementById("who").textContent.startsWith("Signed in"));

const config = { extends: "lighthouse:default", settings: { onlyCategories: ["accessibility", "best-practices"],
  formFactor: "desktop", screenEmulation: { mobile: false, width: 1280, height: 900, deviceScaleFactor: 1, disabled: false },
  throttlingMethod: "provided" } };
const flow = await startFlow(page, { config });
// A page load as the signed-in moderator (the session is kept: no storage reset), then each screen as shown.
await flow.navigate(base + "/moderate.html", { name: "Console page load", config: { ...config,
  settings: { ...config.settings, disableStorageReset: true } } });
if (!(await page.$eval("#who", (e) => e.textContent)).startsWith("Signed in")) {
  console.error("The page load lost the session: its scores are of the sign-in panel.");
}
const screens = [["Comments", "#show-comments", "#queue[aria-busy=false]"], ["Articles", "#show-articles", "#article-list tr"],
  ["Settings", "#show-settings", "#setting-maxLinks"]];
for (const [name, button, ready] of screens) {
  await page.click(button);
  await page.waitForSelector(ready);
  await flow.snapshot({ name });
}
let low = false;
for (const step of (await flow.createFlowResult()).steps) {
  for (const category of Object.values(step.lhr.categories)) {
    const failing = category.auditRefs.map((ref) => step.lhr.audits[ref.id])
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
      .map((a) => a.id);
    console.log(step.name + " — " + category.title + ": " + category.score + (failing.length ? " (" + failing.join(", ") + ")" : ""));
    low ||= category.score !== null && category.score < 1;
  }
}
await browser.close();
process.exit(low ? 1 : 0);
