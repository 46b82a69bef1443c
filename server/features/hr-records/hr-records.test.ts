import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations } from '#server/db/schema/index';
import { createHrRecord } from '#tests/factories/hr-records';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
let t: TestApp;
let hr: { cookie: string };
beforeAll(async () => {
  t = await createTestApp();
  hr = await signedIn(t, { role: 'admin' });
});
afterAll(() => t.close());

describe('GET /api/hr-records', () => {
  it('401 signed out, 404 for members who are not HR', async () => {
    expect((await t.request('/api/hr-records')).status).toBe(401);
    for (const role of ['alumni', 'employee', 'leaver'] as const) {
      const other = await signedIn(t, { role });
      expect((await t.request('/api/hr-records', { cookie: other.cookie })).status).toBe(404);
    }
  });

  it('400 with per-field messages for a bad filter', async () => {
    const res = await t.request('/api/hr-records?leftFrom=yesterday&status=gone&salary=1', {
      cookie: hr.cookie,
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.fields.leftFrom).toEqual(['Use a date such as 2024-04-01.']);
    expect(error.fields.status[0]).toContain('not_invited');
    expect(error.fields.salary).toBeDefined();
  });

  it('pages by employee number with the invitation status of each record', async () => {
    const tag = randomUUID().slice(0, 6).toUpperCase();
    const member = await createTestMember(t, { role: 'alumni' });
    const records = [];
    for (let i = 0; i < 5; i++) {
      records.push(
        await createHrRecord(t, {
          employeeNumber: `L${tag}-${i}`,
          departments: [`監査部${tag}`],
          familyName: '石川',
          userId: i === 0 ? member.id : null,
        }),
      );
    }
    const invited = records[1];
    const failed = records[2];
    for (const [record, deliveryStatus] of [
      [invited, 'sent'],
      [failed, 'bounced'],
    ] as const) {
      await t.db.insert(invitations).values({
        id: randomUUID(),
        email: `${record?.employeeNumber}@mail.example`,
        role: 'alumni',
        locale: 'ja',
        names: { familyName: '石川', givenName: '花子' },
        tokenHash: randomUUID(),
        expiresAt: new Date('2027-01-01T00:00:00Z'),
        hrRecordId: record?.id,
        deliveryStatus,
      });
    }
    const first = await (
      await t.request(`/api/hr-records?department=${encodeURIComponent(`監査部${tag}`)}`, {
        cookie: hr.cookie,
      })
    ).json();
    expect(
      first.items.map((r: { employeeNumber: string; status: string }) => [r.employeeNumber, r.status]),
    ).toEqual([
      [`L${tag}-0`, 'member'],
      [`L${tag}-1`, 'invited'],
      [`L${tag}-2`, 'failed'],
      [`L${tag}-3`, 'not_invited'],
      [`L${tag}-4`, 'not_invited'],
    ]);
    expect(first.items[0]).toMatchObject({
      displayName: '石川 花子',
      userId: member.id,
      departments: [`監査部${tag}`],
    });
    const exact = await (await t.request(`/api/hr-records?q=L${tag}-3`, { cookie: hr.cookie })).json();
    expect(exact.items.map((r: { employeeNumber: string }) => r.employeeNumber)).toEqual([`L${tag}-3`]);
    expect(first.nextCursor).toBeNull();

    const onlyNew = await (
      await t.request(`/api/hr-records?department=${encodeURIComponent(`監査部${tag}`)}&status=not_invited`, {
        cookie: hr.cookie,
      })
    ).json();
    expect(onlyNew.items.map((r: { employeeNumber: string }) => r.employeeNumber)).toEqual([
      `L${tag}-3`,
      `L${tag}-4`,
    ]);
  });

  it('follows the cursor to the next page without repeats', async () => {
    const tag = randomUUID().slice(0, 6).toUpperCase();
    for (let i = 0; i < 60; i++) {
      await createHrRecord(t, {
        employeeNumber: `P${tag}-${String(i).padStart(2, '0')}`,
        departments: [`部${tag}`],
      });
    }
    const dept = encodeURIComponent(`部${tag}`);
    const page1 = await (await t.request(`/api/hr-records?department=${dept}`, { cookie: hr.cookie })).json();
    expect(page1.items).toHaveLength(50);
    expect(page1.nextCursor).toBe(`P${tag}-49`);
    const page2 = await (
      await t.request(`/api/hr-records?department=${dept}&cursor=${encodeURIComponent(page1.nextCursor)}`, {
        cookie: hr.cookie,
      })
    ).json();
    expect(page2.items.map((r: { employeeNumber: string }) => r.employeeNumber)).toEqual(
      Array.from({ length: 10 }, (_, i) => `P${tag}-${50 + i}`),
    );
    expect(page2.nextCursor).toBeNull();
  });
});
