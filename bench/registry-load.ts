// Latency of the registry's scoped search and household detail: requests through Anju's HTTP API and,
// as the baseline, the same SQL the registry repos generate, run straight through pg.
import fs from 'node:fs';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { PersonQuery } from '@anju/contracts';
import type { Conn, Database } from '../server/src/db/client.ts';
import type { Actor } from '../server/src/platform/auth/actor.ts';
import * as households from '../server/src/modules/registry/households.repo.ts';
import * as persons from '../server/src/modules/registry/persons.repo.ts';
import { personSides } from '../server/src/modules/registry/registry.policy.ts';

export interface Latency {
  requests: number;
  p50ms: number;
  p95ms: number;
  p99ms: number;
}

/** Runs `jobs` at `concurrency` and reports the latency percentiles of each. */
export async function measure(jobs: (() => Promise<void>)[], concurrency: number): Promise<Latency> {
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const started = performance.now();
      await job();
      times.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  times.sort((a, b) => a - b);
  const at = (q: number) => +times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
  return { requests: times.length, p50ms: at(0.5), p95ms: at(0.95), p99ms: at(0.99) };
}

/** A GET through Anju as a signed-in user; anything but 200 fails the run. */
export const httpJob = (base: string, cookie: string, url: string) => async () => {
  const res = await fetch(`${base}${url}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
};

interface Captured {
  text: string;
  params: unknown[];
}

const dialect = new PgDialect();

/** The statements a repo function sends, rendered to SQL text and parameters instead of being run. */
async function capture(run: (conn: Conn) => Promise<unknown>): Promise<Captured[]> {
  const out: Captured[] = [];
  const conn = {
    execute: async (query: SQL) => {
      const q = dialect.sqlToQuery(query);
      out.push({ text: q.sql, params: q.params });
      return { rows: [{ total: 0 }] };
    },
  } as unknown as Conn;
  await run(conn);
  return out;
}

const actorOn = (path: string) => ({ scopes: [{ id: 0, path }] }) as Actor;

/** The person search's statement (page and total in one), for a user scoped to `scopePath`. */
const searchStatements = (scopePath: string, query: Partial<PersonQuery>) =>
  capture((conn) =>
    persons.list(
      conn,
      personSides(actorOn(scopePath)),
      { status: 'living', tags: undefined, ...query },
      'household',
      'asc',
      20,
      0,
    ),
  );

/** The person search run straight through pg, as the repo runs it. */
export async function searchSql(database: Database, scopePath: string, query: Partial<PersonQuery>) {
  const statements = await searchStatements(scopePath, query);
  return async () => {
    await Promise.all(statements.map((q) => database.pool!.query(q.text, q.params)));
  };
}

/**
 * Database CPU milliseconds per search, one search after another on one connection, read from the
 * server process's /proc/<pid>/schedstat: unlike latency, it does not grow with other work on the
 * machine. Null when the database runs elsewhere.
 */
export async function searchCpu(database: Database, scopePath: string, queries: Partial<PersonQuery>[]) {
  const statements = (await Promise.all(queries.map((q) => searchStatements(scopePath, q)))).flat();
  const client = await database.pool!.connect();
  try {
    const { pid } = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0];
    const cpuMs = () => Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
    let before: number;
    try {
      before = cpuMs();
    } catch {
      return null;
    }
    for (const q of statements) await client.query(q.text, q.params);
    return +((cpuMs() - before) / queries.length).toFixed(2);
  } finally {
    client.release();
  }
}

/** The household detail's statements: the household, then its members. */
export async function detailSql(database: Database, householdId: number) {
  const [household] = await capture((conn) => households.findById(conn, householdId));
  const [members] = await capture((conn) => persons.ofHousehold(conn, householdId));
  return async () => {
    await database.pool!.query(household.text, household.params);
    await database.pool!.query(members.text, members.params);
  };
}

/** EXPLAIN ANALYZE of the search statements, for finding out why a target is missed. */
export async function explainSearch(database: Database, scopePath: string, query: Partial<PersonQuery>) {
  const [page] = await searchStatements(scopePath, query);
  const plan = async (c: Captured) =>
    (await database.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${c.text}`, c.params))
      .map((r) => r['QUERY PLAN'])
      .join('\n');
  return { page: await plan(page) };
}
