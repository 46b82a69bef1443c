import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep, setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { type AnyColumn, and, desc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { DIGEST_PERIOD_DAYS, type DigestFrequency } from '#common/digest';
import { NOTIFICATION_TYPES, type NotificationType } from '#common/notifications';
import { type Db, holdsOneConnection, queryRows } from '#server/db/client';
import { digestSubscriptions, jobs, notifications, posts, profiles, users } from '#server/db/schema/index';
import { fitOf, listedJobWhere } from '#server/features/jobs/jobs.service';
import { inFeedScope, listedPostsWhere } from '#server/features/posts/posts.policy';
import { consentedSql } from '#server/lib/access/consented';
import { canView, type Viewer } from '#server/lib/access/policy';
import { loadViewers } from '#server/lib/access/viewers';
import type { AppDeps } from '#server/lib/deps';
import { markdownToText } from '#server/lib/markdown';
import { deliverableAddressSql, dispatchMail, queueMail } from '#server/lib/outbox';
import {
  clip,
  DIGEST_CAPS,
  type DigestContent,
  type DigestJob,
  type DigestNotification,
  type DigestPost,
  type DigestSection,
  digestMail,
  itemCount,
  mailAddressOf,
} from './digest.mail';
import { t } from './digest.messages';
import { DIGEST_SECTION_SOURCES } from './digest.sections';

/**
 * Sending the digest to every member at scale (issue 11, decisions 023 and 032).
 *
 * The weekly job walks all members by primary key, 500 at a time, and queues one send job per
 * range of ids; the send job picks the members of its range who are due (Discourse's rule, in
 * SQL: active, consenting to 'newsletter', not seen within their period, a deliverable address,
 * no digest within their period), then works through them in chunks — reads, then one short
 * transaction per chunk — and rests as long as the chunk took, so requests get the connection
 * (and the event loop) between chunks. A re-run sends nobody twice: the transaction claims each
 * member by moving `last_sent_at` only if they are still due, and mails only those it claimed.
 */

/** Tunable for the tests and the bench (decision 023: short pieces, rest as long as they took). */
export const digestOptions = {
  /** Members per send job (a range of ids). */
  walkBatch: 500,
  /** Members per transaction inside a send job. */
  chunk: 25,
  /**
   * Rest after each piece of work, as a multiple of the time it took; `null` = by database:
   * 1 on PGlite (its one connection is what requests wait for), 0.25 on a PostgreSQL server
   * (requests have the pool's other connections; the rest only spares the server). Decision 042.
   */
  restRatio: null as number | null,
};

const DAY = 86_400_000;
/** The longest period (monthly = four weeks): what the post and job pools cover. */
const LONGEST_PERIOD_DAYS = Math.max(...Object.values(DIGEST_PERIOD_DAYS));
/** The top posts of the longest period considered per chunk (then narrowed per member). */
const POST_POOL = 1_000;

export const newUnsubscribeToken = () => randomBytes(32).toString('base64url');
/** The token has 256 random bits: a plain SHA-256 is enough to make the stored value useless. */
export const hashUnsubscribeToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** SQL: the days of a frequency column's period. */
const periodDays = (frequency: unknown) =>
  sql`(case ${frequency} when 'biweekly' then ${sql.raw(String(DIGEST_PERIOD_DAYS.biweekly))} when 'monthly' then ${sql.raw(String(DIGEST_PERIOD_DAYS.monthly))} else ${sql.raw(String(DIGEST_PERIOD_DAYS.weekly))} end)`;

/**
 * SQL: no digest within the member's period. A weekly job's runs are a week apart give or take
 * a few minutes, so a member is due one day early (else a weekly member would be skipped every
 * other week).
 */
const notSentWithinPeriod = (lastSentAt: unknown, frequency: unknown, now: Date) =>
  sql`(${lastSentAt} is null or ${lastSentAt} < ${now.toISOString()}::timestamptz - make_interval(days => ${periodDays(frequency)} - 1))`;

const anyOf = (column: AnyColumn, ids: readonly string[]) => sql`${column} = any(${sql.param(ids)}::text[])`;

export interface DueMember {
  id: string;
  email: string;
  locale: 'ja' | 'en';
  name: string;
  frequency: Exclude<DigestFrequency, 'off'>;
  lastSentAt: Date | null;
}

/** The members of an id range who are due a digest now (each rule of the eligibility in SQL). */
export async function dueMembers(
  db: Db,
  { afterId, lastId, now }: { afterId: string; lastId: string; now: Date },
): Promise<DueMember[]> {
  const frequency = sql`coalesce(${digestSubscriptions.frequency}, 'weekly')`;
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      locale: users.locale,
      name: users.name,
      frequency: sql<DueMember['frequency']>`${frequency}`,
      lastSentAt: digestSubscriptions.lastSentAt,
    })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(digestSubscriptions, eq(digestSubscriptions.userId, users.id))
    .where(
      and(
        gt(users.id, afterId),
        lte(users.id, lastId),
        eq(users.status, 'active'),
        consentedSql('newsletter'),
        sql`${frequency} <> 'off'`,
        // Not seen within their period: someone who uses the app has seen it there.
        sql`(${users.lastActiveAt} is null or ${users.lastActiveAt} < ${now.toISOString()}::timestamptz - make_interval(days => ${periodDays(frequency)}))`,
        notSentWithinPeriod(digestSubscriptions.lastSentAt, frequency, now),
        deliverableAddressSql(users.id, users.email),
      ),
    )
    .orderBy(users.id);
  return rows.map((r) => ({ ...r, lastSentAt: r.lastSentAt ? new Date(r.lastSentAt) : null }));
}

