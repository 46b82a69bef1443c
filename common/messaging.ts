import { z } from 'zod';
import { ListPhotoSchema } from './directory';

// ---- contracts of the messaging endpoints (issue 12 §3, decision 039) ---------------------------

/** A conversation holds at most this many people, its creator included. */
export const CONVERSATION_MAX_PARTICIPANTS = 20;
export const MESSAGE_MAX_LENGTH = 4000;
export const CONVERSATION_TITLE_MAX = 120;
export const MESSAGE_PAGE_SIZE = 50;
export const PEOPLE_REPORT_NOTE_MAX = 1000;
export const PEOPLE_REPORT_CATEGORIES = [
  'spam',
  'harassment',
  'confidential',
  'impersonation',
  'other',
] as const;
export const PEOPLE_REPORT_STATUSES = ['open', 'actioned', 'dismissed'] as const;
export type PeopleReportStatus = (typeof PEOPLE_REPORT_STATUSES)[number];

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const messageBody = z.string().trim().min(1).max(MESSAGE_MAX_LENGTH);

export const ConversationCreateSchema = z
  .object({
    participantIds: z
      .array(z.string().trim().min(1).max(64))
      .min(1)
      .max(CONVERSATION_MAX_PARTICIPANTS - 1),
    title: z.preprocess(blankToUndefined, z.string().trim().max(CONVERSATION_TITLE_MAX).optional()),
    body: messageBody,
  })
  .strict();
export type ConversationCreate = z.infer<typeof ConversationCreateSchema>;

export const MessageCreateSchema = z.object({ body: messageBody }).strict();
export type MessageCreate = z.infer<typeof MessageCreateSchema>;

export const MessageListQuerySchema = z
  .object({
    /** Keyset: messages older than this cursor (from `olderCursor` of the previous page). */
    before: z.string().max(200).optional(),
  })
  .strict();

export const MuteSchema = z.object({ muted: z.boolean() }).strict();

export const PersonRefSchema = z.object({ id: z.string(), name: z.string() });
export type PersonRef = z.infer<typeof PersonRefSchema>;

/** Someone in a conversation, with their photo where the viewer may see their profile (else null). */
export const ParticipantSchema = PersonRefSchema.extend({ photo: ListPhotoSchema });
export type Participant = z.infer<typeof ParticipantSchema>;

export const ConversationSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['direct', 'group']),
  title: z.string().nullable(),
  origin: z.enum(['member', 'hr', 'mentoring']),
  /** The other participants (not the viewer). */
  participants: z.array(ParticipantSchema),
  lastMessageAt: z.string().nullable(),
  lastMessage: z.string().nullable(),
  lastAuthorId: z.string().nullable(),
  unreadCount: z.number().int(),
  muted: z.boolean(),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;

export const ConversationListSchema = z.object({
  items: z.array(ConversationSummarySchema),
  totalUnread: z.number().int(),
});
export type ConversationList = z.infer<typeof ConversationListSchema>;

export const UnreadSchema = z.object({ totalUnread: z.number().int() });

export const MessageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  author: PersonRefSchema.nullable(),
  body: z.string(),
  createdAt: z.string(),
  isMine: z.boolean(),
});
export type Message = z.infer<typeof MessageSchema>;

export const ConversationDetailSchema = ConversationSummarySchema.extend({
  /** Whether the viewer may write now (false: waiting for a reply to a first message). */
  canWrite: z.boolean(),
  /** Why not: `awaiting_reply` (first-message limit for non-connections). */
  writeBlockedReason: z.enum(['awaiting_reply']).nullable(),
});
export type ConversationDetail = z.infer<typeof ConversationDetailSchema>;

export const MessagePageSchema = z.object({
  /** Oldest first (newest last), one page. */
  items: z.array(MessageSchema),
  olderCursor: z.string().nullable(),
});
export type MessagePage = z.infer<typeof MessagePageSchema>;

export const SentSchema = z.object({ conversationId: z.string(), message: MessageSchema });
export type Sent = z.infer<typeof SentSchema>;

// ---- reports about a message, and HR's review of people reports ---------------------------------

export const MessageReportCreateSchema = z
  .object({
    category: z.enum(PEOPLE_REPORT_CATEGORIES),
    note: z.preprocess(blankToUndefined, z.string().trim().max(PEOPLE_REPORT_NOTE_MAX).optional()),
  })
  .strict();
export type MessageReportCreate = z.infer<typeof MessageReportCreateSchema>;
export const MessageReportAckSchema = z.object({ id: z.string(), received: z.literal(true) });

export const PeopleReportQueueQuerySchema = z.object({
  status: z.enum(PEOPLE_REPORT_STATUSES).default('open'),
});

export const PeopleReportSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['member', 'message']),
  member: PersonRefSchema,
  reporter: PersonRefSchema.nullable(),
  category: z.string(),
  note: z.string().nullable(),
  status: z.enum(PEOPLE_REPORT_STATUSES),
  createdAt: z.string(),
});
export type PeopleReportSummary = z.infer<typeof PeopleReportSummarySchema>;

export const PeopleReportQueueSchema = z.object({
  items: z.array(PeopleReportSummarySchema),
  counts: z.object({ open: z.number().int(), actioned: z.number().int(), dismissed: z.number().int() }),
});
export type PeopleReportQueue = z.infer<typeof PeopleReportQueueSchema>;

export const PeopleReportDetailSchema = PeopleReportSummarySchema.extend({
  moderatorNote: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** The reported message and the conversation around it (a message report; the reading is audited). */
  reportedMessageId: z.string().nullable(),
  conversation: z
    .object({ id: z.string(), participants: z.array(PersonRefSchema), messages: z.array(MessageSchema) })
    .nullable(),
});
export type PeopleReportDetail = z.infer<typeof PeopleReportDetailSchema>;

export const PeopleReportDecisionSchema = z
  .object({
    decision: z.enum(['dismiss', 'note', 'suspend']),
    note: z.preprocess(blankToUndefined, z.string().trim().max(2000).optional()),
    /** For `suspend`: days of suspended posting and messaging. */
    days: z.number().int().min(1).max(90).default(7),
  })
  .strict();
export type PeopleReportDecision = z.infer<typeof PeopleReportDecisionSchema>;

// ---- live delivery (server-sent events on GET /api/conversations/stream) ------------------------

/** The data of an SSE `message` event: a new message in one of the viewer's conversations. */
export const LiveMessageEventSchema = z.object({ conversationId: z.string(), message: MessageSchema });
export type LiveMessageEvent = z.infer<typeof LiveMessageEventSchema>;
