import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONSENT_TEXT_VERSION } from '#common/consents';
import { users } from '#server/db/schema/index';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { facetCacheOptions, invalidateDirectoryCaches } from './directory.cache';
import { directorySearchOptions } from './directory.service';

failOnConsoleError();
let t: TestApp;
type Viewer = { cookie: string };
let alumni: Viewer;
let employee: Viewer;
let hr: Viewer;
const ids: Record<string, string> = {};

const search = async (cookie: string, query: string) => {
  const res = await t.request(`/api/directory?${query}`, { cookie });
  expect(res.status).toBe(200);
  return res.json();
};
const idsOf = (body: { items: { id: string }[] }) => body.items.map((m) => m.id);

beforeAll(async () => {
  t = await createTestApp();
  const add = async (key: string, options: Parameters<typeof createTestMember>[1]) => {
    ids[key] = (await createTestMember(t, { canSignIn: false, ...options })).id;
  };
  await add('tanaka', {
    names: { familyName: '田中', givenName: '一郎', familyNameKana: 'たなか', givenNameKana: 'いちろう' },
    profile: {
      currentEmployer: 'グローバル商事',
      currentTitle: 'コンサルタント',
      skills: ['TypeScript', 'データ分析'],
      country: 'JP',
      industry: 'consulting',
      departments: ['営業部'],
      mentoring: true,
      joinedOn: '2010-04-01',
      leftOn: '2020-03-31',
    },
  });
  await add('tanakaKatakana', {
    names: { familyName: '田仲', givenName: '花', familyNameKana: 'タナカ', givenNameKana: 'ハナ' },
    profile: { country: 'SG', industry: 'it', skills: ['Go'], departments: ['技術開発本部'] },
  });
  await add('hayashi', {
    names: { familyName: '林', givenName: '美咲', familyNameKana: 'はやし', givenNameKana: 'みさき' },
    profile: { country: 'JP', industry: 'finance', skills: ['M&A'], departments: ['財務部'] },
  });
  await add('emma', {
    role: 'employee',
    names: { familyName: 'Wilson', givenName: 'Emma' },
    profile: {
      country: 'GB',
      industry: 'it',
      currentEmployer: 'Secretco',
      skills: ['Rust'],
      bio: 'quantum widgets',
      visibility: { currentEmployer: 'employees', bio: 'admins', skills: 'employees', country: 'employees' },
    },
  });
  await add('gone', {
    names: { familyName: '田中', givenName: '退会', familyNameKana: 'たなか', givenNameKana: 'たいかい' },
  });
  await t.db
    .update(users)
    .set({ status: 'deactivated' })
    .where(eq(users.id, ids.gone as string));
  alumni = await signedIn(t, {
    role: 'alumni',
    names: { familyName: 'Viewer', givenName: 'Alumni' },
    profile: {},
  });
  employee = await signedIn(t, {
    role: 'employee',
    names: { familyName: 'Viewer', givenName: 'Employee' },
    profile: {},
  });
  hr = await signedIn(t, {
    role: 'alumni_manager',
    names: { familyName: 'Viewer', givenName: 'Hr' },
    profile: {},
  });
});
afterAll(() => t.close());

