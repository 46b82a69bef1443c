import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, eq, gt, lte, not, or, type SQL, sql } from 'drizzle-orm';
import type { AttributeRule } from '#common/access';
import { normalizeForSearch } from '#common/search-text';
import type { Db } from '#server/db/client';
import { jobAlerts, profiles, users } from '#server/db/schema/index';
import { CLASSIFICATION_ROLES, type GovernedItem } from '#server/lib/access/policy';

/**
 * Which members could an alert of theirs match a published job? (decision 018, addendum.) The
 * database narrows 300,000 members to the owners of alerts that may match; the matcher then
 * checks each of those in code with the reference rules (`canView`, `alertMatchesJob`) under its
 * lock. So this selection must never leave out an owner the reference rules would alert (a
 * superset); it is exact for the criteria and for every visibility rule but one (below).
 */

/** A job's fields as the criteria compare them: normalised once, as the jobs search does. */
export interface NormalizedJob {
  text: string;
  department: string;
  location: string;
  remote: 'onsite' | 'hybrid' | 'remote';
}

export function normalizeJob(job: {
  searchText: string;
  department: string;
  location: string;
  remote: NormalizedJob['remote'];
}): NormalizedJob {
  return {
    text: normalizeForSearch(job.searchText),
    department: normalizeForSearch(job.department),
    location: normalizeForSearch(job.location),
    remote: job.remote,
  };
}

/** One keyword: every word of it occurs in the job's text. */
export function keywordMatches(keyword: string, job: NormalizedJob): boolean {
  const words = normalizeForSearch(keyword).split(' ').filter(Boolean);
  return words.length > 0 && words.every((w) => job.text.includes(w));
}

/** One department: equal to the job's, case and width aside. */
export const departmentMatches = (department: string, job: NormalizedJob): boolean =>
  normalizeForSearch(department) === job.department;

/** One location: contained in the job's location or containing it (remote jobs: see the caller). */
export function locationMatches(location: string, job: NormalizedJob): boolean {
  const wanted = normalizeForSearch(location);
  return (
    wanted !== '' && job.location !== '' && (job.location.includes(wanted) || wanted.includes(job.location))
  );
}

export interface MatchingValues {
  keywords: string[];
  departments: string[];
  /** null: a fully remote job, in every location. */
  locations: string[] | null;
}

/** Alerts per slice of the narrowing pass (decision 018, addendum). */
const ALERT_SLICE = 10_000;

/** Each criterion value is judged once per job, whatever number of slices and alerts hold it. */
class ValueJudge {
  readonly #seen = new Map<string, boolean>();
  constructor(readonly job: NormalizedJob) {}
  matches(kind: 'k' | 'd' | 'l', value: string): boolean {
    const key = `${kind}${value}`;
    let verdict = this.#seen.get(key);
    if (verdict === undefined) {
      verdict =
        kind === 'k'
          ? keywordMatches(value, this.job)
          : kind === 'd'
            ? departmentMatches(value, this.job)
            : locationMatches(value, this.job);
      this.#seen.set(key, verdict);
    }
    return verdict;
  }
}

/**
 * The criteria values, as members typed them, of the active alerts in one slice of job_alerts
 * (primary-key order, after `after`) that match the job; and the slice's last id (null: no alerts
 * left). Each criterion value matches or not on its own, so an alert meets a criterion exactly when
 * it sets none or one of its values is in this list: the database compares stored strings and the
 * normalisation stays in code (no normalised column, no SQL twin of `normalizeForSearch` to keep
 * in step). The distinct values are a few thousand however many alerts there are.
 */
