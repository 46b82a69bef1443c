import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineBoard } from '#common/pipeline';
import { reportingLines, returnInterests } from '#server/db/schema/index';
import { grantTestConsents, signedIn, signIn } from '#tests/factories/index';
import { createInterestCard, createReferralCard } from '#tests/factories/pipeline';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

/**
 * The pipeline's policy table (decision 017), through the real API: every kind of viewer × every
 * pipeline endpoint → allowed (2xx) or 404 — never 403 — and 401 when signed out. Only HR
 * (alumni_manager, admin) uses the pipeline; the person a card is about, their manager and the
 * referrer see nothing. Then the visibility rule: a withdrawn source is gone in the same request.
 */
failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const VIEWERS = [
  'hr',
  'admin',
  'employee',
  'manager',
  'alumni',
  'leaver',
  'cardPerson',
  'referrer',
  'anonymous',
] as const;
type ViewerKind = (typeof VIEWERS)[number];
type Outcome = 'allowed' | '404' | '401';

interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  path: () => string;
  body?: unknown;
  /** Who is allowed (default HR: hr and admin). */
  allowed?: readonly ViewerKind[];
}

let cardId: string;
let referralCardId: string;
const cookies = {} as Record<Exclude<ViewerKind, 'anonymous'>, string>;
let personName = '';

const ENDPOINTS: Endpoint[] = [
  { name: 'board', method: 'GET', path: () => '/api/pipeline' },
  { name: 'stats', method: 'GET', path: () => '/api/pipeline/stats' },
  { name: 'board CSV', method: 'GET', path: () => '/api/pipeline/export.csv' },
  { name: 'card', method: 'GET', path: () => `/api/pipeline/${cardId}` },
  { name: 'referral card', method: 'GET', path: () => `/api/pipeline/${referralCardId}` },
  { name: 'card CSV', method: 'GET', path: () => `/api/pipeline/${cardId}/export.csv` },
  // The same stage: a no-op for HR, so the table does not change the card.
  { name: 'move', method: 'POST', path: () => `/api/pipeline/${cardId}/move`, body: { stage: 'interested' } },
  {
    name: 'note',
    method: 'POST',
    path: () => `/api/pipeline/${cardId}/notes`,
    body: { body: 'policy table' },
  },
  {
    name: 'ATS export',
    method: 'POST',
    path: () => `/api/pipeline/${cardId}/ats-export`,
    body: { kind: 'webhook' },
  },
  { name: 'dev ATS inbox', method: 'GET', path: () => '/api/dev/ats-inbox' },
  { name: 'dev start job', method: 'POST', path: () => '/api/dev/jobs/pipeline.start', allowed: ['admin'] },
];

const expected = (endpoint: Endpoint, viewer: ViewerKind): Outcome => {
  if (viewer === 'anonymous') return '401';
  return (endpoint.allowed ?? ['hr', 'admin']).includes(viewer) ? 'allowed' : '404';
};

beforeAll(async () => {
  const hr = await signedIn(t, { role: 'alumni_manager' });
  const admin = await signedIn(t, { role: 'admin' });
  const employee = await signedIn(t, { role: 'employee' });
  const manager = await signedIn(t, { role: 'employee' });
  const alumni = await signedIn(t, { role: 'alumni', consents: ['directory', 'rehiring'] });
  const leaver = await signedIn(t, { role: 'leaver' });
  const referrer = await signedIn(t, { role: 'employee' });
  const card = await createInterestCard(t, { canSignIn: true });
  cardId = card.cardId;
  personName = card.member.names.familyName;
  await t.db.insert(reportingLines).values({ managerId: manager.member.id, reportId: card.member.id });
  referralCardId = (await createReferralCard(t, { referrerId: referrer.member.id, userId: card.member.id }))
    .cardId;
  Object.assign(cookies, {
    hr: hr.cookie,
    admin: admin.cookie,
    employee: employee.cookie,
    manager: manager.cookie,
    alumni: alumni.cookie,
    leaver: leaver.cookie,
    cardPerson: await signIn(t, card.member.email),
    referrer: referrer.cookie,
  });
});

async function outcome(endpoint: Endpoint, viewer: ViewerKind): Promise<Outcome> {
  const res = await t.request(endpoint.path(), {
    method: endpoint.method,
    ...(viewer === 'anonymous' ? {} : { cookie: cookies[viewer] }),
    ...(endpoint.body !== undefined ? { json: endpoint.body } : {}),
  });
  const text = await res.text();
  if (res.status === 401) return '401';
  if (res.status === 404) {
    // A 404 says nothing about the card.
    expect(text).not.toContain(personName);
    return '404';
  }
  expect([200, 201], `${endpoint.name} as ${viewer}: ${res.status} ${text.slice(0, 200)}`).toContain(
    res.status,
  );
  return 'allowed';
}

describe('pipeline policy table, through the API', () => {
  for (const endpoint of ENDPOINTS) {
    for (const viewer of VIEWERS) {
      it(`${endpoint.name} × ${viewer} → ${expected(endpoint, viewer)}`, async () => {
        expect(await outcome(endpoint, viewer)).toBe(expected(endpoint, viewer));
      });
    }
  }
});

describe('visibility: the source decides, in the same request', () => {
  const board = async () =>
    (
      (await (await t.request('/api/pipeline', { cookie: cookies.hr })).json()) as PipelineBoard
    ).columns.flatMap((c) => c.cards.map((x) => x.id));
  const detailStatus = async (id: string) =>
    (await t.request(`/api/pipeline/${id}`, { cookie: cookies.hr })).status;

  it('a withdrawn interest is gone from the board and its card is a 404', async () => {
    const c = await createInterestCard(t);
    expect(await board()).toContain(c.cardId);
    await t.db
      .update(returnInterests)
      .set({ status: 'withdrawn' })
      .where(eq(returnInterests.id, c.interestId));
    expect(await board()).not.toContain(c.cardId);
    expect(await detailStatus(c.cardId)).toBe(404);
  });

  it('revoking the rehiring consent hides the person; no other consent does', async () => {
    const c = await createInterestCard(t, { consents: ['directory', 'rehiring', 'newsletter'] });
    await grantTestConsents(t, c.member.id, ['rehiring']);
    expect(await board()).toContain(c.cardId);
    await grantTestConsents(t, c.member.id, ['directory', 'newsletter', 'events', 'business']);
    expect(await board()).not.toContain(c.cardId);
    expect(await detailStatus(c.cardId)).toBe(404);
  });

  it('a member who never consented to rehiring contact is not on the board', async () => {
    const c = await createInterestCard(t, { consents: ['directory'] });
    expect(await board()).not.toContain(c.cardId);
    expect(await detailStatus(c.cardId)).toBe(404);
  });

  it('a referral is on the board only once the candidate consented', async () => {
    for (const status of ['awaiting_consent', 'declined', 'expired'] as const) {
      const r = await createReferralCard(t, { status });
      expect(await board(), status).not.toContain(r.cardId);
      expect(await detailStatus(r.cardId), status).toBe(404);
    }
    const ok = await createReferralCard(t);
    expect(await board()).toContain(ok.cardId);
  });

  it('the card’s own person cannot find their card by any route', async () => {
    const res = await t.request(`/api/pipeline?q=${encodeURIComponent(personName)}`, {
      cookie: cookies.cardPerson,
    });
    expect(res.status).toBe(404);
  });
});
