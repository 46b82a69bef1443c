import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONSENT_PURPOSES,
  CONSENT_TEXT_VERSION,
  type ConsentAnswers,
  type MyConsents,
} from '#common/consents';
import type { Db } from '#server/db/client';
import { consentEvents, profiles, users } from '#server/db/schema/index';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { recordConsents } from './consents.service';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const none: ConsentAnswers = {
  directory: false,
  rehiring: false,
  business: false,
  newsletter: false,
  events: false,
};
const answers = (granted: Partial<ConsentAnswers>): ConsentAnswers => ({ ...none, ...granted });
const put = (cookie: string, body: unknown, lang = 'en') =>
  t.request('/api/me/consents', { method: 'PUT', cookie, json: body, headers: { 'accept-language': lang } });
const getMine = async (cookie: string): Promise<MyConsents> => {
  const res = await t.request('/api/me/consents', { cookie });
  expect(res.status).toBe(200);
  return res.json();
};
const ledgerOf = (userId: string) =>
  t.db.select().from(consentEvents).where(eq(consentEvents.userId, userId)).orderBy(consentEvents.id);
const profileConsents = async (userId: string) =>
  (await t.db.select({ c: profiles.consents }).from(profiles).where(eq(profiles.userId, userId)))[0]?.c;

