import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_ALERTS_MATCH_JOB } from '#common/rehiring-reference';
import { signedIn } from '#tests/factories/index';
import { insertTestJob } from '#tests/factories/job-alerts';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

/**
 * The policy table of job alerts (decision 018), through the real API: an alert and its matches
 * belong to their owner alone. Another member, HR and admins get a 404 for the alert and never
 * see it (or what it matched) in their own lists; anonymous requests are 401.
 */
failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const VIEWERS = ['owner', 'otherMember', 'hr', 'admin', 'anonymous'] as const;
type ViewerKind = (typeof VIEWERS)[number];
type Outcome = 'ok' | '404' | '401' | 'absent';

/** What each viewer gets for each action on the owner's alert. */
const TABLE: Record<string, Record<ViewerKind, Outcome>> = {
  'GET list (alert in it)': {
    owner: 'ok',
    otherMember: 'absent',
    hr: 'absent',
    admin: 'absent',
    anonymous: '401',
  },
  'GET matches (job in it)': {
    owner: 'ok',
    otherMember: 'absent',
    hr: 'absent',
    admin: 'absent',
    anonymous: '401',
  },
  PATCH: { owner: 'ok', otherMember: '404', hr: '404', admin: '404', anonymous: '401' },
  DELETE: { owner: 'ok', otherMember: '404', hr: '404', admin: '404', anonymous: '401' },
};

const cookies = {} as Record<ViewerKind, string | undefined>;
let alertId: string;
let jobId: string;

beforeAll(async () => {
  const owner = await signedIn(t, { role: 'alumni' });
  cookies.owner = owner.cookie;
  cookies.otherMember = (await signedIn(t, { role: 'alumni' })).cookie;
  cookies.hr = (await signedIn(t, { role: 'alumni_manager' })).cookie;
  cookies.admin = (await signedIn(t, { role: 'admin' })).cookie;
  cookies.anonymous = undefined;
  // Everyone but the owner has a (non-matching) alert of their own: lists are not just empty.
  for (const kind of ['otherMember', 'hr', 'admin'] as const) {
    await t.request('/api/me/job-alerts', {
      method: 'POST',
      cookie: cookies[kind],
      json: { keywords: [`${kind}-own`] },
    });
  }
  const res = await t.request('/api/me/job-alerts', {
    method: 'POST',
    cookie: owner.cookie,
    json: { keywords: ['policy-table'] },
  });
  alertId = ((await res.json()) as { id: string }).id;
  const job = await insertTestJob(t, { skills: ['policy-table'] });
  jobId = job.id;
  await t.queue.send(JOB_ALERTS_MATCH_JOB, { jobId });
  await t.queue.drain();
});

async function outcome(action: string, viewer: ViewerKind): Promise<Outcome> {
  const cookie = cookies[viewer];
  const path = `/api/me/job-alerts/${alertId}`;
  let res: Response;
  switch (action) {
    case 'GET list (alert in it)':
    case 'GET matches (job in it)': {
      const url = action.startsWith('GET list') ? '/api/me/job-alerts' : '/api/me/job-alerts/matches';
      res = await t.request(url, { cookie });
      if (res.status !== 200) return String(res.status) as Outcome;
      const text = await res.text();
      return text.includes(action.startsWith('GET list') ? alertId : jobId) ? 'ok' : 'absent';
    }
    case 'PATCH':
      res = await t.request(path, { method: 'PATCH', cookie, json: { frequency: 'daily' } });
      break;
    default:
      res = await t.request(path, { method: 'DELETE', cookie });
  }
  return res.status < 300 ? 'ok' : (String(res.status) as Outcome);
}

describe('job alerts policy table', () => {
  // DELETE last: the owner's delete removes the alert the other rows look at.
  for (const action of Object.keys(TABLE)) {
    for (const viewer of VIEWERS) {
      if (action === 'DELETE' && viewer === 'owner') continue;
      it(`${action} as ${viewer} → ${TABLE[action]?.[viewer]}`, async () => {
        expect(await outcome(action, viewer)).toBe(TABLE[action]?.[viewer]);
      });
    }
  }
  it('DELETE as owner → ok (last)', async () => {
    expect(await outcome('DELETE', 'owner')).toBe('ok');
  });
});