/** The start of the period a member's digest covers: their last digest, at most one period back. */
export function periodStart(member: Pick<DueMember, 'frequency' | 'lastSentAt'>, now: Date): Date {
  const periodAgo = now.getTime() - DIGEST_PERIOD_DAYS[member.frequency] * DAY;
  return new Date(Math.max(periodAgo, member.lastSentAt?.getTime() ?? 0));
}

type PoolPost = {
  id: string;
  authorId: string;
  isCompany: boolean;
  classification: (typeof posts.$inferSelect)['classification'];
  audience: (typeof posts.$inferSelect)['audience'];
  groupId: string | null;
  title: string | null;
  bodyMarkdown: string;
  createdAt: Date;
  comments: number;
  score: number;
};

/** The period's listed posts (not hidden, not deleted), ranked: company posts first, then reactions + comments. */
async function postPool(db: Db, now: Date): Promise<PoolPost[]> {
  const reactions = sql`coalesce((select sum(value::int) from jsonb_each_text(${posts.reactionCounts})), 0)`;
  const score = sql<number>`(${posts.commentCount} + ${reactions})::int`;
  const rows = await db
    .select({
      id: posts.id,
      authorId: posts.authorId,
      isCompany: posts.isCompany,
      classification: posts.classification,
      audience: posts.audience,
      groupId: posts.groupId,
      title: posts.title,
      bodyMarkdown: posts.bodyMarkdown,
      createdAt: posts.createdAt,
      comments: posts.commentCount,
      score,
    })
    .from(posts)
    .where(
      and(
        isNull(posts.hiddenAt),
        isNull(posts.deletedAt),
        gt(posts.createdAt, new Date(now.getTime() - LONGEST_PERIOD_DAYS * DAY)),
        lte(posts.createdAt, now),
      ),
    )
    .orderBy(desc(posts.isCompany), desc(score), desc(posts.createdAt), desc(posts.id))
    .limit(POST_POOL);
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt), score: Number(r.score) }));
}

const jobColumns = {
  id: jobs.id,
  titleJa: jobs.titleJa,
  titleEn: jobs.titleEn,
  department: jobs.department,
  location: jobs.location,
  remote: jobs.remote,
  skills: jobs.skills,
  closesOn: jobs.closesOn,
  publishedAt: jobs.publishedAt,
  classification: jobs.classification,
  audience: jobs.audience,
};

