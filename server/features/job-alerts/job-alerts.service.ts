import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, isNull, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  hasCriterion,
  JOB_ALERT_LIMITS,
  type JobAlertCreateSchema,
  type JobAlertUpdateSchema,
} from '#common/job-alerts';
import type { Db } from '#server/db/client';
import { jobAlertDeliveries, jobAlerts, jobs, profiles, users } from '#server/db/schema/index';
import { listedJobWhere } from '#server/features/jobs/jobs.service';
import { consentedSql } from '#server/lib/access/consented';
import { type Viewer, visibleItemsWhere } from '#server/lib/access/policy';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import { markNotificationsRead } from '#server/lib/notify';

export type JobAlertRow = typeof jobAlerts.$inferSelect;
type CreateInput = z.output<typeof JobAlertCreateSchema>;
type UpdateInput = z.output<typeof JobAlertUpdateSchema>;
type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** May job-alert mail go to this member now? (consent to 'newsletter', decision 010). */
export async function isEmailAllowed(db: Db, { userId }: { userId: string }): Promise<boolean> {
  const [row] = await db
    .select({ ok: sql<boolean>`${consentedSql('newsletter')}` })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  return row?.ok === true;
}

/** The viewer's own alerts, newest first, and whether their email may go out now. */
export async function listAlerts({ db }: Deps, { viewer }: { viewer: Viewer }) {
  const rows = await db
    .select()
    .from(jobAlerts)
    .where(eq(jobAlerts.userId, viewer.id))
    .orderBy(desc(jobAlerts.createdAt), desc(jobAlerts.id));
  return { rows, emailAllowed: await isEmailAllowed(db, { userId: viewer.id }) };
}

