/**
 * Settings the add-in stored inside Excel through Workbook.settings live in the package's
 * web-extension parts (`xl/webextensions/webextension*.xml`) as
 * `<we:property name="key" value="JSON"/>`, under a `<we:reference id="…">` naming the
 * add-in. Reading them lets the command line and the browser mode see what the pane saved
 * in Excel (e.g. the column mapping). Read-only: the file host writes its own settings sheet.
 */
import type { Package } from "./package";
import { attr, tags } from "./xml";

/** The add-in's id (manifest.xml <Id>; test/build/manifest.test.ts keeps the two equal). */
export const ADDIN_ID = "6f3c1d52-8a7e-4b9a-9c1e-2d5b7a4e0c31";

const bare = (id: string) => id.replace(/[{}]/g, "").toLowerCase();

/** key → value (string values as they are, other JSON values as JSON text) for our add-in. */
export function addinSettings(pkg: Package): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of pkg.names()) {
    if (!/^xl\/webextensions\/webextension[^/]*\.xml$/i.test(name)) continue;
    const xml = pkg.text(name, false) ?? "";
    const ref = tags(xml, "reference")[0];
    if (!ref || bare(attr(ref, "id") ?? "") !== ADDIN_ID) continue;
    for (const tag of tags(xml, "property")) {
      const key = attr(tag, "name");
      const raw = attr(tag, "value");
      if (key === undefined || raw === undefined) continue;
      let value = raw;
      try {
        const parsed: unknown = JSON.parse(raw);
        value = typeof parsed === "string" ? parsed : JSON.stringify(parsed);
      } catch {
        // Not JSON: keep the text as it is.
      }
      out.set(key, value);
    }
  }
  return out;
}
