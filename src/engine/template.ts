/**
 * The ready-to-fill workbook (DOMAIN §7) as pure data: the four input sheets with their
 * headers, an example 五个好 rubric, the default settings, dropdown lists and header notes.
 * Every host builds the same template from this (the CLI's `template` command and the
 * browser through the file host, the task pane in Excel and WPS). No Office, DOM or Node APIs here.
 */
import { BRANCHES_SHEET } from "./contract";

export interface TemplateValidation {
  /** 0-based column index. */
  column: number;
  /** The dropdown's choices, in order (empty for a date column). */
  list: string[];
  /** A date column: any date accepted (no dropdown). */
  date?: boolean;
}

export interface TemplateNote {
  /** 0-based column index of the header cell that carries the note. */
  column: number;
  text: string;
}

export interface TemplateSheet {
  name: string;
  /** Header row first, then example / default rows. */
  rows: (string | number)[][];
  /** Dropdowns applied to the data rows (rows 2 .. validationRows+1) of a column. */
  validations: TemplateValidation[];
  /** Notes (comments) on the header cells that explain each column. */
  notes: TemplateNote[];
  /** Column widths in characters, by 0-based column index. */
  widths: number[];
  /** Header rows to freeze. */
  freezeRows: number;
}

/** How many data rows the dropdowns cover (ample for a district's branches). */
export const TEMPLATE_VALIDATION_ROWS = 2000;

export const TEMPLATE_TIERS = ["先进", "一般", "后进"];
export const TEMPLATE_KINDS = ["评分", "扣分", "加分", "达标", "频次", "否决", "减分", "排名", "比例"];
export const TEMPLATE_SECTORS = [
  "农村",
  "城市社区",
  "机关",
  "事业单位",
  "国有企业",
  "非公企业",
  "社会组织",
  "学校",
  "医院",
];
export const YES_NO = ["是", "否"];

/** One rubric row: 指标编码, 领域, 维度, 指标名称, 类型, 满分, 单项分值, 上限, 要求次数, 否决后果. */
export type RubricRow = [
  string,
  string,
  string,
  string,
  string,
  number | "",
  number | "",
  number | "",
  number | "",
  string,
];

export const RUBRIC_HEADERS = [
  "指标编码",
  "领域",
  "维度",
  "指标名称",
  "类型",
  "满分",
  "单项分值",
  "上限",
  "要求次数",
  "否决后果",
];

/** The 标准 columns of the newer kinds (下限 on 评分/扣分; the rest on 排名/比例), after the first ten. */
export const RUBRIC_EXTRA_HEADERS = ["下限", "排名分值", "排名范围", "排序", "来源"];

/** The example 五个好 rubric: every 类型 once at least; non-bonus 满分 sum to 100. */
export const FIVE_GOODS_RUBRIC: RubricRow[] = [
  ["A01", "全部", "领导班子好", "支部书记履职尽责、班子团结有力", "评分", 10, "", "", "", ""],
  ["A02", "全部", "领导班子好", "支部委员会按期换届", "达标", 5, "", "", "", ""],
  ["B01", "全部", "党员队伍好", "党员教育管理和发展党员", "评分", 15, "", "", "", ""],
  ["B02", "全部", "党员队伍好", "党员受到党纪政务处分（每人次扣分）", "扣分", 10, 5, "", "", ""],
  ["C01", "全部", "工作机制好", "“三会一课”按期召开（次数）", "频次", 15, "", "", 24, ""],
  ["C02", "全部", "工作机制好", "主题党日按月开展（次数）", "频次", 10, "", "", 12, ""],
  ["C03", "全部", "工作机制好", "组织生活会和民主评议党员", "达标", 5, "", "", "", ""],
  ["D01", "全部", "工作业绩好", "围绕中心服务大局成效", "评分", 15, "", "", "", ""],
  ["E01", "全部", "群众反映好", "群众评价和口碑", "评分", 15, "", "", "", ""],
  ["F01", "全部", "加分", "受到上级表彰或经验推广（每项加分）", "加分", "", 2, 4, "", ""],
  ["V01", "全部", "否决", "发生严重违纪违法或重大责任事故", "否决", "", "", "", "", "末等"],
  ["V02", "全部", "否决", "“三会一课”制度未落实", "否决", "", "", "", "", "一般"],
];

