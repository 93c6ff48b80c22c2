/**
 * functions.ts and translations.zh-CN.json are generated from the table (#11): the committed
 * files must be exactly what scripts/gen-functions.ts writes (run npm run gen:functions after
 * changing src/functions/table*.ts), and the generated texts state each declared default.
 */
import "./cf-double";
import { readFileSync } from "node:fs";
import {
  FUNCTIONS_FILE,
  TRANSLATIONS_FILE,
  paramDescription,
  renderFunctions,
  renderTranslations,
} from "../../scripts/gen-functions";
import { FUNCTIONS, QUOTA, TARGET, WARN } from "../../src/functions/table";
import { meetings, target, warn } from "../../src/functions/functions";
import { col } from "./cf-double";

describe("generated from the table", () => {
  it("functions.ts is what the generator writes", () => {
    expect(readFileSync(FUNCTIONS_FILE, "utf8")).toBe(renderFunctions());
  });

  it("translations.zh-CN.json is what the generator writes", () => {
    expect(readFileSync(TRANSLATIONS_FILE, "utf8")).toBe(renderTranslations());
  });

  it("a change to the table shows as a difference", () => {
    const changed = FUNCTIONS.map((f) => (f.id === "QUOTA" ? { ...f, en: { ...f.en, returns: "x" } } : f));
    expect(renderFunctions(changed)).not.toBe(renderFunctions());
  });

  it("states each declared default in both locales", () => {
    const [, , comparator] = QUOTA.params;
    expect(paramDescription(comparator, "en")).toBe("至少, 左右 or 不超过 (default 至少).");
    expect(paramDescription(comparator, "zh")).toBe("比较方式：至少、左右 或 不超过（默认 至少）。");
    const tiers = TARGET.params[6];
    expect(paramDescription(tiers, "en")).toBe("Tier names, best first (default 先进, 一般, 后进).");
    expect(paramDescription(tiers, "zh")).toBe("等次名称，从好到差（默认 先进、一般、后进）。");
    expect(paramDescription(WARN.params[1], "zh")).toBe("低于此分为黄色（默认 70）。");
    // A parameter without a default says nothing about one.
    expect(paramDescription(WARN.params[0], "en")).toBe("The points.");
  });

  it("every exported entry point has the table's parameters, and every optional one comes last", () => {
    for (const f of FUNCTIONS) {
      const first = f.params.findIndex((p) => p.optional);
      if (first >= 0) expect(f.params.slice(first).every((p) => p.optional)).toBe(true);
      expect(renderFunctions([f])).toContain(`export function ${f.id.toLowerCase()}(`);
    }
  });

  it("a declared default is what the runner uses (WARN: yellow below 70, red below 60)", () => {
    // 65 is below 70 and not below 60: 黄色, whether the lines are omitted, blank or given.
    expect(warn(65)).toBe("黄色");
    expect(warn(65, "", null)).toBe("黄色");
    expect(warn(65, 70, 60)).toBe("黄色");
    expect(warn(65, 66, 66)).toBe("红色");
  });

  it("a row result has as many cells as its declared headers", () => {
    // Two 后进 branches, one now 一般: base 2, 50% at least → 1 required, 1 attained, gap 0.
    const row = target(col("后进", "后进"), col("一般", "后进"), "后进", "转化", "至少", "50%");
    expect(row).toEqual([[2, 1, 1, 0, "达标"]]);
    expect(row[0]!.length).toBe(TARGET.result.headers.en.length);
    const table = [
      ["组织编码", "会议类型", "日期"],
      ["001", "党课", 46054],
    ];
    expect(meetings("001", table, "党课", 46100)[0]!.length).toBe(2);
  });
});
