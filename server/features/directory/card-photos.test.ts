import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryResult, MemberCard } from '#common/directory';
import type { SuggestionListResult } from '#common/suggestions';
import { fixedClock } from '#server/lib/clock';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

/** Photos on member cards (decision 041, amended): the directory and people to meet carry `photo.small`. */

failOnConsoleError();
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07T03:00:00Z') });
});
afterAll(() => t.close());

let n = 0;
/** A name word nobody else in this database has, so a search finds exactly the members of one test. */
const uniqueWord = () => `pic${Date.now().toString(36)}x${++n}`;

async function uploadPhoto(who: Session) {
  const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c03' } })
    .jpeg()
    .toBuffer();
  const form = new FormData();
  form.append('file', new File([new Uint8Array(jpeg)], 'me.jpg', { type: 'image/jpeg' }));
  const res = await t.request(`/api/members/${who.member.id}/photo`, {
    method: 'PUT',
    cookie: who.cookie,
    body: form,
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

async function directoryCards(viewer: Session, q: string): Promise<MemberCard[]> {
  const res = await t.request(`/api/directory?q=${encodeURIComponent(q)}`, { cookie: viewer.cookie });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as DirectoryResult).items;
}

const member = (given: string, extra: Parameters<typeof signedIn>[1] = {}) =>
  signedIn(t, { role: 'alumni', names: { familyName: '写真', givenName: given }, ...extra });

describe('photos on directory cards', () => {
  it('a card carries the small photo URL after an upload, null without a photo; the URL serves the image', async () => {
    const word = uniqueWord();
    const viewer = await signedIn(t, { role: 'alumni' });
    const withPhoto = await member(`${word}a`);
    const without = await member(`${word}b`);
    await uploadPhoto(withPhoto);

    const cards = await directoryCards(viewer, word);
    const byId = new Map(cards.map((c) => [c.id, c]));
    const url = byId.get(withPhoto.member.id)?.photo?.small ?? '';
    expect(url).toMatch(new RegExp(`^/api/members/${withPhoto.member.id}/photo\\?size=small&v=[0-9a-f]+$`));
    expect(byId.get(without.member.id)?.photo).toBeNull();

    const image = await t.request(url, { cookie: viewer.cookie });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    expect((await t.request(url)).status).toBe(401);

    // A new upload is a new URL (the version), so a cached old photo is never shown.
    await uploadPhoto(withPhoto);
    const again = (await directoryCards(viewer, word)).find((c) => c.id === withPhoto.member.id);
    expect(again?.photo?.small).toMatch(/v=[0-9a-f]+$/);
    expect(again?.photo?.small).not.toBe(url);
  });

  it('blocked or not listed: no card, and the photo URL is a 404 — the photo goes where the profile goes', async () => {
    const word = uniqueWord();
    const viewer = await signedIn(t, { role: 'alumni' });
    const blocker = await member(`${word}c`);
    const unlisted = await member(`${word}d`, { consents: [] });
    await uploadPhoto(blocker);
    await uploadPhoto(unlisted);
    const url = (await directoryCards(viewer, word)).find((c) => c.id === blocker.member.id)?.photo?.small;
    expect(url).toBeTruthy();
    expect((await directoryCards(viewer, word)).map((c) => c.id)).not.toContain(unlisted.member.id);

    const blocked = await t.request(`/api/members/${viewer.member.id}/block`, {
      method: 'POST',
      cookie: blocker.cookie,
    });
    expect(blocked.status, await blocked.clone().text()).toBe(200);
    expect(await directoryCards(viewer, word)).toEqual([]);
    expect((await t.request(url ?? '', { cookie: viewer.cookie })).status).toBe(404);
    expect(
      (await t.request(`/api/members/${unlisted.member.id}/photo?size=small`, { cookie: viewer.cookie })).status,
    ).toBe(404);
  });
});

describe('photos on people-to-meet cards', () => {
  it('a suggestion’s card carries the photo, null without one', async () => {
    const department = `写真部-${uniqueWord()}`;
    const profile = {
      joinedOn: '2015-04-01',
      leftOn: '2019-03-31',
      departments: [department],
      skills: [],
      languages: ['ja'],
      country: 'JP',
    };
    const viewer = await signedIn(t, { role: 'alumni', profile });
    const colleague = await member('同僚', { profile });
    const other = await member('同期', { profile });
    await uploadPhoto(colleague);

    const res = await t.request('/api/people/suggestions?list=know', { cookie: viewer.cookie });
    expect(res.status, await res.clone().text()).toBe(200);
    const items = ((await res.json()) as SuggestionListResult).items;
    const card = (id: string) => items.find((i) => i.member.id === id)?.member;
    expect(card(colleague.member.id)?.photo?.small).toMatch(
      new RegExp(`^/api/members/${colleague.member.id}/photo\\?size=small&v=`),
    );
    expect(card(other.member.id)).toBeDefined();
    expect(card(other.member.id)?.photo).toBeNull();
  });
});
