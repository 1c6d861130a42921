import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';

const asksForHttps = (headers: Record<string, unknown>) => ({
  upgrade: String(headers['content-security-policy']).includes('upgrade-insecure-requests'),
  hsts: headers['strict-transport-security'] !== undefined,
});

describe('HTTPS-only headers over plain HTTP and over HTTPS', () => {
  let plain: TestApp;
  let secure: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    plain = await testApp({ cookieSecure: false, trustProxy: false });
    secure = await testApp({ cookieSecure: true, trustProxy: false });
    proxied = await testApp({ cookieSecure: false, trustProxy: true });
  });
  afterAll(() => Promise.all([plain?.close(), secure?.close(), proxied?.close()]));

  it('over plain HTTP neither upgrades requests nor sends HSTS, so a LAN address loads the app', async () => {
    const res = await plain.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(asksForHttps(res.headers)).toEqual({ upgrade: false, hsts: false });
  });

  it('does not believe X-Forwarded-Proto from a proxy that is not trusted', async () => {
    const res = await plain.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(asksForHttps(res.headers)).toEqual({ upgrade: false, hsts: false });
  });

  it('served over HTTPS (ANJU_COOKIE_SECURE) upgrades requests and sends HSTS', async () => {
    const res = await secure.app.inject({ method: 'GET', url: '/api/health' });
    expect(asksForHttps(res.headers)).toEqual({ upgrade: true, hsts: true });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('behind a trusted proxy follows X-Forwarded-Proto', async () => {
    const https = await proxied.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(asksForHttps(https.headers)).toEqual({ upgrade: true, hsts: true });
    const http = await proxied.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'http' },
    });
    expect(asksForHttps(http.headers)).toEqual({ upgrade: false, hsts: false });
  });
});
