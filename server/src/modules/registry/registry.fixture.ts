import type { PersonInput } from '@anju/contracts';
import {
  addPlace,
  makeTree,
  randomIdNumber,
  signIn,
  type Client,
  type TestApp,
  type Tree,
} from '../../../test/harness.ts';

/** Both sides of a relocation: an origin township with a village, and the resettlement tree of makeTree. */
export interface RegistryWorld {
  tree: Tree;
  originTownship: number;
  village: number;
  /** A second free dwelling in the same grid. */
  dwelling2: number;
  staff: Client;
}

export async function registryWorld(t: TestApp): Promise<RegistryWorld> {
  const tree = await makeTree(t.database);
  const originCounty = await addPlace(t.database, tree.province, 'county', '镇雄县');
  const originTownship = await addPlace(t.database, originCounty, 'township', '母享镇');
  const village = await addPlace(t.database, originTownship, 'village', '大坪村');
  const dwelling2 = await addPlace(t.database, tree.building, 'dwelling', '102室');
  const staff = await signIn(t, ['community_staff'], [tree.community]);
  return { tree, originTownship, village, dwelling2, staff };
}

export function member(w: RegistryWorld, over: Partial<PersonInput> = {}): PersonInput {
  return {
    name: '李明',
    idNumber: randomIdNumber({ birth: '1980-05-06', sex: 'male' }),
    relation: 'head',
    ethnicity: '07',
    labourCapacity: 'full',
    health: 'healthy',
    tags: [],
    partyMember: false,
    hukouPlaceId: String(w.village),
    ...over,
  };
}

/** A household of three in `dwelling`: head and spouse registered in the origin village, a child at the community. */
export async function family(w: RegistryWorld, dwelling = w.tree.dwelling) {
  const res = await w.staff.post('/api/households', {
    dwellingId: String(dwelling),
    originVillageId: String(w.village),
    relocationYear: 2018,
    resettlementType: 'urban_centralized',
    povertyStatus: 'out_of_poverty',
    members: [
      member(w, { phone: '13812345678' }),
      member(w, {
        name: '王芳',
        relation: 'spouse',
        idNumber: randomIdNumber({ birth: '1982-03-01', sex: 'female' }),
        health: 'serious_illness',
        tags: ['serious_illness'],
      }),
      member(w, {
        name: '李小龙',
        relation: 'child',
        idNumber: randomIdNumber({ birth: '2012-09-10', sex: 'male' }),
        labourCapacity: 'none',
        tags: ['left_behind_child'],
        hukouPlaceId: String(w.tree.community),
      }),
    ],
  });
  if (res.statusCode !== 201) throw new Error(`household: ${res.statusCode} ${res.body}`);
  return res.json();
}
