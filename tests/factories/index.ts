import { randomUUID } from 'node:crypto';
import { CONSENT_PURPOSES, type ConsentAnswers, type ConsentPurpose } from '#common/consents';
import type { Role } from '#common/roles';
import type { Db } from '#server/db/client';
import { accounts } from '#server/db/schema/index';
import { fakeMember, rng } from '#server/demo/member-data';
import { recordConsents } from '#server/features/consents/consents.service';
import { createMember, type NewMember } from '#server/features/members/members.service';
import { domainHooks } from '#server/hooks';
import { hashPassword } from '#server/lib/auth';
import type { TestApp } from '#tests/setup';

let counter = 0;
const random = rng(42);
export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * A member in the database; with `canSignIn`, also a password account. `consents`: the purposes
 * granted (the others declined) through the real ledger, default listed in the directory only;
 * `null` = never answered (as after accepting an invitation: unlisted, asked at sign-in).
 */
export async function createTestMember(
  t: Pick<TestApp, 'db'>,
  options: { role?: Role; canSignIn?: boolean; consents?: ConsentPurpose[] | null } & Partial<
    Omit<NewMember, 'role'>
  > = {},
) {
  counter += 1;
  const id = randomUUID();
  const { canSignIn = true, role = 'alumni', consents = ['directory'], ...overrides } = options;
  const member = fakeMember(random, counter, {
    id,
    email: `user-${id.slice(0, 8)}@example.com`,
    role,
    ...overrides,
  });
  await createMember({ db: t.db, member });
  if (consents) await grantTestConsents(t, id, consents);
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

/** Answers every purpose for a member through the ledger: `granted` yes, the others no. */
export async function grantTestConsents(
  t: Pick<TestApp, 'db'>,
  userId: string,
  granted: ConsentPurpose[],
  now = new Date('2026-11-01T00:00:00Z'),
) {
  const answers = Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, granted.includes(p)])) as ConsentAnswers;
  await t.db.transaction((tx) =>
    recordConsents(
      { db: tx as unknown as Db, hooks: domainHooks() },
      { userId, answers, source: 'test', locale: 'ja', now },
    ),
  );
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
