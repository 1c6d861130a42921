import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCEDURE } from '@anju/contracts';
import { errorCode, signIn } from '../../../test/harness.ts';
import { caseSuite } from '../cases/cases.fixture.ts';

const s = caseSuite();
const url = '/api/monitoring/procedure';

describe('the procedure policy of a region', () => {
  it('is the national default until a region sets its own; the nearest region up the tree wins', async () => {
    const national = (await s.w.staff.get(url)).json();
    expect(national).toMatchObject({ placeId: null, version: 1, rules: DEFAULT_PROCEDURE });
    const seven = { ...DEFAULT_PROCEDURE, noticeDays: 7 };
    const province = await signIn(s.t, ['county_admin'], [s.w.tree.province]);
    const set = await province.put(url, {
      placeId: String(s.w.tree.province),
      rules: seven,
      note: '省定公示七天',
      basedOn: national.id,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ placeId: String(s.w.tree.province), version: 1, rules: seven });
    const atCommunity = (await s.w.grid.get(url)).json();
    expect(atCommunity).toMatchObject({ id: set.json().id, rules: { noticeDays: 7 } });

    const county = await s.w.county.put(url, {
      placeId: String(s.w.tree.county),
      rules: { ...seven, notice: { columns: ['head_name', 'proposal'], hiddenRiskTypes: ['illness'] } },
      basedOn: set.json().id,
    });
    expect(county.statusCode, county.body).toBe(200);
    expect((await s.w.staff.get(url)).json()).toMatchObject({
      id: county.json().id,
      placeName: expect.any(String),
    });
    expect((await s.w.staff.get(`${url}?placeId=${s.w.tree.province}`)).json().id).toBe(set.json().id);

    const stale = await s.w.county.put(url, {
      placeId: String(s.w.tree.county),
      rules: DEFAULT_PROCEDURE,
      basedOn: set.json().id,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details[0]).toMatchObject({ field: 'basedOn' });
    const second = await s.w.county.put(url, {
      placeId: String(s.w.tree.county),
      rules: DEFAULT_PROCEDURE,
      basedOn: county.json().id,
    });
    expect(second.json()).toMatchObject({ version: 2 });
    const history = (await s.w.county.get(`${url}/history?placeId=${s.w.tree.county}`)).json();
    expect(history.map((p: { version: number }) => p.version)).toEqual([2, 1]);
  });

  it('refuses steps that add up to more than the decision days, a notice under five days, a broken order', async () => {
    const basedOn = (await s.w.county.get(url)).json().id;
    const put = (rules: unknown) => s.w.county.put(url, { placeId: String(s.w.tree.county), rules, basedOn });
    const fields = async (rules: unknown) => {
      const res = await put(rules);
      expect(res.statusCode).toBe(400);
      return res.json().error.details.map((d: { field: string }) => d.field);
    };
    const days = DEFAULT_PROCEDURE.stepDays;
    expect(await fields({ ...DEFAULT_PROCEDURE, stepDays: { ...days, verification: 4 } })).toEqual([
      'rules.stepDays',
    ]);
    expect(await fields({ ...DEFAULT_PROCEDURE, noticeDays: 4 })).toEqual(['rules.noticeDays']);
    expect(await fields({ ...DEFAULT_PROCEDURE, noticeDays: 8 })).toContain(
      'rules.stepDays.community_review',
    );
    expect(
      await fields({
        ...DEFAULT_PROCEDURE,
        stepOrder: ['verification', 'community_review', 'comparison', 'township_review', 'county_approval'],
      }),
    ).toEqual(['rules.stepOrder']);
    expect(await fields({ ...DEFAULT_PROCEDURE, notice: { columns: [], hiddenRiskTypes: [] } })).toEqual([
      'rules.notice.columns',
    ]);
    // at the boundary: 4 + 2 + 7 + 1 + 1 = 15
    const exact = { ...DEFAULT_PROCEDURE, stepDays: { ...days, verification: 4, township_review: 1 } };
    expect((await put(exact)).statusCode).toBe(200);
  });

  it('is set by a county admin for a region in scope only; others may read it where they work', async () => {
    const basedOn = (await s.w.county.get(url)).json().id;
    const body = { placeId: String(s.w.tree.county), rules: DEFAULT_PROCEDURE, basedOn };
    expect(errorCode(await s.w.township.put(url, body))).toBe('forbidden');
    expect(errorCode(await s.w.staff.put(url, body))).toBe('forbidden');
    const otherCounty = await signIn(s.t, ['county_admin'], [s.w.originTownship]);
    expect(errorCode(await otherCounty.put(url, body))).toBe('not_found');
    const community = await s.w.county.put(url, { ...body, placeId: String(s.w.tree.community) });
    expect(community.json().error.details[0]).toMatchObject({ field: 'placeId' });
    expect(errorCode(await s.w.county.put(url, { ...body, placeId: String(s.w.tree.province) }))).toBe(
      'not_found',
    );
    expect(errorCode(await s.w.neighbour.get(`${url}?placeId=${s.w.tree.community}`))).toBe('not_found');
    expect(errorCode(await s.w.grid.get(`${url}?placeId=${s.w.originTownship}`))).toBe('not_found');
    expect(errorCode(await s.w.grid.get(`${url}/history?placeId=${s.w.originTownship}`))).toBe('not_found');
    const resident = await signIn(s.t, ['resident'], [s.w.tree.community]);
    expect(errorCode(await resident.get(url))).toBe('forbidden');
    expect((await s.w.county.get(`${url}?placeId=abc`)).statusCode).toBe(400);
  });
});
