import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { type AnyColumn, and, asc, eq, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Role } from '#common/roles';
import { type Db, queryRows } from '#server/db/client';
import { jobAlertDeliveries, jobAlerts, jobs, profiles, users } from '#server/db/schema/index';
import { addresseeName } from '#server/features/invitations/invitation-mail';
import { listedJobWhere } from '#server/features/jobs/jobs.service';
import { consentedSql } from '#server/lib/access/consented';
import { canView, normalizeEmployer, type Viewer } from '#server/lib/access/policy';
import type { AppDeps } from '#server/lib/deps';
import { alreadyNotified, notify } from '#server/lib/notify';
import { queueMail } from '#server/lib/outbox';
import { jobAlertDigestMail, jobAlertMail, jobPath, type MailJob } from './job-alerts.mail';
import {
  candidateOwners,
  departmentMatches,
  keywordMatches,
  locationMatches,
  type NormalizedJob,
  normalizeJob,
} from './job-alerts.prefilter';

/**
 * Matching a published job against every active alert, and the daily digest (decision 018).
 *
 * Idempotency: one `job_alert_deliveries` row per (alert, job), inserted ON CONFLICT DO NOTHING;
 * only rows this run inserted can cause mail, and a member already mailed about a job (by any of
 * their alerts) is never mailed about it again. Consent ('newsletter') is read in the same
 * transaction that queues the mail, so a withdrawal stops mail from that moment; in-app
 * deliveries are made whatever the consent.
 */

export interface AlertCriteria {
  keywords: readonly string[];
  departments: readonly string[];
  locations: readonly string[];
}

export interface MatchableJob {
  searchText: string;
  department: string;
  location: string;
  remote: 'onsite' | 'hybrid' | 'remote';
}

/**
 * Does the job meet every criterion the alert sets? Within a criterion any value will do: a
 * keyword whose every word is in the job's search text (normalised as the jobs search does: NFKC,
 * lower case, katakana → hiragana); a department equal to the job's (case and width aside); a
 * location contained in the job's location or containing it — and a fully remote job is in every
 * location. The reference the SQL prefilter is tested against (job-alerts.prefilter.ts).
 */
export function alertMatchesJob(alert: AlertCriteria, job: MatchableJob | NormalizedJob): boolean {
  const normalized = 'searchText' in job ? normalizeJob(job) : job;
  return (
    (alert.keywords.length === 0 || alert.keywords.some((k) => keywordMatches(k, normalized))) &&
    (alert.departments.length === 0 || alert.departments.some((d) => departmentMatches(d, normalized))) &&
    (alert.locations.length === 0 ||
      normalized.remote === 'remote' ||
      alert.locations.some((l) => locationMatches(l, normalized)))
  );
}

/** The alert owner's columns: enough to build their policy viewer and to write to them. */
const ownerColumns = {
  userId: users.id,
  role: users.role,
  email: users.email,
  locale: users.locale,
  status: users.status,
  name: users.name,
  leftOn: profiles.leftOn,
  currentEmployer: profiles.currentEmployer,
  familyName: profiles.familyName,
  givenName: profiles.givenName,
  familyNameKana: profiles.familyNameKana,
  givenNameKana: profiles.givenNameKana,
  familyNameRomaji: profiles.familyNameRomaji,
  givenNameRomaji: profiles.givenNameRomaji,
  newsletter: sql<boolean>`coalesce(${consentedSql('newsletter')}, false)`,
};
type Owner = {
  userId: string;
  role: Role;
  email: string;
  locale: 'ja' | 'en';
  status: 'active' | 'deactivated';
  name: string;
  leftOn: string | null;
  currentEmployer: string | null;
  familyName: string | null;
  givenName: string | null;
  familyNameKana: string | null;
  givenNameKana: string | null;
  familyNameRomaji: string | null;
  givenNameRomaji: string | null;
  newsletter: boolean;
};

/** The owner as the visibility policy sees them (the same fields findViewer reads). */
function ownerViewer(owner: Owner): Viewer {
  return {
    id: owner.userId,
    role: owner.role,
    email: owner.email,
    displayName: owner.name,
    locale: owner.locale,
    attributes: {
      leftOn: owner.leftOn,
      currentEmployer: owner.currentEmployer ? normalizeEmployer(owner.currentEmployer) : null,
    },
  };
}

