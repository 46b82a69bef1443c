import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { rebuildStaleSearchKeys } from './search-keys-rebuild';

failOnConsoleError();
let t: TestApp;
let cookie: string;
let takahashi: string;
beforeAll(async () => {
  t = await createTestApp();
  takahashi = (
    await createTestMember(t, {
      canSignIn: false,
      names: { familyName: '髙橋', givenName: '健', familyNameKana: 'たかはし', givenNameKana: 'けん' },
    })
  ).id;
  for (const givenName of ['一', '二', '三']) {
    await createTestMember(t, { canSignIn: false, names: { familyName: '佐藤', givenName } });
  }
  ({ cookie } = await signedIn(t, { role: 'alumni', names: { familyName: 'Viewer', givenName: 'R' } }));
});
afterAll(() => t.close());

const find = async (q: string) => {
  const res = await t.request(`/api/directory?q=${encodeURIComponent(q)}`, { cookie });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);
};

describe('rebuildStaleSearchKeys (decision 028)', () => {
  it('rebuilds keys written before variant folding, in batches, once', async () => {
    // Keys as the previous version wrote them: 髙 kept as typed.
    const unfold = (column: string) => sql.raw(`replace(${column}, '高', '髙')`);
    const unfoldGrams = (column: string) =>
      sql.raw(`array(select replace(g, '高', '髙') from unnest(${column}) g)`);
    await t.db.execute(sql`update profiles set
      search_name = ${unfold('search_name')}, search_members = ${unfold('search_members')},
      search_employees = ${unfold('search_employees')}, search_admins = ${unfold('search_admins')},
      grams_members = ${unfoldGrams('grams_members')}, grams_employees = ${unfoldGrams('grams_employees')},
      grams_admins = ${unfoldGrams('grams_admins')}`);
    expect(await find('高橋')).toEqual([]);

    const first = await rebuildStaleSearchKeys({ db: t.db, batchSize: 2 });
    expect(first).toEqual({ rebuilt: 5, batches: 3 });
    expect(await find('高橋')).toEqual([takahashi]);
    expect(await find('髙橋')).toEqual([takahashi]);

    expect(await rebuildStaleSearchKeys({ db: t.db, batchSize: 2 })).toEqual({ rebuilt: 0, batches: 0 });
  });
});
