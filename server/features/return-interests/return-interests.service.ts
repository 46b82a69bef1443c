import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { CONSENT_PURPOSES, type ConsentAnswers } from '#common/consents';
import type { Locale } from '#common/locale';
import type { ReturnTiming } from '#common/rehiring-reference';
import type { GeneralInterestInput, JobInterestInput } from '#common/return-interests';
import type { Db } from '#server/db/client';
import { profiles, returnInterests } from '#server/db/schema/index';
import { recordConsents } from '#server/features/consents/consents.service';
import { getVisibleJob } from '#server/features/jobs/jobs.service';
import { openPipelineCard, reopenPipelineCard } from '#server/features/pipeline/pipeline.cards';
import { cancelPendingHireOfSource } from '#server/features/pipeline/pipeline.hires';
import { consentedSql } from '#server/lib/access/consented';
import type { Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { notFound } from '#server/lib/errors';

/**
 * Return interest (出戻り意向, decision 015): an alumnus is open to coming back, in general or for
 * one job. One row per (member, job or "general") is reused for life: a repeat updates it and a
 * withdrawn one is reactivated, so the pipeline card it opened (unique per interest) comes back
 * instead of a second card. Every write runs under a lock on the member's profile row — the same
 * row recordConsents locks first — so two requests at once cannot both insert, and a consent
 * granted with the interest is read and written without a race.
 */

type Deps = Pick<AppDeps, 'db' | 'clock' | 'hooks'>;
export type InterestRow = typeof returnInterests.$inferSelect;

/** The job of an interest as the member may see it today: title only while it is listed for them. */
export interface InterestJobView {
  id: string;
  titleJa: string | null;
  titleEn: string | null;
  listed: boolean;
}

export interface InterestView {
  row: InterestRow;
  job: InterestJobView | null;
  rehiringConsent: boolean;
}

export interface MyInterestsView {
  rehiringConsent: boolean;
  items: InterestView[];
}

type Outcome = 'created' | 'reactivated' | 'updated' | 'unchanged';

interface InterestFields {
  message?: string | null;
  preferredRoles?: string[];
  preferredLocations?: string[];
  timing?: ReturnTiming | null;
}

// ---- reads -------------------------------------------------------------------------------------

/** Does the member consent to rehiring contact now (the copy every HR list enforces)? */
async function hasRehiringConsent(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ consented: sql<boolean>`${consentedSql('rehiring')}` })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  return Boolean(row?.consented);
}

/**
 * The job of each interest through the jobs feature's one gate (`getVisibleJob`): a job that is
 * closed, expired or no longer visible to the member shows no title.
 */
async function jobViews(deps: Deps, viewer: Viewer, rows: InterestRow[]) {
  const now = deps.clock.now();
  const views = new Map<string, InterestJobView>();
  for (const jobId of new Set(rows.flatMap((r) => (r.jobId ? [r.jobId] : [])))) {
    const job = await getVisibleJob(deps.db, { viewer, jobId, now });
    views.set(jobId, {
      id: jobId,
      titleJa: job?.titleJa ?? null,
      titleEn: job?.titleEn ?? null,
      listed: Boolean(job),
    });
  }
  return views;
}

/** Active first, then the most recently changed. */
const byRelevance = (a: InterestRow, b: InterestRow) =>
  Number(b.status === 'active') - Number(a.status === 'active') ||
  b.updatedAt.getTime() - a.updatedAt.getTime();

/** The viewer's own interests (general and per job) and whether HR may see them. */
export async function findMyInterests(deps: Deps, { viewer }: { viewer: Viewer }): Promise<MyInterestsView> {
  const rows = await deps.db.select().from(returnInterests).where(eq(returnInterests.userId, viewer.id));
  const rehiringConsent = await hasRehiringConsent(deps.db, viewer.id);
  const jobs = await jobViews(deps, viewer, rows);
  return {
    rehiringConsent,
    items: rows.sort(byRelevance).map((row) => ({
      row,
      job: row.jobId ? (jobs.get(row.jobId) ?? null) : null,
      rehiringConsent,
    })),
  };
}

/** One of the viewer's own interests, or a 404 (another member's id does not exist for them). */
async function findMyInterest(deps: Deps, viewer: Viewer, id: string): Promise<InterestView> {
  const [row] = await deps.db
    .select()
    .from(returnInterests)
    .where(and(eq(returnInterests.id, id), eq(returnInterests.userId, viewer.id)));
  if (!row) throw notFound();
  const rehiringConsent = await hasRehiringConsent(deps.db, viewer.id);
  const jobs = await jobViews(deps, viewer, [row]);
  return { row, job: row.jobId ? (jobs.get(row.jobId) ?? null) : null, rehiringConsent };
}