/** Listed jobs published within the longest period (open jobs number in the hundreds). */
const jobPool = (db: Db, now: Date) =>
  db
    .select(jobColumns)
    .from(jobs)
    .where(
      and(listedJobWhere(now), gt(jobs.publishedAt, new Date(now.getTime() - LONGEST_PERIOD_DAYS * DAY))),
    )
    .orderBy(desc(jobs.publishedAt), jobs.id);

const postIdOf = (n: { threadKey: string; link: string }) =>
  /^post:([\w-]+)/.exec(n.threadKey)?.[1] ?? /^\/posts\/([\w-]+)/.exec(n.link)?.[1] ?? null;

const isType = (type: string): type is NotificationType =>
  (NOTIFICATION_TYPES as readonly string[]).includes(type);

/** The text of a notification in the reader's language: what happened, and its title if any. */
function notificationText(
  n: { type: string; data: Record<string, string | number | null> },
  actor: string,
  locale: 'ja' | 'en',
): string {
  const key = isType(n.type) ? (`notification.${n.type}` as const) : 'notification.other';
  const what = t(locale, key, { actor });
  const title = typeof n.data.title === 'string' ? n.data.title.trim() : '';
  return title ? `${what}${locale === 'ja' ? '：' : ': '}${clip(title, 80)}` : what;
}

/**
 * What every chunk of one range shares, read once per range: the period's top posts and open jobs
 * (the same for everyone, narrowed per member afterwards) and the posts' plain-text excerpts (the
 * sanitiser is the costly part).
 */
export interface RangeContext {
  now: Date;
  pool: PoolPost[];
  /** The names of the pool's authors who are still active members. */
  authorNames: ReadonlyMap<string, string>;
  openJobs: Awaited<ReturnType<typeof jobPool>>;
  excerpts: Map<string, string>;
  /** Each of DIGEST_SECTION_SOURCES' pool, in its order (e.g. the coming events). */
  sectionPools: unknown[];
}

async function rangeContext(deps: Pick<AppDeps, 'db' | 'clock' | 'env'>, now: Date): Promise<RangeContext> {
  const { db } = deps;
  const [pool, openJobs] = await Promise.all([postPool(db, now), jobPool(db, now)]);
  const authorNames = await activeNames(db, [...new Set(pool.map((p) => p.authorId))]);
  const sectionPools: unknown[] = [];
  for (const source of DIGEST_SECTION_SOURCES) sectionPools.push(await source.pool(deps, now));
  return { now, pool, authorNames, openJobs, excerpts: new Map(), sectionPools };
}

