import { setTimeout as rest, setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { FIELD_VISIBILITIES, FIELD_VISIBILITY_RANK, type FieldVisibility } from '#common/access';
import { deriveRomaji, displayName } from '#common/names';
import { DEFAULT_VISIBILITY_LIMITS } from '#common/profile-visibility';
import {
  HR_RECORD_FIELDS,
  NAME_FIELDS,
  PROFILE_FIELDS,
  type ProfileUpdate,
  type VisibilityMap,
  VisibilityMapSchema,
} from '#common/profiles';
import type { Role } from '#common/roles';
import { canonicalTerms } from '#common/vocabulary';
import type { Db } from '#server/db/client';
import { profiles, sessions, users } from '#server/db/schema/index';
import { listedToViewerConditions } from '#server/lib/access/listed';
import { normalizeEmployer, type Viewer, viewerTier } from '#server/lib/access/policy';
import { cacheGeneration, invalidate } from '#server/lib/cache';
import type { Clock } from '#server/lib/clock';
import { isUniqueViolation } from '#server/lib/db-errors';
import type { AppDeps } from '#server/lib/deps';
import { AppError, emptyFieldMap, notFound } from '#server/lib/errors';
import type { DomainHooks } from '#server/lib/hooks';
import type { JobDefinition, Queue } from '#server/lib/queue';
import { clearSetting, defineSetting, readSetting, readSettings, writeSetting } from '#server/lib/settings';
import { buildSearchColumns, narrowedTiers } from './member-search';
import { canEditHrRecord, canEditProfile } from './members.policy';

export type ProfileRow = typeof profiles.$inferSelect;
export type MemberRow = ProfileRow & { role: Role; email: string; status: 'active' | 'deactivated' };

const LIMITS_KEY = 'profile.visibilityLimits';
/**
 * While the search documents are rebuilt after a change of limits: `{ after, tiers }`, the last
 * profile id done and the viewer tiers from whom a change since the last full re-index hid a
 * searched field. The documents of the profiles after `after` were built under older limits
 * (decision 023).
 */
export const REINDEX_KEY = 'profile.searchReindex';
export const SEARCH_REINDEX_JOB = 'members.reindex-search';

/**
 * The limits change rarely and are read on every directory and profile request, so each app
 * process keeps them per database for LIMITS_CACHE_MS; `setVisibilityLimits` drops the entry in
 * every process on the database (`invalidate`, server/lib/cache.ts: at once here, within
 * milliseconds elsewhere — decision 030). A change written behind the app's back (SQL by hand) is
 * seen within LIMITS_CACHE_MS (decision 005, 2026-11-24, later). The re-index cursor is kept with
 * them: a cursor read earlier is behind the real one, so it can only hide more, never less.
 */
export const LIMITS_CACHE_MS = 60_000;
interface ReindexState {
  after: string;
  tiers: FieldVisibility[];
}
interface LimitsEntry {
  value: VisibilityMap;
  reindex: ReindexState | null;
  at: number;
  generation: number;
}
const limitsCache = new WeakMap<object, LimitsEntry>();
const LIMITS_CACHE = 'members.visibility-limits';

const ReindexStateSchema = z.object({ after: z.string(), tiers: z.array(z.enum(FIELD_VISIBILITIES)) });
/** The limits HR set (a field left out: its default, see `withDefaults`). */
export const VISIBILITY_LIMITS = defineSetting<VisibilityMap>(LIMITS_KEY, VisibilityMapSchema, () => ({}));
/** The re-index cursor, or none when no re-index is under way. */
export const SEARCH_REINDEX = defineSetting<ReindexState | null>(REINDEX_KEY, ReindexStateSchema, () => null);
const withDefaults = (limits: VisibilityMap) => ({ ...DEFAULT_VISIBILITY_LIMITS, ...limits });

async function readLimitSettings(db: Db): Promise<LimitsEntry> {
  const hit = limitsCache.get(db);
  if (
    hit &&
    hit.generation === cacheGeneration(LIMITS_CACHE) &&
    performance.now() - hit.at < LIMITS_CACHE_MS
  ) {
    return hit;
  }
  const generation = cacheGeneration(LIMITS_CACHE);
  const at = performance.now();
  const [limits, reindex] = await readSettings(db, [VISIBILITY_LIMITS, SEARCH_REINDEX]);
  const entry = {
    value: withDefaults(limits),
    reindex,
    at,
    generation,
  };
  // A read that raced with a change (generation moved on) is not kept.
  if (generation === cacheGeneration(LIMITS_CACHE)) limitsCache.set(db, entry);
  return entry;
}

/** HR's per-field visibility limits (the most open level a member may choose). */
export async function getVisibilityLimits({ db }: { db: Db }): Promise<VisibilityMap> {
  return { ...(await readLimitSettings(db)).value };
}

/**
 * While a re-index runs after a change that hid a searched field from this viewer's tier, the
 * last profile id whose search documents follow the limits in force (`''`: none yet); otherwise
 * null. Free text must not search the documents of the profiles after it for this viewer: they
 * may hold the field narrowed since.
 */
export async function getStaleSearchAfter({
  db,
  viewer,
}: {
  db: Db;
  viewer: Viewer;
}): Promise<string | null> {
  const { reindex } = await readLimitSettings(db);
  return reindex?.tiers.includes(viewerTier(viewer.role)) ? reindex.after : null;
}

/** Forgets every cached copy of the limits, in every process (after a change is committed). */
export function invalidateVisibilityLimits() {
  invalidate(LIMITS_CACHE);
}

/**
 * Sets the limits and, in the same transaction, starts a re-index of every profile's search
 * documents (so a narrowed field stops matching): the job `SEARCH_REINDEX_JOB` does it in short
 * batches, handing the connection back between them (decision 023). Until it is done, viewers of a
 * tier the change hid a field from match the profiles not yet re-indexed by name only.
 */
export async function setVisibilityLimits({
  db,
  limits,
  queue,
}: {
  db: Db;
  limits: VisibilityMap;
  /** Without it, the job's cron (every few minutes) starts the re-index. */
  queue?: Pick<Queue, 'send'>;
}) {
  const merged = { ...DEFAULT_VISIBILITY_LIMITS, ...limits };
  const reindex = await db.transaction(async (tx) => {
    // The row lock serialises changes, so each compares with the one before it.
    const [stored, pending] = await readSettings(tx, [VISIBILITY_LIMITS, SEARCH_REINDEX], { lock: true });
    const before = withDefaults(stored);
    // Documents not yet re-indexed (`pending`) may still follow limits older than `before`: keep
    // their tiers.
    const tiers = [...new Set([...(pending?.tiers ?? []), ...narrowedTiers(before, merged)])];
    const state: ReindexState = { after: '', tiers };
    await writeSetting(tx, VISIBILITY_LIMITS, merged);
    // Saving the limits in force again changes no document: nothing to re-index.
    if (!pending && PROFILE_FIELDS.every((f) => before[f] === merged[f])) return false;
    // From the first profile again, even if a re-index was under way: its cursor passed profiles
    // it indexed under the limits this change replaces.
    await writeSetting(tx, SEARCH_REINDEX, state);
    return true;
  });
  invalidateVisibilityLimits();
  if (reindex) await queue?.send(SEARCH_REINDEX_JOB, {}, { singletonKey: SEARCH_REINDEX_JOB });
  return merged;
}

/**
 * Profiles per re-index batch: at most `batchSize`, sized as it goes so that one batch (one
 * transaction, four statements whatever it holds) takes about `targetMs`. Rewriting a profile
 * row costs milliseconds — every index on it takes the new row version, the trigram indexes
 * hundreds of entries each — and how many depends on the machine and its load
 * (bench/RESULTS.md "Work over all members"). After each batch the job rests as long as the batch
 * took: a request is a chain of several statements, and on PGlite's one connection each of them
 * would otherwise queue behind a new batch (the 300k bench measured 1.8–2.5 s waits without it).
 */
export const reindexOptions = { batchSize: 1_000, targetMs: 50 };

const searchableColumns = {
  userId: profiles.userId,
  familyName: profiles.familyName,
  givenName: profiles.givenName,
  familyNameKana: profiles.familyNameKana,
  givenNameKana: profiles.givenNameKana,
  familyNameRomaji: profiles.familyNameRomaji,
  givenNameRomaji: profiles.givenNameRomaji,
  employeeNumber: profiles.employeeNumber,
  departments: profiles.departments,
  lastTitle: profiles.lastTitle,
  office: profiles.office,
  currentEmployer: profiles.currentEmployer,
  currentTitle: profiles.currentTitle,
  location: profiles.location,
  skills: profiles.skills,
  bio: profiles.bio,
  visibility: profiles.visibility,
  email: users.email,
};

/**
 * Re-indexes the next batch of profiles after the saved cursor, in one transaction: locks the
 * cursor (so two runners, or a change of limits, take turns), reads the limits in force, computes
 * the documents in code (the same `buildSearchColumns` every write uses), writes the rows whose
 * documents changed in one UPDATE … FROM, and moves the cursor — or, past the last profile,
 * deletes it. Killed between batches, the next run goes on from the cursor.
 */
export async function reindexSearchBatch(
  db: Db,
  { size = reindexOptions.batchSize }: { size?: number } = {},
): Promise<{ done: boolean; rows: number }> {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const current = await readSetting(tx, SEARCH_REINDEX, { lock: true });
    if (current === null) return { done: true, rows: 0 };
    const { after } = current;
    const limits = withDefaults(await readSetting(tx, VISIBILITY_LIMITS));
    const batch = await tx
      .select(searchableColumns)
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .where(gt(profiles.userId, after))
      .orderBy(profiles.userId)
      .limit(Math.max(1, Math.min(size, reindexOptions.batchSize)));
    const last = batch.at(-1)?.userId;
    if (last === undefined) {
      await clearSetting(tx, SEARCH_REINDEX);
      return { done: true, rows: 0 };
    }
    // Only the columns that depend on the limits; names and the admins' document do not.
    const docs = batch.map((p) => {
      const c = buildSearchColumns(p, limits);
      return {
        id: p.userId,
        sm: c.searchMembers,
        se: c.searchEmployees,
        gm: c.gramsMembers,
        ge: c.gramsEmployees,
        hm: c.hiddenFromMembers,
        he: c.hiddenFromEmployees,
      };
    });
    // One statement for the batch, one JSON parameter; unchanged rows are not written (a change
    // that touches a field few fill in rewrites few rows).
    await tx.execute(sql`update ${profiles} set
        search_members = v.sm, search_employees = v.se, grams_members = v.gm, grams_employees = v.ge,
        hidden_from_members = v.hm, hidden_from_employees = v.he
      from jsonb_to_recordset(${JSON.stringify(docs)}::jsonb)
        as v(id text, sm text, se text, gm text[], ge text[], hm text[], he text[])
      where ${profiles.userId} = v.id
        and (${profiles.searchMembers}, ${profiles.searchEmployees}, ${profiles.gramsMembers},
             ${profiles.gramsEmployees}, ${profiles.hiddenFromMembers}, ${profiles.hiddenFromEmployees})
          is distinct from (v.sm, v.se, v.gm, v.ge, v.hm, v.he)`);
    // The row is there: it was read (and locked) above.
    await writeSetting(tx, SEARCH_REINDEX, { ...current, after: last });
    return { done: false, rows: batch.length };
  });
}

