import { signIn, type Client, type TestApp } from '../../../test/harness.ts';
import type { RegistryWorld } from '../registry/registry.fixture.ts';

/** The smallest valid PNG. */
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from(
    '0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001',
    'hex',
  ),
]);

export function upload(c: Client, visitId: string, body: Buffer, fileName: string) {
  const boundary = `----anju${Math.random().toString(36).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request({
    method: 'POST',
    url: `/api/visits/${visitId}/photos`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

export const visit = (c: Client, householdId: string, over: Record<string, unknown> = {}) =>
  c.post('/api/visits', {
    householdId,
    visitedOn: '2025-02-03',
    kind: 'routine',
    findings: '屋顶漏水',
    ...over,
  });

/** A grid worker assigned to `grid` through the grids API, so their scope follows it. */
export async function workerOf(t: TestApp, w: RegistryWorld, grid: number) {
  const c = await signIn(t, ['grid_worker'], [w.tree.community]);
  const g = (await w.staff.get(`/api/grids/${grid}`)).json();
  const ids = [...g.workers.map((x: { id: string }) => x.id), String(c.userId)];
  const res = await w.staff.put(`/api/grids/${grid}/workers`, { userIds: ids, version: g.version });
  if (res.statusCode !== 200) throw new Error(res.body);
  return c;
}