/** id → name of those of these members who are active (a former member's name is not shown). */
async function activeNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(anyOf(users.id, ids), eq(users.status, 'active')));
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** What each member of a chunk gets (only members with something new), in their language. */
async function contentFor(
  deps: Pick<AppDeps, 'db' | 'clock' | 'env'>,
  members: DueMember[],
  range: RangeContext,
): Promise<Map<string, { member: DueMember; content: DigestContent; notificationIds: string[] }>> {
  const { db } = deps;
  const { now, pool, openJobs, excerpts } = range;
  const ids = members.map((m) => m.id);
  const since = new Map(members.map((m) => [m.id, periodStart(m, now)]));
  const [loadedViewers, memberProfiles, pending] = await Promise.all([
    loadViewers(db, ids),
    db
      .select({
        userId: profiles.userId,
        skills: profiles.skills,
        departments: profiles.departments,
        location: profiles.location,
        country: profiles.country,
      })
      .from(profiles)
      .where(anyOf(profiles.userId, ids)),
    db
      .select({
        id: notifications.id,
        userId: notifications.userId,
        type: notifications.type,
        threadKey: notifications.threadKey,
        actorId: notifications.actorId,
        link: notifications.link,
        data: notifications.data,
      })
      .from(notifications)
      .where(
        and(
          anyOf(notifications.userId, ids),
          eq(notifications.channel, 'digest'),
          isNull(notifications.mailedAt),
          isNull(notifications.readAt),
        ),
      )
      .orderBy(notifications.userId, desc(notifications.createdAt), notifications.id),
  ]);
  const viewers = new Map(loadedViewers.map((v) => [v.id, v]));
  const profileOf = new Map(memberProfiles.map((p) => [p.userId, p]));
  const pendingOf = new Map<string, typeof pending>();
  for (const n of pending) pendingOf.set(n.userId, [...(pendingOf.get(n.userId) ?? []), n]);

  // Authors of the pool are read once per range; only the notifications' actors are new here.
  const names = new Map(range.authorNames);
  const actorIds = [...new Set(pending.flatMap((n) => n.actorId ?? []))].filter((id) => !names.has(id));
  for (const [id, name] of await activeNames(db, actorIds)) names.set(id, name);
  const excerptOf = (p: PoolPost) => {
    let text = excerpts.get(p.id);
    if (text === undefined) {
      text = clip(markdownToText(p.bodyMarkdown), DIGEST_CAPS.excerptChars);
      excerpts.set(p.id, text);
    }
    return text;
  };

  const extra = new Map<string, DigestSection[]>();
  for (const [i, source] of DIGEST_SECTION_SOURCES.entries()) {
    const sections = await source.load(deps, {
      viewers: [...viewers.values()],
      since,
      now,
      pool: range.sectionPools[i],
    });
    for (const [userId, section] of sections) extra.set(userId, [...(extra.get(userId) ?? []), section]);
  }

  // Narrowed here with the policy's pure twin (a few spares), then decided by the policy's SQL:
  // one statement for the whole chunk (decision 032; decision 042 for the batching).
  const asked = new Map<string, { viewer: Viewer; candidates: PoolPost[]; postIds: string[] }>();
  for (const member of members) {
    const viewer = viewers.get(member.id);
    if (!viewer) continue;
    const from = since.get(member.id) as Date;
    // The pool is ranked: stop at the first few that pass (not 1,000 checks per member).
    const candidates = firstMatches(
      pool,
      DIGEST_CAPS.posts + 3,
      (p) =>
        p.createdAt > from &&
        p.authorId !== member.id &&
        inFeedScope(viewer, p) &&
        canView(viewer, { classification: p.classification, audience: p.audience, ownerId: p.authorId }, now),
    );
    const aboutPosts = (pendingOf.get(member.id) ?? []).flatMap((n) => postIdOf(n) ?? []);
    asked.set(member.id, {
      viewer,
      candidates,
      postIds: [...new Set([...candidates.map((p) => p.id), ...aboutPosts])],
    });
  }
  const listed = await listedForEach(
    db,
    [...asked.values()].map(({ viewer, postIds }) => ({ viewer, postIds })),
    now,
  );

  const out = new Map<string, { member: DueMember; content: DigestContent; notificationIds: string[] }>();
  for (const member of members) {
    const entry = asked.get(member.id);
    if (!entry) continue;
    const { viewer, candidates } = entry;
    const from = since.get(member.id) as Date;
    const theirs = pendingOf.get(member.id) ?? [];
    const visible = listed.get(member.id) ?? new Set<string>();

    const postItems: DigestPost[] = candidates
      .filter((p) => visible.has(p.id))
      .slice(0, DIGEST_CAPS.posts)
      .map((p) => ({
        id: p.id,
        title: p.title?.trim() || clip(excerptOf(p), 80),
        excerpt: excerptOf(p),
        isCompany: p.isCompany,
        authorName: names.get(p.authorId) ?? null,
        reactions: p.score - p.comments,
        comments: p.comments,
      }));

    const profile = profileOf.get(member.id);
    const jobItems: DigestJob[] = profile
      ? openJobs
          .filter((j) => j.publishedAt && j.publishedAt > from && canView(viewer, j, now))
          .map((job, order) => ({ job, order, fit: fitOf(job, profile) }))
          .filter((x) => x.fit !== null)
          .sort((a, b) => (b.fit?.score ?? 0) - (a.fit?.score ?? 0) || a.order - b.order)
          .slice(0, DIGEST_CAPS.jobs)
          .map(({ job }) => ({
            id: job.id,
            title:
              (member.locale === 'ja' ? job.titleJa || job.titleEn : job.titleEn || job.titleJa)?.trim() ??
              '',
            department: job.department,
            location: job.location,
            closesOn: job.closesOn,
          }))
      : [];

    // A notification about a post the member may no longer see (deleted, hidden, audience
    // changed) is left out of the mail; it is still marked, so it is not looked at every week.
    const shown = theirs.filter((n) => {
      const postId = postIdOf(n);
      return postId === null || visible.has(postId);
    });
    const notificationItems: DigestNotification[] = shown.slice(0, DIGEST_CAPS.notifications).map((n) => ({
      id: n.id,
      text: notificationText(
        n,
        n.actorId
          ? (names.get(n.actorId) ?? t(member.locale, 'mail.digest.formerMember'))
          : t(member.locale, 'mail.digest.someone'),
        member.locale,
      ),
      link: n.link,
    }));
    const content: DigestContent = {
      posts: postItems,
      jobs: jobItems,
      notifications: notificationItems,
      moreNotifications: Math.max(0, shown.length - notificationItems.length),
      sections: extra.get(member.id) ?? [],
    };
    if (itemCount(content) === 0) continue; // nothing new: no mail
    out.set(member.id, { member, content, notificationIds: theirs.map((n) => n.id) });
  }
  return out;
}

