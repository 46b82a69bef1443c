import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CareerPaths } from '#common/careers';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { seedDemoCareers } from './careers';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('gives the demo employee’s department real buckets, people to reach and two stories, once', async () => {
  await seedDemoCareers(t.db);
  await seedDemoCareers(t.db);
  const employee = await signedIn(t, { role: 'employee', profile: { departments: ['技術開発本部'] } });
  const res = await t.request('/api/careers/paths', { cookie: employee.cookie });
  expect(res.status).toBe(200);
  const body = (await res.json()) as CareerPaths;
  expect(body.department).toBe('技術開発本部');
  expect(body.employers).toEqual([
    { value: '株式会社ミライテック', count: 4 },
    { value: 'CloudHarbor', count: 3 },
  ]);
  expect(body.people).toHaveLength(4);
  expect(body.stories).toHaveLength(2);
  expect(body.stories.every((s) => s.author !== null)).toBe(true);
});
