import { randomUUID } from 'node:crypto';
import { normalizeEmployeeNumber } from '#common/employee-number';
import { normalizeForSearch } from '#common/search-text';
import { hrRecords } from '#server/db/schema/index';
import type { TestApp } from '#tests/setup';

let counter = 0;

export type TestHrRecord = typeof hrRecords.$inferInsert;

/** An HR record as an import would leave it (alumnus who left last year unless overridden). */
export async function createHrRecord(t: Pick<TestApp, 'db'>, overrides: Partial<TestHrRecord> = {}) {
  counter += 1;
  const n = String(counter).padStart(6, '0');
  const base = {
    id: randomUUID(),
    employeeNumber: `E${n}-${randomUUID().slice(0, 4)}`,
    familyName: '佐藤',
    givenName: '花子',
    familyNameKana: 'さとう',
    givenNameKana: 'はなこ',
    familyNameRomaji: 'Sato',
    givenNameRomaji: 'Hanako',
    workEmail: `hanako.sato.${n}@corp.example`,
    personalEmail: `hanako${n}@mail.example`,
    joinedOn: '2015-04-01',
    leftOn: '2025-09-30',
    departments: ['営業部'],
    lastTitle: '課長',
    office: '東京',
    leaveReason: 'career_change',
    locale: 'ja' as const,
    rowHash: `test-${n}`,
    ...overrides,
  };
  const matchName = normalizeForSearch(
    [
      base.familyName,
      base.givenName,
      base.familyNameKana,
      base.givenNameKana,
      base.familyNameRomaji,
      base.givenNameRomaji,
    ]
      .filter(Boolean)
      .join(' '),
  );
  const [row] = await t.db
    .insert(hrRecords)
    // Stored as every input path stores it (decision 028).
    .values({
      ...base,
      employeeNumber: normalizeEmployeeNumber(base.employeeNumber),
      matchName: overrides.matchName ?? matchName,
    })
    .returning();
  if (!row) throw new Error('insert failed');
  return row;
}