const ownerName = (owner: Owner) =>
  addresseeName(
    {
      familyName: owner.familyName ?? owner.name,
      givenName: owner.givenName ?? '',
      familyNameKana: owner.familyNameKana,
      givenNameKana: owner.givenNameKana,
      familyNameRomaji: owner.familyNameRomaji,
      givenNameRomaji: owner.givenNameRomaji,
    },
    owner.locale,
  ).trim() || owner.name;

const mailJobColumns = {
  id: jobs.id,
  titleJa: jobs.titleJa,
  titleEn: jobs.titleEn,
  department: jobs.department,
  location: jobs.location,
  remote: jobs.remote,
  closesOn: jobs.closesOn,
  classification: jobs.classification,
  audience: jobs.audience,
};

/**
 * Members per batch: one short transaction each (decision 006), with a constant number of
 * statements whatever the batch holds; between batches the event loop serves waiting requests.
 * 100 keeps a transaction under ~100 ms on PGlite at 300,000 members (bench/RESULTS.md).
 */
const MEMBER_BATCH = 100;

/** Only the public origin is read from the environment (links in mail). */
type MatchDeps = Pick<AppDeps, 'db' | 'clock'> & { env: Pick<AppDeps['env'], 'BASE_URL'> };

export interface MatchOptions {
  /** Queue instant mails (default). The demo seed turns it off. */
  mail?: boolean;
  /** Called after each batch commits with the mail ids it queued. */
  dispatch?: (mailIds: string[]) => Promise<void>;
}

type ListedJob = MailJob & Pick<typeof jobs.$inferSelect, 'classification' | 'audience'>;

/**
 * Matches one job against every active alert of active members who may see it (the visibility
 * policy's `canView` over each owner's role and attributes, as for a request of theirs). Returns
 * how many deliveries were made and how many mails were queued. A job that is not listed (draft,
 * closed, past its closing day) matches nothing.
 *
 * The database first narrows the members to the owners of active alerts that may match and may
 * see the job (`candidateOwners`: criteria and visibility in SQL, a superset); each batch of them
 * is then locked and decided in code with the reference rules, so the SQL can only save work,
 * never decide who is alerted (decision 018, addendum).
 */
export async function matchJobToAlerts(
  deps: MatchDeps,
  { jobId, ...options }: { jobId: string } & MatchOptions,
): Promise<{ deliveries: number; mailed: number }> {
  const { db, clock } = deps;
  const sendMail = options.mail ?? true;
  const [job] = await db
    .select({
      ...mailJobColumns,
      searchText: jobs.searchText,
    })
    .from(jobs)
    .where(and(eq(jobs.id, jobId), listedJobWhere(clock.now())));
  if (!job) return { deliveries: 0, mailed: 0 };
  const normalized = normalizeJob(job);
  const owners = await candidateOwners(db, { item: job, job: normalized, now: clock.now() });

  let deliveries = 0;
  let mailed = 0;
  for (let start = 0; start < owners.length; start += MEMBER_BATCH) {
    // Embedded PGlite answers without real I/O, so an await chain never yields on its own.
    await yieldToEventLoop();
    const batch = owners.slice(start, start + MEMBER_BATCH);
    const result = await db.transaction((tx) =>
      matchBatch(tx as unknown as Db, deps, job, normalized, batch, sendMail),
    );
    deliveries += result.made;
    mailed += result.mailIds.length;
    await options.dispatch?.(result.mailIds);
  }
  return { deliveries, mailed };
}

/** SQL: `column = any($1)`, the list as one parameter (hundreds of ids per batch). */
const anyOf = (column: AnyColumn, ids: readonly string[]) => sql`${column} = any(${sql.param(ids)}::text[])`;

/**
 * SQL: the deliveries of these jobs through these alerts — by the primary key (alert, job), the
 * one index whose use does not rest on row estimates. PGlite runs no autovacuum (its statistics
 * are those of the last explicit ANALYZE), and this table grows by thousands of rows within one
 * run: a plan chosen on stale numbers (the members' index, a scan by job) can read the whole
 * table for every batch.
 */
const deliveriesOf = (alertIds: readonly string[], jobIds: readonly string[]) =>
  and(anyOf(jobAlertDeliveries.alertId, alertIds), anyOf(jobAlertDeliveries.jobId, jobIds)) as SQL;