/**
 * Runs the re-index to its end, giving the event loop back between batches. With `stopAt` (a
 * `performance.now()` time) it stops after the batch that passes it; the cursor keeps the rest for
 * the next run (the benchmark uses this to time-box a run at 300,000 members).
 */
export async function reindexSearch(
  db: Db,
  { stopAt = Number.POSITIVE_INFINITY }: { stopAt?: number } = {},
): Promise<number> {
  let rows = 0;
  let size = Math.min(50, reindexOptions.batchSize);
  while (performance.now() < stopAt) {
    // Embedded PGlite answers without real I/O, so an await chain never yields on its own.
    await yieldToEventLoop();
    const started = performance.now();
    const batch = await reindexSearchBatch(db, { size });
    rows += batch.rows;
    if (batch.done) break;
    // The next batch sized on this one's pace: about targetMs, at most twice as many rows, and at
    // least 10 (a batch's four statements cost something whatever it holds).
    const took = performance.now() - started;
    const perRow = took / Math.max(1, batch.rows);
    size = Math.max(10, Math.round(Math.min(size * 2, reindexOptions.targetMs / Math.max(perRow, 0.01))));
    await rest(Math.min(took, 4 * reindexOptions.targetMs));
  }
  // Documents changed outside any request: the next search must see them at once.
  invalidateVisibilityLimits();
  invalidate('directory.facets');
  return rows;
}