describe('GET /api/directory', () => {
  it('401 when signed out', async () => {
    expect((await t.request('/api/directory?q=tanaka')).status).toBe(401);
  });

  it('400 with field messages for bad parameters', async () => {
    const res = await t.request(
      '/api/directory?pageSize=500&country=japan&tenureMin=5&tenureMax=2&role=ceo',
      {
        cookie: alumni.cookie,
        headers: { 'accept-language': 'en' },
      },
    );
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(Object.keys(error.fields).sort()).toEqual(['country.0', 'pageSize', 'role.0']);
  });

  it('finds a two-character kanji surname (田中) and a one-character one (林)', async () => {
    expect(idsOf(await search(alumni.cookie, `q=${encodeURIComponent('田中')}`))).toEqual([ids.tanaka]);
    expect(idsOf(await search(alumni.cookie, `q=${encodeURIComponent('林')}`))).toEqual([ids.hayashi]);
  });

  it('treats romaji, hiragana and katakana alike, case- and width-insensitively', async () => {
    const expected = [ids.tanaka, ids.tanakaKatakana].sort();
    for (const q of ['tanaka', 'TANAKA', 'ｔａｎａｋａ', 'たなか', 'タナカ', 'ﾀﾅｶ']) {
      expect(idsOf(await search(alumni.cookie, `q=${encodeURIComponent(q)}`)).sort(), q).toEqual(expected);
    }
  });

  it('matches employers, titles and skills, and needs every word to match', async () => {
    expect(idsOf(await search(alumni.cookie, `q=${encodeURIComponent('コンサルタント')}`))).toEqual([
      ids.tanaka,
    ]);
    expect(idsOf(await search(alumni.cookie, `q=${encodeURIComponent('たなか データ分析')}`))).toEqual([
      ids.tanaka,
    ]);
    expect(idsOf(await search(alumni.cookie, `q=${encodeURIComponent('たなか rust')}`))).toEqual([]);
  });

  it('never matches or shows a field hidden from the viewer (wrong audience)', async () => {
    expect(idsOf(await search(alumni.cookie, 'q=secretco'))).toEqual([]);
    expect(idsOf(await search(alumni.cookie, 'skill=Rust'))).toEqual([]);
    expect(idsOf(await search(alumni.cookie, 'country=GB'))).toEqual([]);
    expect(idsOf(await search(employee.cookie, 'q=secretco'))).toEqual([ids.emma]);
    expect(idsOf(await search(employee.cookie, 'q=quantum'))).toEqual([]);
    expect(idsOf(await search(hr.cookie, 'q=quantum'))).toEqual([ids.emma]);

    const card = (await search(alumni.cookie, 'q=wilson')).items[0];
    expect(card.id).toBe(ids.emma);
    expect(card).not.toHaveProperty('currentEmployer');
    expect(card).not.toHaveProperty('skills');
    expect(card.industry).toBe('it');
  });

  it('does not list deactivated members', async () => {
    const body = await search(hr.cookie, `q=${encodeURIComponent('退会')}`);
    expect(body.items).toEqual([]);
  });

  it('filters by role, department, industry, country, skill, availability and years at the company', async () => {
    expect(idsOf(await search(alumni.cookie, 'role=employee&q=wilson'))).toEqual([ids.emma]);
    expect(idsOf(await search(alumni.cookie, `department=${encodeURIComponent('財務部')}`))).toEqual([
      ids.hayashi,
    ]);
    expect(idsOf(await search(alumni.cookie, 'industry=consulting'))).toEqual([ids.tanaka]);
    expect(idsOf(await search(alumni.cookie, 'country=SG'))).toEqual([ids.tanakaKatakana]);
    expect(
      idsOf(await search(alumni.cookie, `skill=TypeScript,${encodeURIComponent('データ分析')}`)),
    ).toEqual([ids.tanaka]);
    expect(idsOf(await search(alumni.cookie, 'availability=mentoring'))).toContain(ids.tanaka);
    expect(idsOf(await search(alumni.cookie, 'tenureMin=9&tenureMax=10'))).toEqual([ids.tanaka]);
    expect(idsOf(await search(alumni.cookie, 'tenureMin=11'))).toEqual([]);
  });

  it('paginates in a stable order and says whether more follows', async () => {
    const all = await search(hr.cookie, 'sort=name&pageSize=50');
    expect(all.hasMore).toBe(false);
    const pages = [];
    for (let page = 1; page <= Math.ceil(all.items.length / 2); page++) {
      const body = await search(hr.cookie, `sort=name&pageSize=2&page=${page}`);
      expect(body.hasMore).toBe(page * 2 < all.items.length);
      pages.push(...idsOf(body));
    }
    expect(pages).toEqual(idsOf(all));
  });

  it('ranks a name match above a match elsewhere', async () => {
    await createTestMember(t, {
      canSignIn: false,
      names: { familyName: '山田', givenName: '太郎', familyNameKana: 'やまだ', givenNameKana: 'たろう' },
      profile: { bio: 'Worked with Tanaka-san for years' },
    });
    const body = await search(alumni.cookie, 'q=tanaka');
    expect(body.items.length).toBe(3);
    expect(body.items[2].familyName).toBe('山田');
  });
});

