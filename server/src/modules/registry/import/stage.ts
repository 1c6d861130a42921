import type { Database } from '../../../db/client.ts';
import type { RowError } from './check-row.ts';
import type { ResolvedRow } from './resolve.ts';

type Value = string | number | boolean | null;

const csv = (v: Value) => {
  if (v === null) return '';
  const s = String(v);
  return s === '' || /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const array = (tags: string[] | null) => (tags === null ? null : `{${tags.join(',')}}`);

const STAGED: [column: string, value: (r: ResolvedRow) => Value][] = [
  ['row_no', (r) => r.rowNo],
  ['household_key', (r) => r.householdKey],
  ['bad', (r) => r.bad],
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
  ['hukou_place_id', (r) => r.hukouPlaceId],
  ['hukou_path', (r) => r.hukouPath],
  ['dwelling_id', (r) => r.dwellingId],
  ['dwelling_path', (r) => r.dwellingPath],
  ['community_code', (r) => r.communityCode],
  ['occupant_id', (r) => r.occupantId],
  ['origin_village_id', (r) => r.originVillageId],
  ['origin_path', (r) => r.originPath],
  ['relocation_year', (r) => r.relocationYear],
  ['resettlement_type', (r) => r.resettlementType],
  ['poverty_status', (r) => r.povertyStatus],
  ['person_id', (r) => r.personId],
  ['household_id', (r) => r.householdId],
  ['household_dwelling_id', (r) => r.householdDwellingId],
];
const STAGED_COLUMNS = ['import_id', ...STAGED.map(([c]) => c)];

/** Loads a batch of validated rows into the staging table with COPY. */
export async function stageRows(database: Database, importId: number, rows: ResolvedRow[]) {
  if (rows.length === 0) return;
  const lines = rows.map((r) => `${importId},${STAGED.map(([, v]) => csv(v(r))).join(',')}\n`);
  await database.copy('registry_import_rows', STAGED_COLUMNS, lines.join(''));
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
