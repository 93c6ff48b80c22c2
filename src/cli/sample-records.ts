/**
 * The sample's record sheets (DOMAIN §4–§6) for 2024, as of the sample's 统计日期 2024-12-31:
 * a rectification ledger with a few late and overdue items (one group bad enough for a
 * 约谈单), members with point entries (some yellow, a red one, a 否决, 免评 members), and
 * the year's meetings with occasional misses. Deterministic from the caller's PRNG.
 */
import { recordTemplateSheets, serialOfIso } from "../engine";

type Row = (string | number)[];

const PROBLEMS: [string, string, string][] = [
  ["“三会一课”记录不规范、内容简单", "规范会议记录", "按月检查会议记录"],
  ["党员发展程序材料不完整", "补齐发展党员材料", "对照流程逐项补正"],
  ["党费收缴不及时", "按月足额收缴党费", "建立党费收缴台账"],
  ["主题党日活动形式单一", "丰富主题党日内容", "结合中心工作开展实践活动"],
  ["组织生活会查摆问题不深入", "深入查摆问题", "重新组织对照检查"],
  ["阵地建设“六有”标准未达标", "完善活动阵地", "补齐制度上墙和党建资料"],
  ["流动党员管理不到位", "落实流动党员联系制度", "建立流动党员微信群"],
  ["支委分工不明确", "明确支委职责", "支委会研究调整分工"],
];
const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗".split("");
const GIVEN = [
  "建国",
  "秀英",
  "志强",
  "丽华",
  "海涛",
  "晓燕",
  "国华",
  "春梅",
  "永刚",
  "文静",
  "德明",
  "玉兰",
  "振华",
  "红霞",
  "立新",
  "淑芬",
];
const ITEMS: [string, number][] = [
  ["参加志愿服务", 5],
  ["承担攻坚任务", 10],
  ["讲授党课", 8],
  ["按时参加组织生活", 3],
  ["无故缺席组织生活", -5],
  ["未按时交纳党费", -3],
  ["受到上级表彰", 15],
];
const MONTHLY = ["支部委员会", "党小组会", "主题党日"];
const QUARTERLY = ["支部党员大会", "党课"];

/** A 2024 date as an Excel serial (written as a date cell; smaller than text in the file). */
const iso = (m: number, d: number, y = 2024): number =>
  serialOfIso(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

/** 整改台账, 党员, 积分, 会议记录 rows (header first) for the sample's branches. */
export function sampleRecords(
  branches: { id: string; group: number; q: number }[],
  rnd: () => number,
): Record<string, Row[]> {
  const [ledgerTpl, membersTpl, pointsTpl, meetingsTpl] = recordTemplateSheets();
  const ledger: Row[] = [ledgerTpl!.rows[0]!];
  const members: Row[] = [membersTpl!.rows[0]!];
  const points: Row[] = [pointsTpl!.rows[0]!];
  const meetings: Row[] = [meetingsTpl!.rows[0]!];
  let memberNo = 0;
  branches.forEach((b, i) => {
    // Ledger: weaker branches have more items and close them later; group 1 lags most.
    const items = Math.floor(rnd() * (b.q < 0.75 ? 3 : 1.6));
    for (let k = 0; k < items; k++) {
      const [problem, goal, measure] = PROBLEMS[Math.floor(rnd() * PROBLEMS.length)]!;
      const dm = 3 + Math.floor(rnd() * 9);
      const late = rnd() < (b.group === 1 ? 0.3 : b.group === 3 ? 0.08 : 0.03) + (b.q < 0.7 ? 0.05 : 0);
      const closed = !late && rnd() < 0.85;
      // An item neither overdue nor closed is due next year (未到期 on 2024-12-31).
      const deadline = late || closed ? iso(dm, 28) : iso(1 + Math.floor(rnd() * 6), 28, 2025);
      const status = closed ? "已销号" : late ? (rnd() < 0.5 ? "整改中" : "未整改") : "整改中";
      const closedOn = closed ? iso(Math.min(12, dm + (rnd() < 0.2 ? 1 : 0)), rnd() < 0.2 ? 5 : 20) : "";
      const severity = rnd() < 0.03 ? "严重" : rnd() < 0.25 ? "较重" : "一般";
      const owner =
        rnd() < 0.06
          ? ""
          : `${SURNAMES[Math.floor(rnd() * SURNAMES.length)]}${GIVEN[Math.floor(rnd() * GIVEN.length)]}`;
      ledger.push([
        b.id,
        problem,
        severity,
        goal,
        `落实${goal}`,
        measure,
        deadline,
        owner,
        rnd() < 0.3 ? "立行立改" : "限期整改",
        status,
        closedOn,
      ]);
    }
    // Members: 3–6 per branch; one in twenty 免评.
    const n = 3 + Math.floor(rnd() * 4);
    for (let k = 0; k < n; k++) {
      memberNo++;
      const no = `DY${String(memberNo).padStart(5, "0")}`;
      const name = `${SURNAMES[Math.floor(rnd() * SURNAMES.length)]}${GIVEN[Math.floor(rnd() * GIVEN.length)]}`;
      const exempt = rnd() < 0.05 ? "是" : "";
      members.push([b.id, name, no, exempt ? "年老体弱" : "正式党员", exempt]);
      const entries = 1 + Math.floor(rnd() * 5);
      for (let e = 0; e < entries; e++) {
        const good = rnd() < 0.7 + b.q * 0.25;
        const pool = ITEMS.filter(([, v]) => (good ? v > 0 : v < 0));
        const [item, value] = pool[Math.floor(rnd() * pool.length)]!;
        // Entries name the member by 党员编号 only (姓名 and 组织编码 are optional).
        points.push([no, "", "", iso(1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 27)), item, value]);
      }
      if (i === 17 && k === 0) points.push([no, name, b.id, iso(9, 12), "违反党的纪律受到处分", 0, "是"]);
    }
    // Meetings: a weaker branch misses a month or a quarter now and then.
    const miss = (): boolean => rnd() < (1 - b.q) * 0.05;
    for (let m = 1; m <= 12; m++)
      for (const type of MONTHLY)
        if (!miss()) meetings.push([b.id, type, iso(m, 5 + Math.floor(rnd() * 20))]);
    for (let qtr = 0; qtr < 4; qtr++)
      for (const type of QUARTERLY)
        if (!miss())
          meetings.push([b.id, type, iso(3 * qtr + 1 + Math.floor(rnd() * 3), 10 + Math.floor(rnd() * 15))]);
    if (!miss()) meetings.push([b.id, "组织生活会", iso(1 + Math.floor(rnd() * 2), 20)]);
  });
  return { 整改台账: ledger, 党员: members, 积分: points, 会议记录: meetings };
}
