import type { ImportReason, ImportReasonParams } from '@anju/contracts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { sideOf } from '../registry.policy.ts';
import type { RowError } from './check-row.ts';

interface PlaceHit {
  id: number;
  level: string;
  path: string;
  community_code: string | null;
  occupant_id: number | null;
}

interface PersonHit {
  id_hash: string;
  id: number;
  household_id: number;
  residence_path: string;
  hukou_path: string;
  dwelling_id: number | null;
}

/** What resolving needs of a checked row: its number, codes and blind index; `bad` once it has an error. */
export interface RowKey {
  rowNo: number;
  idHash: string | null;
  hukouCode: string;
  dwellingCode: string;
  originCode: string;
  bad: boolean;
}

/** A row's places and the registered person it matches, ready for COPY. */
export interface Resolved {
  bad: boolean;
  hukouPlaceId: number | null;
  hukouPath: string | null;
  dwellingId: number | null;
  dwellingPath: string | null;
  communityCode: string | null;
  occupantId: number | null;
  originVillageId: number | null;
  originPath: string | null;
  personId: number | null;
  householdId: number | null;
  householdDwellingId: number | null;
}

const PLACE_SQL = `
  SELECT p.code, p.id, p.level, p.path,
         CASE WHEN p.level = 'dwelling' THEN
           (SELECT coalesce(c.code, c.id::text) FROM places c
             WHERE c.level = 'community' AND c.id = ANY(string_to_array(trim(both '/' from p.path), '/')::bigint[])
             LIMIT 1) END AS community_code,
         CASE WHEN p.level = 'dwelling' THEN
           (SELECT h.id FROM households h WHERE h.dwelling_id = p.id AND h.status = 'active' LIMIT 1) END AS occupant_id
    FROM places p WHERE p.code = ANY($1::text[])`;

const PERSON_SQL = `
  SELECT p.id_hash, p.id, p.household_id, p.residence_path, p.hukou_path, h.dwelling_id
    FROM persons p JOIN households h ON h.id = p.household_id
   WHERE p.id_hash = ANY($1::text[])`;

/** Resolves place codes and matches ID numbers for a batch of rows: two queries, places cached across batches. */
export class Resolver {
  private places = new Map<string, PlaceHit | null>();

  constructor(
    private database: Database,
    private actor: Actor,
  ) {}

  private async placesOf(codes: Set<string>) {
    if (this.places.size + codes.size > 20_000) this.places.clear();
    const missing = [...codes].filter((c) => c !== '' && !this.places.has(c));
    if (missing.length === 0) return;
    const hits = await this.database.query<PlaceHit & { code: string }>(PLACE_SQL, [missing]);
    for (const c of missing) this.places.set(c, null);
    for (const h of hits) this.places.set(h.code, h);
  }

  async resolve(rows: RowKey[], errors: RowError[]): Promise<Resolved[]> {
    await this.placesOf(new Set(rows.flatMap((r) => [r.hukouCode, r.dwellingCode, r.originCode])));
    const hashes = rows.flatMap((r) => (r.idHash ? [r.idHash] : []));
    const persons = new Map(
      (hashes.length ? await this.database.query<PersonHit>(PERSON_SQL, [hashes]) : []).map((p) => [
        p.id_hash,
        p,
      ]),
    );
    return rows.map((r) => {
      const fail = (column: string, reason: ImportReason, params?: ImportReasonParams) => {
        errors.push({ rowNo: r.rowNo, column, reason, params });
        r.bad = true;
      };
      const place = (code: string, column: string, levels: string[], wrong: ImportReason) => {
        if (code === '') return null;
        const p = this.places.get(code);
        if (!p) fail(column, 'place.unknown', { code: code.slice(0, 40) });
        else if (!levels.includes(p.level)) fail(column, wrong, { code: code.slice(0, 40) });
        else return p;
        return null;
      };
      const hukou = place(
        r.hukouCode,
        '户籍地代码',
        ['village', 'community'],
        'place.not_village_or_community',
      );
      const origin = place(r.originCode, '迁出村代码', ['village'], 'place.not_village');
      let dwelling = place(r.dwellingCode, '住房代码', ['dwelling'], 'place.not_dwelling');
      if (dwelling && !sideOf(this.actor, dwelling.path, null)) {
        fail('住房代码', 'dwelling.out_of_scope');
        dwelling = null;
      } else if (dwelling && !dwelling.community_code) {
        fail('住房代码', 'dwelling.outside_community');
      }
      const match = r.idHash ? persons.get(r.idHash) : undefined;
      const visible = match && sideOf(this.actor, match.residence_path, match.hukou_path) ? match : undefined;
      if (match && !visible) fail('身份证号', 'duplicate.other_jurisdiction');
      return {
        bad: r.bad,
        hukouPlaceId: hukou?.id ?? null,
        hukouPath: hukou?.path ?? null,
        dwellingId: dwelling?.id ?? null,
        dwellingPath: dwelling?.path ?? null,
        communityCode: dwelling?.community_code ?? null,
        occupantId: dwelling?.occupant_id ?? null,
        originVillageId: origin?.id ?? null,
        originPath: origin?.path ?? null,
        personId: visible?.id ?? null,
        householdId: visible?.household_id ?? null,
        householdDwellingId: visible?.dwelling_id ?? null,
      };
    });
  }
}
