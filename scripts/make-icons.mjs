// Renders assets/icon.svg to the PNG sizes the manifest references (16, 32, 64, 80 px), and
// the WPS ribbon's button icons assets/wps/<button>.svg to 32 px PNGs, in headless Chromium.
// Run once after changing an SVG; the PNGs are committed.
import { chromium } from "playwright-core";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const svg = readFileSync(path.join(root, "assets/icon.svg"), "utf8");
const ribbon = readdirSync(path.join(root, "assets/wps")).filter((f) => f.endsWith(".svg"));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
try {
  for (const size of [16, 32, 64, 80]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({ path: path.join(root, `assets/icon-${size}.png`), omitBackground: true });
    await page.close();
  }
  for (const file of ribbon) {
    const page = await browser.newPage({ viewport: { width: 32, height: 32 } });
    const icon = readFileSync(path.join(root, "assets/wps", file), "utf8");
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${icon.replace("<svg ", '<svg width="32" height="32" ')}</body></html>`,
    );
    const png = path.join(root, "assets/wps", file.replace(/\.svg$/, ".png"));
    await page.screenshot({ path: png, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
