import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { orgSettings } from '#server/db/schema/index';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { REINDEX_KEY, reindexOptions, reindexSearchBatch, SEARCH_REINDEX_JOB } from './members.service';

/**
 * Changing HR's visibility limits re-indexes every profile's search documents in short batches,
 * each its own transaction, by a resumable job (decision 023) — never in one long transaction
 * that holds PGlite's only connection.
 */
failOnConsoleError();
let t: TestApp;
let hr: Awaited<ReturnType<typeof signedIn>>;
let alumni: Awaited<ReturnType<typeof signedIn>>;
let employee: Awaited<ReturnType<typeof signedIn>>;
const WORD = 'zephyrkingfisher';
const subjects: string[] = [];
const defaultBatch = reindexOptions.batchSize;

beforeAll(async () => {
  t = await createTestApp();
  hr = await signedIn(t, { role: 'alumni_manager' });
  alumni = await signedIn(t, { role: 'alumni' });
  employee = await signedIn(t, { role: 'employee' });
  for (let i = 0; i < 6; i++) {
    const m = await createTestMember(t, { profile: { bio: `${WORD} ${i}`, visibility: { bio: 'members' } } });
    subjects.push(m.id);
  }
});
afterAll(() => t.close());
afterEach(() => {
  reindexOptions.batchSize = defaultBatch;
});

const putLimits = (json: Record<string, string>) =>
  t.request('/api/settings/profile-visibility', { method: 'PUT', cookie: hr.cookie, json });
const found = async (cookie: string) => {
  const res = await t.request(`/api/directory?q=${WORD}&pageSize=50`, { cookie });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { items: { id: string }[] };
  return body.items.map((i) => i.id).filter((id) => subjects.includes(id)).length;
};
const pending = async () =>
  (await t.db.select().from(orgSettings).where(eq(orgSettings.key, REINDEX_KEY))).length > 0;
const drain = () => t.queue.drain({ names: [SEARCH_REINDEX_JOB] });

describe('PUT /api/settings/profile-visibility re-indexes search in batches', () => {
  it('a narrowed field stops matching for the lower tier at once, and matches again once widened', async () => {
    expect(await found(alumni.cookie)).toBe(subjects.length);
    expect((await putLimits({ bio: 'employees' })).status).toBe(200);
    // Saved, the re-index still to run: the stale documents must not match for alumni.
    expect(await pending()).toBe(true);
    expect(await found(alumni.cookie)).toBe(0);
    expect(await found(employee.cookie)).toBe(subjects.length);
    await drain();
    expect(await pending()).toBe(false);
    expect(await found(alumni.cookie)).toBe(0);
    expect(await found(employee.cookie)).toBe(subjects.length);

    expect((await putLimits({ bio: 'members' })).status).toBe(200);
    await drain();
    expect(await found(alumni.cookie)).toBe(subjects.length);
  });

  it('each batch is one short transaction over at most batchSize profiles, resumable from its cursor', async () => {
    reindexOptions.batchSize = 2;
    expect((await putLimits({ bio: 'employees' })).status).toBe(200);
    const first = await reindexSearchBatch(t.db);
    expect(first).toEqual({ done: false, rows: 2 });
    const second = await reindexSearchBatch(t.db);
    expect(second).toEqual({ done: false, rows: 2 });
    // The process "dies" here: the job, run again, goes on from the saved cursor to the end.
    expect(await pending()).toBe(true);
    await drain();
    expect(await pending()).toBe(false);
    expect(await found(alumni.cookie)).toBe(0);
    expect(await found(employee.cookie)).toBe(subjects.length);
    expect((await putLimits({ bio: 'members' })).status).toBe(200);
    await drain();
    expect(await found(alumni.cookie)).toBe(subjects.length);
  });

  it('saving the limits in force again starts no re-index', async () => {
    expect(await pending()).toBe(false);
    expect((await putLimits({})).status).toBe(200);
    expect(await pending()).toBe(false);
    expect(await found(alumni.cookie)).toBe(subjects.length);
  });

  it('a concurrent request is served while the re-index is still under way', async () => {
    reindexOptions.batchSize = 1;
    expect((await putLimits({ bio: 'employees' })).status).toBe(200);
    let reindexFinished = false;
    const running = drain().then(() => {
      reindexFinished = true;
    });
    const health = await t.request('/api/health');
    expect(health.status).toBe(200);
    const read = await t.request(`/api/members/${subjects[0]}`, { cookie: alumni.cookie });
    expect(read.status).toBe(200);
    expect(reindexFinished).toBe(false);
    await running;
    expect(await pending()).toBe(false);
    expect((await putLimits({ bio: 'members' })).status).toBe(200);
    await drain();
  });
});
