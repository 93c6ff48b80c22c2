/** The active language's translate function, for every component below <App>. */
import { createContext, useContext } from "react";
import { translator, type Translate } from "../i18n";

export const I18nContext = createContext<Translate>(translator("zh-CN"));

export function useT(): Translate {
  return useContext(I18nContext);
}
