import type { ShareKitAnswer, ShareLink, ShareStats } from '#common/sharing';
import type { ShareLinkRow, SharePostRow } from './sharing.service';

/** The address a member shares: the app's own `/s/<token>` (counts the click, then redirects). */
export const shareLinkUrl = (baseUrl: string, token: string) => `${baseUrl.replace(/\/+$/, '')}/s/${token}`;

export const presentShareLink = (row: ShareLinkRow, baseUrl: string): ShareLink => ({
  token: row.token,
  url: shareLinkUrl(baseUrl, row.token),
  clicks: row.clicks,
  createdAt: row.createdAt.toISOString(),
});

export const presentShareKit = (
  kit: { post: SharePostRow; link: ShareLinkRow | null },
  baseUrl: string,
): ShareKitAnswer => ({
  post: {
    id: kit.post.id,
    title: kit.post.title,
    shareTextJa: kit.post.shareTextJa,
    shareTextEn: kit.post.shareTextEn,
    shareUrl: kit.post.shareUrl,
  },
  link: kit.link ? presentShareLink(kit.link, baseUrl) : null,
});

export const presentShareStats = (stats: {
  postId: string;
  totalClicks: number;
  linksCreated: number;
  topSharers: { id: string; displayName: string; clicks: number }[];
}): ShareStats => ({
  postId: stats.postId,
  totalClicks: stats.totalClicks,
  linksCreated: stats.linksCreated,
  topSharers: stats.topSharers.map((s) => ({
    member: { id: s.id, displayName: s.displayName },
    clicks: s.clicks,
  })),
});
