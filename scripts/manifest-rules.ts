/**
 * Offline checks of the add-in manifest against the build that serves it.
 * `office-addin-manifest validate` needs an online service, so these rules are ours:
 * resids defined, one shared-runtime resid, https URLs on one origin, every referenced
 * file present in the build, zh-CN metadata override, en-US overrides for every user-visible
 * string, and functions.json / functions-zh-cn.json with the same ids and parameters.
 */
import { DOMParser } from "@xmldom/xmldom";

export interface BuildFiles {
  /** Does the build contain this path (relative to the build root, "/"-separated)? */
  has(relPath: string): boolean;
  /** Text of a build file, or undefined when absent. */
  read(relPath: string): string | undefined;
}

type El = Element;

const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

function children(el: El | Document, local: string): El[] {
  const out: El[] = [];
  const all = el.getElementsByTagNameNS("*", local);
  for (let i = 0; i < all.length; i++) out.push(all.item(i) as El);
  return out;
}

function first(el: El | Document, local: string): El | undefined {
  return children(el, local)[0];
}

function attr(el: El | undefined, name: string): string | undefined {
  const v = el?.getAttribute(name);
  return v === null || v === undefined || v === "" ? undefined : v;
}

interface MetadataFile {
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters?: { name: string; description?: string }[];
  }[];
}

function parseMetadata(text: string | undefined, name: string, errors: string[]): MetadataFile | undefined {
  if (text === undefined) return undefined;
  try {
    const m = JSON.parse(text) as MetadataFile;
    if (!Array.isArray(m.functions)) throw new Error("no functions array");
    return m;
  } catch (e) {
    errors.push(`${name} is not valid custom-functions metadata: ${(e as Error).message}`);
    return undefined;
  }
}

/** Compare the English metadata with its zh-CN twin: same ids, same parameters, all translated. */
export function checkMetadataTwins(en: MetadataFile, zh: MetadataFile): string[] {
  const errors: string[] = [];
  const enIds = en.functions.map((f) => f.id).join(",");
  const zhIds = zh.functions.map((f) => f.id).join(",");
  if (enIds !== zhIds)
    errors.push(`functions.json ids [${enIds}] differ from functions-zh-cn.json ids [${zhIds}]`);
  for (const f of en.functions) {
    const z = zh.functions.find((g) => g.id === f.id);
    if (!z) continue;
    const ep = (f.parameters ?? []).map((p) => p.name).join(",");
    const zp = (z.parameters ?? []).map((p) => p.name).join(",");
    if (ep !== zp) errors.push(`function ${f.id}: parameters [${ep}] differ from zh-CN [${zp}]`);
    if (!z.description || !/[\u4e00-\u9fff]/.test(z.description)) {
      errors.push(`function ${f.id}: the zh-CN description is missing or not Chinese`);
    }
  }
  return errors;
}

