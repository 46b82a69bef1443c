import { sql } from 'drizzle-orm';
import type { ImportedRecord } from '#common/hr-import';
import { deriveRomaji } from '#common/names';
import { type Db, queryRows } from '#server/db/client';
import { upsertHrRecords } from '#server/features/hr-records/hr-import.job';
import { fakeMember, rng } from './member-data';

const DEMO_HR_SEED = 20261125;

/**
 * Demo HR records (decision 008): `count` alumni who are not members yet (about two in three
 * with a private email, the rest with their old work address only), plus the records of up to
 * 200 seeded alumni and leavers, linked to their accounts. Made from the member factories.
 */
export async function seedDemoHrRecords(db: Db, { count = 300 }: { count?: number } = {}) {
  const r = rng(DEMO_HR_SEED);
  const records: ImportedRecord[] = [];
  for (let i = 1; i <= count; i++) {
    const m = fakeMember(r, 900_000 + i, { role: 'alumni' });
    const familyRomaji = deriveRomaji(m.names.familyName, m.names.familyNameKana, m.names.familyNameRomaji);
    const givenRomaji = deriveRomaji(m.names.givenName, m.names.givenNameKana, m.names.givenNameRomaji);
    const handle = `${givenRomaji ?? 'alumni'}.${familyRomaji ?? i}`.toLowerCase().replace(/[^a-z.]/g, '');
    records.push({
      employeeNumber: `H${String(100_000 + i)}`,
      familyName: m.names.familyName,
      givenName: m.names.givenName,
      familyNameKana: m.names.familyNameKana ?? null,
      givenNameKana: m.names.givenNameKana ?? null,
      familyNameRomaji: familyRomaji,
      givenNameRomaji: givenRomaji,
      workEmail: `${handle}.${i}@corp.kizuna.example`,
      personalEmail: r() < 0.65 ? `${handle}${i}@mail.example` : null,
      joinedOn: m.profile?.joinedOn ?? null,
      leftOn: m.profile?.leftOn ?? null,
      departments: m.profile?.departments ?? [],
      lastTitle: m.profile?.lastTitle ?? null,
      office: m.profile?.office ?? null,
      leaveReason:
        ['career_change', 'family', 'study', 'retirement', 'relocation'][Math.floor(r() * 5)] ?? null,
      locale: m.locale ?? 'ja',
    });
  }
  const now = new Date().toISOString();
  await upsertHrRecords(db, { list: records, importId: null, now });

  const members = await queryRows<{
    user_id: string;
    email: string;
    employee_number: string;
    family_name: string;
    given_name: string;
    family_name_kana: string | null;
    given_name_kana: string | null;
    family_name_romaji: string | null;
    given_name_romaji: string | null;
    joined_on: string | null;
    left_on: string | null;
    departments: string[];
    last_title: string | null;
    office: string | null;
    locale: 'ja' | 'en';
  }>(
    db,
    sql`select p.user_id, u.email, p.employee_number, p.family_name, p.given_name, p.family_name_kana,
          p.given_name_kana, p.family_name_romaji, p.given_name_romaji, p.joined_on::text, p.left_on::text,
          p.departments, p.last_title, p.office, u.locale
        from profiles p join users u on u.id = p.user_id
        where u.role in ('alumni', 'leaver') and p.employee_number is not null
        order by p.employee_number limit 200`,
  );
  await upsertHrRecords(db, {
    list: members.map((m) => ({
      employeeNumber: m.employee_number,
      familyName: m.family_name,
      givenName: m.given_name,
      familyNameKana: m.family_name_kana,
      givenNameKana: m.given_name_kana,
      familyNameRomaji: m.family_name_romaji,
      givenNameRomaji: m.given_name_romaji,
      workEmail: null,
      personalEmail: m.email,
      joinedOn: m.joined_on,
      leftOn: m.left_on,
      departments: m.departments,
      lastTitle: m.last_title,
      office: m.office,
      leaveReason: null,
      locale: m.locale === 'en' ? 'en' : 'ja',
    })),
    importId: null,
    now,
  });
  await db.execute(sql`update hr_records h set user_id = p.user_id from profiles p
    where p.employee_number = h.employee_number and h.user_id is null`);
  return { records: count + members.length };
}