async function sliceValues(
  db: Db,
  judge: ValueJudge,
  after: string,
): Promise<{ end: string | null; values: MatchingValues }> {
  const remote = judge.job.remote === 'remote';
  const distinct = (column: string) =>
    sql.raw(`select distinct v from slice, unnest(slice.${column}) as v where slice.active`);
  const result = (await db.execute(
    sql`with slice as (
          select ${jobAlerts.id} as id, ${jobAlerts.active} as active, ${jobAlerts.keywords} as keywords,
                 ${jobAlerts.departments} as departments, ${jobAlerts.locations} as locations
          from ${jobAlerts} where ${jobAlerts.id} > ${after} order by ${jobAlerts.id} limit ${ALERT_SLICE})
        select 'e' as kind, max(id) as v from slice
        union all select 'k', v from (${distinct('keywords')}) k
        union all select 'd', v from (${distinct('departments')}) d
        ${remote ? sql`` : sql`union all select 'l', v from (${distinct('locations')}) l`}`,
  )) as unknown as { rows: { kind: 'e' | 'k' | 'd' | 'l'; v: string | null }[] };
  const values: MatchingValues = { keywords: [], departments: [], locations: remote ? null : [] };
  let end: string | null = null;
  for (const { kind, v } of result.rows) {
    if (kind === 'e') end = v;
    else if (v === null || !judge.matches(kind, v)) continue;
    else if (kind === 'k') values.keywords.push(v);
    else if (kind === 'd') values.departments.push(v);
    else values.locations?.push(v);
  }
  return { end, values };
}

/** The matching criteria values of all active alerts (the whole table, slice by slice). */
export async function matchingCriteriaValues(db: Db, job: NormalizedJob): Promise<MatchingValues> {
  const judge = new ValueJudge(job);
  const all = { keywords: new Set<string>(), departments: new Set<string>(), locations: new Set<string>() };
  for (let after = ''; ; ) {
    const { end, values } = await sliceValues(db, judge, after);
    if (end === null) break;
    for (const v of values.keywords) all.keywords.add(v);
    for (const v of values.departments) all.departments.add(v);
    for (const v of values.locations ?? []) all.locations.add(v);
    after = end;
  }
  return {
    keywords: [...all.keywords],
    departments: [...all.departments],
    locations: job.remote === 'remote' ? null : [...all.locations],
  };
}

/** SQL: the alert sets no value for this criterion, or one of the matching values. */
function criterionWhere(
  column: typeof jobAlerts.keywords | typeof jobAlerts.departments | typeof jobAlerts.locations,
  values: string[] | null,
): SQL {
  if (values === null) return sql`true`;
  if (values.length === 0) return sql`cardinality(${column}) = 0`;
  // `= any(constant array)` is hashed once per statement; `&&` would compare every pair.
  return sql`(cardinality(${column}) = 0 or exists (
    select 1 from unnest(${column}) as c(value) where c.value = any(${sql.param(values)}::text[])))`;
}

/** SQL over job_alerts: the alert's criteria match (exactly `alertMatchesJob`, given the values). */
export function alertCriteriaWhere(values: MatchingValues): SQL {
  return and(
    criterionWhere(jobAlerts.keywords, values.keywords),
    criterionWhere(jobAlerts.departments, values.departments),
    criterionWhere(jobAlerts.locations, values.locations),
  ) as SQL;
}

/**
 * SQL over users (joined to their profile, if any): may this member see the item? The policy's
 * `canView` with the item fixed and the member as the columns — the transpose of
 * `visibleItemsWhere`, which fixes the viewer. Exact for classifications, roles, named members,
 * the owner and `monthsSinceLeft`; a `currentEmployer` rule is left to `canView` in code (it
 * compares Unicode-normalised, lower-cased names, and PostgreSQL's `lower` is not JavaScript's for
 * every script): the few members it excludes stay candidates here and are dropped there.
 */
