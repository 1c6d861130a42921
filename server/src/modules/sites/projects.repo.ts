import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { ancestorSql, underSql } from '../../platform/access/scope.ts';
import { PAYMENT_SELECT, PROJECT_SELECT, type PaymentRow, type ProjectRow } from './sites.sql.ts';

export interface ProjectFields {
  name: string;
  kind: string;
  investment: number;
  fundSource: string;
  startedOn: string;
}

export async function insertProject(
  conn: Conn,
  place: { id: number; path: string },
  f: ProjectFields,
  userId: number,
) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO industry_projects (name, kind, place_id, place_path, investment, fund_source, started_on, created_by)
        VALUES (${f.name}, ${f.kind}, ${place.id}, ${place.path}, ${f.investment}, ${f.fundSource}, ${f.startedOn}, ${userId})
        RETURNING id`,
  );
  return Number(row.id);
}

/** Writes the project from `version`; false when stale. */
export async function updateProject(
  conn: Conn,
  id: number,
  version: number,
  f: { name: string; investment: number; fundSource: string; status: string },
) {
  const done = await rows<{ id: number }>(
    conn,
    sql`UPDATE industry_projects SET name = ${f.name}, investment = ${f.investment}, fund_source = ${f.fundSource},
               status = ${f.status}, version = version + 1, updated_at = now()
         WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return done.length === 1;
}

export async function findProject(conn: Conn, id: number) {
  const [row] = await rows<ProjectRow>(conn, sql`${PROJECT_SELECT} WHERE j.id = ${id}`);
  return row;
}

/** The projects `scope` admits (a condition on `j`) standing under `path` or above it, newest first. */
export const projectsAround = (conn: Conn, path: string, scope: SQL) =>
  rows<ProjectRow>(
    conn,
    sql`${PROJECT_SELECT}
         WHERE ${scope} AND (${underSql(sql.raw('j.place_path'), [path])} OR ${ancestorSql(sql.raw('j.place_path'), path)})
         ORDER BY j.started_on DESC, j.id DESC`,
  );

export interface BeneficiaryRow {
  household_id: number;
  household_no: string;
  head_name: string;
  benefit: string;
  asset_amount: string | number | null;
  paid: string | number;
}

/** The households of a project that `seen` admits (a condition on `h`), with what each was paid. */
export const beneficiariesOf = (conn: Conn, projectId: number, seen: SQL) =>
  rows<BeneficiaryRow>(
    conn,
    sql`SELECT b.household_id, h.household_no, h.head_name, b.benefit, b.asset_amount,
               (SELECT coalesce(sum(y.amount), 0) FROM industry_payments y
                 WHERE y.project_id = b.project_id AND y.household_id = b.household_id) AS paid
          FROM industry_beneficiaries b JOIN households h ON h.id = b.household_id
         WHERE b.project_id = ${projectId} AND ${seen}
         ORDER BY h.household_no`,
  );

/** Links a household; false when it was linked already. */
export async function link(
  conn: Conn,
  projectId: number,
  householdId: number,
  benefit: string,
  assetAmount: number | null,
) {
  const done = await rows<{ project_id: number }>(
    conn,
    sql`INSERT INTO industry_beneficiaries (project_id, household_id, benefit, asset_amount)
        VALUES (${projectId}, ${householdId}, ${benefit}, ${assetAmount})
        ON CONFLICT (project_id, household_id) DO NOTHING RETURNING project_id`,
  );
  return done.length === 1;
}

export async function isBeneficiary(conn: Conn, projectId: number, householdId: number) {
  const found = await rows<{ one: number }>(
    conn,
    sql`SELECT 1 AS one FROM industry_beneficiaries WHERE project_id = ${projectId} AND household_id = ${householdId}`,
  );
  return found.length === 1;
}

export interface PaymentFields {
  kind: string;
  amount: number;
  paidOn: string;
  note: string;
}

export async function insertPayment(
  conn: Conn,
  projectId: number,
  householdId: number,
  f: PaymentFields,
  userId: number,
) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO industry_payments (project_id, household_id, kind, amount, paid_on, note, created_by)
        VALUES (${projectId}, ${householdId}, ${f.kind}, ${f.amount}, ${f.paidOn}, ${f.note}, ${userId}) RETURNING id`,
  );
  return Number(row.id);
}

/** Pays every household of the project the same amount, one statement; returns how many were paid. */
export async function payAll(conn: Conn, projectId: number, f: PaymentFields, userId: number) {
  const done = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO industry_payments (project_id, household_id, kind, amount, paid_on, note, created_by)
        SELECT b.project_id, b.household_id, ${f.kind}, ${f.amount}, ${f.paidOn}, ${f.note}, ${userId}::bigint
          FROM industry_beneficiaries b JOIN households h ON h.id = b.household_id AND h.status = 'active'
         WHERE b.project_id = ${projectId}
        RETURNING id`,
  );
  return done.length;
}

/** The payments of a project to households `seen` admits (a condition on `h`), newest first. */
export const paymentsOf = (conn: Conn, projectId: number, seen: SQL) =>
  rows<PaymentRow>(
    conn,
    sql`${PAYMENT_SELECT} WHERE y.project_id = ${projectId} AND ${seen} ORDER BY y.paid_on DESC, y.id DESC LIMIT 500`,
  );

/** The households linked to a project, as a condition on `h` for the monitoring service. */
export const householdsOfProject = (projectId: number): SQL =>
  sql`h.id IN (SELECT b.household_id FROM industry_beneficiaries b WHERE b.project_id = ${projectId})`;

export interface HouseholdBenefitRow {
  project_id: number;
  project_name: string;
  project_kind: string;
  status: string;
  benefit: string;
  asset_amount: string | number | null;
}

export const benefitsOfHousehold = (conn: Conn, householdId: number) =>
  rows<HouseholdBenefitRow>(
    conn,
    sql`SELECT j.id AS project_id, j.name AS project_name, j.kind AS project_kind, j.status, b.benefit, b.asset_amount
          FROM industry_beneficiaries b JOIN industry_projects j ON j.id = b.project_id
         WHERE b.household_id = ${householdId} ORDER BY j.started_on DESC, j.id`,
  );

export const paymentsOfHousehold = (conn: Conn, householdId: number) =>
  rows<PaymentRow>(
    conn,
    sql`${PAYMENT_SELECT} WHERE y.household_id = ${householdId} ORDER BY y.paid_on DESC, y.id DESC`,
  );

export async function householdPaths(conn: Conn, id: number) {
  const [row] = await rows<{
    id: number;
    residence_path: string;
    origin_path: string | null;
    status: string;
  }>(conn, sql`SELECT id, residence_path, origin_path, status FROM households WHERE id = ${id}`);
  return row;
}
