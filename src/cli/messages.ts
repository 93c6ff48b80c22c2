/** User-facing text of the command line: Chinese first, then English. */

export const HELP = `branch-grader：支部考评命令行（分类定级、晋位升级）
branch-grader: grade party branches from .xlsx workbooks (no Excel needed)

用法 / Usage:
  branch-grader grade 输入.xlsx [-o 输出.xlsx] [--json 摘要.json] [--as-of YYYY-MM-DD] [--force]
      读取 设置/标准/组织/评分 表，定级，写出 结果、晋位升级、汇总、公示 表（默认 输入-已定级.xlsx）；
      有 整改台账/党员/积分/会议记录 时另写 整改明细、整改汇总、督办通知、积分结果、积分汇总、三会一课
      Grade a workbook; write it with the output sheets (default: IN-已定级.xlsx beside IN)
  branch-grader template [-o 考评模板.xlsx] [--rubric 标准模板] [--records]
      生成待填写的空白模板（含五个好示例标准、默认设置、下拉选项、表头说明）；
      --rubric 选用已发布的标准模板（含示例支部和规则说明）：五个好、星级评定、积分制、
      三方加权分领域、五星创评、五维五百分、排名赋分；--records 另加 整改台账、党员、积分、会议记录 四张表
      Write a ready-to-fill template workbook; --rubric picks a published rubric pattern;
      --records adds the four record sheets (ledger, members, points, meetings)
  branch-grader import 单位考评表.xlsx -o 输出.xlsx [--force]
      转换：按单位自己的表（标题行、两行表头、每个上级党组织一张表、带分值的列标题）生成
      约定格式的 设置/标准/组织/评分 表，写入副本，原有的表不变（定级不需要先转换）
      Convert an office's own sheets: add the contract sheets, into a copy
  branch-grader demo [-o 示例-已定级.xlsx]
      对内置示例工作簿定级，写出 ./示例-已定级.xlsx 并打印摘要
      Grade the bundled sample workbook into ./示例-已定级.xlsx
  branch-grader consolidate 甲.xlsx 乙.xlsx ... -o 汇总.xlsx [--json 摘要.json]
      合并多个单位已定级的工作簿（结果表），在合并层面重算 晋位升级、汇总、公示 和 赶超对象
      Merge graded workbooks from several units; recompute 晋位升级, 汇总, 公示 and 赶超对象 combined
  branch-grader quota 输入.xlsx --total 总名额 [--kind 类别] [--adjust 3,2,2] [-o 输出.xlsx] [--force]
      名额：按各上级党组织的基数用最大余额法分配总名额，写出带“名额分配”表的副本（默认
      输入-名额分配.xlsx）；--kind 为 示范点（默认，基数为本期最高等次）或晋位目标如 后进转化；
      --adjust 按表中顺序给出手工调整后的名额
      Split a total quota over the 上级党组织 by largest remainder; write a copy with 名额分配
  branch-grader finalize 输入.xlsx [-o 输出.xlsx] [--no-protect] [--force]
      定稿：把 DJ.* 公式替换为数值，加“说明”表写明所用规则，保护输出表（无密码；
      --no-protect 不保护），写出副本（默认 输入-定稿.xlsx）
      Finalize for reviewers without the add-in: formulas to values, a 说明 sheet, protection
  branch-grader help | --help | -h      显示本帮助 / Show this help
  branch-grader --version               显示版本 / Show the version

选项 / Options:
  -o, --output 文件     输出文件 / Output file
  --json 文件           另存一份 JSON 摘要 / Also write a JSON summary
  --as-of YYYY-MM-DD    统计日期（覆盖设置表）/ As-of date (overrides 设置 统计日期)
  --force               输出文件已存在时替换它（默认不覆盖）/ Replace an existing output file
  --total N             quota：总名额 / quota: the total to split
  --kind 类别           quota：示范点 或 晋位目标（如 后进转化）/ quota: 示范点 or a 晋位升级 target
  --adjust a,b,…        quota：手工调整后的名额 / quota: hand-adjusted parts, one per group
  --no-protect          finalize：不保护输出表 / finalize: leave the output sheets unprotected

退出码 / Exit codes: 0 成功 / ok; 2 输入或文件有误 / bad input or file; 1 意外错误 / unexpected error
`;

/** A user-facing failure: printed as one line, exit code 2 (bad input or file). */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

