import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { HrRecordFilter } from '#common/hr-records';
import {
  INVITATION_SKIP_REASONS,
  type InvitationSkipReason,
  type InvitationsFromRecords,
} from '#common/invitations';
import type { Role } from '#common/roles';
import {
  erasureSuppressions,
  hrRecords,
  invitationBatches,
  invitations,
  users,
} from '#server/db/schema/index';
import { findViewer } from '#server/features/members/members.service';
import { canAssignRole, type Viewer } from '#server/lib/access/policy';
import type { AppDeps } from '#server/lib/deps';
import { type DbOrTx, dispatchMail, queueMail } from '#server/lib/outbox';
import type { JobDefinition } from '#server/lib/queue';
import { suppressionHash } from '#server/lib/suppression';
import { type InvitationNames, invitationMail } from './invitation-mail';
import {
  acceptUrl,
  expiryFrom,
  type InvitationRow,
  type NewInvitation,
  newToken,
  renewInvitation,
  sha256,
} from './invitations.service';
import { hrRecordFilterWhere, recordAddressSql } from './record-filter';

export const INVITATIONS_BULK = 'invitations.bulk';
/** Records per transaction: short enough that requests interleave on PGlite's one connection. */
export const BULK_CHUNK = 200;

type BatchDeps = Pick<AppDeps, 'db' | 'clock' | 'env' | 'queue'>;
type BatchRow = typeof invitationBatches.$inferSelect;

/** The records a batch is about: its explicit ids, or its filter. */
function batchWhere(batch: Pick<BatchRow, 'recordIds' | 'filter'>, now: Date): SQL | undefined {
  if (batch.recordIds) return inArray(hrRecords.id, batch.recordIds);
  return hrRecordFilterWhere((batch.filter ?? {}) as HrRecordFilter, now);
}

const openInvitationBy = (column: SQL, now: Date) => sql`exists (
  select 1 from ${invitations}
  where ${column}
    and ${invitations.acceptedAt} is null and ${invitations.revokedAt} is null
    and ${invitations.expiresAt} > ${now.toISOString()}::timestamptz
)`;

/**
 * Who gets an invitation: no account yet, an address, no open invitation for the record or for
 * the address, and the address is not a member's. (Erased people are checked in code: their
 * suppression keys are HMACs.)
 */
export function eligibleForInvitationSql(now: Date): SQL {
  return sql`(
    ${hrRecords.userId} is null
    and ${recordAddressSql} is not null
    and not ${openInvitationBy(sql`${invitations.hrRecordId} = ${hrRecords.id}`, now)}
    and not ${openInvitationBy(sql`${invitations.email} = ${recordAddressSql}`, now)}
    and not exists (select 1 from ${users} where ${users.email} = ${recordAddressSql})
  )`;
}

/**
 * Why a record is not eligible (`eligibleForInvitationSql` is exactly "no reason"), null if it is:
 * HR is told what was passed over instead of a bare count (decision 028's sibling fix, issue 9).
 */
export function skipReasonSql(now: Date): SQL<InvitationSkipReason | null> {
  return sql<InvitationSkipReason | null>`case
    when ${hrRecords.userId} is not null then 'member'
    when ${recordAddressSql} is null then 'noEmail'
    when ${openInvitationBy(sql`${invitations.hrRecordId} = ${hrRecords.id}`, now)}
      or ${openInvitationBy(sql`${invitations.email} = ${recordAddressSql}`, now)} then 'alreadyInvited'
    when exists (select 1 from ${users} where ${users.email} = ${recordAddressSql}) then 'addressTaken'
  end`;
}

/**
 * Accepts an "invite these records" request: counts who would be invited, records the request
 * and queues the job. Answers at once; the work runs in `invitations.bulk`.
 */
