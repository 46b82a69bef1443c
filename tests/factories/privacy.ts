import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { kanaToRomaji } from '#common/names';
import { normalizeForSearch } from '#common/search-text';
import { queryRows } from '#server/db/client';
import {
  auditEvents,
  consentEvents,
  hrImportErrors,
  hrImports,
  invitations,
  profiles,
  verificationRequests,
  verifications,
} from '#server/db/schema/index';
import { RETENTION_SWEEP } from '#server/features/privacy/retention.service';

import { dispatchMail, queueMail } from '#server/lib/outbox';
import type { TestApp } from '#tests/setup';
import { createHrRecord } from './hr-records';
import { createTestMember, TEST_PASSWORD } from './index';

/**
 * Test support for the privacy feature: a member with a distinctive value in every personal
 * column of every table, and a dump of every row of every table in every schema.
 */
export const DISTINCT = {
  familyName: '鷲ノ宮',
  givenName: '霞子',
  familyNameKana: 'わしのみや',
  givenNameKana: 'かすみこ',
  familyNameRomaji: 'Washinomiya',
  givenNameRomaji: 'Kasumiko',
  email: 'kasumiko.washinomiya.q7@example.org',
  workEmail: 'K.Washinomiya.Q7@corp.example',
  personalEmail: 'kasumi.q7@mail.example',
  employeeNumber: 'QZ-770931',
  bio: 'Quantum origami researcher: 量子折り紙の研究をしています',
  skills: ['量子折り紙', 'Origamiquant'],
  currentEmployer: 'Zephyrine Labs',
  currentTitle: 'Chief Folding Officer',
  lastTitle: '折紙課長',
  office: '函館分室',
  department: '量子折紙部',
  location: 'Hakodate Harbourside',
  link: 'https://washinomiya-q7.example.com',
  userAgent: 'WashinomiyaBrowser/7.7',
  joinMessage: 'Please let me rejoin, Zephyrine origami',
  decisionNote: 'Verified by phone with Kasumiko',
  verificationSecret: 'q7-verification-secret-value',
} as const;

/** Every form in which a value may be stored: as typed, lower-cased, normalised, romanised. */
export function forbiddenForms(values: string[]): string[] {
  const forms = new Set<string>();
  for (const v of values) {
    forms.add(v.toLowerCase());
    forms.add(normalizeForSearch(v));
    if (/^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u.test(v)) forms.add(kanaToRomaji(v).toLowerCase());
  }
  return [...forms].filter((f) => f.length >= 3);
}