/** One batch of candidate members, in the caller's transaction. */
async function matchBatch(
  tx: Db,
  deps: MatchDeps,
  job: ListedJob,
  normalized: NormalizedJob,
  userIds: string[],
  sendMail: boolean,
): Promise<{ made: number; mailIds: string[] }> {
  // Locks the members' alerts (inactive ones too: every delivery of theirs is found through
  // them): a concurrent run, or the digest, waits, then sees our rows.
  const rows = await tx
    .select({
      alertId: jobAlerts.id,
      active: jobAlerts.active,
      frequency: jobAlerts.frequency,
      keywords: jobAlerts.keywords,
      departments: jobAlerts.departments,
      locations: jobAlerts.locations,
      owner: ownerColumns,
    })
    .from(jobAlerts)
    .innerJoin(users, eq(users.id, jobAlerts.userId))
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(and(anyOf(jobAlerts.userId, userIds), eq(users.status, 'active')))
    .orderBy(asc(jobAlerts.userId), asc(jobAlerts.id))
    .for('update', { of: jobAlerts });
  // Taken after the lock: a digest that ran meanwhile has a `last_digest_at` before this.
  const now = deps.clock.now();
  const matched: { alertId: string; owner: Owner; instant: boolean }[] = [];
  const alertsOf = new Map<string, string[]>();
  const mayView = new Map<string, boolean>();
  for (const row of rows) {
    const owner = row.owner as Owner;
    alertsOf.set(owner.userId, [...(alertsOf.get(owner.userId) ?? []), row.alertId]);
    if (!row.active) continue;
    let visible = mayView.get(owner.userId);
    if (visible === undefined) {
      visible = canView(ownerViewer(owner), job, now);
      mayView.set(owner.userId, visible);
    }
    if (visible && alertMatchesJob(row, normalized)) {
      matched.push({ alertId: row.alertId, owner, instant: row.frequency === 'instant' });
    }
  }
  if (matched.length === 0) return { made: 0, mailIds: [] };
  // Two array parameters rather than four per row: building a statement of hundreds of values
  // costs more than running it.
  const inserted = (
    await queryRows<{ alertId: string }>(
      tx,
      sql`insert into ${jobAlertDeliveries} (alert_id, job_id, user_id, created_at)
        select m.alert_id, ${job.id}, m.user_id, ${now.toISOString()}::timestamptz
        from unnest(${sql.param(matched.map((m) => m.alertId))}::text[], ${sql.param(
          matched.map((m) => m.owner.userId),
        )}::text[]) as m(alert_id, user_id)
        on conflict do nothing
        returning alert_id as "alertId"`,
    )
  ).map((row) => row.alertId);
  await notifyNewMatches(tx, job, matched, new Set(inserted), now);
  if (!sendMail) return { made: inserted.length, mailIds: [] };
  // Mail goes to members whose instant alert made a new delivery now, and who consent now.
  const made = new Set(inserted);
  const toMail = new Map<string, Owner>();
  for (const m of matched) {
    if (m.instant && made.has(m.alertId) && m.owner.newsletter) toMail.set(m.owner.userId, m.owner);
  }
  if (toMail.size === 0) return { made: inserted.length, mailIds: [] };
  const owners = [...toMail.values()];
  const alertIds = owners.flatMap((o) => alertsOf.get(o.userId) ?? []);
  const mailIds = await mailOnce(tx, deps, { owners, alertIds }, job, now);
  return { made: inserted.length, mailIds };
}

/**
 * The notification centre's side (decision 033): members whose alert made a new delivery of this
 * job now get one `job_alert` notification (the bell, "new jobs for you"), unless an earlier run
 * already told them of the job. The alert's own mail (instant or daily) stays this feature's.
 */
async function notifyNewMatches(
  tx: Db,
  job: ListedJob,
  matched: { alertId: string; owner: Owner }[],
  made: Set<string>,
  now: Date,
): Promise<void> {
  const userIds = [...new Set(matched.filter((m) => made.has(m.alertId)).map((m) => m.owner.userId))];
  if (userIds.length === 0) return;
  const threadKey = `job:${job.id}`;
  const told = await alreadyNotified(tx, { userIds, type: 'job_alert', threadKey });
  await notify(tx, now, {
    userIds: userIds.filter((id) => !told.has(id)),
    type: 'job_alert',
    threadKey,
    link: jobPath(job.id),
    data: { titleJa: job.titleJa, titleEn: job.titleEn },
    item: { classification: job.classification, audience: job.audience },
  });
}

/**
 * One mail per member and job: if an earlier delivery already carried this job to a member
 * (another alert, an earlier run), their new deliveries point at that mail instead. Returns the
 * ids of the mails queued. Three statements for the whole batch; `alertIds` are every alert of
 * these members, through which all their deliveries of the job are found.
 */
