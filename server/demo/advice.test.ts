import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdviceList } from '#common/advice';
import { adviceRequests } from '#server/db/schema/index';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { seedDemoAdvice } from './advice';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('seedDemoAdvice', () => {
  it('employee@ waits for alumni@ (mentoring) and a generated mentor; older requests for HR; a re-run adds nothing', async () => {
    const employee = await signedIn(t, { role: 'employee', email: 'employee@kizuna.example' });
    const alumnus = await signedIn(t, {
      role: 'alumni',
      email: 'alumni@kizuna.example',
      profile: { mentoring: true },
    });
    for (let i = 0; i < 6; i++) {
      await createTestMember(t, { role: 'alumni', canSignIn: false, profile: { mentoring: true } });
      await createTestMember(t, { role: 'employee', canSignIn: false });
    }
    const written = await seedDemoAdvice(t.db, new Date('2026-12-07T03:00:00Z'));
    expect(written).toBeGreaterThanOrEqual(4);
    expect(await seedDemoAdvice(t.db)).toBe(0);
    const mine = (await (
      await t.request('/api/advice-requests', { cookie: alumnus.cookie })
    ).json()) as AdviceList;
    expect(mine.received.map((r) => [r.status, r.kind, r.other.id])).toEqual([
      ['pending', 'mentoring', employee.member.id],
    ]);
    const sent = (await (
      await t.request('/api/advice-requests', { cookie: employee.cookie })
    ).json()) as AdviceList;
    expect(sent.sent.map((r) => r.status)).toEqual(['pending', 'pending']);
    const all = await t.db.select().from(adviceRequests);
    expect(all.filter((r) => r.status === 'accepted').every((r) => r.conversationId)).toBe(true);
  });
});