/** The re-index job: sent by a change of limits, and every few minutes in case a send was lost. */
export function memberJobs(deps: Pick<AppDeps, 'db'>): JobDefinition<Record<string, never>>[] {
  return [
    {
      name: SEARCH_REINDEX_JOB,
      handler: async () => {
        await reindexSearch(deps.db);
      },
      // At 300,000 members the re-index takes minutes; a run past this is taken for dead and
      // another starts — harmless, the two take turns on the cursor.
      expireInSeconds: 60 * 60,
      cron: '*/5 * * * *',
    },
  ];
}

const memberColumns = { profile: profiles, role: users.role, email: users.email, status: users.status };

/**
 * A member as this viewer may see them, or 404. Every member of the network sees every active
 * member who consented to be listed (names always; fields as the presenter allows); deactivated
 * and unlisted members exist only for HR — and unlisted ones for themselves (decision 010).
 */
export async function findVisibleMember({ db, viewer, id }: { db: Db; viewer: Viewer; id: string }) {
  // A block hides the two from each other both ways (issue 12); HR's view is administrative.
  const others = viewer.id === id ? [] : listedToViewerConditions(viewer);
  const [row] = await db
    .select(memberColumns)
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(and(eq(profiles.userId, id), ...others));
  if (!row) throw notFound();
  return { ...row.profile, role: row.role, email: row.email, status: row.status } satisfies MemberRow;
}

