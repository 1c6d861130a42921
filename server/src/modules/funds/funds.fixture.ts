import { randomInt } from 'node:crypto';
import { makeTree, signIn, type Client, type TestApp, type Tree } from '../../../test/harness.ts';

/** A community with two staff, its party secretary, the township officer and staff of the next community. */
export interface FundsWorld {
  tree: Tree;
  staff: Client;
  staff2: Client;
  secretary: Client;
  township: Client;
  outsider: Client;
}

export async function fundsWorld(t: TestApp): Promise<FundsWorld> {
  const tree = await makeTree(t.database);
  return {
    tree,
    staff: await signIn(t, ['community_staff'], [tree.community]),
    staff2: await signIn(t, ['community_staff'], [tree.community]),
    secretary: await signIn(t, ['party_secretary'], [tree.community]),
    township: await signIn(t, ['township_officer'], [tree.township]),
    outsider: await signIn(t, ['community_staff'], [tree.otherCommunity]),
  };
}

/** The first day of the month `back` months before this one, `YYYY-MM`. */
export function monthsAgo(back: number) {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - back);
  return d.toISOString().slice(0, 7);
}

export async function openAccount(c: Client, placeId: number, kind = 'collective') {
  const res = await c.post('/api/funds/accounts', {
    placeId: String(placeId),
    kind,
    name: `集体资金${randomInt(1e9)}`,
  });
  if (res.statusCode !== 201) throw new Error(`account: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; balanceFen: string };
}

export async function recordEntry(c: Client, accountId: string, over: Record<string, unknown> = {}) {
  const res = await c.post('/api/funds/entries', {
    accountId,
    direction: 'income',
    amountFen: 100_000,
    category: 'grant_income',
    occurredOn: `${monthsAgo(1)}-05`,
    summary: '街道拨付社区工作经费',
    ...over,
  });
  if (res.statusCode !== 201) throw new Error(`entry: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; status: string; actions: string[] };
}

/** Decides an entry as `c` from its current version. */
export async function decideAs(c: Client, id: string, body: Record<string, unknown>) {
  const now = (await c.get(`/api/funds/entries/${id}`)).json();
  return c.post(`/api/funds/entries/${id}/decisions`, { version: now.version, ...body });
}

/** Records an entry as `recorder` and has `approver` approve it, posting it. */
export async function posted(
  recorder: Client,
  approver: Client,
  accountId: string,
  over: Record<string, unknown> = {},
) {
  const e = await recordEntry(recorder, accountId, over);
  const res = await decideAs(approver, e.id, {
    action: 'approve',
    decisionRef: (over.decisionRef as string) ?? undefined,
  });
  if (res.statusCode !== 200 || res.json().status !== 'posted')
    throw new Error(`post: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number };
}

export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64),
]);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

export function uploadVoucher(c: Client, entryId: string, body: Buffer) {
  const boundary = `----anju${Math.random().toString(36).slice(2)}`;
  return c.request({
    method: 'POST',
    url: `/api/funds/entries/${entryId}/vouchers`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="receipt.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      body,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}
