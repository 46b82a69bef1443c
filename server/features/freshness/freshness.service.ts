import { createHmac, timingSafeEqual } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { FRESHNESS_MONTHS_DEFAULT, type FreshnessSettings, FreshnessSettingsSchema } from '#common/freshness';
import { FRESHNESS_MAIL_KIND } from '#common/mail';
import { displayName } from '#common/names';
import type { Role } from '#common/roles';
import type { Db } from '#server/db/client';
import { profiles, users } from '#server/db/schema/index';
import type { Viewer } from '#server/lib/access/policy';
import type { Clock } from '#server/lib/clock';
import type { AppDeps } from '#server/lib/deps';
import type { Env } from '#server/lib/env';
import { AppError, notFound } from '#server/lib/errors';
import { dispatchMail, type OutgoingMail, queueMail } from '#server/lib/outbox';
import type { JobDefinition } from '#server/lib/queue';
import { defineSetting, readSetting, writeSetting } from '#server/lib/settings';
import { t } from './freshness.messages';

const SETTINGS_KEY = 'freshness.settings';
export const FRESHNESS_ASK = 'freshness.ask';
/** Members asked per transaction by the daily job (tests make it smaller). */
export const freshnessOptions = { batchSize: 100 };
/** How long the confirm link in the email works. */
export const CONFIRM_LINK_TTL_DAYS = 60;

export const FRESHNESS_SETTINGS = defineSetting(SETTINGS_KEY, FreshnessSettingsSchema, () => ({
  months: FRESHNESS_MONTHS_DEFAULT,
}));

export async function getFreshnessSettings({ db }: { db: Db }): Promise<FreshnessSettings> {
  return readSetting(db, FRESHNESS_SETTINGS);
}

export async function setFreshnessSettings({ db, settings }: { db: Db; settings: FreshnessSettings }) {
  await writeSetting(db, FRESHNESS_SETTINGS, settings);
  return settings;
}

