import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '#server/lib/clock';
import type { AppDeps } from '#server/lib/deps';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { runExitTransition } from './exits.transition';

/** The last-day transition hands the event loop back between cases (decision 023). */
failOnConsoleError();
let t: TestApp;
const clock = fixedClock('2026-11-24T03:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const depsOf = (app: TestApp) =>
  ({
    db: app.db,
    env: app.env,
    clock: app.clock,
    queue: app.queue,
    hooks: app.hooks,
    mailer: undefined as never,
    logger: { info() {}, warn() {}, error() {}, debug() {} } as never,
    auth: undefined as never,
  }) as AppDeps;

const CASES = 15;

describe('runExitTransition over many cases', () => {
  it('serves a concurrent request before the run ends, and converts every case', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    for (let i = 0; i < CASES; i++) {
      const leaver = await createTestMember(t, { role: 'employee' });
      const res = await t.request('/api/exit-cases', {
        method: 'POST',
        cookie: admin.cookie,
        json: {
          userId: leaver.id,
          lastDay: '2026-11-30',
          timeZone: 'Asia/Tokyo',
          reasonCategory: 'relocation',
        },
      });
      expect(res.status).toBe(201);
    }
    clock.set('2026-12-01T00:00:00Z');
    let finished = false;
    const running = runExitTransition(depsOf(t)).then((result) => {
      finished = true;
      return result;
    });
    // Both requests at once: each needs several statements, and each must find the connection
    // handed back between cases (without the hand-back they wait for the whole run).
    const [health, me] = await Promise.all([
      t.request('/api/health'),
      t.request('/api/me', { cookie: admin.cookie }),
    ]);
    expect([health.status, me.status]).toEqual([200, 200]);
    expect(finished).toBe(false);
    expect((await running).converted).toBe(CASES);
  });
});
