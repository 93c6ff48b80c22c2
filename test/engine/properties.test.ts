/**
 * Property tests (fast-check) of allocation, quota caps, tier monotonicity and row order.
 */
import fc from "fast-check";
import { allocate, applyQuotaCaps, gradeWorkbook, type BranchResult, type Sheets } from "../../src/engine";

const TIERS = ["先进", "一般", "后进"];

interface Branch {
  parent: string;
  sector: string;
  j1: number;
  j2: number;
  survey: number | "";
  previous: string;
}

const branchArb: fc.Arbitrary<Branch> = fc.record({
  parent: fc.constantFrom("甲党委", "乙党委", "丙党委"),
  sector: fc.constantFrom("农村", "社区"),
  // Three decimals, so that .xx5 ties and binary noise occur.
  j1: fc.integer({ min: 0, max: 80000 }).map((x) => x / 1000),
  j2: fc.integer({ min: 0, max: 6 }),
  survey: fc.oneof(fc.constant("" as const), fc.integer({ min: 0, max: 100 })),
  previous: fc.constantFrom("", ...TIERS),
});

function workbook(branches: Branch[], settings: unknown[][] = []): Sheets {
  return {
    设置: [["项目", "值"], ...settings],
    标准: [
      ["指标编码", "类型", "满分", "单项分值"],
      ["J1", "评分", 80, ""],
      ["J2", "扣分", 20, 3.5],
    ],
    组织: [
      ["组织编码", "组织名称", "上级党组织", "领域", "上期等次"],
      ...branches.map((b, i) => [`B${i + 1}`, `支部${i + 1}`, b.parent, b.sector, b.previous]),
    ],
    评分: [
      ["组织编码", "J1", "J2", "测评满意度"],
      ...branches.map((b, i) => [`B${i + 1}`, b.j1, b.j2, b.survey]),
    ],
  };
}

function grade(s: Sheets): BranchResult[] {
  const r = gradeWorkbook(s, { asOf: new Date(2026, 0, 1) });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.sheet}!${p.cell} ${p.message}`).join("\n"));
  return r.results;
}

test("allocation sums to the total and never exceeds a base", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 12 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (bases, f) => {
        const sum = bases.reduce((a, b) => a + b, 0);
        const total = Math.floor(sum * f);
        const parts = allocate(total, bases);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(bases[i]!);
          // Largest remainder: each part is its floor share or one more.
          const exact = sum === 0 ? 0 : (total * bases[i]!) / sum;
          expect(p).toBeGreaterThanOrEqual(Math.floor(exact + 1e-9) - 0);
          expect(p).toBeLessThanOrEqual(Math.ceil(exact - 1e-9));
        });
      },
    ),
    { numRuns: 300 },
  );
});

test("a quota cap is never exceeded (standalone and in a graded workbook)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom("x", "y")), {
        minLength: 1,
        maxLength: 40,
      }),
      fc.integer({ min: 0, max: 100 }),
      (items, pct) => {
        const res = applyQuotaCaps(
          TIERS,
          items.map(() => "先进"),
          { 先进: `${pct}%` },
          items.map(([s]) => [s]),
          items.map(([, g]) => g),
        );
        for (const g of ["x", "y"]) {
          const n = items.filter(([, x]) => x === g).length;
          const held = res.tiers.filter((t, i) => t === "先进" && items[i]![1] === g).length;
          expect(held).toBeLessThanOrEqual(Math.floor((n * pct) / 100));
        }
      },
    ),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(
      fc.array(branchArb, { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 0, max: 100 }),
      (branches, pct) => {
        const results = grade(workbook(branches, [["名额上限", `先进:${pct}%`]]));
        for (const p of ["甲党委", "乙党委", "丙党委"]) {
          const n = results.filter((r) => r.parent === p).length;
          const held = results.filter((r) => r.parent === p && r.tier === "先进").length;
          expect(held).toBeLessThanOrEqual(Math.floor((n * pct) / 100));
        }
      },
    ),
    { numRuns: 150 },
  );
});

test("without overrides a higher score never gets a worse tier", () => {
  fc.assert(
    fc.property(fc.array(branchArb, { minLength: 2, maxLength: 40 }), (branches) => {
      const results = grade(workbook(branches));
      for (const a of results) {
        for (const b of results) {
          if (a.combined > b.combined)
            expect(TIERS.indexOf(a.tier)).toBeLessThanOrEqual(TIERS.indexOf(b.tier));
        }
        // What a clerk sees decides: the tier is the cutoff tier of the rounded score.
        expect(a.tier).toBe(a.combined >= 90 ? "先进" : a.combined >= 70 ? "一般" : "后进");
      }
    }),
    { numRuns: 200 },
  );
});

test("shuffling the rows of 组织 and 评分 changes no branch's result", () => {
  fc.assert(
    fc.property(
      fc.array(branchArb, { minLength: 1, maxLength: 30 }),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.boolean(),
      (branches, seedA, seedB, withQuota) => {
        const settings = withQuota ? [["名额上限", "先进:40%"]] : [];
        const base = workbook(branches, settings);
        const shuffled = workbook(branches, settings);
        const shuffle = (rows: unknown[][], seed: number): unknown[][] => {
          const body = rows.slice(1);
          let s = seed;
          for (let i = body.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) % 2147483648;
            const j = s % (i + 1);
            [body[i], body[j]] = [body[j]!, body[i]!];
          }
          return [rows[0]!, ...body];
        };
        shuffled["组织"] = shuffle(shuffled["组织"]!, seedA);
        shuffled["评分"] = shuffle(shuffled["评分"]!, seedB);
        const byId = (rs: BranchResult[]): Map<unknown, BranchResult> => new Map(rs.map((r) => [r.id, r]));
        const a = byId(grade(base));
        const b = byId(grade(shuffled));
        expect(b.size).toBe(a.size);
        for (const [id, r] of a) expect(b.get(id)).toEqual(r);
      },
    ),
    { numRuns: 200 },
  );
});