// ---- writes ------------------------------------------------------------------------------------

/** Locks the member's profile row for the rest of the transaction; false when there is none. */
async function lockMember(tx: Db, userId: string): Promise<{ consents: string[] } | null> {
  const [row] = await tx
    .select({ consents: profiles.consents })
    .from(profiles)
    .where(eq(profiles.userId, userId))
    .for('update');
  return row ?? null;
}

/**
 * Grants 'rehiring' and keeps every other answer as it is (read under the lock taken by
 * `lockMember`, so a save on the privacy page cannot interleave). No ledger row when it is
 * already granted.
 */
async function grantRehiringConsent(
  deps: Pick<AppDeps, 'db' | 'hooks'>,
  { userId, current, locale, now }: { userId: string; current: string[]; locale: Locale; now: Date },
) {
  if (current.includes('rehiring')) return;
  const answers = Object.fromEntries(
    CONSENT_PURPOSES.map((p) => [p, p === 'rehiring' || current.includes(p)]),
  ) as ConsentAnswers;
  await recordConsents(deps, { userId, answers, source: 'settings', locale, now });
}

const sameTarget = (userId: string, jobId: string | null): SQL =>
  and(
    eq(returnInterests.userId, userId),
    jobId ? eq(returnInterests.jobId, jobId) : isNull(returnInterests.jobId),
  ) as SQL;

/**
 * Creates, updates or reactivates the one interest of a member for a job or in general, and
 * makes sure it is on the rehiring board. Call it inside a transaction after `lockMember`.
 * `fields` absent (the exit plug-in): an active interest is left as it is, a withdrawn one is
 * reactivated with what it said before. Used by the endpoints, the exit transition and the demo.
 */
