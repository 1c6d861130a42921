import type { Database } from '../db/client.ts';

/** A row of the place tree as the seeders write it (ids reserved beforehand, so path is known). */
export interface PlaceRow {
  id: number;
  parentId: number | null;
  level: string;
  code: string | null;
  name: string;
  initials: string;
  path: string;
  depth: number;
  childCount: number;
  attributes?: Record<string, unknown>;
}

export const PLACE_COLUMNS = [
  'id',
  'parent_id',
  'level',
  'code',
  'name',
  'initials',
  'path',
  'depth',
  'child_count',
  'attributes',
];

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function placeCsvLine(r: PlaceRow): string {
  return [
    r.id,
    r.parentId ?? '',
    r.level,
    r.code === null ? '' : quote(r.code),
    quote(r.name),
    quote(r.initials),
    r.path,
    r.depth,
    r.childCount,
    quote(JSON.stringify(r.attributes ?? {})),
  ].join(',');
}

/** Takes `n` ids from the places identity sequence; safe while other sessions insert places too. */
export async function reserveIds(database: Database, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await database.query<{ id: number }>(
    `SELECT nextval(pg_get_serial_sequence('places','id'))::int8 AS id FROM generate_series(1, $1::int)`,
    [n],
  );
  return rows.map((r) => Number(r.id));
}

/** Buffers place rows and loads them with COPY in batches, never the whole tree in one string. */
export class PlaceWriter {
  private lines: string[] = [];
  written = 0;

  constructor(
    private readonly database: Database,
    private readonly batchRows = 20_000,
  ) {}

  async add(row: PlaceRow): Promise<void> {
    this.lines.push(placeCsvLine(row));
    if (this.lines.length >= this.batchRows) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.lines.length === 0) return;
    const csv = `${this.lines.join('\n')}\n`;
    this.written += this.lines.length;
    this.lines = [];
    await this.database.copy('places', PLACE_COLUMNS, csv);
  }
}

/** Sets child_count of these places from their actual children. */
export async function recountChildren(database: Database, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await database.query(
    `UPDATE places p SET child_count = (SELECT count(*) FROM places c WHERE c.parent_id = p.id) WHERE p.id = ANY($1::int8[])`,
    [ids],
  );
}

/** Hands out reserved place ids, fetching them from the sequence a block at a time. */
export class IdPool {
  private ids: number[] = [];
  private pos = 0;

  constructor(
    private readonly database: Database,
    private readonly block = 20_000,
  ) {}

  /** Makes sure `n` ids are at hand, so `next` can run synchronously. */
  async reserve(n: number): Promise<void> {
    const left = this.ids.length - this.pos;
    if (left >= n) return;
    this.ids = [
      ...this.ids.slice(this.pos),
      ...(await reserveIds(this.database, Math.max(n - left, this.block))),
    ];
    this.pos = 0;
  }

  next(): number {
    if (this.pos >= this.ids.length) throw new Error('no place id reserved');
    return this.ids[this.pos++];
  }
}