describe('recordConsents (the ledger)', () => {
  it('appends a row per first answer, yes or no, with version, locale, source and time', async () => {
    const member = await createTestMember(t, { consents: null, canSignIn: false });
    const now = new Date('2026-11-24T05:00:00Z');
    await t.db.transaction((tx) =>
      recordConsents(
        { db: tx as unknown as Db, hooks: t.hooks },
        {
          userId: member.id,
          answers: answers({ directory: true, events: true }),
          source: 'first_sign_in',
          locale: 'en',
          now,
        },
      ),
    );
    const rows = await ledgerOf(member.id);
    expect(rows).toHaveLength(CONSENT_PURPOSES.length);
    for (const row of rows) {
      expect(row).toMatchObject({
        textVersion: CONSENT_TEXT_VERSION,
        locale: 'en',
        source: 'first_sign_in',
        createdAt: now,
        granted: row.purpose === 'directory' || row.purpose === 'events',
      });
    }
    expect(await profileConsents(member.id)).toEqual(['directory', 'events']);
    const [user] = await t.db.select().from(users).where(eq(users.id, member.id));
    expect(user?.consentsReviewedAt).toEqual(now);
  });

  it('appends only changed answers and never rewrites earlier rows', async () => {
    const member = await createTestMember(t, { consents: ['directory', 'newsletter'], canSignIn: false });
    const before = await ledgerOf(member.id);
    const later = new Date('2026-11-25T00:00:00Z');
    const appended = await t.db.transaction((tx) =>
      recordConsents(
        { db: tx as unknown as Db, hooks: t.hooks },
        {
          userId: member.id,
          answers: answers({ directory: true, rehiring: true }),
          source: 'settings',
          locale: 'ja',
          now: later,
        },
      ),
    );
    expect(appended.map((r) => [r.purpose, r.granted]).sort()).toEqual([
      ['newsletter', false],
      ['rehiring', true],
    ]);
    const after = await ledgerOf(member.id);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 2);
    expect(await profileConsents(member.id)).toEqual(['directory', 'rehiring']);

    // The same answers again: nothing appended, but the review time moves on.
    const again = new Date('2026-11-26T00:00:00Z');
    const none = await t.db.transaction((tx) =>
      recordConsents(
        { db: tx as unknown as Db, hooks: t.hooks },
        {
          userId: member.id,
          answers: answers({ directory: true, rehiring: true }),
          source: 'settings',
          locale: 'ja',
          now: again,
        },
      ),
    );
    expect(none).toEqual([]);
    expect(await ledgerOf(member.id)).toHaveLength(after.length);
    const [user] = await t.db.select().from(users).where(eq(users.id, member.id));
    expect(user?.consentsReviewedAt).toEqual(again);
  });

  it('writes nothing when the transaction fails afterwards (same transaction as the copy)', async () => {
    const member = await createTestMember(t, { consents: null, canSignIn: false });
    await expect(
      t.db.transaction(async (tx) => {
        await recordConsents(
          { db: tx as unknown as Db, hooks: t.hooks },
          {
            userId: member.id,
            answers: answers({ directory: true }),
            source: 'settings',
            locale: 'ja',
            now: new Date('2026-11-24T05:00:00Z'),
          },
        );
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await ledgerOf(member.id)).toEqual([]);
    expect(await profileConsents(member.id)).toEqual([]);
  });
});

describe('GET /api/me/consents', () => {
  it('401 when signed out', async () => {
    expect((await t.request('/api/me/consents')).status).toBe(401);
  });

  it('a member who never answered: all no, never answered, not reviewed', async () => {
    const { cookie } = await signedIn(t, { consents: null });
    const mine = await getMine(cookie);
    expect(mine.reviewedAt).toBeNull();
    expect(mine.textVersion).toBe(CONSENT_TEXT_VERSION);
    expect(mine.history).toEqual([]);
    expect(mine.purposes).toEqual(
      CONSENT_PURPOSES.map((purpose) => ({ purpose, granted: false, answeredAt: null, textVersion: null })),
    );
  });

  it('shows only the signed-in member’s own answers', async () => {
    const other = await createTestMember(t, { consents: ['directory', 'rehiring', 'business'] });
    const { cookie } = await signedIn(t, { consents: ['events'] });
    const mine = await getMine(cookie);
    expect(mine.purposes.filter((p) => p.granted).map((p) => p.purpose)).toEqual(['events']);
    expect(mine.history).toHaveLength(CONSENT_PURPOSES.length);
    // There is no route for anyone else's consents, not even for HR.
    const hr = await signedIn(t, { role: 'admin' });
    expect((await t.request(`/api/members/${other.id}/consents`, { cookie: hr.cookie })).status).toBe(404);
    expect((await t.request(`/api/me/consents?userId=${other.id}`, { cookie: hr.cookie })).status).toBe(200);
    const hrMine = await getMine(hr.cookie);
    expect(hrMine.purposes.filter((p) => p.granted).map((p) => p.purpose)).toEqual(['directory']);
  });
});

describe('PUT /api/me/consents', () => {
  it('401 when signed out', async () => {
    const res = await put('', { textVersion: CONSENT_TEXT_VERSION, consents: answers({}) });
    expect(res.status).toBe(401);
  });

  it('400 with per-field messages for an unknown purpose, a missing one, a wrong type or an old text', async () => {
    const { member, cookie } = await signedIn(t, { consents: null });
    const unknown = await put(cookie, {
      textVersion: CONSENT_TEXT_VERSION,
      consents: { ...answers({}), marketing: true },
    });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.fields).toEqual({
      'consents.marketing': ['Unknown field: marketing.'],
    });

    const { events: _, ...missing } = answers({});
    const missingRes = await put(cookie, { textVersion: CONSENT_TEXT_VERSION, consents: missing });
    expect(missingRes.status).toBe(400);
    expect((await missingRes.json()).error.fields).toEqual({ 'consents.events': ['Required.'] });

    const typed = await put(cookie, {
      textVersion: CONSENT_TEXT_VERSION,
      consents: { ...answers({}), events: 'yes' },
    });
    expect(typed.status).toBe(400);
    expect(Object.keys((await typed.json()).error.fields)).toEqual(['consents.events']);

    const old = await put(
      cookie,
      { textVersion: '2020-01-01', consents: answers({ directory: true }) },
      'ja',
    );
    expect(old.status).toBe(400);
    expect((await old.json()).error.fields).toEqual({
      textVersion: ['同意事項の文面が更新されました。ページを再読み込みして、もう一度ご確認ください。'],
    });

    // Nothing was recorded by any of these.
    expect(await ledgerOf(member.id)).toEqual([]);
    expect((await getMine(cookie)).reviewedAt).toBeNull();
  });

  it('first answers come from the welcome step, later changes from settings; history newest first', async () => {
    const { member, cookie } = await signedIn(t, { consents: null });
    t.clock.set('2026-11-24T09:00:00Z');
    const first = await put(
      cookie,
      { textVersion: CONSENT_TEXT_VERSION, consents: answers({ directory: true }) },
      'ja',
    );
    expect(first.status).toBe(200);
    const afterFirst: MyConsents = await first.json();
    expect(afterFirst.reviewedAt).toBe('2026-11-24T09:00:00.000Z');
    expect(afterFirst.history).toHaveLength(5);
    expect(new Set(afterFirst.history.map((e) => e.source))).toEqual(new Set(['first_sign_in']));
    expect(new Set(afterFirst.history.map((e) => e.locale))).toEqual(new Set(['ja']));

    t.clock.set('2026-11-30T10:00:00Z');
    const second = await put(cookie, {
      textVersion: CONSENT_TEXT_VERSION,
      consents: answers({ directory: false, newsletter: true }),
    });
    const mine: MyConsents = await second.json();
    expect(mine.reviewedAt).toBe('2026-11-30T10:00:00.000Z');
    expect(mine.history).toHaveLength(7);
    expect(
      mine.history
        .slice(0, 2)
        .map((e) => [e.purpose, e.granted, e.source, e.locale])
        .sort(),
    ).toEqual([
      ['directory', false, 'settings', 'en'],
      ['newsletter', true, 'settings', 'en'],
    ]);
    const byPurpose = Object.fromEntries(mine.purposes.map((p) => [p.purpose, p]));
    expect(byPurpose.directory).toEqual({
      purpose: 'directory',
      granted: false,
      answeredAt: '2026-11-30T10:00:00.000Z',
      textVersion: CONSENT_TEXT_VERSION,
    });
    expect(byPurpose.events).toMatchObject({ granted: false, answeredAt: '2026-11-24T09:00:00.000Z' });
    expect(await profileConsents(member.id)).toEqual(['newsletter']);

    const me = await (await t.request('/api/me', { cookie })).json();
    expect(me.consentsReviewedAt).toBe('2026-11-30T10:00:00.000Z');
  });
});

describe('GET /api/me', () => {
  it('tells whether consents still need an answer', async () => {
    const fresh = await signedIn(t, { consents: null });
    expect(
      (await (await t.request('/api/me', { cookie: fresh.cookie })).json()).consentsReviewedAt,
    ).toBeNull();
    const known = await signedIn(t);
    expect((await (await t.request('/api/me', { cookie: known.cookie })).json()).consentsReviewedAt).toBe(
      '2026-11-01T00:00:00.000Z',
    );
  });
});

describe('OpenAPI', () => {
  it('documents the consent routes', async () => {
    const { cookie } = await signedIn(t);
    const doc = await (await t.request('/api/openapi.json', { cookie })).json();
    expect(Object.keys(doc.paths['/api/me/consents']).sort()).toEqual(['get', 'put']);
  });
});
