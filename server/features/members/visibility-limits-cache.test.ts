import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { orgSettings } from '#server/db/schema/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { getVisibilityLimits, LIMITS_CACHE_MS, setVisibilityLimits } from './members.service';

/** HR's visibility limits are cached per process (decision 005, 2026-11-24, later). */
failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(() => vi.restoreAllMocks());

const writeBehindTheCache = (country: string) =>
  t.db.update(orgSettings).set({ value: { country } }).where(eq(orgSettings.key, 'profile.visibilityLimits'));

describe('getVisibilityLimits cache', () => {
  it('a change through setVisibilityLimits is seen at once', async () => {
    expect((await getVisibilityLimits({ db: t.db })).country).toBe('members');
    await setVisibilityLimits({ db: t.db, limits: { country: 'employees' } });
    expect((await getVisibilityLimits({ db: t.db })).country).toBe('employees');
    await setVisibilityLimits({ db: t.db, limits: { country: 'members' } });
    expect((await getVisibilityLimits({ db: t.db })).country).toBe('members');
  });

  it('a change made elsewhere (another process) is seen within LIMITS_CACHE_MS', async () => {
    expect((await getVisibilityLimits({ db: t.db })).country).toBe('members');
    await writeBehindTheCache('admins');
    expect((await getVisibilityLimits({ db: t.db })).country).toBe('members');
    const now = performance.now();
    vi.spyOn(performance, 'now').mockReturnValue(now + LIMITS_CACHE_MS + 1);
    expect((await getVisibilityLimits({ db: t.db })).country).toBe('admins');
    vi.restoreAllMocks();
    await setVisibilityLimits({ db: t.db, limits: { country: 'members' } });
  });

  it('hands out copies: a caller changing its result does not change the next one', async () => {
    const first = await getVisibilityLimits({ db: t.db });
    first.country = 'admins';
    expect((await getVisibilityLimits({ db: t.db })).country).toBe('members');
  });
});
