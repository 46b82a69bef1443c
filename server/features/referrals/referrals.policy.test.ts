import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminReferralList, MyReferral, MyReferralList } from '#common/referrals';
import type { ReferralStatus } from '#common/rehiring-reference';
import { jobs, referrals } from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

/**
 * The policy table of decision 019, through the real API: for every kind of viewer and every
 * referral endpoint that is not public, what they get — their own referral listed, someone else's
 * absent, HR's endpoints 404 for everyone but HR, 401 without a session. And the rule that matters
 * most: before the candidate consents, nothing about them reaches HR (or an admin).
 */
failOnConsoleError();
const clock = fixedClock('2026-11-24T03:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const VIEWERS = ['referrer', 'employee', 'alumnus', 'hr', 'admin', 'anonymous'] as const;
type ViewerKind = (typeof VIEWERS)[number];
const ACTIONS = ['myList', 'hrList', 'resend', 'rewardPaid', 'rewardRule'] as const;
type Action = (typeof ACTIONS)[number];
/** listed: 200 and the referral is in it; absent: 200 without it; ok: 200; else the status. */
type Outcome = 'listed' | 'absent' | 'ok' | 404 | 401;

const MEMBER: Record<Action, Outcome> = {
  myList: 'absent',
  hrList: 404,
  resend: 404,
  rewardPaid: 404,
  rewardRule: 404,
};
const HR: Record<Action, Outcome> = {
  myList: 'absent',
  hrList: 'listed',
  resend: 404,
  rewardPaid: 'ok',
  rewardRule: 'ok',
};
const TABLE: Record<ViewerKind, Record<Action, Outcome>> = {
  referrer: { ...MEMBER, myList: 'listed', resend: 'ok' },
  employee: MEMBER,
  alumnus: MEMBER,
  hr: HR,
  admin: HR,
  anonymous: { myList: 401, hrList: 401, resend: 401, rewardPaid: 401, rewardRule: 401 },
};

const cookies = {} as Record<ViewerKind, string | undefined>;

const MARK = { name: 'MARK-candidate-name', email: 'mark-candidate@mail.example', reason: 'MARK-reason' };

/**
 * A referral by a new referrer (who becomes the table's "referrer" for the cell): one member's
 * referrals would run into the quota of 10 a day, which is not what this table is about.
 */
async function refer(suffix: string): Promise<string> {
  cookies.referrer = (await signedIn(t, { role: 'employee' })).cookie;
  const res = await t.request('/api/referrals', {
    method: 'POST',
    cookie: cookies.referrer,
    json: {
      candidateName: `${MARK.name}-${suffix}`,
      candidateEmail: `${suffix}-${MARK.email}`,
      candidateLocale: 'ja',
      reason: `${MARK.reason}-${suffix}`,
    },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as MyReferral).id;
}

beforeAll(async () => {
  cookies.employee = (await signedIn(t, { role: 'employee' })).cookie;
  cookies.alumnus = (await signedIn(t, { role: 'alumni' })).cookie;
  cookies.hr = (await signedIn(t, { role: 'alumni_manager' })).cookie;
  cookies.admin = (await signedIn(t, { role: 'admin' })).cookie;
  cookies.anonymous = undefined;
});

/** Runs one cell on a referral of its own (a resend or a payment changes the referral). */
async function outcomeOf(viewer: ViewerKind, action: Action): Promise<Outcome> {
  const id = await refer(`${viewer}-${action}-${randomUUID().slice(0, 6)}`);
  if (action === 'rewardPaid') {
    await t.db
      .update(referrals)
      .set({ status: 'consented', rewardStatus: 'eligible', rewardAmount: 1000, rewardCurrency: 'JPY' })
      .where(eq(referrals.id, id));
  }
  // Past the resend cooldown.
  clock.advance(2 * 60 * 60_000);
  const cookie = cookies[viewer];
  const call = {
    myList: () => t.request('/api/me/referrals', { cookie }),
    hrList: () => t.request('/api/admin/referrals?pageSize=100', { cookie }),
    resend: () => t.request(`/api/me/referrals/${id}/resend`, { method: 'POST', cookie }),
    rewardPaid: () => t.request(`/api/admin/referrals/${id}/reward-paid`, { method: 'POST', cookie }),
    rewardRule: () => t.request('/api/admin/referral-reward-rule', { cookie }),
  }[action];
  const res = await call();
  if (res.status !== 200) return res.status as Outcome;
  if (action === 'myList' || action === 'hrList') {
    const body = (await res.json()) as MyReferralList | AdminReferralList;
    return body.items.some((r) => r.id === id) ? 'listed' : 'absent';
  }
  return 'ok';
}

describe('referrals policy table', () => {
  for (const viewer of VIEWERS) {
    for (const action of ACTIONS) {
      it(`${viewer} × ${action} → ${TABLE[viewer][action]}`, async () => {
        expect(await outcomeOf(viewer, action)).toBe(TABLE[viewer][action]);
      });
    }
  }
});

describe('the candidate reaches HR only after consenting', () => {
  const STATUSES: ReferralStatus[] = ['awaiting_consent', 'declined', 'expired', 'consented'];
  for (const viewer of ['hr', 'admin'] as const) {
    for (const status of STATUSES) {
      const shown = status === 'consented';
      it(`${viewer}, ${status}: candidate ${shown ? 'shown' : 'absent — not even the key'}`, async () => {
        const suffix = `${viewer}-${status}-${randomUUID().slice(0, 6)}`;
        const id = await refer(suffix);
        await t.db.update(referrals).set({ status }).where(eq(referrals.id, id));
        const res = await t.request(`/api/admin/referrals?status=${status}&pageSize=100`, {
          cookie: cookies[viewer],
        });
        expect(res.status).toBe(200);
        const text = await res.text();
        const body = JSON.parse(text) as AdminReferralList;
        const item = body.items.find((r) => r.id === id);
        expect(item?.status).toBe(status);
        const secrets = [`${MARK.name}-${suffix}`, `${suffix}-${MARK.email}`, `${MARK.reason}-${suffix}`];
        if (shown) {
          expect(item?.candidate).toEqual({ name: secrets[0], email: secrets[1], reason: secrets[2] });
        } else {
          expect(item).not.toHaveProperty('candidate');
          for (const secret of secrets) expect(text).not.toContain(secret);
        }
      });
    }
  }

  it('other members never see another member’s referral, whatever its status', async () => {
    const id = await refer(`peek-${randomUUID().slice(0, 6)}`);
    for (const status of STATUSES) {
      await t.db.update(referrals).set({ status }).where(eq(referrals.id, id));
      for (const viewer of ['employee', 'alumnus', 'hr', 'admin'] as const) {
        const text = await (await t.request('/api/me/referrals', { cookie: cookies[viewer] })).text();
        expect(text, `${viewer} ${status}`).not.toContain(id);
        expect(text).not.toContain(MARK.name);
      }
    }
  });
});

/**
 * Which jobs a member may refer an outsider for: the job's title goes to the candidate by email and
 * on the public consent page, so only public and network jobs — and only those the referrer sees.
 * Any other job is a 404, exactly like a job that does not exist.
 */
describe('referable jobs: role × classification', () => {
  const CLASSES = ['public', 'network', 'alumni_only', 'internal', 'group'] as const;
  const REFERRERS = ['employee', 'alumni', 'leaver', 'alumni_manager'] as const;
  const EXPECTED: Record<(typeof REFERRERS)[number], Record<(typeof CLASSES)[number], 201 | 404>> = {
    employee: { public: 201, network: 201, alumni_only: 404, internal: 404, group: 404 },
    alumni: { public: 201, network: 201, alumni_only: 201, internal: 404, group: 404 },
    leaver: { public: 201, network: 201, alumni_only: 404, internal: 404, group: 404 },
    alumni_manager: { public: 201, network: 201, alumni_only: 404, internal: 404, group: 404 },
  };
  for (const role of REFERRERS) {
    for (const cls of CLASSES) {
      it(`${role} × ${cls} → ${EXPECTED[role][cls]}`, async () => {
        const { member, cookie } = await signedIn(t, { role });
        const id = randomUUID();
        await t.db.insert(jobs).values({
          id,
          titleJa: '求人',
          titleEn: 'A job',
          department: '営業部',
          location: '東京',
          remote: 'onsite',
          employmentType: 'full_time',
          closesOn: '2027-03-31',
          status: 'open',
          classification: cls === 'alumni_only' ? 'network' : cls === 'group' ? 'confidential' : cls,
          // The group names the referrer: they see the job, and still may not refer for it.
          audience:
            cls === 'alumni_only' ? { roles: ['alumni'] } : cls === 'group' ? { memberIds: [member.id] } : {},
          searchText: 'job',
        });
        const res = await t.request('/api/referrals', {
          method: 'POST',
          cookie,
          json: {
            candidateName: 'Candidate',
            candidateEmail: `cls-${randomUUID().slice(0, 8)}@mail.example`,
            candidateLocale: 'en',
            jobId: id,
            reason: 'A reason.',
          },
        });
        expect(res.status).toBe(EXPECTED[role][cls]);
      });
    }
  }
});