export async function createInvitationBatch({
  db,
  clock,
  queue,
  viewer,
  input,
}: BatchDeps & { viewer: Viewer; input: InvitationsFromRecords }) {
  const now = clock.now();
  const id = randomUUID();
  const batch = {
    recordIds: input.recordIds ? [...new Set(input.recordIds)] : null,
    filter: input.recordIds ? null : ((input.filter ?? {}) as Record<string, unknown>),
  };
  const reason = skipReasonSql(now);
  const counts = await db
    .select({ reason, n: sql<number>`count(*)::int` })
    .from(hrRecords)
    .where(batchWhere(batch, now))
    // By position: the reason's SQL carries parameters, so a repeated expression would not match.
    .groupBy(sql`1`);
  const skipped: Record<InvitationSkipReason, number> = Object.fromEntries(
    INVITATION_SKIP_REASONS.map((r) => [r, 0]),
  ) as Record<InvitationSkipReason, number>;
  let total = 0;
  for (const row of counts) {
    if (row.reason === null) total = Number(row.n);
    else skipped[row.reason] = Number(row.n);
  }
  await db.insert(invitationBatches).values({
    id,
    createdBy: viewer.id,
    ...batch,
    total,
    status: total > 0 ? 'queued' : 'done',
    createdAt: now,
    updatedAt: now,
    ...(total > 0 ? {} : { finishedAt: now }),
  });
  if (total > 0) await queue.send(INVITATIONS_BULK, { batchId: id });
  return { batchId: id, queued: total, skipped };
}

function roleFor(leftOn: string | null, today: string): Role {
  if (!leftOn) return 'employee';
  return leftOn > today ? 'leaver' : 'alumni';
}

/**
 * One chunk of a batch, in ONE transaction: lock the batch row (a second runner waits), take the
 * next records after the cursor, invite the eligible ones (or renew an expired open invitation),
 * queue their emails, advance the cursor. A crash before the commit loses nothing (the chunk is
 * redone); after it, nothing is redone. The unique index on open invitations per record makes a
 * duplicate impossible even if two runners raced.
 */