export function membersWhoMayViewWhere(item: GovernedItem, now: Date): SQL {
  const audience = item.audience ?? {};
  const named = (ids: readonly string[]) =>
    ids.length > 0 ? sql`${users.id} = any(${sql.param(ids)}::text[])` : sql`false`;
  let granted: SQL;
  if (item.classification === 'confidential') {
    granted = named(audience.memberIds ?? []);
  } else {
    const roles = CLASSIFICATION_ROLES[item.classification].filter(
      (role) => !audience.roles || audience.roles.includes(role),
    );
    granted = roles.length > 0 ? sql`${users.role} = any(${sql.param(roles)}::text[])` : sql`false`;
    if (audience.memberIds && audience.memberIds.length > 0) {
      granted = and(granted, named(audience.memberIds)) as SQL;
    }
  }
  const excluded = (audience.excludeWhen ?? []).flatMap((rule) => {
    const where = ruleWhere(rule, now);
    return where ? [where] : [];
  });
  const visible = excluded.length > 0 ? (and(granted, not(or(...excluded) as SQL)) as SQL) : granted;
  return item.ownerId ? (or(eq(users.id, item.ownerId), visible) as SQL) : visible;
}

/**
 * SQL: the member meets the exclusion rule (`ruleMatches`), never null; null when left to code.
 * Months since the last day, as `monthsSinceLeft` counts them: calendar months between the
 * last day and today (UTC), one less before the day of the month comes round, never below 0.
 */
function ruleWhere(rule: AttributeRule, now: Date): SQL | null {
  if (rule.attribute !== 'monthsSinceLeft') return null;
  const [year, month, day] = [now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()];
  const left = profiles.leftOn;
  const months = sql`greatest(0, (${year}::int - extract(year from ${left})::int) * 12
    + (${month}::int - extract(month from ${left})::int)
    - case when ${day}::int < extract(day from ${left})::int then 1 else 0 end)`;
  const compared =
    rule.op === 'lt' ? sql`${months} < ${rule.value}::int` : sql`${months} >= ${rule.value}::int`;
  return sql`(${left} is not null and ${compared})`;
}

/** Members looked up per statement when checking who may see the job. */
const MEMBER_SLICE = 5_000;

/**
 * The members with at least one active alert whose criteria match the job and who may see it — a
 * superset of those `matchJobToAlerts` alerts (see the top of this file). Nothing is locked.
 *
 * job_alerts is read in slices of its primary key: per slice, the matching criteria values, then
 * the owners of the slice's alerts that set them; then the owners' rows, by id, for visibility.
 * Every statement is short (on PGlite, any statement holds the event loop, and the loop is given
 * back between statements) and none rests on row estimates (PGlite runs no autovacuum, so its
 * statistics are those of the last explicit ANALYZE): a key range, a key lookup.
 */
export async function candidateOwners(
  db: Db,
  { item, job, now }: { item: GovernedItem; job: NormalizedJob; now: Date },
): Promise<string[]> {
  const judge = new ValueJudge(job);
  const owners = new Set<string>();
  for (let after = ''; ; ) {
    await yieldToEventLoop();
    const { end, values } = await sliceValues(db, judge, after);
    if (end === null) break;
    await yieldToEventLoop();
    const rows = await db
      .selectDistinct({ userId: jobAlerts.userId })
      .from(jobAlerts)
      .where(
        and(
          gt(jobAlerts.id, after),
          lte(jobAlerts.id, end),
          eq(jobAlerts.active, true),
          alertCriteriaWhere(values),
        ),
      );
    for (const row of rows) owners.add(row.userId);
    after = end;
  }
  const ids = [...owners].sort();
  const visible: string[] = [];
  for (let start = 0; start < ids.length; start += MEMBER_SLICE) {
    await yieldToEventLoop();
    const rows = await db
      .select({ userId: users.id })
      .from(users)
      .leftJoin(profiles, eq(profiles.userId, users.id))
      .where(
        and(
          sql`${users.id} = any(${sql.param(ids.slice(start, start + MEMBER_SLICE))}::text[])`,
          eq(users.status, 'active'),
          membersWhoMayViewWhere(item, now),
        ),
      );
    for (const row of rows) visible.push(row.userId);
  }
  return visible;
}
