import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, eq, gt, sql } from 'drizzle-orm';
import { FIELD_VISIBILITY_RANK } from '#common/access';
import { DEFAULT_VISIBILITY_LIMITS } from '#common/profile-visibility';
import type { ProfileField, VisibilityMap } from '#common/profiles';
import type { SuggestionList, SuggestionTerm } from '#common/suggestions';
import { type Db, queryRows } from '#server/db/client';
import {
  peopleSuggestionImpressions,
  peopleSuggestionRuns,
  peopleSuggestions,
  profiles,
} from '#server/db/schema/index';
import { CARD_COLUMNS, type CardRow } from '#server/features/directory/directory.service';
import { getVisibilityLimits } from '#server/features/members/members.service';
import { type Viewer, viewerTier } from '#server/lib/access/policy';
import type { AppDeps } from '#server/lib/deps';
import { notFound } from '#server/lib/errors';
import { photoVersionsOf } from '#server/lib/member-photos';
import {
  FADING,
  type Facets,
  facetsOf,
  fadedScore,
  type Idf,
  mmrRerank,
  type Scored,
  type ScoringPerson,
  scoreCandidate,
} from './suggestions.scoring';

/**
 * People to meet (issue 12 §2, decision 038). `computeSuggestions` fills one member's rows of
 * `people_suggestions` (a candidate pool by index, scored in code term by term); the job refreshes
 * every member in short pieces (decision 023). Reading is a lookup of the stored rows, the "never"
 * filter checked again at read time, fading and the diversity re-rank.
 */
export const suggestionOptions = {
  /** Rows kept per member and list: the re-rank picks from these. */
  keep: 40,
  /** Members per batch of the full refresh; the event loop is given back between members. */
  batchSize: 50,
  /** How long the skills/languages document frequencies are reused. */
  idfTtlMs: 10 * 60_000,
  pool: { mutual: 300, department: 400, intake: 200, skills: 1500, location: 200 },
};

type Dep = Pick<AppDeps, 'db' | 'clock'>;

