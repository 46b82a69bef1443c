import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hrRecords, invitations, orgSettings, profiles } from '#server/db/schema/index';
import { createHrRecord } from '#tests/factories/hr-records';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

/** Employee numbers compare case- and width-insensitively everywhere (decision 028). */
failOnConsoleError();
let t: TestApp;
let hr: { cookie: string };
beforeAll(async () => {
  t = await createTestApp({ env: { DATA_DIR: `/tmp/kizuna-test-numbers-${process.pid}` } });
  hr = await signedIn(t, { role: 'alumni_manager' });
});
afterAll(async () => {
  await t.close();
  const { rm } = await import('node:fs/promises');
  await rm(t.env.DATA_DIR, { recursive: true, force: true });
});

/** ASCII letters and digits as their full-width forms: d1 → ｄ１. */
const fullWidth = (s: string) =>
  s.replace(/[0-9A-Za-z]/g, (c) => String.fromCodePoint((c.codePointAt(0) as number) + 0xfee0));

async function importCsv(text: string) {
  const qs = new URLSearchParams({ fileName: 'hr.csv' });
  const res = await t.request(`/api/hr-imports?${qs}`, {
    method: 'POST',
    cookie: hr.cookie,
    body: text,
    headers: { 'content-type': 'text/csv' },
  });
  expect(res.status).toBe(201);
  const created = await res.json();
  const mapped = await t.request(`/api/hr-imports/${created.id}/mapping`, {
    method: 'PUT',
    cookie: hr.cookie,
    json: { mapping: created.suggestedMapping },
  });
  expect(mapped.status).toBe(200);
  const started = await t.request(`/api/hr-imports/${created.id}/start`, {
    method: 'POST',
    cookie: hr.cookie,
  });
  expect(started.status).toBe(202);
  await t.queue.drain({ names: ['hr-import.run'] });
  return (await t.request(`/api/hr-imports/${created.id}`, { cookie: hr.cookie })).json();
}

describe('employee numbers are one however typed (decision 028)', () => {
  it('an import stores them upper-case half-width; d…, D… and Ｄ… update the same record', async () => {
    const n = `d${randomUUID().slice(0, 6)}`;
    const header = '社員番号,姓,名,退職日';
    const first = await importCsv(`${header}\n${n},山田,太郎,2024-03-31\n`);
    expect(first).toMatchObject({ rowsCreated: 1, rowsRejected: 0 });
    const again = await importCsv(`${header}\n${fullWidth(n.toUpperCase())},山田,次郎,2024-03-31\n`);
    expect(again).toMatchObject({ rowsCreated: 0, rowsUpdated: 1 });
    const stored = await t.db
      .select({ employeeNumber: hrRecords.employeeNumber, givenName: hrRecords.givenName })
      .from(hrRecords)
      .where(sql`upper(${hrRecords.employeeNumber}) = ${n.toUpperCase()}`);
    expect(stored).toEqual([{ employeeNumber: n.toUpperCase(), givenName: '次郎' }]);
  });

  it('two rows of one file that differ only in case are a duplicate in the file', async () => {
    const n = `x${randomUUID().slice(0, 6)}`;
    const done = await importCsv(`社員番号,姓,名\n${n},山田,一\n${n.toUpperCase()},山田,二\n`);
    expect(done).toMatchObject({ rowsCreated: 1, rowsRejected: 1 });
  });

  it('the HR records list finds a record by its number typed in any case or width', async () => {
    const record = await createHrRecord(t, { employeeNumber: `Q${randomUUID().slice(0, 6).toUpperCase()}` });
    for (const q of [record.employeeNumber.toLowerCase(), fullWidth(record.employeeNumber.toLowerCase())]) {
      const res = await t.request(`/api/hr-records?q=${encodeURIComponent(q)}`, { cookie: hr.cookie });
      expect(res.status).toBe(200);
      expect((await res.json()).items.map((r: { id: string }) => r.id)).toEqual([record.id]);
    }
  });

  it('HR setting a profile number stores it normalised; the same number in another case is taken (409)', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    const a = await createTestMember(t);
    const b = await createTestMember(t);
    const number = `k-${randomUUID().slice(0, 6)}`;
    const patch = (id: string, employeeNumber: string) =>
      t.request(`/api/members/${id}`, { method: 'PATCH', cookie: admin.cookie, json: { employeeNumber } });
    const ok = await patch(a.id, number);
    expect(ok.status).toBe(200);
    expect((await ok.json()).employeeNumber).toBe(number.toUpperCase());
    expect((await patch(b.id, fullWidth(number.toUpperCase()))).status).toBe(409);
  });
});