async function mailOnce(
  tx: Db,
  deps: MatchDeps,
  { owners, alertIds }: { owners: Owner[]; alertIds: string[] },
  job: MailJob,
  now: Date,
): Promise<string[]> {
  const theirs = deliveriesOf(alertIds, [job.id]);
  const earlier = await tx
    .selectDistinctOn([jobAlertDeliveries.userId], {
      userId: jobAlertDeliveries.userId,
      mailId: jobAlertDeliveries.mailId,
      mailedAt: jobAlertDeliveries.mailedAt,
    })
    .from(jobAlertDeliveries)
    .where(and(theirs, isNotNull(jobAlertDeliveries.mailId)))
    .orderBy(jobAlertDeliveries.userId, jobAlertDeliveries.mailedAt);
  const mailedBefore = new Set(earlier.map((e) => e.userId));
  const fresh = owners.filter((o) => !mailedBefore.has(o.userId));
  const mailIds = await queueMail(
    tx,
    fresh.map((owner) =>
      jobAlertMail({
        to: owner.email,
        locale: owner.locale,
        name: ownerName(owner),
        userId: owner.userId,
        baseUrl: deps.env.BASE_URL,
        job,
      }),
    ),
    { now },
  );
  // Every delivery of this job to these members (a daily alert's too): the digest skips it.
  // Each member's mail is picked by their position in the list: one statement, no join.
  const pointers = [
    ...earlier.map((e) => ({ userId: e.userId, mailId: e.mailId, mailedAt: e.mailedAt ?? now })),
    ...fresh.map((o, i) => ({ userId: o.userId, mailId: mailIds[i] ?? null, mailedAt: now })),
  ];
  const position = sql`array_position(${sql.param(pointers.map((p) => p.userId))}::text[], ${jobAlertDeliveries.userId})`;
  await tx
    .update(jobAlertDeliveries)
    .set({
      mailId: sql`(${sql.param(pointers.map((p) => p.mailId))}::text[])[${position}]`,
      mailedAt: sql`(${sql.param(pointers.map((p) => p.mailedAt.toISOString()))}::timestamptz[])[${position}]`,
    })
    .where(and(theirs, isNull(jobAlertDeliveries.mailId)));
  return mailIds;
}

/** SQL: the delivery waits for the digest: a daily alert's, unmailed, made since the last digest. */
function pendingDigestWhere(now: Date): SQL {
  return and(
    eq(jobAlerts.active, true),
    eq(jobAlerts.frequency, 'daily'),
    isNull(jobAlertDeliveries.mailId),
    sql`${jobAlertDeliveries.createdAt} > coalesce(${jobAlerts.lastDigestAt}, '-infinity'::timestamptz)`,
    lte(jobAlertDeliveries.createdAt, now),
  ) as SQL;
}

/**
 * The daily digest: for each member with deliveries waiting (daily alerts), one mail listing the
 * jobs that are still listed and visible to them — if they consent to 'newsletter' at this
 * moment — and the deliveries are marked mailed. Either way the member's daily alerts move their
 * `last_digest_at` to now, so a re-run (or a later consent) never sends the same jobs again.
 * Members go in batches, one short transaction each with a constant number of statements; the
 * event loop serves waiting requests between them.
 */
export async function runJobAlertDigest(
  deps: MatchDeps,
  options: Pick<MatchOptions, 'dispatch'> = {},
): Promise<{ members: number; mailed: number }> {
  const { db, clock } = deps;
  const now = clock.now();
  // Everyone waiting, at once: what is made after `now` waits for the next digest anyway.
  const waiting = await db
    .selectDistinct({ userId: jobAlerts.userId })
    .from(jobAlerts)
    .innerJoin(jobAlertDeliveries, eq(jobAlertDeliveries.alertId, jobAlerts.id))
    .where(pendingDigestWhere(now))
    .orderBy(asc(jobAlerts.userId));
  let mailed = 0;
  for (let start = 0; start < waiting.length; start += MEMBER_BATCH) {
    await yieldToEventLoop();
    const batch = waiting.slice(start, start + MEMBER_BATCH).map((w) => w.userId);
    const mailIds = await db.transaction((tx) => digestBatch(tx as unknown as Db, deps, batch, now));
    mailed += mailIds.length;
    if (mailIds.length > 0) await options.dispatch?.(mailIds);
  }
  return { members: waiting.length, mailed };
}