/** Builds the member through the real sign-in and the same writes features do. */
export async function seedDistinctMember(t: TestApp) {
  const d = DISTINCT;
  const member = await createTestMember(t, {
    role: 'alumni',
    email: d.email,
    locale: 'en',
    names: {
      familyName: d.familyName,
      givenName: d.givenName,
      familyNameKana: d.familyNameKana,
      givenNameKana: d.givenNameKana,
      familyNameRomaji: d.familyNameRomaji,
      givenNameRomaji: d.givenNameRomaji,
    },
    profile: {
      employeeNumber: d.employeeNumber,
      joinedOn: '2011-04-01',
      leftOn: '2020-03-31',
      departments: [d.department],
      lastTitle: d.lastTitle,
      office: d.office,
      companyCountry: 'JP',
      currentEmployer: d.currentEmployer,
      currentTitle: d.currentTitle,
      industry: 'it',
      location: d.location,
      country: 'JP',
      languages: ['ja'],
      skills: [...d.skills],
      bio: d.bio,
      links: [{ label: 'Portfolio', url: d.link }],
      openToReturn: true,
      sideWork: false,
      mentoring: true,
      speaking: false,
      visibility: {},
      consents: ['directory', 'newsletter'],
    },
  });
  const id = member.id;
  // A session with their browser's user agent, through the real sign-in.
  const res = await t.request('/api/auth/sign-in/email', {
    method: 'POST',
    json: { email: d.email, password: TEST_PASSWORD },
    headers: { 'user-agent': d.userAgent },
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

  const hr = await createTestMember(t, { role: 'alumni_manager' });
  const record = await createHrRecord(t, {
    employeeNumber: d.employeeNumber,
    familyName: d.familyName,
    givenName: d.givenName,
    familyNameKana: d.familyNameKana,
    givenNameKana: d.givenNameKana,
    familyNameRomaji: d.familyNameRomaji,
    givenNameRomaji: d.givenNameRomaji,
    workEmail: d.workEmail,
    personalEmail: d.personalEmail,
    departments: [d.department],
    lastTitle: d.lastTitle,
    office: d.office,
    userId: id,
  });
  const [invitation] = await t.db
    .insert(invitations)
    .values({
      id: randomUUID(),
      email: d.email,
      role: 'alumni',
      locale: 'en',
      names: { familyName: d.familyName, givenName: d.givenName, familyNameKana: d.familyNameKana },
      tokenHash: `hash-${randomUUID()}`,
      invitedBy: hr.id,
      expiresAt: new Date('2026-12-31T00:00:00Z'),
      acceptedAt: new Date('2026-11-01T00:00:00Z'),
      acceptedUserId: id,
      hrRecordId: record.id,
    })
    .returning();
  await t.db.insert(consentEvents).values([
    {
      userId: id,
      purpose: 'directory',
      granted: true,
      textVersion: '2026-11',
      locale: 'en',
      source: 'first_sign_in',
    },
    {
      userId: id,
      purpose: 'newsletter',
      granted: true,
      textVersion: '2026-11',
      locale: 'en',
      source: 'settings',
    },
  ]);
  const mailIds = await queueMail(t.db, [
    {
      kind: 'invitation',
      to: d.email,
      locale: 'en',
      subject: `Welcome ${d.givenNameRomaji}`,
      text: `Dear ${d.familyName} ${d.givenName}, your employee number ${d.employeeNumber}`,
      userId: id,
      subjectId: invitation?.id ?? null,
    },
    // Sent to their work address before they had an account: found by address, not user id.
    { kind: 'hr_notice', to: d.workEmail, locale: 'ja', subject: `${d.familyName}様`, text: d.bio },
  ]);
  await dispatchMail(t, mailIds);
  const [imp] = await t.db
    .insert(hrImports)
    .values({ id: randomUUID(), createdBy: hr.id, fileName: 'hr.csv', fileSize: 10, encoding: 'utf-8' })
    .returning();
  await t.db.insert(hrImportErrors).values({
    importId: imp?.id ?? '',
    line: 7,
    reasons: { joinedOn: 'invalid_date' },
    employeeNumber: d.employeeNumber,
  });
  await t.db.insert(verificationRequests).values({
    id: randomUUID(),
    email: d.personalEmail,
    familyName: d.familyName,
    givenName: d.givenName,
    familyNameKana: d.familyNameKana,
    givenNameKana: d.givenNameKana,
    familyNameRomaji: d.familyNameRomaji,
    givenNameRomaji: d.givenNameRomaji,
    employeeNumber: d.employeeNumber,
    workEmail: d.workEmail,
    joinedOn: '2011-04-01',
    leftOn: '2020-03-31',
    message: d.joinMessage,
    locale: 'ja',
    status: 'approved',
    matchRecordId: record.id,
    matchScore: 1,
    matchDetails: { familyName: d.familyName },
    decidedBy: hr.id,
    decisionNote: d.decisionNote,
    decision: 'manual',
  });
  await t.db.insert(verifications).values({
    id: randomUUID(),
    identifier: d.email,
    value: d.verificationSecret,
    expiresAt: new Date('2027-01-01T00:00:00Z'),
  });
  await t.db.insert(auditEvents).values([
    {
      actorId: id,
      action: 'profile.updated',
      subjectType: 'member',
      subjectId: id,
      data: { fields: ['bio'] },
    },
    {
      actorId: hr.id,
      action: 'invitation.created',
      subjectType: 'invitation',
      subjectId: null,
      data: { memberId: id },
    },
  ]);
  // A job mentioning them, pending; and one finished and archived.
  await t.queue.send(RETENTION_SWEEP, { userId: id });
  const [archived] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from pgboss.job where data::text like ${`%${id}%`} limit 1`,
  );
  await t.db.execute(
    sql`insert into pgboss.archive select j.*, now() from pgboss.job j where j.id = ${archived?.id ?? ''}`,
  );

  const [profile] = await queryRows<Record<string, unknown>>(
    t.db,
    sql`select search_name, search_admins, sort_name from ${profiles} where user_id = ${id}`,
  );
  const values = [
    id,
    ...Object.values(d).flatMap((v) => (Array.isArray(v) ? v : [v as string])),
    `${d.familyName}${d.givenName}`,
    `${d.familyNameRomaji} ${d.givenNameRomaji}`,
    String(profile?.sort_name ?? ''),
    record.matchName,
  ];
  return { member, cookie, hr, record, values, mailIds };
}

/** Every row of every table in the app's schemas, as text (`select t::text from <table> t`). */
export async function dumpDatabase(t: Pick<TestApp, 'db'>) {
  const tables = await queryRows<{ schema: string; name: string }>(
    t.db,
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_schema in ('public', 'pgboss', 'drizzle') and table_type = 'BASE TABLE'
        order by 1, 2`,
  );
  const rows: { table: string; row: string }[] = [];
  for (const { schema, name } of tables) {
    const found = await queryRows<{ row: string }>(
      t.db,
      sql.raw(`select t::text as row from "${schema}"."${name}" t`),
    );
    for (const r of found) rows.push({ table: `${schema}.${name}`, row: r.row });
  }
  return { tables: tables.map((x) => `${x.schema}.${x.name}`), rows };
}

/** The rows (table and text) in which any of the forms appears, case-insensitively. */
export function findTraces(dump: { rows: { table: string; row: string }[] }, forms: string[]) {
  const traces: { table: string; form: string }[] = [];
  for (const { table, row } of dump.rows) {
    const text = row.toLowerCase();
    for (const form of forms) if (text.includes(form)) traces.push({ table, form });
  }
  return traces;
}
