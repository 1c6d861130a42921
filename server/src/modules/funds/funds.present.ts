import type { FundAccount, FundEntry } from '@anju/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { actionsOf } from './funds.policy.ts';
import type { AccountRow, EntryRow } from './funds.sql.ts';

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
const person = (id: number | null, name: string | null) =>
  id === null ? null : { id: String(id), name: name ?? '' };

export const presentAccount = (r: AccountRow): FundAccount => ({
  id: String(r.id),
  placeId: String(r.place_id),
  placeName: r.place_name,
  kind: r.kind as FundAccount['kind'],
  name: r.name,
  balanceFen: r.balance_fen,
  pendingCount: r.pending_count,
  lastClosedMonth: r.last_closed,
  version: r.version,
});

/** An entry as the actor sees it, with what they may do to it; above the threshold by `thresholdFen`. */
export function presentEntry(actor: Actor, r: EntryRow, thresholdFen: bigint): FundEntry {
  return {
    id: String(r.id),
    accountId: String(r.account_id),
    accountName: r.account_name,
    placeName: r.place_name,
    direction: r.direction as FundEntry['direction'],
    amountFen: r.amount_fen,
    category: r.category as FundEntry['category'],
    occurredOn: r.occurred_on,
    summary: r.summary,
    counterparty: r.counterparty,
    decisionRef: r.decision_ref,
    reversesId: r.reverses_id === null ? null : String(r.reverses_id),
    reversedById: r.reversed_by_id === null ? null : String(r.reversed_by_id),
    status: r.status as FundEntry['status'],
    aboveThreshold: BigInt(r.amount_fen) > thresholdFen,
    recordedBy: person(r.recorded_by, r.recorded_name),
    recordedAt: iso(r.recorded_at)!,
    approvedBy: person(r.approved_by, r.approved_name),
    approvedAt: iso(r.approved_at),
    townshipBy: person(r.township_by, r.township_name),
    townshipAt: iso(r.township_at),
    rejectedBy: person(r.rejected_by, r.rejected_name),
    rejectReason: r.reject_reason,
    postedAt: iso(r.posted_at),
    vouchers: r.vouchers.map((v) => ({ id: String(v.id), contentType: v.content_type, size: v.size })),
    actions: actionsOf(actor, r),
    version: r.version,
  };
}
