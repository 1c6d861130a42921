import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { pgArray } from '../db/array.ts';
import { readXlsForm } from '../modules/surveys/xlsform.ts';
import { defineSeeder } from './registry.ts';

const HEAD = [
  'type',
  'name',
  'label::中文 (zh)',
  'label::English (en)',
  'relevant',
  'constraint',
  'constraint_message::中文 (zh)',
  'required',
  'calculation',
  'appearance',
];
const q = (...cells: string[]) => [...cells, ...Array(HEAD.length - cells.length).fill('')];

/** The satisfaction survey a county's civil affairs bureau sends its resettlement communities each quarter, as an XLSForm. */
export const SATISFACTION_FORM = {
  survey: [
    HEAD,
    q('begin group', 'services', '社区服务', 'Community services', '', '', '', '', '', 'field-list'),
    q(
      'select_one score',
      'satisfaction',
      '您对社区服务总体满意吗？',
      'Overall, are you satisfied with the community services?',
      '',
      '',
      '',
      'yes',
    ),
    q(
      'text',
      'why_not',
      '请说说哪里不满意',
      'What are you not satisfied with?',
      '${satisfaction} <= 2',
      '',
      '',
      'yes',
      '',
      'multiline',
    ),
    q(
      'select_one score',
      'property',
      '对物业管理（卫生、维修）满意吗？',
      'Property management (cleaning, repairs)?',
      '',
      '',
      '',
      'yes',
    ),
    q('end group', ''),
    q(
      'select_multiple topic',
      'topics',
      '您家现在最需要哪方面帮助？（最多两项）',
      'What help does your household need most? (two at most)',
      '',
      'count-selected(.) <= 2',
      '最多选两项',
    ),
    q(
      'integer',
      'workers',
      '家里有几个人在务工？',
      'How many in the household work?',
      '',
      '. >= 0 and . <= 12',
      '请填写0到12之间的人数',
      'yes',
    ),
    q(
      'select_one yes_no',
      'wants_training',
      '家里有人想参加技能培训吗？',
      'Does anyone want skills training?',
      '',
      '',
      '',
      'yes',
    ),
    q('text', 'training_wish', '想学什么？', 'What would they learn?', "${wants_training} = 'yes'"),
    q(
      'text',
      'suggestion',
      '对社区还有什么建议？',
      'Any other suggestion?',
      '',
      'string-length(.) <= 200',
      '请不超过200字',
      '',
      '',
      'multiline',
    ),
  ],
  choices: [
    ['list_name', 'name', 'label::中文 (zh)', 'label::English (en)'],
    ...['很不满意', '不满意', '一般', '满意', '很满意'].map((l, i) => [
      'score',
      String(i + 1),
      l,
      ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'][i],
    ]),
    ['topic', 'jobs', '就业', 'Jobs'],
    ['topic', 'school', '孩子上学', 'Schooling'],
    ['topic', 'health', '看病就医', 'Health care'],
    ['topic', 'elderly', '老人照料', 'Care of the elderly'],
    ['topic', 'housing', '房屋维修', 'Housing repairs'],
    ['yes_no', 'yes', '是', 'Yes'],
    ['yes_no', 'no', '否', 'No'],
  ],
  settings: [
    ['form_title', 'form_id', 'version', 'default_language'],
    ['安置社区居民满意度调查', 'resettlement_satisfaction', '2026Q1', '中文 (zh)'],
  ],
};

