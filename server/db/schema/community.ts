import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Audience, Classification } from '#common/access';
import { NOTIFICATION_CHANNELS } from '#common/notifications';
import { users } from './auth';

/**
 * The community (issue 11, decision 032): groups and chapters, posts with comments and
 * reactions, moderation, and the notification centre. Posts and groups are governed items:
 * `classification` + `audience`, checked in the query with visibleItemsWhere, so an `internal`
 * post never reaches an alumnus by any path.
 */

export const GROUP_KINDS = ['chapter', 'department', 'intake', 'interest'] as const;
export const GROUP_JOIN_POLICIES = ['open', 'request', 'invite'] as const;

export const groups = pgTable(
  'groups',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: GROUP_KINDS }).notNull(),
    /** At least one language (validated by the contract). */
    nameJa: text('name_ja'),
    nameEn: text('name_en'),
    descriptionJa: text('description_ja'),
    descriptionEn: text('description_en'),
    joinPolicy: text('join_policy', { enum: GROUP_JOIN_POLICIES }).notNull().default('open'),
    /** `pending`: proposed by a member, waiting for HR; `declined`; `archived`: read-only. */
    status: text('status', { enum: ['pending', 'active', 'declined', 'archived'] })
      .notNull()
      .default('active'),
    /** Created by HR (official chapters) rather than proposed by a member. */
    official: boolean('official').notNull().default(false),
    /** Who may see (and join) the group: the one policy, like any governed item. */
    classification: text('classification').$type<Classification>().notNull().default('network'),
    audience: jsonb('audience').$type<Audience>().notNull().default({}),
    /** What "groups for you" matches on (kind chapter: country/region; department; intake year). */
    country: text('country'),
    region: text('region'),
    department: text('department'),
    intakeYear: integer('intake_year'),
    /** Active members, kept by the membership writes (no count(*) on a page). */
    memberCount: integer('member_count').notNull().default(0),
    /** Normalised names and descriptions (both languages) for search. */
    searchText: text('search_text').notNull().default(''),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('groups_status_kind_idx').on(t.status, t.kind),
    index('groups_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/**
 * Membership, requests and invitations in one row per (group, member). Only `active` rows make
 * someone a member (the audience `groupIds` rule in lib/access/policy reads exactly that).
 */
export const groupMembers = pgTable(
  'group_members',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['member', 'admin'] })
      .notNull()
      .default('member'),
    state: text('state', { enum: ['active', 'requested', 'invited'] }).notNull(),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    joinedAt: timestamp('joined_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index('group_members_user_idx').on(t.userId, t.state),
    index('group_members_group_state_idx').on(t.groupId, t.state, t.joinedAt),
  ],
);

export const POST_KINDS = [
  // Company posts (HR and appointed employees).
  'news',
  'business_phase',
  'people_needed',
  'product_launch',
  // Member posts.
  'insight',
  'trend',
  'question',
  'career_story',
] as const;

