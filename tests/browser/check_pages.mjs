// Opens every page of a site written by `pmi site` in the system's headless
// Chromium, through the DevTools protocol: no console error, no page error, no
// failed request, no request leaving the file system, no dialog (the hostile
// notes call alert()), no script element or event handler in the live DOM.
// A screenshot of the dashboard is kept; the dashboard prints on one page.
// Usage: node check_pages.mjs SITE-FOLDER SCREENSHOT.png
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const [site, screenshot] = process.argv.slice(2).map((p) => resolve(p));
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

function pages(folder) {
  return readdirSync(folder).sort().flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return pages(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

const profile = mkdtempSync(join(tmpdir(), "pmi-chromium-"));
const args = ["--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-extensions",
  "--disable-default-apps", "--mute-audio"];
if (process.getuid && process.getuid() === 0) args.push("--no-sandbox");
const browser = await puppeteer.launch({ executablePath, headless: true, userDataDir: profile, args });

const problems = [];
let checked = 0;
try {
  for (const file of pages(site)) {
    const url = pathToFileURL(file).href;
    const shown = file.slice(site.length + 1);
    const page = await browser.newPage();
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warn")
        problems.push(`${shown}: console ${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`${shown}: page error: ${error.message}`));
    page.on("dialog", async (dialog) => {
      problems.push(`${shown}: a script ran: ${dialog.type()} ${dialog.message()}`);
      await dialog.dismiss();
    });
    page.on("request", (request) => {
      if (!request.url().startsWith("file://"))
        problems.push(`${shown}: request to ${request.url()}`);
    });
    page.on("requestfailed", (request) =>
      problems.push(`${shown}: failed request ${request.url()}: ${request.failure()?.errorText}`));
    const response = await page.goto(url, { waitUntil: "load" });
    if (!response || !response.ok()) problems.push(`${shown}: did not load`);
    const found = await page.evaluate(() => {
      const out = [];
      if (document.querySelectorAll("script, iframe, object, embed, img, base").length)
        out.push("a script, frame, object or image element");
      for (const element of document.querySelectorAll("*"))
        for (const attribute of element.attributes)
          if (attribute.name.startsWith("on")) out.push(`handler ${attribute.name} on ${element.tagName}`);
      for (const link of document.querySelectorAll("a[href]"))
        if (/^\s*(javascript|data|vbscript):/i.test(link.getAttribute("href")))
          out.push(`link to ${link.getAttribute("href")}`);
      if (getComputedStyle(document.querySelector("nav")).display === "inline")
        out.push("the stylesheet did not apply");
      return out;
    });
    problems.push(...found.map((problem) => `${shown}: ${problem}`));
    if (shown === "index.html") {
      await page.setViewport({ width: 1240, height: 720 });
      await page.screenshot({ path: screenshot, fullPage: true });
      // The print stylesheet fits the dashboard on one page for an exec review.
      const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      const printed = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
      if (printed !== 1) problems.push(`index.html: prints on ${printed} pages, not 1`);
    }
    await page.close();
    checked += 1;
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
for (const problem of problems) console.log(problem);
console.log(`${checked} pages opened in ${executablePath}, ${problems.length} problems`);
process.exit(problems.length || checked === 0 ? 1 : 0);