export const msg = {
  error: (s: string) => `错误 / Error: ${s}`,
  unknownCommand: (c: string) =>
    `未知命令“${c}”，可用命令：grade、template、import、demo、consolidate、quota、finalize（branch-grader --help 查看帮助）/ Unknown command "${c}"`,
  noCommand: "缺少命令，请运行 branch-grader --help 查看用法 / No command given: see branch-grader --help",
  needInput: "缺少输入文件，例如：branch-grader grade 考评.xlsx / Missing the input workbook",
  oneInput: "grade 只接受一个输入文件 / grade takes exactly one input workbook",
  oneInputFor: (command: string) =>
    `${command} 只接受一个输入文件 / ${command} takes exactly one input workbook`,
  needOutput: "consolidate 需要用 -o 指定输出文件 / consolidate needs -o OUT.xlsx",
  needTwo: "consolidate 至少需要一个已定级的工作簿 / consolidate needs at least one graded workbook",
  badArgs: (detail: string) => `参数有误：${detail}（branch-grader --help 查看用法）/ Invalid arguments`,
  badDate: (s: string) =>
    `--as-of 的日期“${s}”无效，应为 YYYY-MM-DD，如 2024-12-31 / Invalid --as-of date, expected YYYY-MM-DD`,
  notFound: (p: string) => `找不到文件：${p} / File not found`,
  isDir: (p: string) => `这是一个文件夹，不是文件：${p} / This is a folder, not a file`,
  noAccess: (p: string) => `没有权限读取：${p} / Permission denied`,
  cannotWrite: (p: string, why: string) => `无法写入 ${p}（${why}）/ Cannot write the file (${why})`,
  cannotRead: (p: string, why: string) => `无法读取 ${p}（${why}）/ Cannot read the file (${why})`,
  busy: (p: string) =>
    `文件正被其他程序使用：${p}；若已在 Excel/WPS 中打开，请先关闭再试 / The file is in use: close it in Excel/WPS and try again`,
  noWriteAccess: (p: string) =>
    `没有权限写入：${p}；请换一个文件夹，或确认文件没有在 Excel/WPS 中打开 / Permission denied: choose another folder, or close the file in Excel/WPS`,
  noFolder: (d: string) =>
    `文件夹不存在：${d}；请先建立该文件夹 / The folder does not exist: create it first`,
  diskFull: (p: string) =>
    `磁盘空间不足，无法写入 ${p}；请清理磁盘后再试 / The disk is full: free some space and try again`,
  readOnly: (p: string) =>
    `该位置是只读的，无法写入 ${p}；请换一个文件夹 / Read-only location: choose another folder`,
  nameTooLong: (p: string) => `文件名太长：${p} / The file name is too long`,
  tooLarge: (p: string) => `文件太大，无法读取：${p} / The file is too large to read`,
  exists: (p: string) =>
    `文件已存在：${p}；为避免覆盖，未写入。要替换它请加 --force，或用 -o 指定另一个文件名 / The file exists: add --force to replace it, or choose another name with -o`,
  notXlsxName: (p: string) => `输出文件应以 .xlsx 结尾：${p} / The output file must end in .xlsx`,
  needXlsm: (p: string) =>
    `这是含宏的工作簿（.xlsm），输出文件也应以 .xlsm 结尾：${p} / A macro workbook must be written as .xlsm`,
  notMacro: (p: string) =>
    `这不是含宏的工作簿，输出文件应以 .xlsx 结尾（不是 .xlsm）：${p} / Not a macro workbook: write it as .xlsx`,
  sameFile: (p: string) =>
    `输出文件不能与输入文件相同：${p}；请用 -o 指定另一个文件名（原文件不会被改动）/ The output must differ from the input`,
  inFile: (p: string, s: string) => `${p}：${s}`,
  invalidInput: (n: number) =>
    `输入有误，共 ${n} 个问题，未写出定级结果 / Invalid input: ${n} problem(s); no results written`,
  problemsWritten: (p: string) =>
    `问题清单已写入 ${p} 的“问题”表 / The problems are listed in the 问题 sheet of ${p}`,
  written: (p: string) => `已写出 / Written: ${p}`,
  missingSheetsHint:
    "可用 branch-grader template 生成待填写的模板；单位自己的考评表可直接定级，也可用 branch-grader import 转换为约定格式 / See branch-grader template and branch-grader import",
  jsonWritten: (p: string) => `摘要已写出 / Summary written: ${p}`,
  templateWritten: (p: string) => `模板已写出 / Template written: ${p}`,
  unknownRubric: (name: string, names: string[]) =>
    `没有名为“${name}”的标准模板，可选：${names.join("、")} / No rubric template "${name}"`,
  unexpected: (s: string) =>
    `意外错误：${s}（请把这一行和所用文件告诉维护者）/ Unexpected error: please report this line and the file`,
};