export const posts = pgTable(
  'posts',
  {
    id: text('id').primaryKey(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: POST_KINDS }).notNull(),
    /** A company post (news, business phase, people we need, launch), by HR or an appointed employee. */
    isCompany: boolean('is_company').notNull().default(false),
    /** Posted in a group: its audience includes the group. */
    groupId: text('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    classification: text('classification').$type<Classification>().notNull(),
    audience: jsonb('audience').$type<Audience>().notNull().default({}),
    title: text('title'),
    /** What the author wrote; the HTML is rendered and sanitised once, at write time. */
    bodyMarkdown: text('body_markdown').notNull(),
    bodyHtml: text('body_html').notNull(),
    /** Hashtags, normalised (NFKC, lower-case, without '#'). */
    topics: text('topics').array().notNull().default(sql`'{}'`),
    /** Members mentioned (and notified); only people the post's audience can see. */
    mentionIds: text('mention_ids').array().notNull().default(sql`'{}'`),
    /** Pinned on top of its audience's feed (HR, or the group's admins for a group post). */
    pinnedAt: timestamp('pinned_at', { withTimezone: true }),
    pinnedBy: text('pinned_by').references(() => users.id, { onDelete: 'set null' }),
    /** Kept by the comment and reaction writes. */
    commentCount: integer('comment_count').notNull().default(0),
    reactionCounts: jsonb('reaction_counts').$type<Record<string, number>>().notNull().default({}),
    /** Share kit (company posts): a ready text per language; clicks counted, never the clicker. */
    shareTextJa: text('share_text_ja'),
    shareTextEn: text('share_text_en'),
    shareUrl: text('share_url'),
    shareClicks: integer('share_clicks').notNull().default(0),
    /** A career story the author allows on /careers/paths (alumni opt in per story). */
    onCareerPaths: boolean('on_career_paths').notNull().default(false),
    /** Moderation: hidden posts leave every list; the author sees it hidden, with the reason. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenBy: text('hidden_by').references(() => users.id, { onDelete: 'set null' }),
    hiddenReason: text('hidden_reason'),
    /** Deleted by its author (or erased): the row stays for its comments' and reports' sake. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    /** Normalised title, text and topics, for search. */
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    // The feed's keyset: newest first, id as the tie-breaker.
    index('posts_feed_idx')
      .on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.hiddenAt} is null and ${t.deletedAt} is null`),
    index('posts_group_feed_idx')
      .on(t.groupId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.hiddenAt} is null and ${t.deletedAt} is null`),
    index('posts_author_idx').on(t.authorId, t.createdAt.desc().nullsFirst()),
    index('posts_pinned_idx').on(t.pinnedAt).where(sql`${t.pinnedAt} is not null`),
    index('posts_topics_gin').using('gin', t.topics),
    index('posts_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** Every earlier version of a post (edit history, visible to moderators). */
export const postRevisions = pgTable(
  'post_revisions',
  {
    id: text('id').primaryKey(),
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    title: text('title'),
    bodyMarkdown: text('body_markdown').notNull(),
    editedBy: text('edited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('post_revisions_post_idx').on(t.postId, t.createdAt)],
);

/**
 * Images (sniffed, size-limited, re-encoded, metadata stripped) and attachments of a post. Uploaded
 * before the post exists (`postId` null, owned by the uploader), then attached by the post write.
 */
export const postMedia = pgTable(
  'post_media',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    postId: text('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['image', 'attachment'] }).notNull(),
    /** The sniffed type, never the one the client claimed. */
    mimeType: text('mime_type').notNull(),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    width: integer('width'),
    height: integer('height'),
    /** Where the bytes are, relative to the upload directory. */
    storageKey: text('storage_key').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('post_media_post_idx').on(t.postId), index('post_media_owner_idx').on(t.ownerId)],
);

/** A member's personal share link for a post; counts clicks, never who clicked. */
export const shareLinks = pgTable(
  'share_links',
  {
    token: text('token').primaryKey(),
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clicks: integer('clicks').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex('share_links_post_user_idx').on(t.postId, t.userId)],
);

/** Comments: one level of replies (`parentId` points at a top-level comment). */
export const comments = pgTable(
  'comments',
  {
    id: text('id').primaryKey(),
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    parentId: text('parent_id'),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    bodyMarkdown: text('body_markdown').notNull(),
    bodyHtml: text('body_html').notNull(),
    mentionIds: text('mention_ids').array().notNull().default(sql`'{}'`),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenBy: text('hidden_by').references(() => users.id, { onDelete: 'set null' }),
    hiddenReason: text('hidden_reason'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('comments_post_idx').on(t.postId, t.createdAt, t.id),
    index('comments_author_idx').on(t.authorId, t.createdAt),
  ],
);

/** The reactions offered: a small set, not only "like". */
export const REACTIONS = ['like', 'celebrate', 'insightful', 'support', 'curious'] as const;

export const reactions = pgTable(
  'reactions',
  {
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reaction: text('reaction', { enum: REACTIONS }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.userId, t.reaction] }),
    index('reactions_user_idx').on(t.userId),
  ],
);

export const REPORT_CATEGORIES = ['spam', 'harassment', 'confidential', 'inappropriate', 'other'] as const;

/** A member's report of a post or comment, and how a moderator resolved it. */
export const reports = pgTable(
  'reports',
  {
    id: text('id').primaryKey(),
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    /** Set when the report is about a comment of the post. */
    commentId: text('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
    reporterId: text('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    category: text('category', { enum: REPORT_CATEGORIES }).notNull(),
    note: text('note'),
    status: text('status', { enum: ['open', 'hidden', 'dismissed'] })
      .notNull()
      .default('open'),
    resolvedBy: text('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /** The moderator's note (not shown to the author). */
    moderatorNote: text('moderator_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('reports_status_idx').on(t.status, t.createdAt),
    index('reports_post_idx').on(t.postId),
    // A member's second report on the same target while the first is open is the same report.
    uniqueIndex('reports_open_once_idx')
      .on(t.reporterId, t.postId, sql`coalesce(${t.commentId}, '')`)
      .where(sql`${t.status} = 'open'`),
  ],
);

/** A temporary posting suspension: no posts or comments until `until` (unless lifted). */
export const postingSuspensions = pgTable(
  'posting_suspensions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    until: timestamp('until', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('posting_suspensions_user_idx').on(t.userId, t.until)],
);

/**
 * The notification centre: one row per notification (server/lib/notify.ts writes them). The
 * bell's unread count is one index-only count over `notifications_unread_idx`.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What happened: see NOTIFICATION_TYPES in common/notifications.ts. */
    type: text('type').notNull(),
    /** Groups a list ("3 new comments on …"), and is what a member mutes: e.g. `post:<id>`. */
    threadKey: text('thread_key').notNull(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** The in-app link target, e.g. `/posts/<id>`. */
    link: text('link').notNull(),
    /** The texts' parameters (a title, a snippet): rendered in the reader's language. */
    data: jsonb('data').$type<Record<string, string | number | null>>().notNull().default({}),
    /** The channel chosen when it was written: `email` is mailed at once, `digest` in the digest. */
    channel: text('channel', { enum: ['in_app', 'email', 'digest'] })
      .notNull()
      .default('in_app'),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** Set when the e-mail channel took it (immediately or in the digest). */
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt.desc().nullsFirst()),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    index('notifications_thread_idx').on(t.userId, t.threadKey),
    index('notifications_to_mail_idx')
      .on(t.channel, t.createdAt)
      .where(sql`${t.mailedAt} is null and ${t.channel} <> 'in_app'`),
  ],
);

/** A member's choice per notification type; a missing row means the type's default. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    channel: text('channel', { enum: NOTIFICATION_CHANNELS }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.type] })],
);

/** Mute a thread or a person for a while (`until` null = until unmuted). */
export const notificationMutes = pgTable(
  'notification_mutes',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['thread', 'person'] }).notNull(),
    /** The thread key, or the muted person's id. */
    key: text('key').notNull(),
    until: timestamp('until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.key] })],
);

/** Employees HR appointed to write company posts (HR always may). */
export const companyPosters = pgTable('company_posters', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  appointedBy: text('appointed_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});
