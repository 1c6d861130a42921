import { creditCheckCharacter, maskPhone } from '@anju/contracts';
import { defineSeeder } from './registry.ts';
import type { Rng } from './rng.ts';

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * The register's usual entities around a site: a factory-floor workshop, a cooperative that is a
 * workshop of its own type, and businesses that are not workshops. The first two characters of a
 * credit code say who registered it and what it is (91 company, 92 individual business, 93 cooperative).
 */
const TEMPLATES = [
  {
    prefix: '91',
    kind: 'company',
    names: ['服饰加工有限公司', '电子科技有限公司', '鞋业有限公司'],
    workshop: 'factory_floor',
  },
  {
    prefix: '93',
    kind: 'farmer_cooperative',
    names: ['种养殖专业合作社', '手工编织专业合作社'],
    workshop: 'cooperative',
  },
  { prefix: '91', kind: 'company', names: ['手工艺品有限公司', '箱包加工有限公司'], workshop: 'home_based' },
  {
    prefix: '93',
    kind: 'farmer_cooperative',
    names: ['蔬菜种植专业合作社', '食用菌专业合作社'],
    workshop: 'farming_base',
  },
  {
    prefix: '91',
    kind: 'company',
    names: ['电子商务有限公司', '家政服务有限公司'],
    workshop: 'ecommerce_services',
  },
  { prefix: '92', kind: 'individual_business', names: ['便民超市', '小吃店', '五金店'], workshop: null },
  { prefix: '91', kind: 'company', names: ['物业服务有限公司', '建材有限公司'], workshop: null },
] as const;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡';

/** 31^6 organization-code heads; a multiplier prime to it visits each once, so the n-th code is unique. */
const HEADS = 887_503_681;
const STEP = 7_368_787;

/**
 * A valid credit code: the registration prefix, the county's region code, an organization code whose
 * first six characters come from `n` scattered over all heads, and the check character.
 */
function creditCode(prefix: string, region: string, n: number, offset: number, rng: Rng) {
  let organization = '';
  for (let k = (n * STEP + offset) % HEADS; organization.length < 6; k = Math.floor(k / CHARS.length))
    organization = CHARS[k % CHARS.length] + organization;
  while (organization.length < 9) organization += CHARS[rng.int(0, CHARS.length - 1)];
  const first17 = `${prefix}${region}${organization}`;
  return first17 + creditCheckCharacter(first17);
}

const csv = (v: string | number | null) => (v === null ? '' : `"${String(v).replace(/"/g, '""')}"`);

/** Enterprises and workshops on every site: three to five each, named after the site's place. */
export const enterprisesSeeder = defineSeeder({
  name: 'enterprises',
  dependsOn: ['places'],
  async run(ctx) {
    const { database, places, rng, cipher } = ctx;
    const ids = places.communities.map((c) => c.id);
    if (ids.length === 0) return;
    const paths = new Map(
      (
        await database.query<{ id: string; path: string }>(
          `SELECT id::text AS id, path FROM places WHERE id = ANY($1::bigint[])`,
          [ids],
        )
      ).map((p) => [Number(p.id), p.path]),
    );
    const lines: string[] = [];
    let n = 0;
    const offset = rng.int(0, HEADS - 1);
    for (const community of places.communities) {
      const site = rng.fork(community.code);
      const region = community.townshipCode.slice(0, 6);
      const place = community.name.replace(/(社区|安置点|小区)$/, '');
      const count = site.int(3, 5);
      const picked = [TEMPLATES[0], ...site.shuffle([...TEMPLATES.slice(1)]).slice(0, count - 1)];
      for (const tpl of picked) {
        const phone = `1${site.pick(['38', '39', '58', '87'])}${String(site.int(0, 99_999_999)).padStart(8, '0')}`;
        lines.push(
          [
            creditCode(tpl.prefix, region, n++, offset, site),
            `${place}${site.pick(tpl.names)}`,
            tpl.kind,
            community.id,
            paths.get(community.id)!,
            `${community.name}${site.int(1, 30)}号`,
            `${site.pick([...SURNAMES])}经理`,
            cipher.encrypt(phone),
            maskPhone(phone),
            tpl.workshop,
          ]
            .map(csv)
            .join(','),
        );
      }
    }
    await database.copy(
      'enterprises',
      [
        'credit_code',
        'name',
        'kind',
        'place_id',
        'place_path',
        'address',
        'contact_name',
        'contact_phone_cipher',
        'contact_phone_masked',
        'workshop_type',
      ],
      lines.join('\n') + '\n',
    );
    ctx.log(`enterprises: ${lines.length} on ${ids.length} sites`);
  },
});
