import type { Rng } from './rng.ts';
import type { Sex } from './family.ts';

type Weighted<T> = readonly (readonly [T, number])[];

/** Ethnic groups (GB 3304) of the relocated rural population by origin province; Han elsewhere. */
const ETHNICITY_BY_PROVINCE: Record<string, Weighted<string>> = {
  '53': [
    ['01', 66],
    ['07', 11],
    ['06', 4],
    ['03', 3],
    ['16', 4],
    ['14', 3],
    ['08', 3],
    ['18', 2],
    ['20', 2],
    ['24', 2],
  ],
  '52': [
    ['01', 60],
    ['06', 13],
    ['09', 8],
    ['12', 5],
    ['15', 5],
    ['07', 3],
    ['37', 2],
    ['25', 2],
    ['03', 1],
  ],
  '45': [
    ['01', 60],
    ['08', 32],
    ['13', 4],
    ['06', 2],
    ['12', 2],
  ],
  '51': [
    ['01', 90],
    ['07', 6],
    ['04', 2],
    ['33', 1],
  ],
  '43': [
    ['01', 88],
    ['15', 5],
    ['06', 4],
    ['12', 1],
    ['13', 1],
  ],
  '42': [
    ['01', 95],
    ['15', 4],
    ['06', 1],
  ],
  '50': [
    ['01', 93],
    ['15', 5],
    ['06', 2],
  ],
  '62': [
    ['01', 90],
    ['03', 5],
    ['26', 2],
    ['04', 2],
  ],
  '64': [
    ['01', 63],
    ['03', 36],
  ],
};
/** 昭通: mostly Han, with Yi, Miao and Hui villages in the mountains. */
const ZHAOTONG: Weighted<string> = [
  ['01', 88],
  ['07', 4],
  ['06', 4],
  ['03', 4],
];
const HAN: Weighted<string> = [
  ['01', 98],
  ['03', 1],
  ['06', 1],
];

/** The ethnic group of a family from an origin county (6-digit code). */
export function ethnicityFor(rng: Rng, county: string): string {
  const mix = county.startsWith('5306') ? ZHAOTONG : (ETHNICITY_BY_PROVINCE[county.slice(0, 2)] ?? HAN);
  return rng.weighted(mix);
}

export interface Health {
  health: 'healthy' | 'chronic_illness' | 'serious_illness' | 'disabled';
  disabilityGrade: number | null;
}

/**
 * Health by age: overall about 4 % disabled (grades 1–4, severe ones rarer), 2 % with a serious
 * illness, 10 % with a chronic one, most of them elderly.
 */
export function healthFor(rng: Rng, age: number): Health {
  const [disabled, serious, chronic] =
    age < 18 ? [0.015, 0.008, 0.015] : age < 60 ? [0.04, 0.018, 0.085] : [0.085, 0.04, 0.3];
  const r = rng.next();
  if (r < disabled) {
    const grade = rng.weighted([
      [1, 0.12],
      [2, 0.22],
      [3, 0.3],
      [4, 0.36],
    ] as const);
    return { health: 'disabled', disabilityGrade: grade };
  }
  if (r < disabled + serious) return { health: 'serious_illness', disabilityGrade: null };
  if (r < disabled + serious + chronic) return { health: 'chronic_illness', disabilityGrade: null };
  return { health: 'healthy', disabilityGrade: null };
}

/** In school: every child of 6–15, most of 16–18, two in five of those at college age. */
export const isStudent = (rng: Rng, age: number) =>
  age >= 6 && (age <= 15 || (age <= 18 ? rng.next() < 0.85 : age <= 22 && rng.next() < 0.4));

/** Highest education reached, by age (older women least schooled); null before school age. */
export function educationFor(rng: Rng, age: number, sex: Sex, student: boolean): string | null {
  if (age < 6) return null;
  if (age <= 11) return 'primary';
  if (age <= 14) return 'junior_secondary';
  if (student)
    return age <= 18
      ? rng.weighted([
          ['senior_secondary', 6],
          ['vocational', 4],
        ])
      : rng.weighted([
          ['vocational', 5],
          ['college', 3],
          ['bachelor', 2],
        ]);
  if (age <= 40)
    return rng.weighted([
      ['primary', 12],
      ['junior_secondary', 48],
      ['senior_secondary', 15],
      ['vocational', 15],
      ['college', 7],
      ['bachelor', 3],
    ]);
  if (age <= 60)
    return rng.weighted([
      ['none', sex === 'female' ? 14 : 6],
      ['primary', 40],
      ['junior_secondary', 35],
      ['senior_secondary', 8],
      ['vocational', 3],
    ]);
  return rng.weighted([
    ['none', sex === 'female' ? 60 : 30],
    ['primary', 45],
    ['junior_secondary', 10],
  ]);
}

/** Labour capacity (劳动力) by age, health and schooling: about 5.04 of 9.6 million have some. */
export function labourFor(rng: Rng, age: number, h: Health, student: boolean): 'full' | 'partial' | 'none' {
  if (age < 16 || age > 70 || student) return 'none';
  if (h.health === 'disabled') return (h.disabilityGrade ?? 1) <= 2 || age >= 60 ? 'none' : 'partial';
  if (h.health === 'serious_illness') return rng.next() < 0.7 ? 'none' : 'partial';
  const r = rng.next();
  if (age < 60)
    return h.health === 'chronic_illness' ? (r < 0.3 ? 'none' : r < 0.8 ? 'partial' : 'full') : 'full';
  if (h.health === 'chronic_illness') return 'none';
  return age < 65 ? (r < 0.05 ? 'full' : r < 0.45 ? 'partial' : 'none') : r < 0.1 ? 'partial' : 'none';
}

const PHONE_PREFIXES = [
  '130',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '166',
  '173',
  '177',
  '180',
  '181',
  '182',
  '183',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

/** A mobile number for most adults, fewer of the very old and of teenagers. */
export function phoneFor(rng: Rng, age: number): string | null {
  const has = age < 15 ? 0 : age < 18 ? 0.3 : age <= 70 ? 0.9 : 0.35;
  if (rng.next() >= has) return null;
  return `${rng.pick(PHONE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

/** Party membership: about 4 % of adults, more among older men and veterans. */
export function isPartyMember(rng: Rng, age: number, sex: Sex, veteran: boolean): boolean {
  if (age < 18) return false;
  const base = veteran ? 0.4 : sex === 'male' ? 0.065 : 0.022;
  return rng.next() < (age < 26 ? base * 0.3 : base);
}
