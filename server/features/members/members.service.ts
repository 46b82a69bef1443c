import { and, eq, sql } from 'drizzle-orm';
import { FIELD_VISIBILITY_RANK } from '../../../common/access';
import { deriveRomaji, displayName } from '../../../common/names';
import { DEFAULT_VISIBILITY_LIMITS } from '../../../common/profile-visibility';
import {
  HR_RECORD_FIELDS,
  NAME_FIELDS,
  PROFILE_FIELDS,
  type ProfileUpdate,
  type VisibilityMap,
  VisibilityMapSchema,
} from '../../../common/profiles';
import type { Role } from '../../../common/roles';
import type { Db } from '../../db/client';
import { orgSettings, profiles, sessions, users } from '../../db/schema/index';
import type { Clock } from '../../lib/clock';
import { isUniqueViolation } from '../../lib/db-errors';
import { AppError, emptyFieldMap, notFound } from '../../lib/errors';
import { isHr, normalizeEmployer, type Viewer } from '../access/access.policy';
import { consentedSql } from '../consents/consents.service';
import { buildSearchColumns } from './member-search';
import { canEditHrRecord, canEditProfile } from './members.policy';

export type ProfileRow = typeof profiles.$inferSelect;
export type MemberRow = ProfileRow & { role: Role; email: string; status: 'active' | 'deactivated' };

const LIMITS_KEY = 'profile.visibilityLimits';

/**
 * The limits change rarely and are read on every directory and profile request, so each app
 * process keeps them per database for LIMITS_CACHE_MS; `setVisibilityLimits` drops the entry, so
 * this process sees a change at once. Other processes on the same database see it within
 * LIMITS_CACHE_MS (decision 005, 2026-11-24, later).
 */
export const LIMITS_CACHE_MS = 60_000;
const limitsCache = new WeakMap<object, { value: VisibilityMap; at: number; generation: number }>();
let limitsGeneration = 0;

/** HR's per-field visibility limits (the most open level a member may choose). */
export async function getVisibilityLimits({ db }: { db: Db }): Promise<VisibilityMap> {
  const hit = limitsCache.get(db);
  if (hit && hit.generation === limitsGeneration && performance.now() - hit.at < LIMITS_CACHE_MS) {
    return { ...hit.value };
  }
  const generation = limitsGeneration;
  const at = performance.now();
  const [row] = await db
    .select({ value: orgSettings.value })
    .from(orgSettings)
    .where(eq(orgSettings.key, LIMITS_KEY));
  const parsed = VisibilityMapSchema.safeParse(row?.value ?? {});
  const value = { ...DEFAULT_VISIBILITY_LIMITS, ...(parsed.success ? parsed.data : {}) };
  // A read that raced with a change (generation moved on) is not kept.
  if (generation === limitsGeneration) limitsCache.set(db, { value, at, generation });
  return { ...value };
}

/** Forgets every cached copy of the limits (after a change is committed). */
export function invalidateVisibilityLimits() {
  limitsGeneration++;
}

/** Sets the limits and recomputes every profile's search columns so a narrowed field stops matching. */
export async function setVisibilityLimits({ db, limits }: { db: Db; limits: VisibilityMap }) {
  const merged = { ...DEFAULT_VISIBILITY_LIMITS, ...limits };
  await db.transaction(async (tx) => {
    await tx
      .insert(orgSettings)
      .values({ key: LIMITS_KEY, value: merged })
      .onConflictDoUpdate({ target: orgSettings.key, set: { value: merged, updatedAt: sql`now()` } });
    await reindexAll(tx as unknown as Db, merged);
  });
  invalidateVisibilityLimits();
  return merged;
}

async function reindexAll(db: Db, limits: VisibilityMap) {
  let after = '';
  for (;;) {
    const batch = await db
      .select({ p: profiles, email: users.email })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .where(sql`${profiles.userId} > ${after}`)
      .orderBy(profiles.userId)
      .limit(500);
    if (batch.length === 0) return;
    for (const { p, email } of batch) {
      await db
        .update(profiles)
        .set(buildSearchColumns({ ...p, email }, limits))
        .where(eq(profiles.userId, p.userId));
    }
    after = batch[batch.length - 1]?.p.userId ?? after;
  }
}

const memberColumns = { profile: profiles, role: users.role, email: users.email, status: users.status };

/**
 * A member as this viewer may see them, or 404. Every member of the network sees every active
 * member who consented to be listed (names always; fields as the presenter allows); deactivated
 * and unlisted members exist only for HR — and unlisted ones for themselves (decision 010).
 */
export async function findVisibleMember({ db, viewer, id }: { db: Db; viewer: Viewer; id: string }) {
  const others =
    isHr(viewer) || viewer.id === id ? [] : [eq(users.status, 'active'), consentedSql('directory')];
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
}: {
  db: Db;
  viewer: Viewer;
  id: string;
  input: ProfileUpdate;
  /** Saving one's own profile confirms it is current (freshness, decision 009). */
  clock?: Clock;
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
    });
  } catch (error) {
    if (isUniqueViolation(error, 'profiles_employee_number_unique')) {
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
