import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/** One upload of households and people from Excel or CSV: validated first, committed on request. */
export const registryImports = pgTable(
  'registry_imports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    fileName: varchar('file_name', { length: 255 }).notNull(),
    format: varchar('format', { length: 8 }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('validating'),
    rows: integer('rows').notNull().default(0),
    percent: smallint('percent').notNull().default(0),
    counts: jsonb('counts').notNull().default({}),
    message: text('message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registry_imports_user_idx').on(t.userId, t.id)],
);

/**
 * The rows of an import as validated: identifiers already sealed, places resolved, ready to be
 * inserted set-based on commit. `bad` marks a row with errors, `skip` also the rest of its household.
 */
export const registryImportRows = pgTable(
  'registry_import_rows',
  {
    // no foreign key: it would be checked on each of millions of COPY'd rows; rows go with their import
    importId: bigint('import_id', { mode: 'number' }).notNull(),
    rowNo: integer('row_no').notNull(),
    householdKey: varchar('household_key', { length: 64 }).notNull(),
    bad: boolean('bad').notNull().default(false),
    skip: boolean('skip').notNull().default(false),
    relation: varchar('relation', { length: 16 }),
    name: varchar('name', { length: 64 }),
    initials: varchar('initials', { length: 32 }),
    idCipher: text('id_cipher'),
    idHash: varchar('id_hash', { length: 32 }),
    idMasked: varchar('id_masked', { length: 18 }),
    sex: varchar('sex', { length: 8 }),
    birthDate: date('birth_date', { mode: 'string' }),
    ethnicity: varchar('ethnicity', { length: 2 }),
    phoneCipher: text('phone_cipher'),
    phoneHash: varchar('phone_hash', { length: 32 }),
    phoneMasked: varchar('phone_masked', { length: 20 }),
    education: varchar('education', { length: 20 }),
    health: varchar('health', { length: 20 }),
    disabilityGrade: smallint('disability_grade'),
    labourCapacity: varchar('labour_capacity', { length: 8 }),
    tags: text('tags').array(),
    partyMember: boolean('party_member'),
    hukouPlaceId: bigint('hukou_place_id', { mode: 'number' }),
    hukouPath: text('hukou_path'),
    dwellingId: bigint('dwelling_id', { mode: 'number' }),
    dwellingPath: text('dwelling_path'),
    communityCode: varchar('community_code', { length: 32 }),
    occupantId: bigint('occupant_id', { mode: 'number' }),
    originVillageId: bigint('origin_village_id', { mode: 'number' }),
    originPath: text('origin_path'),
    relocationYear: smallint('relocation_year'),
    resettlementType: varchar('resettlement_type', { length: 24 }),
    povertyStatus: varchar('poverty_status', { length: 16 }),
    /** The registered person with the same ID number: this row updates them. */
    personId: bigint('person_id', { mode: 'number' }),
    householdId: bigint('household_id', { mode: 'number' }),
    householdDwellingId: bigint('household_dwelling_id', { mode: 'number' }),
  },
  // no primary key: millions of COPY'd rows would each be checked against it; a block range index finds an
  // import's rows, which are loaded together
  (t) => [index('registry_import_rows_import_idx').using('brin', t.importId)],
);

/** Every problem found in an import: spreadsheet row, column header, reason. */
export const registryImportErrors = pgTable(
  'registry_import_errors',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    importId: bigint('import_id', { mode: 'number' })
      .notNull()
      .references(() => registryImports.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    column: varchar('column', { length: 32 }).notNull(),
    reason: text('reason').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
  },
  (t) => [index('registry_import_errors_import_idx').on(t.importId, t.rowNo)],
);
