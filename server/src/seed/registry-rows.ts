import type { Database } from '../db/client.ts';
import type { NewPerson } from '../modules/registry/persons.repo.ts';

/** A household row as the seeder writes it: id reserved, summaries known when it is composed. */
export interface HouseholdRow {
  id: number;
  householdNo: string;
  dwellingId: number;
  residencePath: string;
  originVillageId: number | null;
  originPath: string | null;
  relocationYear: number;
  resettlementType: string;
  povertyStatus: string;
  headName: string;
  memberCount: number;
}

const HOUSEHOLD_COLUMNS = [
  'id',
  'household_no',
  'dwelling_id',
  'residence_place_id',
  'residence_path',
  'origin_village_id',
  'origin_path',
  'relocation_year',
  'resettlement_type',
  'poverty_status',
  'head_name',
  'member_count',
];

const PERSON_COLUMNS = [
  'household_id',
  'relation',
  'name',
  'initials',
  'id_cipher',
  'id_hash',
  'id_masked',
  'sex',
  'birth_date',
  'ethnicity',
  'phone_cipher',
  'phone_hash',
  'phone_masked',
  'education',
  'health',
  'disability_grade',
  'labour_capacity',
  'tags',
  'party_member',
  'hukou_place_id',
  'hukou_path',
  'residence_place_id',
  'residence_path',
];

/** Generated values hold no quotes, commas or newlines except the tag array, which is quoted. */
const nullable = (v: string | number | null) => (v === null ? '' : v);

const householdLine = (h: HouseholdRow) =>
  [
    h.id,
    h.householdNo,
    h.dwellingId,
    h.dwellingId,
    h.residencePath,
    nullable(h.originVillageId),
    nullable(h.originPath),
    h.relocationYear,
    h.resettlementType,
    h.povertyStatus,
    h.headName,
    h.memberCount,
  ].join(',');

const personLine = (p: NewPerson) =>
  [
    p.householdId,
    p.relation,
    p.name,
    p.initials,
    p.idCipher,
    p.idHash,
    p.idMasked,
    p.sex,
    p.birthDate,
    p.ethnicity,
    nullable(p.phoneCipher),
    nullable(p.phoneHash),
    nullable(p.phoneMasked),
    nullable(p.education),
    p.health,
    nullable(p.disabilityGrade),
    p.labourCapacity,
    `"{${p.tags.join(',')}}"`,
    p.partyMember,
    p.hukouPlaceId,
    p.hukouPath,
    p.residencePlaceId,
    p.residencePath,
  ].join(',');

/** Takes `n` ids from the households identity sequence; safe while others insert households too. */
export async function reserveHouseholdIds(database: Database, n: number): Promise<number[]> {
  const rows = await database.query<{ id: number }>(
    `SELECT nextval(pg_get_serial_sequence('households', 'id'))::int8 AS id FROM generate_series(1, $1::int)`,
    [n],
  );
  return rows.map((r) => Number(r.id));
}

/**
 * Buffers households and their members and loads them with COPY, households first (members refer
 * to them). One batch loads while the next is generated.
 */
export class RegistryWriter {
  private households: string[] = [];
  private persons: string[] = [];
  private loading: Promise<void> = Promise.resolve();
  householdsWritten = 0;
  personsWritten = 0;

  constructor(
    private readonly database: Database,
    private readonly batchPersons = 25_000,
  ) {}

  async add(household: HouseholdRow, members: NewPerson[]): Promise<void> {
    this.households.push(householdLine(household));
    for (const m of members) this.persons.push(personLine(m));
    if (this.persons.length >= this.batchPersons) await this.flush();
  }

  /** Starts loading what is buffered once the batch before it is in. */
  async flush(): Promise<void> {
    await this.loading;
    if (this.households.length === 0) return;
    const households = `${this.households.join('\n')}\n`;
    const persons = `${this.persons.join('\n')}\n`;
    this.householdsWritten += this.households.length;
    this.personsWritten += this.persons.length;
    this.households = [];
    this.persons = [];
    this.loading = (async () => {
      await this.database.copy('households', HOUSEHOLD_COLUMNS, households);
      await this.database.copy('persons', PERSON_COLUMNS, persons);
    })();
    // Awaited by the next flush or by done(); this keeps a failure meanwhile from going unhandled.
    this.loading.catch(() => {});
  }

  /** Loads the rest and waits for every batch. */
  async done(): Promise<void> {
    await this.flush();
    await this.loading;
  }
}