describe('GET /api/directory/facets', () => {
  it('401 when signed out, 400 for bad parameters', async () => {
    expect((await t.request('/api/directory/facets')).status).toBe(401);
    expect((await t.request('/api/directory/facets?page=0', { cookie: alumni.cookie })).status).toBe(400);
  });

  it('counts values over the matches, only where the viewer may see the field', async () => {
    const asAlumni = await (await t.request('/api/directory/facets', { cookie: alumni.cookie })).json();
    const count = (facet: { value: string; count: number }[], value: string) =>
      facet.find((f) => f.value === value)?.count ?? 0;
    expect(count(asAlumni.country, 'GB')).toBe(0);
    expect(count(asAlumni.skill, 'Rust')).toBe(0);
    expect(count(asAlumni.country, 'SG')).toBe(1);
    expect(count(asAlumni.industry, 'consulting')).toBe(1);
    expect(count(asAlumni.department, '財務部')).toBe(1);

    const asEmployee = await (await t.request('/api/directory/facets', { cookie: employee.cookie })).json();
    expect(count(asEmployee.country, 'GB')).toBe(1);
    expect(count(asEmployee.skill, 'Rust')).toBe(1);

    const filtered = await (
      await t.request('/api/directory/facets?q=tanaka', { cookie: alumni.cookie })
    ).json();
    expect(count(filtered.country, 'JP')).toBe(1);
    expect(count(filtered.country, 'SG')).toBe(1);
    expect(count(filtered.availability, 'mentoring')).toBeGreaterThanOrEqual(1);
  });
});

