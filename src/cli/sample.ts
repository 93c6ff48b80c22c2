/**
 * A deterministic, realistic sample workbook (seeded PRNG): 上级党组织 with their sectors,
 * the 五个好 rubric plus sector rows, 自评/测评 weights, previous tiers, 示范点, a few
 * vetoes, a 先进 quota. Used for assets/示例.xlsx (scripts/make-sample.ts) and, scaled up,
 * for the benchmark. Pure data + exceljs (a brand-new workbook); no fs.
 */
import {
  FIVE_GOODS_RUBRIC,
  TEMPLATE_VALIDATION_ROWS,
  scoreHeaders,
  scoreSheet,
  templateSheets,
  recordTemplateSheets,
  type RubricRow,
} from "../engine";
import { TemplateWorkbook } from "../host/file-exceljs";
import { sampleRecords } from "./sample-records";

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Group {
  name: string;
  prefix: string;
  sectors: string[];
}

export const SAMPLE_GROUPS: Group[] = [
  { name: "城关街道党工委", prefix: "CG", sectors: ["城市社区", "非公企业", "社会组织"] },
  { name: "青山镇党委", prefix: "QS", sectors: ["农村", "农村", "农村", "机关", "事业单位"] },
  { name: "经济开发区党工委", prefix: "KF", sectors: ["非公企业", "非公企业", "国有企业", "机关"] },
  { name: "区委教育工委", prefix: "JY", sectors: ["学校", "学校", "学校", "事业单位"] },
  { name: "区卫生健康系统党委", prefix: "WJ", sectors: ["医院", "医院", "事业单位"] },
  { name: "区国资委党委", prefix: "GZ", sectors: ["国有企业", "国有企业", "机关"] },
];

/** Sector-specific rubric rows ("一领域一方案"). */
export const SECTOR_RUBRIC: RubricRow[] = [
  ["NC01", "农村", "工作业绩好", "发展壮大村级集体经济", "评分", 10, "", "", "", ""],
  ["SQ01", "城市社区", "工作业绩好", "网格化治理和为民服务", "评分", 10, "", "", "", ""],
  ["FG01", "非公企业", "工作业绩好", "党建引领企业发展", "评分", 10, "", "", "", ""],
  ["XX01", "学校", "工作业绩好", "立德树人、党建带团建", "评分", 10, "", "", "", ""],
  ["YY01", "医院", "工作业绩好", "医德医风和患者满意度", "评分", 10, "", "", "", ""],
  ["GQ01", "国有企业", "工作业绩好", "党建与生产经营深度融合", "评分", 10, "", "", "", ""],
];

const SAMPLE_RUBRIC: RubricRow[] = [...FIVE_GOODS_RUBRIC, ...SECTOR_RUBRIC];

const NAME_PARTS: Record<string, [string[], string]> = {
  农村: [
    ["东山", "西河", "南岭", "北坡", "柳树", "杏花", "石桥", "清水", "枫林", "白沙", "红旗", "新庄"],
    "村党支部",
  ],
  城市社区: [["幸福", "和平", "阳光", "锦绣", "春晖", "翠苑", "文苑", "滨江", "丽景", "友谊"], "社区党支部"],
  机关: [["办公室", "财政所", "司法所", "综合执法队", "党政办", "经发办", "社会事务办"], "机关党支部"],
  事业单位: [["文化站", "农技站", "社保中心", "档案馆", "图书馆", "水利站", "便民服务中心"], "党支部"],
  国有企业: [["城投集团", "水务公司", "公交公司", "燃气公司", "建设集团", "粮食储备公司"], "党支部"],
  非公企业: [
    ["华鑫科技", "恒远物流", "瑞丰食品", "中诚建材", "宏达电子", "金穗农业", "博雅文化", "天成机械"],
    "党支部",
  ],
  社会组织: [["义工联合会", "商会", "志愿者协会", "养老服务中心", "律师协会"], "党支部"],
  学校: [["第一中学", "第二中学", "实验小学", "职业中学", "第三小学", "育才中学"], "党支部"],
  医院: [["人民医院", "中医院", "妇幼保健院", "疾控中心", "社区卫生服务中心"], "党支部"],
};