/** The digest of a batch of members, in the caller's transaction; returns the mails queued. */
async function digestBatch(tx: Db, deps: MatchDeps, userIds: string[], now: Date): Promise<string[]> {
  // The same lock as matching (all of the members' alerts): a concurrent digest run waits and
  // then finds nothing left; a concurrent match waits and makes its deliveries after `now`.
  const alerts = await tx
    .select({
      id: jobAlerts.id,
      userId: jobAlerts.userId,
      active: jobAlerts.active,
      frequency: jobAlerts.frequency,
    })
    .from(jobAlerts)
    .where(anyOf(jobAlerts.userId, userIds))
    .orderBy(asc(jobAlerts.userId), asc(jobAlerts.id))
    .for('update');
  const daily = alerts.filter((a) => a.active && a.frequency === 'daily').map((a) => a.id);
  if (daily.length === 0) return [];
  const alertIds = alerts.map((a) => a.id);
  const members = [
    ...new Set(alerts.filter((a) => a.active && a.frequency === 'daily').map((a) => a.userId)),
  ];
  const owners = await tx
    .select(ownerColumns)
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(anyOf(users.id, members));
  const waiting = await tx
    .select({ userId: jobAlertDeliveries.userId, job: mailJobColumns })
    .from(jobAlertDeliveries)
    .innerJoin(jobAlerts, eq(jobAlerts.id, jobAlertDeliveries.alertId))
    .innerJoin(jobs, eq(jobs.id, jobAlertDeliveries.jobId))
    .where(and(anyOf(jobAlertDeliveries.alertId, daily), pendingDigestWhere(now), listedJobWhere(now)))
    .orderBy(asc(jobAlertDeliveries.userId), asc(jobAlertDeliveries.createdAt), asc(jobs.id));
  // Not the jobs already mailed to them (by an instant alert).
  const jobIds = [...new Set(waiting.map((w) => w.job.id))];
  const mailedBefore = new Set(
    jobIds.length === 0
      ? []
      : (
          await tx
            .selectDistinct({ userId: jobAlertDeliveries.userId, jobId: jobAlertDeliveries.jobId })
            .from(jobAlertDeliveries)
            .where(and(deliveriesOf(alertIds, jobIds), isNotNull(jobAlertDeliveries.mailId)))
        ).map((d) => `${d.userId} ${d.jobId}`),
  );
  const pendingByOwner = new Map<string, ListedJob[]>();
  for (const w of waiting) {
    if (mailedBefore.has(`${w.userId} ${w.job.id}`)) continue;
    pendingByOwner.set(w.userId, [...(pendingByOwner.get(w.userId) ?? []), w.job]);
  }

  const mails: { owner: Owner; jobs: Map<string, MailJob> }[] = [];
  for (const row of owners) {
    const owner = row as Owner;
    if (owner.status !== 'active' || !owner.newsletter) continue;
    const viewer = ownerViewer(owner);
    const visible = (pendingByOwner.get(owner.userId) ?? []).filter((job) => canView(viewer, job, now));
    const jobsById = new Map(visible.map((job) => [job.id, job]));
    if (jobsById.size > 0) mails.push({ owner, jobs: jobsById });
  }
  const mailIds = await queueMail(
    tx,
    mails.map(({ owner, jobs: list }) =>
      jobAlertDigestMail({
        to: owner.email,
        locale: owner.locale,
        name: ownerName(owner),
        userId: owner.userId,
        baseUrl: deps.env.BASE_URL,
        jobs: [...list.values()],
      }),
    ),
    { now },
  );
  // Every delivery of a listed job to its member (an instant alert's too) gets the member's mail,
  // picked by the position of (member, job) in the list: one statement, no join (see mailOnce).
  const mailed = mails.flatMap(({ owner, jobs: list }, i) =>
    [...list.keys()].map((jobId) => ({ key: `${owner.userId} ${jobId}`, jobId, mailId: mailIds[i] ?? null })),
  );
  if (mailed.length > 0) {
    const key = sql`${jobAlertDeliveries.userId} || ' ' || ${jobAlertDeliveries.jobId}`;
    const keys = sql.param(mailed.map((m) => m.key));
    await tx
      .update(jobAlertDeliveries)
      .set({
        mailId: sql`(${sql.param(mailed.map((m) => m.mailId))}::text[])[array_position(${keys}::text[], ${key})]`,
        mailedAt: now,
      })
      .where(
        and(
          deliveriesOf(alertIds, [...new Set(mailed.map((m) => m.jobId))]),
          sql`${key} = any(${keys}::text[])`,
          isNull(jobAlertDeliveries.mailId),
        ),
      );
  }
  await tx.update(jobAlerts).set({ lastDigestAt: now }).where(anyOf(jobAlerts.id, daily));
  return mailIds;
}
