import { z } from 'zod';
import { ClassificationSchema } from './access';
import { RoleSchema } from './roles';

// ---- contracts of the posts and feed endpoints (issue 11) ---------------------------------------

export const COMPANY_POST_KINDS = ['news', 'business_phase', 'people_needed', 'product_launch'] as const;
export const MEMBER_POST_KINDS = ['insight', 'trend', 'question', 'career_story'] as const;
export const POST_KINDS = [...COMPANY_POST_KINDS, ...MEMBER_POST_KINDS] as const;
export type PostKind = (typeof POST_KINDS)[number];
export const isCompanyKind = (kind: PostKind) => (COMPANY_POST_KINDS as readonly string[]).includes(kind);

/**
 * Who a post is for. Company posts: everyone in the network, alumni only, employees only
 * (`internal`), or a group. Member posts: the network or a group the author belongs to.
 * Mapped onto the one policy in server/features/posts/posts.policy.ts.
 */
export const POST_AUDIENCE_PRESETS = ['everyone', 'alumni', 'employees', 'group'] as const;
export const MEMBER_AUDIENCE_PRESETS = ['everyone', 'group'] as const;
export type PostAudiencePreset = (typeof POST_AUDIENCE_PRESETS)[number];

export const POST_TITLE_MAX = 200;
export const POST_BODY_MAX = 20_000;
export const POST_SHARE_TEXT_MAX = 1_000;
export const POST_MAX_MEDIA = 10;
export const POST_PAGE_SIZE = 20;
/** Images: up to 10 MB uploaded, stored re-encoded at most 2048 px on the long side. */
export const POST_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
export const POST_IMAGE_MAX_SIDE = 2048;
/** Attachments (PDF): up to 10 MB. */
export const POST_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const POST_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const POST_ATTACHMENT_TYPES = ['application/pdf'] as const;

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max).nullable().optional());
const httpsUrl = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .max(2_000)
    .refine(
      (v) => {
        try {
          return new URL(v).protocol === 'https:';
        } catch {
          return false;
        }
      },
      { message: 'kz.httpsUrl' },
    )
    .nullable()
    .optional(),
);

export const PostAudienceInputSchema = z
  .object({
    preset: z.enum(POST_AUDIENCE_PRESETS),
    /** The group of a `group` post. */
    groupId: z.string().trim().min(1).max(100).nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.preset === 'group' && !v.groupId) {
      ctx.addIssue({ code: 'custom', path: ['groupId'], message: 'kz.postGroupRequired' });
    }
  });
export type PostAudienceInput = z.output<typeof PostAudienceInputSchema>;

const MediaIdsSchema = z.array(z.uuid()).max(POST_MAX_MEDIA);

const shareFields = {
  shareTextJa: optionalText(POST_SHARE_TEXT_MAX),
  shareTextEn: optionalText(POST_SHARE_TEXT_MAX),
  shareUrl: httpsUrl,
};