async function runChunk(
  deps: BatchDeps,
  batchId: string,
  inviter: Pick<Viewer, 'id' | 'displayName'> | null,
) {
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  return deps.db.transaction(async (tx) => {
    const [batch] = await tx
      .select()
      .from(invitationBatches)
      .where(eq(invitationBatches.id, batchId))
      .for('update');
    if (!batch || batch.status === 'done' || batch.status === 'failed') return { done: true, mailIds: [] };
    const records = await tx
      .select({
        id: hrRecords.id,
        employeeNumber: hrRecords.employeeNumber,
        workEmail: hrRecords.workEmail,
        personalEmail: hrRecords.personalEmail,
        address: recordAddressSql,
      })
      .from(hrRecords)
      .where(and(batchWhere(batch, now), batch.cursor ? gt(hrRecords.id, batch.cursor) : undefined))
      .orderBy(asc(hrRecords.id))
      .limit(BULK_CHUNK);
    if (records.length === 0) {
      await tx
        .update(invitationBatches)
        .set({ status: 'done', finishedAt: now, updatedAt: now })
        .where(eq(invitationBatches.id, batchId));
      return { done: true, mailIds: [] };
    }
    // Same lock as a single invitation, in a fixed order (no deadlock with another runner); one
    // statement for the whole chunk.
    const addresses = [
      ...new Set(records.map((r) => r.address).filter((a): a is string => Boolean(a))),
    ].sort();
    if (addresses.length > 0) {
      await tx.execute(sql`select count(pg_advisory_xact_lock(hashtext(a)))
        from (select a from unnest(${sql.param(addresses)}::text[]) as a order by a) locked`);
    }

    const ids = records.map((r) => r.id);
    const eligible = await tx
      .select({
        id: hrRecords.id,
        familyName: hrRecords.familyName,
        givenName: hrRecords.givenName,
        familyNameKana: hrRecords.familyNameKana,
        givenNameKana: hrRecords.givenNameKana,
        familyNameRomaji: hrRecords.familyNameRomaji,
        givenNameRomaji: hrRecords.givenNameRomaji,
        leftOn: hrRecords.leftOn,
        locale: hrRecords.locale,
        address: recordAddressSql,
      })
      .from(hrRecords)
      .where(and(inArray(hrRecords.id, ids), eligibleForInvitationSql(now)))
      .orderBy(asc(hrRecords.id));

    const suppressed = await suppressedRecords(tx, deps, records);
    const seen = new Set<string>();
    const expired = await expiredOpenInvitations(
      tx,
      eligible.map((r) => r.id),
    );
    const mailIds: string[] = [];
    const fresh: (NewInvitation & { hrRecordId: string })[] = [];
    for (const record of eligible) {
      if (!record.address || suppressed.has(record.id) || seen.has(record.address)) continue;
      seen.add(record.address);
      const stale = expired.get(record.id);
      // Bulk invitations act with HR's reach (decision 022): an expired staff invitation an admin
      // sent is left for an admin to renew.
      if (stale && !canAssignRole(null, stale.role)) continue;
      if (stale) {
        // Rare (an open invitation that ran out): renewed one by one.
        const renewed = await renewInvitation(tx, { env: deps.env, now, inviter, current: stale });
        mailIds.push(renewed.mailId);
        continue;
      }
      fresh.push({
        email: record.address,
        role: roleFor(record.leftOn, today),
        locale: record.locale,
        names: {
          familyName: record.familyName,
          givenName: record.givenName,
          familyNameKana: record.familyNameKana,
          givenNameKana: record.givenNameKana,
          familyNameRomaji: record.familyNameRomaji,
          givenNameRomaji: record.givenNameRomaji,
        },
        hrRecordId: record.id,
      });
    }
    mailIds.push(...(await issueInvitations(tx, { env: deps.env, now, inviter, list: fresh })));
    await tx
      .update(invitationBatches)
      .set({
        status: 'running',
        cursor: records.at(-1)?.id,
        invited: sql`${invitationBatches.invited} + ${mailIds.length}`,
        skipped: sql`${invitationBatches.skipped} + ${records.length - mailIds.length}`,
        updatedAt: now,
      })
      .where(eq(invitationBatches.id, batchId));
    return { done: false, mailIds };
  });
}

/**
 * The whole chunk's new invitations in one INSERT, and their emails in one more. The partial
 * unique index (one open invitation per record) is the last word: a record that got one from a
 * racing runner is skipped (ON CONFLICT DO NOTHING) and gets no email, as only the RETURNING
 * rows are mailed.
 */
export async function issueInvitations(
  tx: DbOrTx,
  {
    env,
    now,
    inviter,
    list,
  }: {
    env: BatchDeps['env'];
    now: Date;
    inviter: Pick<Viewer, 'id' | 'displayName'> | null;
    list: (NewInvitation & { hrRecordId: string })[];
  },
): Promise<string[]> {
  if (list.length === 0) return [];
  const expiresAt = expiryFrom(env, now);
  const tokens = new Map<string, string>();
  const rows = list.map((invitation) => {
    const id = randomUUID();
    const token = newToken();
    tokens.set(id, token);
    return {
      id,
      email: invitation.email.toLowerCase(),
      role: invitation.role,
      locale: invitation.locale,
      names: invitation.names,
      tokenHash: sha256(token),
      invitedBy: inviter?.id ?? null,
      hrRecordId: invitation.hrRecordId,
      expiresAt,
      createdAt: now,
      deliveryStatus: 'queued' as const,
      sendCount: 1,
      lastSentAt: now,
    };
  });
  const inserted = await tx.insert(invitations).values(rows).onConflictDoNothing().returning({
    id: invitations.id,
    email: invitations.email,
    locale: invitations.locale,
    names: invitations.names,
  });
  return queueMail(
    tx,
    inserted.map((row) =>
      invitationMail({
        to: row.email,
        locale: row.locale,
        names: row.names as InvitationNames,
        inviterName: inviter?.displayName ?? null,
        url: acceptUrl(env, tokens.get(row.id) as string),
        expiresAt,
        invitationId: row.id,
      }),
    ),
    { now },
  );
}

