import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyReferralList, ReferralConsentView } from '#common/referrals';
import { mailMessages, pipelineCards, referrals } from '#server/db/schema/index';
import { createTestMember, signIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { seedDemoReferrals } from './referrals';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('seedDemoReferrals', () => {
  it('one waiting (with a working link in the outbox), two consented on the board, one declined; the rule on', async () => {
    const employee = await createTestMember(t, { role: 'employee', email: 'employee@kizuna.example' });
    for (let i = 0; i < 4; i++) await createTestMember(t, { role: 'alumni' });
    const now = t.clock.now();
    await seedDemoReferrals(t.db, { now, baseUrl: 'http://localhost:3000' });
    await seedDemoReferrals(t.db, { now, baseUrl: 'http://localhost:3000' }); // a rerun adds nothing

    const rows = await t.db.select().from(referrals);
    expect(rows.map((r) => r.status).sort()).toEqual([
      'awaiting_consent',
      'consented',
      'consented',
      'declined',
    ]);
    const cards = await t.db
      .select()
      .from(pipelineCards)
      .where(
        inArray(
          pipelineCards.referralId,
          rows.map((r) => r.id),
        ),
      );
    expect(cards).toHaveLength(2);
    expect(cards.filter((c) => c.userId !== null)).toHaveLength(1);

    const waiting = rows.find((r) => r.status === 'awaiting_consent');
    const mails = await t.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.subjectId, waiting?.id ?? ''));
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    const token = mail?.text.match(/\/referral-consent#([A-Za-z0-9_-]+)/)?.[1] ?? '';
    const res = await t.request('/api/referral-consent/view', { method: 'POST', json: { token } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ReferralConsentView).request?.candidateName).toBe('中村 美咲');

    const cookie = await signIn(t, employee.email);
    const mine = (await (await t.request('/api/me/referrals', { cookie })).json()) as MyReferralList;
    expect(mine.items.map((r) => r.status).sort()).toEqual(['awaiting_consent', 'consented']);
    expect(mine.rewardRule).toMatchObject({ enabled: true, amount: 100000, currency: 'JPY' });
  });
});
