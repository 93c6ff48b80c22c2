/**
 * Second half of `npm run build:wps` (after webpack has filled dist-wps/branch-grader/):
 * writes the add-in's manifest.xml and the deployment lists beside it, and lays out the
 * offline package. WPS_ADDIN_URL is where the department serves dist-wps/branch-grader/
 * (default: a loopback address for trying it on one machine); WPS_OFFLINE_URL is the folder
 * that will hold the packed offline package (default file:///C:/branch-grader/).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  ADDIN_NAME,
  addinUrl,
  jsPluginManifest,
  offlineJsplugins,
  offlineName,
  onlineJsplugins,
  onlinePublish,
} from "./wps-manifests";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "dist-wps");
const ADDIN = path.join(OUT, ADDIN_NAME);

function main(): void {
  for (const f of ["index.html", "taskpane.html", "ribbon.xml"]) {
    if (!existsSync(path.join(ADDIN, f)))
      throw new Error(`${ADDIN}/${f} is missing: run webpack --env target=wps first`);
  }
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    version: string;
    description: string;
  };
  const url = addinUrl(process.env.WPS_ADDIN_URL || `http://127.0.0.1:3889/${ADDIN_NAME}/`);
  const offlineBase = process.env.WPS_OFFLINE_URL || `file:///C:/${ADDIN_NAME}/`;

  writeFileSync(path.join(ADDIN, "manifest.xml"), jsPluginManifest(pkg.version, pkg.description));
  writeFileSync(path.join(OUT, "jsplugins.xml"), onlineJsplugins(url));
  writeFileSync(path.join(OUT, "publish.xml"), onlinePublish(url));

  const offline = path.join(OUT, "offline");
  rmSync(offline, { recursive: true, force: true });
  mkdirSync(offline, { recursive: true });
  cpSync(ADDIN, path.join(offline, offlineName(pkg.version)), { recursive: true });
  writeFileSync(path.join(offline, "jsplugins.xml"), offlineJsplugins(pkg.version, offlineBase));

  console.log(`WPS 加载项 / WPS add-in: ${path.relative(ROOT, ADDIN)}/ (serve it at ${url})`);
  console.log(`  ${path.relative(ROOT, OUT)}/jsplugins.xml, publish.xml: online lists for ${url}`);
  console.log(
    `  ${path.relative(ROOT, offline)}/${offlineName(pkg.version)}/ + jsplugins.xml: offline package (pack the folder as ${offlineName(pkg.version)}.7z in ${offlineBase})`,
  );
}

main();
