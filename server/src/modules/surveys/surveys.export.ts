import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { FormDefinition, type Question } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { neutraliseFormula } from '../../platform/files/formula.ts';
import { csvStream, type Column } from '../../platform/files/tabular.ts';
import { answersScope } from './surveys.policy.ts';
import * as repo from './surveys.repo.ts';
import { visibleCampaign } from './surveys.service.ts';
import type { SubmissionRow } from './surveys.sql.ts';

type Submission = SubmissionRow;

/** A sheet of the export: the main one, or a repeat's with its parent's index. */
interface Table {
  name: string;
  questions: Question[];
  repeats: Table[];
}

function tableOf(name: string, questions: Question[]): Table {
  const table: Table = { name, questions: [], repeats: [] };
  const visit = (qs: Question[]) => {
    for (const q of qs) {
      if (q.type === 'group') visit(q.children ?? []);
      else if (q.type === 'repeat') table.repeats.push(tableOf(q.name, q.children ?? []));
      else if (q.type !== 'note') table.questions.push(q);
    }
  };
  visit(questions);
  return table;
}

const META = ['_id', '_submitted_at', '_form_version', '_channel', '_household_id'];

const metaOf = (s: Submission) => [
  Number(s.id),
  new Date(s.submitted_at).toISOString(),
  s.form_version,
  s.channel,
  s.household_id === null ? '' : Number(s.household_id),
];

const cell = (v: unknown) => (typeof v === 'string' ? neutraliseFormula(v) : '');

/** Answers as KoboToolbox exports them: a row per submission, each repeat on its own sheet under its parent's index. */
function workbook(main: Table, batches: AsyncIterable<Submission[]>): Readable {
  const out = new PassThrough();
  (async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheets = new Map<Table, { ws: ExcelJS.Worksheet; next: number }>();
    const open = (t: Table, head: string[]) => {
      const ws = wb.addWorksheet(t.name.slice(0, 31));
      ws.addRow([...head, ...t.questions.map((q) => q.name)]).commit();
      sheets.set(t, { ws, next: 1 });
      t.repeats.forEach((r) => open(r, ['_index', '_parent_table_name', '_parent_index']));
    };
    open(main, META);
    const writeRepeats = (t: Table, answers: Record<string, unknown>, parentIndex: number) => {
      for (const r of t.repeats) {
        const instances = Array.isArray(answers[r.name])
          ? (answers[r.name] as Record<string, unknown>[])
          : [];
        const sheet = sheets.get(r)!;
        for (const inst of instances) {
          const index = sheet.next++;
          sheet.ws
            .addRow([index, t.name, parentIndex, ...r.questions.map((q) => cell(inst[q.name]))])
            .commit();
          writeRepeats(r, inst, index);
        }
      }
    };
    const mainSheet = sheets.get(main)!.ws;
    for await (const batch of batches)
      for (const s of batch) {
        mainSheet.addRow([...metaOf(s), ...main.questions.map((q) => cell(s.answers[q.name]))]).commit();
        writeRepeats(main, s.answers, Number(s.id));
      }
    for (const { ws } of sheets.values()) ws.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err));
  return out;
}

/** The answers of a campaign the caller sees as .xlsx (repeats on their own sheets) or CSV (the main sheet). */
export async function exportAnswers(
  database: Database,
  ctx: Ctx,
  campaignId: number,
  format: 'xlsx' | 'csv',
) {
  const c = await visibleCampaign(database.db, ctx, campaignId);
  const main = tableOf(c.title.slice(0, 31) || 'answers', FormDefinition.parse(c.definition).questions);
  await audit(database.db, ctx, { action: 'survey.export', targetType: 'survey_campaign', targetId: c.id });
  const batches = repo.submissions(database.db, c.id, answersScope(ctx.actor));
  const fileName = `survey-${c.id}.${format}`;
  if (format === 'xlsx') return { fileName, stream: workbook(main, batches) };
  const columns: Column<Submission>[] = [
    ...META.map((header, i) => ({ header, value: (s: Submission) => metaOf(s)[i] })),
    ...main.questions.map((q) => ({ header: q.name, value: (s: Submission) => cell(s.answers[q.name]) })),
  ];
  return { fileName, stream: csvStream(columns, batches) };
}
