import { z } from 'zod';
import { Id, IdParam } from './common.ts';

/** The ids of the employment figures, in the order they are shown. */
export const FIGURE_IDS = [
  'labour_force',
  'employed',
  'employment_rate',
  'households_with_labour',
  'households_with_employed_rate',
  'zero_employment_households',
  'zero_days_to_clear',
  'exported_in_province',
  'exported_out_of_province',
  'workshop_employed',
  'post_employed',
  'training_completions',
  'employed_after_training_rate',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

/** A figure's definition as data: what is counted over what, its unit and which way is better. */
export interface FigureDefinition {
  id: FigureId;
  nameZh: string;
  nameEn: string;
  numeratorZh: string;
  numeratorEn: string;
  /** Null for a count or an average. */
  denominatorZh: string | null;
  denominatorEn: string | null;
  unit: 'persons' | 'households' | 'percent' | 'days';
  direction: 'higher' | 'lower' | 'neutral';
  /** The policy target, when there is one (percent). */
  target?: number;
}

const LF_ZH = '劳动年龄（男16–59岁、女16–54岁）内、有全部或部分劳动能力的在世搬迁人口';
const LF_EN =
  'living relocated people of working age (men 16–59, women 16–54) with full or partial labour capacity';
const current = (zh: string, en: string) => ({
  numeratorZh: `劳动力中当前持有${zh}就业记录（无结束日期或未到结束日期）的人数`,
  numeratorEn: `members of the labour force holding a current ${en} record (no end, or an end not yet past)`,
  denominatorZh: null,
  denominatorEn: null,
});

/** The employment figures of a place (居住地口径: people and households living there). */
export const FIGURE_DEFINITIONS: readonly FigureDefinition[] = [
  {
    id: 'labour_force',
    nameZh: '劳动力人数',
    nameEn: 'Labour force',
    numeratorZh: LF_ZH,
    numeratorEn: LF_EN,
    denominatorZh: null,
    denominatorEn: null,
    unit: 'persons',
    direction: 'neutral',
  },
  {
    id: 'employed',
    nameZh: '已就业人数',
    nameEn: 'Employed',
    ...current('任一', 'any'),
    unit: 'persons',
    direction: 'higher',
  },
  {
    id: 'employment_rate',
    nameZh: '就业率',
    nameEn: 'Employment rate',
    numeratorZh: '已就业人数',
    numeratorEn: 'employed',
    denominatorZh: '劳动力人数',
    denominatorEn: 'labour force',
    unit: 'percent',
    direction: 'higher',
  },
  {
    id: 'households_with_labour',
    nameZh: '有劳动力家庭',
    nameEn: 'Households with labour',
    numeratorZh: '至少有一名劳动力成员的在册搬迁家庭',
    numeratorEn: 'active relocated households with at least one member in the labour force',
    denominatorZh: null,
    denominatorEn: null,
    unit: 'households',
    direction: 'neutral',
  },
  {
    id: 'households_with_employed_rate',
    nameZh: '有劳动力家庭至少1人就业比例',
    nameEn: 'Households with labour having someone employed',
    numeratorZh: '有劳动力家庭中至少一名成员当前就业的家庭',
    numeratorEn: 'households with labour in which at least one member is currently employed',
    denominatorZh: '有劳动力家庭',
    denominatorEn: 'households with labour',
    unit: 'percent',
    direction: 'higher',
    target: 100,
  },
  {
    id: 'zero_employment_households',
    nameZh: '零就业家庭（未清零）',
    nameEn: 'Zero-employment households (open)',
    numeratorZh: '已标记、尚未清零的零就业家庭',
    numeratorEn: 'zero-employment households flagged and not yet cleared',
    denominatorZh: null,
    denominatorEn: null,
    unit: 'households',
    direction: 'lower',
  },
  {
    id: 'zero_days_to_clear',
    nameZh: '零就业家庭平均清零天数',
    nameEn: 'Average days to clear a zero-employment household',
    numeratorZh: '近12个月清零的零就业家庭，从标记到清零的天数之和',
    numeratorEn: 'days from flag to clearing, summed over households cleared in the last 12 months',
    denominatorZh: '近12个月清零的零就业家庭数',
    denominatorEn: 'households cleared in the last 12 months',
    unit: 'days',
    direction: 'lower',
  },
  {
    id: 'exported_in_province',
    nameZh: '省内转移就业',
    nameEn: 'Labour exported within the province',
    ...current('省内转移就业', 'export within the province'),
    unit: 'persons',
    direction: 'neutral',
  },
  {
    id: 'exported_out_of_province',
    nameZh: '省外转移就业',
    nameEn: 'Labour exported outside the province',
    ...current('省外转移就业', 'export outside the province'),
    unit: 'persons',
    direction: 'neutral',
  },
  {
    id: 'workshop_employed',
    nameZh: '帮扶车间就业',
    nameEn: 'Employed in workshops',
    ...current('帮扶车间', 'community workshop'),
    unit: 'persons',
    direction: 'higher',
  },
  {
    id: 'post_employed',
    nameZh: '公益性岗位安置',
    nameEn: 'Placed on public-welfare posts',
    ...current('公益性岗位', 'public-welfare post'),
    unit: 'persons',
    direction: 'neutral',
  },
  {
    id: 'training_completions',
    nameZh: '培训结业人数（近12个月）',
    nameEn: 'Training completions (last 12 months)',
    numeratorZh: '居住在本地、近12个月内结业的培训人次',
    numeratorEn: 'course completions in the last 12 months by people living here',
    denominatorZh: null,
    denominatorEn: null,
    unit: 'persons',
    direction: 'higher',
  },
  {
    id: 'employed_after_training_rate',
    nameZh: '培训后6个月内就业率',
    nameEn: 'Employed within 6 months after training',
    numeratorZh: '上述结业人次中，结业后6个月内任一天持有就业记录的（由就业记录推算）',
    numeratorEn:
      'of those completions, the ones whose person held a job on some day within 6 months after completing (from employment records)',
    denominatorZh: '近12个月结业人次',
    denominatorEn: 'completions in the last 12 months',
    unit: 'percent',
    direction: 'higher',
  },
];

export const FigureValues = z.record(z.enum(FIGURE_IDS), z.number().nullable());
export type FigureValues = z.infer<typeof FigureValues>;

export const FiguresQuery = z.object({ place: IdParam.optional() });
export type FiguresQuery = z.infer<typeof FiguresQuery>;
export type FiguresQueryInput = z.input<typeof FiguresQuery>;

/** One month of the trend, as of the month's last day (today for the current month). */
export const FigureMonth = z.object({
  month: z.string(),
  labourForce: z.number().int(),
  employed: z.number().int(),
  employmentRate: z.number().nullable(),
  exported: z.number().int(),
  workshopAndPost: z.number().int(),
});
export type FigureMonth = z.infer<typeof FigureMonth>;

export const FigurePlace = z.object({ id: Id, name: z.string(), level: z.string() });
export type FigurePlace = z.infer<typeof FigurePlace>;

export const EmploymentFigures = z.object({
  place: FigurePlace,
  asOf: z.string(),
  values: FigureValues,
  trend: z.array(FigureMonth),
  children: z.array(FigurePlace.extend({ values: FigureValues })),
});
export type EmploymentFigures = z.infer<typeof EmploymentFigures>;
