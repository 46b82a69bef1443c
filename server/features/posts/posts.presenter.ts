import type { CompanyPoster, Post, PostMedia, PostRevisionList } from '#common/posts';
import type { MediaRow } from './posts.media';
import { audienceOfPost, canDeletePost, canEditPost, canPinPost } from './posts.policy';
import type { listPosters, listRevisions, PostContext, PostRow } from './posts.service';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const mediaUrl = (id: string) => `/api/posts/media/${id}`;

export function presentMedia(m: MediaRow): PostMedia {
  return {
    id: m.id,
    kind: m.kind,
    fileName: m.fileName,
    mimeType: m.mimeType,
    size: m.size,
    width: m.width,
    height: m.height,
    url: mediaUrl(m.id),
  };
}

/**
 * The only way a post leaves the server. Every field is listed; the Markdown only for who may
 * edit it, the hidden state only for the author; the search document and moderator's ids stay in.
 */
export function presentPost(row: PostRow, ctx: PostContext): Post {
  const { viewer } = ctx;
  const canEdit = canEditPost(viewer, row);
  const media = ctx.media.get(row.id) ?? [];
  const isAuthor = row.authorId === viewer.id;
  return {
    id: row.id,
    author: { id: row.authorId, displayName: row.authorName, role: row.authorRole },
    kind: row.kind,
    isCompany: row.isCompany,
    group: row.groupId ? { id: row.groupId, nameJa: row.groupNameJa, nameEn: row.groupNameEn } : null,
    classification: row.classification,
    audience: audienceOfPost(row),
    title: row.title,
    bodyHtml: row.bodyHtml,
    bodyMarkdown: canEdit ? row.bodyMarkdown : null,
    topics: row.topics,
    mentions: row.mentionIds
      .filter((id) => ctx.mentionNames.has(id))
      .map((id) => ({ id, displayName: ctx.mentionNames.get(id) as string })),
    images: media.filter((m) => m.kind === 'image').map(presentMedia),
    attachments: media.filter((m) => m.kind === 'attachment').map(presentMedia),
    pinned: row.pinnedAt !== null,
    commentCount: row.commentCount,
    reactionCounts: row.reactionCounts,
    myReactions: ctx.myReactions.get(row.id) ?? [],
    shareTextJa: row.isCompany ? row.shareTextJa : null,
    shareTextEn: row.isCompany ? row.shareTextEn : null,
    shareUrl: row.isCompany ? row.shareUrl : null,
    onCareerPaths: row.onCareerPaths,
    createdAt: row.createdAt.toISOString(),
    editedAt: iso(row.editedAt),
    hidden:
      isAuthor && row.hiddenAt ? { reason: row.hiddenReason, hiddenAt: row.hiddenAt.toISOString() } : null,
    canEdit: canEdit && !row.hiddenAt,
    canDelete: canDeletePost(viewer, row),
    canPin:
      !row.hiddenAt && canPinPost(viewer, row, row.groupId !== null && ctx.adminOfGroups.has(row.groupId)),
  };
}

export const presentPosts = (rows: readonly PostRow[], ctx: PostContext) =>
  rows.map((r) => presentPost(r, ctx));

export function presentRevisions(rows: Awaited<ReturnType<typeof listRevisions>>): PostRevisionList {
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      bodyMarkdown: r.bodyMarkdown,
      editedBy: r.editorId ? { id: r.editorId, displayName: r.editorName ?? '' } : null,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

export function presentPoster(r: Awaited<ReturnType<typeof listPosters>>[number]): CompanyPoster {
  return {
    userId: r.userId,
    displayName: r.displayName,
    email: r.email,
    appointedAt: r.appointedAt.toISOString(),
  };
}
