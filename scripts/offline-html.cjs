// Build-time plugin for the offline page: turns the one script of its compilation into a
// single self-contained HTML file (script inline, allowed by its SHA-256 hash in the page's
// Content Security Policy; favicon as a data: URL; third-party license notices kept as an
// HTML comment) and drops every other asset. Plain CommonJS so webpack.config.js can load it.
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const PLUGIN = "OfflineHtml";

/** Script text that cannot end its <script> element early or open an HTML comment inside it. */
function inlineSafe(code) {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

/** 'sha256-…' of a script's exact text, as CSP compares it. */
function cspHash(code) {
  return `'sha256-${crypto.createHash("sha256").update(code, "utf8").digest("base64")}'`;
}

/**
 * Nothing may leave the page (connect-src 'none'), only the inline script with this hash
 * runs, images and fonts come only from data:/blob: URLs. Fluent UI adds empty <style>
 * elements and fills them through the CSSOM (which CSP does not govern): the hash of the
 * empty text allows exactly those, and no 'unsafe-inline' is needed.
 */
function offlineCsp(scriptHash) {
  return [
    "default-src 'none'",
    `script-src ${scriptHash}`,
    `style-src ${cspHash("")}`,
    "img-src data: blob:",
    "font-src data:",
    "connect-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

function page({ title, favicon, csp, code, licenses }) {
  const notice = licenses ? `\n<!--\n${licenses.replace(/--/g, "- -")}\n-->` : "";
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Security-Policy" content="${csp}" />
<title>${title}</title>
<link rel="icon" type="image/png" href="${favicon}" />
</head>
<body>
<div id="root"></div>
<script>${code}</script>
</body>
</html>${notice}
`;
}

class OfflineHtmlPlugin {
  /** @param {{ filename: string, title: string, favicon: string }} options favicon: a PNG file */
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    let html = null;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          html = null;
          const scripts = Object.keys(assets).filter((f) => f.endsWith(".js"));
          if (scripts.length !== 1) {
            compilation.errors.push(
              new compiler.webpack.WebpackError(
                `offline page: expected one script, got ${scripts.join(", ")}`,
              ),
            );
            return;
          }
          const code = inlineSafe(assets[scripts[0]].source().toString());
          const licenses = Object.keys(assets)
            .filter((f) => f.endsWith(".LICENSE.txt"))
            .map((f) => assets[f].source().toString())
            .join("\n");
          compilation.fileDependencies.add(this.options.favicon);
          const favicon = `data:image/png;base64,${fs.readFileSync(this.options.favicon).toString("base64")}`;
          html = page({ title: this.options.title, favicon, csp: offlineCsp(cspHash(code)), code, licenses });
          for (const f of Object.keys(assets)) compilation.deleteAsset(f);
        },
      );
    });
    // Written after emit, as is: no later step (HTML minification included) may touch the
    // script, or its hash in the policy would no longer match and the page would not run.
    compiler.hooks.afterEmit.tap(PLUGIN, (compilation) => {
      if (html === null) return;
      const out = compilation.outputOptions.path;
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, this.options.filename), html);
    });
  }
}

module.exports = { OfflineHtmlPlugin, inlineSafe, cspHash, offlineCsp };
