/**
 * npm run check:manifest — offline manifest check of a build folder (default dist/).
 * Parses dist/manifest.xml with office-addin-manifest (as Office tooling reads it), then
 * applies the rules in manifest-rules.ts against the files of the build. Exit 1 on any error.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";
import { checkManifest } from "./manifest-rules";

export async function checkBuild(dir: string): Promise<string[]> {
  const manifestPath = path.join(dir, "manifest.xml");
  if (!existsSync(manifestPath)) return [`${manifestPath} does not exist (run npm run build first)`];
  const errors: string[] = [];
  try {
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    if (!info.id || !info.displayName)
      errors.push("office-addin-manifest could not read the add-in id and display name");
  } catch (e) {
    errors.push(`office-addin-manifest cannot read the manifest: ${(e as Error).message}`);
  }
  const inside = (rel: string) => {
    const p = path.resolve(dir, rel);
    return p.startsWith(path.resolve(dir) + path.sep) ? p : undefined;
  };
  errors.push(
    ...checkManifest(readFileSync(manifestPath, "utf8"), {
      has: (rel) => {
        const p = inside(rel);
        return !!p && existsSync(p) && statSync(p).isFile();
      },
      read: (rel) => {
        const p = inside(rel);
        return p && existsSync(p) ? readFileSync(p, "utf8") : undefined;
      },
    }),
  );
  return errors;
}

if (require.main === module) {
  const dir = process.argv[2] ?? "dist";
  checkBuild(dir).then((errors) => {
    if (errors.length) {
      console.error(`manifest check failed (${dir}/manifest.xml):`);
      for (const e of errors) console.error(`  - ${e}`);
      process.exit(1);
    }
    console.log(`manifest check passed: ${dir}/manifest.xml`);
  });
}