/** The first `limit` items that pass, in order, without testing the rest. */
function firstMatches<T>(items: readonly T[], limit: number, test: (item: T) => boolean): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (out.length >= limit) break;
    if (test(item)) out.push(item);
  }
  return out;
}

/**
 * Which of their posts each viewer may see in a list — the policy's SQL decides (decision 032),
 * one `union all` statement for the whole chunk instead of one query per member (decision 042).
 */
async function listedForEach(
  db: Db,
  asks: { viewer: Viewer; postIds: string[] }[],
  now: Date,
): Promise<Map<string, Set<string>>> {
  const parts = asks
    .filter((a) => a.postIds.length > 0)
    .map(
      ({ viewer, postIds }) =>
        sql`(select ${viewer.id}::text as viewer_id, ${posts.id} as post_id from ${posts} where ${anyOf(posts.id, postIds)} and ${listedPostsWhere(viewer, now)})`,
    );
  const out = new Map<string, Set<string>>();
  if (parts.length === 0) return out;
  const rows = await queryRows<{ viewer_id: string; post_id: string }>(db, sql.join(parts, sql` union all `));
  for (const r of rows) {
    const set = out.get(r.viewer_id) ?? new Set<string>();
    set.add(r.post_id);
    out.set(r.viewer_id, set);
  }
  return out;
}

/**
 * One chunk of due members: their content, then one transaction that claims them (only if still
 * due: a concurrent or repeated run finds them claimed), queues their mails and marks their
 * notifications mailed. Returns the ids of the mails queued.
 */
