import { z } from 'zod';
import { PersonNameSchema } from './comments';

// ---- the share kit of company posts (issue 11) -------------------------------------------------

/** What a company post carries for its share kit (set by the posts feature's create/edit). */
export const SharePostSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  shareTextJa: z.string().nullable(),
  shareTextEn: z.string().nullable(),
  shareUrl: z.string().nullable(),
});
export type SharePost = z.infer<typeof SharePostSchema>;

/** A member's personal link: `/s/<token>` counts a click, never who clicked, then redirects. */
export const ShareLinkSchema = z.object({
  token: z.string(),
  /** Absolute address to share. */
  url: z.string(),
  clicks: z.number().int(),
  createdAt: z.string(),
});
export type ShareLink = z.infer<typeof ShareLinkSchema>;

export const ShareKitSchema = z.object({
  post: SharePostSchema,
  /** The viewer's link, once they asked for one. */
  link: ShareLinkSchema.nullable(),
});
export type ShareKitAnswer = z.infer<typeof ShareKitSchema>;

export const ShareStatsSchema = z.object({
  postId: z.string(),
  totalClicks: z.number().int(),
  linksCreated: z.number().int(),
  /** The members whose links were clicked most (at most 10). */
  topSharers: z.array(z.object({ member: PersonNameSchema, clicks: z.number().int() })),
});
export type ShareStats = z.infer<typeof ShareStatsSchema>;

/** The ready text in a language, else the other one. */
export function shareText(post: Pick<SharePost, 'shareTextJa' | 'shareTextEn'>, locale: 'ja' | 'en') {
  return (
    (locale === 'ja' ? (post.shareTextJa ?? post.shareTextEn) : (post.shareTextEn ?? post.shareTextJa)) ?? ''
  );
}

/** "Share on …" intent links (open in a new tab; nothing of ours is loaded from those sites). */
export function shareIntents(text: string, url: string) {
  const t = encodeURIComponent(text);
  const u = encodeURIComponent(url);
  return {
    x: `https://twitter.com/intent/tweet?text=${t}&url=${u}`,
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
  };
}
