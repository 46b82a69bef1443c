import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { normalizeEmployeeNumber } from '#common/employee-number';
import type { Locale } from '#common/locale';
import { VERIFICATION_ALREADY_MEMBER_MAIL_KIND, VERIFICATION_REJECTED_MAIL_KIND } from '#common/mail';
import { displayName } from '#common/names';
import type { Role } from '#common/roles';
import type {
  EligibilityReason,
  JoinRequestApprove,
  JoinRequestInput,
  MatchFacts,
  RequestFlag,
} from '#common/verification';
import type { Db } from '#server/db/client';
import {
  erasureSuppressions,
  hrRecords,
  invitations as invitationsTable,
  users,
  verificationRequests,
} from '#server/db/schema/index';
import { issueInvitation } from '#server/features/invitations/invitations.service';
import { assertCanAssignRole, type Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import { isUniqueViolation } from '#server/lib/db-errors';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import { dispatchMail, queueMail } from '#server/lib/outbox';
import { suppressionHash } from '#server/lib/suppression';
import { getEligibilityRules } from './eligibility.service';
import { type Claim, eligibilityOf, findCandidates, type HrRecordRow } from './matching';
import { t } from './verification.messages';

export type JoinRequestRow = typeof verificationRequests.$inferSelect;

/** What `match_details` holds: the candidates found on arrival and why it was not auto-approved. */
export interface MatchDetails {
  flags: RequestFlag[];
  candidates: { recordId: string; score: number; isExact: boolean; facts: MatchFacts }[];
}

type Deps = Pick<AppDeps, 'db' | 'env' | 'clock' | 'mailer' | 'queue'>;

const today = (now: Date) => now.toISOString().slice(0, 10);
/** 2019-04 → 2019-04-01 (the date column needs a day; matching compares months). */
const toDate = (v: string | null | undefined) => (v ? (v.length === 7 ? `${v}-01` : v) : null);
const blankToNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
const numberOrNull = (v: string | null | undefined) => (v?.trim() ? normalizeEmployeeNumber(v) : null);

function toClaim(input: JoinRequestInput): Claim {
  return {
    familyName: input.familyName,
    givenName: input.givenName,
    familyNameKana: blankToNull(input.familyNameKana),
    givenNameKana: blankToNull(input.givenNameKana),
    familyNameRomaji: blankToNull(input.familyNameRomaji),
    givenNameRomaji: blankToNull(input.givenNameRomaji),
    employeeNumber: numberOrNull(input.employeeNumber),
    workEmail: blankToNull(input.workEmail)?.toLowerCase() ?? null,
    joinedOn: toDate(input.joinedOn),
    leftOn: toDate(blankToNull(input.leftOn)),
  };
}

/** Is any of these values (employee number, emails) remembered as belonging to an erased person? */
async function isSuppressed(db: Db, env: Deps['env'], values: (string | null)[]) {
  const hashes = values.filter((v): v is string => !!v).map((v) => suppressionHash(env, v));
  if (hashes.length === 0) return false;
  const rows = await db
    .select({ hash: erasureSuppressions.hash })
    .from(erasureSuppressions)
    .where(inArray(erasureSuppressions.hash, hashes))
    .limit(1);
  return rows.length > 0;
}

/** The role a person joins with: employee while still employed, alumni after their last day. */
const roleFor = (record: Pick<HrRecordRow, 'leftOn'> | null, claimLeftOn: string | null, now: Date): Role => {
  const leftOn = record ? record.leftOn : claimLeftOn;
  return !leftOn || leftOn >= today(now) ? 'employee' : 'alumni';
};

/**
 * Invites the person behind a request (auto or HR approval) inside the caller's transaction,
 * in a savepoint: when an open invitation already exists for this address or HR record, the
 * request stays pending instead of failing. Returns the invitation and its queued mail (the
 * caller dispatches it after commit), or null.
 */
async function inviteForRequest(
  tx: Db,
  deps: Deps,
  {
    request,
    record,
    role,
    inviter,
  }: { request: JoinRequestRow; record: HrRecordRow | null; role: Role; inviter: Viewer | null },
): Promise<{ invitationId: string; mailId: string } | null> {
  assertCanAssignRole(inviter, role);
  const names = record ?? request;
  const now = deps.clock.now();
  // Serialised per address like every invitation (invitations.service), then checked for an open one.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${request.email}))`);
  const [open] = await tx
    .select({ id: invitationsTable.id })
    .from(invitationsTable)
    .where(
      and(
        eq(invitationsTable.email, request.email),
        isNull(invitationsTable.acceptedAt),
        isNull(invitationsTable.revokedAt),
        gt(invitationsTable.expiresAt, now),
      ),
    );
  if (open) return null;
  try {
    return await tx.transaction(async (sp) => {
      const { row, mailId } = await issueInvitation(sp as unknown as Db, {
        env: deps.env,
        now,
        inviter,
        invitation: {
          email: request.email,
          role,
          locale: request.locale,
          names: {
            familyName: names.familyName,
            givenName: names.givenName,
            familyNameKana: names.familyNameKana,
            givenNameKana: names.givenNameKana,
            familyNameRomaji: names.familyNameRomaji,
            givenNameRomaji: names.givenNameRomaji,
          },
          hrRecordId: record?.id ?? null,
        },
      });
      return { invitationId: row.id, mailId };
    });
  } catch (error) {
    // The HR record already has an open invitation (one per record, decision 007).
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

function alreadyMemberMail(
  member: { id: string; email: string; locale: Locale; name: string },
  env: Deps['env'],
  requestId: string,
) {
  return {
    kind: VERIFICATION_ALREADY_MEMBER_MAIL_KIND,
    to: member.email,
    locale: member.locale,
    userId: member.id,
    subjectId: requestId,
    subject: t(member.locale, 'mail.joinAlreadyMember.subject'),
    text: t(member.locale, 'mail.joinAlreadyMember.body', {
      name: member.name,
      url: `${env.BASE_URL}/login`,
    }),
  };
}

/**
 * A join request from someone not invited (anonymous). Matched against HR records at once:
 * exact + eligible + not a member + not erased → approved and invited automatically; a member →
 * told by email to sign in; everything else waits in HR's queue. The caller answers the same
 * whatever happened here (no enumeration of who worked at the company).
 */
export async function submitJoinRequest({
  deps,
  input,
  locale,
}: {
  deps: Deps;
  input: JoinRequestInput;
  locale: Locale;
}): Promise<{ id: string; status: JoinRequestRow['status'] }> {
  const { db, env, clock } = deps;
  const now = clock.now();
  const claim = toClaim(input);
  const email = input.email.trim().toLowerCase();
  const mailIds: string[] = [];
  const result = await db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const rules = await getEligibilityRules({ db: tx });
    const isErased = await isSuppressed(tx, env, [claim.employeeNumber, claim.workEmail, email]);
    const candidates = await findCandidates(tx, claim);
    const best = candidates[0];
    const reasons: EligibilityReason[] = best ? eligibilityOf(best.record, rules, today(now)) : [];
    const memberColumns = { id: users.id, email: users.email, locale: users.locale, name: users.name };
    const [byEmail] = await tx.select(memberColumns).from(users).where(eq(users.email, email));
    const [byRecord] =
      best?.isExact && best.record.userId
        ? await tx.select(memberColumns).from(users).where(eq(users.id, best.record.userId))
        : [];
    const member = byEmail ?? byRecord;

    const flags: RequestFlag[] = [];
    if (isErased) flags.push('erased');
    if (member || best?.record.userId) flags.push('already_member');
    if (!best) flags.push('no_match');
    else if (!best.isExact) flags.push('not_exact');

    const id = randomUUID();
    const details: MatchDetails = {
      flags,
      candidates: candidates.map((c) => ({
        recordId: c.record.id,
        score: c.score,
        isExact: c.isExact,
        facts: c.facts,
      })),
    };
    const [request] = await tx
      .insert(verificationRequests)
      .values({
        id,
        email,
        familyName: claim.familyName,
        givenName: claim.givenName,
        familyNameKana: claim.familyNameKana,
        givenNameKana: claim.givenNameKana,
        familyNameRomaji: claim.familyNameRomaji,
        givenNameRomaji: claim.givenNameRomaji,
        employeeNumber: claim.employeeNumber,
        workEmail: claim.workEmail,
        joinedOn: claim.joinedOn,
        leftOn: claim.leftOn,
        message: blankToNull(input.message),
        locale,
        matchRecordId: best?.record.id ?? null,
        matchScore: best?.score ?? null,
        matchDetails: details as unknown as Record<string, unknown>,
        eligibility: best ? { eligible: reasons.length === 0, reasons } : null,
        createdAt: now,
      })
      .returning();
    if (!request) throw new AppError('internal');

    // Erased at their request: never brought back without a human decision.
    if (isErased) return { id, status: 'pending' as const };

    if (member) {
      mailIds.push(...(await queueMail(tx, alreadyMemberMail(member, env, id))));
      await tx
        .update(verificationRequests)
        .set({ status: 'rejected', decision: 'auto', decidedAt: now, decisionNote: 'already_member' })
        .where(eq(verificationRequests.id, id));
      await audit(tx, {
        actorId: null,
        action: 'verification.auto_close',
        subjectType: 'verification_request',
        subjectId: id,
        data: {},
      });
      return { id, status: 'rejected' as const };
    }

    if (best?.isExact && reasons.length === 0 && !best.record.userId) {
      const role = roleFor(best.record, claim.leftOn, now);
      const invited = await inviteForRequest(tx, deps, { request, record: best.record, role, inviter: null });
      if (!invited) {
        details.flags.push('invitation_pending');
        await tx
          .update(verificationRequests)
          .set({ matchDetails: details as unknown as Record<string, unknown> })
          .where(eq(verificationRequests.id, id));
        return { id, status: 'pending' as const };
      }
      const { invitationId } = invited;
      mailIds.push(invited.mailId);
      await tx
        .update(verificationRequests)
        .set({ status: 'approved', decision: 'auto', decidedAt: now, invitationId })
        .where(eq(verificationRequests.id, id));
      await audit(tx, {
        actorId: null,
        action: 'verification.auto_approve',
        subjectType: 'verification_request',
        subjectId: id,
        data: { recordId: best.record.id, invitationId },
      });
      return { id, status: 'approved' as const };
    }
    return { id, status: 'pending' as const };
  });
  await dispatchMail(deps, mailIds);
  return result;
}

export interface HydratedRequest {
  row: JoinRequestRow;
  decidedByName: string | null;
  flags: RequestFlag[];
  candidates: {
    record: HrRecordRow;
    score: number;
    isExact: boolean;
    facts: MatchFacts;
    warnings: EligibilityReason[];
  }[];
}

/**
 * HR's queue: pending requests oldest first, or the history of decided ones newest first, each
 * with its candidate records as they are now and today's eligibility warnings.
 */
export async function listJoinRequests({
  db,
  clock,
  status,
}: {
  db: Db;
  clock: Deps['clock'];
  status: 'pending' | 'decided';
}): Promise<HydratedRequest[]> {
  const rows = await db
    .select({ row: verificationRequests, decidedByName: users.name })
    .from(verificationRequests)
    .leftJoin(users, eq(users.id, verificationRequests.decidedBy))
    .where(
      status === 'pending'
        ? eq(verificationRequests.status, 'pending')
        : and(sql`${verificationRequests.status} <> 'pending'`, isNotNull(verificationRequests.decidedAt)),
    )
    .orderBy(
      ...(status === 'pending'
        ? [asc(verificationRequests.createdAt), asc(verificationRequests.id)]
        : [desc(verificationRequests.decidedAt), desc(verificationRequests.id)]),
    )
    .limit(100);
  return hydrate(db, clock, rows);
}

async function hydrate(
  db: Db,
  clock: Deps['clock'],
  rows: { row: JoinRequestRow; decidedByName: string | null }[],
): Promise<HydratedRequest[]> {
  const details = (r: JoinRequestRow) =>
    (r.matchDetails ?? { flags: [], candidates: [] }) as unknown as MatchDetails;
  const ids = [...new Set(rows.flatMap(({ row }) => details(row).candidates.map((c) => c.recordId)))];
  const records = ids.length ? await db.select().from(hrRecords).where(inArray(hrRecords.id, ids)) : [];
  const byId = new Map(records.map((r) => [r.id, r]));
  const rules = await getEligibilityRules({ db });
  const day = today(clock.now());
  return rows.map(({ row, decidedByName }) => ({
    row,
    decidedByName,
    flags: details(row).flags,
    candidates: details(row).candidates.flatMap((c) => {
      const record = byId.get(c.recordId);
      return record ? [{ ...c, record, warnings: eligibilityOf(record, rules, day) }] : [];
    }),
  }));
}

async function lockPending(tx: Db, id: string) {
  const [row] = await tx
    .select()
    .from(verificationRequests)
    .where(eq(verificationRequests.id, id))
    .for('update');
  if (!row) throw notFound();
  if (row.status !== 'pending') throw new AppError('conflict', 'error.join_request_decided');
  return row;
}

async function findOne(db: Db, clock: Deps['clock'], id: string) {
  const rows = await db
    .select({ row: verificationRequests, decidedByName: users.name })
    .from(verificationRequests)
    .leftJoin(users, eq(users.id, verificationRequests.decidedBy))
    .where(eq(verificationRequests.id, id));
  const [hydrated] = await hydrate(db, clock, rows);
  if (!hydrated) throw notFound();
  return hydrated;
}

/**
 * HR approves a pending request as the person of one HR record (or on the request's own data
 * when HR found none): the invitation goes to the address the requester gave.
 */
export async function approveJoinRequest({
  deps,
  viewer,
  id,
  input,
}: {
  deps: Deps;
  viewer: Viewer;
  id: string;
  input: JoinRequestApprove;
}) {
  const { db, clock } = deps;
  const now = clock.now();
  const mailId = await db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const request = await lockPending(tx, id);
    let record: HrRecordRow | null = null;
    if (input.recordId) {
      [record = null] = await tx.select().from(hrRecords).where(eq(hrRecords.id, input.recordId));
      if (!record) {
        throw new AppError('bad_request', 'error.bad_request', { recordId: ['error.record_not_found'] });
      }
    }
    const role = input.role ?? roleFor(record, request.leftOn, now);
    const invited = await inviteForRequest(tx, deps, { request, record, role, inviter: viewer });
    if (!invited) throw new AppError('conflict', 'error.invitation_pending');
    const { invitationId } = invited;
    await tx
      .update(verificationRequests)
      .set({
        status: 'approved',
        decision: 'manual',
        decidedBy: viewer.id,
        decidedAt: now,
        invitationId,
        matchRecordId: record?.id ?? request.matchRecordId,
      })
      .where(eq(verificationRequests.id, id));
    await audit(tx, {
      actorId: viewer.id,
      action: 'verification.approve',
      subjectType: 'verification_request',
      subjectId: id,
      data: { recordId: record?.id ?? null, invitationId },
    });
    return invited.mailId;
  });
  await dispatchMail(deps, [mailId]);
  return findOne(db, clock, id);
}

/**
 * HR rejects a pending request. The note stays with HR (it may say why); the requester gets a
 * polite standard email in their language.
 */
export async function rejectJoinRequest({
  deps,
  viewer,
  id,
  note,
}: {
  deps: Deps;
  viewer: Viewer;
  id: string;
  note: string;
}) {
  const { db, clock } = deps;
  const now = clock.now();
  const mailIds = await db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const request = await lockPending(tx, id);
    await tx
      .update(verificationRequests)
      .set({
        status: 'rejected',
        decision: 'manual',
        decidedBy: viewer.id,
        decidedAt: now,
        decisionNote: note,
      })
      .where(eq(verificationRequests.id, id));
    await audit(tx, {
      actorId: viewer.id,
      action: 'verification.reject',
      subjectType: 'verification_request',
      subjectId: id,
      data: {},
    });
    return queueMail(tx, {
      kind: VERIFICATION_REJECTED_MAIL_KIND,
      to: request.email,
      locale: request.locale,
      subjectId: id,
      subject: t(request.locale, 'mail.joinRejected.subject'),
      text: t(request.locale, 'mail.joinRejected.body', { name: displayName(request) }),
    });
  });
  await dispatchMail(deps, mailIds);
  return findOne(db, clock, id);
}
