import { divisionLevels } from './divisions.ts';

export const SCALE_NAMES = ['site', 'county', 'province', 'nation'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];
export type ResettlementType = 'urban' | 'town' | 'village';

/** The figures a scale is generated from (DOMAIN.md, "Realistic scale"). */
export interface Scale {
  name: ScaleName;
  /** Relocated people to place, about 3.6 to a household. */
  people: number;
  /** Counties (6 digits) whose townships receive sites. */
  destinationCounties: string[];
  /** Where the people of a site in this county come from (6-digit county codes). */
  originsOf(county: string): string[];
  /** How often each kind of site appears after the demo site. */
  siteMix: [ResettlementType, number][];
  /** The first site, under 云南省昭通市昭阳区靖安镇: the demo community. */
  demoSitePeople: [number, number];
}

export const DEMO_TOWNSHIP = '530602105000';
export const PEOPLE_PER_HOUSEHOLD = 3.6;

/** 镇雄、彝良、威信、大关、永善、巧家: the mountain counties of 昭通 whose people moved to 昭阳区 and 鲁甸县. */
const ZHAOTONG_ORIGINS = ['530627', '530628', '530629', '530624', '530625', '530622'];

/** Western and central provinces with most of the relocation: 贵州 云南 四川 广西 湖南 湖北 陕西 甘肃 重庆 河南 山西 江西 宁夏. */
const NATION_PROVINCES = ['52', '53', '51', '45', '43', '42', '61', '62', '50', '41', '14', '36', '64'];

function countiesOf(provinces: string[]) {
  const counties = divisionLevels()[2].rows;
  return counties
    .filter((c) => provinces.includes(c.provinceCode ?? ''))
    .map((c) => ({ code: c.code, city: c.cityCode ?? '' }));
}

/** The county itself and the other counties of its city: relocation mostly stays within the prefecture. */
function sameCityOrigins(provinces: string[]) {
  const counties = countiesOf(provinces);
  const byCity = new Map<string, string[]>();
  for (const c of counties) byCity.set(c.city, [...(byCity.get(c.city) ?? []), c.code]);
  const cityOf = new Map(counties.map((c) => [c.code, c.city]));
  return {
    codes: counties.map((c) => c.code),
    originsOf: (county: string) => [
      county,
      ...(byCity.get(cityOf.get(county) ?? '') ?? []).filter((c) => c !== county),
    ],
  };
}

export function scaleOf(name: ScaleName): Scale {
  switch (name) {
    case 'site':
      return {
        name,
        people: 5000,
        destinationCounties: ['530602'],
        originsOf: () => ZHAOTONG_ORIGINS.slice(0, 3),
        siteMix: [],
        demoSitePeople: [4800, 5200],
      };
    case 'county':
      return {
        name,
        people: 100_000,
        destinationCounties: ['530602', '530621'],
        originsOf: () => ZHAOTONG_ORIGINS,
        siteMix: [
          ['village', 0.5],
          ['town', 0.3],
          ['urban', 0.2],
        ],
        demoSitePeople: [12_000, 16_000],
      };
    case 'province': {
      const yunnan = sameCityOrigins(['53']);
      return {
        name,
        people: 2_000_000,
        destinationCounties: yunnan.codes,
        originsOf: yunnan.originsOf,
        siteMix: [
          ['village', 0.7],
          ['town', 0.2],
          ['urban', 0.1],
        ],
        demoSitePeople: [14_000, 20_000],
      };
    }
    case 'nation': {
      const west = sameCityOrigins(NATION_PROVINCES);
      return {
        name,
        people: 10_000_000,
        destinationCounties: west.codes,
        originsOf: west.originsOf,
        siteMix: [
          ['village', 0.9],
          ['town', 0.07],
          ['urban', 0.03],
        ],
        demoSitePeople: [14_000, 20_000],
      };
    }
  }
}
