import { randomUUID } from 'node:crypto';
import { aliasedTable, and, desc, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  ADVICE_KINDS,
  type AdviceDecision,
  type AdviceKind,
  type AdviceRequestCreate,
  type AdviceStats,
} from '#common/advice';
import { displayName } from '#common/names';
import type { Role } from '#common/roles';
import { type Db, queryRows } from '#server/db/client';
import { adviceRequests, profiles, users } from '#server/db/schema/index';
import { fieldVisibleSql } from '#server/features/directory/directory.service';
import { getVisibilityLimits } from '#server/features/members/members.service';
import { consentedSql } from '#server/lib/access/consented';
import type { Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import { appendMessage, openConversation } from '#server/lib/conversations';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import { notify } from '#server/lib/notify';
import { rateLimiter } from '#server/lib/rate-limit';
import { notBlockedWith } from '#server/lib/relations';
import { t } from './advice.messages';
import { canAskFor, type Offers, ownAdviceWhere } from './advice.policy';

type Deps = Pick<AppDeps, 'db' | 'clock'>;
type WriteDeps = Pick<AppDeps, 'db' | 'clock' | 'env'>;

/** A member may send this many advice requests a day. */
export const ADVICE_RATE_LIMIT = { max: 10, windowMs: 24 * 60 * 60 * 1000 };
/** Each side of the "mine" page shows the latest this many. */
const LIST_LIMIT = 100;

const badRequest = (fields: Record<string, string[]>) =>
  new AppError('bad_request', 'error.bad_request', fields);

export type AdviceRow = typeof adviceRequests.$inferSelect;
export interface AdviceTargetRow {
  id: string;
  role: Role;
  displayName: string;
  currentTitle: string | null;
  currentEmployer: string | null;
  offers: Offers;
  kinds: AdviceKind[];
}

/**
 * The member a request would go to, as this viewer may see them: active, listed in the directory,
 * not the viewer, not blocked either way — else 404. Offers count only where the flag is visible to
 * the viewer in that member's settings (as the directory's filter does).
 */
export async function findAdviceTarget(db: Db, viewer: Viewer, id: string): Promise<AdviceTargetRow> {
  if (id === viewer.id) throw notFound();
  const limits = await getVisibilityLimits({ db });
  const ctx = { viewer, limits };
  const flag = (column: AnyPgColumn, field: 'mentoring' | 'sideWork' | 'speaking') =>
    sql<boolean>`(${column} and ${fieldVisibleSql(ctx, field)})`;
  const text = (column: AnyPgColumn, field: 'currentTitle' | 'currentEmployer') =>
    sql<string | null>`case when ${fieldVisibleSql(ctx, field)} then ${column} end`;
  const [row] = await db
    .select({
      id: profiles.userId,
      role: users.role,
      familyName: profiles.familyName,
      givenName: profiles.givenName,
      currentTitle: text(profiles.currentTitle, 'currentTitle'),
      currentEmployer: text(profiles.currentEmployer, 'currentEmployer'),
      mentoring: flag(profiles.mentoring, 'mentoring'),
      sideWork: flag(profiles.sideWork, 'sideWork'),
      speaking: flag(profiles.speaking, 'speaking'),
    })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(
      and(
        eq(profiles.userId, id),
        eq(users.status, 'active'),
        eq(profiles.isActive, true),
        consentedSql('directory'),
        notBlockedWith(viewer.id, profiles.userId),
      ),
    );
  if (!row) throw notFound();
  const offers = { mentoring: !!row.mentoring, sideWork: !!row.sideWork, speaking: !!row.speaking };
  return {
    id: row.id,
    role: row.role,
    displayName: displayName(row),
    currentTitle: row.currentTitle,
    currentEmployer: row.currentEmployer,
    offers,
    kinds: ADVICE_KINDS.filter((k) => canAskFor(k, viewer.role, row.role, offers)),
  };
}

/** Sends a request: 404 for oneself or a member one may not reach, 400 for a kind not offered. */
export async function sendAdviceRequest(
  deps: WriteDeps,
  { viewer, input }: { viewer: Viewer; input: AdviceRequestCreate },
): Promise<AdviceView> {
  const now = deps.clock.now();
  if (input.toId === viewer.id) throw badRequest({ toId: ['kz.adviceSelf'] });
  const target = await findAdviceTarget(deps.db, viewer, input.toId);
  if (!target.kinds.includes(input.kind)) {
    throw badRequest({
      kind: [input.kind === 'career_path' ? 'kz.adviceCareerPath' : 'kz.adviceNotOffered'],
    });
  }
  await rateLimiter(deps, 'advice-requests', ADVICE_RATE_LIMIT, 'error.advice_rate_limited').take(
    viewer.id,
    now,
  );
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(adviceRequests)
      .values({
        id: randomUUID(),
        fromId: viewer.id,
        toId: target.id,
        kind: input.kind,
        topic: input.topic,
        hopes: input.hopes,
        timeFrame: input.timeFrame,
        status: 'pending',
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('conflict', 'error.advice_duplicate');
    await notify(tx, now, {
      userIds: [target.id],
      type: 'advice_request',
      threadKey: `advice:${row.id}`,
      actorId: viewer.id,
      link: '/advice',
      data: { kind: row.kind },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: 'advice.requested',
      subjectType: 'advice_request',
      subjectId: row.id,
      data: { kind: row.kind },
      at: now,
    });
    return row.id;
  });
  return findAdviceRequest(deps.db, { viewer, id });
}

/** Locks one pending request of this viewer's side (`to` decides, `from` withdraws), or 404/409. */
async function lockOwn(tx: Db, viewer: Viewer, id: string, side: 'from' | 'to'): Promise<AdviceRow> {
  const mine = side === 'to' ? eq(adviceRequests.toId, viewer.id) : eq(adviceRequests.fromId, viewer.id);
  const [row] = await tx
    .select()
    .from(adviceRequests)
    .where(and(eq(adviceRequests.id, id), mine, ownAdviceWhere(viewer)))
    .for('update');
  if (!row) throw notFound();
  if (row.status !== 'pending') throw new AppError('conflict', 'error.advice_not_pending');
  return row;
}

/** The request as it reads in the conversation it opens, in the sender's language. */
function requestMessage(l: 'ja' | 'en', row: AdviceRow): string {
  return [
    t(l, 'advice.message.heading', { kind: t(l, `advice.kind.${row.kind}`) }),
    `${t(l, 'advice.message.topic')}: ${row.topic}`,
    `${t(l, 'advice.message.hopes')}: ${row.hopes}`,
    `${t(l, 'advice.message.timeFrame')}: ${t(l, `advice.timeFrame.${row.timeFrame}`)}`,
  ].join('\n');
}

/**
 * The recipient accepts or declines. Accepting opens the pair's conversation (origin `mentoring`)
 * and puts the request — as the sender's message — and the acceptance message into it.
 */
export async function decideAdviceRequest(
  deps: Deps,
  { viewer, id, input }: { viewer: Viewer; id: string; input: AdviceDecision },
): Promise<AdviceView> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const row = await lockOwn(tx, viewer, id, 'to');
    const message = input.message ?? null;
    let conversationId: string | null = null;
    if (input.decision === 'accept') {
      const [sender] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, row.fromId));
      const conversation = await openConversation(tx, now, {
        createdBy: row.fromId,
        participantIds: [row.fromId, row.toId],
        origin: 'mentoring',
      });
      conversationId = conversation.id;
      await appendMessage(tx, now, {
        conversationId,
        authorId: row.fromId,
        body: requestMessage(sender?.locale === 'en' ? 'en' : 'ja', row),
      });
      if (message) {
        // A millisecond later, so the answer reads after the request in the conversation's order.
        await appendMessage(tx, new Date(now.getTime() + 1), {
          conversationId,
          authorId: viewer.id,
          body: message,
        });
      }
    }
    await tx
      .update(adviceRequests)
      .set({
        status: input.decision === 'accept' ? 'accepted' : 'declined',
        responseMessage: message,
        conversationId,
        decidedAt: now,
      })
      .where(eq(adviceRequests.id, row.id))
      .returning();
    await notify(tx, now, {
      userIds: [row.fromId],
      type: 'advice_request_decided',
      threadKey: `advice:${row.id}`,
      actorId: viewer.id,
      link: conversationId ? `/messages/${conversationId}` : '/advice',
      data: { kind: row.kind, decision: input.decision },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: input.decision === 'accept' ? 'advice.accepted' : 'advice.declined',
      subjectType: 'advice_request',
      subjectId: row.id,
      data: { kind: row.kind },
      at: now,
    });
  });
  return findAdviceRequest(deps.db, { viewer, id });
}

