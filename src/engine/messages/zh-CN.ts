/**
 * zh-CN text of every engine message (problems, notices, 定级依据): the text the output sheets
 * show. `{name}` is a parameter; en-US.ts has the same ids with the same parameters.
 */
export const ZH_CN = {
  // Problems (collection)
  moreProblems: "另有 {count} 个问题未列出，请先修正以上问题后重新定级",

  // 设置
  settingRepeated: "设置项「{key}」重复出现（第一次在第 {row} 行），此项只能出现一次",
  settingInvalid: "设置项「{key}」的值 {value} 无效，应为{expected}",
  wantNonNegative: "不小于 0 的数",
  wantTierList: "至少两个等次，从好到差，用逗号或顿号分隔，如 先进,一般,后进",
  wantDistinctTiers: "互不相同的等次名称",
  wantCutoffs: "{count} 个数，从高到低，用逗号分隔，如 90,70",
  cutoffCount: "分数线有 {cutoffs} 个数，而等次有 {tiers} 个，分数线应比等次少一个（{need} 个）",
  wantDescending: "从高到低严格递减的数，如 90,70",
  cutoffsNeeded: "等次有 {tiers} 个，需要同时设置「分数线」（{need} 个数，从高到低）",
  wantYesNo: "是 或 否",
  wantDigits: "0 到 6 之间的整数",
  weightsZero: "上级评定权重、自评权重、测评权重之和为 0，至少一个权重应大于 0",
  wantMissingRule: "「报错」或「按权重折算」",
  wantDate: "一个日期，如 2026-11-01",
  wantDistinctSectors: "互不重复的领域名称",
  tierShareInvalid:
    "设置项「{key}」中的「{part}」无效，应为 等次:比例，等次须是 {tiers} 之一，如 {first}:30%",
  tierShareRate: "设置项「{key}」中的「{part}」比例无效，应为 0 到 100% 之间，如 30% 或 0.3",
  tierShareLowest: "设置项「{key}」不能限制最低等次「{tier}」的名额",
  wantPercentPoints: "0 到 100 之间的数（百分点，如 60）",
  wantOneTier: "等次 {tiers} 之一",
  satisfactionCapMissing: "设置了「满意度下限」，还需要设置「低于时最高」（满意度低于下限时最高可定的等次）",
  satisfactionFloorMissing: "设置了「低于时最高」，还需要设置「满意度下限」",
  wantQuotaGroup: "上级党组织、领域 或 全部",
  wantQuotaRounding: "向下取整、四舍五入 或 向上取整",
  targetInvalid: "晋位目标 {value} 无效：{why}",
  targetShape: "应为 原等次:转化或晋级或示范:至少或左右或不超过:比例，如 后进:转化:至少:90%",
  targetTierUnknown: "等次「{tier}」不在等次列表 {tiers} 中",
  targetSuccess: "「{value}」应为 转化、晋级 或 示范",
  targetTop: "最高等次「{tier}」无法再{success}",
  targetComparator: "「{value}」应为 至少、左右 或 不超过",
  targetRate: "比例「{value}」应为 0 到 100% 之间，如 90%",
  wantPositiveCount: "正整数（逾期问题数达到它时发出此督办单）",
  wantRedBelowYellow: "不高于黄色预警线的红色预警线",
  wantNotAboveCap: "不高于积分上限的数",
  wantMeetingRule:
    "「会议类型:周期:次数」，会议类型为 {types} 之一，周期为 每月、每季度 或 每年，次数为正整数，如 支部委员会:每月:1",
  meetingRuleRepeated: "会议要求中「{type}」出现了两次（第一次在第 {row} 行），每种会议只能有一行",

  // Cells and headers
  oddDate: "日期 {value}",
  oddFormula:
    "公式 ={formula}，但文件中没有它的计算结果（文件可能由其他程序生成）：请在 Excel/WPS 中打开、重新计算并保存后再试",
  oddLongText: "{length} 个字符的文字，超过 Excel 单元格上限 32,767 个字符，请缩短",
  cellIsOdd: "此格是{odd}",
  headerRepeated: "列「{header}」重复出现（第一次在 {col} 列），每列只能有一个",
  headerAlias: "（或英文 {alias}）",
  headerMissing: "缺少列「{header}」{alias}，请在第 {row} 行加上这一列标题",

  // 评分 cells
  wantCount: "不小于 0 的整数（次数）",
  wantPoints: "不小于 0 的数（分值）",
  wantBetween: " {lo} 到 {max} 之间的数",
  inputBlank: "指标 {id}（{kind}）未填写，应为{want}（不适用时填「不适用」或「/」）",
  inputNegative: "指标 {id} 的输入 {value} 是负数，应为{range}",
  inputBelowFloor: "指标 {id} 的输入 {value} 低于下限 {lo}，应为{range}",
  inputAboveMax: "指标 {id} 的输入 {value} 超过满分 {max}，应为{range}",
  pointsNegative: "指标 {id}（{kind}）的分值 {value} 是负数，应为不小于 0 的数（分值）",
  countNegative: "指标 {id}（{kind}）的次数 {value} 是负数，应为不小于 0 的整数",
  countFraction: "指标 {id}（{kind}）的次数 {value} 不是整数，应为不小于 0 的整数",
  inputOdd: "指标 {id}（{kind}）的输入是{odd}，应为{range}",
  inputNotNumber: "指标 {id}（{kind}）的输入 {value} 不是数，应为{range}",
  passBlank: "指标 {id}（达标）未填写，应为 是 或 否",
  yesNoOdd: "指标 {id}（{kind}）的输入是{odd}，应为 是 或 否",
  yesNoInvalid: "指标 {id}（{kind}）的输入 {value} 无效，应为 是 或 否（也可用 1/0、√/×、Y/N）",
  selfNotNumber: "自评得分 {value} 不是数，应为 0 到 100 之间的数",
  selfOutOfRange: "自评得分 {value} 超出范围，应为 0 到 100 之间的数",
  surveyInvalid:
    "测评满意度 {value} 无效，应为 0 到 100 之间的百分数（如 85 或 85%），或 0 到 1 之间的小数（如 0.85）",
  selfMissing:
    "自评得分未填写：自评权重大于 0 时每个组织都需要自评得分（或在设置中把缺项处理设为「按权重折算」）",
  surveyMissing:
    "测评满意度未填写：测评权重大于 0 时每个组织都需要测评满意度（或在设置中把缺项处理设为「按权重折算」）",
  wantValue: "一个数（该指标的数值）",
  inputNegativeOf: "指标 {id}（{kind}）的输入 {value} 是负数，应为{range}",
  scoreIdBlank: "组织编码为空，每行评分都要填写组织编码",
  scoreIdUnknown: "组织编码 {value} 不在组织表中，请先在组织表中登记该组织",
  scoreIdRepeated: "组织编码 {value} 在评分表中重复（第一次在第 {row} 行），每个组织只能有一行评分",
  otherSectorCell: "指标 {id} 不适用于领域「{sector}」，此格应为空或「不适用」（现为 {value}）",
  allNotApplicable:
    "组织 {code} 的计分指标全部为「不适用」，无法折算百分制：请至少填写一项，或在设置中设「基准分」",
  noSource: "这一行没有可用的得分来源（权重大于 0 的来源都为空），无法计算综合得分",

  // 标准
  criterionIdBlank: "指标编码为空，每个指标都需要一个编码",
  kindInvalid: "指标 {id} 的类型 {value} 无效，应为 {kinds} 之一",
  criterionSectorUnknown: "指标 {id} 的领域「{sector}」不在设置的领域列表（{sectors}）中",
  criterionValueMissing: "指标 {id}（{kind}）缺少{header}，应为{what}",
  criterionValueInvalid: "指标 {id} 的{header} {value} 无效，应为{what}",
  wantPositive: "大于 0 的数",
  wantPositiveInteger: "正整数",
  vetoTierInvalid: "指标 {id} 的否决后果「{value}」无效，应为「末等」或等次 {tiers} 之一",
  criterionIdRepeated: "指标编码 {id} 与第 {row} 行重复（同一领域内每个编码只能出现一次）",
  kindColumnMissing:
    "缺少列「{header}」：有指标的类型需要它（频次需要要求次数，排名需要排名分值，评分、扣分、达标、频次、比例需要满分）",
  rubricEmpty: "标准表没有任何指标，请至少填写一行",
  columnNotForKind: "指标 {id}（{kind}）不能填写{header}：{header}只用于{kinds}类指标，此格应为空",
  floorNotNumber: "指标 {id} 的下限 {value} 不是数，应为小于满分的数（可为负数，表示倒扣）",
  floorNotBelowMax: "指标 {id} 的下限 {value} 无效，应小于满分 {max}",
  rankPointsInvalid:
    "指标 {id} 的排名分值 {value} 无效，应为从第 1 名起不增的一组不小于 0 的分数（第 1 名大于 0），如 60,57,54,51,48",
  rankMaxMismatch: "指标 {id}（排名）的满分 {max} 应为空或等于排名分值的第一个数 {first}",
  rankPointsMissing: "指标 {id}（排名）缺少排名分值，应为从第 1 名起的一组分数，如 60,57,54,51,48",
  rankScopeInvalid: "指标 {id} 的排名范围「{value}」无效，应为 全部、上级党组织 或 领域",
  rankOrderInvalid: "指标 {id} 的排序「{value}」无效，应为 降序（越大越好）或 升序（越小越好）",

  // 组织
  branchesEmpty: "组织表没有任何组织，请从第 2 行起每行填写一个组织",
  tierUnknown: "{header} {value} 不是已设置的等次，应为 {tiers} 之一或留空",
  branchIdBlank: "组织编码为空，每个组织都需要唯一的组织编码",
  branchIdRepeated: "组织编码 {value} 重复（第一次在第 {row} 行），组织编码必须唯一",
  branchNameBlank: "组织 {code} 的组织名称为空",
  branchParentBlank: "组织 {code} 的上级党组织为空",
  branchSectorBlank: "组织 {code} 的领域为空，应为 {sectors} 之一",
  branchSectorUnknown: "领域「{sector}」未知，应为 {sectors} 之一",
  memberCountInvalid: "党员数 {value} 无效，应为不小于 0 的整数",
  yesNoOrBlank: "{header} {value} 无效，应为 是 或 否（或留空）",

  // 党员, 积分
  memberNameBlank: "姓名为空",
  memberIdRepeated: "党员编号 {id} 重复（第一次在第 {row} 行），党员编号应唯一",
  pointsMemberColumns: "缺少列「党员编号」或「姓名」：每条积分应能找到一名党员",
  memberIdUnknown: "党员编号 {id} 不在党员表中",
  memberNameMismatch: "姓名「{name}」与党员编号 {id} 的党员（{actual}）不符",
  memberBranchMismatch: "组织编码 {code} 与党员编号 {id} 的党员所在组织不符",
  memberNotFound: "找不到党员「{name}」，请核对姓名或党员表",
  memberNotFoundIn: "找不到党员「{name}」（组织编码 {code}），请核对姓名或党员表",
  memberAmbiguous: "党员表中有 {count} 名「{name}」，请填写党员编号或组织编码以区分",
  memberAmbiguousIn: "党员表中有 {count} 名「{name}」（组织编码 {code}），请填写党员编号以区分",
  memberUnnamed: "党员编号和姓名都为空，无法确定是哪名党员",
  pointsBlank: "分值 为空，应为一个数（加分为正，扣分为负）",
  pointsNotNumber: "分值 {value} 不是数，应为一个数（加分为正，扣分为负）",

  // 会议记录, 整改台账, record cells
  meetingTypeBlank: "会议类型为空，应为 {types} 之一",
  meetingTypeUnknown: "会议类型「{value}」未知，应为 {types} 之一（也可写 党员大会、支委会）",
  headcountInvalid: "{header} {value} 无效，应为不小于 0 的整数（可留空）",
  issueBlank: "问题为空，每行应写明一个整改问题",
  severityInvalid: "严重程度「{value}」无效，应为 一般、较重 或 严重（留空按一般）",
  fixKindInvalid: "整改类型「{value}」无效，应为 立行立改 或 限期整改（可留空）",
  statusBlank: "状态为空，应为 未整改、整改中 或 已销号",
  statusInvalid: "状态 {value} 无效，应为 未整改、整改中 或 已销号",
  closedDateMissing: "状态为已销号，但销号日期为空：请填写销号日期",
  closedDateNotClosed: '填了销号日期，但状态是"{status}"而不是"已销号"：销号日期只在已销号时填写',
  recordBranchBlank: "{header}为空，应为组织表中的一个组织编码",
  recordBranchUnknown: "组织编码 {value} 不在组织表中，请核对或先在组织表中添加",
  dateBlank: "{header}为空，应为日期，如 2026-03-31",
  dateInvalid: "{header} {value} 不是日期，应为日期，如 2026-03-31 或 2026年3月31日",
  pointsWithoutMembers: "有积分表但没有党员表：请添加党员表（组织编码、姓名、党员编号），积分才能对应到党员",
  recordsNeedBranches: "缺少工作表「{sheet}」，台账按组织汇总，请先添加组织表",

  // The workbook as a whole
  sheetMissing: "缺少工作表「{sheet}」（或英文名 {alias}），{needs}",
  sheetNeeds: "需要的列：{cols}。请添加这张表（可用模板新建）{office}",
  scoresColumns: "组织编码（或组织名称）及每个指标一列",
  officeNoRubric: "；评分表的列标题写明分值（如“班子建设（15分）”）时可以不要这张表",
  officeSheets: "；单位自己的考评表（含单位名称和带分值的指标列，如“班子建设（15分）”）也可直接读取",
  criterionColumnMissing: "缺少指标 {id} 的列：评分表第 {row} 行应有标题为「{id}」的一列",
  pointsConflict: "指标「{id}」在这里是 {max} 分，在「{sheet}」{cell} 是 {other} 分：同一指标的分值应一致",
  sectorNoPoints:
    "领域「{sector}」没有适用的计分指标（评分、扣分、达标、频次、排名、比例），无法折算百分制（或在设置中设「基准分」）",
  blankSectorNoPoints:
    "领域「（空）」没有适用的计分指标（评分、扣分、达标、频次、排名、比例），无法折算百分制（或在设置中设「基准分」）",
  scoreRowMissing: "组织编码 {code} 在评分表中没有对应的行，请补上它的评分",

  // Notices (提示)
  rescaledSelf: "组织 {code} 缺自评得分，已按权重折算",
  rescaledSurvey: "组织 {code} 缺测评满意度，已按权重折算",
  rescaledBoth: "组织 {code} 缺自评得分和测评满意度，已按权重折算",
  deductFloorCut:
    "组织 {code} 的指标 {id}（扣分）应扣 {deducted} 分，得分 {points} 低于下限 {floor}，按 {floor} 计",
  itemCapCut: "组织 {code} 的指标 {id}（{kind}）{points} 分超过该项上限 {cap}，按 {cap} 计",
  bonusCapCut: "组织 {code} 的加分合计 {sum} 超过加分总上限 {cap}，按 {cap} 计",
  penaltyCapCut: "组织 {code} 的减分合计 {sum} 超过减分总上限 {cap}，按 {cap} 计",
  negative: "负数",
  totalRaisedToZero: "组织 {code} 的上级评定按公式为 {shown}，低于 0，按 0 计",
  weightItem: "{key} {value}",
  weightItemDefault: "{key} {value}（默认）",
  weightScalesMixed:
    "权重的写法不一致（{list}：有的不大于 1，有的大于 1）；权重按数值相对计算，请确认是否应统一写成百分数或小数",
  lookalikeColumn:
    "列「{label}」不是约定的列名，已忽略；若它就是「{header}」，请把列标题改为「{header}」（或在任务窗格中映射该列）",
  emptyTargetBase:
    "没有任何组织填写上期等次，晋位升级各项目标的基数都为 0：请在组织表填写上期等次，才能衡量晋位升级",
  typedTotalDiffers:
    "组织 {code} 的「{label}」填的是 {typed}，按标准算得上级评定 {total}，两者不一致（此列不参与定级，请核对原来的公式）",

  // 标准 来源
  sourceMeetingType: "来源 {value} 的会议类型未知，应为 {types} 之一",
  sourceInvalid:
    "来源 {value} 无效，应为 会议:<类型>、三会一课缺开、三会一课达标、三会一课未达标、整改逾期、整改未销号、积分红色、积分黄色 或 积分平均",
  sourceKind: "来源「{source}」不能用于{kind}类指标 {id}，只能用于 {kinds} 类指标",
  sourceSheetMissing: "指标 {id} 的来源「{source}」需要「{sheet}」表，但工作簿中没有这张表",
  sourcedCellFilled: "指标 {id} 的得分取自来源「{source}」，此格应为空（或填 不适用），现为 {value}",
  sourceNoMembers:
    "组织 {code} 没有参评党员，无法取得指标 {id} 的来源「积分平均」；若此项不适用，请在评分表「{id}」列填 不适用",

  // 定级依据
  reasonAbove: "综合得分 {score} ≥ {cutoff} → {tier}",
  reasonBelow: "综合得分 {score} < {cutoff} → {tier}",
  reasonDimension: "维度「{name}」{points}/{max}",
  reasonDimensionUnknown: "维度",
  reasonQuota: "{capTier}名额{count} 已满{tie} → {tier}",
  reasonQuotaCount: " {k}/{n}",
  reasonQuotaTie: "，并列超出名额",
  reasonFloor: "{dim} 未达{floorTier}下限 {share} → {tier}",
  reasonDirect: "直接定级 → {tier}",
  reasonVeto: "否决项 {id} 触发 → {tier}",
  reasonSatisfaction: "测评满意度 {survey} 低于 {floor} → {tier}",
  reasonRescaled: "{line}（缺{missing}，按权重折算）",
  reasonNoSelf: "自评",
  reasonNoSurvey: "测评",
  reasonNoBoth: "自评、测评",
} as const satisfies Record<string, string>;

export type MessageId = keyof typeof ZH_CN;
