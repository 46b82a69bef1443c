import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { FIELD_VISIBILITY_RANK } from '../../../common/access';
import type { DirectoryFacets, DirectoryQuery } from '../../../common/directory';
import type { ProfileField, VisibilityMap } from '../../../common/profiles';
import { isAsciiToken, queryGrams, tokenizeQuery } from '../../../common/search-text';
import { type Db, queryRows } from '../../db/client';
import { profiles } from '../../db/schema/index';
import { type Viewer, viewerTier } from '../access/access.policy';
import { consentedSql } from '../consents/consents.service';

/**
 * Directory search (decision 005). Everything a viewer may not see is excluded inside the query:
 * free text runs over the document of the viewer's tier, and every filter and facet on a field
 * also requires that field to be visible to the viewer in that member's settings.
 */

const TIER_COLUMNS = {
  members: { doc: profiles.searchMembers, grams: profiles.gramsMembers },
  employees: { doc: profiles.searchEmployees, grams: profiles.gramsEmployees },
  admins: { doc: profiles.searchAdmins, grams: profiles.gramsAdmins },
} as const;

const likePattern = (token: string) => `%${token.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

interface Context {
  viewer: Viewer;
  limits: VisibilityMap;
}

/** SQL: is `field` of the row visible to this viewer? (HR sees all; limits are org-wide constants.) */
export function fieldVisibleSql({ viewer, limits }: Context, field: ProfileField): SQL {
  const tier = viewerTier(viewer.role);
  if (tier === 'admins') return sql`true`;
  const limit = limits[field] ?? 'members';
  if (FIELD_VISIBILITY_RANK[limit] < FIELD_VISIBILITY_RANK[tier]) return sql`false`;
  const hidden = tier === 'members' ? profiles.hiddenFromMembers : profiles.hiddenFromEmployees;
  return sql`not (${hidden} @> array[${field}]::text[])`;
}

/** The WHERE clause shared by results and facets. */
export function directoryWhere(ctx: Context, query: DirectoryQuery, today: string): SQL {
  const { doc, grams } = TIER_COLUMNS[viewerTier(ctx.viewer.role)];
  const visible = (f: ProfileField) => fieldVisibleSql(ctx, f);
  const conds: (SQL | undefined)[] = [eq(profiles.isActive, true)];
  // Only members who opted in to being listed (decision 010) — for every viewer, themself and HR
  // included: the directory shows what everyone sees. HR's member admin asks for `scope=all`.
  if (query.scope !== 'all') conds.push(consentedSql('directory'));

  for (const token of tokenizeQuery(query.q)) {
    if (isAsciiToken(token)) {
      conds.push(sql`${doc} like ${likePattern(token)}`);
    } else {
      const needed = queryGrams(token);
      conds.push(
        sql`${grams} @> array[${sql.join(
          needed.map((g) => sql`${g}`),
          sql`, `,
        )}]::text[] and ${doc} like ${likePattern(token)}`,
      );
    }
  }
  if (query.role?.length) conds.push(inArray(profiles.role, query.role));
  if (query.department?.length) {
    conds.push(
      sql`${profiles.departments} && array[${sql.join(
        query.department.map((d) => sql`${d}`),
        sql`, `,
      )}]::text[] and ${visible('departments')}`,
    );
  }
  if (query.industry?.length)
    conds.push(and(inArray(profiles.industry, query.industry), visible('industry')));
  if (query.country?.length) conds.push(and(inArray(profiles.country, query.country), visible('country')));
  if (query.skill?.length) {
    conds.push(
      sql`${profiles.skills} @> array[${sql.join(
        query.skill.map((s) => sql`${s}`),
        sql`, `,
      )}]::text[] and ${visible('skills')}`,
    );
  }
  for (const flag of query.availability ?? []) {
    const column = {
      openToReturn: profiles.openToReturn,
      sideWork: profiles.sideWork,
      mentoring: profiles.mentoring,
      speaking: profiles.speaking,
    }[flag];
    conds.push(and(eq(column, true), visible(flag)));
  }
  if (query.tenureMin !== undefined || query.tenureMax !== undefined) {
    const years = sql`((coalesce(${profiles.leftOn}, ${today}::date) - ${profiles.joinedOn}) / 365.25)`;
    conds.push(sql`${profiles.joinedOn} is not null and ${visible('joinedOn')} and ${visible('leftOn')}`);
    if (query.tenureMin !== undefined) conds.push(sql`${years} >= ${query.tenureMin}`);
    if (query.tenureMax !== undefined) conds.push(sql`${years} < ${query.tenureMax + 1}`);
  }
  return and(...conds) as SQL;
}

/** Name matches rank above matches elsewhere; a name that starts with the token ranks highest. */
function relevance(query: DirectoryQuery): SQL | null {
  const tokens = tokenizeQuery(query.q);
  if (tokens.length === 0) return null;
  return sql.join(
    tokens.map(
      (t) =>
        sql`(case when ${profiles.searchName} like ${`${t.replace(/[\\%_]/g, (m) => `\\${m}`)}%`} then 3 when ${profiles.searchName} like ${likePattern(t)} then 2 else 0 end)`,
    ),
    sql` + `,
  );
}

export const CARD_COLUMNS = {
  id: profiles.userId,
  role: profiles.role,
  familyName: profiles.familyName,
  givenName: profiles.givenName,
  familyNameKana: profiles.familyNameKana,
  givenNameKana: profiles.givenNameKana,
  familyNameRomaji: profiles.familyNameRomaji,
  givenNameRomaji: profiles.givenNameRomaji,
  departments: profiles.departments,
  lastTitle: profiles.lastTitle,
  currentEmployer: profiles.currentEmployer,
  currentTitle: profiles.currentTitle,
  industry: profiles.industry,
  country: profiles.country,
  skills: profiles.skills,
  openToReturn: profiles.openToReturn,
  sideWork: profiles.sideWork,
  mentoring: profiles.mentoring,
  speaking: profiles.speaking,
  visibility: profiles.visibility,
};
export type CardRow = { [K in keyof typeof CARD_COLUMNS]: (typeof CARD_COLUMNS)[K]['_']['data'] };

/** The page query (one row more than a page), exposed so the benchmark can time the same SQL raw. */
export function directoryPageQuery(db: Db, ctx: Context, query: DirectoryQuery, today: string) {
  const rank = relevance(query);
  const order =
    query.sort === 'relevance' && rank
      ? [desc(rank), asc(profiles.sortName), asc(profiles.userId)]
      : [asc(profiles.sortName), asc(profiles.userId)];
  return db
    .select(CARD_COLUMNS)
    .from(profiles)
    .where(directoryWhere(ctx, query, today))
    .orderBy(...order)
    .limit(query.pageSize + 1)
    .offset((query.page - 1) * query.pageSize);
}

export async function searchDirectory({
  db,
  viewer,
  limits,
  query,
  today,
}: Context & { db: Db; query: DirectoryQuery; today: string }) {
  // One row more than a page tells whether another page follows; no count here, so a page of a
  // large result set costs a LIMIT, not a scan of every match (the facets endpoint counts).
  const rows = (await directoryPageQuery(db, { viewer, limits }, query, today)) as CardRow[];
  return { items: rows.slice(0, query.pageSize), hasMore: rows.length > query.pageSize };
}

const FACET_LIMIT = 30;

/** Facet counts over the matches; a value counts only where the viewer may see that field. */
export async function directoryFacets({
  db,
  viewer,
  limits,
  query,
  today,
}: Context & { db: Db; query: DirectoryQuery; today: string }): Promise<DirectoryFacets> {
  const ctx = { viewer, limits };
  const v = (f: ProfileField) => fieldVisibleSql(ctx, f);
  const matched = sql`select ${profiles.role} as role,
      case when ${v('industry')} then ${profiles.industry} end as industry,
      case when ${v('country')} then ${profiles.country} end as country,
      case when ${v('departments')} then ${profiles.departments} end as departments,
      case when ${v('skills')} then ${profiles.skills} end as skills,
      (${profiles.openToReturn} and ${v('openToReturn')}) as open_to_return,
      (${profiles.sideWork} and ${v('sideWork')}) as side_work,
      (${profiles.mentoring} and ${v('mentoring')}) as mentoring,
      (${profiles.speaking} and ${v('speaking')}) as speaking
    from ${profiles}
    where ${directoryWhere(ctx, query, today)}`;
  const rows = await queryRows<{ facet: string; value: string | null; count: number }>(
    db,
    sql`
    with m as materialized (${matched}),
    simple as (
      select case when grouping(role) = 0 then 'role' when grouping(industry) = 0 then 'industry' else 'country' end as facet,
             coalesce(role, industry, country) as value, count(*)::int as count
      from m group by grouping sets ((role), (industry), (country))
    ),
    depts as (select 'department' as facet, d as value, count(*)::int as count from m, unnest(m.departments) d group by d),
    skills as (select 'skill' as facet, s as value, count(*)::int as count from m, unnest(m.skills) s group by s),
    avail as (
      select 'availability' as facet, x.value, x.count from (
        select count(*) filter (where open_to_return)::int as a, count(*) filter (where side_work)::int as b,
               count(*) filter (where mentoring)::int as c, count(*) filter (where speaking)::int as d from m
      ) t, lateral (values ('openToReturn', t.a), ('sideWork', t.b), ('mentoring', t.c), ('speaking', t.d)) x(value, count)
    ),
    ranked as (
      select facet, value, count, row_number() over (partition by facet order by count desc, value) as rn
      from (select * from simple union all select * from depts union all select * from skills union all select * from avail) u
      where value is not null and count > 0
    )
    select facet, value, count from ranked where rn <= ${FACET_LIMIT}
    union all select 'total', null, count(*)::int from m
    order by facet, count desc, value`,
  );
  const facets: DirectoryFacets = {
    total: 0,
    role: [],
    department: [],
    industry: [],
    country: [],
    skill: [],
    availability: [],
  };
  for (const r of rows) {
    if (r.facet === 'total') facets.total = Number(r.count);
    else
      facets[r.facet as Exclude<keyof DirectoryFacets, 'total'>].push({
        value: r.value ?? '',
        count: Number(r.count),
      });
  }
  return facets;
}
