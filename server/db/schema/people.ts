import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * People (issue 12, decision 036): connection requests and connections, follows, blocks, and
 * reports about a member or a message. Conversations live in ./messaging.ts.
 *
 * - A connection is stored twice, (a, b) and (b, a): "my connections" and "mutual connections"
 *   are one index range each, with no `or` over two columns.
 * - A block is one row, read both ways by `server/lib/relations.ts`: a blocked member cannot find,
 *   message, mention or see the blocker's activity, and neither can the blocker theirs.
 */

export const CONNECTION_REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;

export const connectionRequests = pgTable(
  'connection_requests',
  {
    id: text('id').primaryKey(),
    fromId: text('from_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    toId: text('to_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    note: text('note'),
    status: text('status', { enum: CONNECTION_REQUEST_STATUSES }).notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    // One open request per pair, whichever way it was sent.
    uniqueIndex('connection_requests_pending_pair_idx')
      .on(sql`least(${t.fromId}, ${t.toId})`, sql`greatest(${t.fromId}, ${t.toId})`)
      .where(sql`${t.status} = 'pending'`),
    index('connection_requests_to_idx').on(t.toId, t.status, t.createdAt),
    index('connection_requests_from_idx').on(t.fromId, t.status, t.createdAt),
    check('connection_requests_not_self', sql`${t.fromId} <> ${t.toId}`),
  ],
);

export const connections = pgTable(
  'connections',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    otherId: text('other_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.otherId] }),
    index('connections_other_idx').on(t.otherId),
    check('connections_not_self', sql`${t.userId} <> ${t.otherId}`),
  ],
);

/** Following without connecting: company accounts and speakers only (checked by the service). */
export const follows = pgTable(
  'follows',
  {
    followerId: text('follower_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    followeeId: text('followee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.followeeId] }),
    index('follows_followee_idx').on(t.followeeId),
    check('follows_not_self', sql`${t.followerId} <> ${t.followeeId}`),
  ],
);

export const blocks = pgTable(
  'blocks',
  {
    blockerId: text('blocker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedId: text('blocked_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.blockerId, t.blockedId] }),
    index('blocks_blocked_idx').on(t.blockedId),
    check('blocks_not_self', sql`${t.blockerId} <> ${t.blockedId}`),
  ],
);

export const PEOPLE_REPORT_CATEGORIES = [
  'spam',
  'harassment',
  'confidential',
  'impersonation',
  'other',
] as const;

/**
 * A report about a member, or about one message of a conversation (then `messageId` and
 * `conversationId` are set). HR reads a conversation only through such a report, audited.
 */
export const peopleReports = pgTable(
  'people_reports',
  {
    id: text('id').primaryKey(),
    reporterId: text('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    memberId: text('member_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    conversationId: text('conversation_id'),
    messageId: text('message_id'),
    category: text('category', { enum: PEOPLE_REPORT_CATEGORIES }).notNull(),
    note: text('note'),
    status: text('status', { enum: ['open', 'actioned', 'dismissed'] })
      .notNull()
      .default('open'),
    resolvedBy: text('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    moderatorNote: text('moderator_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('people_reports_status_idx').on(t.status, t.createdAt),
    index('people_reports_member_idx').on(t.memberId),
    uniqueIndex('people_reports_open_once_idx')
      .on(t.reporterId, t.memberId, sql`coalesce(${t.messageId}, '')`)
      .where(sql`${t.status} = 'open'`),
  ],
);