/** One of the viewer's alerts; anyone else's is a 404 (it does not exist for them). */
async function findOwnAlert(db: Db, viewer: Viewer, id: string, lock = false): Promise<JobAlertRow> {
  const query = db
    .select()
    .from(jobAlerts)
    .where(and(eq(jobAlerts.id, id), eq(jobAlerts.userId, viewer.id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

/**
 * Creates an alert. At most JOB_ALERT_LIMITS.alertsPerMember per member: the member's user row is
 * locked first, so two requests at once cannot both pass the count.
 */
export async function createAlert(
  { db, clock }: Deps,
  { viewer, input }: { viewer: Viewer; input: CreateInput },
) {
  const now = clock.now();
  return db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, viewer.id)).for('update');
    const [existing] = await tx.select({ n: count() }).from(jobAlerts).where(eq(jobAlerts.userId, viewer.id));
    if ((existing?.n ?? 0) >= JOB_ALERT_LIMITS.alertsPerMember) {
      throw new AppError('conflict', 'error.job_alert_limit');
    }
    const [row] = await tx
      .insert(jobAlerts)
      .values({
        id: randomUUID(),
        userId: viewer.id,
        keywords: input.keywords,
        departments: input.departments,
        locations: input.locations,
        frequency: input.frequency,
        active: input.active,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    return { row, emailAllowed: await isEmailAllowed(tx as unknown as Db, { userId: viewer.id }) };
  });
}

/** Changes the viewer's alert; it must keep at least one criterion. */
export async function updateAlert(
  { db, clock }: Deps,
  { viewer, id, input }: { viewer: Viewer; id: string; input: UpdateInput },
) {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const current = await findOwnAlert(tx as unknown as Db, viewer, id, true);
    const next = {
      keywords: input.keywords ?? current.keywords,
      departments: input.departments ?? current.departments,
      locations: input.locations ?? current.locations,
    };
    if (!hasCriterion(next)) {
      throw new AppError('bad_request', 'error.bad_request', { criteria: ['kz.jobAlertCriterion'] });
    }
    const becomesDaily = input.frequency === 'daily' && current.frequency !== 'daily';
    const [row] = await tx
      .update(jobAlerts)
      .set({
        ...next,
        ...(input.frequency ? { frequency: input.frequency } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        // From now on: matches that were instant (and perhaps not mailed) stay out of the digest.
        ...(becomesDaily ? { lastDigestAt: now } : {}),
        updatedAt: now,
      })
      .where(eq(jobAlerts.id, current.id))
      .returning();
    if (!row) throw notFound();
    return { row, emailAllowed: await isEmailAllowed(tx as unknown as Db, { userId: viewer.id }) };
  });
}

/** Deletes the viewer's alert (its deliveries go with it). */
export async function deleteAlert(
  { db }: Deps,
  { viewer, id }: { viewer: Viewer; id: string },
): Promise<void> {
  const deleted = await db
    .delete(jobAlerts)
    .where(and(eq(jobAlerts.id, id), eq(jobAlerts.userId, viewer.id)))
    .returning({ id: jobAlerts.id });
  if (deleted.length === 0) throw notFound();
}

const MATCH_LIMIT = 50;

export interface MatchView {
  job: Pick<
    typeof jobs.$inferSelect,
    'id' | 'titleJa' | 'titleEn' | 'department' | 'location' | 'remote' | 'employmentType' | 'closesOn'
  >;
  matchedAt: Date;
  seen: boolean;
  alertIds: string[];
}

/**
 * "New jobs for you": the viewer's deliveries, one entry per job, for jobs that are still listed
 * and that the viewer may see right now (the visibility policy in the query: a job whose audience
 * changed, or that closed or expired, is simply not there). Newest first, with the unseen count.
 */
export async function listMatches({ db, clock }: Deps, { viewer }: { viewer: Viewer }) {
  const now = clock.now();
  const where = and(
    eq(jobAlertDeliveries.userId, viewer.id),
    listedJobWhere(now),
    visibleItemsWhere(viewer, { classification: jobs.classification, audience: jobs.audience }, now),
  );
  const matchedAt = sql<Date>`min(${jobAlertDeliveries.createdAt})`.mapWith(jobAlertDeliveries.createdAt);
  const rows = await db
    .select({
      job: {
        id: jobs.id,
        titleJa: jobs.titleJa,
        titleEn: jobs.titleEn,
        department: jobs.department,
        location: jobs.location,
        remote: jobs.remote,
        employmentType: jobs.employmentType,
        closesOn: jobs.closesOn,
      },
      matchedAt,
      seen: sql<boolean>`bool_and(${jobAlertDeliveries.seenAt} is not null)`,
      alertIds: sql<
        string[]
      >`array_agg(${jobAlertDeliveries.alertId} order by ${jobAlertDeliveries.alertId})`,
    })
    .from(jobAlertDeliveries)
    .innerJoin(jobs, eq(jobs.id, jobAlertDeliveries.jobId))
    .where(where)
    .groupBy(jobs.id)
    .orderBy(desc(max(jobAlertDeliveries.createdAt)), desc(jobs.id))
    .limit(MATCH_LIMIT);
  const [unseen] = await db
    .select({ n: sql<number>`count(distinct ${jobAlertDeliveries.jobId})`.mapWith(Number) })
    .from(jobAlertDeliveries)
    .innerJoin(jobs, eq(jobs.id, jobAlertDeliveries.jobId))
    .where(and(where, isNull(jobAlertDeliveries.seenAt)));
  return { items: rows as MatchView[], unseen: unseen?.n ?? 0 };
}

/**
 * Marks every delivery of the viewer seen (the "new jobs for you" list was shown), and the bell's
 * `job_alert` notifications of those jobs read with them (decision 033): one piece of news, one
 * unread state the member sees in both places.
 */
export async function markMatchesSeen({ db, clock }: Deps, { viewer }: { viewer: Viewer }): Promise<number> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(jobAlertDeliveries)
      .set({ seenAt: now })
      .where(and(eq(jobAlertDeliveries.userId, viewer.id), isNull(jobAlertDeliveries.seenAt)))
      .returning({ jobId: jobAlertDeliveries.jobId });
    const jobIds = [...new Set(rows.map((r) => r.jobId))];
    await markNotificationsRead(tx as unknown as Db, now, {
      userId: viewer.id,
      type: 'job_alert',
      threadKeys: jobIds.map((id) => `job:${id}`),
    });
    return jobIds.length;
  });
}
