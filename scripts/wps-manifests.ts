/**
 * The files that deploy the WPS 加载项, in the formats WPS reads (the same ones `wpsjs
 * publish` and `wpsjs build` produce): the add-in's own manifest.xml (JsPlugin), a
 * jsplugins.xml for WPS's oem.ini JSPluginsServer (a whole department, from an intranet
 * URL), a publish.xml for one desktop's jsaddons folder, and the offline entry that points
 * at a packed copy of the add-in (name_version.7z).
 */

/** The add-in's name in every list (ASCII, as WPS uses it for the jsaddons folder). */
export const ADDIN_NAME = "branch-grader";

function attr(v: string): string {
  return v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function text(v: string): string {
  return v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A deployment URL must be http(s) and end with "/" (WPS appends ribbon.xml, index.html). */
export function addinUrl(raw: string): string {
  const u = new URL(raw);
  if (u.protocol !== "http:" && u.protocol !== "https:")
    throw new Error(`WPS_ADDIN_URL must be http(s): ${raw}`);
  return u.href.endsWith("/") ? u.href : `${u.href}/`;
}

/** manifest.xml inside the add-in folder. */
export function jsPluginManifest(version: string, description: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<JsPlugin>
  <ApiVersion>1.0.0</ApiVersion>
  <Name>${text(ADDIN_NAME)}</Name>
  <Version>${text(version)}</Version>
  <Description>${text(description)}</Description>
</JsPlugin>
`;
}

/** jsplugins.xml (oem.ini JSPluginsServer) for the add-in served online at `url`, in WPS 表格 (type et). */
export function onlineJsplugins(url: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${attr(ADDIN_NAME)}" type="et" url="${attr(addinUrl(url))}"/>
</jsplugins>
`;
}

/** publish.xml (a desktop's jsaddons folder) for the add-in served online at `url`. */
export function onlinePublish(url: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${attr(ADDIN_NAME)}" type="et" url="${attr(addinUrl(url))}" enable="true"/>
</jsplugins>
`;
}

/** The offline package's folder and archive name, as WPS unpacks it into jsaddons. */
export function offlineName(version: string): string {
  return `${ADDIN_NAME}_${version}`;
}

/** jsplugins.xml for the offline package `<base><name>_<version>.7z` (base: a file:/// folder or an http(s) URL). */
export function offlineJsplugins(version: string, base: string): string {
  const folder = base.endsWith("/") ? base : `${base}/`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${attr(ADDIN_NAME)}" type="et" version="${attr(version)}" enable="true" url="${attr(`${folder}${offlineName(version)}.7z`)}"/>
</jsplugins>
`;
}
