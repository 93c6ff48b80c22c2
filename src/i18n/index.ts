/** The UI languages as data: zh-CN first, en-US when Office's display language is English. */
import { enUS } from "./en-US";
import { zhCN, type MessageKey } from "./zh-CN";
import type { Locale } from "../engine/messages";

export type { MessageKey };
/** The engine's locales are the pane's languages (problems are rendered by the engine). */
export type Language = Locale;
export type Messages = Record<MessageKey, string>;

export const MESSAGES: Record<Language, Messages> = { "zh-CN": zhCN, "en-US": enUS };

/** en-US when the display language starts with "en" (en-US, en-GB …), else zh-CN. */
export function pickLanguage(displayLanguage: string | undefined | null): Language {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("en") ? "en-US" : "zh-CN";
}

/** Fill {name} placeholders; unknown placeholders are left as they are. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Translates a key; `lang` is its language, for text the engine renders itself (problems). */
export type Translate = ((key: MessageKey, params?: Record<string, string | number>) => string) & {
  readonly lang: Language;
};

export function translator(lang: Language): Translate {
  const table = MESSAGES[lang];
  return Object.assign(
    (key: MessageKey, params?: Record<string, string | number>) => format(table[key], params),
    {
      lang,
    },
  );
}
