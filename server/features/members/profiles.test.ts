import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTO_MAX_BYTES, type Profile } from '#common/profiles';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

/** Profiles worth visiting (issue 12 §5, decision 041): photo, timeline, vocabulary, view as. */

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const en = { 'accept-language': 'en' };

/** A JPEG of w×h with EXIF (camera make, GPS-ish comment) and a red left half. */
async function jpegWithExif(w = 400, h = 300) {
  return sharp({ create: { width: w, height: h, channels: 3, background: { r: 20, g: 40, b: 200 } } })
    .composite([
      {
        input: await sharp({
          create: { width: Math.floor(w / 2), height: h, channels: 3, background: { r: 230, g: 10, b: 10 } },
        })
          .png()
          .toBuffer(),
        left: 0,
        top: 0,
      },
    ])
    .withExif({ IFD0: { Make: 'SecretCam', Model: 'X100', ImageDescription: 'home 35.6N 139.7E' } })
    .jpeg()
    .toBuffer();
}

function putPhoto(
  cookie: string | undefined,
  id: string,
  bytes: Uint8Array,
  name = 'me.jpg',
  crop: Record<string, string> = {},
) {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], name, { type: 'image/jpeg' }));
  for (const [k, v] of Object.entries(crop)) form.append(k, v);
  return t.request(`/api/members/${id}/photo`, { method: 'PUT', cookie, body: form, headers: en });
}

const getProfile = async (cookie: string, id: string, query = '') => {
  const res = await t.request(`/api/members/${id}${query}`, { cookie });
  expect(res.status).toBe(200);
  return (await res.json()) as Profile;
};

describe('photo', () => {
  it('401 signed out; 404 for another member’s photo upload or removal', async () => {
    const owner = await createTestMember(t);
    const jpeg = await jpegWithExif();
    expect((await putPhoto(undefined, owner.id, jpeg)).status).toBe(401);
    expect((await t.request(`/api/members/${owner.id}/photo`)).status).toBe(401);
    const other = await signedIn(t);
    expect((await putPhoto(other.cookie, owner.id, jpeg)).status).toBe(404);
    expect(
      (await t.request(`/api/members/${owner.id}/photo`, { method: 'DELETE', cookie: other.cookie })).status,
    ).toBe(404);
  });

  it('sniffs the bytes: text under a .jpg name, or a GIF, is a 400 with a field message', async () => {
    const { member, cookie } = await signedIn(t);
    const fake = new TextEncoder().encode('<svg onload="alert(1)"></svg>');
    const res = await putPhoto(cookie, member.id, fake, 'me.jpg');
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.file).toEqual(['Choose a JPEG, PNG or WebP image.']);
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    expect((await putPhoto(cookie, member.id, gif, 'me.png')).status).toBe(400);
    // A JPEG header with garbage after it does not decode: 400, not 500.
    const broken = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const unreadable = await putPhoto(cookie, member.id, broken);
    expect(unreadable.status).toBe(400);
    expect((await unreadable.json()).error.fields.file).toEqual([
      'This photo could not be read. Choose another file.',
    ]);
    expect((await getProfile(cookie, member.id)).photo).toBeNull();
  });

  it('refuses a file over the size limit (400, in the user’s language)', async () => {
    const { member, cookie } = await signedIn(t);
    const big = new Uint8Array(PHOTO_MAX_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    const res = await putPhoto(cookie, member.id, big);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.file).toEqual(['Photos can be at most 5 MB.']);
  });

  it('crops the square asked for, stores WebP in two sizes, without EXIF; others see it; removal', async () => {
    const { member, cookie } = await signedIn(t);
    // The left (red) 300×300 square of a 400×300 image.
    const res = await putPhoto(cookie, member.id, await jpegWithExif(), 'me.jpg', {
      x: '0',
      y: '0',
      size: '150',
    });
    expect(res.status).toBe(200);
    const profile = (await res.json()) as Profile;
    expect(profile.photo?.large).toMatch(new RegExp(`^/api/members/${member.id}/photo\\?size=large&v=`));

    const viewer = await signedIn(t);
    const large = await t.request(profile.photo?.large ?? '', { cookie: viewer.cookie });
    expect(large.status).toBe(200);
    expect(large.headers.get('content-type')).toBe('image/webp');
    const bytes = Buffer.from(await large.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 512, 512]);
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('SecretCam'))).toBe(false);
    // The crop is the red half: the centre pixel is red.
    const { data } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    const centre = (256 * 512 + 256) * 3;
    expect(data[centre]).toBeGreaterThan(180);
    expect(data[centre + 2]).toBeLessThan(80);
    const small = await t.request(profile.photo?.small ?? '', { cookie: viewer.cookie });
    expect((await sharp(Buffer.from(await small.arrayBuffer())).metadata()).width).toBe(128);

    const removed = await t.request(`/api/members/${member.id}/photo`, { method: 'DELETE', cookie });
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as Profile).photo).toBeNull();
    expect(
      (await t.request(`/api/members/${member.id}/photo?size=small`, { cookie: viewer.cookie })).status,
    ).toBe(404);
  });

  it('a crop outside the image is a 400; without a crop the centred square is used', async () => {
    const { member, cookie } = await signedIn(t);
    const outside = await putPhoto(cookie, member.id, await jpegWithExif(), 'me.jpg', {
      x: '200',
      y: '0',
      size: '300',
    });
    expect(outside.status).toBe(400);
    expect((await outside.json()).error.fields.crop).toEqual(['The crop must be a square inside the photo.']);
    const centred = await putPhoto(cookie, member.id, await jpegWithExif(64, 32));
    expect(centred.status).toBe(200);
  });

  it('a photo of a member not listed in the directory is a 404 to others', async () => {
    const hidden = await createTestMember(t, { consents: [] });
    const viewer = await signedIn(t);
    expect((await t.request(`/api/members/${hidden.id}/photo`, { cookie: viewer.cookie })).status).toBe(404);
  });
});

