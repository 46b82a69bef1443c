import { randomUUID } from 'node:crypto';
import { normalizeForSearch } from '#common/search-text';
import { jobs } from '#server/db/schema/index';
import type { TestApp } from '#tests/setup';

export type TestJob = typeof jobs.$inferInsert;

/**
 * A job row inserted directly (the jobs feature's API is built in parallel), open and listed
 * unless overridden. `search_text` is computed as the schema describes it: title, description,
 * department, location and skills of both languages, normalised for search.
 */
export async function insertTestJob(t: Pick<TestApp, 'db'>, overrides: Partial<TestJob> = {}) {
  const base = {
    id: randomUUID(),
    titleJa: 'プロダクトマネージャー',
    titleEn: 'Product Manager',
    descriptionJa: '新規事業のプロダクトを担当します。',
    descriptionEn: 'Own a new product from discovery to launch.',
    department: '事業開発部',
    location: '東京本社',
    remote: 'hybrid' as const,
    employmentType: 'full_time' as const,
    skills: ['Product Management'],
    closesOn: '2026-12-31',
    status: 'open' as const,
    classification: 'network' as const,
    audience: {},
    publishedAt: new Date('2026-11-24T00:00:00Z'),
    ...overrides,
  };
  const searchText = normalizeForSearch(
    [
      base.titleJa,
      base.titleEn,
      base.descriptionJa,
      base.descriptionEn,
      base.department,
      base.location,
      ...(base.skills ?? []),
    ]
      .filter(Boolean)
      .join(' '),
  );
  const [row] = await t.db
    .insert(jobs)
    .values({ ...base, searchText: overrides.searchText ?? searchText })
    .returning();
  if (!row) throw new Error('insert failed');
  return row;
}