/**
 * Loads the signed-in member as a policy viewer (role and the attributes audience rules use).
 * Read on every request, never cached: a deactivated or deleted member is out at once. With
 * `sessionId` (the request's session, which better-auth may have read from its signed cookie
 * cache) the same statement also requires that session to still exist, so a sign-out or a revoked
 * session takes effect at once too.
 */
export async function findViewer({
  db,
  userId,
  sessionId,
}: {
  db: Db;
  userId: string;
  sessionId?: string;
}): Promise<Viewer | null> {
  const [row] = await db
    .select({
      id: users.id,
      role: users.role,
      email: users.email,
      locale: users.locale,
      status: users.status,
      name: users.name,
      leftOn: profiles.leftOn,
      currentEmployer: profiles.currentEmployer,
      session: sessionId
        ? sql<boolean>`exists (select 1 from ${sessions} where ${sessions.id} = ${sessionId} and ${sessions.userId} = ${users.id})`
        : sql<boolean>`true`,
    })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, userId));
  if (row?.status !== 'active' || !row.session) return null;
  return {
    id: row.id,
    role: row.role,
    email: row.email,
    displayName: row.name,
    locale: row.locale,
    attributes: {
      leftOn: row.leftOn,
      currentEmployer: row.currentEmployer ? normalizeEmployer(row.currentEmployer) : null,
    },
  };
}

export interface NewMember {
  id: string;
  email: string;
  role: Role;
  locale: 'ja' | 'en';
  names: {
    familyName: string;
    givenName: string;
    familyNameKana?: string | null;
    givenNameKana?: string | null;
    familyNameRomaji?: string | null;
    givenNameRomaji?: string | null;
  };
  profile?: Partial<Omit<ProfileRow, 'userId'>>;
}

/** The users + profiles rows for a new member, search columns computed (used by seed and invites). */
export function newMemberRows(m: NewMember, limits: VisibilityMap) {
  const names = {
    ...m.names,
    familyNameRomaji: deriveRomaji(m.names.familyName, m.names.familyNameKana, m.names.familyNameRomaji),
    givenNameRomaji: deriveRomaji(m.names.givenName, m.names.givenNameKana, m.names.givenNameRomaji),
  };
  const profile = {
    departments: [],
    lastTitle: null,
    office: null,
    currentEmployer: null,
    currentTitle: null,
    location: null,
    skills: [],
    bio: null,
    visibility: {},
    ...m.profile,
    ...names,
  };
  profile.skills = canonicalTerms('skill', profile.skills ?? []);
  return {
    user: {
      id: m.id,
      email: m.email.toLowerCase(),
      name: displayName(names),
      role: m.role,
      locale: m.locale,
    },
    profile: {
      ...profile,
      userId: m.id,
      role: m.role,
      ...buildSearchColumns({ ...profile, email: m.email }, limits),
    },
  };
}

export async function createMember({ db, member }: { db: Db; member: NewMember }) {
  const limits = await getVisibilityLimits({ db });
  const rows = newMemberRows(member, limits);
  await db.insert(users).values(rows.user);
  await db.insert(profiles).values(rows.profile);
  return rows;
}

/**
 * Applies a profile edit by the member themself or HR. Fields a member may not change, and
 * visibilities beyond HR's limits, are rejected with per-field errors — never silently dropped.
 */
