import type { MeasureType } from '@anju/contracts';

/** Weighted choices: [value, weight], the weights need not add up to one. */
export type Mix<T extends string = string> = readonly (readonly [T, number])[];

/**
 * Cases besides the households the registry already marks monitored (about 1.4 % of people, DOMAIN.md),
 * as shares of a site's households: a few in identification now, from the open screening leads, and
 * about 1.5 % whose case ended in the past year or so, eliminated or found not to qualify.
 */
export const IN_IDENTIFICATION = 0.006;
export const PAST_CASES = 0.015;

/** Where identification stands for a household whose open lead became a case. */
export const IDENTIFICATION_MIX: Mix = [
  ['verification', 25],
  ['comparison', 20],
  ['community_review', 25],
  ['township_review', 15],
  ['county_approval', 15],
];

/**
 * Where the cases of monitored households stand: most assisted, a few on the way out. Cases are spread
 * over the shares in order, households without labour first, so that they stay assisted.
 */
export const MONITORED_MIX: Mix = [
  ['assisted', 82],
  ['elimination_community', 6],
  ['elimination_township', 6],
  ['elimination_county', 6],
];

/** How the past cases ended. */
export const PAST_MIX: Mix = [
  ['eliminated', 80],
  ['not_identified', 20],
];

/** Illness first, as in every county's monitoring figures. */
export const RISK_MIX: Mix = [
  ['illness', 30],
  ['unstable_employment', 18],
  ['disability', 12],
  ['schooling', 10],
  ['lack_of_labour', 10],
  ['accident', 6],
  ['natural_disaster', 4],
  ['failed_industry', 4],
  ['housing_safety', 3],
  ['drinking_water', 1],
  ['other', 2],
];

export const SOURCE_MIX: Mix = [
  ['visit', 45],
  ['self_declaration', 25],
  ['department_data', 20],
  ['screening', 10],
];

/** What a lead of each main risk says, and how each source words it. */
export const LEAD_NOTES: Record<string, string> = {
  illness: '家庭成员患大病住院，医疗支出大',
  schooling: '子女上学支出大，家庭负担重',
  disability: '家庭成员残疾，劳动能力下降',
  natural_disaster: '迁出地房屋和庄稼受灾，损失较大',
  accident: '户主意外受伤，暂时无法务工',
  failed_industry: '养殖项目失败，投入收不回来',
  unstable_employment: '务工不稳定，近几个月没有收入',
  lack_of_labour: '家中缺少劳动力，收入来源少',
  housing_safety: '住房出现安全隐患',
  drinking_water: '饮水困难',
  other: '家庭突发困难',
};
export const SOURCE_PREFIX: Record<string, string> = {
  visit: '网格员走访发现：',
  self_declaration: '本户申报：',
  department_data: '部门数据比对：',
};

export const REJECT_REASON = '经入户核实和部门数据比对，家庭人均纯收入高于监测线，无刚性支出，不符合纳入条件';

/** Measures, weighted toward jobs, industry and public-welfare posts. */
export const MEASURE_MIX: Mix<MeasureType> = [
  ['employment', 34],
  ['industry', 24],
  ['public_welfare_post', 20],
  ['social_assistance', 6],
  ['health', 5],
  ['education', 4],
  ['small_loan', 4],
  ['other', 3],
];

/** The first measure often answers the main risk directly. */
export const FITTING_MEASURE: Record<string, MeasureType> = {
  illness: 'health',
  schooling: 'education',
  disability: 'social_assistance',
  lack_of_labour: 'public_welfare_post',
  housing_safety: 'housing',
  drinking_water: 'drinking_water',
  unstable_employment: 'employment',
  failed_industry: 'industry',
};

export interface MeasureTerms {
  providerKind: 'department' | 'enterprise' | 'social_org';
  providerName: string;
  description: string;
  outcome: string;
  /** Yuan: [least, spread, rounded to]; null when the measure has no amount. */
  amount: [number, number, number] | null;
  /** Ends by itself after some months (a subsidy paid, a repair done). */
  oneOff: boolean;
  outlivesElimination: boolean;
}

export const MEASURES: Record<MeasureType, MeasureTerms> = {
  employment: {
    providerKind: 'enterprise',
    providerName: '安置社区帮扶车间',
    description: '推荐到帮扶车间务工，签订劳动合同',
    outcome: '稳定就业，月工资按时发放',
    amount: [2600, 1600, 100],
    oneOff: false,
    outlivesElimination: false,
  },
  industry: {
    providerKind: 'department',
    providerName: '农业农村局',
    description: '发展特色种养殖，给予产业奖补',
    outcome: '产业奖补已兑现，项目正常经营',
    amount: [3000, 7000, 500],
    oneOff: true,
    outlivesElimination: false,
  },
  public_welfare_post: {
    providerKind: 'department',
    providerName: '人力资源和社会保障局',
    description: '安排社区保洁、护路等公益性岗位',
    outcome: '在岗履职，按月领取岗位补贴',
    amount: [800, 700, 50],
    oneOff: false,
    outlivesElimination: false,
  },
  health: {
    providerKind: 'department',
    providerName: '医疗保障局',
    description: '落实基本医保、大病保险和医疗救助',
    outcome: '住院费用报销和救助已落实',
    amount: [2000, 18000, 100],
    oneOff: true,
    outlivesElimination: false,
  },
  education: {
    providerKind: 'department',
    providerName: '教育体育局',
    description: '落实教育资助（雨露计划）',
    outcome: '教育资助已按学期发放',
    amount: [1500, 3500, 100],
    oneOff: false,
    outlivesElimination: true,
  },
  housing: {
    providerKind: 'department',
    providerName: '住房和城乡建设局',
    description: '实施住房安全隐患整治',
    outcome: '住房安全隐患已整改',
    amount: [8000, 20000, 500],
    oneOff: true,
    outlivesElimination: false,
  },
  drinking_water: {
    providerKind: 'department',
    providerName: '水务局',
    description: '改造入户供水管网',
    outcome: '饮水问题已解决',
    amount: null,
    oneOff: true,
    outlivesElimination: false,
  },
  social_assistance: {
    providerKind: 'department',
    providerName: '民政局',
    description: '纳入农村最低生活保障',
    outcome: '低保金按月发放',
    amount: [500, 350, 10],
    oneOff: false,
    outlivesElimination: false,
  },
  small_loan: {
    providerKind: 'enterprise',
    providerName: '农村信用合作联社',
    description: '发放脱贫人口小额信贷，财政贴息',
    outcome: '贷款按期付息',
    amount: [20000, 30000, 1000],
    oneOff: false,
    outlivesElimination: true,
  },
  other: {
    providerKind: 'social_org',
    providerName: '阳光社工服务中心',
    description: '社工入户开展心理疏导和临时救助',
    outcome: '家庭困难已缓解',
    amount: null,
    oneOff: true,
    outlivesElimination: false,
  },
};