/** The sender takes a pending request back. */
export async function withdrawAdviceRequest(
  deps: Deps,
  { viewer, id }: { viewer: Viewer; id: string },
): Promise<AdviceView> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const row = await lockOwn(tx, viewer, id, 'from');
    await tx
      .update(adviceRequests)
      .set({ status: 'withdrawn', decidedAt: now })
      .where(eq(adviceRequests.id, row.id))
      .returning();
    await audit(tx, {
      actorId: viewer.id,
      action: 'advice.withdrawn',
      subjectType: 'advice_request',
      subjectId: row.id,
      at: now,
    });
  });
  return findAdviceRequest(deps.db, { viewer, id });
}

export interface AdviceView {
  row: AdviceRow;
  direction: 'received' | 'sent';
  other: { id: string; displayName: string; role: Role };
}

const other = aliasedTable(profiles, 'other');

function ownQuery(db: Db, viewer: Viewer) {
  return db
    .select({
      row: adviceRequests,
      otherId: other.userId,
      otherRole: other.role,
      familyName: other.familyName,
      givenName: other.givenName,
    })
    .from(adviceRequests)
    .innerJoin(
      other,
      sql`${other.userId} = case when ${adviceRequests.fromId} = ${viewer.id} then ${adviceRequests.toId} else ${adviceRequests.fromId} end`,
    );
}

