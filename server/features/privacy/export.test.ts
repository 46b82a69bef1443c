import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '#server/db/schema/index';
import { createTestMember, signedIn } from '#tests/factories/index';
import { DISTINCT, seedDistinctMember } from '#tests/factories/privacy';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { personalTables, tableName } from './personal-data';

failOnConsoleError();
let t: TestApp;
let subject: Awaited<ReturnType<typeof seedDistinctMember>>;
beforeAll(async () => {
  t = await createTestApp();
  subject = await seedDistinctMember(t);
});
afterAll(() => t.close());

async function download(cookie: string | undefined, language = 'ja') {
  return t.request('/api/me/export', { method: 'POST', cookie, headers: { 'accept-language': language } });
}

describe('POST /api/me/export', () => {
  it('401 when signed out', async () => {
    expect((await download(undefined)).status).toBe(401);
  });

  it('refuses a cross-site request (CSRF)', async () => {
    const res = await t.request('/api/me/export', {
      method: 'POST',
      cookie: subject.cookie,
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(403);
  });

  it('a zip with everything about the member: JSON, one CSV per table, README', async () => {
    const res = await download(subject.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="kizuna-my-data-2026-11-24\.zip"$/,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const names = Object.keys(files).sort();
    expect(names).toContain('my-data.json');
    expect(names).toContain('README.txt');
    for (const entry of personalTables()) expect(names).toContain(`csv/${tableName(entry.table)}.csv`);

    const data = JSON.parse(strFromU8(files['my-data.json'] as Uint8Array));
    expect(data.memberId).toBe(subject.member.id);
    expect(data.tables.users[0]).toMatchObject({ email: DISTINCT.email, name: '鷲ノ宮 霞子' });
    expect(data.tables.profiles[0]).toMatchObject({
      bio: DISTINCT.bio,
      skills: [...DISTINCT.skills],
      employeeNumber: DISTINCT.employeeNumber,
    });
    expect(data.tables.hr_records[0]).toMatchObject({
      personalEmail: DISTINCT.personalEmail,
      leaveReason: 'career_change',
    });
    // Our two answers (other features may record more, e.g. defaults at creation).
    expect(data.tables.consent_events.length).toBeGreaterThanOrEqual(2);
    expect(data.tables.mail_messages).toHaveLength(2);
    expect(data.tables.verification_requests[0]).toMatchObject({ message: DISTINCT.joinMessage });
    expect(data.tables.sessions[0]).toMatchObject({ userAgent: DISTINCT.userAgent });
    expect(data.tables.hr_import_errors[0]).toMatchObject({ employeeNumber: DISTINCT.employeeNumber });

    // Secrets and derived search columns never leave.
    const json = strFromU8(files['my-data.json'] as Uint8Array);
    for (const secret of ['password', 'token', 'tokenHash', 'searchAdmins', 'gramsMembers', 'rowHash']) {
      expect(json).not.toContain(`"${secret}"`);
    }
    expect(json).not.toContain(DISTINCT.verificationSecret);
    // Only their own data: not the HR member who invited them, nor anyone else.
    expect(json).not.toContain(subject.hr.email);

    const csvBytes = files['csv/profiles.csv'] as Uint8Array;
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, for Excel
    const csv = strFromU8(csvBytes);
    expect(csv).toContain('姓（かな）');
    expect(csv).toContain('量子折り紙; Origamiquant');
    const readme = strFromU8(files['README.txt'] as Uint8Array);
    expect(readme).toContain('あなたのデータ');
    expect(readme).toContain('your data');
    expect(readme).toContain('csv/hr_records.csv');

    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'member.exported'), eq(auditEvents.actorId, subject.member.id)));
    expect(audit?.data).toEqual({});
  });

  it('CSV cells that a spreadsheet would run as formulas are neutralised', async () => {
    const member = await signedIn(t, { role: 'alumni' });
    const cells = { bio: '=1+2', currentEmployer: '+1 Corp', currentTitle: '-1+1', location: '@SUM(A1)' };
    const res = await t.request(`/api/members/${member.member.id}`, {
      method: 'PATCH',
      cookie: member.cookie,
      json: cells,
    });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await (await download(member.cookie)).arrayBuffer()));
    const row =
      strFromU8(files['csv/profiles.csv'] as Uint8Array)
        .split('\r\n')[1]
        ?.split(',') ?? [];
    for (const value of Object.values(cells)) {
      expect(row).toContain(`'${value}`);
      expect(row).not.toContain(value);
    }
  });

  it('CSV headers follow the requested language', async () => {
    const res = await download(subject.cookie, 'en');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(strFromU8(files['csv/profiles.csv'] as Uint8Array)).toContain('Family name (kana)');
  });

  it('another member gets only their own data', async () => {
    const other = await signedIn(t);
    const files = unzipSync(new Uint8Array(await (await download(other.cookie)).arrayBuffer()));
    const json = strFromU8(files['my-data.json'] as Uint8Array);
    expect(json).toContain(other.member.email);
    expect(json).not.toContain(DISTINCT.email);
    expect(json).not.toContain(subject.member.id);
  });
});

describe('GET /api/me/data', () => {
  it('401 when signed out', async () => {
    expect((await t.request('/api/me/data')).status).toBe(401);
  });

  it('counts what we hold per category, for the viewer only', async () => {
    const res = await t.request('/api/me/data', { cookie: subject.cookie });
    expect(res.status).toBe(200);
    const body = await res.json();
    const count = (c: string) => body.categories.find((x: { category: string }) => x.category === c)?.rows;
    expect(count('profile')).toBe(1);
    expect(count('consents')).toBeGreaterThanOrEqual(2);
    expect(count('mail')).toBe(2);
    expect(count('hr')).toBe(2);
    expect(count('verification')).toBe(1);
    expect(count('invitations')).toBe(1);
    expect(body.keepContent).toBe(false);

    const fresh = await createTestMember(t);
    const other = await signedIn(t);
    const mine = await (await t.request('/api/me/data', { cookie: other.cookie })).json();
    expect(mine.categories.find((x: { category: string }) => x.category === 'hr').rows).toBe(0);
    expect(fresh.id).not.toBe(other.member.id);
  });
});
