import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Role } from '../../../common/roles';
import { normalizeForSearch } from '../../../common/search-text';
import type { Db } from '../../db/client';
import { jobAlertDeliveries, jobAlerts, jobs, profiles, users } from '../../db/schema/index';
import type { AppDeps } from '../../lib/http';
import { canView, normalizeEmployer, type Viewer } from '../access/access.policy';
import { consentedSql } from '../consents/consents.service';
import { addresseeName } from '../invitations/invitation-mail';
import { listedJobWhere } from '../jobs/jobs.service';
import { queueMail } from '../mail/mail.service';
import { jobAlertDigestMail, jobAlertMail, type MailJob } from './job-alerts.mail';

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
 * location.
 */
export function alertMatchesJob(alert: AlertCriteria, job: MatchableJob): boolean {
  const text = normalizeForSearch(job.searchText);
  const keywordOk =
    alert.keywords.length === 0 ||
    alert.keywords.some((keyword) => {
      const words = normalizeForSearch(keyword).split(' ').filter(Boolean);
      return words.length > 0 && words.every((w) => text.includes(w));
    });
  if (!keywordOk) return false;
  const department = normalizeForSearch(job.department);
  const departmentOk =
    alert.departments.length === 0 || alert.departments.some((d) => normalizeForSearch(d) === department);
  if (!departmentOk) return false;
  const location = normalizeForSearch(job.location);
  return (
    alert.locations.length === 0 ||
    job.remote === 'remote' ||
    alert.locations.some((l) => {
      const wanted = normalizeForSearch(l);
      return wanted !== '' && location !== '' && (location.includes(wanted) || wanted.includes(location));
    })
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

/** Members per batch: one short transaction each, so requests interleave on PGlite (decision 006). */
const MEMBER_BATCH = 200;

/** Only the public origin is read from the environment (links in mail). */
type MatchDeps = Pick<AppDeps, 'db' | 'clock'> & { env: Pick<AppDeps['env'], 'BASE_URL'> };

export interface MatchOptions {
  /** Queue instant mails (default). The demo seed turns it off. */
  mail?: boolean;
  /** Called after each batch commits with the mail ids it queued. */
  dispatch?: (mailIds: string[]) => Promise<void>;
}

/**
 * Matches one job against every active alert of active members who may see it (the visibility
 * policy's `canView` over each owner's role and attributes, as for a request of theirs). Returns
 * how many deliveries were made and how many mails were queued. A job that is not listed (draft,
 * closed, past its closing day) matches nothing.
 */
export async function matchJobToAlerts(
  deps: MatchDeps,
  jobId: string,
  options: MatchOptions = {},
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

  let deliveries = 0;
  let mailed = 0;
  let after = '';
  for (;;) {
    const batch = await db
      .selectDistinct({ userId: jobAlerts.userId })
      .from(jobAlerts)
      .where(and(eq(jobAlerts.active, true), gt(jobAlerts.userId, after)))
      .orderBy(asc(jobAlerts.userId))
      .limit(MEMBER_BATCH);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]?.userId ?? after;
    const result = await db.transaction(async (tx) => {
      // Locks the members' alerts: a concurrent run (or the digest) waits, then sees our rows.
      const rows = await tx
        .select({
          alertId: jobAlerts.id,
          frequency: jobAlerts.frequency,
          keywords: jobAlerts.keywords,
          departments: jobAlerts.departments,
          locations: jobAlerts.locations,
          owner: ownerColumns,
        })
        .from(jobAlerts)
        .innerJoin(users, eq(users.id, jobAlerts.userId))
        .leftJoin(profiles, eq(profiles.userId, users.id))
        .where(
          and(
            inArray(
              jobAlerts.userId,
              batch.map((b) => b.userId),
            ),
            eq(jobAlerts.active, true),
            eq(users.status, 'active'),
          ),
        )
        .orderBy(asc(jobAlerts.userId), asc(jobAlerts.id))
        .for('update', { of: jobAlerts });
      // Taken after the lock: a digest that ran meanwhile has a `last_digest_at` before this.
      const now = clock.now();
      const byOwner = new Map<string, { owner: Owner; alerts: typeof rows }>();
      for (const row of rows) {
        const entry = byOwner.get(row.owner.userId) ?? { owner: row.owner as Owner, alerts: [] };
        entry.alerts.push(row);
        byOwner.set(row.owner.userId, entry);
      }
      let made = 0;
      const mailIds: string[] = [];
      for (const { owner, alerts } of byOwner.values()) {
        if (!canView(ownerViewer(owner), job, now)) continue;
        const matched = alerts.filter((a) => alertMatchesJob(a, job));
        if (matched.length === 0) continue;
        const inserted = await tx
          .insert(jobAlertDeliveries)
          .values(
            matched.map((a) => ({ alertId: a.alertId, jobId: job.id, userId: owner.userId, createdAt: now })),
          )
          .onConflictDoNothing()
          .returning({ alertId: jobAlertDeliveries.alertId });
        made += inserted.length;
        const instant = matched.some(
          (a) => a.frequency === 'instant' && inserted.some((i) => i.alertId === a.alertId),
        );
        if (!sendMail || !instant || !owner.newsletter) continue;
        const mailId = await mailOnce(tx as unknown as Db, deps, owner, job, now);
        if (mailId) mailIds.push(mailId);
      }
      return { made, mailIds };
    });
    deliveries += result.made;
    mailed += result.mailIds.length;
    await options.dispatch?.(result.mailIds);
  }
  return { deliveries, mailed };
}

/**
 * One mail per member and job: if an earlier delivery already carried this job to them (another
 * alert, an earlier run), the new deliveries point at that mail instead. Returns the new mail's id.
 */
async function mailOnce(
  tx: Db,
  deps: MatchDeps,
  owner: Owner,
  job: MailJob,
  now: Date,
): Promise<string | null> {
  const forMember = and(eq(jobAlertDeliveries.userId, owner.userId), eq(jobAlertDeliveries.jobId, job.id));
  const [earlier] = await tx
    .select({ mailId: jobAlertDeliveries.mailId, mailedAt: jobAlertDeliveries.mailedAt })
    .from(jobAlertDeliveries)
    .where(and(forMember, isNotNull(jobAlertDeliveries.mailId)))
    .limit(1);
  if (earlier) {
    await tx
      .update(jobAlertDeliveries)
      .set({ mailId: earlier.mailId, mailedAt: earlier.mailedAt })
      .where(and(forMember, isNull(jobAlertDeliveries.mailId)));
    return null;
  }
  const [mailId] = await queueMail(
    tx,
    jobAlertMail({
      to: owner.email,
      locale: owner.locale,
      name: ownerName(owner),
      userId: owner.userId,
      baseUrl: deps.env.BASE_URL,
      job,
    }),
    { now },
  );
  if (!mailId) return null;
  // Every delivery of this job to this member (a daily alert's too): the digest skips it.
  await tx
    .update(jobAlertDeliveries)
    .set({ mailId, mailedAt: now })
    .where(and(forMember, isNull(jobAlertDeliveries.mailId)));
  return mailId;
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
 * One short transaction per member.
 */
export async function runJobAlertDigest(
  deps: MatchDeps,
  options: Pick<MatchOptions, 'dispatch'> = {},
): Promise<{ members: number; mailed: number }> {
  const { db, clock } = deps;
  const now = clock.now();
  let members = 0;
  let mailed = 0;
  let after = '';
  for (;;) {
    const batch = await db
      .selectDistinct({ userId: jobAlerts.userId })
      .from(jobAlerts)
      .innerJoin(jobAlertDeliveries, eq(jobAlertDeliveries.alertId, jobAlerts.id))
      .where(and(pendingDigestWhere(now), gt(jobAlerts.userId, after)))
      .orderBy(asc(jobAlerts.userId))
      .limit(MEMBER_BATCH);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]?.userId ?? after;
    for (const { userId } of batch) {
      const mailId = await digestForMember(deps, userId, now);
      members += 1;
      if (mailId) {
        mailed += 1;
        await options.dispatch?.([mailId]);
      }
    }
  }
  return { members, mailed };
}

async function digestForMember(deps: MatchDeps, userId: string, now: Date): Promise<string | null> {
  return deps.db.transaction(async (tx) => {
    const daily = and(
      eq(jobAlerts.userId, userId),
      eq(jobAlerts.active, true),
      eq(jobAlerts.frequency, 'daily'),
    );
    // The same lock as matching: a concurrent digest run waits and then finds nothing left.
    const locked = await tx.select({ id: jobAlerts.id }).from(jobAlerts).where(daily).for('update');
    if (locked.length === 0) return null;
    const [owner] = await tx
      .select(ownerColumns)
      .from(users)
      .leftJoin(profiles, eq(profiles.userId, users.id))
      .where(eq(users.id, userId));
    const pending = await tx
      .select({ alertId: jobAlertDeliveries.alertId, job: mailJobColumns })
      .from(jobAlertDeliveries)
      .innerJoin(jobAlerts, eq(jobAlerts.id, jobAlertDeliveries.alertId))
      .innerJoin(jobs, eq(jobs.id, jobAlertDeliveries.jobId))
      .where(
        and(
          eq(jobAlerts.userId, userId),
          pendingDigestWhere(now),
          listedJobWhere(now),
          // Not already mailed to them by an instant alert.
          sql`not exists (select 1 from ${jobAlertDeliveries} d2 where d2.user_id = ${userId}
                and d2.job_id = ${jobAlertDeliveries.jobId} and d2.mail_id is not null)`,
        ),
      )
      .orderBy(asc(jobAlertDeliveries.createdAt), asc(jobs.id));
    let mailId: string | null = null;
    if (owner && owner.status === 'active' && owner.newsletter) {
      const viewer = ownerViewer(owner as Owner);
      const visible = pending.filter((p) => canView(viewer, p.job, now));
      const jobsById = new Map(visible.map((p) => [p.job.id, p.job]));
      if (jobsById.size > 0) {
        const queued = await queueMail(
          tx,
          jobAlertDigestMail({
            to: owner.email,
            locale: owner.locale,
            name: ownerName(owner as Owner),
            userId,
            baseUrl: deps.env.BASE_URL,
            jobs: [...jobsById.values()],
          }),
          { now },
        );
        mailId = queued[0] ?? null;
        if (mailId) {
          await tx
            .update(jobAlertDeliveries)
            .set({ mailId, mailedAt: now })
            .where(
              and(
                eq(jobAlertDeliveries.userId, userId),
                inArray(jobAlertDeliveries.jobId, [...jobsById.keys()]),
                isNull(jobAlertDeliveries.mailId),
              ),
            );
        }
      }
    }
    await tx.update(jobAlerts).set({ lastDigestAt: now }).where(daily);
    return mailId;
  });
}
