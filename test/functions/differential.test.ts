/**
 * The DJ.* functions against grading (#11): every grading fixture's inputs are graded by
 * the engine, and the functions, given the same cells as a clerk would pass them, must give
 * the same numbers for every branch: DJ.TOTAL = 上级评定, DJ.COMBINE = 综合得分, DJ.TIER =
 * the cutoff tier where cutoffs decided it, DJ.RANK = 组内排名, DJ.MOVE = 变动,
 * DJ.BENCHMARK = 赶超对象, DJ.TARGET and DJ.QUOTA = the 晋位升级 rows, DJ.TIERS = 等次 where
 * cutoffs and quota caps decided every tier. (DJ.WARN, DJ.OVERDUE and DJ.MEETINGS against the
 * records' output sheets: differential-records.test.ts.)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  Problems,
  formatRate,
  resolveSheetName,
  gradeWorkbook,
  readSettings,
  type Grid,
  type OutputSheet,
} from "../../src/engine";
import {
  benchmark,
  combine,
  move,
  quota,
  rank,
  target,
  tier,
  tiers,
  total,
} from "../../src/functions/functions";
import { col, row } from "./cf-double";

const DIR = join(__dirname, "..", "fixtures", "grading");

interface Fixture {
  sheets: Record<string, Grid>;
  asOf?: string;
}

const cases = readdirSync(DIR)
  .filter((d) => /^\d/.test(d))
  .map((d) => [d, JSON.parse(readFileSync(join(DIR, d, "input.json"), "utf8")) as Fixture] as const);

/** A sheet's rows as records keyed by its header row. */
function records(sheet: OutputSheet | undefined): Record<string, unknown>[] {
  if (!sheet) return [];
  const [head, ...rest] = sheet.rows;
  return rest.map((r) => Object.fromEntries((head as unknown[]).map((h, i) => [String(h), r[i]])));
}

const plain = (v: unknown): unknown => (typeof v === "object" && v !== null && "value" in v ? v.value : v);

