import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { rows } from '../../db/rows.ts';
import { UNSUPPORTED } from '../../platform/files/upload.ts';
import { newFamily } from '../training/training.fixture.ts';
import { registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { importForm, SATISFACTION, workbook } from './surveys.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let worker: Client;
let formId: string;

const today = new Date().toISOString().slice(0, 10);
const key = () => `satisfaction_${Math.random().toString(36).slice(2, 10)}`;

const campaign = (c: Client, over: Record<string, unknown> = {}) =>
  c.post('/api/surveys/campaigns', {
    formId,
    title: '2026年第一季度居民满意度调查',
    placeId: String(w.tree.community),
    audience: 'households',
    opensOn: today,
    closesOn: today,
    ...over,
  });

const answer = (c: Client, campaignId: string, body: Record<string, unknown>) =>
  c.post(`/api/surveys/campaigns/${campaignId}/submissions`, body);

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  worker = await signIn(t, ['grid_worker'], [w.tree.grid]);
  const res = await importForm(w.staff, w.tree.community, await workbook(SATISFACTION(key())));
  expect(res.statusCode, res.body).toBe(201);
  formId = res.json().id;
});
afterAll(() => t.close());

describe('importing a form', () => {
  it('keeps each version apart; the same version twice is a conflict', async () => {
    const id = key();
    const first = await importForm(w.staff, w.tree.community, await workbook(SATISFACTION(id, '1')));
    expect(first.json()).toMatchObject({ formKey: id, formVersion: '1', questions: 7 });
    const again = await importForm(w.staff, w.tree.community, await workbook(SATISFACTION(id, '1')));
    expect(again.statusCode).toBe(409);
    const next = await importForm(w.staff, w.tree.community, await workbook(SATISFACTION(id, '2')));
    expect(next.statusCode).toBe(201);
    expect(next.json().id).not.toBe(first.json().id);
  });

  it('refuses a legacy .xls, also one renamed .xlsx, with the advice to save it as .xlsx', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    for (const name of ['问卷.xls', '问卷.xlsx']) {
      const res = await importForm(w.staff, w.tree.community, ole, name);
      expect(res.statusCode).toBe(415);
      expect(res.json().error.details[0]).toEqual({ field: 'file', reason: UNSUPPORTED.legacy });
    }
  });

  it('names the sheet, row and column of a form that cannot be used, and keeps nothing', async () => {
    const res = await importForm(
      w.staff,
      w.tree.community,
      await workbook({
        survey: [
          ['type', 'name', 'relevant'],
          ['text', 'a', '${b} = 1'],
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      {
        field: 'survey[2].relevant',
        reason: 'refers to {{name}}, which is not a question of the form',
        params: { sheet: 'survey', row: 2, column: 'relevant', name: '${b}' },
      },
    ]);
  });

  it('only on a place of the caller’s own scope', async () => {
    const res = await importForm(w.staff, w.tree.otherCommunity, await workbook(SATISFACTION(key())));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('placeId');
  });
});

describe('answering door to door', () => {
  it('a grid worker answers for a household; the server refuses what the phone would, naming the field', async () => {
    const c = (await campaign(w.staff)).json();
    const h = await newFamily(t, w);
    const bad = await answer(worker, c.id, {
      householdId: h.id,
      answers: { satisfaction: '2', years: '30' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { field: 'answers.why_not', reason: 'is required' },
      {
        field: 'answers.years',
        reason: 'is refused by the form: {{message}}',
        params: { message: '请填写0到20之间的年数' },
      },
    ]);
    const ok = await answer(worker, c.id, {
      householdId: h.id,
      answers: { satisfaction: '2', why_not: '电梯常坏', years: '6', children: [{ child_age: '9' }] },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ channel: 'door', formId, formVersion: '2026030501' });
    const twice = await answer(worker, c.id, {
      householdId: h.id,
      answers: { satisfaction: '4', years: '6' },
    });
    expect(twice.statusCode).toBe(409);
    const [saved] = await rows<{ household_id: number; answers: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT household_id, answers FROM survey_submissions WHERE id = ${ok.json().id}`,
    );
    expect(Number(saved.household_id)).toBe(Number(h.id));
    expect(saved.answers).toMatchObject({ child_count: '1', children: [{ child_age: '9', child_no: '1' }] });
  });

  it('not for a household outside the grid worker’s scope, nor after the campaign closes', async () => {
    const c = (await campaign(w.staff)).json();
    const neighbour = await addPlace(t.database, w.tree.community, 'grid', `${Math.random()}`.slice(2, 8));
    const other = await signIn(t, ['grid_worker'], [neighbour]);
    const h = await newFamily(t, w);
    const res = await answer(other, c.id, { householdId: h.id, answers: { satisfaction: '4', years: '1' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('householdId');
    const closed = (await campaign(w.staff, { opensOn: '2025-01-01', closesOn: '2025-01-31' })).json();
    const late = await answer(worker, closed.id, {
      householdId: h.id,
      answers: { satisfaction: '4', years: '1' },
    });
    expect(errorCode(late)).toBe('conflict');
  });
});

describe('an anonymous satisfaction survey', () => {
  it('answered on a resident’s phone keeps one answer each and no link from the answer to the household', async () => {
    const c = (await campaign(w.staff, { anonymous: true })).json();
    const h = await newFamily(t, w);
    const dwelling = (
      await rows<{ residence_place_id: number }>(
        t.database.db,
        sql`SELECT residence_place_id FROM households WHERE id = ${h.id}`,
      )
    )[0].residence_place_id;
    const resident = await signIn(t, ['resident'], [Number(dwelling)]);
    const ok = await answer(resident, c.id, { answers: { satisfaction: '5', years: '4' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().channel).toBe('phone');
    expect(
      (await answer(resident, c.id, { answers: { satisfaction: '1', why_not: 'x', years: '4' } })).statusCode,
    ).toBe(409);

    const [row] = await rows<Record<string, unknown>>(
      t.database.db,
      sql`SELECT * FROM survey_submissions WHERE id = ${ok.json().id}`,
    );
    expect(row.household_id).toBeNull();
    expect(row.person_id).toBeNull();
    expect(JSON.stringify(row.answers)).not.toContain(h.id);
    // who answered is kept apart, with nothing to join an answer by: no id, no time, no key to households
    const columns = await rows<{ table_name: string; column_name: string }>(
      t.database.db,
      sql`SELECT table_name, column_name FROM information_schema.columns
           WHERE table_name IN ('survey_respondents', 'survey_submissions') ORDER BY table_name, ordinal_position`,
    );
    expect(columns.filter((r) => r.table_name === 'survey_respondents').map((r) => r.column_name)).toEqual([
      'campaign_id',
      'respondent',
    ]);
    const keys = await rows<{ target: string }>(
      t.database.db,
      sql`SELECT ccu.table_name AS target FROM information_schema.table_constraints tc
            JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
           WHERE tc.table_name IN ('survey_submissions', 'survey_respondents') AND tc.constraint_type = 'FOREIGN KEY'`,
    );
    expect(keys.map((k) => k.target)).not.toEqual(expect.arrayContaining(['households']));
    expect(keys.map((k) => k.target)).not.toEqual(expect.arrayContaining(['persons']));
    const logged = await rows<{ target_type: string; target_id: string }>(
      t.database.db,
      sql`SELECT target_type, target_id FROM audit_log WHERE action = 'survey.answer' AND actor_name = ${resident.username}`,
    );
    expect(logged).toEqual([{ target_type: 'survey_campaign', target_id: c.id }]);
  });
});

describe('results', () => {
  it('response rates per community and grid, answers counted per question, the answers as .xlsx and CSV', async () => {
    const c = (await campaign(w.staff)).json();
    const answers = [
      {
        satisfaction: '5',
        years: '3',
        topics: 'jobs school',
        children: [{ child_age: '7' }, { child_age: '12' }],
      },
      { satisfaction: '4', years: '2', topics: 'jobs' },
    ];
    for (const a of answers) {
      const h = await newFamily(t, w);
      expect((await answer(worker, c.id, { householdId: h.id, answers: a })).statusCode).toBe(201);
    }
    const res = (await w.staff.get(`/api/surveys/campaigns/${c.id}/results`)).json();
    expect(res.answered).toBe(2);
    const grid = res.rates.find((r: { placeId: string }) => r.placeId === String(w.tree.grid));
    expect(grid).toMatchObject({ level: 'grid', answered: 2 });
    expect(grid.audience).toBeGreaterThanOrEqual(2);
    const topics = res.questions.find((q: { name: string }) => q.name === 'topics');
    expect(topics.counts).toEqual([
      { value: 'jobs', label: '就业', count: 2 },
      { value: 'school', label: '上学', count: 1 },
    ]);

    const xlsx = await w.staff.request({
      method: 'GET',
      url: `/api/surveys/campaigns/${c.id}/answers?format=xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const [main, children] = book.worksheets;
    expect(main.rowCount).toBe(3);
    expect(main.getRow(1).values).toEqual(
      expect.arrayContaining(['_id', 'satisfaction', 'why_not', 'topics', 'child_count']),
    );
    expect(children.name).toBe('children');
    expect(children.rowCount).toBe(3);
    expect((children.getRow(2).values as unknown[]).slice(1, 5)).toEqual([
      1,
      c.title.slice(0, 31),
      expect.any(Number),
      '7',
    ]);

    const csv = await w.staff.get(`/api/surveys/campaigns/${c.id}/answers?format=csv`);
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('officials out of scope learn nothing: the campaign, its results and its answers are missing', async () => {
    const c = (await campaign(w.staff)).json();
    const outsider = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
    for (const url of [
      `/api/surveys/campaigns/${c.id}`,
      `/api/surveys/campaigns/${c.id}/results`,
      `/api/surveys/campaigns/${c.id}/answers`,
    ])
      expect((await outsider.get(url)).statusCode, url).toBe(404);
    const list = (await outsider.get('/api/surveys/campaigns?pageSize=200')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    expect((await outsider.get(`/api/surveys/forms/${formId}`)).statusCode).toBe(404);
  });
});