export async function updateProfile({
  db,
  viewer,
  id,
  input,
  clock,
  hooks,
}: {
  db: Db;
  viewer: Viewer;
  id: string;
  input: ProfileUpdate;
  /** Saving one's own profile confirms it is current (freshness, decision 009). */
  clock?: Clock;
  /** Announces `profileChanged` in the saving transaction (others' people-to-meet lists). */
  hooks: Pick<DomainHooks, 'profileChanged'>;
}) {
  const current = await findVisibleMember({ db, viewer, id });
  if (!canEditProfile(viewer, id)) throw notFound();

  const fields: Record<string, string[]> = emptyFieldMap();
  if (!canEditHrRecord(viewer)) {
    for (const f of HR_RECORD_FIELDS) {
      if (input[f] !== undefined && input[f] !== current[f]) fields[f] = ['error.not_editable'];
    }
  }
  const limits = await getVisibilityLimits({ db });
  for (const [field, level] of Object.entries(input.visibility ?? {})) {
    const limit = limits[field as keyof VisibilityMap] ?? 'members';
    if (level && FIELD_VISIBILITY_RANK[level] > FIELD_VISIBILITY_RANK[limit]) {
      fields[`visibility.${field}`] = ['error.visibility_limit'];
    }
  }
  const joinedOn = input.joinedOn === undefined ? current.joinedOn : input.joinedOn;
  const leftOn = input.leftOn === undefined ? current.leftOn : input.leftOn;
  if (joinedOn && leftOn && leftOn < joinedOn) fields.leftOn = ['kz.leftBeforeJoined'];
  if (Object.keys(fields).length > 0) throw new AppError('bad_request', 'error.bad_request', fields);

  const { visibility, ...changes } = input;
  // Skills are stored as vocabulary keys: 営業, Sales and ｓａｌｅｓ are one skill (decision 041).
  if (changes.skills) changes.skills = canonicalTerms('skill', changes.skills);
  const next = {
    ...current,
    ...stripUndefined(changes),
    visibility: { ...current.visibility, ...visibility },
  };
  next.familyNameRomaji = nextRomaji(current, input, 'family');
  next.givenNameRomaji = nextRomaji(current, input, 'given');

  const profileChanges = pickProfileColumns(next);
  try {
    await db.transaction(async (tx) => {
      await tx
        .update(profiles)
        .set({
          ...profileChanges,
          ...buildSearchColumns(next, limits),
          ...(viewer.id === id ? { confirmedAt: clock?.now() ?? sql`now()` } : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(profiles.userId, id));
      await tx
        .update(users)
        .set({ name: displayName(next), updatedAt: sql`now()` })
        .where(eq(users.id, id));
      await hooks.profileChanged(tx as unknown as Db, { userId: id, now: clock?.now() ?? new Date() });
    });
  } catch (error) {
    if (
      isUniqueViolation(error, 'profiles_employee_number_unique') ||
      isUniqueViolation(error, 'profiles_employee_number_folded')
    ) {
      throw new AppError('conflict', 'error.employee_number_taken', {
        employeeNumber: ['error.employee_number_taken'],
      });
    }
    throw error;
  }
  return findVisibleMember({ db, viewer, id });
}

/**
 * Romaji as typed wins; cleared, it is derived from the kana. Untouched, it is kept — unless the
 * name or its reading changed, when the stored romaji no longer spells this name.
 */
function nextRomaji(current: MemberRow, input: ProfileUpdate, part: 'family' | 'given') {
  const [nameKey, kanaKey, romajiKey] =
    part === 'family'
      ? (['familyName', 'familyNameKana', 'familyNameRomaji'] as const)
      : (['givenName', 'givenNameKana', 'givenNameRomaji'] as const);
  const name = input[nameKey] ?? current[nameKey];
  const kana = input[kanaKey] === undefined ? current[kanaKey] : input[kanaKey];
  if (input[romajiKey] !== undefined) return deriveRomaji(name, kana, input[romajiKey]);
  const renamed = name !== current[nameKey] || kana !== current[kanaKey];
  return renamed ? deriveRomaji(name, kana, null) : current[romajiKey];
}

const EDITABLE_COLUMNS = [
  ...NAME_FIELDS,
  'employeeNumber',
  ...PROFILE_FIELDS.filter((f) => f !== 'email'),
  'visibility',
] as const;

function pickProfileColumns(p: MemberRow) {
  return Object.fromEntries(EDITABLE_COLUMNS.map((k) => [k, p[k]])) as Partial<ProfileRow>;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function updatePreferences({
  db,
  viewer,
  locale,
}: {
  db: Db;
  viewer: Viewer;
  locale: 'ja' | 'en';
}) {
  await db.update(users).set({ locale, updatedAt: sql`now()` }).where(eq(users.id, viewer.id));
}
