import { z } from 'zod';
import { ListPhotoSchema } from './directory';

// ---- contracts of connections, follows, blocks and reports about members (issue 12 §1, decision 037)

export const CONNECTIONS_VISIBILITIES = ['members', 'connections', 'only_me'] as const;
export type ConnectionsVisibility = (typeof CONNECTIONS_VISIBILITIES)[number];
export const PEOPLE_REPORT_CATEGORIES = [
  'spam',
  'harassment',
  'confidential',
  'impersonation',
  'other',
] as const;
export type PeopleReportCategory = (typeof PEOPLE_REPORT_CATEGORIES)[number];
export const CONNECTION_STATES = ['none', 'pending_out', 'pending_in', 'connected'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export const CONNECTION_NOTE_MAX = 300;
export const CONNECTIONS_MAX_PAGE_SIZE = 50;
export const MUTUAL_SAMPLE_SIZE = 3;

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max).nullable().optional());
const page = z.coerce.number().int().min(1).max(10_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(CONNECTIONS_MAX_PAGE_SIZE).default(20);

/**
 * `POST /api/connections/requests` — other features' "Connect" buttons send exactly this and read
 * `{ id, status }` back: `pending`, or `accepted` when the other member had already asked the
 * viewer (their request is accepted instead of a second one being stored).
 */
export const ConnectionRequestCreateSchema = z
  .object({ toId: z.uuid(), note: optionalText(CONNECTION_NOTE_MAX) })
  .strict();
export type ConnectionRequestCreate = z.output<typeof ConnectionRequestCreateSchema>;
export const ConnectionRequestCreatedSchema = z.object({
  id: z.string(),
  status: z.enum(['pending', 'accepted']),
});
export type ConnectionRequestCreated = z.infer<typeof ConnectionRequestCreatedSchema>;

export const ConnectionRequestListQuerySchema = z
  .object({ direction: z.enum(['in', 'out']).default('in'), page, pageSize })
  .strict();
export type ConnectionRequestListQuery = z.output<typeof ConnectionRequestListQuerySchema>;

export const PagedQuerySchema = z.object({ page, pageSize }).strict();
export type PagedQuery = z.output<typeof PagedQuerySchema>;

/** A list of connections, optionally narrowed by name (kanji, kana or romaji, as the directory). */
export const ConnectionListQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    page,
    pageSize,
  })
  .strict();
export type ConnectionListQuery = z.output<typeof ConnectionListQuerySchema>;

export const MemberRefSchema = z.object({ id: z.string(), displayName: z.string() });
export type MemberRef = z.infer<typeof MemberRefSchema>;

export const ConnectionRequestSchema = z.object({
  id: z.string(),
  /** The other member: the sender of an incoming request, the addressee of an outgoing one. */
  member: MemberRefSchema,
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type ConnectionRequest = z.infer<typeof ConnectionRequestSchema>;
export const ConnectionRequestListSchema = z.object({
  items: z.array(ConnectionRequestSchema),
  hasMore: z.boolean(),
  total: z.number().int(),
});
export type ConnectionRequestList = z.infer<typeof ConnectionRequestListSchema>;

export const ConnectionSchema = z.object({
  member: MemberRefSchema,
  /** The member's photo, where the viewer may see their profile; else null (the initial). */
  photo: ListPhotoSchema,
  connectedAt: z.string(),
});
export type Connection = z.infer<typeof ConnectionSchema>;
export const ConnectionListSchema = z.object({
  items: z.array(ConnectionSchema),
  hasMore: z.boolean(),
  total: z.number().int(),
});
export type ConnectionList = z.infer<typeof ConnectionListSchema>;

export const ConnectionsSettingsSchema = z.object({ visibility: z.enum(CONNECTIONS_VISIBILITIES) }).strict();
export type ConnectionsSettings = z.infer<typeof ConnectionsSettingsSchema>;

/** What the viewer and a member are to each other, and what the viewer may do (profile actions). */
export const RelationSchema = z.object({
  memberId: z.string(),
  isSelf: z.boolean(),
  connection: z.object({ state: z.enum(CONNECTION_STATES), requestId: z.string().nullable() }),
  following: z.boolean(),
  canFollow: z.boolean(),
  followerCount: z.number().int(),
  blockedByMe: z.boolean(),
  mutual: z.object({ count: z.number().int(), sample: z.array(MemberRefSchema) }),
  canSeeConnections: z.boolean(),
  canMessage: z.boolean(),
  canRequestAdvice: z.boolean(),
});
export type Relation = z.infer<typeof RelationSchema>;

export const FollowStateSchema = z.object({ following: z.boolean(), followerCount: z.number().int() });
export type FollowState = z.infer<typeof FollowStateSchema>;

export const BlockedMemberSchema = z.object({ member: MemberRefSchema, blockedAt: z.string() });
export const BlockedListSchema = z.object({ items: z.array(BlockedMemberSchema) });
export type BlockedList = z.infer<typeof BlockedListSchema>;

export const PeopleReportCreateSchema = z
  .object({ category: z.enum(PEOPLE_REPORT_CATEGORIES), note: optionalText(2000) })
  .strict()
  .superRefine((v, ctx) => {
    if (v.category === 'other' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'kz.reportNoteRequired' });
  });
export type PeopleReportCreate = z.output<typeof PeopleReportCreateSchema>;
export const PeopleReportCreatedSchema = z.object({ id: z.string(), status: z.literal('open') });

/** The nav badge: pending incoming requests. */
export const ConnectionsSummarySchema = z.object({ incomingRequests: z.number().int() });