describe('consent to be listed (decision 010)', () => {
  const facetsOf = async (cookie: string, query: string) => {
    const res = await t.request(`/api/directory/facets?${query}`, { cookie });
    expect(res.status).toBe(200);
    return res.json();
  };
  const count = (facet: { value: string; count: number }[], value: string) =>
    facet.find((f) => f.value === value)?.count ?? 0;
  const answers = (directory: boolean) => ({
    textVersion: CONSENT_TEXT_VERSION,
    consents: { directory, rehiring: false, business: false, newsletter: false, events: false },
  });

  it('a withdrawn consent takes the member out of search, facets and totals at once; granted again, back', async () => {
    const subject = await signedIn(t, {
      names: { familyName: '鷹取', givenName: '未来', familyNameKana: 'たかとり', givenNameKana: 'みらい' },
      profile: { country: 'NZ', industry: 'energy', skills: ['Geothermal'], departments: ['新エネルギー部'] },
    });
    const q = `q=${encodeURIComponent('鷹取')}`;
    expect(idsOf(await search(alumni.cookie, q))).toEqual([subject.member.id]);
    expect(idsOf(await search(alumni.cookie, 'country=NZ'))).toEqual([subject.member.id]);
    const before = await facetsOf(alumni.cookie, '');
    expect(count(before.country, 'NZ')).toBe(1);
    expect(count(before.skill, 'Geothermal')).toBe(1);
    expect((await facetsOf(alumni.cookie, q)).total).toBe(1);

    const withdraw = await t.request('/api/me/consents', {
      method: 'PUT',
      cookie: subject.cookie,
      json: answers(false),
    });
    expect(withdraw.status).toBe(200);

    for (const viewer of [alumni, employee, hr, subject]) {
      expect(idsOf(await search(viewer.cookie, q))).toEqual([]);
      expect(idsOf(await search(viewer.cookie, 'country=NZ'))).toEqual([]);
      expect(idsOf(await search(viewer.cookie, 'sort=name&pageSize=50'))).not.toContain(subject.member.id);
      const after = await facetsOf(viewer.cookie, '');
      expect(count(after.country, 'NZ')).toBe(0);
      expect(count(after.skill, 'Geothermal')).toBe(0);
      expect(count(after.department, '新エネルギー部')).toBe(0);
      expect((await facetsOf(viewer.cookie, q)).total).toBe(0);
    }
    expect((await facetsOf(alumni.cookie, '')).total).toBe(before.total - 1);

    // HR's member admin still lists everyone.
    expect(idsOf(await search(hr.cookie, `${q}&scope=all`))).toEqual([subject.member.id]);
    expect((await facetsOf(hr.cookie, `${q}&scope=all`)).total).toBe(1);

    await t.request('/api/me/consents', { method: 'PUT', cookie: subject.cookie, json: answers(true) });
    expect(idsOf(await search(alumni.cookie, q))).toEqual([subject.member.id]);
    expect((await facetsOf(alumni.cookie, '')).total).toBe(before.total);
  });

  it('never lists members who have not answered yet (e.g. just invited) or said no', async () => {
    await createTestMember(t, {
      canSignIn: false,
      consents: null,
      names: { familyName: '未回答', givenName: '太郎' },
    });
    await createTestMember(t, {
      canSignIn: false,
      consents: ['rehiring', 'events'],
      names: { familyName: '非掲載', givenName: '花子' },
    });
    expect(idsOf(await search(hr.cookie, `q=${encodeURIComponent('未回答')}`))).toEqual([]);
    expect(idsOf(await search(alumni.cookie, `q=${encodeURIComponent('非掲載')}`))).toEqual([]);
    expect(idsOf(await search(hr.cookie, `q=${encodeURIComponent('非掲載')}&scope=all`))).toHaveLength(1);
  });

  it('scope=all is HR only: 404 for everyone else', async () => {
    for (const viewer of [alumni, employee]) {
      expect((await t.request('/api/directory?scope=all', { cookie: viewer.cookie })).status).toBe(404);
      expect((await t.request('/api/directory/facets?scope=all', { cookie: viewer.cookie })).status).toBe(
        404,
      );
    }
    expect((await t.request('/api/directory?scope=everyone', { cookie: hr.cookie })).status).toBe(400);
  });
});

