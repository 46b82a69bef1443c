import { randomUUID } from 'node:crypto';
import type { Role } from '../../common/roles';
import { accounts } from '../../server/db/schema/index';
import { hashPassword } from '../../server/features/auth/auth';
import { createMember, type NewMember } from '../../server/features/members/members.service';
import type { TestApp } from '../setup';
import { fakeMember, rng } from './member-data';

let counter = 0;
const random = rng(42);
export const TEST_PASSWORD = 'correct horse battery staple';

/** A member in the database; with `canSignIn`, also a password account. */
export async function createTestMember(
  t: Pick<TestApp, 'db'>,
  options: { role?: Role; canSignIn?: boolean } & Partial<Omit<NewMember, 'role'>> = {},
) {
  counter += 1;
  const id = randomUUID();
  const { canSignIn = true, role = 'alumni', ...overrides } = options;
  const member = fakeMember(random, counter, {
    id,
    email: `user-${id.slice(0, 8)}@example.com`,
    role,
    ...overrides,
  });
  await createMember({ db: t.db, member });
  if (canSignIn) {
    const now = new Date();
    await t.db.insert(accounts).values({
      id: randomUUID(),
      accountId: id,
      providerId: 'credential',
      userId: id,
      password: await hashPassword(TEST_PASSWORD),
      createdAt: now,
      updatedAt: now,
    });
  }
  return { ...member, id };
}

/** Signs in through the real endpoint and returns the Cookie header value. */
export async function signIn(t: Pick<TestApp, 'request'>, email: string, password = TEST_PASSWORD) {
  const res = await t.request('/api/auth/sign-in/email', { method: 'POST', json: { email, password } });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** A member who is signed in: `{ member, cookie }`. */
export async function signedIn(
  t: Pick<TestApp, 'db' | 'request'>,
  options: Parameters<typeof createTestMember>[1] = {},
) {
  const member = await createTestMember(t, options);
  return { member, cookie: await signIn(t, member.email) };
}
