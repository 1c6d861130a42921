import { integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';

/**
 * Governance norms kept as data, each with the published rule it follows: grid size per kind of site,
 * party organization sizes, households a party-member household looks after.
 */
export const governanceNorms = pgTable('governance_norms', {
  code: varchar('code', { length: 48 }).primaryKey(),
  value: integer('value').notNull(),
  labelZh: varchar('label_zh', { length: 64 }).notNull(),
  labelEn: varchar('label_en', { length: 96 }).notNull(),
  sourceZh: text('source_zh').notNull().default(''),
  sourceEn: text('source_en').notNull().default(''),
});
