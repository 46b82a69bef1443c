import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { FIELD_VISIBILITY_RANK } from '#common/access';
import type { DirectoryFacets, DirectoryQuery } from '#common/directory';
import type { ProfileField, VisibilityMap } from '#common/profiles';
import {
  FULL_NAME_MARK,
  fullNameQueries,
  isAsciiToken,
  queryGrams,
  tokenizeDirectoryQuery,
} from '#common/search-text';
import { canonicalTerms } from '#common/vocabulary';
import { type Db, queryRows } from '#server/db/client';
import { profiles } from '#server/db/schema/index';
import { consentedSql } from '#server/lib/access/consented';
import { isHr, type Viewer, viewerTier } from '#server/lib/access/policy';
import { notBlockedWith } from '#server/lib/relations';

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

/** `%token%` for LIKE, with LIKE's own characters searched as text. */
export const likePattern = (token: string) => `%${token.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

interface Context {
  viewer: Viewer;
  limits: VisibilityMap;
  /**
   * While the search documents are re-indexed after a change of limits, the last profile id done
   * (decision 023): free text matches only the names of the profiles after it.
   */
  staleAfter?: string | null;
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
  const tier = viewerTier(ctx.viewer.role);
  const { doc, grams } = TIER_COLUMNS[tier];
  // The admins' document holds every field whatever the limits: it is never stale.
  const stale = tier === 'admins' ? null : (ctx.staleAfter ?? null);
  const visible = (f: ProfileField) => fieldVisibleSql(ctx, f);
  const conds: (SQL | undefined)[] = [eq(profiles.isActive, true)];
  // Only members who opted in to being listed (decision 010) — for every viewer, themself and HR
  // included: the directory shows what everyone sees. HR's member admin asks for `scope=all`.
  if (query.scope !== 'all') conds.push(consentedSql('directory'));

  for (const token of tokenizeDirectoryQuery(query.q)) {
    // ASCII tokens and non-ASCII ones of 3+ characters: the trigram index on the document. Its
    // estimates are realistic, unlike those of a conjunction of grams (`@>` of four bigrams is
    // estimated as if independent: 86 rows for エンジニア, 34,784 real), so the planner may walk
    // the name order for a page. 1–2-character CJK tokens have no trigram: exact grams instead.
    let match: SQL;
    if (isAsciiToken(token) || [...token].length >= 3) {
      match = sql`${doc} like ${likePattern(token)}`;
    } else {
      const needed = queryGrams(token);
      match = sql`${grams} @> array[${sql.join(
        needed.map((g) => sql`${g}`),
        sql`, `,
      )}]::text[] and ${doc} like ${likePattern(token)}`;
    }
    conds.push(
      stale === null
        ? match
        : sql`((${profiles.userId} <= ${stale} and ${match}) or (${profiles.userId} > ${stale} and ${profiles.searchName} like ${likePattern(token)}))`,
    );
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
        // Any label or alias of a term filters by its key (decision 041): 営業 finds Sales.
        canonicalTerms('skill', query.skill).map((s) => sql`${s}`),
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

const escapeLike = (token: string) => token.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * Name matches rank above matches elsewhere; a name that starts with the token ranks highest; and
 * above all, the whole query equal to a full name in any script and either order (田中 陽子,
 * "Tanaka Yoko", "yoko tanaka", tanakayoko — decision 028): a word contained in another name
 * ("yoko" in "kyoko") no longer ties with the exact person.
 */
function relevance(tokens: string[]): SQL {
  const perToken = tokens.map(
    (t) =>
      sql`(case when ${profiles.searchName} like ${`${escapeLike(t)}%`} then 3 when ${profiles.searchName} like ${likePattern(t)} then 2 else 0 end)`,
  );
  const exact = fullNameQueries(tokens).map(
    (key) => sql`(${profiles.searchName} || ' ') like ${`%${FULL_NAME_MARK}${escapeLike(key)} %`}`,
  );
  const exactRank = exact.length ? [sql`(case when ${sql.join(exact, sql` or `)} then 100 else 0 end)`] : [];
  return sql.join([...exactRank, ...perToken], sql` + `);
}

/** Does the name contain any of the tokens, i.e. is the relevance above 0? */
function nameHit(tokens: string[]): SQL {
  return sql`(${sql.join(
    tokens.map((t) => sql`${profiles.searchName} like ${likePattern(t)}`),
    sql` or `,
  )})`;
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

/** Above this many name hits, the rest of a relevance-ordered search is read by its index (below). */
export const directorySearchOptions = { nameHeavyHits: 1_000 };

const CARD_SELECT = sql.join(
  Object.entries(CARD_COLUMNS).map(([key, column]) => sql`${column} as ${sql.identifier(key)}`),
  sql`, `,
);

const cardsQuery = (where: SQL, order: SQL, limit: number, offset: number) =>
  sql`select ${CARD_SELECT} from ${profiles} where ${where} order by ${order} limit ${limit} offset ${offset}`;

/**
 * One page (plus one row: `hasMore`). Every statement goes through `db.execute`, so the benchmark
 * can record and replay the exact SQL.
 *
 * Relevance order (name starts with a token, then name contains one, then the rest; ties by name,
 * then id) is read in two parts with the same result: the name hits, ranked (few, found through the
 * name's own trigram/gram indexes), then — only if the page reaches past them — the other matches in
 * name order, which the planner reads by walking `profiles_sort_name_idx` and stops after a page. A
 * single `order by rank` had to read and rank every match (34,784 rows for エンジニア: ~105 ms).
 */
export async function searchDirectory({
  db,
  viewer,
  limits,
  staleAfter,
  query,
  today,
}: Context & { db: Db; query: DirectoryQuery; today: string }) {
  // A block hides the two from each other (issue 12); HR's search is administrative. Only the
  // results ask: the facets' counts are shared per tier and cached, and a count reveals nobody.
  const base = directoryWhere({ viewer, limits, staleAfter }, query, today);
  const where = isHr(viewer) ? base : sql`${base} and ${notBlockedWith(viewer.id, profiles.userId)}`;
  const offset = (query.page - 1) * query.pageSize;
  const want = query.pageSize + 1;
  const byName = sql`${profiles.sortName}, ${profiles.userId}`;
  const tokens = tokenizeDirectoryQuery(query.q);
  let rows: CardRow[];
  if (query.sort !== 'relevance' || tokens.length === 0) {
    rows = await queryRows<CardRow>(db, cardsQuery(where, byName, want, offset));
  } else {
    const hits = nameHit(tokens);
    rows = await queryRows<CardRow>(
      db,
      cardsQuery(sql`${where} and ${hits}`, sql`${relevance(tokens)} desc, ${byName}`, want, offset),
    );
    if (rows.length < want) {
      // How many name hits precede the rest: known unless this page starts beyond them all.
      let nameHits = offset + rows.length;
      if (rows.length === 0 && offset > 0) {
        const [counted] = await queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from ${profiles} where ${where} and ${hits}`,
        );
        nameHits = Number(counted?.n ?? 0);
      }
      const restWhere = sql`${where} and not ${hits}`;
      const restOffset = Math.max(0, offset - nameHits);
      // Walking the name order finds a page of the rest quickly when the rest is common. For a
      // word that is mostly a name (many name hits), the rest is usually rare while the planner
      // still estimates it common, and the walk would read the whole index: read the rest's
      // matches through the word's index and sort them instead (same rows, same order).
      const rest =
        nameHits >= directorySearchOptions.nameHeavyHits
          ? await queryRows<CardRow>(
              db,
              sql`with rest as materialized (select ${CARD_SELECT}, ${profiles.sortName} as sort_name
                  from ${profiles} where ${restWhere})
                select * from rest order by sort_name, id limit ${want - rows.length} offset ${restOffset}`,
            )
          : await queryRows<CardRow>(db, cardsQuery(restWhere, byName, want - rows.length, restOffset));
      rows = [...rows, ...rest];
    }
  }
  // One row more than a page tells whether another page follows; no count here, so a page of a
  // large result set costs a LIMIT, not a scan of every match (the facets endpoint counts).
  return { items: rows.slice(0, query.pageSize), hasMore: rows.length > query.pageSize };
}

const FACET_LIMIT = 30;

/** Facet counts over the matches; a value counts only where the viewer may see that field. */
export async function directoryFacets({
  db,
  viewer,
  limits,
  staleAfter,
  query,
  today,
}: Context & { db: Db; query: DirectoryQuery; today: string }): Promise<DirectoryFacets> {
  const ctx = { viewer, limits, staleAfter };
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
