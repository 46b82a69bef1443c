import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMember, signedIn } from '../../../tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '../../../tests/setup';
import { fixedClock } from '../../lib/clock';
import type { AppDeps } from '../../lib/http';
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
    mailer: undefined as never,
    logger: { info() {}, warn() {}, error() {}, debug() {} } as never,
    auth: undefined as never,
  }) as AppDeps;

describe('runExitTransition over many cases', () => {
  it('serves a concurrent request before the run ends, and converts every case', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    for (let i = 0; i < 5; i++) {
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
    expect((await t.request('/api/health')).status).toBe(200);
    expect((await t.request('/api/me', { cookie: admin.cookie })).status).toBe(200);
    expect(finished).toBe(false);
    expect((await running).converted).toBe(5);
  });
});
