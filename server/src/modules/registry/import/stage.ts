import type { Database } from '../../../db/client.ts';
import type { RowError, StagedRow } from './check-row.ts';
import type { Resolved } from './resolve.ts';

type Value = string | number | boolean | null;

const csv = (v: Value) => {
  if (v === null) return '';
  const s = String(v);
  return s === '' || /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const array = (tags: string[] | null) => (tags === null ? null : `{${tags.join(',')}}`);

/** Columns known once a row is checked on its own: formatted where the row is checked. */
const CHECKED: [column: string, value: (r: StagedRow) => Value][] = [
  ['row_no', (r) => r.rowNo],
  ['household_key', (r) => r.householdKey],
  ['relation', (r) => r.relation],
  ['name', (r) => r.name],
  ['initials', (r) => r.initials],
  ['id_cipher', (r) => r.idCipher],
  ['id_hash', (r) => r.idHash],
  ['id_masked', (r) => r.idMasked],
  ['sex', (r) => r.sex],
  ['birth_date', (r) => r.birthDate],
  ['ethnicity', (r) => r.ethnicity],
  ['phone_cipher', (r) => r.phoneCipher],
  ['phone_hash', (r) => r.phoneHash],
  ['phone_masked', (r) => r.phoneMasked],
  ['education', (r) => r.education],
  ['health', (r) => r.health],
  ['disability_grade', (r) => r.disabilityGrade],
  ['labour_capacity', (r) => r.labourCapacity],
  ['tags', (r) => array(r.tags)],
  ['party_member', (r) => r.partyMember],
  ['relocation_year', (r) => r.relocationYear],
  ['resettlement_type', (r) => r.resettlementType],
  ['poverty_status', (r) => r.povertyStatus],
];

/** Columns known once places and ID numbers are resolved against the database. */
const RESOLVED: [column: string, value: (r: Resolved) => Value][] = [
  ['bad', (r) => r.bad],
  ['hukou_place_id', (r) => r.hukouPlaceId],
  ['hukou_path', (r) => r.hukouPath],
  ['dwelling_id', (r) => r.dwellingId],
  ['dwelling_path', (r) => r.dwellingPath],
  ['community_code', (r) => r.communityCode],
  ['occupant_id', (r) => r.occupantId],
  ['origin_village_id', (r) => r.originVillageId],
  ['origin_path', (r) => r.originPath],
  ['person_id', (r) => r.personId],
  ['household_id', (r) => r.householdId],
  ['household_dwelling_id', (r) => r.householdDwellingId],
];
const STAGED_COLUMNS = ['import_id', ...CHECKED.map(([c]) => c), ...RESOLVED.map(([c]) => c)];

/** The checked columns of a row as CSV fields, the start of its staging line. */
export const checkedFields = (r: StagedRow) => CHECKED.map(([, v]) => csv(v(r))).join(',');

/** Loads a batch of rows into the staging table with COPY: checked fields and what was resolved for them. */
export async function stageRows(
  database: Database,
  importId: number,
  checked: string[],
  resolved: Resolved[],
) {
  if (checked.length === 0) return;
  let text = '';
  for (let i = 0; i < checked.length; i++) {
    const r = resolved[i];
    text += `${importId},${checked[i]},${RESOLVED.map(([, v]) => csv(v(r))).join(',')}\n`;
  }
  await database.copy('registry_import_rows', STAGED_COLUMNS, text);
}

/** Loads a batch of errors with COPY. */
export async function stageErrors(database: Database, importId: number, errors: RowError[]) {
  if (errors.length === 0) return;
  const lines = errors.map(
    (e) => `${importId},${e.rowNo},${csv(e.column)},${e.reason},${csv(JSON.stringify(e.params ?? {}))}\n`,
  );
  await database.copy(
    'registry_import_errors',
    ['import_id', 'row_no', '"column"', 'reason', 'params'],
    lines.join(''),
  );
}
