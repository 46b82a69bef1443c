import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_TEXT_VERSION } from '#common/consents';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/members/:id', () => {
  it('401 when signed out', async () => {
    const other = await createTestMember(t);
    expect((await t.request(`/api/members/${other.id}`)).status).toBe(401);
  });

  it('400 for a malformed id, 404 for an unknown one', async () => {
    const { cookie } = await signedIn(t);
    expect((await t.request(`/api/members/${'x'.repeat(65)}`, { cookie })).status).toBe(400);
    const res = await t.request('/api/members/does-not-exist', {
      cookie,
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
  });

  it('400, not 500, for text the database cannot store (a NUL character); nothing is saved', async () => {
    const { cookie, member } = await signedIn(t);
    const res = await t.request(`/api/members/${member.id}`, {
      method: 'PATCH',
      cookie,
      headers: { 'accept-language': 'en' },
      json: { bio: 'before\u0000after' },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/cannot be saved/);
    const after = await (await t.request(`/api/members/${member.id}`, { cookie })).json();
    expect(String(after.bio ?? '')).not.toContain('after');
  });

  it('shows names always and drops fields the viewer may not see (absent, not blank)', async () => {
    const subject = await createTestMember(t, {
      role: 'alumni',
      profile: {
        currentEmployer: 'Initech',
        bio: 'Hidden from alumni',
        employeeNumber: 'E123456',
        visibility: { bio: 'employees', currentEmployer: 'members' },
      },
    });
    const alumni = await signedIn(t, { role: 'alumni' });
    const employee = await signedIn(t, { role: 'employee' });
    const hr = await signedIn(t, { role: 'alumni_manager' });

    const asAlumni = await (await t.request(`/api/members/${subject.id}`, { cookie: alumni.cookie })).json();
    expect(asAlumni.familyName).toBe(subject.names.familyName);
    expect(asAlumni.currentEmployer).toBe('Initech');
    expect(asAlumni).not.toHaveProperty('bio');
    expect(asAlumni).not.toHaveProperty('email');
    expect(asAlumni).not.toHaveProperty('employeeNumber');
    expect(asAlumni).not.toHaveProperty('visibility');
    expect(asAlumni.canEdit).toBe(false);

    const asEmployee = await (
      await t.request(`/api/members/${subject.id}`, { cookie: employee.cookie })
    ).json();
    expect(asEmployee.bio).toBe('Hidden from alumni');
    expect(asEmployee).not.toHaveProperty('employeeNumber');

    const asHr = await (await t.request(`/api/members/${subject.id}`, { cookie: hr.cookie })).json();
    expect(asHr.employeeNumber).toBe('E123456');
    expect(asHr.email).toBe(subject.email);
    expect(asHr.visibility.bio).toBe('employees');
    expect(asHr.canEdit).toBe(true);
  });

  it('a member sees all of their own fields', async () => {
    const me = await signedIn(t, { profile: { bio: 'mine', visibility: { bio: 'admins' } } });
    const body = await (await t.request(`/api/members/${me.member.id}`, { cookie: me.cookie })).json();
    expect(body.bio).toBe('mine');
    expect(body.email).toBe(me.member.email);
    expect(body.visibility.bio).toBe('admins');
    expect(body.canEdit).toBe(true);
  });
});

describe('PATCH /api/members/:id', () => {
  it('401 when signed out', async () => {
    const other = await createTestMember(t);
    const res = await t.request(`/api/members/${other.id}`, { method: 'PATCH', json: { bio: 'x' } });
    expect(res.status).toBe(401);
  });

  it('400 with per-field messages in the requester language, and nothing saved', async () => {
    const me = await signedIn(t);
    const bad = {
      familyNameKana: 'Tanaka',
      country: 'japan',
      leftOn: '2020-01-01',
      joinedOn: '2021-01-01',
      links: [{ label: 'x', url: 'javascript:alert(1)' }],
      skills: ['a'.repeat(51)],
      unknownField: 1,
    };
    const en = await t.request(`/api/members/${me.member.id}`, {
      method: 'PATCH',
      cookie: me.cookie,
      json: bad,
      headers: { 'accept-language': 'en' },
    });
    expect(en.status).toBe(400);
    const body = await en.json();
    expect(body.error.code).toBe('bad_request');
    expect(body.error.fields.familyNameKana).toEqual(['Use hiragana or katakana only.']);
    expect(body.error.fields.country).toEqual(['Use a two-letter country code such as JP.']);
    expect(body.error.fields['links.0.url']).toEqual(['Use a web address starting with https://']);
    expect(body.error.fields['skills.0']).toEqual(['Must be at most 50 characters.']);
    expect(body.error.fields.unknownField).toBeDefined();

    const ja = await t.request(`/api/members/${me.member.id}`, {
      method: 'PATCH',
      cookie: me.cookie,
      json: { joinedOn: '2021-01-01', leftOn: '2020-01-01', skills: ['x'.repeat(51)] },
      headers: { 'accept-language': 'ja' },
    });
    const jaFields = (await ja.json()).error.fields;
    expect(jaFields.leftOn).toEqual(['退職日は入社日より後にしてください。']);
    expect(jaFields['skills.0']).toEqual(['50文字以内で入力してください。']);

    const after = await (await t.request(`/api/members/${me.member.id}`, { cookie: me.cookie })).json();
    expect(after.country).toBe(me.member.profile?.country);
  });

  it("404 when editing someone else's profile (not 403)", async () => {
    const me = await signedIn(t, { role: 'employee' });
    const other = await createTestMember(t);
    const res = await t.request(`/api/members/${other.id}`, {
      method: 'PATCH',
      cookie: me.cookie,
      json: { bio: 'x' },
    });
    expect(res.status).toBe(404);
  });

  it('saves an edit, re-derives romaji from kana and keeps the search index current', async () => {
    const me = await signedIn(t);
    const res = await t.request(`/api/members/${me.member.id}`, {
      method: 'PATCH',
      cookie: me.cookie,
      json: {
        familyName: '渡辺',
        familyNameKana: 'わたなべ',
        bio: '海外で事業開発をしています',
        skills: ['事業開発', 'Go'],
        mentoring: true,
        visibility: { bio: 'employees' },
      },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.familyName).toBe('渡辺');
    expect(body.familyNameRomaji).toBe('Watanabe');
    // Skills are stored as vocabulary keys (decision 041): 事業開発 is Business Development.
    expect(body.skills).toEqual(['Business Development', 'Go']);
    expect(body.visibility.bio).toBe('employees');

    const found = await (await t.request('/api/directory?q=watanabe', { cookie: me.cookie })).json();
    expect(found.items.map((m: { id: string }) => m.id)).toContain(me.member.id);
  });

  it('keeps romaji the member typed across unrelated edits, re-derives it when the reading changes', async () => {
    const me = await signedIn(t);
    const patch = async (json: Record<string, unknown>) =>
      (await t.request(`/api/members/${me.member.id}`, { method: 'PATCH', cookie: me.cookie, json })).json();
    expect((await patch({ familyNameRomaji: 'Tanaka-X' })).familyNameRomaji).toBe('Tanaka-X');
    expect((await patch({ bio: 'unrelated' })).familyNameRomaji).toBe('Tanaka-X');
    expect((await patch({ familyName: '大野', familyNameKana: 'おおの' })).familyNameRomaji).toBe('Ono');
    expect((await patch({ familyNameRomaji: null })).familyNameRomaji).toBe('Ono');
  });

  it('members cannot change HR-record fields; HR can', async () => {
    const me = await signedIn(t);
    const res = await t.request(`/api/members/${me.member.id}`, {
      method: 'PATCH',
      cookie: me.cookie,
      json: { employeeNumber: 'E999999', joinedOn: '1999-04-01' },
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.fields.employeeNumber).toEqual(['Only HR can change this field.']);
    expect(error.fields.joinedOn).toEqual(['Only HR can change this field.']);

    const hr = await signedIn(t, { role: 'alumni_manager' });
    const ok = await t.request(`/api/members/${me.member.id}`, {
      method: 'PATCH',
      cookie: hr.cookie,
      json: { employeeNumber: 'E999999', joinedOn: '1999-04-01' },
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).employeeNumber).toBe('E999999');
  });

  it('409 when HR gives a second member the same employee number', async () => {
    const hr = await signedIn(t, { role: 'admin' });
    const a = await createTestMember(t);
    const b = await createTestMember(t);
    const patch = (id: string) =>
      t.request(`/api/members/${id}`, {
        method: 'PATCH',
        cookie: hr.cookie,
        json: { employeeNumber: 'E-DUP-1' },
      });
    expect((await patch(a.id)).status).toBe(200);
    expect((await patch(b.id)).status).toBe(409);
  });

  it('a visibility beyond the limit HR set is rejected', async () => {
    const hr = await signedIn(t, { role: 'alumni_manager' });
    const put = await t.request('/api/settings/profile-visibility', {
      method: 'PUT',
      cookie: hr.cookie,
      json: { location: 'employees' },
    });
    expect(put.status).toBe(200);
    expect((await put.json()).location).toBe('employees');

    const me = await signedIn(t);
    const res = await t.request(`/api/members/${me.member.id}`, {
      method: 'PATCH',
      cookie: me.cookie,
      json: { visibility: { location: 'members' } },
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields['visibility.location']).toEqual([
      'HR does not allow this field to be shown this widely.',
    ]);
    await t.request('/api/settings/profile-visibility', {
      method: 'PUT',
      cookie: hr.cookie,
      json: { location: 'members' },
    });
  });
});

describe('PUT /api/settings/profile-visibility', () => {
  it('401 signed out, 404 for non-HR, 400 for an unknown level', async () => {
    expect((await t.request('/api/settings/profile-visibility', { method: 'PUT', json: {} })).status).toBe(
      401,
    );
    const alumni = await signedIn(t);
    const res = await t.request('/api/settings/profile-visibility', {
      method: 'PUT',
      cookie: alumni.cookie,
      json: { bio: 'admins' },
    });
    expect(res.status).toBe(404);
    const hr = await signedIn(t, { role: 'admin' });
    const bad = await t.request('/api/settings/profile-visibility', {
      method: 'PUT',
      cookie: hr.cookie,
      json: { bio: 'everyone' },
    });
    expect(bad.status).toBe(400);
  });
});

describe('profile of a member not listed in the directory (decision 010)', () => {
  it('is 404 to other members, but HR, admins and the member themself see it', async () => {
    const unlisted = await signedIn(t, { consents: ['rehiring', 'events'] });
    const never = await createTestMember(t, { consents: null });
    const path = `/api/members/${unlisted.member.id}`;
    for (const role of ['alumni', 'employee', 'leaver'] as const) {
      const other = await signedIn(t, { role });
      expect((await t.request(path, { cookie: other.cookie })).status, role).toBe(404);
      expect((await t.request(`/api/members/${never.id}`, { cookie: other.cookie })).status, role).toBe(404);
      const edit = await t.request(path, { method: 'PATCH', cookie: other.cookie, json: { bio: 'x' } });
      expect(edit.status, role).toBe(404);
    }
    for (const role of ['alumni_manager', 'admin'] as const) {
      const staff = await signedIn(t, { role });
      const res = await t.request(path, { cookie: staff.cookie });
      expect(res.status, role).toBe(200);
      expect((await res.json()).id).toBe(unlisted.member.id);
    }
    expect((await t.request(path, { cookie: unlisted.cookie })).status).toBe(200);
    const own = await t.request(path, {
      method: 'PATCH',
      cookie: unlisted.cookie,
      json: { bio: 'Still me' },
    });
    expect(own.status).toBe(200);
    expect((await own.json()).bio).toBe('Still me');
  });

  it('becomes visible to others the moment the member opts in', async () => {
    const subject = await signedIn(t, { consents: [] });
    const other = await signedIn(t);
    const path = `/api/members/${subject.member.id}`;
    expect((await t.request(path, { cookie: other.cookie })).status).toBe(404);
    const res = await t.request('/api/me/consents', {
      method: 'PUT',
      cookie: subject.cookie,
      json: {
        textVersion: CONSENT_TEXT_VERSION,
        consents: { directory: true, rehiring: false, business: false, newsletter: false, events: false },
      },
    });
    expect(res.status).toBe(200);
    expect((await t.request(path, { cookie: other.cookie })).status).toBe(200);
  });
});
