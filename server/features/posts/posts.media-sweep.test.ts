import { existsSync, mkdtempSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post, PostMedia } from '#common/posts';
import { postMedia, users } from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { signedIn } from '#tests/factories/index';
import { TINY_PDF } from '#tests/factories/posts';
import { createTestApp, type TestApp } from '#tests/setup';
import { sweepMedia } from './posts.media-sweep';

const clock = fixedClock('2026-11-24T03:00:00Z');
const dataDir = mkdtempSync(join(tmpdir(), 'kz-sweep-'));
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { DATA_DIR: dataDir } });
});
afterAll(() => t.close());

async function upload(cookie: string, name: string): Promise<PostMedia> {
  const form = new FormData();
  form.append('file', new Blob([TINY_PDF], { type: 'application/pdf' }), name);
  const res = await t.request('/api/posts/media', { method: 'POST', cookie, body: form });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as PostMedia;
}
const fileOf = (id: string) => join(dataDir, 'post-media', id);
/** Files are only swept after an hour: age them as the clock moves. */
const age = (id: string) => {
  const old = new Date(clock.now().getTime() - 2 * 3600_000);
  utimesSync(fileOf(id), old, old);
};

describe('the media sweep', () => {
  it('removes the files of erased members and abandoned uploads, and keeps the rest', async () => {
    const keeper = await signedIn(t, { role: 'alumni' });
    const leaver = await signedIn(t, { role: 'alumni' });
    const kept = await upload(keeper.cookie, 'kept.pdf');
    const res = await t.request('/api/posts', {
      method: 'POST',
      cookie: keeper.cookie,
      json: { kind: 'insight', bodyMarkdown: 'With a file', mediaIds: [kept.id] },
    });
    expect(res.status).toBe(201);
    const post = (await res.json()) as Post;
    const erased = await upload(leaver.cookie, 'mine.pdf');
    const abandoned = await upload(keeper.cookie, 'draft.pdf');
    for (const m of [kept, erased, abandoned]) age(m.id);

    // The leaver's account goes (erasure deletes the user; their media rows go with it).
    await t.db.delete(users).where(eq(users.id, leaver.member.id));
    // A day later the unattached upload is abandoned.
    clock.advance(25 * 3600_000);
    const swept = await sweepMedia(t, clock.now());

    expect(swept).toEqual({ abandoned: 1, files: 2 });
    expect(existsSync(fileOf(erased.id))).toBe(false);
    expect(existsSync(fileOf(abandoned.id))).toBe(false);
    expect(existsSync(fileOf(kept.id))).toBe(true);
    const rows = await t.db.select({ id: postMedia.id }).from(postMedia);
    expect(rows.map((r) => r.id)).toEqual([kept.id]);
    const still = await t.request(`/api/posts/media/${kept.id}`, { cookie: keeper.cookie });
    expect(still.status).toBe(200);
    expect(post.id).toBeTruthy();
  });

  it('leaves a fresh file whose row may still be being written', async () => {
    const member = await signedIn(t, { role: 'alumni' });
    const m = await upload(member.cookie, 'fresh.pdf');
    await t.db.delete(postMedia).where(eq(postMedia.id, m.id));
    expect((await sweepMedia(t, clock.now())).files).toBe(0);
    expect(existsSync(fileOf(m.id))).toBe(true);
  });
});