/** 设置 rows: the defaults of DOMAIN §7, written out so a user sees every key. */
export const DEFAULT_SETTINGS: [string, string | number][] = [
  ["等次", "先进,一般,后进"],
  ["分数线", "90,70"],
  ["折算百分制", "是"],
  ["加分总上限", 5],
  ["小数位数", 2],
  ["上级评定权重", 100],
  ["自评权重", 0],
  ["测评权重", 0],
  ["缺项处理", "报错"],
  ["名额分组", "上级党组织"],
  ["领域", TEMPLATE_SECTORS.join(",")],
];

export const SETTINGS_NOTES: Record<string, string> = {
  项目: "设置项名称。可选项还有：维度下限（如 先进:80%）、满意度下限、低于时最高、名额上限（如 先进:30%）、名额取整（向下取整、四舍五入、向上取整）、基准分、减分总上限、统计日期、晋位目标（可多行，如 后进:转化:至少:90%）。",
  值: "设置值。列表用逗号、顿号或分号分隔；比例写 30% 或 0.3。",
};

export const RUBRIC_NOTES: Record<string, string> = {
  指标编码: "指标的唯一编码，评分表以此为列名（如 A01）。",
  领域: "适用领域；“全部”或留空表示适用于所有领域。一个领域可以有自己的指标行。",
  维度: "所属维度（如 五个好：领导班子好……），用于维度下限。",
  指标名称: "指标的说明文字。",
  类型: "评分：填分数；扣分、加分、减分：填次数（单项分值留空则填分值）；达标：填是/否；频次：填次数；否决：填是/否；排名、比例：填数值，按排名或比例得分。",
  满分: "该项满分（评分、扣分、达标、频次）。",
  单项分值: "扣分、加分、减分类：每次扣（加、减）的分值；留空表示评分表直接填分值。",
  上限: "加分、减分类：该项上限。",
  要求次数: "频次类：达到满分要求的次数。",
  否决后果: "否决类：“末等”表示直接定为最低等次；填等次名称表示最高只能定为该等次。",
  下限: "评分、扣分类：得分的下限（默认 0；负数表示倒扣）。",
  排名分值: "排名类：第 1 名起各名次的分值，从高到低，如 60,57,54,51,48；其后名次得 0 分。",
  排名范围: "排名、比例类：在哪些组织之间比较：全部（默认）、上级党组织 或 领域。",
  排序: "排名、比例类：降序（默认，越大越好）或 升序（越小越好）。",
  来源: "可选：从台账取值，评分表此列留空。会议:支部委员会（次数）、三会一课缺开、三会一课达标（达标类）、三会一课未达标（否决类）、整改逾期、整改未销号、积分红色、积分黄色（人数）、积分平均（评分、比例类）。",
};

/** The 组织 headers of the template: the contract's, in its order. */
export const BRANCH_HEADERS = BRANCHES_SHEET.headers.map((x) => x.name);
export const BRANCH_NOTES: Record<string, string> = {
  组织编码: "党组织的唯一编码，不能重复。",
  组织名称: "党组织全称。",
  上级党组织: "所属上级党组织（党委、党工委等），用于名额分组和汇总。",
  领域: "所属领域，须在设置的领域列表中。",
  党员数: "党员人数（整数）。",
  上期等次: "上一期定级结果，用于晋位升级；新成立的组织留空。",
  示范点: "是否命名为示范点（是/否）。",
  直接定级: "可选：直接确定的等次（如受到区级以上表彰），会记入定级依据。",
};

const SCORE_NOTES: Record<string, string> = {
  组织编码: "与组织表的组织编码一致。",
  自评得分: "支部自评得分（0–100），自评权重大于 0 时必填。",
  测评满意度: "群众测评满意度，如 85% 或 0.85，测评权重大于 0 时必填。",
};

export function notesFor(headers: string[], table: Record<string, string>): TemplateNote[] {
  return headers.flatMap((h, column) => (table[h] ? [{ column, text: table[h] }] : []));
}

