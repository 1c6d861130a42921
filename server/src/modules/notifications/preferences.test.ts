import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, signIn, testApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let bare: TestApp;
beforeAll(async () => {
  t = await testApp({
    notifyWebhookUrl: 'http://127.0.0.1:9/sms',
    notifyWebhookSecret: 'a-secret-of-16-chars',
  });
  bare = await testApp();
});
afterAll(async () => {
  await t.close();
  await bare.close();
});

const URL = '/api/notifications/preferences';

describe('notification preferences', () => {
  it('start with the bell only, and are saved with a number masked, at the version read', async () => {
    const me = await signIn(t, ['resident']);
    expect((await me.get(URL)).json()).toEqual({
      inApp: true,
      webhook: false,
      phoneMasked: null,
      locale: 'zh-CN',
      webhookAvailable: true,
      version: 1,
    });
    const saved = await me.put(URL, {
      webhook: true,
      phone: '+86 138-1234-5678',
      locale: 'en-US',
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      webhook: true,
      phoneMasked: '138****5678',
      locale: 'en-US',
      version: 2,
    });
    // the number stays when it is not given again
    const off = await me.put(URL, { webhook: false, locale: 'zh-CN', version: 2 });
    expect(off.json()).toMatchObject({ webhook: false, phoneMasked: '138****5678', version: 3 });
    const stale = await me.put(URL, { webhook: true, locale: 'zh-CN', version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale)).toBe('conflict');
    const [row] = await t.database.query<{ phone_cipher: string }>(
      'SELECT phone_cipher FROM notification_preferences WHERE user_id = $1',
      [me.userId],
    );
    expect(row.phone_cipher).not.toContain('5678');
    const audited = await t.database.query<{ detail: unknown }>(
      `SELECT detail FROM audit_log WHERE action = 'notification.preferences' AND actor_id = $1`,
      [me.userId],
    );
    expect(audited).toHaveLength(2);
    expect(JSON.stringify(audited)).not.toContain('5678');
  });

  it('a first save made twice at once: one wins, the other is told to reload', async () => {
    const me = await signIn(t, ['resident']);
    const body = { webhook: false, locale: 'zh-CN', version: 1 };
    const [a, b] = await Promise.all([me.put(URL, body), me.put(URL, body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('are each person’s own: nobody reads or sets anyone else’s', async () => {
    const me = await signIn(t, ['resident']);
    const admin = await signIn(t, ['security_admin']);
    await me.put(URL, { webhook: true, phone: '13912345678', locale: 'zh-CN', version: 1 });
    expect((await admin.get(URL)).json()).toMatchObject({ webhook: false, phoneMasked: null, version: 1 });
    await admin.put(URL, { webhook: false, locale: 'en-US', version: 1 });
    expect((await me.get(URL)).json()).toMatchObject({ webhook: true, locale: 'zh-CN', version: 2 });
    // no address names another account
    expect((await admin.get(`${URL}?userId=${me.userId}`)).json()).toMatchObject({ phoneMasked: null });
    expect((await admin.get(`/api/notifications/preferences/${me.userId}`)).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: URL });
    expect(anonymous.statusCode).toBe(401);
    const forged = await t.app.inject({
      method: 'PUT',
      url: URL,
      cookies: { anju_sid: me.cookie.split('=')[1] },
      payload: { webhook: false, locale: 'zh-CN', version: 2 },
    });
    expect(forged.statusCode).toBe(403);
    expect(errorCode(forged)).toBe('csrf_failed');
  });

  it('refuse the gateway without a mobile number, a number that is not one, or a deployment without a gateway', async () => {
    const me = await signIn(t, ['resident']);
    const none = await me.put(URL, { webhook: true, locale: 'zh-CN', version: 1 });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details).toEqual([
      { field: 'phone', reason: 'give a mobile number to receive messages on' },
    ]);
    const landline = await me.put(URL, { webhook: true, phone: '0870-2123456', locale: 'zh-CN', version: 1 });
    expect(landline.json().error.details).toEqual([
      { field: 'phone', reason: 'give a mobile number of 11 digits' },
    ]);
    const badLocale = await me.put(URL, { webhook: false, locale: 'fr-FR', version: 1 });
    expect(badLocale.statusCode).toBe(400);
    expect(badLocale.json().error.details[0].field).toBe('locale');
    const elsewhere = await signIn(bare, ['resident']);
    expect((await elsewhere.get(URL)).json().webhookAvailable).toBe(false);
    const refused = await elsewhere.put(URL, {
      webhook: true,
      phone: '13812345678',
      locale: 'zh-CN',
      version: 1,
    });
    expect(refused.json().error.details).toEqual([
      { field: 'webhook', reason: 'this deployment has no SMS or WeChat gateway' },
    ]);
  });
});