const TIERS = ["先进", "一般", "后进"];

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 2 → 二, 12 → 十二, 35 → 三十五 (ordinals in branch names). */
function ordinal(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 100) return `${n >= 20 ? DIGITS[Math.floor(n / 10)] : ""}十${DIGITS[n % 10]}`;
  return String(n);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export interface SampleOptions {
  branches?: number;
  seed?: number;
  /** Add the record sheets (整改台账, 党员, 积分, 会议记录): the bundled sample has them. */
  records?: boolean;
}

export interface SampleSheets {
  settings: (string | number)[][];
  rubric: (string | number)[][];
  branches: (string | number)[][];
  scores: (string | number)[][];
  /** The record sheets by name (only with `records`). */
  records?: Record<string, (string | number)[][]>;
}

/** The sample's four input sheets as rows (header first). */
export function sampleSheets(options: SampleOptions = {}): SampleSheets {
  const n = options.branches ?? 300;
  const rnd = prng(options.seed ?? 20241231);
  const [settingsTpl, rubricTpl, branchTpl] = templateSheets();
  const settings: (string | number)[][] = [
    settingsTpl.rows[0],
    ...settingsTpl.rows.slice(1).map((r) => {
      if (r[0] === "上级评定权重") return [r[0], 60];
      if (r[0] === "自评权重") return [r[0], 20];
      if (r[0] === "测评权重") return [r[0], 20];
      return r;
    }),
    ["维度下限", "先进:60%"],
    ["满意度下限", 60],
    ["低于时最高", "一般"],
    ["名额上限", "先进:30%"],
    ["统计日期", "2024-12-31"],
    ["晋位目标", "后进:转化:至少:90%"],
    ["晋位目标", "一般:晋级:至少:50%"],
    ["晋位目标", "先进:示范:左右:20%"],
  ];
  const rubric = [rubricTpl.rows[0], ...SAMPLE_RUBRIC.map((r) => [...r])];
  const branches: (string | number)[][] = [branchTpl.rows[0]];
  const scores: (string | number)[][] = [scoreHeaders(SAMPLE_RUBRIC)];
  const counters = new Map<string, number>();
  const names = new Map<string, number>();
  const vetoAt = new Set([Math.floor(n * 0.13), Math.floor(n * 0.57), Math.floor(n * 0.91)]);
  const capVetoAt = new Set([Math.floor(n * 0.31), Math.floor(n * 0.74)]);
  const directAt = new Set([Math.floor(n * 0.05), Math.floor(n * 0.66)]);
  const kept: { id: string; group: number; q: number }[] = [];

  for (let i = 0; i < n; i++) {
    const g = SAMPLE_GROUPS[i % SAMPLE_GROUPS.length];
    const sector = g.sectors[Math.floor(rnd() * g.sectors.length)];
    const seq = (counters.get(g.prefix) ?? 0) + 1;
    counters.set(g.prefix, seq);
    const id = `${g.prefix}${String(seq).padStart(n > 9999 ? 6 : 3, "0")}`;
    const [parts, suffix] = NAME_PARTS[sector];
    const base = parts[Math.floor(rnd() * parts.length)];
    const place = g.name.replace(/党工委|党委|系统|区委|区/g, "");
    const stem = `${place}${base}`;
    const nth = (names.get(stem) ?? 0) + 1;
    names.set(stem, nth);
    const name =
      nth === 1 ? `${stem}${suffix}` : `${stem}第${ordinal(nth)}${suffix.replace(/^.*?党支部$/, "党支部")}`;
    // Branch quality drives every input; previous tier follows it loosely.
    const q = clamp(0.61 + rnd() * 0.4 + (rnd() - 0.5) * 0.1, 0.4, 1);
    const prevRoll = q + (rnd() - 0.5) * 0.25;
    const prev = rnd() < 0.08 ? "" : prevRoll > 0.9 ? TIERS[0] : prevRoll > 0.72 ? TIERS[1] : TIERS[2];
    const demo = prev === TIERS[0] && rnd() < 0.3 ? "是" : "否";
    const direct = directAt.has(i) ? TIERS[0] : "";
    branches.push([id, name, g.name, sector, 5 + Math.floor(rnd() * 60), prev, demo, direct]);
    kept.push({ id, group: i % SAMPLE_GROUPS.length, q });

    const row: (string | number)[] = [id];
    for (const r of SAMPLE_RUBRIC) {
      const [code, rs, , , kind, max, , , required] = r;
      if (rs !== "全部" && rs !== sector) {
        row.push("");
        continue;
      }
      const jitter = clamp(q + (rnd() - 0.5) * 0.2, 0, 1);
      switch (kind) {
        case "评分":
          row.push(round1(Number(max) * jitter));
          break;
        case "扣分":
          row.push(q < 0.6 && rnd() < 0.5 ? 1 + Math.floor(rnd() * 2) : rnd() < 0.05 ? 1 : 0);
          break;
        case "频次":
          row.push(Math.round(Number(required) * clamp(jitter + 0.1, 0, 1)));
          break;
        case "达标":
          row.push(rnd() < 0.3 + q * 0.65 ? "是" : "否");
          break;
        case "加分":
          row.push(q > 0.85 && rnd() < 0.4 ? 1 + Math.floor(rnd() * 2) : "");
          break;
        default:
          // 否决: V01 (末等) for a few branches, V02 (最高一般) for a couple.
          row.push((code === "V01" && vetoAt.has(i)) || (code === "V02" && capVetoAt.has(i)) ? "是" : "否");
      }
    }
    row.push(round1(clamp(q * 100 + 5 + (rnd() - 0.5) * 8, 40, 100)));
    const survey =
      i === Math.floor(n * 0.42) || i === Math.floor(n * 0.83)
        ? 0.55
        : clamp(q + (rnd() - 0.3) * 0.15, 0.6, 0.99);
    row.push(Math.round(survey * 1000) / 1000);
    scores.push(row);
  }
  // A PRNG of its own, so the grading sheets stay exactly as they were without records.
  const records = options.records ? sampleRecords(kept, prng((options.seed ?? 20241231) + 1)) : undefined;
  return { settings, rubric, branches, scores, records };
}

