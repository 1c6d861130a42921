import { bigint, index, integer, jsonb, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { places } from './places.ts';
import { users } from './users.ts';

/** The boundary of a grid (a places row of level 'grid') as GeoJSON, WGS84. */
export const gridBoundaries = pgTable('grid_boundaries', {
  gridId: bigint('grid_id', { mode: 'number' })
    .primaryKey()
    .references(() => places.id),
  geometry: jsonb('geometry').notNull(),
  points: integer('points').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Grid workers of a grid; a worker may serve several grids. */
export const gridWorkers = pgTable(
  'grid_workers',
  {
    gridId: bigint('grid_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.gridId, t.userId] }), index('grid_workers_user_idx').on(t.userId)],
);
