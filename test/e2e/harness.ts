/**
 * What the browser suite needs around Playwright: a static server for dist/ on loopback (the
 * logic of scripts/serve.mjs, in TypeScript so ts-jest can load it), a Chromium page that
 * records every request and console error, and screenshots at the pane's widths.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const SHOTS = path.join(__dirname, "screenshots");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export function requireDist(): void {
  if (!existsSync(path.join(DIST, "taskpane.html")) || !existsSync(path.join(DIST, "sample.xlsx"))) {
    throw new Error(
      "dist/ is missing or stale (no taskpane.html / sample.xlsx): run `npm run build` first (npm test does).",
    );
  }
}

/** Serve `root` on 127.0.0.1 at a free port (GET/HEAD, files under root only). */
export function serve(root: string): Promise<{ server: Server; url: string }> {
  const base = path.resolve(root);
  const server = createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    if (rel.endsWith("/")) rel += "taskpane.html";
    const file = path.resolve(base, "." + rel);
    let ok = file.startsWith(base + path.sep);
    try {
      ok = ok && statSync(file).isFile();
    } catch {
      ok = false;
    }
    if (!ok || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-cache",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const a = server.address();
      const port = typeof a === "object" && a ? a.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    // launch() gives every run a fresh temporary profile (user-data dir) of its own.
  });
}

/** For a suite: dist/ served on localhost and one Chromium, set up before and closed after it. */
export function distInBrowser(): { base: () => string; browser: () => Browser } {
  let server: Server | undefined;
  let base = "";
  let browser: Browser | undefined;
  beforeAll(async () => {
    requireDist();
    ({ server, url: base } = await serve(DIST));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });
  return { base: () => base, browser: () => browser! };
}

/** A page that records every request URL and every console error / uncaught exception. */
export interface Recorded {
  context: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
}

export async function openPage(browser: Browser, width = 350): Promise<Recorded> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    acceptDownloads: true,
    locale: "zh-CN",
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  return { context, page, requests, errors };
}

/** Requests that left the page's own origin (data: and blob: URLs stay on the machine). */
export function foreignRequests(requests: string[], origin: string): string[] {
  return requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
}

/** One screenshot of the whole page at the task pane's width (350 px) and one at 1280 px. */
export async function shoot(page: Page, step: string): Promise<void> {
  for (const width of [350, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(SHOTS, `${step}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 350, height: 900 });
}
