import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profiles } from '#server/db/schema/index';
import { createHrRecord } from '#tests/factories/hr-records';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
let t: TestApp;
let alumnus: Awaited<ReturnType<typeof signedIn>>;
let hr: Awaited<ReturnType<typeof signedIn>>;
beforeAll(async () => {
  t = await createTestApp();
  alumnus = await signedIn(t, { role: 'alumni' });
  hr = await signedIn(t, { role: 'alumni_manager' });
});
afterAll(() => t.close());

const RESERVED = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];
const LONE = '\ud800';
/** A JSON body written by hand: JSON.stringify would never emit an own `__proto__` key. */
const rawJson = (text: string, cookie?: string, path = '/api/freshness/confirm', method = 'POST') =>
  t.request(path, { method, cookie, headers: { 'content-type': 'application/json' }, body: text });

describe('reserved key names are ordinary unknown fields', () => {
  it.each(RESERVED)(
    'anonymous POST /api/freshness/confirm with "%s" is a 400 naming the key',
    async (key) => {
      const res = await rawJson(`{"token":"x","${key}":1}`);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('bad_request');
      expect(Object.keys(body.error.fields)).toContain(key);
    },
  );

  it.each(RESERVED)('GET /api/jobs?%s=1 is a 400, not a 500', async (key) => {
    const res = await t.request(`/api/jobs?${key}=1`, { cookie: alumnus.cookie });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).error.fields)).toContain(key);
  });
});

describe('malformed text (a lone UTF-16 surrogate) is refused, never stored or changed', () => {
  it('in a jsonb column (profile links): 400 at the field, in the caller’s language', async () => {
    const res = await t.request(`/api/members/${alumnus.member.id}`, {
      method: 'PATCH',
      cookie: alumnus.cookie,
      headers: { 'accept-language': 'en' },
      json: { links: [{ label: `x${LONE}`, url: 'https://a.example' }] },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.fields['links.0.label']).toEqual([expect.stringMatching(/character/)]);
  });

  it('in a text column: 400 in Japanese, and nothing is replaced by U+FFFD', async () => {
    const res = await t.request(`/api/members/${alumnus.member.id}`, {
      method: 'PATCH',
      cookie: alumnus.cookie,
      json: { bio: `ab${LONE}cd` },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.bio).toEqual(['使用できない文字が含まれています。']);
    const [row] = await t.db
      .select({ bio: profiles.bio })
      .from(profiles)
      .where(eq(profiles.userId, alumnus.member.id));
    expect(row?.bio ?? '').not.toContain('\ufffd');
  });

  it('in a key name', async () => {
    const res = await rawJson(`{"token":"x","a\\udc00":1}`);
    expect(res.status).toBe(400);
    expect(JSON.stringify((await res.json()).error.fields)).toContain('使用できない文字');
  });

  it('as bytes that are not UTF-8', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"token":"'),
      0xff,
      0xfe,
      ...new TextEncoder().encode('"}'),
    ]);
    const res = await t.request('/api/freshness/confirm', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bytes,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields._).toEqual(['使用できない文字が含まれています。']);
  });

  it('in a query string, as percent-escapes that are not UTF-8', async () => {
    const res = await t.request('/api/jobs?q=%ED%A0%80', { cookie: alumnus.cookie });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.q).toEqual(['使用できない文字が含まれています。']);
  });

  it('at better-auth’s sign-in endpoint too', async () => {
    const res = await t.request('/api/auth/sign-in/email', {
      method: 'POST',
      json: { email: `a${LONE}@example.com`, password: 'x'.repeat(12) },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toHaveProperty('email');
  });
});

describe('boolean query parameters', () => {
  it('?hasEmail=false means false, ?hasEmail=0 too; anything else is a 400', async () => {
    const withEmail = await createHrRecord(t, { familyName: '真偽' });
    const without = await createHrRecord(t, { familyName: '真偽', workEmail: null, personalEmail: null });
    const ids = async (qs: string) => {
      const res = await t.request(`/api/hr-records?q=${encodeURIComponent('真偽')}&${qs}`, {
        cookie: hr.cookie,
      });
      expect(res.status).toBe(200);
      return ((await res.json()).items as { id: string }[]).map((r) => r.id).sort();
    };
    expect(await ids('hasEmail=false')).toEqual([without.id]);
    expect(await ids('hasEmail=0')).toEqual([without.id]);
    expect(await ids('hasEmail=true')).toEqual([withEmail.id]);
    expect(await ids('hasEmail=1')).toEqual([withEmail.id]);
    const bad = await t.request('/api/hr-records?hasEmail=yes', { cookie: hr.cookie });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.hasEmail).toEqual(['true か false を指定してください。']);
  });
});
