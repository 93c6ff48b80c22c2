/**
 * en-US text of every engine message, for doors shown in English. Sheet names, headers,
 * setting keys and the values a clerk types stay in Chinese: they are the workbook's words.
 */
import type { MessageId } from "./zh-CN";

export const EN_US: Record<MessageId, string> = {
  // Problems (collection)
  moreProblems: "{count} more problems are not listed; fix the ones above and grade again",

  // 设置
  settingRepeated: 'Setting "{key}" appears again (first in row {row}); it may appear only once',
  settingInvalid: 'Setting "{key}": the value {value} is invalid; expected {expected}',
  wantNonNegative: "a number of at least 0",
  wantTierList: "at least two tiers, best first, separated by commas or 、, e.g. 先进,一般,后进",
  wantDistinctTiers: "tier names that differ from each other",
  wantCutoffs: "{count} numbers, highest first, separated by commas, e.g. 90,70",
  cutoffCount:
    "分数线 has {cutoffs} numbers but there are {tiers} tiers; it should have one number fewer than the tiers ({need})",
  wantDescending: "strictly decreasing numbers, e.g. 90,70",
  cutoffsNeeded: 'There are {tiers} tiers, so "分数线" must be set too ({need} numbers, highest first)',
  wantYesNo: "是 or 否",
  wantDigits: "a whole number from 0 to 6",
  weightsZero: "上级评定权重, 自评权重 and 测评权重 add up to 0; at least one weight must be above 0",
  wantMissingRule: '"报错" or "按权重折算"',
  wantDate: "a date, e.g. 2026-11-01",
  wantDistinctSectors: "sector names that differ from each other",
  tierShareInvalid:
    'Setting "{key}": "{part}" is invalid; expected tier:share with a tier among {tiers}, e.g. {first}:30%',
  tierShareRate: 'Setting "{key}": the share in "{part}" is invalid; expected 0 to 100%, e.g. 30% or 0.3',
  tierShareLowest: 'Setting "{key}" cannot limit the lowest tier "{tier}"',
  wantPercentPoints: "a number from 0 to 100 (percentage points, e.g. 60)",
  wantOneTier: "one of the tiers {tiers}",
  satisfactionCapMissing:
    '"满意度下限" is set, so "低于时最高" must be set too (the highest tier allowed below the floor)',
  satisfactionFloorMissing: '"低于时最高" is set, so "满意度下限" must be set too',
  wantQuotaGroup: "上级党组织, 领域 or 全部",
  wantQuotaRounding: "向下取整, 四舍五入 or 向上取整",
  targetInvalid: "晋位目标 {value} is invalid: {why}",
  targetShape: "expected tier:转化/晋级/示范:至少/左右/不超过:share, e.g. 后进:转化:至少:90%",
  targetTierUnknown: 'the tier "{tier}" is not among the tiers {tiers}',
  targetSuccess: '"{value}" should be 转化, 晋级 or 示范',
  targetTop: 'the top tier "{tier}" has nothing above it for {success}',
  targetComparator: '"{value}" should be 至少, 左右 or 不超过',
  targetRate: 'the share "{value}" should be from 0 to 100%, e.g. 90%',
  wantPositiveCount: "a whole number above 0 (this notice is issued when the overdue items reach it)",
  wantRedBelowYellow: "a red line not above the yellow line",
  wantNotAboveCap: "a number not above 积分上限",
  wantMeetingRule:
    '"type:period:count" with a type among {types}, a period of 每月, 每季度 or 每年 and a whole count above 0, e.g. 支部委员会:每月:1',
  meetingRuleRepeated: '会议要求 has "{type}" twice (first in row {row}); each meeting type takes one row',

  // Cells and headers
  oddDate: "a date {value}",
  oddFormula:
    "the formula ={formula} without its computed value (the file may come from another program): open it in Excel/WPS, recalculate, save and try again",
  oddLongText: "text of {length} characters, over Excel's limit of 32,767 per cell; please shorten it",
  cellIsOdd: "This cell holds {odd}",
  headerRepeated: 'Column "{header}" appears again (first in column {col}); each column may appear only once',
  headerAlias: " (or in English {alias})",
  headerMissing: 'Column "{header}"{alias} is missing; add this header in row {row}',

  // 评分 cells
  wantCount: "a whole number of at least 0 (a count)",
  wantPoints: "a number of at least 0 (points)",
  wantBetween: "a number from {lo} to {max}",
  inputBlank: "Criterion {id} ({kind}) is blank; expected {want}, or 不适用 (or /) when it does not apply",
  inputNegative: "Criterion {id}: the input {value} is negative; expected {range}",
  inputBelowFloor: "Criterion {id}: the input {value} is below the floor {lo}; expected {range}",
  inputAboveMax: "Criterion {id}: the input {value} is above the full mark {max}; expected {range}",
  pointsNegative: "Criterion {id} ({kind}): the points {value} are negative; expected a number of at least 0",
  countNegative:
    "Criterion {id} ({kind}): the count {value} is negative; expected a whole number of at least 0",
  countFraction:
    "Criterion {id} ({kind}): the count {value} is not a whole number; expected a whole number of at least 0",
  inputOdd: "Criterion {id} ({kind}): the input is {odd}; expected {range}",
  inputNotNumber: "Criterion {id} ({kind}): the input {value} is not a number; expected {range}",
  passBlank: "Criterion {id} (达标) is blank; expected 是 or 否",
  yesNoOdd: "Criterion {id} ({kind}): the input is {odd}; expected 是 or 否",
  yesNoInvalid: "Criterion {id} ({kind}): the input {value} is invalid; expected 是 or 否 (or 1/0, √/×, Y/N)",
  selfNotNumber: "自评得分 {value} is not a number; expected a number from 0 to 100",
  selfOutOfRange: "自评得分 {value} is out of range; expected a number from 0 to 100",
  surveyInvalid:
    "测评满意度 {value} is invalid; expected a percentage from 0 to 100 (e.g. 85 or 85%) or a fraction from 0 to 1 (e.g. 0.85)",
  selfMissing:
    '自评得分 is blank: with 自评权重 above 0 every branch needs it (or set 缺项处理 to "按权重折算" in 设置)',
  surveyMissing:
    '测评满意度 is blank: with 测评权重 above 0 every branch needs it (or set 缺项处理 to "按权重折算" in 设置)',
  wantValue: "a number (the criterion's value)",
  inputNegativeOf: "Criterion {id} ({kind}): the input {value} is negative; expected {range}",
  scoreIdBlank: "组织编码 is blank; every 评分 row needs one",
  scoreIdUnknown: "组织编码 {value} is not in 组织; add the branch to 组织 first",
  scoreIdRepeated:
    "组织编码 {value} appears again in 评分 (first in row {row}); each branch has one 评分 row",
  otherSectorCell:
    'Criterion {id} does not apply to sector "{sector}"; this cell should be blank or 不适用 (it holds {value})',
  allNotApplicable:
    "Every scored criterion of branch {code} is 不适用, so it cannot be scaled to 100: fill in at least one, or set 基准分 in 设置",
  noSource:
    "This row has no usable score source (every source with a weight above 0 is blank), so 综合得分 cannot be computed",

  // 标准
  criterionIdBlank: "指标编码 is blank; every criterion needs one",
  kindInvalid: "Criterion {id}: the type {value} is invalid; expected one of {kinds}",
  criterionSectorUnknown:
    'Criterion {id}: the sector "{sector}" is not in the sectors set in 设置 ({sectors})',
  criterionValueMissing: "Criterion {id} ({kind}) has no {header}; expected {what}",
  criterionValueInvalid: "Criterion {id}: {header} {value} is invalid; expected {what}",
  wantPositive: "a number above 0",
  wantPositiveInteger: "a whole number above 0",
  vetoTierInvalid:
    'Criterion {id}: 否决后果 "{value}" is invalid; expected "末等" or one of the tiers {tiers}',
  criterionIdRepeated: "指标编码 {id} repeats row {row} (a code may appear only once per sector)",
  kindColumnMissing:
    'Column "{header}" is missing: a criterion type needs it (频次 needs 要求次数, 排名 needs 排名分值, 评分/扣分/达标/频次/比例 need 满分)',
  rubricEmpty: "标准 has no criteria; fill in at least one row",
  columnNotForKind:
    "Criterion {id} ({kind}) cannot have {header}: {header} is only for criteria of type {kinds}; leave this cell blank",
  floorNotNumber:
    "Criterion {id}: 下限 {value} is not a number; expected a number below the full mark (negative to deduct further)",
  floorNotBelowMax: "Criterion {id}: 下限 {value} is invalid; it should be below the full mark {max}",
  rankPointsInvalid:
    "Criterion {id}: 排名分值 {value} is invalid; expected non-increasing points of at least 0 from rank 1 (rank 1 above 0), e.g. 60,57,54,51,48",
  rankMaxMismatch: "Criterion {id} (排名): 满分 {max} should be blank or equal the first 排名分值 {first}",
  rankPointsMissing:
    "Criterion {id} (排名) has no 排名分值; expected points from rank 1 on, e.g. 60,57,54,51,48",
  rankScopeInvalid: 'Criterion {id}: 排名范围 "{value}" is invalid; expected 全部, 上级党组织 or 领域',
  rankOrderInvalid:
    'Criterion {id}: 排序 "{value}" is invalid; expected 降序 (higher is better) or 升序 (lower is better)',

  // 组织
  branchesEmpty: "组织 has no branches; fill in one branch per row from row 2",
  tierUnknown: "{header} {value} is not a tier in 设置; expected one of {tiers} or blank",
  branchIdBlank: "组织编码 is blank; every branch needs a unique code",
  branchIdRepeated: "组织编码 {value} appears again (first in row {row}); codes must be unique",
  branchNameBlank: "Branch {code} has a blank 组织名称",
  branchParentBlank: "Branch {code} has a blank 上级党组织",
  branchSectorBlank: "Branch {code} has a blank 领域; expected one of {sectors}",
  branchSectorUnknown: 'Sector "{sector}" is unknown; expected one of {sectors}',
  memberCountInvalid: "党员数 {value} is invalid; expected a whole number of at least 0",
  yesNoOrBlank: "{header} {value} is invalid; expected 是 or 否 (or blank)",

  // 党员, 积分
  memberNameBlank: "姓名 is blank",
  memberIdRepeated: "党员编号 {id} appears again (first in row {row}); member numbers must be unique",
  pointsMemberColumns: 'Column "党员编号" or "姓名" is missing: each points entry must name a member',
  memberIdUnknown: "党员编号 {id} is not in 党员",
  memberNameMismatch: '姓名 "{name}" does not match member {id} ({actual})',
  memberBranchMismatch: "组织编码 {code} is not the branch of member {id}",
  memberNotFound: 'No member "{name}" found; check the name or 党员',
  memberNotFoundIn: 'No member "{name}" found (组织编码 {code}); check the name or 党员',
  memberAmbiguous: '党员 has {count} members named "{name}"; fill in 党员编号 or 组织编码 to tell them apart',
  memberAmbiguousIn:
    '党员 has {count} members named "{name}" (组织编码 {code}); fill in 党员编号 to tell them apart',
  memberUnnamed: "党员编号 and 姓名 are both blank, so the member is unknown",
  pointsBlank: "分值 is blank; expected a number (positive to add, negative to deduct)",
  pointsNotNumber: "分值 {value} is not a number; expected a number (positive to add, negative to deduct)",

  // 会议记录, 整改台账, record cells
  meetingTypeBlank: "会议类型 is blank; expected one of {types}",
  meetingTypeUnknown:
    '会议类型 "{value}" is unknown; expected one of {types} (党员大会 and 支委会 also work)',
  headcountInvalid: "{header} {value} is invalid; expected a whole number of at least 0 (or blank)",
  issueBlank: "问题 is blank; each row should state one issue to fix",
  severityInvalid: '严重程度 "{value}" is invalid; expected 一般, 较重 or 严重 (blank counts as 一般)',
  fixKindInvalid: '整改类型 "{value}" is invalid; expected 立行立改 or 限期整改 (or blank)',
  statusBlank: "状态 is blank; expected 未整改, 整改中 or 已销号",
  statusInvalid: "状态 {value} is invalid; expected 未整改, 整改中 or 已销号",
  closedDateMissing: "状态 is 已销号 but 销号日期 is blank: fill in the closing date",
  closedDateNotClosed:
    '销号日期 is filled in but 状态 is "{status}", not "已销号": a closing date belongs only to closed items',
  recordBranchBlank: "{header} is blank; expected a 组织编码 from 组织",
  recordBranchUnknown: "组织编码 {value} is not in 组织; check it or add the branch to 组织 first",
  dateBlank: "{header} is blank; expected a date, e.g. 2026-03-31",
  dateInvalid: "{header} {value} is not a date; expected a date, e.g. 2026-03-31 or 2026年3月31日",
  pointsWithoutMembers:
    "There is a 积分 sheet but no 党员 sheet: add 党员 (组织编码, 姓名, 党员编号) so that points can be matched to members",
  recordsNeedBranches: 'Sheet "{sheet}" is missing; the records are summed per branch, so add it first',

  // The workbook as a whole
  sheetMissing: 'Sheet "{sheet}" (or {alias}) is missing. {needs}',
  sheetNeeds: "Columns needed: {cols}. Add this sheet (the template has it){office}",
  scoresColumns: "组织编码 (or 组织名称) and one column per criterion",
  officeNoRubric: '; it is not needed when the 评分 headers state the points (e.g. "班子建设（15分）")',
  officeSheets:
    '; an office\'s own scoring sheet (branch names and criterion columns with points, e.g. "班子建设（15分）") can be read as well',
  criterionColumnMissing:
    'The column of criterion {id} is missing: row {row} of 评分 should have a column headed "{id}"',
  pointsConflict:
    'Criterion "{id}" is worth {max} points here but {other} points in "{sheet}" {cell}: one criterion should have one full mark',
  sectorNoPoints:
    'Sector "{sector}" has no scored criteria (评分, 扣分, 达标, 频次, 排名, 比例), so it cannot be scaled to 100 (or set 基准分 in 设置)',
  blankSectorNoPoints:
    "The blank sector has no scored criteria (评分, 扣分, 达标, 频次, 排名, 比例), so it cannot be scaled to 100 (or set 基准分 in 设置)",
  scoreRowMissing: "组织编码 {code} has no row in 评分; add its scores",

  // Notices (提示)
  rescaledSelf: "Branch {code} has no 自评得分; the weights were rescaled",
  rescaledSurvey: "Branch {code} has no 测评满意度; the weights were rescaled",
  rescaledBoth: "Branch {code} has neither 自评得分 nor 测评满意度; the weights were rescaled",
  deductFloorCut:
    "Branch {code}, criterion {id} (扣分): {deducted} points to deduct leave {points}, below the floor {floor}; counted as {floor}",
  itemCapCut:
    "Branch {code}, criterion {id} ({kind}): {points} points exceed the item cap {cap}; counted as {cap}",
  bonusCapCut: "Branch {code}: the bonus total {sum} exceeds 加分总上限 {cap}; counted as {cap}",
  penaltyCapCut: "Branch {code}: the penalty total {sum} exceeds 减分总上限 {cap}; counted as {cap}",
  negative: "negative",
  totalRaisedToZero: "Branch {code}: 上级评定 by the formula is {shown}, below 0; counted as 0",
  weightItem: "{key} {value}",
  weightItemDefault: "{key} {value} (default)",
  weightScalesMixed:
    "The weights are written on different scales ({list}: some at most 1, some above 1); weights count relative to each other, so check whether they should all be percentages or all fractions",
  lookalikeColumn:
    'Column "{label}" is not a contract column and was ignored; if it is "{header}", rename the header to "{header}" (or map the column in the task pane)',
  emptyTargetBase:
    "No branch has a 上期等次, so every 晋位升级 target has a base of 0: fill in 上期等次 in 组织 to measure promotion",
  typedTotalDiffers:
    'Branch {code}: "{label}" holds {typed}, but the rubric gives 上级评定 {total} (this column does not count; check its formula)',

  // 标准 来源
  sourceMeetingType: "来源 {value} names an unknown meeting type; expected one of {types}",
  sourceInvalid:
    "来源 {value} is invalid; expected 会议:<type>, 三会一课缺开, 三会一课达标, 三会一课未达标, 整改逾期, 整改未销号, 积分红色, 积分黄色 or 积分平均",
  sourceKind:
    '来源 "{source}" cannot feed criterion {id} of type {kind}; it only feeds criteria of type {kinds}',
  sourceSheetMissing: 'Criterion {id}: 来源 "{source}" needs the sheet "{sheet}", which the workbook lacks',
  sourcedCellFilled:
    'Criterion {id} takes its score from 来源 "{source}"; this cell should be blank (or 不适用), it holds {value}',
  sourceNoMembers:
    'Branch {code} has no members to assess, so criterion {id} cannot take 来源 "积分平均"; if it does not apply, write 不适用 in column "{id}" of 评分',

  // 定级依据
  reasonAbove: "综合得分 {score} ≥ {cutoff} → {tier}",
  reasonBelow: "综合得分 {score} < {cutoff} → {tier}",
  reasonDimension: 'dimension "{name}" {points}/{max}',
  reasonDimensionUnknown: "a dimension",
  reasonQuota: "{capTier} quota{count} full{tie} → {tier}",
  reasonQuotaCount: " {k}/{n}",
  reasonQuotaTie: ", tied beyond the quota",
  reasonFloor: "{dim} below the {floorTier} floor {share} → {tier}",
  reasonDirect: "tier set directly → {tier}",
  reasonVeto: "veto {id} triggered → {tier}",
  reasonSatisfaction: "测评满意度 {survey} below {floor} → {tier}",
  reasonRescaled: "{line} (no {missing}; weights rescaled)",
  reasonNoSelf: "自评",
  reasonNoSurvey: "测评",
  reasonNoBoth: "自评 or 测评",
};
