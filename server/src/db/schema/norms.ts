import { integer, pgTable, varchar } from 'drizzle-orm/pg-core';

/** Governance norms kept as data (grid size, linked households a party-member household looks after). */
export const governanceNorms = pgTable('governance_norms', {
  code: varchar('code', { length: 48 }).primaryKey(),
  value: integer('value').notNull(),
  labelZh: varchar('label_zh', { length: 64 }).notNull(),
  labelEn: varchar('label_en', { length: 96 }).notNull(),
});
