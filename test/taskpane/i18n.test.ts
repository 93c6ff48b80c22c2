import { enUS } from "../../src/i18n/en-US";
import { format, MESSAGES, pickLanguage, translator } from "../../src/i18n";
import { zhCN } from "../../src/i18n/zh-CN";

describe("i18n", () => {
  it("zh-CN and en-US have exactly the same keys, none empty", () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
    for (const table of Object.values(MESSAGES))
      for (const v of Object.values(table)) expect(v.trim()).not.toBe("");
  });

  it("uses the same placeholders in both languages", () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(zhCN) as (keyof typeof zhCN)[])
      expect([k, holes(enUS[k])]).toEqual([k, holes(zhCN[k])]);
  });

  it("picks en-US for English display languages and zh-CN otherwise", () => {
    expect(pickLanguage("en-US")).toBe("en-US");
    expect(pickLanguage("en-GB")).toBe("en-US");
    expect(pickLanguage("EN")).toBe("en-US");
    expect(pickLanguage("zh-CN")).toBe("zh-CN");
    expect(pickLanguage("zh-TW")).toBe("zh-CN");
    expect(pickLanguage("fr-FR")).toBe("zh-CN");
    expect(pickLanguage(undefined)).toBe("zh-CN");
  });

  it("fills placeholders and leaves unknown ones", () => {
    expect(format("{a} 与 {b}", { a: 1 })).toBe("1 与 {b}");
    expect(translator("zh-CN")("writing", { done: 2, total: 5 })).toBe("正在写入工作簿（2/5）");
  });
});
