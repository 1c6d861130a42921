import { sql } from 'drizzle-orm';
import type { PersonQuery } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Actor, Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { csvStream, xlsxStream, type Column } from '../../platform/files/tabular.ts';
import { zh } from './labels.ts';
import * as repo from './persons.repo.ts';
import { filterOf } from './persons.service.ts';
import { shownAge, shownBirthDate } from './present.ts';
import { personScope, visibleTags } from './registry.policy.ts';
import { rows, type PersonRow } from './registry.sql.ts';

/** Exports are masked and never carry health or disability (PIPL; DOMAIN.md). */
function columns(actor: Actor, tags: Map<string, string>): Column<PersonRow & { household_no?: string }>[] {
  return [
    { header: '户ID', value: (r) => r.household_id, width: 10 },
    { header: '姓名', value: (r) => r.name, width: 12 },
    { header: '与户主关系', value: (r) => zh('relation', r.relation), width: 12 },
    { header: '身份证号', value: (r) => r.id_masked, width: 22 },
    { header: '性别', value: (r) => zh('sex', r.sex), width: 6 },
    { header: '出生日期', value: (r) => shownBirthDate(actor, r.birth_date), width: 12 },
    { header: '年龄', value: (r) => shownAge(actor, r.birth_date), width: 6 },
    { header: '民族', value: (r) => zh('ethnicity', r.ethnicity), width: 8 },
    { header: '联系电话', value: (r) => r.phone_masked, width: 14 },
    { header: '文化程度', value: (r) => zh('education', r.education), width: 10 },
    { header: '劳动能力', value: (r) => zh('labour', r.labour_capacity), width: 10 },
    {
      header: '人员标签',
      value: (r) =>
        visibleTags(actor, r.tags)
          .map((t) => tags.get(t) ?? t)
          .join('、'),
      width: 24,
    },
    { header: '党员', value: (r) => (r.party_member ? '是' : '否'), width: 6 },
    { header: '户籍地', value: (r) => r.hukou_name, width: 20 },
    { header: '居住地', value: (r) => r.residence_name, width: 16 },
    { header: '状态', value: (r) => zh('status', r.status), width: 8 },
  ];
}

export async function exportPersons(
  database: Database,
  ctx: Ctx,
  q: Omit<PersonQuery, 'page' | 'pageSize'>,
  format: 'xlsx' | 'csv',
) {
  const filter = await filterOf(database, ctx, { ...q, page: 1, pageSize: 1 });
  const tagRows = await rows<{ code: string; label_zh: string }>(
    database.db,
    sql`SELECT code, label_zh FROM dictionary_entries WHERE kind = 'person_tag'`,
  );
  const tags = new Map(tagRows.map((t) => [t.code, t.label_zh]));
  await audit(database.db, ctx, { action: 'person.export', targetType: 'person', detail: { ...q, format } });
  const batches = repo.batches(database.db, personScope(ctx.actor, q.side), filter);
  const cols = columns(ctx.actor, tags);
  return format === 'xlsx' ? xlsxStream('人口', cols, batches) : csvStream(cols, batches);
}
