import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import { todayIn } from '#common/dates';
import {
  type AdminJobFilter,
  type AdminJobListQuery,
  type FitReasons,
  type JobAudienceValue,
  type JobCreate,
  type JobFitQuery,
  type JobListQuery,
  type JobUpdate,
  jobRuleIssues,
  normalizeJobSkill,
  uniqueSkills,
} from '#common/jobs';
import { JOB_ALERTS_MATCH_JOB, JOBS_TIME_ZONE } from '#common/rehiring-reference';
import { normalizeForSearch, tokenizeQuery } from '#common/search-text';
import type { Db } from '#server/db/client';
import { jobs, users } from '#server/db/schema/index';
import { findVisibleMember } from '#server/features/members/members.service';
import { type Viewer, visibleItemsWhere } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { AppError, emptyFieldMap, notFound } from '#server/lib/errors';
import { canManageJobs, governedFromAudience } from './jobs.policy';

export type JobRow = typeof jobs.$inferSelect;

type Deps = Pick<AppDeps, 'db' | 'clock'>;
type WriteDeps = Pick<AppDeps, 'db' | 'clock' | 'queue' | 'logger'>;

/** Today in the head office's zone: a job is listed through the whole of its closing day. */
const todayForJobs = (now: Date) => todayIn(JOBS_TIME_ZONE, now);

/** SQL: the job is open and its closing day (in the head office's zone) has not passed. */
export function listedJobWhere(now: Date): SQL {
  return and(eq(jobs.status, 'open'), gte(jobs.closesOn, todayForJobs(now))) as SQL;
}

/** SQL: the visibility policy's rule for this viewer over the jobs table (decision 004). */
const jobVisibleWhere = (viewer: Viewer, now: Date) =>
  visibleItemsWhere(viewer, { classification: jobs.classification, audience: jobs.audience }, now);

/**
 * A listed job this viewer may see, or null (→ 404). The one check other features use before
 * acting on a job (return interest, referral, alerts).
 */
export async function getVisibleJob(
  db: Db,
  { viewer, jobId, now }: { viewer: Viewer; jobId: string; now: Date },
): Promise<JobRow | null> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, jobId), listedJobWhere(now), jobVisibleWhere(viewer, now)));
  return row ?? null;
}

/**
 * Classifications a member may refer an outsider for: the job's title goes to the candidate by
 * email and on the public consent page, so internal and group (confidential) jobs never qualify.
 */
export const REFERABLE_CLASSIFICATIONS = ['public', 'network'] as const;

export const isJobReferable = (row: Pick<JobRow, 'classification'>) =>
  (REFERABLE_CLASSIFICATIONS as readonly string[]).includes(row.classification);

/**
 * A listed job the viewer may see AND may refer people outside the company for (public or
 * network), or null (→ 404). The referral feature's check before naming a job to a candidate.
 */
export async function getReferableJob(
  db: Db,
  { viewer, jobId, now }: { viewer: Viewer; jobId: string; now: Date },
): Promise<JobRow | null> {
  const row = await getVisibleJob(db, { viewer, jobId, now });
  return row && isJobReferable(row) ? row : null;
}

/** Open but past its closing day: off every member list, still open in HR's eyes. */
export const isJobExpired = (row: Pick<JobRow, 'status' | 'closesOn'>, now: Date) =>
  row.status === 'open' && row.closesOn < todayForJobs(now);

export const isJobListed = (row: Pick<JobRow, 'status' | 'closesOn'>, now: Date) =>
  row.status === 'open' && row.closesOn >= todayForJobs(now);

// ---- search ------------------------------------------------------------------------------------

/** The one search document of a job, in both languages (computed at write time, decision 016). */
export function buildJobSearchText(job: {
  titleJa: string | null;
  titleEn: string | null;
  descriptionJa: string | null;
  descriptionEn: string | null;
  department: string;
  location: string;
  skills: readonly string[];
}): string {
  return normalizeForSearch(
    [
      job.titleJa,
      job.titleEn,
      job.department,
      job.location,
      job.skills.join(' '),
      job.descriptionJa,
      job.descriptionEn,
    ]
      .filter(Boolean)
      .join(' '),
  );
}

