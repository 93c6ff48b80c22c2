/** The UI languages as data: zh-CN first, en-US when Office's display language is English. */
import { enUS } from "./en-US";
import { zhCN, type MessageKey } from "./zh-CN";

export type { MessageKey };
/**
 * The pane's languages. i18n imports nothing (DESIGN.md); they are also the engine's locales,
 * which renders problems: the pane passes a Language where the engine takes a Locale, so tsc
 * fails if this list gains one the engine lacks.
 */
export type Language = "zh-CN" | "en-US";
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
