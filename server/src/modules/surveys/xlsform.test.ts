import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormRun, type Answers, type FormDefinition } from '@anju/contracts';
import { AppError } from '../../platform/errors.ts';
import { CHOICE_FILTER, POSITION, RELATIVE_REFERENCES } from './pyxform.forms.ts';
import { SATISFACTION, sheetsOf, workbook } from './surveys.fixture.ts';
import { FORM_REASONS, readXlsForm } from './xlsform.ts';

async function read(sheets: Record<string, (string | number)[][]>): Promise<FormDefinition> {
  const file = path.join(os.tmpdir(), `xlsform-${process.pid}-${Math.random()}.xlsx`);
  fs.writeFileSync(file, await workbook(sheets));
  try {
    return await readXlsForm(file);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function refusal(sheets: Record<string, (string | number)[][]>) {
  const err = await read(sheets).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).details;
}

const now = new Date('2026-03-05T08:00:00Z');
const errorsOf = (form: FormDefinition, answers: Answers) =>
  new FormRun(form, structuredClone(answers), now).errors;

describe('forms from pyxform’s own tests', () => {
  it('references inside and across repeats and groups decide what is relevant', async () => {
    const form = await read(sheetsOf(RELATIVE_REFERENCES));
    const fields = (answers: Answers) =>
      new FormRun(form, structuredClone(answers), now).fields.filter((f) => f.relevant).map((f) => f.path);
    const shown = fields({
      Z: 'x',
      section: [{ A: 'oat' }, { A: 'rye' }],
      section3: [{ F: 'oat', G: 'oat', sectionc: [{ I: 'oat' }, { I: 'no' }] }],
    });
    expect(shown).toContain('answers.section.0.B');
    expect(shown).not.toContain('answers.section.1.B');
    // K reads F of its parent repeat instance, L reads G of the group there, N reads G from a sibling group
    expect(shown).toEqual(
      expect.arrayContaining([
        'answers.section3.0.H',
        'answers.section3.0.sectionc.0.J',
        'answers.section3.0.sectionc.0.K',
        'answers.section3.0.sectionc.1.L',
        'answers.section3.0.N',
      ]),
    );
    expect(shown).not.toContain('answers.section3.0.sectionc.1.J');
    expect(shown).not.toContain('answers.section3.0.O');
  });

  it('a choice_filter reads the choice’s own name against an answer of the same repeat instance', async () => {
    const form = await read(sheetsOf(CHOICE_FILTER));
    expect(errorsOf(form, { rep: [{ crop: 'kale', a: 'kale', b: 'kale' }] })).toEqual([]);
    expect(
      errorsOf(form, {
        rep: [
          { crop: 'kale', a: 'kale' },
          { crop: 'maize', a: 'kale' },
        ],
      }),
    ).toEqual([
      {
        field: 'answers.rep.1.a',
        reason: 'is not a choice of the list {{list}}',
        params: { list: 'crop_list' },
      },
    ]);
  });

  it('position(..) numbers each repeat instance', async () => {
    const form = await read(sheetsOf(POSITION));
    expect(form.languages).toContain('English');
    const run = new FormRun(form, { member: [{ member_name: 'a' }, { member_name: 'b' }] }, now);
    expect((run.answers.member as Answers[]).map((m) => m.pos)).toEqual(['1', '2']);
  });
});

describe('reading an XLSForm workbook', () => {
  it('reads types, languages, groups, repeats, choices and settings', async () => {
    const form = await read(SATISFACTION('satisfaction'));
    expect(form).toMatchObject({
      title: '安置社区居民满意度调查',
      formId: 'satisfaction',
      version: '2026030501',
      defaultLanguage: '中文 (zh)',
    });
    expect(form.languages).toEqual(expect.arrayContaining(['中文 (zh)', 'English (en)']));
    const [group, topics, years, children] = form.questions;
    expect(group).toMatchObject({ type: 'group', appearance: 'field-list' });
    expect(group.children?.[1]).toMatchObject({
      name: 'why_not',
      relevant: '${satisfaction} <= 2',
      required: 'yes',
    });
    expect(topics).toMatchObject({ type: 'select_multiple', listName: 'topic' });
    expect(years.constraintMessage['中文 (zh)']).toBe('请填写0到20之间的年数');
    expect(children).toMatchObject({ type: 'repeat', row: 8 });
    expect(form.choices.score).toHaveLength(5);
  });

  it('names sheet, row and column of each fault', async () => {
    const details = await refusal({
      survey: [
        ['type', 'name', 'label', 'relevant', 'calculation'],
        ['txt', 'a', 'A', '', ''],
        ['text', 'b', 'B', '${nowhere} = 1', ''],
        ['text', 'b', 'B again', '', ''],
        ['select_one colours', 'c', 'C', '', ''],
        ['end group', '', '', '', ''],
        ['begin repeat', 'r', 'R', '', ''],
        ['calculate', 'd', '', '', 'sqrt(4) + ('],
        ['calculate', 'e', '', '', 'frobnicate(1)'],
      ],
      choices: [['list_name', 'name', 'label']],
    });
    expect(details).toEqual([
      expect.objectContaining({
        field: 'survey[2].type',
        reason: FORM_REASONS.type,
        params: expect.objectContaining({ type: 'txt' }),
      }),
      expect.objectContaining({
        field: 'survey[4].name',
        reason: FORM_REASONS.duplicate,
        params: expect.objectContaining({ name: 'b', first: 3 }),
      }),
      expect.objectContaining({
        field: 'survey[5].type',
        reason: FORM_REASONS.list,
        params: expect.objectContaining({ list: 'colours' }),
      }),
      expect.objectContaining({ field: 'survey[6].type', reason: FORM_REASONS.unbalanced }),
      expect.objectContaining({
        field: 'survey[7].type',
        reason: FORM_REASONS.unclosed,
        params: expect.objectContaining({ kind: 'repeat' }),
      }),
      expect.objectContaining({
        field: 'survey[3].relevant',
        reason: FORM_REASONS.reference,
        params: expect.objectContaining({ name: '${nowhere}', sheet: 'survey', row: 3, column: 'relevant' }),
      }),
      expect.objectContaining({ field: 'survey[8].calculation', reason: FORM_REASONS.expression }),
      expect.objectContaining({ field: 'survey[9].calculation', reason: FORM_REASONS.function }),
    ]);
  });

  it('refuses a workbook without a survey sheet', async () => {
    const details = await refusal({ choices: [['list_name', 'name', 'label']] });
    expect(details[0].reason).toBe(FORM_REASONS.noSurvey);
  });
});

describe('answers checked by the engine the phone uses', () => {
  it('required, relevant, constraints with their messages, repeats and types, naming the field', async () => {
    const form = await read(SATISFACTION('satisfaction'));
    expect(errorsOf(form, { satisfaction: '4', years: '3' })).toEqual([]);
    expect(errorsOf(form, { satisfaction: '1', years: '3' })).toEqual([
      { field: 'answers.why_not', reason: 'is required' },
    ]);
    expect(errorsOf(form, { satisfaction: '9', years: '25', topics: 'jobs school health' })).toEqual([
      {
        field: 'answers.satisfaction',
        reason: 'is not a choice of the list {{list}}',
        params: { list: 'score' },
      },
      {
        field: 'answers.topics',
        reason: 'is refused by the form: {{message}}',
        params: { message: '最多选两项' },
      },
      {
        field: 'answers.years',
        reason: 'is refused by the form: {{message}}',
        params: { message: '请填写0到20之间的年数' },
      },
    ]);
    expect(
      errorsOf(form, { satisfaction: '4', years: 'three', children: [{ child_age: '2' }], x: '1' }),
    ).toEqual([
      { field: 'answers.years', reason: 'must be a whole number' },
      {
        field: 'answers.children.0.child_age',
        reason: 'is refused by the form: {{message}}',
        params: { message: '年龄应在3到18岁之间' },
      },
      { field: 'answers.x', reason: 'is not a question of the form' },
    ]);
  });

  it('clears answers to questions not shown and fills in calculations', async () => {
    const form = await read(SATISFACTION('satisfaction'));
    const run = new FormRun(
      form,
      {
        satisfaction: '5',
        why_not: 'stale',
        years: '2',
        children: [{ child_age: '8' }, { child_age: '12' }],
      },
      now,
    );
    expect(run.errors).toEqual([]);
    expect(run.answers.why_not).toBeUndefined();
    expect(run.answers.child_count).toBe('2');
    expect((run.answers.children as Answers[]).map((c) => c.child_no)).toEqual(['1', '2']);
  });
});