describe('migration 0010 on rows stored before (decision 028)', () => {
  it('normalises, merges HR records deterministically, clears a duplicate profile number, and reports both', async () => {
    // The state before the migration: no folded index yet, numbers as they were typed.
    await t.db.execute(sql`drop index hr_records_employee_number_folded`);
    await t.db.execute(sql`drop index profiles_employee_number_folded`);
    const tag = randomUUID().slice(0, 6).toUpperCase();
    const member = await createTestMember(t);
    const other = await createTestMember(t);
    const linked = await createHrRecord(t, { employeeNumber: `M${tag}`, userId: member.id });
    const newer = await createHrRecord(t, { employeeNumber: `TMP${tag}` });
    await t.db
      .update(hrRecords)
      .set({ employeeNumber: `m${tag}`, updatedAt: new Date('2030-01-01T00:00:00Z') })
      .where(eq(hrRecords.id, newer.id));
    const loneLower = await createHrRecord(t, { employeeNumber: `N${tag}` });
    await t.db
      .update(hrRecords)
      .set({ employeeNumber: ` ｎ${tag} ` })
      .where(eq(hrRecords.id, loneLower.id));
    const invitationId = randomUUID();
    await t.db.insert(invitations).values({
      id: invitationId,
      email: `${tag}@mail.example`,
      role: 'alumni',
      locale: 'ja',
      names: { familyName: '佐藤', givenName: '花子' },
      tokenHash: randomUUID(),
      expiresAt: new Date('2031-01-01T00:00:00Z'),
      hrRecordId: newer.id,
    });
    await t.db
      .update(profiles)
      .set({ employeeNumber: `M${tag}` })
      .where(eq(profiles.userId, other.id));
    await t.db
      .update(profiles)
      .set({ employeeNumber: `m${tag}` })
      .where(eq(profiles.userId, member.id));

    const file = new URL('../../db/migrations/0010_employee_number_folding.sql', import.meta.url);
    const statements = (await readFile(file, 'utf8')).split('--> statement-breakpoint');
    await t.db.transaction(async (tx) => {
      for (const statement of statements) await tx.execute(sql.raw(statement));
    });

    const records = await t.db
      .select({ id: hrRecords.id, employeeNumber: hrRecords.employeeNumber, userId: hrRecords.userId })
      .from(hrRecords)
      .where(inArray(hrRecords.id, [linked.id, newer.id, loneLower.id]));
    // The record linked to a member wins over the one updated last; the lone one is normalised.
    expect(records.sort((x, y) => x.employeeNumber.localeCompare(y.employeeNumber))).toEqual([
      { id: linked.id, employeeNumber: `M${tag}`, userId: member.id },
      { id: loneLower.id, employeeNumber: `N${tag}`, userId: null },
    ]);
    const [invitation] = await t.db
      .select({ hrRecordId: invitations.hrRecordId })
      .from(invitations)
      .where(eq(invitations.id, invitationId));
    expect(invitation?.hrRecordId).toBe(linked.id);
    // The member the HR record is linked to keeps the number (normalised); the other loses it.
    const numbers = await t.db
      .select({ userId: profiles.userId, employeeNumber: profiles.employeeNumber })
      .from(profiles)
      .where(inArray(profiles.userId, [member.id, other.id]));
    expect(Object.fromEntries(numbers.map((p) => [p.userId, p.employeeNumber]))).toEqual({
      [member.id]: `M${tag}`,
      [other.id]: null,
    });
    const [report] = await t.db
      .select({ value: orgSettings.value })
      .from(orgSettings)
      .where(eq(orgSettings.key, 'migration.employeeNumberConflicts'));
    expect(report?.value).toEqual(
      expect.arrayContaining([
        { table: 'hr_records', id: newer.id, keptId: linked.id, action: 'merged' },
        { table: 'profiles', id: other.id, keptId: member.id, action: 'cleared' },
      ]),
    );
    // From now on the database itself refuses a second spelling of a number.
    await expect(
      t.db
        .update(hrRecords)
        .set({ employeeNumber: `n${tag}` })
        .where(eq(hrRecords.id, linked.id)),
    ).rejects.toThrow();
  });
});
