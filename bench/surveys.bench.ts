// `npm run bench -- surveys [--submissions 100000] [--questions 60] [--concurrency 8]`: submissions of a
// form of `questions` questions through the API (POST /api/surveys/campaigns/:id/submissions by a signed-in
// grid worker: auth, validation, the form's engine, one answer each, the grid, the audit row) against a
// bare insert of the same rows (who answered and the answer, one transaction each) in the same run, at
// the same concurrency; target ratio (API rate / bare rate) ≥ 0.5.
import { sql } from 'drizzle-orm';
import type { FormDefinition, Question } from '@anju/contracts';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import type { Database } from '../server/src/db/client.ts';
import { hashPassword } from '../server/src/platform/auth/password.ts';
import { arg, benchDatabase } from './util.ts';

const NAME = 'anju_bench_surveys';
const PASSWORD = 'Bench#2026';

/** A form of `n` questions as satisfaction surveys are made: scores, counts, a follow-up and a constraint. */
function formOf(n: number): FormDefinition {
  const q = (i: number): Question => {
    const base = {
      name: `q${i}`,
      row: i + 2,
      label: { '': `问题${i}` },
      hint: {},
      requiredMessage: {},
      constraintMessage: {},
    };
    if (i % 3 === 0) return { ...base, type: 'select_one', listName: 'score', required: 'yes' };
    if (i % 3 === 1) return { ...base, type: 'integer', constraint: '. >= 0 and . <= 100' };
    return { ...base, type: 'text', relevant: `\${q${i - 2}} <= 2` };
  };
  return {
    title: '基准问卷',
    formId: 'bench',
    version: '1',
    defaultLanguage: '',
    languages: [],
    questions: Array.from({ length: n }, (_, i) => q(i)),
    choices: { score: ['1', '2', '3', '4', '5'].map((name) => ({ name, label: { '': name }, columns: {} })) },
  };
}

const answersOf = (n: number, k: number) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => i)
      .filter((i) => i % 3 !== 2 || (k + i) % 5 < 2)
      .map((i) => [
        `q${i}`,
        i % 3 === 0 ? String(((k + i) % 5) + 1) : i % 3 === 1 ? String((k * i) % 100) : '楼道灯不亮',
      ]),
  );

/** A community with a grid, `n` households in it (twice: one set for the API, one for the bare insert), the form and its campaign. */
async function fill(database: Database, n: number, form: FormDefinition) {
  const [c] = await database.query<{ id: number }>(
    `INSERT INTO places (level, code, name, initials, path, depth) VALUES ('community', 'bench-sv', '基准社区', '', '/', 0) RETURNING id::int8 AS id`,
  );
  await database.query(`UPDATE places SET path = '/' || id || '/' WHERE id = $1`, [c.id]);
  const [g] = await database.query<{ id: number }>(
    `INSERT INTO places (level, code, name, initials, parent_id, path, depth) VALUES ('grid', 'bench-sv-g', '第一网格', '', $1, '/', 1) RETURNING id::int8 AS id`,
    [c.id],
  );
  await database.query(`UPDATE places SET path = $2 WHERE id = $1`, [g.id, `/${c.id}/${g.id}/`]);
  await database.query(
    `INSERT INTO households (household_no, residence_place_id, residence_path, resettlement_type, poverty_status)
     SELECT 'BSV' || lpad(i::text, 8, '0'), $1, $2, 'urban_centralized', 'out_of_poverty'
       FROM generate_series(1, $3) i`,
    [g.id, `/${c.id}/${g.id}/`, 2 * n],
  );
  const [f] = await database.query<{ id: number }>(
    `INSERT INTO survey_forms (form_key, form_version, title, definition, place_id, place_path)
     VALUES ('bench', '1', '基准问卷', $1::jsonb, $2, $3) RETURNING id::int8 AS id`,
    [JSON.stringify(form), c.id, `/${c.id}/`],
  );
  await database.query(
    `INSERT INTO survey_campaigns (form_id, title, place_id, place_path, audience, opens_on, closes_on)
     VALUES ($1, '基准调查', $2, $3, 'households', current_date - 1, current_date + 30)`,
    [f.id, c.id, `/${c.id}/`],
  );
  await database.query(
    `INSERT INTO users (username, display_name, password_hash, roles) VALUES ('bench_surveys', '基准', $1, '{grid_worker}')`,
    [await hashPassword(PASSWORD)],
  );
  await database.query(
    `INSERT INTO user_scopes (user_id, place_id) SELECT id, $1 FROM users WHERE username = 'bench_surveys'`,
    [g.id],
  );
  await database.query('ANALYZE');
}

/** Runs `work(k)` for k in [0, n) on `concurrency` lanes; the rate per second. */
async function rate(n: number, concurrency: number, work: (k: number) => Promise<void>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let k = next++; k < n; k = next++) await work(k);
    }),
  );
  return +(n / ((performance.now() - started) / 1000)).toFixed(1);
}

export default async function surveysBench(args: string[]) {
  const n = Number(arg(args, 'submissions', '100000'));
  const questions = Number(arg(args, 'questions', '60'));
  const concurrency = Number(arg(args, 'concurrency', '8'));
  const form = formOf(questions);
  const { database, fillSeconds } = await benchDatabase(NAME, {
    reuse: false,
    pool: concurrency + 2,
    filled: 'survey_campaigns',
    fill: (d) => fill(d, n, form),
  });
  const [campaign] = await database.query<{ id: number; form_id: number; grid_path: string }>(
    `SELECT c.id::int8 AS id, c.form_id::int8 AS form_id, g.path AS grid_path
       FROM survey_campaigns c JOIN places g ON g.level = 'grid' AND g.code = 'bench-sv-g'`,
  );
  const households = (
    await database.query<{ id: number }>(
      `SELECT id::int8 AS id FROM households WHERE household_no LIKE 'BSV%' ORDER BY id`,
    )
  ).map((h) => Number(h.id));

  const config = loadConfig({
    webDist: '/nonexistent',
    runJobs: false,
    rateLimitLogin: 10_000,
    secretKey: 'be'.repeat(32),
  });
  const app = await buildApp(config, database, { logger: false });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'bench_surveys', password: PASSWORD },
  });
  const headers = {
    cookie: `anju_sid=${login.cookies.find((c) => c.name === 'anju_sid')!.value}`,
    'x-csrf-token': login.json().csrfToken as string,
  };

  const api = await rate(n, concurrency, async (k) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/surveys/campaigns/${campaign.id}/submissions`,
      headers,
      payload: { householdId: String(households[k]), answers: answersOf(questions, k) },
    });
    if (res.statusCode !== 201) throw new Error(`submission ${k}: ${res.statusCode} ${res.body}`);
  });
  const bare = await rate(n, concurrency, async (k) => {
    await database.db.transaction(async (tx) => {
      await tx.execute(
        sql`INSERT INTO survey_respondents (campaign_id, respondent) VALUES (${campaign.id}, ${`h${households[n + k]}`})`,
      );
      await tx.execute(
        sql`INSERT INTO survey_submissions (campaign_id, form_id, grid_path, household_id, channel, answers)
            VALUES (${campaign.id}, ${campaign.form_id}, ${campaign.grid_path}, ${households[n + k]}, 'door',
                    ${JSON.stringify(answersOf(questions, k))}::jsonb)`,
      );
    });
  });
  await app.close();
  await database.close();
  return {
    submissions: n,
    questions,
    concurrency,
    fillSeconds,
    apiPerSecond: api,
    barePerSecond: bare,
    ratio: +(api / bare).toFixed(2),
    target: 0.5,
  };
}