async function sendChunk(
  deps: Pick<AppDeps, 'db' | 'clock' | 'env'>,
  members: DueMember[],
  range: RangeContext,
) {
  const { db, env } = deps;
  const { now } = range;
  const prepared = [...(await contentFor(deps, members, range)).values()].map((p) => ({
    ...p,
    token: newUnsubscribeToken(),
  }));
  if (prepared.length === 0) return [];
  return db.transaction(async (tx) => {
    const claimed = new Set(
      (
        await queryRows<{ userId: string }>(
          tx as unknown as Db,
          sql`insert into ${digestSubscriptions} (user_id, last_sent_at, token_hash, updated_at)
            select m.user_id, ${now.toISOString()}::timestamptz, m.token_hash, ${now.toISOString()}::timestamptz
            from unnest(${sql.param(prepared.map((p) => p.member.id))}::text[], ${sql.param(
              prepared.map((p) => hashUnsubscribeToken(p.token)),
            )}::text[]) as m(user_id, token_hash)
            on conflict (user_id) do update set
              last_sent_at = excluded.last_sent_at,
              previous_token_hash = ${digestSubscriptions.tokenHash},
              token_hash = excluded.token_hash,
              updated_at = excluded.updated_at
            where ${digestSubscriptions.frequency} <> 'off'
              and ${notSentWithinPeriod(digestSubscriptions.lastSentAt, digestSubscriptions.frequency, now)}
            returning user_id as "userId"`,
        )
      ).map((r) => r.userId),
    );
    const sending = prepared.filter((p) => claimed.has(p.member.id));
    if (sending.length === 0) return [];
    const mailIds = await queueMail(
      tx as unknown as Db,
      sending.map(({ member, content, token }) =>
        digestMail(
          {
            to: member.email,
            locale: member.locale,
            name: member.name,
            userId: member.id,
            baseUrl: env.BASE_URL,
            since: periodStart(member, now),
            token,
            mailto: mailAddressOf(env.MAIL_FROM),
          },
          content,
        ),
      ),
      { now },
    );
    const marked = sending.flatMap((s) => s.notificationIds);
    if (marked.length > 0) {
      await tx
        .update(notifications)
        .set({ mailedAt: now })
        .where(and(anyOf(notifications.id, marked), isNull(notifications.mailedAt)));
    }
    return mailIds;
  });
}

/** Rest after a piece of work as long as it took (decision 023), giving the event loop back first. */
async function rest(db: Db, startedAt: number) {
  await yieldToEventLoop();
  const ratio = digestOptions.restRatio ?? (holdsOneConnection(db) ? 1 : 0.25);
  const ms = (performance.now() - startedAt) * ratio;
  if (ms >= 1) await sleep(ms);
}

type SendDeps = Pick<AppDeps, 'db' | 'clock' | 'env'> & Partial<Pick<AppDeps, 'queue'>>;

/** Sends the digest to the due members of one id range (the `digest.send` job). */
export async function sendDigestRange(
  deps: SendDeps,
  {
    afterId,
    lastId,
    dispatch,
  }: { afterId: string; lastId: string; dispatch?: (ids: string[]) => Promise<void> },
): Promise<{ mailed: number }> {
  const now = deps.clock.now();
  const readAt = performance.now();
  const due = await dueMembers(deps.db, { afterId, lastId, now });
  await rest(deps.db, readAt);
  if (due.length === 0) return { mailed: 0 };
  const poolAt = performance.now();
  const range = await rangeContext(deps, now);
  await rest(deps.db, poolAt);
  let mailed = 0;
  for (let start = 0; start < due.length; start += digestOptions.chunk) {
    const startedAt = performance.now();
    const mailIds = await sendChunk(deps, due.slice(start, start + digestOptions.chunk), range);
    mailed += mailIds.length;
    if (mailIds.length > 0)
      await (
        dispatch ?? ((ids) => (deps.queue ? dispatchMail({ queue: deps.queue }, ids) : Promise.resolve()))
      )(mailIds);
    await rest(deps.db, startedAt);
  }
  return { mailed };
}

/**
 * Walks every active member by primary key, `walkBatch` at a time, handing each range to
 * `onRange`; rests as long as each step took. Returns the number of ranges.
 */
export async function walkMembers(
  db: Db,
  onRange: (range: { afterId: string; lastId: string }) => Promise<void>,
): Promise<number> {
  let afterId = '';
  let ranges = 0;
  for (;;) {
    const startedAt = performance.now();
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(gt(users.id, afterId), eq(users.status, 'active')))
      .orderBy(users.id)
      .limit(digestOptions.walkBatch);
    const lastId = rows.at(-1)?.id;
    if (!lastId) break;
    await onRange({ afterId, lastId });
    ranges += 1;
    afterId = lastId;
    await rest(db, startedAt);
  }
  return ranges;
}