export function checkManifest(xml: string, build: BuildFiles): string[] {
  const errors: string[] = [];
  const parseErrors: string[] = [];
  // Any parser complaint (even a "warning" such as an unclosed element) means a broken file.
  const complain = (msg: string) => parseErrors.push(msg.trim());
  const doc = new DOMParser({
    errorHandler: { warning: complain, error: complain, fatalError: complain },
  }).parseFromString(xml, "text/xml");
  if (parseErrors.length || !doc.documentElement || doc.documentElement.localName !== "OfficeApp") {
    return [
      `manifest.xml is not a well-formed OfficeApp document${parseErrors.length ? `: ${parseErrors[0]}` : ""}`,
    ];
  }
  const root = doc.documentElement;

  // --- basics
  if (root.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type") !== "TaskPaneApp") {
    errors.push("OfficeApp must be xsi:type TaskPaneApp");
  }
  const locale = first(root, "DefaultLocale")?.textContent?.trim();
  if (locale !== "zh-CN") errors.push(`DefaultLocale must be zh-CN (found ${locale ?? "none"})`);
  const perm = first(root, "Permissions")?.textContent?.trim();
  if (perm !== "ReadWriteDocument")
    errors.push(`Permissions must be ReadWriteDocument (found ${perm ?? "none"})`);
  const sets = children(root, "Set").filter((s) => attr(s, "Name") === "SharedRuntime");
  if (sets.length === 0) errors.push("the SharedRuntime 1.1 requirement set is missing");

  // --- resources: ids and their definitions
  const defined = new Map<string, El>();
  for (const tag of ["Image", "Url", "String"]) {
    for (const el of children(root, tag)) {
      if (el.namespaceURI !== BT) continue;
      const id = attr(el, "id");
      if (!id) continue;
      if (defined.has(id)) errors.push(`resource id ${id} is defined twice`);
      defined.set(id, el);
    }
  }
  const all = root.getElementsByTagName("*");
  for (let i = 0; i < all.length; i++) {
    const el = all.item(i) as El;
    const resid = attr(el, "resid");
    if (resid && !defined.has(resid))
      errors.push(`resid "${resid}" (on <${el.localName}>) is not defined in Resources`);
  }

  // --- shared runtime: Runtime, CustomFunctions Page and FunctionFile share one resid
  const runtime = attr(first(root, "Runtime"), "resid");
  const cf = children(root, "ExtensionPoint").find((e) => attr(e, "xsi:type") === "CustomFunctions");
  const pageResid = cf ? attr(first(first(cf, "Page") ?? cf, "SourceLocation"), "resid") : undefined;
  const functionFile = attr(first(root, "FunctionFile"), "resid");
  if (!runtime) errors.push("no <Runtime resid=...> for the shared runtime");
  if (!cf) errors.push("no CustomFunctions extension point");
  if (runtime && pageResid !== runtime) {
    errors.push(
      `shared runtime: CustomFunctions Page resid "${pageResid}" differs from Runtime resid "${runtime}"`,
    );
  }
  if (runtime && functionFile !== runtime) {
    errors.push(
      `shared runtime: FunctionFile resid "${functionFile}" differs from Runtime resid "${runtime}"`,
    );
  }
  if (cf) {
    const ns = attr(first(cf, "Namespace"), "resid");
    const nsValue = ns ? attr(defined.get(ns), "DefaultValue") : undefined;
    if (nsValue !== "DJ") errors.push(`custom functions namespace must be DJ (found ${nsValue ?? "none"})`);
  }

  // --- URLs: https, one origin, files present
  const urls: { where: string; url: string }[] = [];
  const push = (where: string, url: string | undefined) => url && urls.push({ where, url });
  for (const tag of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"])
    push(tag, attr(first(root, tag), "DefaultValue"));
  push(
    "DefaultSettings/SourceLocation",
    attr(first(first(root, "DefaultSettings") ?? root, "SourceLocation"), "DefaultValue"),
  );
  for (const [id, el] of defined) {
    if (el.localName === "String") continue;
    push(id, attr(el, "DefaultValue"));
    for (const o of children(el, "Override")) push(`${id} (${attr(o, "Locale")})`, attr(o, "Value"));
  }
  let origin: string | undefined;
  for (const { where, url } of urls) {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      errors.push(`${where}: "${url}" is not a URL`);
      continue;
    }
    if (u.protocol !== "https:") errors.push(`${where}: "${url}" is not https`);
    origin ??= u.origin;
    if (u.origin !== origin) errors.push(`${where}: "${url}" is not on the add-in's origin ${origin}`);
    const rel = decodeURIComponent(u.pathname.replace(/^\/+/, ""));
    if (u.origin === origin && rel && !build.has(rel))
      errors.push(`${where}: "${rel}" is missing from the build`);
  }
  for (const d of children(root, "AppDomain")) {
    const v = d.textContent?.trim() ?? "";
    if (!v.startsWith("https://")) errors.push(`AppDomain "${v}" is not https`);
  }

  // --- zh-CN metadata override and the metadata twins
  const metaId = cf ? attr(first(first(cf, "Metadata") ?? cf, "SourceLocation"), "resid") : undefined;
  const metaEl = metaId ? defined.get(metaId) : undefined;
  const zhOverride = metaEl
    ? children(metaEl, "Override").find((o) => attr(o, "Locale") === "zh-CN")
    : undefined;
  if (!zhOverride)
    errors.push('the functions metadata URL has no <bt:Override Locale="zh-CN"> (functions-zh-cn.json)');
  else if (zhOverride.prefix !== "bt")
    errors.push("the zh-CN metadata override must use the bt: prefix (bt:Override)");
  const relOf = (url: string | undefined) => {
    try {
      return url ? decodeURIComponent(new URL(url).pathname.replace(/^\/+/, "")) : undefined;
    } catch {
      return undefined;
    }
  };
  const enPath = relOf(attr(metaEl, "DefaultValue"));
  const zhPath = relOf(attr(zhOverride, "Value"));
  const en = enPath ? parseMetadata(build.read(enPath), enPath, errors) : undefined;
  const zh = zhPath ? parseMetadata(build.read(zhPath), zhPath, errors) : undefined;
  if (en && zh) errors.push(...checkMetadataTwins(en, zh));

  // --- every user-visible string has an en-US override
  const visible = [first(root, "DisplayName"), first(root, "Description")].filter((e): e is El => !!e);
  for (const el of children(root, "String")) if (el.namespaceURI === BT) visible.push(el);
  for (const el of visible) {
    const id = attr(el, "id") ?? el.localName;
    if (id === "Functions.Namespace") continue;
    if (!children(el, "Override").some((o) => attr(o, "Locale") === "en-US")) {
      errors.push(`"${id}" has no en-US override`);
    }
  }
  return errors;
}
