import { CONTRACT, RUBRIC_TEMPLATES } from "../../src/engine";
import {
  DEFAULT_SETTINGS,
  FIVE_GOODS_RUBRIC,
  TEMPLATE_KINDS,
  templateSheets,
} from "../../src/engine/template";

describe("templateSheets (pure data shared by both hosts)", () => {
  const sheets = templateSheets();

  it("has the four input sheets with the contract's headers", () => {
    expect(sheets.map((s) => s.name)).toEqual(["设置", "标准", "组织", "评分"]);
    for (const s of sheets) {
      const spec = CONTRACT.sheets.find((c) => c.name === s.name)!;
      const header = s.rows[0].map(String);
      for (const h of spec.headers.filter((x) => x.required)) expect(header).toContain(h.name);
      if (s.name !== "评分") expect(header).toEqual(spec.headers.map((h) => h.name));
    }
  });

  it("uses the six basic 类型 in the 五个好 rubric (the published templates use the rest), with non-bonus 满分 summing to 100", () => {
    expect(new Set(FIVE_GOODS_RUBRIC.map((r) => r[4]))).toEqual(new Set(TEMPLATE_KINDS.slice(0, 6)));
    const used = new Set(RUBRIC_TEMPLATES.flatMap((t) => t.rubric.map((r) => r[4])));
    for (const kind of TEMPLATE_KINDS) expect(used).toContain(kind);
    const sum = FIVE_GOODS_RUBRIC.filter((r) => r[4] !== "加分" && r[4] !== "否决").reduce(
      (a, r) => a + Number(r[5]),
      0,
    );
    expect(sum).toBe(100);
    expect(new Set(FIVE_GOODS_RUBRIC.map((r) => r[2]))).toEqual(
      new Set(["领导班子好", "党员队伍好", "工作机制好", "工作业绩好", "群众反映好", "加分", "否决"]),
    );
  });

  it("writes only known settings keys, and a note on every header, and frozen header rows", () => {
    for (const [k] of DEFAULT_SETTINGS) expect(CONTRACT.settingsKeys).toContain(k);
    for (const s of sheets) {
      expect(s.freezeRows).toBe(1);
      expect(s.notes.map((n) => n.column)).toEqual(s.rows[0].map((_, i) => i));
    }
    const score = sheets[3];
    const yesNo = score.validations.map((v) => String(score.rows[0][v.column]));
    expect(yesNo).toEqual(
      FIVE_GOODS_RUBRIC.filter((r) => r[4] === "达标" || r[4] === "否决").map((r) => r[0]),
    );
  });
});
