import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#tests/setup';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health and the login wall', () => {
  it('answers health without sign-in', async () => {
    const res = await t.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('refuses every other API path without a session, in the requester language', async () => {
    for (const path of ['/api/me', '/api/directory', '/api/openapi.json', '/api/docs', '/api/nope']) {
      const res = await t.request(path, { headers: { 'accept-language': 'en' } });
      expect(res.status, path).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message: 'Please sign in.' } });
    }
    const ja = await t.request('/api/me', { headers: { 'accept-language': 'ja' } });
    expect((await ja.json()).error.message).toBe('ログインしてください。');
  });
});