describe('relevance order in two parts (decision 005, 2026-11-24, later)', () => {
  // Name starts with the word (3), name contains it (2), then matches elsewhere in name order.
  const hb: Record<string, string> = {};
  const q = `q=${encodeURIComponent('ハヤブサ')}`;
  beforeAll(async () => {
    const add = async (key: string, options: Parameters<typeof createTestMember>[1]) => {
      hb[key] = (await createTestMember(t, { canSignIn: false, ...options })).id;
    };
    await add('contains', {
      names: { familyName: '隼', givenName: '太郎', familyNameKana: 'はやぶさ', givenNameKana: 'たろう' },
    });
    await add('starts', {
      names: {
        familyName: 'ハヤブサ',
        givenName: '次郎',
        familyNameKana: 'はやぶさ',
        givenNameKana: 'じろう',
      },
    });
    await add('restYamamoto', {
      names: { familyName: '山本', givenName: '三郎', familyNameKana: 'やまもと', givenNameKana: 'さぶろう' },
      profile: { currentEmployer: 'ハヤブサ運輸', currentTitle: '隼プロジェクト担当' },
    });
    await add('restAoki', {
      names: { familyName: '青木', givenName: '四郎', familyNameKana: 'あおき', givenNameKana: 'しろう' },
      profile: { currentEmployer: 'ハヤブサ運輸' },
    });
    await add('restUeda', {
      names: { familyName: '上田', givenName: '五郎', familyNameKana: 'うえだ', givenNameKana: 'ごろう' },
      profile: { bio: 'ハヤブサの観察が趣味です' },
    });
  });
  const expected = () => [hb.starts, hb.contains, hb.restAoki, hb.restUeda, hb.restYamamoto];

  it('ranks name hits first, then the rest by name, for a 3+-character word', async () => {
    expect(idsOf(await search(alumni.cookie, q))).toEqual(expected());
    expect(idsOf(await search(alumni.cookie, `${q}&sort=name`))).toEqual([
      hb.restAoki,
      hb.starts, // hayabusa jiro
      hb.contains, // hayabusa taro
      hb.restUeda,
      hb.restYamamoto,
    ]);
  });

  it('ranks the same way for a one-character word and for several words', async () => {
    expect(idsOf(await search(alumni.cookie, `q=${encodeURIComponent('隼')}`))).toEqual([
      hb.contains,
      hb.restYamamoto,
    ]);
    expect(idsOf(await search(alumni.cookie, `q=${encodeURIComponent('ハヤブサ aoki')}`))).toEqual([
      hb.restAoki,
    ]);
    // Both words in the name outrank one word in the name.
    expect(idsOf(await search(alumni.cookie, `q=${encodeURIComponent('ハヤブサ じろう')}`))).toEqual([
      hb.starts,
    ]);
    expect(idsOf(await search(alumni.cookie, `q=${encodeURIComponent('運輸 あおき')}`))).toEqual([
      hb.restAoki,
    ]);
  });

  it('pages through the name hits into the rest, and past them, without gaps or repeats', async () => {
    for (const pageSize of [1, 2, 3, 4]) {
      await pagesThrough(pageSize);
    }
    // A page that starts beyond every name hit.
    expect(idsOf(await search(alumni.cookie, `${q}&pageSize=2&page=3`))).toEqual([hb.restYamamoto]);
  });

  it('reads the rest the same way when the word is mostly a name (many name hits)', async () => {
    const before = directorySearchOptions.nameHeavyHits;
    directorySearchOptions.nameHeavyHits = 1;
    try {
      for (const pageSize of [1, 2, 3]) await pagesThrough(pageSize);
      expect(idsOf(await search(alumni.cookie, `${q}&pageSize=2&page=3`))).toEqual([hb.restYamamoto]);
    } finally {
      directorySearchOptions.nameHeavyHits = before;
    }
  });

  async function pagesThrough(pageSize: number) {
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(5 / pageSize) + 1; page++) {
      const body = await search(alumni.cookie, `${q}&pageSize=${pageSize}&page=${page}`);
      expect(body.hasMore, `pageSize ${pageSize} page ${page}`).toBe(page * pageSize < 5);
      seen.push(...idsOf(body));
    }
    expect(seen, `pageSize ${pageSize}`).toEqual(expected());
  }

  it('still hides a match in a field the viewer may not see', async () => {
    await createTestMember(t, {
      canSignIn: false,
      names: { familyName: '石川', givenName: '六郎', familyNameKana: 'いしかわ', givenNameKana: 'ろくろう' },
      profile: { bio: 'ハヤブサ', visibility: { bio: 'admins' } },
    });
    expect(idsOf(await search(alumni.cookie, q))).toEqual(expected());
    expect(idsOf(await search(hr.cookie, q))).toHaveLength(6);
  });
});

