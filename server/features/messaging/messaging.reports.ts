import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MessageReportCreate, PeopleReportDecision, PeopleReportStatus } from '#common/messaging';
import type { Db } from '#server/db/client';
import { conversationParticipants, conversations, messages, peopleReports, users } from '#server/db/schema';
import type { Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import { rateLimiter } from '#server/lib/rate-limit';
import { suspendMember } from '../moderation/moderation.suspensions';
import { visibleConversationWhere } from './messaging.policy';
import { messageRows } from './messaging.service';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'env'>;

export const MESSAGE_REPORT_LIMIT = { max: 20, windowMs: 60 * 60 * 1000 };
/** HR reads this many of the conversation's latest messages when reviewing a message report. */
const REVIEW_MESSAGES = 200;

const member = alias(users, 'member');
const reporter = alias(users, 'reporter');

const reportColumns = {
  id: peopleReports.id,
  memberId: peopleReports.memberId,
  memberName: member.name,
  reporterId: peopleReports.reporterId,
  reporterName: reporter.name,
  conversationId: peopleReports.conversationId,
  messageId: peopleReports.messageId,
  category: peopleReports.category,
  note: peopleReports.note,
  status: peopleReports.status,
  moderatorNote: peopleReports.moderatorNote,
  resolvedAt: peopleReports.resolvedAt,
  createdAt: peopleReports.createdAt,
};
export type PeopleReportRow = {
  [K in keyof typeof reportColumns]: (typeof reportColumns)[K]['_']['notNull'] extends true
    ? (typeof reportColumns)[K]['_']['data']
    : (typeof reportColumns)[K]['_']['data'] | null;
};

/**
 * A participant reports a message to HR: a people report about its author, carrying the message
 * and its conversation. Only a message the viewer can read (404 otherwise), not their own. Reporting
 * it again while the first is open returns the first.
 */
export async function reportMessage(
  deps: Deps,
  { viewer, messageId, input }: { viewer: Viewer; messageId: string; input: MessageReportCreate },
) {
  const now = deps.clock.now();
  const [message] = await deps.db
    .select({ id: messages.id, conversationId: messages.conversationId, authorId: messages.authorId })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        eq(messages.id, messageId),
        isNull(messages.deletedAt),
        visibleConversationWhere(viewer.id, conversations.id, conversations.kind),
      ),
    );
  if (!message?.authorId) throw notFound();
  if (message.authorId === viewer.id) {
    throw new AppError('bad_request', 'error.bad_request', { messageId: ['kz.messageReportOwn'] });
  }
  await rateLimiter(deps, 'messages.report', MESSAGE_REPORT_LIMIT).take(viewer.id, now);
  const [inserted] = await deps.db
    .insert(peopleReports)
    .values({
      id: randomUUID(),
      reporterId: viewer.id,
      memberId: message.authorId,
      conversationId: message.conversationId,
      messageId: message.id,
      category: input.category,
      note: input.note ?? null,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: peopleReports.id });
  if (inserted) return inserted;
  const [existing] = await deps.db
    .select({ id: peopleReports.id })
    .from(peopleReports)
    .where(
      and(
        eq(peopleReports.reporterId, viewer.id),
        eq(peopleReports.messageId, message.id),
        eq(peopleReports.status, 'open'),
      ),
    );
  if (!existing) throw notFound();
  return existing;
}

const reportQuery = (db: Db) =>
  db
    .select(reportColumns)
    .from(peopleReports)
    .innerJoin(member, eq(member.id, peopleReports.memberId))
    .leftJoin(reporter, eq(reporter.id, peopleReports.reporterId));

/** HR's queue: people reports (about a member or one message) in a state, oldest open first. */
export async function listPeopleReports(deps: Pick<Deps, 'db'>, { status }: { status: PeopleReportStatus }) {
  const items = await reportQuery(deps.db)
    .where(eq(peopleReports.status, status))
    .orderBy(
      status === 'open' ? asc(peopleReports.createdAt) : desc(peopleReports.createdAt),
      asc(peopleReports.id),
    )
    .limit(200);
  const counted = await deps.db
    .select({ status: peopleReports.status, n: count() })
    .from(peopleReports)
    .groupBy(peopleReports.status);
  const counts = { open: 0, actioned: 0, dismissed: 0 };
  for (const c of counted) counts[c.status] = Number(c.n);
  return { items: items as PeopleReportRow[], counts };
}

/**
 * One report for HR. For a message report HR reads that conversation — the only way HR ever reads
 * one — and the reading is written to the audit trail in the same transaction.
 */
export async function openPeopleReport(
  deps: Pick<Deps, 'db' | 'clock'>,
  { viewer, id }: { viewer: Viewer; id: string },
) {
  return deps.db.transaction(async (tx) => {
    const [report] = (await reportQuery(tx as unknown as Db).where(
      eq(peopleReports.id, id),
    )) as PeopleReportRow[];
    if (!report) throw notFound();
    if (!report.conversationId || !report.messageId) return { ...report, conversation: null };
    const participants = await tx
      .select({ id: users.id, name: users.name })
      .from(conversationParticipants)
      .innerJoin(users, eq(users.id, conversationParticipants.userId))
      .where(eq(conversationParticipants.conversationId, report.conversationId))
      .orderBy(users.name);
    const rows = await messageRows(
      tx as unknown as Db,
      sql`m.conversation_id = ${report.conversationId}`,
      REVIEW_MESSAGES,
    );
    await audit(tx, {
      actorId: viewer.id,
      action: 'conversation.read_for_report',
      subjectType: 'conversation',
      subjectId: report.conversationId,
      data: { reportId: report.id, messageId: report.messageId, messages: rows.length },
      at: deps.clock.now(),
    });
    return { ...report, conversation: { id: report.conversationId, participants, messages: rows.reverse() } };
  });
}

/** Dismiss, note (actioned with HR's note) or suspend the member's posting and messaging. */
export async function decidePeopleReport(
  deps: Deps,
  { viewer, id, input }: { viewer: Viewer; id: string; input: PeopleReportDecision },
) {
  const now = deps.clock.now();
  const [report] = await deps.db
    .select({ id: peopleReports.id, memberId: peopleReports.memberId, status: peopleReports.status })
    .from(peopleReports)
    .where(eq(peopleReports.id, id));
  if (!report) throw notFound();
  if (report.status !== 'open') throw new AppError('conflict', 'error.conflict');
  if (input.decision === 'suspend') {
    await suspendMember(deps, {
      viewer,
      input: { userId: report.memberId, days: input.days, reason: input.note ?? 'people report' },
    });
  }
  await deps.db.transaction(async (tx) => {
    const updated = await tx
      .update(peopleReports)
      .set({
        status: input.decision === 'dismiss' ? 'dismissed' : 'actioned',
        moderatorNote: input.note ?? null,
        resolvedBy: viewer.id,
        resolvedAt: now,
      })
      .where(and(eq(peopleReports.id, id), eq(peopleReports.status, 'open')))
      .returning({ id: peopleReports.id });
    if (updated.length === 0) throw new AppError('conflict', 'error.conflict');
    await audit(tx, {
      actorId: viewer.id,
      action: `people_report.${input.decision === 'dismiss' ? 'dismissed' : 'actioned'}`,
      subjectType: 'people_report',
      subjectId: id,
      data: { decision: input.decision, memberId: report.memberId },
      at: now,
    });
  });
  const [row] = (await reportQuery(deps.db).where(eq(peopleReports.id, id))) as PeopleReportRow[];
  if (!row) throw notFound();
  return { ...row, conversation: null };
}
