import { DEMO_TOWNSHIP, PEOPLE_PER_HOUSEHOLD, type ResettlementType, type Scale } from './scales.ts';
import type { Rng } from './rng.ts';

export interface Township {
  id: number;
  code: string;
  name: string;
  path: string;
  depth: number;
}

/** One resettlement site to generate, before it has ids and a code. */
export interface SitePlan {
  township: Township;
  name: string;
  resettlementType: ResettlementType;
  people: number;
  households: number;
  openedYear: number;
  originCountyCodes: string[];
}

const NAME_WORDS = [
  '幸福',
  '安居',
  '和谐',
  '振兴',
  '阳光',
  '同心',
  '感恩',
  '乐业',
  '康居',
  '锦绣',
  '福康',
  '兴隆',
  '祥和',
  '新兴',
  '安康',
  '明德',
  '惠民',
  '富民',
  '思源',
  '致远',
  '怡景',
  '鑫源',
  '丰收',
  '宜居',
  '团结',
  '兴业',
  '新城',
  '春晖',
  '向阳',
  '朝阳',
  '民安',
  '长乐',
  '永安',
  '和顺',
  '安宁',
  '瑞祥',
  '嘉和',
  '德馨',
  '怡和',
  '龙腾',
  '凤鸣',
  '松柏',
  '翠竹',
  '桂花',
  '金沙',
  '银杏',
  '青山',
  '绿水',
  '彩云',
  '星光',
  '栖凤',
  '望江',
  '紫荆',
  '红旗',
  '东升',
  '西苑',
];

const PEOPLE: Record<ResettlementType, [median: number, sigma: number, min: number, max: number]> = {
  village: [150, 0.45, 40, 600],
  town: [1500, 0.5, 600, 5000],
  urban: [4000, 0.6, 1000, 30_000],
};

/** Households at 3.6 people each; 501–599 households would make grids outside 300–500, so round off. */
export function householdsFor(people: number): number {
  const h = Math.max(1, Math.round(people / PEOPLE_PER_HOUSEHOLD));
  return h > 500 && h < 600 ? (h < 550 ? 500 : 600) : h;
}

/** Picks the receiving township: urban sites go to a street office or the county seat, others to towns or any township. */
function townshipFor(rng: Rng, townships: Township[], type: ResettlementType): Township {
  const streets = townships.filter((t) => t.name.endsWith('街道'));
  const towns = townships.filter((t) => t.name.endsWith('镇'));
  if (type === 'urban') return streets.length ? rng.pick(streets) : (towns[0] ?? townships[0]);
  if (type === 'town' && towns.length) return rng.pick(towns);
  return rng.pick(townships);
}

/**
 * Plans the sites of a scale: the demo site under 靖安镇 first, then sites of the scale's mix
 * in its destination counties until the scale's people are placed.
 */
export function planSites(rng: Rng, scale: Scale, townshipsByCounty: Map<string, Township[]>): SitePlan[] {
  const usedNames = new Map<string, Set<string>>();
  const nameFor = (township: Township, type: ResettlementType) => {
    const used = usedNames.get(township.code) ?? new Set<string>();
    usedNames.set(township.code, used);
    const suffix = type === 'village' ? '新村' : '社区';
    const words = rng.shuffle([...NAME_WORDS]);
    const word = words.find((w) => !used.has(`${w}${suffix}`));
    const name = word ? `${word}${suffix}` : `${words[0]}${used.size + 1}${suffix}`;
    used.add(name);
    return name;
  };
  const site = (township: Township, type: ResettlementType, people: number, origins: string[]): SitePlan => {
    const households = householdsFor(people);
    return {
      township,
      name: nameFor(township, type),
      resettlementType: type,
      people: Math.max(households, Math.round(households * PEOPLE_PER_HOUSEHOLD + rng.int(-1, 1))),
      households,
      openedYear: rng.weighted([
        [2016, 1],
        [2017, 2],
        [2018, 3],
        [2019, 3],
        [2020, 1],
      ]),
      originCountyCodes: origins.map((c) => c.padEnd(12, '0')),
    };
  };

  const demoTownship = townshipsByCounty
    .get(DEMO_TOWNSHIP.slice(0, 6))
    ?.find((t) => t.code === DEMO_TOWNSHIP);
  if (!demoTownship) throw new Error('靖安镇 (530602105) is not in the place tree: load the divisions first');
  const plans = [
    site(demoTownship, 'urban', rng.int(...scale.demoSitePeople), scale.originsOf('530602').slice(0, 3)),
  ];
  let left = scale.people - plans[0].people;
  const counties = scale.destinationCounties.filter((c) => townshipsByCounty.get(c)?.length);
  while (scale.siteMix.length && left >= PEOPLE.village[2]) {
    const type = rng.weighted(scale.siteMix);
    const [median, sigma, min, max] = PEOPLE[type];
    const people = Math.min(left, Math.round(Math.min(max, Math.max(min, rng.logNormal(median, sigma)))));
    const county = rng.pick(counties);
    const [first, ...others] = scale.originsOf(county);
    const origins = [first, ...rng.shuffle(others).slice(0, rng.int(0, 2))];
    const plan = site(townshipFor(rng, townshipsByCounty.get(county)!, type), type, people, origins);
    plans.push(plan);
    left -= plan.people;
  }
  return plans;
}