describe('facet cache (decision 005, 2026-11-24, later)', () => {
  const defaults = { ...facetCacheOptions };
  afterEach(() => Object.assign(facetCacheOptions, defaults));
  const totalOf = async (cookie: string, query: string) => {
    const res = await t.request(`/api/directory/facets?${query}`, { cookie });
    expect(res.status).toBe(200);
    return (await res.json()).total as number;
  };
  const q = `q=${encodeURIComponent('カワセミ')}`;
  let kingfishers: string[] = [];
  beforeAll(async () => {
    kingfishers = [];
    for (const [familyName, kana] of [
      ['川蝉', 'かわせみ'],
      ['翡翠', 'かわせみ'],
    ] as const) {
      const m = await createTestMember(t, {
        canSignIn: false,
        names: { familyName, givenName: '一', familyNameKana: kana, givenNameKana: 'はじめ' },
      });
      kingfishers.push(m.id);
    }
  });
  const setActive = (id: string, active: boolean) =>
    t.db
      .update(users)
      .set({ status: active ? 'active' : 'deactivated' })
      .where(eq(users.id, id));

  it('facets over few matches are never kept: a change made anywhere shows at once', async () => {
    facetCacheOptions.minTotal = Number.POSITIVE_INFINITY;
    expect(await totalOf(alumni.cookie, q)).toBe(2);
    await setActive(kingfishers[0] as string, false);
    expect(await totalOf(alumni.cookie, q)).toBe(1);
    await setActive(kingfishers[0] as string, true);
    expect(await totalOf(alumni.cookie, q)).toBe(2);
  });

  it('facets over many matches are kept per tier and query; any write through the API drops them', async () => {
    facetCacheOptions.minTotal = 0;
    expect(await totalOf(alumni.cookie, q)).toBe(2);
    // A change behind the API's back (another process, a job) is not seen while the entry is fresh…
    await setActive(kingfishers[0] as string, false);
    expect(await totalOf(alumni.cookie, q)).toBe(2);
    // …but a different query or another tier is computed afresh,
    expect(await totalOf(alumni.cookie, `${q}&role=alumni`)).toBe(1);
    expect(await totalOf(employee.cookie, q)).toBe(1);
    // and a write through this process's API (here: a language change) drops every entry.
    const write = await t.request('/api/me', {
      method: 'PATCH',
      cookie: employee.cookie,
      json: { locale: 'ja' },
    });
    expect(write.status).toBe(200);
    expect(await totalOf(alumni.cookie, q)).toBe(1);
    // A failed write changes nothing and keeps the cache.
    await setActive(kingfishers[0] as string, true);
    const bad = await t.request('/api/me', {
      method: 'PATCH',
      cookie: employee.cookie,
      json: { locale: 'xx' },
    });
    expect(bad.status).toBe(400);
    expect(await totalOf(alumni.cookie, q)).toBe(1);
    invalidateDirectoryCaches();
    expect(await totalOf(alumni.cookie, q)).toBe(2);
  });

  it('an expired entry is served once more while it refreshes in the background', async () => {
    facetCacheOptions.minTotal = 0;
    expect(await totalOf(alumni.cookie, q)).toBe(2);
    facetCacheOptions.ttlMs = 0;
    await setActive(kingfishers[1] as string, false);
    expect(await totalOf(alumni.cookie, q)).toBe(2);
    await vi.waitFor(async () => expect(await totalOf(alumni.cookie, q)).toBe(1), { timeout: 5000 });
    await setActive(kingfishers[1] as string, true);
    invalidateDirectoryCaches();
  });

  it('a change of HR visibility limits is seen by the next search at once', async () => {
    facetCacheOptions.minTotal = 0;
    const country = (body: { country: { value: string; count: number }[] }) =>
      body.country.find((f) => f.value === 'SG')?.count ?? 0;
    const facets = async () => (await t.request('/api/directory/facets', { cookie: alumni.cookie })).json();
    expect(country(await facets())).toBe(1);
    expect(idsOf(await search(alumni.cookie, 'country=SG'))).toEqual([ids.tanakaKatakana]);
    const put = (limit: string) =>
      t.request('/api/settings/profile-visibility', {
        method: 'PUT',
        cookie: hr.cookie,
        json: { country: limit },
      });
    expect((await put('employees')).status).toBe(200);
    expect(country(await facets())).toBe(0);
    expect(idsOf(await search(alumni.cookie, 'country=SG'))).toEqual([]);
    expect((await put('members')).status).toBe(200);
    expect(country(await facets())).toBe(1);
  });
});

