import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionList, ConnectionRequestList, Relation } from '#common/connections';
import { createTestMember, signIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { seedDemoConnections } from './connections';
import { DEMO_LOGINS } from './seed';

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

describe('seedDemoConnections', () => {
  it('alumni@ has connections, one request with a note, follows HR; employee@ sees a mutual connection', async () => {
    const hr = await demoLogin('hr@kizuna.example');
    const alumna = await demoLogin('alumni@kizuna.example');
    const employee = await demoLogin('employee@kizuna.example');
    for (let i = 0; i < 6; i++) await createTestMember(t, { role: 'alumni', canSignIn: false });
    expect(await seedDemoConnections(t.db)).toBeGreaterThan(0);
    expect(await seedDemoConnections(t.db)).toBe(0); // a re-run adds nothing

    const get = async <T>(path: string, cookie: string) => {
      const res = await t.request(path, { cookie });
      expect(res.status, await res.clone().text()).toBe(200);
      return (await res.json()) as T;
    };
    const mine = await get<ConnectionList>('/api/connections', alumna.cookie);
    expect(mine.total).toBe(4);
    const incoming = await get<ConnectionRequestList>(
      '/api/connections/requests?direction=in',
      alumna.cookie,
    );
    expect(incoming.items).toHaveLength(1);
    expect(incoming.items[0]?.note).toBeTruthy();
    const toHr = await get<Relation>(`/api/members/${hr.member.id}/relation`, alumna.cookie);
    expect(toHr.following).toBe(true);
    const seen = await get<Relation>(`/api/members/${alumna.member.id}/relation`, employee.cookie);
    expect(seen.connection.state).toBe('connected');
    expect(seen.mutual.count).toBe(1);
  });
});