export async function upsertInterest(
  tx: Db,
  input: {
    userId: string;
    jobId: string | null;
    fields?: InterestFields;
    actorId: string | null;
    now: Date;
    via: 'member' | 'exit' | 'seed';
  },
): Promise<{ row: InterestRow; outcome: Outcome }> {
  const { userId, jobId, fields, actorId, now, via } = input;
  const [existing] = await tx
    .select()
    .from(returnInterests)
    .where(sameTarget(userId, jobId))
    .orderBy(sql`${returnInterests.status} = 'active' desc`, desc(returnInterests.updatedAt))
    .limit(1);

  let row: InterestRow | undefined;
  let outcome: Outcome;
  if (!existing) {
    [row] = await tx
      .insert(returnInterests)
      .values({
        id: randomUUID(),
        userId,
        jobId,
        ...fields,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    outcome = 'created';
  } else if (existing.status === 'active' && !fields) {
    row = existing;
    outcome = 'unchanged';
  } else {
    outcome = existing.status === 'active' ? 'updated' : 'reactivated';
    [row] = await tx
      .update(returnInterests)
      .set({ ...fields, status: 'active', withdrawnAt: null, updatedAt: now })
      .where(eq(returnInterests.id, existing.id))
      .returning();
  }
  if (!row) throw new Error('return interest vanished');

  if (outcome !== 'unchanged') {
    await audit(tx, {
      actorId,
      action: outcome === 'updated' ? 'return_interest.updated' : 'return_interest.raised',
      subjectType: 'return_interest',
      subjectId: row.id,
      data: { userId, jobId, via, ...(outcome === 'reactivated' ? { reactivated: true } : {}) },
      at: now,
    });
  }
  // Once per interest (the card is unique per source): a repeat or a reactivation finds the card
  // it opened before, so the board never shows two cards for one interest. A renewed interest is
  // new news for HR: its card returns to "interested" (unless it is a hire), not to the column
  // HR had left it in.
  const card = await openPipelineCard(tx, {
    source: 'interest',
    interestId: row.id,
    userId,
    jobId,
    actorId,
    now,
  });
  if (outcome === 'reactivated' && !card.created) await reopenPipelineCard(tx, { interestId: row.id, now });
  return { row, outcome };
}

/** Drops empty and repeated entries (after trimming, case-insensitive), keeping the first spelling. */
function uniqueEntries(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.normalize('NFKC').toLowerCase();
    if (!v || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const emptyToNull = (value: string | null | undefined) => (value ? value : null);

/** "I'm open to coming back": creates, replaces or reactivates the viewer's general interest. */
export async function raiseGeneralInterest(
  deps: Deps,
  { viewer, input, locale }: { viewer: Viewer; input: GeneralInterestInput; locale: Locale },
): Promise<{ view: InterestView; outcome: Outcome }> {
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (trx) => {
    const tx = trx as unknown as Db;
    const member = await lockMember(tx, viewer.id);
    if (!member) throw notFound();
    if (input.allowRehiringContact)
      await grantRehiringConsent(
        { db: tx, hooks: deps.hooks },
        { userId: viewer.id, current: member.consents, locale, now },
      );
    return upsertInterest(tx, {
      userId: viewer.id,
      jobId: null,
      fields: {
        preferredRoles: uniqueEntries(input.preferredRoles ?? []),
        preferredLocations: uniqueEntries(input.preferredLocations ?? []),
        timing: input.timing ?? null,
        message: emptyToNull(input.message),
      },
      actorId: viewer.id,
      now,
      via: 'member',
    });
  });
  return { view: await findMyInterest(deps, viewer, result.row.id), outcome: result.outcome };
}

/**
 * "I'm interested" in one job the viewer may see (else 404). A repeat while active updates the
 * message of the same interest; a withdrawn one is reactivated.
 */
export async function raiseJobInterest(
  deps: Deps,
  {
    viewer,
    jobId,
    input,
    locale,
  }: { viewer: Viewer; jobId: string; input: JobInterestInput; locale: Locale },
): Promise<{ view: InterestView; outcome: Outcome }> {
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (trx) => {
    const tx = trx as unknown as Db;
    const job = await getVisibleJob(tx, { viewer, jobId, now });
    if (!job) throw notFound();
    const member = await lockMember(tx, viewer.id);
    if (!member) throw notFound();
    if (input.allowRehiringContact)
      await grantRehiringConsent(
        { db: tx, hooks: deps.hooks },
        { userId: viewer.id, current: member.consents, locale, now },
      );
    return upsertInterest(tx, {
      userId: viewer.id,
      jobId: job.id,
      fields: { message: input.message },
      actorId: viewer.id,
      now,
      via: 'member',
    });
  });
  return { view: await findMyInterest(deps, viewer, result.row.id), outcome: result.outcome };
}

/**
 * Withdraws one of the viewer's interests: it leaves HR's board in the same request (the board
 * lists active interests only), and a hire HR recorded on its card that has not started is
 * cancelled in the same transaction — the person does not become an employee through a card HR
 * can no longer see (decision 017). Withdrawing a withdrawn interest changes nothing.
 */
export async function withdrawInterest(
  deps: Deps,
  { viewer, id }: { viewer: Viewer; id: string },
): Promise<InterestView> {
  const now = deps.clock.now();
  await deps.db.transaction(async (trx) => {
    const tx = trx as unknown as Db;
    if (!(await lockMember(tx, viewer.id))) throw notFound();
    const [row] = await tx
      .update(returnInterests)
      .set({ status: 'withdrawn', withdrawnAt: now, updatedAt: now })
      .where(
        and(
          eq(returnInterests.id, id),
          eq(returnInterests.userId, viewer.id),
          eq(returnInterests.status, 'active'),
        ),
      )
      .returning({ id: returnInterests.id, jobId: returnInterests.jobId });
    if (!row) return;
    await audit(tx, {
      actorId: viewer.id,
      action: 'return_interest.withdrawn',
      subjectType: 'return_interest',
      subjectId: row.id,
      data: { userId: viewer.id, jobId: row.jobId },
      at: now,
    });
    await cancelPendingHireOfSource({ db: tx, hooks: deps.hooks }, { interestId: row.id, now });
  });
  return findMyInterest(deps, viewer, id);
}

/**
 * The exit plug-in (decisions 012, 015): called by the last-day transition, in its transaction,
 * for a leaver who joined the network and said they are open to returning. Raises their general
 * interest (or reactivates it) once; an active one is left as it is. HR sees it only while the
 * member consents to rehiring, like any other interest.
 */
export async function raiseInterestFromExit(
  tx: Db,
  { userId, now }: { userId: string; now: Date },
): Promise<{ id: string; outcome: Outcome } | null> {
  if (!(await lockMember(tx, userId))) return null;
  const { row, outcome } = await upsertInterest(tx, { userId, jobId: null, actorId: null, now, via: 'exit' });
  return { id: row.id, outcome };
}
