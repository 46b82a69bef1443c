import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { CAREER_PATHS_MIN_COUNT, type CareerPathsQuery, type PathBucket } from '#common/careers';
import { displayName } from '#common/names';
import { effectiveVisibility } from '#common/profile-visibility';
import type { ProfileField, VisibilityMap } from '#common/profiles';
import { type Db, queryRows } from '#server/db/client';
import { posts, profiles, users } from '#server/db/schema/index';
import { fieldVisibleSql } from '#server/features/directory/directory.service';
import { getVisibilityLimits } from '#server/features/members/members.service';
import { listedPostsWhere } from '#server/features/posts/posts.policy';
import { consentedSql } from '#server/lib/access/consented';
import { canSeeField, type Viewer } from '#server/lib/access/policy';
import type { AppDeps } from '#server/lib/deps';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** People listed as "people you can reach", and stories shown, at most. */
export const CAREER_PATHS_PEOPLE = 12;
export const CAREER_PATHS_STORIES = 6;
/** Buckets shown per dimension (the rest go to "other"). */
const MAX_BUCKETS = 10;

const likePattern = (token: string) => `%${token.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** The viewer's own departments (the default choice on the page). */
async function departmentsOf(db: Db, viewer: Viewer): Promise<string[]> {
  const [row] = await db
    .select({ departments: profiles.departments })
    .from(profiles)
    .where(eq(profiles.userId, viewer.id));
  return row?.departments ?? [];
}

/**
 * Alumni of a department (and, with `q`, whose last title contains it), as this viewer may know
 * it: active alumni whose `departments` (and `lastTitle`) field is visible to the viewer's tier in
 * their own settings and HR's limits. Nobody's hidden field counts, even in a total.
 */
function alumniOfWhere(
  ctx: { viewer: Viewer; limits: VisibilityMap },
  department: string,
  q: string | null,
): SQL {
  const conds: SQL[] = [
    sql`${profiles.role} = 'alumni'`,
    sql`${profiles.isActive}`,
    sql`${profiles.departments} @> array[${department}]::text[]`,
    fieldVisibleSql(ctx, 'departments'),
  ];
  if (q) {
    conds.push(sql`${profiles.lastTitle} ilike ${likePattern(q)}`);
    conds.push(fieldVisibleSql(ctx, 'lastTitle'));
  }
  return and(...conds) as SQL;
}

/**
 * Counts per value with k-anonymity: a value is shown only with at least `min` people; the others
 * are merged into one "other" bucket (value null), itself shown only when it reaches `min`.
 */
export function kAnonymousBuckets(rows: { value: string; count: number }[], min: number): PathBucket[] {
  const sorted = [...rows].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const shown = sorted.filter((r) => r.count >= min).slice(0, MAX_BUCKETS);
  const shownValues = new Set(shown.map((r) => r.value));
  const other = sorted.filter((r) => !shownValues.has(r.value)).reduce((n, r) => n + r.count, 0);
  const buckets: PathBucket[] = shown.map((r) => ({ value: r.value, count: r.count }));
  if (other >= min) buckets.push({ value: null, count: other });
  return buckets;
}

async function countBy(
  db: Db,
  ctx: { viewer: Viewer; limits: VisibilityMap },
  base: SQL,
  field: 'currentTitle' | 'industry' | 'currentEmployer',
) {
  const column = profiles[field];
  const value = sql<string>`btrim(${column})`;
  const rows = await db
    .select({ value, count: sql<number>`count(*)::int` })
    .from(profiles)
    .where(and(base, sql`nullif(btrim(${column}), '') is not null`, fieldVisibleSql(ctx, field)))
    .groupBy(value);
  return kAnonymousBuckets(
    rows.map((r) => ({ value: r.value, count: Number(r.count) })),
    CAREER_PATHS_MIN_COUNT,
  );
}

/** A field of a listed person, if the viewer may see it under that person's choices and HR's limits. */
const visibleField = (
  viewer: Viewer,
  limits: VisibilityMap,
  row: { id: string; visibility: VisibilityMap },
  field: ProfileField,
  value: string | null,
) =>
  canSeeField(viewer, effectiveVisibility(field, row.visibility, limits), row.id === viewer.id)
    ? value
    : null;

/**
 * Where the road leads (issue 11, item 7): for a department (default: the viewer's own) and an
 * optional title word, where its alumni went — current roles, industries and employers as counts
 * of at least three people, never names; the alumni who consented to the directory listed as
 * people to reach (with only the fields the viewer may see); and the career stories they put on
 * the page, as the post policy lets the viewer read them.
 */
export async function getCareerPaths(
  deps: Deps,
  { viewer, query }: { viewer: Viewer; query: CareerPathsQuery },
) {
  const { db } = deps;
  const now = deps.clock.now();
  const department = query.department || (await departmentsOf(db, viewer))[0] || null;
  const q = query.q || null;
  const empty = {
    department,
    q,
    total: 0,
    roles: [],
    industries: [],
    employers: [],
    people: [],
    stories: [],
  };
  if (!department) return empty;
  const limits = await getVisibilityLimits({ db });
  const ctx = { viewer, limits };
  const base = alumniOfWhere(ctx, department, q);
  const [totalRow] = await db.select({ n: sql<number>`count(*)::int` }).from(profiles).where(base);
  const total = Number(totalRow?.n ?? 0);
  if (total < CAREER_PATHS_MIN_COUNT) return empty;

  const roles = await countBy(db, ctx, base, 'currentTitle');
  const industries = await countBy(db, ctx, base, 'industry');
  const employers = await countBy(db, ctx, base, 'currentEmployer');

  const listed = await db
    .select({
      id: profiles.userId,
      familyName: profiles.familyName,
      givenName: profiles.givenName,
      familyNameKana: profiles.familyNameKana,
      givenNameKana: profiles.givenNameKana,
      familyNameRomaji: profiles.familyNameRomaji,
      givenNameRomaji: profiles.givenNameRomaji,
      currentTitle: profiles.currentTitle,
      currentEmployer: profiles.currentEmployer,
      industry: profiles.industry,
      visibility: profiles.visibility,
    })
    .from(profiles)
    .where(and(base, consentedSql('directory')))
    .orderBy(asc(profiles.sortName), asc(profiles.userId))
    .limit(CAREER_PATHS_PEOPLE);
  const people = listed.map((row) => ({
    id: row.id,
    displayName: displayName(row),
    currentTitle: visibleField(viewer, limits, row, 'currentTitle', row.currentTitle),
    currentEmployer: visibleField(viewer, limits, row, 'currentEmployer', row.currentEmployer),
    industry: visibleField(viewer, limits, row, 'industry', row.industry),
  }));

  const authors = sql`(select ${profiles.userId} from ${profiles} where ${base})`;
  const stories = await db
    .select({
      id: posts.id,
      title: posts.title,
      bodyHtml: posts.bodyHtml,
      createdAt: posts.createdAt,
      authorId: users.id,
      authorName: users.name,
      // The author is named only when listed in the directory (the story itself is opted in).
      authorListed: sql<boolean>`exists (select 1 from ${profiles} listed
        where listed.user_id = ${posts.authorId} and listed.consents @> array['directory']::text[])`,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(
      and(
        eq(posts.kind, 'career_story'),
        eq(posts.onCareerPaths, true),
        sql`${posts.authorId} in ${authors}`,
        listedPostsWhere(viewer, now),
      ),
    )
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(CAREER_PATHS_STORIES);

  return { department, q, total, roles, industries, employers, people, stories };
}
export type CareerPathsData = Awaited<ReturnType<typeof getCareerPaths>>;

/** Departments with at least the minimum of alumni visible to this viewer, most alumni first. */
export async function listCareerDepartments(deps: Pick<Deps, 'db'>, { viewer }: { viewer: Viewer }) {
  const { db } = deps;
  const limits = await getVisibilityLimits({ db });
  const visible = fieldVisibleSql({ viewer, limits }, 'departments');
  const rows = await queryRows<{ department: string; count: number }>(
    db,
    sql`select d.department, count(*)::int as count
        from ${profiles} cross join lateral unnest(${profiles.departments}) as d(department)
        where ${profiles.role} = 'alumni' and ${profiles.isActive} and ${visible}
        group by d.department
        having count(*) >= ${CAREER_PATHS_MIN_COUNT}
        order by count(*) desc, d.department
        limit 100`,
  );
  const mine = await departmentsOf(db, viewer);
  return { mine, items: rows.map((r) => ({ department: r.department, count: Number(r.count) })) };
}