const textArray = (values: readonly string[]) =>
  values.length === 0
    ? sql`'{}'::text[]`
    : sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`;

/** SQL (over `p`, a profile): the member is listed and not blocked/connected/requested with `me`. */
const eligibleSql = (me: string) => sql`p.is_active and p.consents @> array['directory']::text[]
  and p.user_id <> ${me}
  and not exists (select 1 from blocks b where (b.blocker_id = ${me} and b.blocked_id = p.user_id)
                                           or (b.blocker_id = p.user_id and b.blocked_id = ${me}))
  and not exists (select 1 from connections c where c.user_id = ${me} and c.other_id = p.user_id)
  and not exists (select 1 from connection_requests r where r.status = 'pending'
                    and ((r.from_id = ${me} and r.to_id = p.user_id) or (r.from_id = p.user_id and r.to_id = ${me})))`;

let idfCache: { at: number; idf: Idf } | null = null;

/** Candidate profiles read per statement when scoring one member. */
const PERSON_PAGE = 500;

/** Profiles read per statement when counting document frequencies. */
const IDF_PAGE = 5_000;

/**
 * Document frequencies of skills and languages over active members (cached in the process), read
 * by primary key a page at a time: on PGlite one aggregate over 300,000 profiles held the only
 * connection for 1.7 s; pages of 5,000 let requests in between (decision 038, amended).
 */
export async function loadIdf(db: Db, now = Date.now()): Promise<Idf> {
  if (idfCache && now - idfCache.at < suggestionOptions.idfTtlMs) return idfCache.idf;
  const idf: Idf = { total: 0, skills: new Map(), languages: new Map() };
  const add = (counts: Map<string, number>, values: readonly string[]) => {
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  };
  let afterId = '';
  for (;;) {
    const page = await queryRows<{ user_id: string; skills: string[]; languages: string[] }>(
      db,
      sql`select user_id, skills, languages from profiles where is_active and user_id > ${afterId}
          order by user_id limit ${IDF_PAGE}`,
    );
    for (const row of page) {
      idf.total += 1;
      add(idf.skills, row.skills);
      add(idf.languages, row.languages);
    }
    const last = page.at(-1);
    if (!last || page.length < IDF_PAGE) break;
    afterId = last.user_id;
    await yieldToEventLoop();
  }
  idfCache = { at: now, idf };
  return idf;
}

export function forgetIdf() {
  idfCache = null;
}

interface PersonRow {
  user_id: string;
  role: Viewer['role'];
  joined_on: string | null;
  left_on: string | null;
  departments: string[];
  industry: string | null;
  skills: string[];
  languages: string[];
  location: string | null;
  country: string | null;
  current_employer: string | null;
  hidden_from_members: string[];
  hidden_from_employees: string[];
  mutual?: number;
}

const PERSON_COLUMNS = sql`p.user_id, p.role, p.joined_on::text as joined_on, p.left_on::text as left_on,
  p.departments, p.industry, p.skills, p.languages, p.location, p.country, p.current_employer,
  p.hidden_from_members, p.hidden_from_employees`;

/** Which of a candidate's fields a member of this role may see (HR's limits, the candidate's choice). */
function visibleTo(role: Viewer['role'], limits: VisibilityMap) {
  const tier = viewerTier(role);
  const rank = FIELD_VISIBILITY_RANK[tier];
  return (row: Pick<PersonRow, 'hidden_from_members' | 'hidden_from_employees'>, field: ProfileField) => {
    if (tier === 'admins') return true;
    if (rank > FIELD_VISIBILITY_RANK[limits[field] ?? DEFAULT_VISIBILITY_LIMITS[field]]) return false;
    const hidden = tier === 'members' ? row.hidden_from_members : row.hidden_from_employees;
    return !hidden.includes(field);
  };
}

function asSeen(
  row: PersonRow,
  sees: (f: ProfileField) => boolean,
): ScoringPerson & { currentEmployer: string | null } {
  return {
    joinedOn: sees('joinedOn') ? row.joined_on : null,
    leftOn: sees('leftOn') ? row.left_on : null,
    departments: sees('departments') ? row.departments : [],
    industry: sees('industry') ? row.industry : null,
    skills: sees('skills') ? row.skills : [],
    languages: sees('languages') ? row.languages : [],
    location: sees('location') ? row.location : null,
    country: sees('country') ? row.country : null,
    currentEmployer: sees('currentEmployer') ? row.current_employer : null,
  };
}

const asOwn = (row: PersonRow): ScoringPerson => ({
  joinedOn: row.joined_on,
  leftOn: row.left_on,
  departments: row.departments,
  industry: row.industry,
  skills: row.skills,
  languages: row.languages,
  location: row.location,
  country: row.country,
});

interface Computed {
  candidateId: string;
  list: SuggestionList;
  scored: Scored;
  facets: Facets;
}

/** Scores the candidate pool of one member (no writes). */
export async function scoreMember(
  db: Db,
  { userId, now, idf, limits }: { userId: string; now: Date; idf: Idf; limits: VisibilityMap },
): Promise<Computed[] | null> {
  const [me] = await queryRows<PersonRow>(
    db,
    sql`select ${PERSON_COLUMNS} from profiles p where p.user_id = ${userId} and p.is_active`,
  );
  if (!me) return null;
  const own = asOwn(me);
  const joined = me.joined_on ? Number(me.joined_on.slice(0, 4)) : null;
  const { pool } = suggestionOptions;
  // The pool: members reachable by an index from what the member has — friends of friends, the
  // same departments, the same intake, shared skills (far enough in years to be diagonal), the
  // same city. Scoring in code keeps every term explainable; the pool keeps it bounded.
  const sources = [
    me.departments.length > 0
      ? sql`(select user_id from profiles where departments && ${textArray(me.departments)} and is_active
           order by abs(coalesce(joined_on, '1900-01-01'::date) - ${me.joined_on ?? '1900-01-01'}::date) limit ${pool.department})`
      : null,
    joined !== null
      ? sql`(select user_id from profiles where joined_on >= make_date(${joined}::int, 1, 1)
           and joined_on < make_date(${joined}::int + 1, 1, 1) and is_active limit ${pool.intake})`
      : null,
    me.skills.length > 0 && joined !== null
      ? sql`(select user_id from profiles where skills && ${textArray(me.skills)} and is_active
           and (joined_on < make_date(${joined}::int - 7, 1, 1) or joined_on >= make_date(${joined}::int + 8, 1, 1))
           limit ${pool.skills})`
      : null,
    me.location
      ? sql`(select user_id from profiles where location = ${me.location} and is_active limit ${pool.location})`
      : null,
  ].filter((s) => s !== null);
  // One short statement per source, then the candidates' profiles a page at a time: on PGlite
  // the one statement of all sources held the connection for ~250 ms (decision 038, amended).
  const mutual = new Map(
    (
      await queryRows<{ id: string; n: number }>(
        db,
        sql`select c2.other_id as id, count(*)::int as n
            from connections c1 join connections c2 on c2.user_id = c1.other_id
            where c1.user_id = ${userId} and c2.other_id <> ${userId}
            group by c2.other_id order by n desc limit ${pool.mutual}`,
      )
    ).map((r) => [r.id, r.n]),
  );
  const poolIds = new Set(mutual.keys());
  for (const source of sources) {
    await yieldToEventLoop();
    for (const r of await queryRows<{ user_id: string }>(db, source)) poolIds.add(r.user_id);
  }
  const ids = [...poolIds];
  const rows: PersonRow[] = [];
  for (let start = 0; start < ids.length; start += PERSON_PAGE) {
    await yieldToEventLoop();
    const page = await queryRows<PersonRow>(
      db,
      sql`select ${PERSON_COLUMNS} from profiles p
          where p.user_id = any(${sql.param(ids.slice(start, start + PERSON_PAGE))}::text[]) and ${eligibleSql(userId)}`,
    );
    for (const row of page) rows.push({ ...row, mutual: mutual.get(row.user_id) ?? 0 });
  }
  const sees = visibleTo(me.role, limits);
  const thisYear = now.getUTCFullYear();
  const out: Computed[] = [];
  for (const row of rows) {
    const seen = asSeen(row, (f) => sees(row, f));
    const scores = scoreCandidate(own, seen, { mutual: row.mutual ?? 0, idf, thisYear });
    const facets = facetsOf(seen);
    for (const list of ['know', 'diagonal'] as const) {
      const scored = scores[list];
      if (scored) out.push({ candidateId: row.user_id, list, scored, facets });
    }
  }
  return out;
}

/** Recomputes one member's candidates (a new member, a changed profile, the full refresh). */
export async function computeSuggestions(
  deps: Dep,
  { userId, idf, limits }: { userId: string; idf?: Idf; limits?: VisibilityMap },
): Promise<number> {
  const now = deps.clock.now();
  const computed = await scoreMember(deps.db, {
    userId,
    now,
    idf: idf ?? (await loadIdf(deps.db)),
    limits: limits ?? (await getVisibilityLimits({ db: deps.db })),
  });
  const kept: Computed[] = [];
  for (const list of ['know', 'diagonal'] as const) {
    kept.push(
      ...(computed ?? [])
        .filter((c) => c.list === list)
        .sort((a, b) => b.scored.score - a.scored.score)
        .slice(0, suggestionOptions.keep),
    );
  }
  await deps.db.transaction(async (tx) => {
    await tx.delete(peopleSuggestions).where(eq(peopleSuggestions.memberId, userId));
    if (computed === null) {
      await tx.delete(peopleSuggestionRuns).where(eq(peopleSuggestionRuns.memberId, userId));
      return;
    }
    // The database's time, as profiles.updated_at: "changed since computed" compares the two.
    await tx
      .insert(peopleSuggestionRuns)
      .values({ memberId: userId, computedAt: sql`now()` })
      .onConflictDoUpdate({ target: peopleSuggestionRuns.memberId, set: { computedAt: sql`now()` } });
    if (kept.length === 0) return;
    await tx.insert(peopleSuggestions).values(
      kept.map((c) => ({
        memberId: userId,
        candidateId: c.candidateId,
        list: c.list,
        score: c.scored.score,
        terms: c.scored.terms,
        facets: c.facets,
        computedAt: now,
      })),
    );
  });
  return kept.length;
}

/**
 * Every active member's candidates, by id in batches (decision 023): one short transaction per
 * member, the event loop given back between members, so requests keep being served.
 */
export async function refreshAllSuggestions(
  deps: Dep,
  { maxMembers = Number.POSITIVE_INFINITY }: { maxMembers?: number } = {},
): Promise<{ members: number; batches: number }> {
  forgetIdf();
  const idf = await loadIdf(deps.db);
  const limits = await getVisibilityLimits({ db: deps.db });
  let afterId = '';
  let members = 0;
  let batches = 0;
  while (members < maxMembers) {
    const rows = await deps.db
      .select({ id: profiles.userId })
      .from(profiles)
      .where(and(gt(profiles.userId, afterId), eq(profiles.isActive, true)))
      .orderBy(profiles.userId)
      .limit(suggestionOptions.batchSize);
    if (rows.length === 0) break;
    for (const { id } of rows) {
      await computeSuggestions(deps, { userId: id, idf, limits });
      members += 1;
      await yieldToEventLoop();
    }
    batches += 1;
    afterId = rows.at(-1)?.id ?? afterId;
  }
  return { members, batches };
}

/**
 * Hook listener (`profileChanged`): the members whose stored suggestions include the member who
 * changed are marked out of date, in the saving transaction; `listSuggestions` recomputes a stale
 * list before reading it (as for one's own profile change), so a changed industry, department or
 * skill is never explained with the old one. The nightly refresh catches anyone not reading.
 */
export async function staleSuggestionsAbout(tx: Db, { userId }: { userId: string; now: Date }) {
  await tx.execute(sql`update people_suggestion_runs set computed_at = '-infinity'
    where member_id in (select s.member_id from people_suggestions s where s.candidate_id = ${userId})`);
}

/** Term kinds and the profile fields they read: a term whose field is now hidden is dropped. */
const TERM_FIELDS: Record<SuggestionTerm['kind'], ProfileField[]> = {
  sameDepartment: ['departments', 'joinedOn'],
  sameIntake: ['joinedOn'],
  mutualConnections: [],
  generationGap: ['joinedOn'],
  otherDepartment: ['departments'],
  industry: ['industry'],
  sharedSkills: ['skills'],
  sharedLanguages: ['languages'],
  sameLocation: ['country'],
};

export interface SuggestionRow {
  candidateId: string;
  score: number;
  terms: SuggestionTerm[];
  facets: Facets;
  card: CandidateCard;
}

export type CandidateCard = CardRow;

/**
 * The viewer's own suggestions of one list: stored rows, the "never" rules checked again (the
 * table may be stale), fading by impressions, then the diversity re-rank. Counts an impression of
 * each one returned (at most once per FADING.countOncePerHours).
 */
export async function listSuggestions(
  deps: Dep,
  { viewer, list, limit }: { viewer: Viewer; list: SuggestionList; limit: number },
): Promise<{ rows: SuggestionRow[]; limits: VisibilityMap; photos: Map<string, string> }> {
  const { db } = deps;
  const now = deps.clock.now();
  const [stale] = await queryRows<{ stale: boolean }>(
    db,
    sql`select not exists (select 1 from people_suggestion_runs r where r.member_id = ${viewer.id}
          and r.computed_at >= p.updated_at) as stale
        from profiles p where p.user_id = ${viewer.id}`,
  );
  // A new member, or one who changed their profile since: their own list is computed now.
  if (stale?.stale) await computeSuggestions(deps, { userId: viewer.id });

  const limits = await getVisibilityLimits({ db });
  const sees = visibleTo(viewer.role, limits);
  const rows = await queryRows<{
    candidate_id: string;
    score: number;
    terms: SuggestionTerm[];
    facets: Facets;
    shown: number | null;
    hidden_from_members: string[];
    hidden_from_employees: string[];
  }>(
    db,
    sql`select s.candidate_id, s.score, s.terms, s.facets, i.shown, p.hidden_from_members, p.hidden_from_employees
        from people_suggestions s
        join profiles p on p.user_id = s.candidate_id
        left join people_suggestion_impressions i on i.member_id = s.member_id and i.candidate_id = s.candidate_id
        where s.member_id = ${viewer.id} and s.list = ${list} and i.dismissed_at is null
          and ${eligibleSql(viewer.id)}`,
  );
  const candidates = rows
    .map((r) => {
      const terms = r.terms.filter((t) => TERM_FIELDS[t.kind].every((f) => sees(r, f)));
      return {
        candidateId: r.candidate_id,
        terms,
        facets: r.facets,
        score: fadedScore(r.score, r.shown ?? 0),
      };
    })
    .filter((c) => c.terms.length > 0);
  const picked = mmrRerank(candidates, limit);
  if (picked.length === 0) return { rows: [], limits, photos: new Map<string, string>() };

  const ids = picked.map((p) => p.candidateId);
  const cards = await db
    .select(CARD_COLUMNS)
    .from(profiles)
    .where(
      sql`${profiles.userId} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  const byId = new Map(cards.map((c) => [c.id, c]));
  await db.execute(sql`insert into people_suggestion_impressions (member_id, candidate_id, shown, last_shown_at)
    select ${viewer.id}, id, 1, ${now.toISOString()}::timestamptz from unnest(${textArray(ids)}) as id
    on conflict (member_id, candidate_id) do update set
      shown = people_suggestion_impressions.shown + 1, last_shown_at = excluded.last_shown_at
    where people_suggestion_impressions.last_shown_at is null
       or people_suggestion_impressions.last_shown_at
          <= excluded.last_shown_at - make_interval(hours => ${FADING.countOncePerHours})`);
  const out = picked.flatMap((p) => {
    const card = byId.get(p.candidateId);
    // CardRow types nullable columns without null (the directory reads it the same way).
    return card ? [{ ...p, card: card as CardRow }] : [];
  });
  return { rows: out, limits, photos: await photoVersionsOf(db, viewer, ids) };
}

/** "Not now": the candidate leaves the viewer's lists. Only one of the viewer's own suggestions. */
export async function dismissSuggestion(
  deps: Dep,
  { viewer, candidateId }: { viewer: Viewer; candidateId: string },
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: peopleSuggestions.candidateId })
      .from(peopleSuggestions)
      .where(and(eq(peopleSuggestions.memberId, viewer.id), eq(peopleSuggestions.candidateId, candidateId)))
      .limit(1);
    if (!row) throw notFound();
    await tx
      .insert(peopleSuggestionImpressions)
      .values({ memberId: viewer.id, candidateId, shown: 0, dismissedAt: now })
      .onConflictDoUpdate({
        target: [peopleSuggestionImpressions.memberId, peopleSuggestionImpressions.candidateId],
        set: { dismissedAt: now },
      });
  });
}