function scoreNote(row: RubricRow): string {
  const [, , , name, kind, max, unit, , required] = row;
  switch (kind) {
    case "评分":
      return `${name}：填 0–${max} 的分数。`;
    case "扣分":
    case "加分":
    case "减分": {
      const verb = kind === "加分" ? "加" : kind === "扣分" ? "扣" : "减";
      // A blank 单项分值 makes the input the points themselves (DOMAIN §2.1).
      return unit === ""
        ? `${name}：填${verb}分分值。`
        : `${name}：填发生次数（整数），每次${verb} ${unit} 分。`;
    }
    case "排名":
      return `${name}：填该项的数值，按排名赋分；不适用填“不适用”。`;
    case "比例":
      return `${name}：填该项的数值（不小于 0），按与最好者的比例得分；不适用填“不适用”。`;
    case "达标":
      return `${name}：达标填“是”，否则填“否”。`;
    case "频次":
      return `${name}：填实际次数（整数），要求 ${required} 次。`;
    default:
      return `${name}：发生填“是”，未发生填“否”或留空。`;
  }
}

/** The 评分 sheet's headers for a rubric: 组织编码, one column per 指标编码, 自评得分, 测评满意度. */
export function scoreHeaders(rubric: RubricRow[]): string[] {
  return ["组织编码", ...rubric.map((r) => r[0]), "自评得分", "测评满意度"];
}

/** The four input sheets of a new workbook: 设置, 标准, 组织, 评分. */
export function templateSheets(): TemplateSheet[] {
  const tierAndWorst = ["末等", ...TEMPLATE_TIERS];
  const settings: TemplateSheet = {
    name: "设置",
    rows: [["项目", "值"], ...DEFAULT_SETTINGS.map(([k, v]) => [k, v])],
    validations: [],
    notes: notesFor(["项目", "值"], SETTINGS_NOTES),
    widths: [16, 60],
    freezeRows: 1,
  };
  const rubricHeaders = [...RUBRIC_HEADERS, ...RUBRIC_EXTRA_HEADERS];
  const rubric: TemplateSheet = {
    name: "标准",
    rows: [rubricHeaders, ...FIVE_GOODS_RUBRIC.map((r) => [...r, ...RUBRIC_EXTRA_HEADERS.map(() => "")])],
    validations: [
      { column: 1, list: ["全部", ...TEMPLATE_SECTORS] },
      { column: 4, list: TEMPLATE_KINDS },
      { column: 9, list: tierAndWorst },
      { column: 12, list: ["全部", "上级党组织", "领域"] },
      { column: 13, list: ["降序", "升序"] },
    ],
    notes: notesFor(rubricHeaders, RUBRIC_NOTES),
    widths: [10, 10, 12, 36, 8, 8, 10, 8, 10, 10, 8, 18, 10, 8, 16],
    freezeRows: 1,
  };
  const branches: TemplateSheet = {
    name: "组织",
    rows: [BRANCH_HEADERS],
    validations: [
      { column: 3, list: TEMPLATE_SECTORS },
      { column: 5, list: TEMPLATE_TIERS },
      { column: 6, list: YES_NO },
      { column: 7, list: TEMPLATE_TIERS },
    ],
    notes: notesFor(BRANCH_HEADERS, BRANCH_NOTES),
    widths: [12, 28, 20, 10, 8, 10, 8, 10],
    freezeRows: 1,
  };
  return [settings, rubric, branches, scoreSheet(FIVE_GOODS_RUBRIC)];
}

/** The 评分 sheet for a rubric: headers, 是/否 dropdowns for 达标/否决 columns, a note per column. */
export function scoreSheet(rubric: RubricRow[]): TemplateSheet {
  const headers = scoreHeaders(rubric);
  const notes: TemplateNote[] = [
    ...notesFor(headers, SCORE_NOTES),
    ...rubric.map((r, i) => ({ column: i + 1, text: scoreNote(r) })),
  ].sort((a, b) => a.column - b.column);
  return {
    name: "评分",
    rows: [headers],
    validations: rubric.flatMap((r, i) =>
      r[4] === "达标" || r[4] === "否决" ? [{ column: i + 1, list: YES_NO }] : [],
    ),
    notes,
    widths: headers.map((h) => (h === "组织编码" ? 12 : h.length > 4 ? 10 : 7)),
    freezeRows: 1,
  };
}
