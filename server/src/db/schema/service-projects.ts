import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { places } from './places.ts';
import { households } from './registry.ts';
import { serviceNeeds, socialOrganizations } from './services.ts';
import { users } from './users.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * A service project of the projects list (项目清单): a service purchased by a department or a charity
 * project, carried out by a social organization (`org_id`), owned by a department of a place
 * (`place_path` for scope), with its budget in yuan and, once closed, its final evaluation.
 */
export const serviceProjects = pgTable(
  'service_projects',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    name: varchar('name', { length: 128 }).notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    category: varchar('category', { length: 32 }).notNull(),
    ownerDepartment: varchar('owner_department', { length: 128 }).notNull(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => socialOrganizations.id),
    budget: integer('budget').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    summary: text('summary').notNull().default(''),
    status: varchar('status', { length: 16 }).notNull().default('active'),
    evaluationGrade: varchar('evaluation_grade', { length: 16 }),
    evaluation: text('evaluation'),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }),
    evaluatedBy: bigint('evaluated_by', { mode: 'number' }).references(() => users.id),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_projects_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`, t.status),
    index('service_projects_org_idx').on(t.orgId),
    check('service_projects_budget', sql`${t.budget} >= 0`),
    check('service_projects_dates', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** The households a project serves, and the need that brought each, if any. */
export const serviceProjectServed = pgTable(
  'service_project_served',
  {
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => serviceProjects.id, { onDelete: 'cascade' }),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    needId: bigint('need_id', { mode: 'number' }).references(() => serviceNeeds.id),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.householdId] }),
    index('service_project_served_household_idx').on(t.householdId),
  ],
);

/** A milestone of a project, due on a day; `done_on` once reached. */
export const serviceProjectMilestones = pgTable(
  'service_project_milestones',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => serviceProjects.id, { onDelete: 'cascade' }),
    title: varchar('title', { length: 128 }).notNull(),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('service_project_milestones_project_idx').on(t.projectId, t.dueOn)],
);

/** A progress report of a project: what was done, the money spent with it, for a milestone or not. */
export const serviceProjectReports = pgTable(
  'service_project_reports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => serviceProjects.id, { onDelete: 'cascade' }),
    milestoneId: bigint('milestone_id', { mode: 'number' }).references(() => serviceProjectMilestones.id),
    note: text('note').notNull(),
    spent: integer('spent').notNull().default(0),
    authorId: bigint('author_id', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_project_reports_project_idx').on(t.projectId, t.createdAt),
    check('service_project_reports_spent', sql`${t.spent} >= 0`),
  ],
);

/** Photos of a progress report, kept in the database so every server process serves them. */
export const serviceProjectPhotos = pgTable(
  'service_project_photos',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => serviceProjectReports.id, { onDelete: 'cascade' }),
    contentType: varchar('content_type', { length: 16 }).notNull(),
    bytes: integer('bytes').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_project_photos_report_idx').on(t.reportId)],
);

/** A served household's rating of a project, once. */
export const serviceProjectRatings = pgTable(
  'service_project_ratings',
  {
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => serviceProjects.id, { onDelete: 'cascade' }),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    rating: smallint('rating').notNull(),
    comment: varchar('comment', { length: 500 }).notNull().default(''),
    ratedBy: bigint('rated_by', { mode: 'number' }).references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.householdId] }),
    check('service_project_ratings_rating', sql`${t.rating} BETWEEN 1 AND 5`),
  ],
);

/** A complaint about a project, recorded by an official. */
export const serviceProjectComplaints = pgTable(
  'service_project_complaints',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => serviceProjects.id, { onDelete: 'cascade' }),
    summary: varchar('summary', { length: 500 }).notNull(),
    recordedBy: bigint('recorded_by', { mode: 'number' }).references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_project_complaints_project_idx').on(t.projectId)],
);