const toView =
  (viewer: Viewer) =>
  (r: {
    row: AdviceRow;
    otherId: string;
    otherRole: Role;
    familyName: string;
    givenName: string;
  }): AdviceView => ({
    row: r.row,
    direction: r.row.toId === viewer.id ? 'received' : 'sent',
    other: { id: r.otherId, role: r.otherRole, displayName: displayName(r) },
  });

/** One request of the viewer's pair, or 404 (anyone else, HR included). */
export async function findAdviceRequest(
  db: Db,
  { viewer, id }: { viewer: Viewer; id: string },
): Promise<AdviceView> {
  const [r] = await ownQuery(db, viewer).where(and(eq(adviceRequests.id, id), ownAdviceWhere(viewer)));
  if (!r) throw notFound();
  return toView(viewer)(r);
}

/** The viewer's received and sent requests, newest first. */
export async function listAdviceRequests(db: Db, { viewer }: { viewer: Viewer }) {
  const [received, sent] = await Promise.all(
    (['to', 'from'] as const).map((side) =>
      ownQuery(db, viewer)
        .where(
          and(
            side === 'to' ? eq(adviceRequests.toId, viewer.id) : eq(adviceRequests.fromId, viewer.id),
            ownAdviceWhere(viewer),
          ),
        )
        .orderBy(desc(adviceRequests.createdAt), desc(adviceRequests.id))
        .limit(LIST_LIMIT),
    ),
  );
  return { received: (received ?? []).map(toView(viewer)), sent: (sent ?? []).map(toView(viewer)) };
}

/**
 * HR's counts: by kind, by state and by month (Japan time) over the last 12 months, and the
 * acceptance rate. Only aggregates leave the query — no text, no member id.
 */
export async function adviceStats(db: Db, { now }: { now: Date }): Promise<AdviceStats> {
  const since = new Date(now.getTime() - 366 * 24 * 60 * 60 * 1000);
  const rows = await queryRows<{
    facet: string;
    value: string;
    total: number;
    accepted: number;
    declined: number;
  }>(
    db,
    sql`with r as (
      select kind, status, to_char(created_at at time zone 'Asia/Tokyo', 'YYYY-MM') as month
      from ${adviceRequests} where created_at >= ${since.toISOString()}
    )
    select 'kind' as facet, kind as value, count(*)::int as total, 0 as accepted, 0 as declined from r group by kind
    union all select 'status', status, count(*)::int, 0, 0 from r group by status
    union all select 'month', month, count(*)::int,
      count(*) filter (where status = 'accepted')::int, count(*) filter (where status = 'declined')::int
      from r group by month
    order by 1, 2`,
  );
  const stats: AdviceStats = { total: 0, byKind: [], byStatus: [], byMonth: [], acceptanceRate: null };
  let accepted = 0;
  let declined = 0;
  for (const r of rows) {
    const count = Number(r.total);
    if (r.facet === 'kind') {
      stats.byKind.push({ value: r.value, count });
      stats.total += count;
    } else if (r.facet === 'status') {
      stats.byStatus.push({ value: r.value, count });
      if (r.value === 'accepted') accepted = count;
      if (r.value === 'declined') declined = count;
    } else {
      stats.byMonth.push({
        month: r.value,
        total: count,
        accepted: Number(r.accepted),
        declined: Number(r.declined),
      });
    }
  }
  stats.acceptanceRate = accepted + declined > 0 ? accepted / (accepted + declined) : null;
  return stats;
}