describe.each(cases)("fixture %s", (_name, fx) => {
  const graded = gradeWorkbook(fx.sheets, { asOf: fx.asOf ? new Date(fx.asOf) : new Date(2026, 10, 1) });
  if (!graded.ok) {
    it("is a bad-input case (no branch results to compare)", () => expect(graded.ok).toBe(false));
    return;
  }
  const settings = readSettings(
    fx.sheets[resolveSheetName(Object.keys(fx.sheets), "设置") ?? ""],
    new Problems(),
  );
  const tiersArg = col(...settings.tiers);
  const cutoffs = col(...settings.cutoffs.map((d) => Number(d.n) / 10 ** d.s));
  const results = records(graded.outputs.find((s) => s.name === "结果"));
  const sheet = (name: string) => fx.sheets[resolveSheetName(Object.keys(fx.sheets), name)!] as unknown[][];
  const rubric = sheet("标准");
  const sourceCol = (rubric[0] as unknown[]).indexOf("来源");
  const sourced = sourceCol >= 0 && rubric.slice(1).some((r) => String(r[sourceCol] ?? "").trim() !== "");
  const kinds = rubric.slice(1).map((r) => String(r[(rubric[0] as unknown[]).indexOf("类型")] ?? ""));
  const scores = sheet("评分");
  const branches = sheet("组织");
  const code = (r: unknown[]) => String(r[(branches[0] as unknown[]).indexOf("组织编码")]);

  it("DJ.TOTAL gives each branch's 上级评定", () => {
    // 排名/比例 depend on the other branches: DJ.TOTAL refuses them (#VALUE!); a 来源 item
    // takes its value from the records, which a formula over one 评分 row does not see.
    if (kinds.some((k) => k === "排名" || k === "比例") || sourced) return;
    for (const b of results) {
      const inputs = scores.find((r) => String(r[0]) === String(b["组织编码"]));
      if (!inputs) continue;
      const got = total(
        [inputs.slice(1)],
        [(scores[0] as unknown[]).slice(1)],
        rubric,
        b["领域"],
        settings.scale100,
        Number(settings.bonusCap.n) / 10 ** settings.bonusCap.s,
        settings.baseScore ? Number(settings.baseScore.n) / 10 ** settings.baseScore.s : null,
        settings.penaltyCap ? Number(settings.penaltyCap.n) / 10 ** settings.penaltyCap.s : null,
      );
      expect([b["组织编码"], got]).toEqual([b["组织编码"], plain(b["上级评定"])]);
    }
  });

  it("DJ.COMBINE gives 综合得分 from the cells as typed, DJ.TIER the cutoff tier where the cutoffs decided", () => {
    const w = settings.weights.map((d) => Number(d.n) / 10 ** d.s);
    const head = scores[0] as unknown[];
    const at = (r: unknown[] | undefined, h: string) => (r && head.indexOf(h) >= 0 ? r[head.indexOf(h)] : "");
    for (const b of results) {
      if (String(b["定级依据"]).includes("折算")) continue; // a source rescaled for this branch
      const typed = scores.find((r) => String(r[0]) === String(b["组织编码"]));
      const survey = at(typed, "测评满意度");
      // Grading reads a 测评满意度 ≤ 1 as a fraction; DJ.COMBINE takes numbers as they are (the
      // clerk passes percent points), so such a cell is passed × 100; text ("85%") as typed.
      const src = [
        plain(b["上级评定"]),
        at(typed, "自评得分"),
        typeof survey === "number" && survey <= 1 ? plain(b["测评满意度"]) : survey,
      ];
      const used = w.map((x, i) => [x, src[i]] as const).filter(([x]) => x > 0);
      const got = combine(row(...used.map(([, s]) => s)), row(...used.map(([x]) => x)), settings.digits);
      expect([b["组织编码"], got]).toEqual([b["组织编码"], plain(b["综合得分"])]);
      if (/^综合得分 /.test(String(b["定级依据"])))
        expect([b["组织编码"], tier(plain(b["综合得分"]), cutoffs, tiersArg)]).toEqual([
          b["组织编码"],
          b["等次"],
        ]);
    }
  });

  it("DJ.RANK gives 组内排名, DJ.MOVE gives 变动", () => {
    const key =
      settings.quotaGroup === "领域" ? "领域" : settings.quotaGroup === "全部" ? null : "上级党组织";
    const all = col(...results.map((b) => plain(b["综合得分"])));
    const groups = key ? col(...results.map((b) => b[key])) : undefined;
    for (const b of results) {
      const one = [[plain(b["综合得分"])]];
      const got = key ? rank(one, all, [[b[key]]], groups) : rank(one, all);
      expect([b["组织编码"], got]).toEqual([b["组织编码"], [[b["组内排名"]]]]);
      expect([b["组织编码"], move(b["上期等次"], b["等次"], tiersArg)]).toEqual([b["组织编码"], b["变动"]]);
    }
    // The whole column in one spilled call gives the same ranks.
    const spilled = key ? rank(all, all, groups, groups) : rank(all, all);
    expect(spilled).toEqual(col(...results.map((b) => b["组内排名"])));
  });

  it("DJ.TIERS gives 等次 where cutoffs and quota caps decided every tier", () => {
    // Other steps (否决, 直接定级, floors, caps on 满意度) are not DJ.TIERS's; nor is a 名额取整
    // other than the default (DJ.TIERS rounds K = n × share down, as FUNCTIONS.md says).
    const decided = (why: unknown) => /^(综合得分 [\d.]+ [≥<] |\S+名额 \d+\/\d+ 已满)/.test(String(why));
    if (results.length === 0 || !results.every((b) => decided(b["定级依据"]))) return;
    if (settings.quotaRounding !== "向下取整") return;
    const key =
      settings.quotaGroup === "领域" ? "领域" : settings.quotaGroup === "全部" ? null : "上级党组织";
    // Grading breaks a tie on 综合得分 by 上级评定, then 测评满意度; DJ.TIERS has the score only.
    const tieKey = (b: Record<string, unknown>) =>
      `${key ? String(b[key]) : ""}|${String(plain(b["综合得分"]))}`;
    const later = (b: Record<string, unknown>) =>
      `${String(plain(b["上级评定"]))}|${String(plain(b["测评满意度"]))}`;
    const seen = new Map<string, string>();
    for (const b of results) {
      if ((seen.get(tieKey(b)) ?? later(b)) !== later(b)) return;
      seen.set(tieKey(b), later(b));
    }
    const caps = settings.quotaCaps.flatMap((r, i) => (r ? [[settings.tiers[i], formatRate(r)]] : []));
    const got = tiers(
      col(...results.map((b) => plain(b["综合得分"]))),
      cutoffs,
      tiersArg,
      caps.length > 0 ? caps : undefined,
      key ? col(...results.map((b) => b[key])) : undefined,
    );
    expect(got).toEqual(col(...results.map((b) => b["等次"])));
  });

  it("DJ.BENCHMARK gives 赶超对象", () => {
    const name = new Map(results.map((b) => [String(b["组织编码"]), b["组织名称"]]));
    const list = (k: string) => col(...results.map((b) => plain(b[k])));
    for (const b of results) {
      const got = benchmark(
        b["组织编码"],
        list("组织编码"),
        list("领域"),
        list("上级党组织"),
        list("等次"),
        list("综合得分"),
        settings.tiers[0],
      );
      expect([b["组织编码"], got === "" ? "" : name.get(got)]).toEqual([b["组织编码"], b["赶超对象"] ?? ""]);
    }
  });

  it("DJ.TARGET and DJ.QUOTA give the 晋位升级 rows", () => {
    const demoCol = (branches[0] as unknown[]).indexOf("示范点");
    const demo = new Map(branches.slice(1).map((r) => [code(r), demoCol >= 0 ? r[demoCol] : ""]));
    for (const t of records(graded.outputs.find((s) => s.name === "晋位升级"))) {
      const spec = settings.targets.find((s) => s.label === t["目标"]);
      if (!spec) continue;
      const members =
        t["上级党组织"] === "合计" ? results : results.filter((b) => b["上级党组织"] === t["上级党组织"]);
      const rate = formatRate(spec.rate);
      const got = target(
        col(...members.map((b) => b["上期等次"])),
        col(...members.map((b) => b["等次"])),
        settings.tiers[spec.from],
        spec.success,
        spec.comparator,
        rate,
        tiersArg,
        col(...members.map((b) => demo.get(String(b["组织编码"])) ?? "")),
      );
      const want = ["基数", "应达数", "实达数", "差额", "状态"].map((k) => plain(t[k]));
      expect([t["上级党组织"], t["目标"], got[0]]).toEqual([t["上级党组织"], t["目标"], want]);
      expect(quota(t["基数"], rate, spec.comparator)).toBe(plain(t["应达数"]));
    }
  });
});
