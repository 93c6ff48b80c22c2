/**
 * Engine messages as data: problems, notices and 定级依据 carry a message id and named
 * parameters; the text is rendered per locale from the zh-CN and en-US tables. The output
 * sheets keep the zh-CN text (DOMAIN fixes them in Chinese); a door may render another locale.
 */
import { EN_US } from "./en-US";
import { ZH_CN, type MessageId } from "./zh-CN";

export type { MessageId };
export type Locale = "zh-CN" | "en-US";

/**
 * A parameter: text or a number as shown, a list (joined with the locale's separator), or a
 * nested message (a fragment such as what a cell should hold, rendered in the same locale).
 */
export type MessageParam = string | number | Message | readonly (string | number | Message)[];
export type MessageParams = Readonly<Record<string, MessageParam>>;

export interface Message {
  id: MessageId;
  params?: MessageParams;
}

export const MESSAGE_TABLES: Record<Locale, Readonly<Record<MessageId, string>>> = {
  "zh-CN": ZH_CN,
  "en-US": EN_US,
};

const LIST_SEPARATOR: Record<Locale, string> = { "zh-CN": "、", "en-US": ", " };

/** A message (built only where a problem or notice is found, never per valid cell). */
export function msg(id: MessageId, params?: MessageParams): Message {
  return params === undefined ? { id } : { id, params };
}

/** Templates split once into [text, name, text, name, …, text]; rendering is a join. */
const compiled: Record<Locale, Map<MessageId, string[]>> = { "zh-CN": new Map(), "en-US": new Map() };

function partsOf(id: MessageId, locale: Locale): string[] {
  let parts = compiled[locale].get(id);
  if (parts === undefined) {
    parts = MESSAGE_TABLES[locale][id].split(/\{(\w+)\}/);
    compiled[locale].set(id, parts);
  }
  return parts;
}

function paramText(v: MessageParam, locale: Locale): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.map((x: MessageParam) => paramText(x, locale)).join(LIST_SEPARATOR[locale]);
  const m = v as Message;
  return messageText(m.id, m.params, locale);
}

/** The text of a message in a locale; a placeholder without a parameter stays as it is. */
export function messageText(id: MessageId, params: MessageParams | undefined, locale: Locale): string {
  const parts = partsOf(id, locale);
  if (parts.length === 1) return parts[0]!;
  let s = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const v = params?.[parts[i]!];
    s += (v === undefined ? `{${parts[i]!}}` : paramText(v, locale)) + parts[i + 1]!;
  }
  return s;
}

/** The placeholder names of a template (for the tests that compare the two tables). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}
