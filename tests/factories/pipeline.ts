import { randomUUID } from 'node:crypto';
import type { ConsentPurpose } from '#common/consents';
import type { Role } from '#common/roles';
import type { Db } from '#server/db/client';
import { jobs, leaverCases, referrals, returnInterests } from '#server/db/schema/index';
import type { NewMember } from '#server/features/members/members.service';
import { openPipelineCard } from '#server/features/pipeline/pipeline.cards';
import type { TestApp } from '#tests/setup';
import { createTestMember } from './index';

/**
 * Test data for the pipeline tests: cards are made the way the other features will make them
 * (a return_interests or referrals row, then openPipelineCard), written directly because those
 * features' APIs are built in parallel.
 */

type T = Pick<TestApp, 'db' | 'clock'>;

export async function createJob(t: T, overrides: Partial<typeof jobs.$inferInsert> = {}) {
  const id = randomUUID();
  await t.db.insert(jobs).values({
    id,
    titleJa: 'バックエンドエンジニア',
    titleEn: 'Backend engineer',
    department: '開発部',
    location: '東京',
    remote: 'hybrid',
    employmentType: 'full_time',
    closesOn: '2027-03-31',
    status: 'open',
    classification: 'network',
    audience: {},
    searchText: 'backend',
    ...overrides,
  });
  return id;
}

/** An alumnus (by default) with an active interest on the board; consents include rehiring. */
export async function createInterestCard(
  t: T,
  options: {
    role?: Role;
    consents?: ConsentPurpose[];
    jobId?: string | null;
    profile?: NewMember['profile'];
    names?: { familyName: string; givenName: string; familyNameKana?: string; givenNameKana?: string };
    message?: string;
    canSignIn?: boolean;
  } = {},
) {
  const member = await createTestMember(t, {
    role: options.role ?? 'alumni',
    consents: options.consents ?? ['directory', 'rehiring'],
    canSignIn: options.canSignIn ?? false,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.names ? { names: options.names } : {}),
  });
  const interestId = randomUUID();
  const jobId = options.jobId ?? null;
  const now = t.clock.now();
  const card = await t.db.transaction(async (tx) => {
    await tx.insert(returnInterests).values({
      id: interestId,
      userId: member.id,
      jobId,
      message: options.message ?? 'I would love to come back to the platform team.',
      preferredRoles: ['Backend engineer'],
      preferredLocations: ['東京'],
      timing: 'within_6_months',
      createdAt: now,
      updatedAt: now,
    });
    return openPipelineCard(tx as unknown as Db, {
      source: 'interest',
      interestId,
      userId: member.id,
      jobId,
      actorId: member.id,
      now,
    });
  });
  return { member, interestId, cardId: card.id };
}

/** A referral (consented by default) and, once consented, its card. */
export async function createReferralCard(
  t: T,
  options: {
    referrerId?: string | null;
    jobId?: string | null;
    status?: 'awaiting_consent' | 'consented' | 'declined' | 'expired';
    candidateName?: string;
    candidateEmail?: string;
    userId?: string | null;
  } = {},
) {
  const referralId = randomUUID();
  const now = t.clock.now();
  const status = options.status ?? 'consented';
  const card = await t.db.transaction(async (tx) => {
    await tx.insert(referrals).values({
      id: referralId,
      referrerId: options.referrerId ?? null,
      jobId: options.jobId ?? null,
      candidateName: options.candidateName ?? '紹介 太郎',
      candidateEmail: options.candidateEmail ?? `cand-${referralId.slice(0, 8)}@example.org`,
      reason: 'Built our billing system with me at a previous company.',
      status,
      consentExpiresAt: new Date(now.getTime() + 14 * 86_400_000),
      consentedAt: status === 'consented' ? now : null,
      createdAt: now,
      updatedAt: now,
    });
    return openPipelineCard(tx as unknown as Db, {
      source: 'referral',
      referralId,
      userId: options.userId ?? null,
      jobId: options.jobId ?? null,
      actorId: null,
      now,
    });
  });
  return { referralId, cardId: card.id };
}

/** A completed exit case with a rehire decision. */
export async function createExitCase(
  t: T,
  userId: string,
  options: {
    lastDay?: string;
    eligibility?: 'eligible' | 'not_eligible' | 'needs_review' | null;
    reason?: string | null;
    status?: 'open' | 'completed' | 'cancelled';
  } = {},
) {
  const id = randomUUID();
  await t.db.insert(leaverCases).values({
    id,
    userId,
    lastDay: options.lastDay ?? '2024-03-31',
    timeZone: 'Asia/Tokyo',
    reasonCategory: 'career_change',
    status: options.status ?? 'completed',
    previousRole: 'employee',
    rehireEligibility: options.eligibility === undefined ? 'eligible' : options.eligibility,
    rehireReason: options.reason ?? null,
  });
  return id;
}
