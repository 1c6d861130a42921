import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { rows } from '../../../db/rows.ts';
import { LISTED_ERRORS, type RowError } from './cells.ts';
import type { Row } from './reader.ts';

const BATCH = 2000;

/** A temporary table of checked rows for this transaction: `columns` as name → SQL type, plus the verdict. */
export class Stage<T extends Record<string, unknown>> {
  private batch: T[] = [];
  constructor(
    private readonly tx: Tx,
    readonly table: string,
    private readonly columns: Record<keyof T & string, string>,
  ) {}

  private get list() {
    return Object.entries(this.columns).map(([name, type]) => `${name} ${type}`);
  }

  async create() {
    await this.tx.execute(
      sql.raw(`CREATE TEMP TABLE ${this.table} (row_no int NOT NULL, ${this.list.join(', ')},
                 bad_column text, reason text, params jsonb) ON COMMIT DROP`),
    );
  }

  /** Adds a row; rows go to the database a batch at a time, so a large file is never held whole. */
  async add(row: T) {
    this.batch.push(row);
    if (this.batch.length >= BATCH) await this.flush();
  }

  async flush() {
    if (this.batch.length === 0) return;
    const names = ['row_no', ...Object.keys(this.columns)].join(', ');
    const json = JSON.stringify(this.batch);
    this.batch = [];
    await this.tx.execute(
      sql`INSERT INTO ${sql.raw(this.table)} (${sql.raw(names)})
          SELECT ${sql.raw(names)} FROM jsonb_to_recordset(${json}::jsonb)
              AS x(${sql.raw(['row_no int', ...this.list].join(', '))})`,
    );
  }

  /** Loads every row of the file through `check` (null for a bad row), then gathers statistics. */
  async load(source: AsyncGenerator<Row>, check: (r: Row) => T | null): Promise<number> {
    let total = 0;
    for await (const r of source) {
      total++;
      const checked = check(r);
      if (checked) await this.add({ ...checked, row_no: r.rowNo });
    }
    await this.flush();
    await this.tx.execute(sql.raw(`ANALYZE ${this.table}`));
    return total;
  }

  /** The errors found in the database (reasons `R`, as the import's SQL wrote them), the first ones by row, and how many rows they concern. */
  async errors<R extends string>(): Promise<{ errors: RowError<R>[]; total: number }> {
    const found = await rows<{ row: number; column: string; reason: string; params: object; total: number }>(
      this.tx,
      sql`SELECT row_no AS row, bad_column AS column, reason, params, count(*) OVER ()::int AS total
            FROM ${sql.raw(this.table)} WHERE reason IS NOT NULL ORDER BY row_no LIMIT ${LISTED_ERRORS}`,
    );
    return {
      errors: found.map(({ total: _, ...e }) => e as RowError<R>),
      total: found[0]?.total ?? 0,
    };
  }
}
