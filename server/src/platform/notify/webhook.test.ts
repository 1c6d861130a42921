import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { notifyUsers } from './notify.ts';
import { Outbound, SIGNATURE_HEADER, type WebhookPayload } from './webhook.ts';

const SECRET = 'gateway-secret-for-tests';

/** A gateway on loopback: answers each call with the next status of `answers` (then 200). */
function receiver() {
  const calls: { payload: WebhookPayload; verified: boolean; at: number }[] = [];
  const answers: number[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const [t, v1] = String(req.headers[SIGNATURE_HEADER])
        .split(',')
        .map((p) => p.split('=')[1]);
      const expected = createHmac('sha256', SECRET).update(`${t}.${body}`).digest();
      const given = Buffer.from(v1 ?? '', 'hex');
      const verified =
        given.length === expected.length &&
        timingSafeEqual(given, expected) &&
        Math.abs(Date.now() / 1000 - Number(t)) < 300;
      calls.push({ payload: JSON.parse(body), verified, at: Date.now() });
      res.writeHead(answers.shift() ?? 200).end();
    });
  });
  return { server, calls, answers };
}

const gateway = receiver();
let t: TestApp;
beforeAll(async () => {
  await new Promise<void>((r) => gateway.server.listen(0, '127.0.0.1', r));
  const { port } = gateway.server.address() as AddressInfo;
  t = await testApp({
    runJobs: true,
    notifyWebhookUrl: `http://127.0.0.1:${port}/sms`,
    notifyWebhookSecret: SECRET,
    notifyWebhookRetries: 3,
    notifyWebhookRetrySeconds: 1,
    publicUrl: 'https://anju.example.gov.cn',
  });
}, 60_000);
afterAll(async () => {
  await t.close();
  gateway.server.close();
});

const until = async (what: () => boolean | Promise<boolean>, ms = 40_000) => {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('waited too long');
    await new Promise((r) => setTimeout(r, 100));
  }
};

const deliveriesOf = (userId: number) =>
  t.database.query<{ state: string; attempts: number; last_error: string | null }>(
    `SELECT d.state, d.attempts, d.last_error FROM notification_deliveries d
       JOIN notifications n ON n.id = d.notification_id WHERE n.user_id = $1`,
    [userId],
  );

async function optedIn(phone: string): Promise<Client> {
  const resident = await signIn(t, ['resident']);
  const res = await resident.put('/api/notifications/preferences', {
    webhook: true,
    phone,
    locale: 'zh-CN',
    version: 1,
  });
  expect(res.statusCode, res.body).toBe(200);
  return resident;
}

describe('the webhook channel', () => {
  it('POSTs an opted-in notification, signed, and tries again after the gateway fails', async () => {
    const resident = await optedIn('13700001111');
    gateway.answers.push(500);
    await notifyUsers(t.database.db, [resident.userId], {
      kind: 'report_accepted',
      params: { title: '楼道灯坏了', code: 'SJ1' },
      link: '/incidents/7',
    });
    const mine = () => gateway.calls.filter((c) => c.payload.recipient.phone === '13700001111');
    await until(() => mine().length >= 2);
    const [first, second] = mine();
    expect(first.verified && second.verified).toBe(true);
    expect(second.payload).toEqual(first.payload);
    expect(second.payload).toMatchObject({
      kind: 'report_accepted',
      locale: 'zh-CN',
      recipient: { userId: String(resident.userId), phone: '13700001111' },
      text: '您反映的“楼道灯坏了”已受理，我们会尽快安排人处理。',
      link: 'https://anju.example.gov.cn/incidents/7',
    });
    await until(async () => (await deliveriesOf(resident.userId))[0]?.state === 'sent');
    expect(await deliveriesOf(resident.userId)).toEqual([{ state: 'sent', attempts: 2, last_error: null }]);
  }, 60_000);

  it('sends nothing for someone who did not opt in', async () => {
    const other = await signIn(t, ['resident']);
    await notifyUsers(t.database.db, [other.userId], { kind: 'report_closed', params: { title: 'x' } });
    expect(await deliveriesOf(other.userId)).toEqual([]);
  });

  it('gives up after the last try, logs it, and keeps the delivery as failed', async () => {
    const resident = await signIn(t, ['resident']);
    await notifyUsers(t.database.db, [resident.userId], { kind: 'report_closed', params: { title: '漏水' } });
    // opted in afterwards, with a delivery the running jobs never pick up, tried here as its last attempt
    await t.database.query(
      `INSERT INTO notification_preferences (user_id, webhook, phone_cipher, phone_masked) VALUES ($1, true, $2, '')`,
      [resident.userId, t.app.cipher.encrypt('13700002222')],
    );
    const [d] = await t.database.query<{ id: number }>(
      `INSERT INTO notification_deliveries (notification_id, state)
       SELECT id, 'held' FROM notifications WHERE user_id = $1 RETURNING id`,
      [resident.userId],
    );
    const logged: unknown[] = [];
    const log = { ...t.app.log, error: (o: unknown) => logged.push(o), warn: () => undefined };
    const outbound = new Outbound(t.database, t.config, t.app.cipher, log as never);
    gateway.answers.push(503);
    await expect(outbound.deliver(Number(d.id), { retryCount: 3, retryLimit: 3 })).rejects.toThrow('503');
    expect(await deliveriesOf(resident.userId)).toEqual([
      { state: 'failed', attempts: 1, last_error: 'the gateway answered 503' },
    ]);
    expect(logged).toEqual([
      expect.objectContaining({ deliveryId: Number(d.id), error: 'the gateway answered 503' }),
    ]);
  }, 30_000);
});