/** Records whose employee number or an address is in erasure_suppressions (the person was erased). */
async function suppressedRecords(
  tx: DbOrTx,
  deps: Pick<AppDeps, 'env'>,
  records: { id: string; employeeNumber: string; workEmail: string | null; personalEmail: string | null }[],
) {
  const byHash = new Map<string, string>();
  for (const r of records) {
    for (const value of [r.employeeNumber, r.workEmail, r.personalEmail]) {
      if (value?.trim()) byHash.set(suppressionHash(deps.env, value), r.id);
    }
  }
  if (byHash.size === 0) return new Set<string>();
  const hits = await tx
    .select({ hash: erasureSuppressions.hash })
    .from(erasureSuppressions)
    .where(inArray(erasureSuppressions.hash, [...byHash.keys()]));
  return new Set(hits.map((h) => byHash.get(h.hash) as string));
}

/** Open invitations of these records that have expired: the batch renews them instead. */
async function expiredOpenInvitations(tx: DbOrTx, recordIds: string[]) {
  const map = new Map<string, InvitationRow>();
  if (recordIds.length === 0) return map;
  const rows = await tx
    .select()
    .from(invitations)
    .where(
      and(
        inArray(invitations.hrRecordId, recordIds),
        sql`${invitations.acceptedAt} is null and ${invitations.revokedAt} is null`,
      ),
    )
    .for('update');
  for (const row of rows) if (row.hrRecordId) map.set(row.hrRecordId, row);
  return map;
}

/**
 * Runs a batch to the end, chunk by chunk, dispatching each chunk's emails after its commit.
 * Safe to run again, or twice at once: see `runChunk`.
 */
export async function runInvitationBatch(
  deps: BatchDeps,
  { batchId, ...options }: { batchId: string; onChunk?: (mailIds: string[]) => void | Promise<void> },
) {
  const [batch] = await deps.db
    .select({ createdBy: invitationBatches.createdBy })
    .from(invitationBatches)
    .where(eq(invitationBatches.id, batchId));
  if (!batch) return;
  const viewer = batch.createdBy ? await findViewer({ db: deps.db, userId: batch.createdBy }) : null;
  const inviter = viewer ? { id: viewer.id, displayName: viewer.displayName } : null;
  for (;;) {
    const { done, mailIds } = await runChunk(deps, batchId, inviter);
    await dispatchMail(deps, mailIds);
    await options.onChunk?.(mailIds);
    if (done) return;
    // Embedded PGlite answers without real I/O, so an await chain never yields: let the event
    // loop serve waiting requests between chunks.
    await yieldToEventLoop();
  }
}

/** After a restart: queue every batch that was not finished (the job resumes at its cursor). */
export async function resumeInvitationBatches(deps: Pick<AppDeps, 'db' | 'queue'>) {
  const open = await deps.db
    .select({ id: invitationBatches.id })
    .from(invitationBatches)
    .where(inArray(invitationBatches.status, ['queued', 'running']));
  for (const { id } of open) await deps.queue.send(INVITATIONS_BULK, { batchId: id });
  return open.length;
}

export async function findInvitationBatch({ db, id }: { db: BatchDeps['db']; id: string }) {
  const [row] = await db.select().from(invitationBatches).where(eq(invitationBatches.id, id));
  return row;
}

export function invitationJobs(deps: AppDeps): JobDefinition<never>[] {
  const bulk: JobDefinition<{ batchId: string }> = {
    name: INVITATIONS_BULK,
    retryLimit: 5,
    retryDelaySeconds: 10,
    // A killed worker's job is picked up again after this (the cursor makes that safe).
    expireInSeconds: 10 * 60,
    async handler({ batchId }) {
      await runInvitationBatch(deps, { batchId });
    },
  };
  return [bulk] as JobDefinition<never>[];
}
