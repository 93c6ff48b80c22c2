/**
 * 简体中文界面文字（默认语言）。Placeholders are written {name} and filled by `format`.
 * en-US.ts has exactly the same keys (test/taskpane/i18n.test.ts checks it).
 */
export const zhCN = {
  appTitle: "支部考评",
  tabStart: "开始",
  tabCheck: "检查",
  tabGrade: "定级",
  busy: "正在处理，请稍候……",
  writing: "正在写入 Excel（{done}/{total}）",
  dismiss: "关闭",

  browserModeNotice:
    "当前不在 Excel 中运行。浏览器模式（打开 .xlsx 文件定级）将随文件主机一同推出；现在请在 Excel 中通过“支部考评”加载项打开本窗格。",
  startIntro: "第一步：确认工作簿里有考评所需的工作表。缺少的可以一键建立模板。",
  refresh: "重新检查",
  sheetsHeading: "考评工作表",
  sheetPresent: "已有",
  sheetPresentAs: "已有（名为「{actual}」）",
  sheetMissing: "缺少",
  sheetOptional: "可选",
  sheetRequired: "必需",
  allSheetsPresent: "必需的工作表都已具备，可以进入“检查”。",
  createTemplate: "建立缺少的工作表",
  createTemplateHint:
    "只新建缺少的工作表（含表头、下拉选项、表头批注和“五个好”示例标准），已有的工作表不会被改动。",
  templateCreated: "已新建：{names}。请在“组织”“评分”中填写数据后进入“检查”。",
  templateNothing: "没有需要新建的工作表。",
  templateUnsupported: "当前环境不支持自动建立模板，请按说明手工建立工作表。",
  loadingSheets: "正在读取工作表……",

  mappingHeading: "表头对应",
  mappingIntro:
    "「{sheet}」中找不到下面的列。如果表中用的是别的名称（如“单位名称”代替“组织名称”），请选择对应的列：",
  mappingChoose: "选择对应的列",
  mappingNone: "（未对应）",
  mappingSave: "保存对应关系",
  mappingSaved: "对应关系已保存在工作簿中，下次打开仍然有效。",
  mappingUnsupported: "当前环境无法在工作簿中保存设置，对应关系只在本次有效。",
  mappingMissingHeader: "缺少列「{header}」",

  checkIntro: "第二步：检查填写是否完整、正确。发现的问题按工作表列出，点击即可跳到对应单元格。",
  runCheck: "开始检查",
  checkOk: "检查通过，没有发现问题。可以进入“定级”。",
  checkProblems: "发现 {count} 个问题，请修改后重新检查：",
  checkWarnings: "提示（不影响定级）：",
  problemGoTo: "定位到 {sheet}!{cell}",
  wholeSheet: "整张表",
  missingSheetsFirst: "缺少必需的工作表：{names}。请先在“开始”中建立模板。",

  gradeIntro:
    "第三步：定级。结果写入“结果”“晋位升级”“汇总”“公示”工作表（每次重新生成），不会改动您填写的工作表。",
  runGrade: "开始定级",
  gradeDone: "定级完成：共 {branches} 个党组织。",
  gradeFailed: "发现 {count} 个问题，已写入「问题」工作表，未生成定级结果。请修改后重新定级：",
  tierCounts: "各等次数量",
  tierShare: "{count} 个（{share}）",
  distribution: "等次分布",
  targetsHeading: "晋位升级目标",
  targetGroup: "上级党组织",
  targetName: "目标",
  targetRequired: "应达/实达",
  targetStatus: "状态",
  targetNone: "没有晋位升级目标（缺少上期等次数据）。",
  lastRun: "上次定级：{at}，{branches} 个党组织。",

  errCellEdit: "Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后重试。",
  errPayload: "一次写入的数据过多，Excel 拒绝了请求。请重试；如仍失败，请把工作簿分成几部分分别定级。",
  errExists: "已有同名的工作表或表格，无法替换。请重命名或删除同名对象后重试。",
  errProtected: "工作簿或工作表处于保护状态，无法写入。请撤销保护后重试。",
  errNotFound: "找不到需要的工作表或单元格，可能刚被删除或重命名。请点击“重新检查”后重试。",
  errApiNotFound: "您的 Excel 版本过旧，不支持所需功能。请更新 Office 或使用 Excel 网页版。",
  errBusy: "Excel 正忙（可能在计算或另一个操作未完成）。请稍等几秒后重试。",
  errGeneric:
    "Excel 操作失败（错误代码 {code}）：{message}。请保存工作簿后重试；如仍失败，请把错误代码告知管理员。",
  errUnknown: "出现错误：{message}。请重试；如仍失败，请把此信息告知管理员。",
} as const;

export type MessageKey = keyof typeof zhCN;
