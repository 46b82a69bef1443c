import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionList } from '#common/connections';
import type { DirectoryResult, MemberCard } from '#common/directory';
import type { ConversationDetail, ConversationList, Sent } from '#common/messaging';
import type { SuggestionListResult } from '#common/suggestions';
import { connections } from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

/**
 * Photos in lists (decision 041, amended): directory and people-to-meet cards, the connections list
 * and conversations carry `photo.small` — only where the viewer may see the member's profile.
 */

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
      (await t.request(`/api/members/${unlisted.member.id}/photo?size=small`, { cookie: viewer.cookie }))
        .status,
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

describe('photos on the connections list and in conversations', () => {
  it('carry the photo where the viewer may see the profile; a connection no longer listed shows none', async () => {
    const owner = await signedIn(t, { role: 'alumni' });
    const listed = await member('見える');
    const unlisted = await member('見えない', { consents: [] });
    await uploadPhoto(listed);
    await uploadPhoto(unlisted);
    await t.db.insert(connections).values(
      [listed, unlisted].flatMap((x) => [
        { userId: owner.member.id, otherId: x.member.id },
        { userId: x.member.id, otherId: owner.member.id },
      ]),
    );

    const list = await t.request('/api/connections', { cookie: owner.cookie });
    expect(list.status, await list.clone().text()).toBe(200);
    const photoOf = new Map(
      ((await list.json()) as ConnectionList).items.map((i) => [i.member.id, i.photo?.small ?? null]),
    );
    expect(photoOf.get(listed.member.id)).toMatch(
      new RegExp(`^/api/members/${listed.member.id}/photo\\?size=small&v=`),
    );
    expect(photoOf.has(unlisted.member.id)).toBe(true);
    expect(photoOf.get(unlisted.member.id)).toBeNull();

    const started = await t.request('/api/conversations', {
      method: 'POST',
      cookie: owner.cookie,
      json: { participantIds: [listed.member.id, unlisted.member.id], title: '写真の会', body: 'こんにちは' },
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const { conversationId } = (await started.json()) as Sent;
    const detail = await t.request(`/api/conversations/${conversationId}`, { cookie: owner.cookie });
    expect(detail.status).toBe(200);
    const people = ((await detail.json()) as ConversationDetail).participants;
    expect(people.find((p) => p.id === listed.member.id)?.photo?.small).toMatch(/size=small&v=/);
    expect(people.find((p) => p.id === unlisted.member.id)?.photo).toBeNull();
    const all = await t.request('/api/conversations', { cookie: listed.cookie });
    const mine = ((await all.json()) as ConversationList).items.find((c) => c.id === conversationId);
    expect(mine?.participants.find((p) => p.id === owner.member.id)?.photo).toBeNull(); // no photo uploaded
  });
});
