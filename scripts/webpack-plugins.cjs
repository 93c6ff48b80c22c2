// Build-time plugins: the zh-CN custom-functions metadata twin, and the manifest copy with
// production URLs and hashed script names. Plain CommonJS so webpack.config.js can load it.
const fs = require("fs");
const path = require("path");

const PLUGIN = "BranchGraderBuild";

/** Rewrite every https://localhost:3000 URL (global regex, not only the first) to `base`. */
function rewriteUrls(xml, base) {
  const clean = base.replace(/\/+$/, "");
  const origin = new URL(clean).origin;
  return xml
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .replace(/https:\/\/localhost:3000/g, clean);
}

/**
 * Build functions-zh-cn.json from functions.json and the translation table: same ids,
 * translated names and descriptions. Throws when an id or a parameter lacks a translation,
 * or when the table names a function that does not exist.
 */
function localizeMetadata(metadata, table) {
  const missing = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(table.functions)) {
    if (!ids.has(id)) missing.push(`translation for unknown function ${id}`);
  }
  const functions = metadata.functions.map((f) => {
    const t = table.functions[f.id];
    if (!t) {
      missing.push(`function ${f.id}`);
      return f;
    }
    const parameters = (f.parameters || []).map((p) => {
      const tp = t.parameters && t.parameters[p.name];
      if (!tp) missing.push(`parameter ${f.id}.${p.name}`);
      return { ...p, description: tp || p.description };
    });
    return { ...f, name: t.name || f.name, description: t.description, parameters, result: f.result };
  });
  if (missing.length) throw new Error(`functions-zh-cn.json: missing translations: ${missing.join(", ")}`);
  return { ...metadata, functions };
}

class BranchGraderBuildPlugin {
  /** @param {{ addinUrl?: string, translations: string, manifest: string }} options */
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          // zh-CN metadata twin
          const meta = assets["functions.json"];
          if (meta) {
            compilation.fileDependencies.add(this.options.translations);
            const table = JSON.parse(fs.readFileSync(this.options.translations, "utf8"));
            try {
              const zh = localizeMetadata(JSON.parse(meta.source().toString()), table);
              compilation.emitAsset("functions-zh-cn.json", new RawSource(JSON.stringify(zh, null, 2)));
            } catch (e) {
              compilation.errors.push(new compiler.webpack.WebpackError(e.message));
            }
          }
          // manifest: production URL + hashed functions script name
          compilation.fileDependencies.add(this.options.manifest);
          let xml = fs.readFileSync(this.options.manifest, "utf8");
          const fnChunk = compilation.namedChunks.get("functions");
          const fnFile = fnChunk && [...fnChunk.files].find((f) => f.endsWith(".js"));
          if (fnFile) xml = xml.replace(/\/functions\.js"/g, `/${fnFile}"`);
          if (this.options.addinUrl) xml = rewriteUrls(xml, this.options.addinUrl);
          compilation.emitAsset("manifest.xml", new RawSource(xml));
        },
      );
    });
  }
}

module.exports = { BranchGraderBuildPlugin, localizeMetadata, rewriteUrls };
void path;