const likePattern = (token: string) => `%${token.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** Every token must occur in the document (trigram index `jobs_search_trgm` serves the LIKE). */
function searchConditions(q: string | undefined): SQL[] {
  return tokenizeQuery(q).map((token) => sql`${jobs.searchText} like ${likePattern(token)}`);
}

/** The columns a list shows (not the descriptions or the search document). */
export const JOB_CARD_COLUMNS = {
  id: jobs.id,
  titleJa: jobs.titleJa,
  titleEn: jobs.titleEn,
  department: jobs.department,
  location: jobs.location,
  remote: jobs.remote,
  employmentType: jobs.employmentType,
  skills: jobs.skills,
  salaryMin: jobs.salaryMin,
  salaryMax: jobs.salaryMax,
  salaryCurrency: jobs.salaryCurrency,
  salaryPeriod: jobs.salaryPeriod,
  closesOn: jobs.closesOn,
  publishedAt: jobs.publishedAt,
  /** Read for `referable` only; the classification itself never leaves to members. */
  classification: jobs.classification,
};
export type JobCardRow = Pick<JobRow, keyof typeof JOB_CARD_COLUMNS>;

const newestFirst = [sql`${jobs.publishedAt} desc nulls last`, desc(jobs.createdAt), asc(jobs.id)];

// ---- member lists ------------------------------------------------------------------------------

/**
 * Listed jobs the viewer may see, searched and filtered, one page; with the departments and
 * locations of all the jobs they may see (the filter options).
 */
export async function listJobs(deps: Deps, { viewer, query }: { viewer: Viewer; query: JobListQuery }) {
  const { db, clock } = deps;
  const now = clock.now();
  const base = and(listedJobWhere(now), jobVisibleWhere(viewer, now)) as SQL;
  const conds: SQL[] = [base, ...searchConditions(query.q)];
  if (query.department?.length) conds.push(inArray(jobs.department, query.department));
  if (query.location?.length) conds.push(inArray(jobs.location, query.location));
  if (query.remote?.length) conds.push(inArray(jobs.remote, query.remote));
  if (query.employmentType?.length) conds.push(inArray(jobs.employmentType, query.employmentType));
  const where = and(...conds) as SQL;
  const offset = (query.page - 1) * query.pageSize;

  const rows = await db
    .select(JOB_CARD_COLUMNS)
    .from(jobs)
    .where(where)
    .orderBy(...newestFirst)
    .limit(query.pageSize + 1)
    .offset(offset);
  const [counted] = await db.select({ n: count() }).from(jobs).where(where);
  const facet = async (column: typeof jobs.department | typeof jobs.location) =>
    (
      await db
        .select({ value: column, count: count() })
        .from(jobs)
        .where(base)
        .groupBy(column)
        .orderBy(desc(count()), asc(column))
    ).map((f) => ({ value: f.value, count: Number(f.count) }));
  return {
    rows: rows.slice(0, query.pageSize),
    hasMore: rows.length > query.pageSize,
    total: Number(counted?.n ?? 0),
    facets: { department: await facet(jobs.department), location: await facet(jobs.location) },
  };
}

/** Weights of "jobs that fit me" (decision 016): skills count most, then the former department. */
export const FIT_WEIGHTS = { skill: 3, department: 2, location: 1 } as const;

const regionNames = (['ja', 'en'] as const).map((lang) => {
  try {
    return new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  } catch {
    return null;
  }
});

/**
 * Does a job's location suit a member? A remote job suits everyone; otherwise the member's
 * location (a city) appears in the job's or the other way round, or the job names the member's
 * country (its code as a word, or its name in Japanese or English).
 */
export function locationFits(
  job: { location: string; remote: JobRow['remote'] },
  member: { location: string | null; country: string | null },
): boolean {
  if (job.remote === 'remote') return true;
  const where = normalizeForSearch(job.location);
  if (!where) return false;
  const mine = member.location ? normalizeForSearch(member.location) : '';
  if (mine && (where.includes(mine) || mine.includes(where))) return true;
  if (member.country) {
    const code = member.country.toLowerCase();
    if (where.split(/[\s,、・/()（）]+/).includes(code)) return true;
    for (const names of regionNames) {
      const name = names?.of(member.country.toUpperCase());
      if (name && where.includes(normalizeForSearch(name))) return true;
    }
  }
  return false;
}

/** Why a job fits a member, and how well; null when it does not (no skill and not their department). */
export function fitOf(
  job: Pick<JobRow, 'skills' | 'department' | 'location' | 'remote'>,
  member: {
    skills: readonly string[];
    departments: readonly string[];
    location: string | null;
    country: string | null;
  },
): { score: number; reasons: FitReasons } | null {
  const mine = new Set(member.skills.map(normalizeJobSkill));
  const skills = uniqueSkills(job.skills).filter((s) => mine.has(normalizeJobSkill(s)));
  const department = member.departments.some(
    (d) => normalizeForSearch(d) === normalizeForSearch(job.department),
  );
  if (skills.length === 0 && !department) return null;
  const location = locationFits(job, member);
  const score =
    FIT_WEIGHTS.skill * skills.length +
    (department ? FIT_WEIGHTS.department : 0) +
    (location ? FIT_WEIGHTS.location : 0);
  return { score, reasons: { skills, department, location } };
}

/**
 * "Jobs that fit me": the listed jobs the viewer may see, ranked against their own profile
 * (skills, former departments, location). Open jobs number in the hundreds, so every candidate
 * is scored here with one normaliser — the same one that explains the reasons.
 */
export async function fitJobs(deps: Deps, { viewer, query }: { viewer: Viewer; query: JobFitQuery }) {
  const { db, clock } = deps;
  const now = clock.now();
  const me = await findVisibleMember({ db, viewer, id: viewer.id });
  const candidates = await db
    .select(JOB_CARD_COLUMNS)
    .from(jobs)
    .where(and(listedJobWhere(now), jobVisibleWhere(viewer, now)))
    .orderBy(...newestFirst);
  const ranked = candidates
    .map((job, order) => ({ job, order, fit: fitOf(job, me) }))
    .filter((x): x is typeof x & { fit: NonNullable<typeof x.fit> } => x.fit !== null)
    // Best score first; equal scores keep the newest-first order.
    .sort((a, b) => b.fit.score - a.fit.score || a.order - b.order);
  const offset = (query.page - 1) * query.pageSize;
  return {
    items: ranked.slice(offset, offset + query.pageSize).map(({ job, fit }) => ({ job, ...fit })),
    total: ranked.length,
    hasMore: ranked.length > offset + query.pageSize,
    profile: { skills: me.skills.length, departments: me.departments.length },
  };
}

/**
 * A job as this viewer may see it: HR (alumni_manager, admin) any job in any state; anyone else
 * only a listed job in their audience. Otherwise 404.
 */
export async function findJobForViewer(
  deps: Deps,
  { viewer, id }: { viewer: Viewer; id: string },
): Promise<JobRow> {
  const row = canManageJobs(viewer)
    ? (await deps.db.select().from(jobs).where(eq(jobs.id, id)))[0]
    : await getVisibleJob(deps.db, { viewer, jobId: id, now: deps.clock.now() });
  if (!row) throw notFound();
  return row;
}

/** Names of a group's members, for HR's form (ids that no longer exist are left out). */
export async function groupMembers(db: Db, { ids }: { ids: readonly string[] }) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: users.id, displayName: users.name })
    .from(users)
    .where(inArray(users.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

// ---- HR ----------------------------------------------------------------------------------------

const expiredSql = (now: Date) => sql`(${jobs.status} = 'open' and ${jobs.closesOn} < ${todayForJobs(now)})`;

function adminFilter(filter: AdminJobFilter, now: Date): SQL | undefined {
  switch (filter) {
    case 'all':
      return undefined;
    case 'expired':
      return expiredSql(now);
    case 'open':
      return listedJobWhere(now);
    default:
      return eq(jobs.status, filter);
  }
}

/** Every job in every state (HR), most recently changed first, with counts per state. */
export async function listAdminJobs(deps: Deps, { query }: { query: AdminJobListQuery }) {
  const { db, clock } = deps;
  const now = clock.now();
  const conds = [adminFilter(query.status, now), ...searchConditions(query.q)].filter(
    (c): c is SQL => c !== undefined,
  );
  const where = conds.length > 0 ? and(...conds) : undefined;
  const offset = (query.page - 1) * query.pageSize;
  const rows = await db
    .select()
    .from(jobs)
    .where(where)
    .orderBy(desc(jobs.updatedAt), asc(jobs.id))
    .limit(query.pageSize + 1)
    .offset(offset);
  const [counted] = await db.select({ n: count() }).from(jobs).where(where);
  const state = sql<string>`case when ${expiredSql(now)} then 'expired' else ${jobs.status} end`;
  const byState = await db.select({ state, n: count() }).from(jobs).groupBy(sql`1`);
  const counts = { all: 0, draft: 0, open: 0, expired: 0, closed: 0 } as Record<AdminJobFilter, number>;
  for (const { state: s, n } of byState) {
    counts[s as AdminJobFilter] = Number(n);
    counts.all += Number(n);
  }
  return {
    rows: rows.slice(0, query.pageSize),
    hasMore: rows.length > query.pageSize,
    total: Number(counted?.n ?? 0),
    counts,
  };
}

const badRequest = (fields: Record<string, string[]>) =>
  new AppError('bad_request', 'error.bad_request', fields);

function assertOpensToday(closesOn: string, now: Date) {
  if (closesOn < todayForJobs(now)) throw badRequest({ closesOn: ['error.job_closes_in_past'] });
}

/** A group's members must be active members (their ids come from HR's picker). */
async function assertGroupMembers(db: Db, audience: JobAudienceValue) {
  if (audience.preset !== 'group') return;
  const ids = [...new Set(audience.memberIds)];
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.status, 'active')));
  if (found.length !== ids.length) throw badRequest({ 'audience.memberIds': ['error.job_unknown_member'] });
}

type JobContent = Pick<
  JobRow,
  | 'titleJa'
  | 'titleEn'
  | 'descriptionJa'
  | 'descriptionEn'
  | 'department'
  | 'location'
  | 'remote'
  | 'employmentType'
  | 'skills'
  | 'salaryMin'
  | 'salaryMax'
  | 'salaryCurrency'
  | 'salaryPeriod'
  | 'closesOn'
>;

/** Stored form of the content: skills without repeats, no currency or period without a salary. */
function contentColumns(c: JobContent) {
  const hasSalary = c.salaryMin != null || c.salaryMax != null;
  const content = {
    titleJa: c.titleJa ?? null,
    titleEn: c.titleEn ?? null,
    descriptionJa: c.descriptionJa ?? null,
    descriptionEn: c.descriptionEn ?? null,
    department: c.department,
    location: c.location,
    remote: c.remote,
    employmentType: c.employmentType,
    skills: uniqueSkills(c.skills),
    salaryMin: c.salaryMin ?? null,
    salaryMax: c.salaryMax ?? null,
    salaryCurrency: hasSalary ? (c.salaryCurrency ?? null) : null,
    salaryPeriod: hasSalary ? (c.salaryPeriod ?? null) : null,
    closesOn: c.closesOn,
  };
  return { ...content, searchText: buildJobSearchText(content) };
}

/**
 * After a job became open (and the transaction committed): job alerts match it in the background
 * (the job-alerts feature owns the worker). A failure to queue must not undo the publication that
 * already happened, so it is logged, not thrown.
 */
async function announceOpenJob(deps: WriteDeps, jobId: string) {
  try {
    await deps.queue.send(JOB_ALERTS_MATCH_JOB, { jobId }, { singletonKey: jobId });
  } catch (error) {
    deps.logger.warn('job alerts not queued', { jobId, error: String(error) });
  }
}

/** HR posts a job, as a draft or published at once. */
export async function createJob(
  deps: WriteDeps,
  { viewer, input }: { viewer: Viewer; input: JobCreate },
): Promise<JobRow> {
  const { db, clock } = deps;
  const now = clock.now();
  if (input.status === 'open') assertOpensToday(input.closesOn, now);
  await assertGroupMembers(db, input.audience);
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(jobs)
      .values({
        id: randomUUID(),
        ...contentColumns({
          ...input,
          titleJa: input.titleJa ?? null,
          titleEn: input.titleEn ?? null,
          descriptionJa: input.descriptionJa ?? null,
          descriptionEn: input.descriptionEn ?? null,
          salaryMin: input.salaryMin ?? null,
          salaryMax: input.salaryMax ?? null,
          salaryCurrency: input.salaryCurrency ?? null,
          salaryPeriod: input.salaryPeriod ?? null,
        }),
        ...governedFromAudience(input.audience),
        status: input.status,
        postedBy: viewer.id,
        publishedAt: input.status === 'open' ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!inserted) throw new Error('insert returned nothing');
    await audit(tx, {
      actorId: viewer.id,
      action: 'job.created',
      subjectType: 'job',
      subjectId: inserted.id,
      data: { status: inserted.status, classification: inserted.classification },
      at: now,
    });
    return inserted;
  });
  if (row.status === 'open') await announceOpenJob(deps, row.id);
  return row;
}

/** What job alerts match on (and who may see the job): a change re-runs the matching. */
const alertRelevant = (row: JobRow) =>
  JSON.stringify([
    row.titleJa,
    row.titleEn,
    row.department,
    row.location,
    row.skills,
    row.classification,
    row.audience,
  ]);

/**
 * HR edits a job in any state. The cross-field rules are checked on the job as it would become;
 * an open job cannot be given a closing day in the past (close it instead). When an open job's
 * title, skills, department, location, audience or classification changed, job alerts match it
 * again after commit (matching is idempotent: one delivery per alert and job).
 */
export async function updateJob(
  deps: WriteDeps,
  { viewer, id, input }: { viewer: Viewer; id: string; input: JobUpdate },
) {
  const { db, clock } = deps;
  const now = clock.now();
  if (input.audience) await assertGroupMembers(db, input.audience);
  let rematch = false;
  const row = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(jobs).where(eq(jobs.id, id)).for('update');
    if (!current) throw notFound();
    const defined = Object.fromEntries(
      Object.entries(input).filter(([k, v]) => v !== undefined && k !== 'audience'),
    ) as Partial<JobContent>;
    const next: JobContent = { ...current, ...defined };
    const issues = jobRuleIssues(next);
    if (issues.length > 0) {
      const fields: Record<string, string[]> = emptyFieldMap();
      for (const issue of issues) fields[issue.path] = [...(fields[issue.path] ?? []), issue.message];
      throw badRequest(fields);
    }
    if (current.status === 'open' && input.closesOn !== undefined) assertOpensToday(input.closesOn, now);
    const [updated] = await tx
      .update(jobs)
      .set({
        ...contentColumns(next),
        ...(input.audience ? governedFromAudience(input.audience) : {}),
        updatedAt: now,
      })
      .where(eq(jobs.id, id))
      .returning();
    if (!updated) throw notFound();
    await audit(tx, {
      actorId: viewer.id,
      action: 'job.updated',
      subjectType: 'job',
      subjectId: updated.id,
      data: {
        status: updated.status,
        classification: updated.classification,
        fields: Object.keys(input).filter((k) => input[k as keyof JobUpdate] !== undefined),
      },
      at: now,
    });
    rematch = updated.status === 'open' && alertRelevant(updated) !== alertRelevant(current);
    return updated;
  });
  if (rematch) await announceOpenJob(deps, row.id);
  return row;
}

/** HR publishes a draft (or reopens a closed job): open from now until its closing day. */
export async function publishJob(
  deps: WriteDeps,
  { viewer, id }: { viewer: Viewer; id: string },
): Promise<JobRow> {
  const { db, clock } = deps;
  const now = clock.now();
  const row = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(jobs).where(eq(jobs.id, id)).for('update');
    if (!current) throw notFound();
    if (current.status === 'open') throw new AppError('conflict', 'error.job_already_open');
    assertOpensToday(current.closesOn, now);
    const [updated] = await tx
      .update(jobs)
      .set({ status: 'open', publishedAt: now, closedAt: null, updatedAt: now })
      .where(eq(jobs.id, id))
      .returning();
    if (!updated) throw notFound();
    await audit(tx, {
      actorId: viewer.id,
      action: 'job.published',
      subjectType: 'job',
      subjectId: updated.id,
      data: { status: updated.status, classification: updated.classification },
      at: now,
    });
    return updated;
  });
  await announceOpenJob(deps, row.id);
  return row;
}

/** HR closes a job (or drops a draft): it leaves every member list at once. */
export async function closeJob(
  deps: WriteDeps,
  { viewer, id }: { viewer: Viewer; id: string },
): Promise<JobRow> {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(jobs).where(eq(jobs.id, id)).for('update');
    if (!current) throw notFound();
    if (current.status === 'closed') throw new AppError('conflict', 'error.job_already_closed');
    const [updated] = await tx
      .update(jobs)
      .set({ status: 'closed', closedAt: now, updatedAt: now })
      .where(eq(jobs.id, id))
      .returning();
    if (!updated) throw notFound();
    await audit(tx, {
      actorId: viewer.id,
      action: 'job.closed',
      subjectType: 'job',
      subjectId: updated.id,
      data: { status: updated.status, classification: updated.classification },
      at: now,
    });
    return updated;
  });
}
