import { sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../../../db/client.ts';
import type { Ctx } from '../../../platform/auth/actor.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { conflict } from '../../../platform/errors.ts';

/** Person fields an import may change: history key, column, the value after (an empty cell keeps the old one). */
const PERSON_FIELDS: [key: string, column: string, next: string][] = [
  ['relation', 'relation', 's.relation'],
  ['name', 'name', 's.name'],
  ['ethnicity', 'ethnicity', 'coalesce(s.ethnicity, p.ethnicity)'],
  ['phone', 'phone_masked', 'coalesce(s.phone_masked, p.phone_masked)'],
  ['education', 'education', 'coalesce(s.education, p.education)'],
  ['health', 'health', 'coalesce(s.health, p.health)'],
  ['disabilityGrade', 'disability_grade', 'coalesce(s.disability_grade, p.disability_grade)'],
  ['labourCapacity', 'labour_capacity', 's.labour_capacity'],
  ['tags', 'tags', 'coalesce(s.tags, p.tags)'],
  ['partyMember', 'party_member', 'coalesce(s.party_member, p.party_member)'],
  ['hukouPlaceId', 'hukou_place_id', 's.hukou_place_id'],
];
const HOUSEHOLD_FIELDS: [key: string, column: string, next: string][] = [
  ['originVillageId', 'origin_village_id', 'coalesce(ih.origin_village_id, h.origin_village_id)'],
  ['relocationYear', 'relocation_year', 'coalesce(ih.relocation_year, h.relocation_year)'],
  ['resettlementType', 'resettlement_type', 'ih.resettlement_type'],
  ['povertyStatus', 'poverty_status', 'ih.poverty_status'],
];

const diff = (fields: typeof PERSON_FIELDS, alias: string) =>
  `jsonb_strip_nulls(jsonb_build_object(${fields
    .map(
      ([key, col, next]) =>
        `'${key}', CASE WHEN ${alias}.${col} IS DISTINCT FROM ${next} THEN jsonb_build_array(${alias}.${col}, ${next}) END`,
    )
    .join(', ')}))`;
const changed = (fields: typeof PERSON_FIELDS, alias: string) =>
  `(${fields.map(([, col]) => `${alias}.${col}`).join(', ')}) IS DISTINCT FROM (${fields.map(([, , next]) => next).join(', ')})`;

/** The steps of a commit; those only for registered people and households when the dry run matched any. */
function steps(id: number, ctx: Ctx, note: string, matches: boolean): SQL[] {
  const actor = sql`${ctx.actor.userId}, ${ctx.actor.username}`;
  const kept = `s.import_id = ${id} AND NOT s.skip`;
  const ifMatches = (...step: SQL[]) => (matches ? step : []);
  return [
    sql.raw(`CREATE TEMP TABLE import_households ON COMMIT DROP AS
      SELECT g.*, CASE WHEN g.existing_id IS NULL THEN nextval(pg_get_serial_sequence('households', 'id')) ELSE g.existing_id END AS id
        FROM (SELECT s.household_key, min(s.household_id) AS existing_id, min(s.dwelling_id) AS dwelling_id,
                     min(s.dwelling_path) AS dwelling_path, min(s.community_code) AS community_code,
                     min(s.origin_village_id) AS origin_village_id, min(s.origin_path) AS origin_path,
                     min(s.relocation_year) AS relocation_year, min(s.resettlement_type) AS resettlement_type,
                     min(s.poverty_status) AS poverty_status, count(*) AS members,
                     coalesce(min(s.name) FILTER (WHERE s.relation = 'head'), '') AS head_name
                FROM registry_import_rows s WHERE ${kept} GROUP BY s.household_key) g`),
    // the joins below hash the smaller side only if the planner knows which one it is
    sql`ANALYZE import_households`,
    sql.raw(`INSERT INTO households (id, household_no, dwelling_id, residence_place_id, residence_path, origin_village_id,
               origin_path, relocation_year, resettlement_type, poverty_status, head_name, member_count)
             SELECT id, community_code || '-' || lpad(id::text, 7, '0'), dwelling_id, dwelling_id, dwelling_path,
                    origin_village_id, origin_path, relocation_year, resettlement_type, poverty_status, head_name, members
               FROM import_households WHERE existing_id IS NULL`),
    sql`INSERT INTO registry_history (household_id, event, version, changes, note, actor_id, actor_name)
        SELECT ih.id, 'import', 1, jsonb_build_object('dwelling', jsonb_build_array(null::text, d.name)), ${note}, ${actor}
          FROM import_households ih JOIN places d ON d.id = ih.dwelling_id WHERE ih.existing_id IS NULL`,
    ...ifMatches(
      sql`INSERT INTO registry_history (household_id, event, version, changes, note, actor_id, actor_name)
        SELECT h.id, 'import', h.version + 1, ${sql.raw(diff(HOUSEHOLD_FIELDS, 'h'))}, ${note}, ${actor}
          FROM import_households ih JOIN households h ON h.id = ih.existing_id
         WHERE ${sql.raw(changed(HOUSEHOLD_FIELDS, 'h'))}`,
      sql.raw(`UPDATE households h SET ${HOUSEHOLD_FIELDS.map(([, col, next]) => `${col} = ${next}`).join(', ')},
               origin_path = coalesce(ih.origin_path, h.origin_path), version = h.version + 1, updated_at = now()
               FROM import_households ih WHERE h.id = ih.existing_id AND ${changed(HOUSEHOLD_FIELDS, 'h')}`),
      sql`INSERT INTO registry_history (household_id, person_id, event, version, changes, note, actor_id, actor_name)
        SELECT p.household_id, p.id, 'import', p.version + 1, ${sql.raw(diff(PERSON_FIELDS, 'p'))}, ${note}, ${actor}
          FROM registry_import_rows s JOIN persons p ON p.id = s.person_id
         WHERE ${sql.raw(`${kept} AND ${changed(PERSON_FIELDS, 'p')}`)}`,
      sql.raw(`UPDATE persons p SET ${PERSON_FIELDS.map(([, col, next]) => `${col} = ${next}`).join(', ')},
               initials = s.initials, hukou_path = s.hukou_path,
               phone_cipher = coalesce(s.phone_cipher, p.phone_cipher), phone_hash = coalesce(s.phone_hash, p.phone_hash),
               version = p.version + 1, updated_at = now()
               FROM registry_import_rows s WHERE ${kept} AND s.person_id = p.id AND ${changed(PERSON_FIELDS, 'p')}`),
    ),
    sql`WITH added AS (
          INSERT INTO persons (household_id, relation, name, initials, id_cipher, id_hash, id_masked, sex, birth_date,
            ethnicity, phone_cipher, phone_hash, phone_masked, education, health, disability_grade, labour_capacity, tags,
            party_member, hukou_place_id, hukou_path, residence_place_id, residence_path)
          SELECT ih.id, s.relation, s.name, s.initials, s.id_cipher, s.id_hash, s.id_masked, s.sex, s.birth_date,
                 coalesce(s.ethnicity, '01'), s.phone_cipher, s.phone_hash, s.phone_masked, s.education,
                 coalesce(s.health, 'healthy'), s.disability_grade, s.labour_capacity, coalesce(s.tags, '{}'),
                 coalesce(s.party_member, false), s.hukou_place_id, s.hukou_path, ih.dwelling_id, ih.dwelling_path
            FROM registry_import_rows s JOIN import_households ih ON ih.household_key = s.household_key
           WHERE ${sql.raw(kept)} AND s.person_id IS NULL
          RETURNING id, household_id, name)
        INSERT INTO registry_history (household_id, person_id, event, version, changes, note, actor_id, actor_name)
        SELECT household_id, id, 'import', 1, jsonb_build_object('name', jsonb_build_array(null::text, name)), ${note}, ${actor}
          FROM added`,
    ...ifMatches(
      sql.raw(`UPDATE households h SET member_count = c.n, head_name = c.head
               FROM (SELECT p.household_id, count(*) FILTER (WHERE p.status = 'living') AS n,
                            coalesce(min(p.name) FILTER (WHERE p.relation = 'head' AND p.status = 'living'), '') AS head
                       FROM persons p WHERE p.household_id IN (SELECT existing_id FROM import_households)
                      GROUP BY p.household_id) c
              WHERE h.id = c.household_id`),
    ),
  ];
}

const OCCUPIED = sql`
  SELECT ih.household_key FROM import_households ih
    JOIN households h ON h.dwelling_id = ih.dwelling_id AND h.status = 'active'
   WHERE ih.existing_id IS NULL LIMIT 1`;

const changedSince = (what: string) =>
  conflict(`${what} since the dry run; nothing was written: upload the file again`);

/**
 * Writes the rows kept by the dry run (not `skip`) in one transaction, set-based: new households
 * and people inserted, matched people and households updated with their history, one audit row.
 * `updates` is the number of rows the dry run matched to registered people: without any, all is new.
 * `finish` runs last inside the same transaction; `onStep` hears each step done.
 */
export async function commitRows(
  database: Database,
  ctx: Ctx,
  o: { importId: number; note: string; detail: Record<string, unknown>; updates: number },
  finish: (tx: Tx) => Promise<void>,
  onStep: (done: number, total: number) => void = () => {},
) {
  const all = steps(o.importId, ctx, o.note, o.updates > 0);
  try {
    await database.db.transaction(async (tx) => {
      // a province's households hashed in memory rather than spilled; JIT compiled longer than it saved
      await tx.execute(sql`SELECT set_config('work_mem', '256MB', true), set_config('jit', 'off', true)`);
      for (const [i, step] of all.entries()) {
        await tx.execute(step);
        if (i === 0 && (await tx.execute(OCCUPIED)).rows.length)
          throw changedSince('a dwelling of the file became home of another household');
        onStep(i + 1, all.length + 1);
      }
      await audit(tx, ctx, {
        action: 'person.import',
        targetType: 'import',
        targetId: o.importId,
        detail: o.detail,
      });
      await finish(tx);
    });
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    if ((e.cause?.code ?? e.code) === '23505')
      throw changedSince('someone registered one of these ID numbers');
    throw err;
  }
}