export const PostCreateSchema = z
  .object({
    kind: z.enum(POST_KINDS),
    title: optionalText(POST_TITLE_MAX),
    bodyMarkdown: z.string().trim().min(1).max(POST_BODY_MAX),
    audience: PostAudienceInputSchema.default({ preset: 'everyone' }),
    mediaIds: MediaIdsSchema.default([]),
    ...shareFields,
    /** Career stories only: the author allows it on /careers/paths. */
    onCareerPaths: z.boolean().default(false),
  })
  .strict()
  .superRefine(
    (v, ctx) => {
      const company = isCompanyKind(v.kind);
      if (!company) {
        if (v.audience && !(MEMBER_AUDIENCE_PRESETS as readonly string[]).includes(v.audience.preset)) {
          ctx.addIssue({ code: 'custom', path: ['audience', 'preset'], message: 'kz.postMemberAudience' });
        }
        for (const key of ['shareTextJa', 'shareTextEn', 'shareUrl'] as const) {
          if (v[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'kz.postShareCompanyOnly' });
        }
      }
      if (v.onCareerPaths && v.kind !== 'career_story') {
        ctx.addIssue({ code: 'custom', path: ['onCareerPaths'], message: 'kz.postCareerStoryOnly' });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
export type PostCreate = z.output<typeof PostCreateSchema>;
export type PostCreateInput = z.input<typeof PostCreateSchema>;

/** An edit: text, media, share kit, career-paths flag. Kind and audience stay as posted. */
export const PostUpdateSchema = z
  .object({
    title: optionalText(POST_TITLE_MAX),
    bodyMarkdown: z.string().trim().min(1).max(POST_BODY_MAX).optional(),
    mediaIds: MediaIdsSchema.optional(),
    ...shareFields,
    onCareerPaths: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'kz.nothingToChange' });
export type PostUpdate = z.output<typeof PostUpdateSchema>;
export type PostUpdateInput = z.input<typeof PostUpdateSchema>;

const iso = z.string();

export const PostMediaSchema = z.object({
  id: z.string(),
  kind: z.enum(['image', 'attachment']),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  url: z.string(),
});
export type PostMedia = z.infer<typeof PostMediaSchema>;

export const PostSchema = z.object({
  id: z.string(),
  author: z.object({ id: z.string(), displayName: z.string(), role: RoleSchema }),
  kind: z.enum(POST_KINDS),
  isCompany: z.boolean(),
  group: z
    .object({ id: z.string(), nameJa: z.string().nullable(), nameEn: z.string().nullable() })
    .nullable(),
  classification: ClassificationSchema,
  audience: z.object({ preset: z.enum(POST_AUDIENCE_PRESETS), groupId: z.string().nullable() }),
  title: z.string().nullable(),
  bodyHtml: z.string(),
  /** Only for who may edit it (the author; HR for company posts). */
  bodyMarkdown: z.string().nullable(),
  topics: z.array(z.string()),
  mentions: z.array(z.object({ id: z.string(), displayName: z.string() })),
  images: z.array(PostMediaSchema),
  attachments: z.array(PostMediaSchema),
  pinned: z.boolean(),
  commentCount: z.number(),
  reactionCounts: z.record(z.string(), z.number()),
  myReactions: z.array(z.string()),
  shareTextJa: z.string().nullable(),
  shareTextEn: z.string().nullable(),
  shareUrl: z.string().nullable(),
  onCareerPaths: z.boolean(),
  createdAt: iso,
  editedAt: iso.nullable(),
  /** Only for the author: a moderator hid the post (nobody else sees it). */
  hidden: z.object({ reason: z.string().nullable(), hiddenAt: iso }).nullable(),
  canEdit: z.boolean(),
  canDelete: z.boolean(),
  canPin: z.boolean(),
});
export type Post = z.infer<typeof PostSchema>;

export const PostPageSchema = z.object({
  items: z.array(PostSchema),
  /** Opaque; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type PostPage = z.infer<typeof PostPageSchema>;

const cursor = z.string().trim().max(200).optional();
const limit = z.coerce.number().int().min(1).max(50).default(POST_PAGE_SIZE);

export const FeedQuerySchema = z.object({ cursor, limit });
export type FeedQuery = z.output<typeof FeedQuerySchema>;

export const PostListQuerySchema = z.object({
  groupId: z.string().trim().min(1).max(100).optional(),
  topic: z.string().trim().min(1).max(60).optional(),
  q: z.string().trim().max(200).optional(),
  authorId: z.string().trim().min(1).max(100).optional(),
  kind: z.enum(POST_KINDS).optional(),
  cursor,
  limit,
});
export type PostListQuery = z.output<typeof PostListQuerySchema>;

export const TopicParamSchema = z.object({ topic: z.string().trim().min(1).max(60) });

export const MentionableQuerySchema = z.object({
  q: z.string().trim().max(100).default(''),
  preset: z.enum(POST_AUDIENCE_PRESETS).default('everyone'),
  groupId: z.string().trim().min(1).max(100).optional(),
});
export type MentionableQuery = z.output<typeof MentionableQuerySchema>;

export const MentionableListSchema = z.object({
  items: z.array(z.object({ id: z.string(), displayName: z.string() })),
});
export type MentionableList = z.infer<typeof MentionableListSchema>;

export const PostRevisionListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string().nullable(),
      bodyMarkdown: z.string(),
      editedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
      createdAt: iso,
    }),
  ),
});
export type PostRevisionList = z.infer<typeof PostRevisionListSchema>;

export const CompanyPosterSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  email: z.string(),
  appointedAt: iso,
});
export type CompanyPoster = z.infer<typeof CompanyPosterSchema>;
export const CompanyPosterListSchema = z.object({ items: z.array(CompanyPosterSchema) });
export type CompanyPosterList = z.infer<typeof CompanyPosterListSchema>;
export const CompanyPosterCreateSchema = z.object({ userId: z.string().trim().min(1).max(100) }).strict();

/** What the composer may do for this viewer. */
export const PostComposerInfoSchema = z.object({ canPostCompany: z.boolean() });

export const PostPreviewInputSchema = z.object({ bodyMarkdown: z.string().max(POST_BODY_MAX) }).strict();
export const PostPreviewSchema = z.object({ bodyHtml: z.string() });
