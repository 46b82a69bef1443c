import { z } from 'zod';

// ---- contracts of the moderation endpoints (issue 11, item 3) -----------------------------------

export const REPORT_CATEGORIES = ['spam', 'harassment', 'confidential', 'inappropriate', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];
export const REPORT_STATUSES = ['open', 'hidden', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_NOTE_MAX = 1000;
export const HIDE_REASON_MAX = 500;
export const MODERATOR_NOTE_MAX = 2000;
export const SUSPENSION_MAX_DAYS = 90;

/** Ids of posts and comments (text ids written by the posts and comments features). */
const targetId = z.string().trim().min(1).max(64);
/** Empty text means "not given". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const ReportCreateSchema = z
  .object({
    postId: targetId,
    /** Set to report a comment of the post. */
    commentId: z.preprocess(blankToUndefined, targetId.optional()),
    category: z.enum(REPORT_CATEGORIES),
    note: optionalText(REPORT_NOTE_MAX),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.category === 'other' && !v.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'kz.reportNoteRequired' });
    }
  });
export type ReportCreate = z.infer<typeof ReportCreateSchema>;
export type ReportCreateInput = z.input<typeof ReportCreateSchema>;

/** What the reporter is told: received, nothing about what happens next. */
export const ReportAckSchema = z.object({ id: z.string(), received: z.literal(true) });
export type ReportAck = z.infer<typeof ReportAckSchema>;

export const ReportQueueQuerySchema = z.object({ status: z.enum(REPORT_STATUSES).default('open') });

export const ModerationTargetTypeSchema = z.enum(['post', 'comment']);
export type ModerationTargetType = z.infer<typeof ModerationTargetTypeSchema>;

const PersonRefSchema = z.object({ id: z.string(), displayName: z.string() });

/** One reported post or comment in the queue, its reports grouped. */
export const ReportGroupSchema = z.object({
  /** The first report on the target in this state: what the detail page opens. */
  reportId: z.string(),
  targetType: ModerationTargetTypeSchema,
  postId: z.string(),
  commentId: z.string().nullable(),
  /** The start of the text, as plain text. */
  excerpt: z.string(),
  author: PersonRefSchema.nullable(),
  reportCount: z.number().int(),
  categories: z.array(z.object({ category: z.enum(REPORT_CATEGORIES), count: z.number().int() })),
  firstReportedAt: z.string(),
  lastReportedAt: z.string(),
  isHidden: z.boolean(),
});
export type ReportGroup = z.infer<typeof ReportGroupSchema>;
export const ReportQueueSchema = z.object({
  items: z.array(ReportGroupSchema),
  counts: z.object({ open: z.number().int(), hidden: z.number().int(), dismissed: z.number().int() }),
});
export type ReportQueue = z.infer<typeof ReportQueueSchema>;

export const ReportEntrySchema = z.object({
  id: z.string(),
  category: z.enum(REPORT_CATEGORIES),
  note: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  moderatorNote: z.string().nullable(),
});

export const SuspensionSchema = z.object({
  id: z.string(),
  member: PersonRefSchema,
  until: z.string(),
  reason: z.string(),
  createdBy: PersonRefSchema.nullable(),
  createdAt: z.string(),
  liftedAt: z.string().nullable(),
  isActive: z.boolean(),
});
export type Suspension = z.infer<typeof SuspensionSchema>;
export const SuspensionListSchema = z.object({ items: z.array(SuspensionSchema) });
export type SuspensionList = z.infer<typeof SuspensionListSchema>;

export const HiddenItemSchema = z.object({
  targetType: ModerationTargetTypeSchema,
  postId: z.string(),
  commentId: z.string().nullable(),
  hiddenAt: z.string(),
  hiddenReason: z.string().nullable(),
});

/** A report with what a moderator needs to decide: the content (even hidden), author, history. */
export const ReportDetailSchema = z.object({
  report: ReportEntrySchema,
  /** Every report on the same target (this one included), newest first. */
  reports: z.array(ReportEntrySchema),
  target: z.object({
    type: ModerationTargetTypeSchema,
    postId: z.string(),
    commentId: z.string().nullable(),
    /** The post's title (for a comment: the title of its post). */
    postTitle: z.string().nullable(),
    /** Server-sanitised HTML. */
    bodyHtml: z.string(),
    createdAt: z.string(),
    hiddenAt: z.string().nullable(),
    hiddenReason: z.string().nullable(),
    deletedAt: z.string().nullable(),
  }),
  author: PersonRefSchema.extend({ role: z.string() }).nullable(),
  /** Earlier versions of the post, oldest first (as written, Markdown). */
  revisions: z.array(
    z.object({
      id: z.string(),
      title: z.string().nullable(),
      bodyMarkdown: z.string(),
      createdAt: z.string(),
    }),
  ),
  authorRecord: z.object({
    hiddenItems: z.array(HiddenItemSchema),
    suspensions: z.array(SuspensionSchema),
    /** Reports on the author's other content, in any state. */
    reportCount: z.number().int(),
    noteCount: z.number().int(),
  }),
});
export type ReportDetail = z.infer<typeof ReportDetailSchema>;

export const HideSchema = z
  .object({ reason: requiredText(HIDE_REASON_MAX), moderatorNote: optionalText(MODERATOR_NOTE_MAX) })
  .strict();
export type HideInput = z.infer<typeof HideSchema>;
export const DismissSchema = z.object({ moderatorNote: optionalText(MODERATOR_NOTE_MAX) }).strict();
export type DismissInput = z.infer<typeof DismissSchema>;

/** What a moderation act changed. */
export const ModerationResultSchema = z.object({
  targetType: ModerationTargetTypeSchema,
  postId: z.string(),
  commentId: z.string().nullable(),
  hiddenAt: z.string().nullable(),
  hiddenReason: z.string().nullable(),
  /** Open reports on the target resolved by this act. */
  resolvedReports: z.number().int(),
});
export type ModerationResult = z.infer<typeof ModerationResultSchema>;

export const SuspensionCreateSchema = z
  .object({
    userId: z.string().trim().min(1).max(64),
    days: z.number().int().min(1).max(SUSPENSION_MAX_DAYS),
    reason: requiredText(HIDE_REASON_MAX),
  })
  .strict();
export type SuspensionCreate = z.infer<typeof SuspensionCreateSchema>;

export const PostingStatusSchema = z.object({
  isSuspended: z.boolean(),
  until: z.string().nullable(),
  reason: z.string().nullable(),
});
export type PostingStatus = z.infer<typeof PostingStatusSchema>;

export const MemberNoteCreateSchema = z.object({ body: requiredText(MODERATOR_NOTE_MAX) }).strict();
export const MemberNoteSchema = z.object({
  id: z.string(),
  body: z.string(),
  author: PersonRefSchema.nullable(),
  createdAt: z.string(),
});
export type MemberNote = z.infer<typeof MemberNoteSchema>;
export const MemberNoteListSchema = z.object({
  member: PersonRefSchema,
  items: z.array(MemberNoteSchema),
});
export type MemberNoteList = z.infer<typeof MemberNoteListSchema>;
