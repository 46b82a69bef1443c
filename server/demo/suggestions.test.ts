import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuggestionListResult } from '#common/suggestions';
import { createTestMember, signIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { DEMO_LOGINS } from './seed';
import { seedDemoSuggestions } from './suggestions';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function demoLogin(email: string) {
  const login = DEMO_LOGINS.find((l) => l.email === email);
  if (!login) throw new Error(email);
  const member = await createTestMember(t, {
    email,
    role: login.role,
    names: login.names,
    profile: login.profile,
  });
  return { member, cookie: await signIn(t, email) };
}

describe('seedDemoSuggestions', () => {
  it('the alumna and the employee get suggestions of both kinds, with reasons', async () => {
    const alumna = await demoLogin('alumni@kizuna.example');
    const employee = await demoLogin('employee@kizuna.example');
    // Demo members as the seed makes them (random profiles from the same generator).
    for (let i = 0; i < 40; i++) await createTestMember(t, { role: i % 5 === 0 ? 'employee' : 'alumni' });
    expect(await seedDemoSuggestions(t.db)).toBeGreaterThan(0);
    for (const who of [alumna, employee]) {
      for (const list of ['know', 'diagonal'] as const) {
        const res = await t.request(`/api/people/suggestions?list=${list}`, { cookie: who.cookie });
        expect(res.status).toBe(200);
        const body = (await res.json()) as SuggestionListResult;
        expect(body.items.length, `${who.member.email} ${list}`).toBeGreaterThan(0);
        expect(body.items.every((i) => i.terms.length > 0)).toBe(true);
      }
    }
  });
});