/** A profile confirmed before this instant is stale (calendar months back, in UTC). */
export function staleCutoff(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

// ---- The signed confirm link ------------------------------------------------------------------

const mac = (env: Pick<Env, 'AUTH_SECRET'>, payload: string) =>
  createHmac('sha256', env.AUTH_SECRET).update(`freshness:${payload}`).digest('base64url');

/**
 * `userId.confirmedAtMs.expiresMs.mac`: HMAC (AUTH_SECRET) over the member, the confirmation it
 * asks about and its expiry. Nothing is stored; confirming (or editing) moves confirmed_at, so a
 * used link no longer matches and only re-confirms harmlessly.
 */
export function freshnessToken(
  env: Pick<Env, 'AUTH_SECRET'>,
  userId: string,
  confirmedAt: Date,
  expiresAt: Date,
): string {
  const payload = `${userId}.${confirmedAt.getTime()}.${expiresAt.getTime()}`;
  return `${payload}.${mac(env, payload)}`;
}

function readToken(env: Pick<Env, 'AUTH_SECRET'>, token: string) {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [userId = '', confirmedMs = '', expiresMs = '', signature = ''] = parts;
  const expected = Buffer.from(mac(env, `${userId}.${confirmedMs}.${expiresMs}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (!/^\d+$/.test(confirmedMs) || !/^\d+$/.test(expiresMs)) return null;
  return { userId, confirmedAt: Number(confirmedMs), expiresAt: Number(expiresMs) };
}

export const confirmUrl = (env: Env, token: string) =>
  `${env.BASE_URL}/freshness/confirm?token=${encodeURIComponent(token)}`;

// ---- Confirming --------------------------------------------------------------------------------

async function markConfirmed(db: Db, userId: string, now: Date) {
  await db.update(profiles).set({ confirmedAt: now }).where(eq(profiles.userId, userId));
  return now;
}

/** The signed-in member says "yes, still current". */
export async function confirmMyProfile({ db, clock, viewer }: { db: Db; clock: Clock; viewer: Viewer }) {
  return markConfirmed(db, viewer.id, clock.now());
}

/**
 * One click from the email (a POST from the confirm page: mail scanners that prefetch links do
 * nothing). An invalid link is a 404; an expired one a 409 asking to sign in. A link whose
 * confirmation was already superseded (confirmed or edited since) changes nothing.
 */
export async function confirmByToken({
  db,
  env,
  clock,
  token,
}: {
  db: Db;
  env: Env;
  clock: Clock;
  token: string;
}) {
  const parsed = readToken(env, token);
  if (!parsed) throw new AppError('not_found', 'error.freshness_link_invalid');
  const now = clock.now();
  if (parsed.expiresAt <= now.getTime()) throw new AppError('conflict', 'error.freshness_link_expired');
  const [row] = await db
    .select({ confirmedAt: profiles.confirmedAt })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(and(eq(profiles.userId, parsed.userId), eq(users.status, 'active')));
  if (!row) throw new AppError('not_found', 'error.freshness_link_invalid');
  if (row.confirmedAt.getTime() !== parsed.confirmedAt) return row.confirmedAt;
  return markConfirmed(db, parsed.userId, now);
}

/** The home banner: is my profile stale, and what does it say I do now? */
export async function getMyFreshness({ db, clock, viewer }: { db: Db; clock: Clock; viewer: Viewer }) {
  const { months } = await getFreshnessSettings({ db });
  const [row] = await db
    .select({
      confirmedAt: profiles.confirmedAt,
      currentEmployer: profiles.currentEmployer,
      currentTitle: profiles.currentTitle,
    })
    .from(profiles)
    .where(eq(profiles.userId, viewer.id));
  if (!row) throw notFound();
  return { ...row, months, isStale: row.confirmedAt < staleCutoff(clock.now(), months) };
}

// ---- The daily job ---------------------------------------------------------------------------

function freshnessMail(
  env: Env,
  m: {
    userId: string;
    email: string;
    locale: 'ja' | 'en';
    names: Parameters<typeof displayName>[0];
    employer: string | null;
    title: string | null;
    token: string;
  },
): OutgoingMail {
  const params = {
    name: displayName(m.names),
    employer: m.employer ?? '',
    title: m.title ?? '',
    confirmUrl: confirmUrl(env, m.token),
    editUrl: `${env.BASE_URL}/members/${m.userId}/edit`,
  };
  const variant = m.employer ? (m.title ? 'full' : 'employer') : 'none';
  return {
    kind: FRESHNESS_MAIL_KIND,
    to: m.email,
    locale: m.locale,
    userId: m.userId,
    subjectId: m.userId,
    subject: t(m.locale, `mail.freshness.subject.${variant}`, params),
    text: t(m.locale, `mail.freshness.body.${variant}`, params),
  };
}

/**
 * Asks every active member whose profile is stale and who was not asked since (their last
 * confirmation, or within the last period) "still at X as Y?" by email. Marks and mails in one
 * transaction per batch; rows are claimed with SKIP LOCKED so two runs never ask twice.
 * Returns how many were asked. A service message: sent regardless of newsletter consent.
 */
export async function askStaleMembers(deps: Pick<AppDeps, 'db' | 'env' | 'clock' | 'queue'>) {
  const { db, env, clock } = deps;
  const now = clock.now();
  const { months } = await getFreshnessSettings({ db });
  const cutoff = staleCutoff(now, months);
  const expiresAt = new Date(now.getTime() + CONFIRM_LINK_TTL_DAYS * 86_400_000);
  let asked = 0;
  // Members are taken in id order after the last batch's (decision 023): each batch reads on from
  // there, not from the first member again past everyone asked already.
  let after = '';
  for (;;) {
    // Embedded PGlite answers without real I/O, so an await chain never yields on its own: let
    // requests waiting on the one connection in between batches.
    await yieldToEventLoop();
    const mailIds = await db.transaction(async (tx0) => {
      const tx = tx0 as unknown as Db;
      const due = await tx
        .select({
          userId: profiles.userId,
          confirmedAt: profiles.confirmedAt,
          employer: profiles.currentEmployer,
          title: profiles.currentTitle,
          familyName: profiles.familyName,
          givenName: profiles.givenName,
          email: users.email,
          locale: users.locale,
        })
        .from(profiles)
        .innerJoin(users, eq(users.id, profiles.userId))
        .where(
          and(
            gt(profiles.userId, after),
            eq(users.status, 'active'),
            lt(profiles.confirmedAt, cutoff),
            or(
              isNull(profiles.freshnessAskedAt),
              lt(profiles.freshnessAskedAt, profiles.confirmedAt),
              lt(profiles.freshnessAskedAt, cutoff),
            ),
          ),
        )
        .orderBy(asc(profiles.userId))
        .limit(freshnessOptions.batchSize)
        .for('update', { of: profiles, skipLocked: true });
      if (due.length === 0) return null;
      after = due.at(-1)?.userId ?? after;
      await tx
        .update(profiles)
        .set({ freshnessAskedAt: now })
        .where(
          inArray(
            profiles.userId,
            due.map((d) => d.userId),
          ),
        );
      return queueMail(
        tx,
        due.map((d) =>
          freshnessMail(env, {
            userId: d.userId,
            email: d.email,
            locale: d.locale,
            names: d,
            employer: d.employer,
            title: d.title,
            token: freshnessToken(env, d.userId, d.confirmedAt, expiresAt),
          }),
        ),
      );
    });
    if (!mailIds) return asked;
    asked += mailIds.length;
    await dispatchMail(deps, mailIds);
  }
}

export function freshnessJobs(deps: AppDeps): JobDefinition<never>[] {
  const ask: JobDefinition<Record<string, never>> = {
    name: FRESHNESS_ASK,
    // Every day at 09:00 in Japan: the mail arrives in the morning.
    cron: '0 9 * * *',
    tz: 'Asia/Tokyo',
    retryLimit: 3,
    async handler() {
      await askStaleMembers(deps);
    },
  };
  return [ask] as JobDefinition<never>[];
}

// ---- HR's figures ----------------------------------------------------------------------------

const share = (total: number, stale: number) => ({
  total,
  stale,
  share: total === 0 ? 0 : Math.round((stale / total) * 1000) / 1000,
});

/** Share of active profiles not confirmed within the period: overall, per role, per department. */
export async function freshnessSummary({ db, clock }: { db: Db; clock: Clock }) {
  const { months } = await getFreshnessSettings({ db });
  const cutoff = staleCutoff(clock.now(), months);
  const staleSql = sql<number>`count(*) filter (where ${profiles.confirmedAt} < ${cutoff})::int`;
  const byRole = await db
    .select({ role: profiles.role, total: sql<number>`count(*)::int`, stale: staleSql })
    .from(profiles)
    .where(eq(profiles.isActive, true))
    .groupBy(profiles.role)
    .orderBy(profiles.role);
  const department = sql<string>`d.department`;
  const byDepartment = await db
    .select({ department, total: sql<number>`count(*)::int`, stale: staleSql })
    .from(sql`${profiles} cross join lateral unnest(${profiles.departments}) as d(department)`)
    .where(eq(profiles.isActive, true))
    .groupBy(department)
    .orderBy(sql`count(*) desc`, department)
    .limit(20);
  const total = byRole.reduce((n, r) => n + Number(r.total), 0);
  const stale = byRole.reduce((n, r) => n + Number(r.stale), 0);
  return {
    months,
    ...share(total, stale),
    byRole: byRole.map((r) => ({ role: r.role as Role, ...share(Number(r.total), Number(r.stale)) })),
    byDepartment: byDepartment.map((r) => ({
      department: r.department,
      ...share(Number(r.total), Number(r.stale)),
    })),
  };
}
