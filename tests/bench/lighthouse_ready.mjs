// Lighthouse on a page whose content appears after load: navigate, wait until the page itself says it is
// ready (a CSS selector, e.g. the result region with data-state="ready"), then audit that state (a
// Lighthouse snapshot: accessibility, best practices, SEO; performance needs a navigation).
//   node lighthouse_ready.mjs <lighthouse home> <chromium> <url> <selector> <report.json> <chromium args...>
import { join } from "node:path";
import { writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const [home, chromium, url, selector, out, ...args] = process.argv.slice(2);
const load = (path) => import(pathToFileURL(join(home, "node_modules", path)).href);
const { startFlow } = await load("lighthouse/core/index.js");
const puppeteer = (await load("puppeteer-core/lib/esm/puppeteer/puppeteer-core.js")).default;

const browser = await puppeteer.launch({ executablePath: chromium, args, headless: true });
try {
  const page = await browser.newPage();
  const flow = await startFlow(page, { config: { extends: "lighthouse:default",
    settings: { onlyCategories: ["accessibility", "best-practices", "seo"] } } });
  await flow.navigate(url);
  await page.waitForSelector(selector, { timeout: 120000 });
  await flow.snapshot();
  const result = await flow.createFlowResult();
  await writeFile(out, JSON.stringify(result.steps.at(-1).lhr));
} finally {
  await browser.close();
}
