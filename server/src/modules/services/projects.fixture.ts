import type { Client } from '../../../test/harness.ts';
import type { ServicesWorld } from './services.fixture.ts';

/** The smallest valid PNG. */
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from(
    '0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001',
    'hex',
  ),
]);

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * An elder-care project of the world's community carried out by its organization, budget 10,000
 * yuan, a milestone in ten days and one due yesterday.
 */
export async function addProject(s: ServicesWorld, over: Record<string, unknown> = {}) {
  const res = await s.staff.post('/api/service-projects', {
    name: `居家养老上门服务${Math.random().toString(36).slice(2, 8)}`,
    kind: 'purchased',
    category: 'elder_care',
    ownerDepartment: '县民政局',
    placeId: String(s.w.tree.community),
    orgId: s.org.id,
    budget: 10_000,
    startsOn: day(-30),
    endsOn: day(60),
    summary: '为独居和失能老人提供上门探访',
    milestones: [
      { title: '完成需求评估', dueOn: day(10) },
      { title: '首次探访', dueOn: day(-1) },
    ],
    ...over,
  });
  if (res.statusCode !== 201) throw new Error(`project: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number };
}

export function uploadReportPhoto(c: Client, reportId: string, body: Buffer) {
  const boundary = `----anju${Math.random().toString(36).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request({
    method: 'POST',
    url: `/api/service-reports/${reportId}/photos`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}