describe('timeline after leaving', () => {
  it('401 / 404 / 400 (end before start, bad date, unknown keys)', async () => {
    const owner = await createTestMember(t);
    const body = { employer: 'Acme', startedOn: '2020-04-01' };
    expect(
      (await t.request(`/api/members/${owner.id}/positions`, { method: 'POST', json: body })).status,
    ).toBe(401);
    const other = await signedIn(t);
    expect(
      (
        await t.request(`/api/members/${owner.id}/positions`, {
          method: 'POST',
          json: body,
          cookie: other.cookie,
        })
      ).status,
    ).toBe(404);
    const { member, cookie } = await signedIn(t);
    const bad = await t.request(`/api/members/${member.id}/positions`, {
      method: 'POST',
      cookie,
      headers: en,
      json: { employer: 'Acme', startedOn: '2021-04-01', endedOn: '2020-03-31' },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.endedOn).toEqual(['The end cannot be before the start.']);
    const badDate = await t.request(`/api/members/${member.id}/positions`, {
      method: 'POST',
      cookie,
      json: { employer: '', startedOn: '2021-13-01', extra: 1 },
    });
    expect(badDate.status).toBe(400);
  });

  it('add, change, remove; the current employer follows the latest open position', async () => {
    const { member, cookie } = await signedIn(t);
    const add = (json: object) =>
      t.request(`/api/members/${member.id}/positions`, { method: 'POST', cookie, json });
    expect(
      (await add({ employer: 'First KK', title: 'Analyst', startedOn: '2019-04-01', endedOn: '2021-03-31' }))
        .status,
    ).toBe(201);
    const res = await add({ employer: 'Second Inc', title: 'Manager', startedOn: '2021-04-01' });
    const p = (await res.json()) as Profile;
    expect(p.currentEmployer).toBe('Second Inc');
    expect(p.currentTitle).toBe('Manager');
    expect(p.positions?.map((x) => x.employer)).toEqual(['Second Inc', 'First KK']);

    const second = p.positions?.[0]?.id ?? '';
    const changed = await t.request(`/api/members/${member.id}/positions/${second}`, {
      method: 'PUT',
      cookie,
      json: { employer: 'Second Inc', title: 'Director', startedOn: '2021-04-01' },
    });
    expect(((await changed.json()) as Profile).currentTitle).toBe('Director');

    const first = p.positions?.[1]?.id ?? '';
    const other = await signedIn(t);
    expect(
      (
        await t.request(`/api/members/${member.id}/positions/${first}`, {
          method: 'DELETE',
          cookie: other.cookie,
        })
      ).status,
    ).toBe(404);
    const removed = await t.request(`/api/members/${member.id}/positions/${first}`, {
      method: 'DELETE',
      cookie,
    });
    expect(((await removed.json()) as Profile).positions?.map((x) => x.employer)).toEqual(['Second Inc']);
    expect(
      (await t.request(`/api/members/${member.id}/positions/${first}`, { method: 'DELETE', cookie })).status,
    ).toBe(404);
  });

  it('follows the current employer’s visibility', async () => {
    const { member, cookie } = await signedIn(t, { profile: { visibility: { currentEmployer: 'admins' } } });
    await t.request(`/api/members/${member.id}/positions`, {
      method: 'POST',
      cookie,
      json: { employer: 'Secret Co', startedOn: '2022-01-01' },
    });
    const alumni = await signedIn(t, { role: 'alumni' });
    const seen = await getProfile(alumni.cookie, member.id);
    expect(seen.positions).toBeUndefined();
    expect(seen.currentEmployer).toBeUndefined();
    expect((await getProfile(cookie, member.id)).positions).toHaveLength(1);
  });
});

describe('skills from one vocabulary', () => {
  it('営業, Sales and ｓａｌｅｓ are stored as one skill; free text stays', async () => {
    const { member, cookie } = await signedIn(t);
    const res = await t.request(`/api/members/${member.id}`, {
      method: 'PATCH',
      cookie,
      json: { skills: ['営業', 'Sales', 'ｓａｌｅｓ', 'データ分析', '茶道'] },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Profile).skills).toEqual(['Sales', 'Data Analysis', '茶道']);
  });

  it('the directory filter counts each once and finds the member by either label', async () => {
    const marker = `Zq${Date.now().toString(36)}`;
    const a = await signedIn(t, { profile: { skills: ['営業'], bio: marker } });
    const b = await createTestMember(t, { profile: { skills: ['Sales'], bio: marker } });
    const c = await createTestMember(t, { profile: { skills: ['ｓａｌｅｓ', 'セールス'], bio: marker } });
    const ids = [a.member.id, b.id, c.id].sort();
    for (const skill of ['営業', 'Sales', 'sales']) {
      const res = await t.request(`/api/directory?q=${marker}&skill=${encodeURIComponent(skill)}`, {
        cookie: a.cookie,
      });
      expect(res.status).toBe(200);
      const page = await res.json();
      expect(page.items.map((i: { id: string }) => i.id).sort(), skill).toEqual(ids);
    }
    const facets = await (await t.request(`/api/directory/facets?q=${marker}`, { cookie: a.cookie })).json();
    expect(facets.skill).toEqual([{ value: 'Sales', count: 3 }]);
    for (const q of ['営業', 'Sales']) {
      const res = await t.request(`/api/directory?q=${encodeURIComponent(`${marker} ${q}`)}`, {
        cookie: a.cookie,
      });
      expect((await res.json()).items.map((i: { id: string }) => i.id).sort(), q).toEqual(ids);
    }
  });
});

describe('view as', () => {
  it('the owner sees exactly what a tier sees, never more; others get 404', async () => {
    const { member, cookie } = await signedIn(t, {
      role: 'alumni',
      profile: {
        bio: 'for employees only',
        currentEmployer: 'Open Co',
        employeeNumber: 'V000123',
        visibility: { bio: 'employees', currentEmployer: 'members', email: 'admins' },
      },
    });
    const asAlumni = await getProfile(cookie, member.id, '?viewAs=alumni');
    expect(asAlumni.viewingAs).toBe('alumni');
    expect(asAlumni.bio).toBeUndefined();
    expect(asAlumni.currentEmployer).toBe('Open Co');
    expect(asAlumni.email).toBeUndefined();
    expect(asAlumni.employeeNumber).toBeUndefined();
    expect(asAlumni.visibility).toBeUndefined();
    expect(asAlumni.canEdit).toBe(false);

    const alumni = await signedIn(t, { role: 'alumni' });
    const real = await getProfile(alumni.cookie, member.id);
    const { viewingAs: _v, ...shown } = asAlumni;
    expect(shown).toEqual(real);

    const asEmployee = await getProfile(cookie, member.id, '?viewAs=employee');
    expect(asEmployee.bio).toBe('for employees only');
    expect(asEmployee.email).toBeUndefined();

    expect(
      (await t.request(`/api/members/${member.id}?viewAs=employee`, { cookie: alumni.cookie })).status,
    ).toBe(404);
    expect((await t.request(`/api/members/${member.id}?viewAs=admin`, { cookie })).status).toBe(400);
  });

  it('a member not listed in the directory: the tier would not see them (404)', async () => {
    const { member, cookie } = await signedIn(t, { consents: [] });
    expect((await t.request(`/api/members/${member.id}?viewAs=alumni`, { cookie })).status).toBe(404);
  });
});