/** The sample workbook as .xlsx bytes: the template's sheets filled with sample data. */
export async function buildSampleWorkbook(options: SampleOptions = {}): Promise<Uint8Array> {
  const data = sampleSheets(options);
  const tpl = templateSheets();
  const rowsFor = [data.settings, data.rubric, data.branches, data.scores];
  const big = (options.branches ?? 300) > 5000;
  // The score sheet's columns, dropdowns and notes follow the sample's rubric.
  const sheets = tpl.map((t, i) => ({
    ...(t.name === "评分" ? scoreSheet(SAMPLE_RUBRIC) : t),
    rows: rowsFor[i],
  }));
  const more = recordTemplateSheets().flatMap((t) =>
    data.records?.[t.name] ? [{ ...t, rows: data.records[t.name]! }] : [],
  );
  sheets.push(...more);
  const fw = TemplateWorkbook.create();
  fw.workbook.created = new Date(Date.UTC(2024, 11, 31));
  fw.workbook.modified = new Date(Date.UTC(2024, 11, 31));
  fw.addTemplateSheets(sheets, big ? 0 : Math.min(TEMPLATE_VALIDATION_ROWS, (options.branches ?? 300) + 50));
  const survey = fw.workbook.getWorksheet("评分");
  if (survey) {
    const col = scoreHeaders(SAMPLE_RUBRIC).indexOf("测评满意度") + 1;
    survey.getColumn(col).numFmt = "0.0%";
  }
  // The records' dates are serials: show them as dates.
  for (const t of more) {
    const ws = fw.workbook.getWorksheet(t.name);
    t.rows[0]!.forEach((h, c) => {
      if (ws && ["完成时限", "销号日期", "日期"].includes(String(h)))
        ws.getColumn(c + 1).numFmt = "yyyy-mm-dd";
    });
  }
  return fw.save();
}