describe('names: exact full name first, variant kanji folded (decision 028)', () => {
  let n: TestApp;
  let viewer: Viewer;
  const m: Record<string, string> = {};
  beforeAll(async () => {
    n = await createTestApp();
    const add = async (key: string, options: Parameters<typeof createTestMember>[1]) => {
      m[key] = (await createTestMember(n, { canSignIn: false, ...options })).id;
    };
    await add('kyoko', {
      names: { familyName: '田中', givenName: '京子', familyNameKana: 'たなか', givenNameKana: 'きょうこ' },
    });
    await add('yoko', {
      names: { familyName: '田中', givenName: '陽子', familyNameKana: 'たなか', givenNameKana: 'ようこ' },
    });
    await add('takahashi', {
      names: { familyName: '髙橋', givenName: '健', familyNameKana: 'たかはし', givenNameKana: 'けん' },
    });
    await add('yamasaki', {
      names: { familyName: '山﨑', givenName: '翔', familyNameKana: 'やまさき', givenNameKana: 'しょう' },
    });
    await add('watanabe', {
      names: { familyName: '渡邊', givenName: '誠', familyNameKana: 'わたなべ', givenNameKana: 'まこと' },
    });
    viewer = await signedIn(n, {
      role: 'alumni',
      names: { familyName: 'Viewer', givenName: 'Names' },
      profile: {},
    });
  });
  afterAll(() => n.close());
  const find = async (q: string) => {
    const res = await n.request(`/api/directory?q=${encodeURIComponent(q)}`, { cookie: viewer.cookie });
    expect(res.status).toBe(200);
    return (await res.json()) as { items: { id: string; familyName: string }[] };
  };

  it('ranks the exact full name first, in any script, either order, with or without a space', async () => {
    for (const q of [
      'Tanaka Yoko',
      'Yoko Tanaka',
      'tanakayoko',
      'TanakaYouko',
      '田中 陽子',
      '田中陽子',
      '陽子 田中',
      'たなか ようこ',
      'タナカヨウコ',
      'ﾀﾅｶ ﾖｳｺ',
    ]) {
      const found = idsOf(await find(q));
      expect(found[0], q).toBe(m.yoko);
      // Two romaji words also match 京子 ("yoko" is in "kyoko"): she comes second.
      expect(found, q).toEqual(/^[a-z]+ [a-z]+$/i.test(q) ? [m.yoko, m.kyoko] : [m.yoko]);
    }
    // The rest keep today's order: both contain "tanaka" and "ko", and 京子 sorts first by name.
    expect(idsOf(await find('tanaka ko'))).toEqual([m.kyoko, m.yoko]);
    expect(idsOf(await find('Tanaka Kyoko'))).toEqual([m.kyoko]);
  });

  it('finds 髙橋, 山﨑 and 渡邊 from 高橋, 山崎 and 渡辺 (and the other way round), showing the stored spelling', async () => {
    for (const [q, key, stored] of [
      ['高橋', 'takahashi', '髙橋'],
      ['髙橋', 'takahashi', '髙橋'],
      ['高橋健', 'takahashi', '髙橋'],
      ['山崎', 'yamasaki', '山﨑'],
      ['山', 'yamasaki', '山﨑'],
      ['渡辺', 'watanabe', '渡邊'],
      ['渡邉 誠', 'watanabe', '渡邊'],
    ] as const) {
      const body = await find(q);
      expect(idsOf(body), q).toEqual([m[key]]);
      expect(body.items[0]?.familyName).toBe(stored);
    }
  });
});
