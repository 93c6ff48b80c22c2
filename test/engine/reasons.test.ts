/**
 * 定级依据 as messages: the zh-CN text of 结果 and the same reasons in English, from a
 * hand-built state (default 设置: 先进/一般/后进, 分数线 90,70, 2 decimals).
 */
import { Problems } from "../../src/engine/problems";
import { reasonBuilder, type ReasonContext } from "../../src/engine/reasons";
import { readSettings } from "../../src/engine/settings";
import { R_CUTOFF, R_DIRECT, R_QUOTA, R_SATISFACTION } from "../../src/engine/tiers";

function context(): ReasonContext {
  const settings = { ...readSettings(undefined, new Problems()), satisfactionFloor: { n: 60n, s: 0 } };
  // Branches: 0 above 90; 1 below 70 with 测评 missing; 2 cut by the 先进 quota 2/4 on a tie;
  // 3 set directly; 4 capped by 测评满意度 55.00 < 60.
  return {
    settings,
    scores: {
      combined: [9150, 6500, 9300, 8000, 9500],
      survey: [NaN, NaN, NaN, NaN, 5500],
      rescaled: new Uint8Array([0, 2, 0, 0, 0]),
    },
    state: {
      tier: [0, 2, 1, 0, 1],
      reason: new Uint8Array([R_CUTOFF, R_CUTOFF, R_QUOTA, R_DIRECT, R_SATISFACTION]),
      reasonArg: [0, 0, 0, 0, 0],
    },
    quota: {
      capTier: [-1, -1, 0, -1, -1],
      tie: new Uint8Array([0, 0, 1, 0, 0]),
      limits: new Map([[0, { k: 2, n: 4 }]]),
    },
    quotaGroup: [0, 0, 0, 0, 0],
  } as unknown as ReasonContext;
}

const ZH = [
  "综合得分 91.50 ≥ 90 → 先进",
  "综合得分 65.00 < 70 → 后进（缺测评，按权重折算）",
  "先进名额 2/4 已满，并列超出名额 → 一般",
  "直接定级 → 先进",
  "测评满意度 55.00 低于 60 → 一般",
];
const EN = [
  "综合得分 91.50 ≥ 90 → 先进",
  "综合得分 65.00 < 70 → 后进 (no 测评; weights rescaled)",
  "先进 quota 2/4 full, tied beyond the quota → 一般",
  "tier set directly → 先进",
  "测评满意度 55.00 below 60 → 一般",
];

test("定级依据 in zh-CN, as 结果 shows it", () => {
  const reason = reasonBuilder(context());
  expect([0, 1, 2, 3, 4].map(reason)).toEqual(ZH);
});

test("the same reasons in English", () => {
  const reason = reasonBuilder(context(), "en-US");
  expect([0, 1, 2, 3, 4].map(reason)).toEqual(EN);
});

test("a cached cutoff line is not reused for a branch with the same score whose weights were rescaled", () => {
  const ctx = context();
  ctx.scores.rescaled[0] = 0;
  ctx.scores.combined[0] = 6500;
  ctx.state.tier[0] = 2;
  const reason = reasonBuilder(ctx);
  expect([reason(0), reason(1), reason(0)]).toEqual([
    "综合得分 65.00 < 70 → 后进",
    ZH[1],
    "综合得分 65.00 < 70 → 后进",
  ]);
});
