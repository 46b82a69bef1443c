import { z } from 'zod';

// ---- contracts of the comments and reactions endpoints (issue 11) ------------------------------

/** Longest comment (characters of Markdown). */
export const COMMENT_MAX_LENGTH = 5_000;
export const COMMENT_PAGE_SIZE = 20;
export const COMMENT_MAX_PAGE_SIZE = 50;

/**
 * The reactions offered (the same list as `REACTIONS` in server/db/schema/community.ts; a test
 * keeps them equal). The web shows each as an emoji with a label in the reader's language.
 */
export const REACTION_TYPES = ['like', 'celebrate', 'insightful', 'support', 'curious'] as const;
export const ReactionTypeSchema = z.enum(REACTION_TYPES);
export type ReactionType = z.infer<typeof ReactionTypeSchema>;
export const REACTION_EMOJI: Record<ReactionType, string> = {
  like: '👍',
  celebrate: '🎉',
  insightful: '💡',
  support: '🤝',
  curious: '🤔',
};

const commentBody = z.string().trim().min(1).max(COMMENT_MAX_LENGTH);

export const CommentCreateSchema = z
  .object({
    bodyMarkdown: commentBody,
    /** A reply: the id of a top-level comment of the same post. */
    parentId: z.uuid().optional(),
  })
  .strict();
export type CommentCreate = z.output<typeof CommentCreateSchema>;

export const CommentUpdateSchema = z.object({ bodyMarkdown: commentBody }).strict();
export type CommentUpdate = z.output<typeof CommentUpdateSchema>;

/** `after`: the `nextCursor` of the previous page (opaque). */
export const CommentListQuerySchema = z
  .object({
    after: z
      .string()
      .max(200)
      .regex(/^[A-Za-z0-9_-]+$/, { message: 'kz.cursor' })
      .optional(),
    limit: z.coerce.number().int().min(1).max(COMMENT_MAX_PAGE_SIZE).default(COMMENT_PAGE_SIZE),
  })
  .strict();
export type CommentListQuery = z.output<typeof CommentListQuerySchema>;

export const PostIdParam = z.object({ id: z.uuid() });
export const ReactionParam = z.object({ id: z.uuid(), reaction: ReactionTypeSchema });

// ---- responses ---------------------------------------------------------------------------------

export const PersonNameSchema = z.object({ id: z.string(), displayName: z.string() });
export type PersonName = z.infer<typeof PersonNameSchema>;

/**
 * `visible`; `hidden` by a moderator (its author sees the text and the reason, anyone else only a
 * placeholder kept for its replies); `deleted` by its author (a placeholder kept for its replies).
 */
export const COMMENT_STATES = ['visible', 'hidden', 'deleted'] as const;

export const CommentSchema = z.object({
  id: z.string(),
  postId: z.string(),
  parentId: z.string().nullable(),
  state: z.enum(COMMENT_STATES),
  /** Null for a placeholder. */
  author: PersonNameSchema.nullable(),
  /** Sanitised on the server (the only HTML the web renders as HTML). Null for a placeholder. */
  bodyHtml: z.string().nullable(),
  /** The source, for its author's edit form only. */
  bodyMarkdown: z.string().nullable(),
  /** The moderator's reason, for the author of a hidden comment only. */
  hiddenReason: z.string().nullable(),
  isMine: z.boolean(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
});
export type Comment = z.infer<typeof CommentSchema>;

export const CommentWithRepliesSchema = CommentSchema.extend({ replies: z.array(CommentSchema) });
export type CommentWithReplies = z.infer<typeof CommentWithRepliesSchema>;

export const CommentPageSchema = z.object({
  items: z.array(CommentWithRepliesSchema),
  /** Give it as `after` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  commentCount: z.number().int(),
});
export type CommentPage = z.infer<typeof CommentPageSchema>;

export const ReactionCountsSchema = z.record(z.string(), z.number().int());

export const ReactionStateSchema = z.object({
  counts: ReactionCountsSchema,
  mine: z.array(ReactionTypeSchema),
});
export type ReactionState = z.infer<typeof ReactionStateSchema>;

export const ReactorsSchema = ReactionStateSchema.extend({
  /** Who reacted, per reaction (active members only, newest last, at most 100 each). */
  reactors: z.array(z.object({ reaction: ReactionTypeSchema, members: z.array(PersonNameSchema) })),
});
export type Reactors = z.infer<typeof ReactorsSchema>;
