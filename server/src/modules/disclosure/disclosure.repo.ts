import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';

export interface DisclosureRow {
  id: number;
  place_id: number;
  place_path: string;
  place_name: string;
  place_code: string | null;
  kind: string;
  period: string;
  title: string;
  content: unknown;
  status: string;
  due_on: string;
  published_at: string | Date | null;
  hash: string | null;
  supersedes_id: number | null;
  superseded: boolean;
  drafted_by: number;
  drafted_name: string;
  approved_by: number | null;
  approved_name: string | null;
  version: number;
}

/** A disclosure (`d`) with its community, the people who drafted and approved it, whether a later version replaced it. */
const SELECT = sql`SELECT d.id, d.place_id, d.place_path, pl.name AS place_name, pl.code AS place_code, d.kind, d.period,
       d.title, d.content, d.status, d.due_on::text AS due_on, d.published_at, d.hash, d.supersedes_id,
       EXISTS (SELECT 1 FROM disclosures n WHERE n.supersedes_id = d.id AND n.status = 'published') AS superseded,
       d.drafted_by, du.display_name AS drafted_name, d.approved_by, au.display_name AS approved_name, d.version
  FROM disclosures d
  JOIN places pl ON pl.id = d.place_id
  JOIN users du ON du.id = d.drafted_by
  LEFT JOIN users au ON au.id = d.approved_by`;

export async function insert(
  tx: Conn,
  d: {
    placeId: number;
    placePath: string;
    kind: string;
    period: string;
    title: string;
    content: unknown;
    dueOn: string;
    draftedBy: number;
    supersedesId: number | null;
  },
) {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO disclosures (place_id, place_path, kind, period, title, content, due_on, drafted_by, supersedes_id)
        VALUES (${d.placeId}, ${d.placePath}, ${d.kind}, ${d.period}, ${d.title}, ${JSON.stringify(d.content)}::jsonb,
                ${d.dueOn}, ${d.draftedBy}, ${d.supersedesId})
        RETURNING id`,
  );
  return Number(row.id);
}

export async function findById(conn: Conn, id: number) {
  const [row] = await rows<DisclosureRow>(conn, sql`${SELECT} WHERE d.id = ${id}`);
  return row;
}

/** Disclosures in `scope` (a condition on `d`), newest period first. */
export const list = (conn: Conn, scope: SQL, placeId?: number) =>
  rows<DisclosureRow>(
    conn,
    sql`${SELECT} WHERE ${scope} ${placeId ? sql`AND d.place_id = ${placeId}` : sql``}
        ORDER BY d.period DESC, d.kind, d.id DESC LIMIT 500`,
  );

/** Approves a draft of `version` by someone; undefined when it changed meanwhile. */
export const approve = async (tx: Conn, id: number, version: number, by: number) =>
  (
    await rows<{ id: number }>(
      tx,
      sql`UPDATE disclosures SET status = 'approved', approved_by = ${by}, version = version + 1
           WHERE id = ${id} AND version = ${version} AND status = 'draft' RETURNING id`,
    )
  )[0];

/** Publishes an approved disclosure with the hash of its content; undefined when it changed meanwhile. */
export const publish = async (tx: Conn, id: number, version: number, hash: string) =>
  (
    await rows<{ id: number }>(
      tx,
      sql`UPDATE disclosures SET status = 'published', hash = ${hash}, published_at = now(), version = version + 1
           WHERE id = ${id} AND version = ${version} AND status = 'approved' RETURNING id`,
    )
  )[0];

/** The published disclosures of a community found by its code, newest first, with the community. */
export async function published(conn: Conn, code: string) {
  const [place] = await rows<{ id: number; name: string; code: string }>(
    conn,
    sql`SELECT id, name, code FROM places WHERE code = ${code} AND level = 'community'`,
  );
  if (!place) return undefined;
  const items = await rows<DisclosureRow>(
    conn,
    sql`${SELECT} WHERE d.place_id = ${place.id} AND d.status = 'published' ORDER BY d.published_at DESC, d.id DESC LIMIT 200`,
  );
  return { place, items };
}

/** For each community in `scope` (a condition on `pl.path`) and kind, the periods owed and when each was published. */
export const publishedOf = (conn: Conn, scope: SQL, kinds: string[], periods: string[]) =>
  rows<{
    place_id: number;
    place_name: string;
    kind: string;
    period: string;
    published_at: string | Date | null;
  }>(
    conn,
    sql`SELECT pl.id AS place_id, pl.name AS place_name, k.kind, p.period,
               (SELECT min(d.published_at) FROM disclosures d
                 WHERE d.place_id = pl.id AND d.kind = k.kind AND d.period = p.period AND d.status = 'published') AS published_at
          FROM places pl
          CROSS JOIN unnest(${`{${kinds.join(',')}}`}::text[]) AS k(kind)
          CROSS JOIN unnest(${`{${periods.join(',')}}`}::text[]) AS p(period)
         WHERE pl.level = 'community' AND ${scope}
           AND (k.kind = 'finance') = (p.period NOT LIKE '%Q%')
         ORDER BY pl.name, k.kind, p.period`,
  );