async function satisfactionForm() {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(SATISFACTION_FORM)) book.addWorksheet(name).addRows(rows);
  const file = path.join(os.tmpdir(), `anju-satisfaction-${process.pid}.xlsx`);
  await book.xlsx.writeFile(file);
  try {
    return await readXlsForm(file);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** A number in [0, 1) from a SQL key and a salt. */
const uniform = (key: string, salt: string, seed: number) =>
  sql.raw(`(('x' || substr(md5(${key}::text || '${salt}${seed}'), 1, 8))::bit(32)::bigint / 4294967296.0)`);

/**
 * In every community the quarter's anonymous satisfaction survey, open from three weeks ago for
 * a month, answered by about two households in three (door to door or on their phones), most
 * satisfied, some not and saying why.
 */
export const surveysSeeder = defineSeeder({
  name: 'surveys',
  dependsOn: ['persons'],
  async run(ctx) {
    const ids = ctx.places.communities.map((c) => c.id);
    if (ids.length === 0) return;
    const db = ctx.database.db;
    const definition = await satisfactionForm();
    const gridIds = ctx.places.communities.flatMap((c) => c.grids.map((g) => g.id));
    const on = new Date().toISOString().slice(0, 10);
    const campaigns = (
      await db.execute(
        sql`WITH f AS (
              INSERT INTO survey_forms (form_key, form_version, title, definition, place_id, place_path)
              SELECT ${definition.formId}, ${definition.version}, ${definition.title}, ${JSON.stringify(definition)}::jsonb, pl.id, pl.path
                FROM places pl WHERE pl.id = ANY(${pgArray(ids)}::bigint[])
              RETURNING id, place_id, place_path)
            INSERT INTO survey_campaigns (form_id, title, place_id, place_path, audience, anonymous, opens_on, closes_on)
            SELECT f.id, '2026年第一季度居民满意度调查', f.place_id, f.place_path, 'households', true,
                   ${on}::date - 21, ${on}::date + 9
              FROM f
            RETURNING id, form_id, place_path`,
      )
    ).rows as { id: number }[];
    const u = (salt: string) => uniform('h.id', salt, ctx.seed);
    const v = (salt: string) => uniform('a.household_id', salt, ctx.seed);
    const score = (salt: string) => sql`(CASE WHEN ${u(salt)} < 0.05 THEN 1 WHEN ${u(salt)} < 0.13 THEN 2
                                              WHEN ${u(salt)} < 0.33 THEN 3 WHEN ${u(salt)} < 0.78 THEN 4 ELSE 5 END)::text`;
    const answered = sql`SELECT c.id AS campaign_id, c.form_id, h.id AS household_id,
                                coalesce((SELECT g.path FROM places g WHERE g.id = ANY(${pgArray(gridIds)}::bigint[]) AND h.residence_path LIKE g.path || '%' LIMIT 1), c.place_path) AS grid_path,
                                ${score('s')} AS satisfaction, ${score('p')} AS property
                           FROM survey_campaigns c
                           JOIN households h ON h.residence_path LIKE c.place_path || '%' AND h.status = 'active'
                          WHERE c.id = ANY(${pgArray(campaigns.map((c) => Number(c.id)))}::bigint[]) AND ${u('answers')} < 0.66`;
    await db.execute(
      sql`WITH a AS (${answered}),
               r AS (INSERT INTO survey_respondents (campaign_id, respondent) SELECT campaign_id, 'h' || household_id FROM a)
          INSERT INTO survey_submissions (campaign_id, form_id, grid_path, channel, answers, submitted_at)
          SELECT a.campaign_id, a.form_id, a.grid_path, CASE WHEN ${v('channel')} < 0.7 THEN 'door' ELSE 'phone' END,
                 jsonb_strip_nulls(jsonb_build_object(
                   'satisfaction', a.satisfaction,
                   'why_not', CASE WHEN a.satisfaction::int <= 2
                                   THEN (ARRAY['电梯经常坏，报修很久没人来', '办事要跑好几趟', '晚上楼道灯不亮', '垃圾清运不及时'])[1 + floor(${v('why')} * 4)::int] END,
                   'property', a.property,
                   'topics', (ARRAY['jobs', 'jobs school', 'health', 'jobs health', 'elderly', 'school', 'housing', 'jobs elderly'])[1 + floor(${v('topics')} * 8)::int],
                   'workers', floor(${v('workers')} * 4)::int::text,
                   'wants_training', CASE WHEN ${v('training')} < 0.35 THEN 'yes' ELSE 'no' END,
                   'training_wish', CASE WHEN ${v('training')} < 0.35
                                         THEN (ARRAY['电工', '家政', '电商直播', '烹饪'])[1 + floor(${v('wish')} * 4)::int] END)),
                 ${on}::date - 21 + floor(${v('day')} * 21)::int + make_interval(hours => 8 + floor(${v('hour')} * 12)::int)
            FROM a`,
    );
    ctx.log(`surveys: ${campaigns.length} campaigns`);
  },
});
