/**
 * Engine benchmark (not a timed test): grade synthetic workbooks of 10,000, 100,000 and
 * 1,048,575 branches with a 40-criterion rubric; compare with HyperFormula computing the
 * same 上级评定 and cutoff tier by ordinary formulas on 100,000 branches.
 *
 * Each measurement runs in its own child process so that peak memory (max RSS, from
 * process.resourceUsage) is honest per size. Run standalone: `npx tsx bench/engine.ts`.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { gradeWorkbook } from "../src/engine";
import type { Sheets } from "../src/engine";

export const CRITERIA = 40;
const SIZES = [10_000, 100_000, 1_048_575];
const PEER_BRANCHES = 100_000;

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The 40 criteria: 30 评分 (max 2.5), 4 扣分, 3 达标, 2 频次, 1 加分 — Σ 满分 of non-bonus = 100. */
export function rubricGrid(): unknown[][] {
  const rows: unknown[][] = [
    ["指标编码", "领域", "维度", "指标名称", "类型", "满分", "单项分值", "上限", "要求次数", "否决后果"],
  ];
  for (let j = 1; j <= CRITERIA; j++) {
    const id = `J${String(j).padStart(2, "0")}`;
    const kind = j <= 30 ? "评分" : j <= 34 ? "扣分" : j <= 37 ? "达标" : j <= 39 ? "频次" : "加分";
    const max = j <= 30 ? 2.5 : j <= 34 ? 3 : j <= 37 ? 2 : j <= 39 ? 2 : "";
    rows.push([
      id,
      "全部",
      `维度${(j % 5) + 1}`,
      `指标${j}`,
      kind,
      max,
      kind === "扣分" ? 0.5 : kind === "加分" ? 1 : "",
      kind === "加分" ? 3 : "",
      kind === "频次" ? 12 : "",
      "",
    ]);
  }
  return rows;
}

/** What Excel's range.values would give for a workbook of n branches. */
export function syntheticWorkbook(n: number, seed = 1): Sheets {
  const r = rng(seed);
  const tiers = ["先进", "一般", "后进"];
  const org: unknown[][] = [
    ["组织编码", "组织名称", "上级党组织", "领域", "党员数", "上期等次", "示范点", "直接定级"],
  ];
  const sc: unknown[][] = [
    [
      "组织编码",
      ...Array.from({ length: CRITERIA }, (_, j) => `J${String(j + 1).padStart(2, "0")}`),
      "自评得分",
      "测评满意度",
    ],
  ];
  const parents = Math.max(1, Math.round(n / 500));
  for (let i = 0; i < n; i++) {
    const id = `B${String(i + 1).padStart(7, "0")}`;
    org.push([
      id,
      `第${i + 1}党支部`,
      `党委${(i % parents) + 1}`,
      i % 3 === 0 ? "农村" : i % 3 === 1 ? "城市社区" : "机关",
      10 + (i % 40),
      tiers[Math.floor(r() * 3)],
      r() < 0.1 ? "是" : "",
      "",
    ]);
    const row: unknown[] = new Array(CRITERIA + 3);
    row[0] = id;
    for (let j = 1; j <= CRITERIA; j++) {
      if (j <= 30) row[j] = Math.round((1.5 + r()) * 100) / 100;
      else if (j <= 34) row[j] = r() < 0.7 ? 0 : Math.floor(r() * 3);
      else if (j <= 37) row[j] = r() < 0.85 ? "是" : "否";
      else if (j <= 39) row[j] = 8 + Math.floor(r() * 5);
      else row[j] = r() < 0.2 ? 1 : "";
    }
    row[CRITERIA + 1] = Math.round((70 + r() * 30) * 10) / 10;
    row[CRITERIA + 2] = Math.round((0.6 + r() * 0.4) * 1000) / 1000;
    sc.push(row);
  }
  return {
    设置: [
      ["项目", "值"],
      ["上级评定权重", 60],
      ["自评权重", 20],
      ["测评权重", 20],
      ["名额上限", "先进:30%"],
    ],
    标准: rubricGrid(),
    组织: org,
    评分: sc,
  };
}

function peakMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Child: grade n branches, print {seconds, peakMB, phases} (phases: seconds per pipeline phase). */
function childEngine(n: number): void {
  const sheets = syntheticWorkbook(n);
  // Settle the garbage left by generating the input, so that grading is not charged for it.
  (globalThis as { gc?: () => void }).gc?.();
  const phases: Record<string, number> = {};
  const t0 = process.hrtime.bigint();
  let last = t0;
  const res = gradeWorkbook(sheets, {
    onPhase: (phase) => {
      const t = process.hrtime.bigint();
      phases[phase] = Number(t - last) / 1e9;
      last = t;
    },
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (!res.ok) throw new Error(`grading failed: ${res.problems[0]?.message}`);
  process.stdout.write(JSON.stringify({ seconds, peakMB: peakMB(), phases }));
}

/** Child: HyperFormula computes 上级评定 (rounded) and the cutoff tier for n branches. */
async function childPeer(n: number): Promise<void> {
  const { HyperFormula } = await import("hyperformula");
  // Inputs per branch: 30 scores, 4 deductions (points), 3 checks (points), 2 frequencies (points), 1 bonus.
  const r = rng(1);
  const data: (number | string)[][] = [];
  for (let i = 0; i < n; i++) {
    const row: (number | string)[] = [];
    for (let j = 1; j <= CRITERIA; j++) {
      if (j <= 30) row.push(Math.round((1.5 + r()) * 100) / 100);
      else if (j <= 34) row.push(r() < 0.7 ? 0 : Math.floor(r() * 3));
      else if (j <= 37) row.push(r() < 0.85 ? 1 : 0);
      else if (j <= 39) row.push(8 + Math.floor(r() * 5));
      else row.push(r() < 0.2 ? 1 : 0);
    }
    const R = i + 1;
    // Points: Σ scores + Σ MAX(0, 3 − 0.5 × count) + 2 × checks + 2 × MIN(1, count/12), bonus MIN(count, 3) capped at 5.
    row.push(
      `=ROUND(SUM(A${R}:AD${R})+MAX(0,3-0.5*AE${R})+MAX(0,3-0.5*AF${R})+MAX(0,3-0.5*AG${R})+MAX(0,3-0.5*AH${R})+SUMPRODUCT(AI${R}:AK${R},{2,2,2})+2*MIN(1,AL${R}/12)+2*MIN(1,AM${R}/12)+MIN(5,MIN(AN${R},3)),2)`,
    );
    row.push(`=IF(AO${R}>=90,"先进",IF(AO${R}>=70,"一般","后进"))`);
    data.push(row);
  }
  const t0 = process.hrtime.bigint();
  const hf = HyperFormula.buildFromArray(data, {
    licenseKey: "gpl-v3",
    maxRows: 1_048_576,
    maxColumns: 16_384,
  });
  const tier = hf.getCellValue({ sheet: 0, col: CRITERIA + 1, row: n - 1 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (typeof tier !== "string") throw new Error("HyperFormula did not compute a tier");
  process.stdout.write(JSON.stringify({ seconds, peakMB: peakMB() }));
}

type ChildResult = { seconds: number; peakMB: number; phases?: Record<string, number> };

function inChild(mode: string, n: number): ChildResult {
  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", "--expose-gc", "--max-old-space-size=12000", self, mode, String(n)],
    {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out) as ChildResult;
}

export async function run(): Promise<{
  /** phases: seconds of read, score, tiers, outputs (sums to about seconds). */
  engine: {
    branches: number;
    criteria: number;
    seconds: number;
    peakMB: number;
    phases?: Record<string, number>;
  }[];
  peers: { name: string; branches: number; ratio: number; seconds: number }[];
}> {
  const engine = SIZES.map((n) => ({ branches: n, criteria: CRITERIA, ...inChild("engine", n) }));
  const hf = inChild("hyperformula", PEER_BRANCHES);
  const mine = engine.find((e) => e.branches === PEER_BRANCHES)!;
  return {
    engine,
    peers: [
      {
        name: "HyperFormula 3.5 (SUM/SUMPRODUCT + ROUND + nested IF)",
        branches: PEER_BRANCHES,
        ratio: hf.seconds / mine.seconds,
        seconds: hf.seconds,
      },
    ],
  };
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const [mode, n] = process.argv.slice(2);
  if (mode === "engine") childEngine(Number(n));
  else if (mode === "hyperformula") void childPeer(Number(n));
  else void run().then((r) => process.stdout.write(JSON.stringify(r, null, 2) + "\n"));
}
