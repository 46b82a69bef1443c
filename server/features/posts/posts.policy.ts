import { type SQL, sql } from 'drizzle-orm';
import type { Audience, Classification } from '#common/access';
import type { PostAudienceInput, PostAudiencePreset } from '#common/posts';
import { posts } from '#server/db/schema';
import { isHr, readsEveryGroup, type Viewer, visibleItemsWhere } from '#server/lib/access/policy';
import { outsideBlocksOf } from '#server/lib/relations';

/**
 * Which posts a viewer may see (issue 11): the one policy over the post's classification and
 * audience (an `internal` post never reaches an alumnus; a group post reaches the group's active
 * members), never a deleted post, and a hidden post only for its author (who is told why).
 * Every path that reads posts — by id, list, search, feed, comments, reactions, mentions,
 * notifications, digest — goes through this condition.
 */
export function visiblePostsWhere(viewer: Viewer, now: Date): SQL {
  return sql`(${posts.deletedAt} is null
    and (${posts.hiddenAt} is null or ${posts.authorId} = ${viewer.id})
    and ${visibleItemsWhere(
      viewer,
      { classification: posts.classification, audience: posts.audience, ownerId: posts.authorId },
      now,
    )})`;
}

/**
 * The same, for lists that must not show even the author's own hidden posts (feed, digest), nor
 * posts of a member blocked with the viewer either way (issue 12, decision 037).
 */
export function listedPostsWhere(viewer: Viewer, now: Date): SQL {
  return sql`(${posts.hiddenAt} is null and ${visiblePostsWhere(viewer, now)} and ${outsideBlocksOf(viewer.id, posts.authorId)})`;
}

/**
 * What a member's own home feed and digest carry besides the policy: HR reads every group's posts
 * (it moderates them, from the group page), but its feed and digest keep to the groups it joined,
 * as everyone's do — a thousand groups' chatter would bury the company news HR needs to see.
 * For other roles the policy already admits group posts only to members, so no condition is added.
 */
export function feedScopeWhere(viewer: Viewer): SQL | undefined {
  if (!readsEveryGroup(viewer.role)) return undefined;
  return sql`(${posts.groupId} is null or exists (
    select 1 from group_members gm
    where gm.group_id = ${posts.groupId} and gm.user_id = ${viewer.id} and gm.state = 'active'))`;
}

/** The pure twin of `feedScopeWhere` (the viewer's groups loaded). */
export const inFeedScope = (viewer: Viewer, post: { groupId: string | null }) =>
  !readsEveryGroup(viewer.role) || post.groupId === null || (viewer.groupIds ?? []).includes(post.groupId);

/** The classification and audience a post's preset stands for (the one policy, decision 004). */
export function governedFromPostAudience(input: PostAudienceInput): {
  classification: Classification;
  audience: Audience;
  groupId: string | null;
} {
  switch (input.preset) {
    case 'everyone':
      return { classification: 'network', audience: {}, groupId: null };
    case 'alumni':
      // HR stays in the audience: it moderates what alumni read.
      return {
        classification: 'network',
        audience: { roles: ['alumni', 'alumni_manager', 'admin'] },
        groupId: null,
      };
    case 'employees':
      return { classification: 'internal', audience: {}, groupId: null };
    case 'group':
      return {
        classification: 'network',
        audience: { groupIds: [input.groupId as string] },
        groupId: input.groupId as string,
      };
  }
}

/** The preset a stored post was written with (the inverse of `governedFromPostAudience`). */
export function audienceOfPost(row: {
  classification: Classification;
  audience: Audience;
  groupId: string | null;
}): { preset: PostAudiencePreset; groupId: string | null } {
  if (row.groupId) return { preset: 'group', groupId: row.groupId };
  if (row.classification === 'internal') return { preset: 'employees', groupId: null };
  if (row.audience.roles?.includes('alumni')) return { preset: 'alumni', groupId: null };
  return { preset: 'everyone', groupId: null };
}

/** HR always may write company posts; an employee when HR appointed them. */
export const mayPostCompany = (viewer: Viewer, appointed: boolean) =>
  isHr(viewer) || (viewer.role === 'employee' && appointed);

export const canManagePosters = (viewer: Viewer) => isHr(viewer);
/** Edit history is for moderators. */
export const canSeeRevisions = (viewer: Viewer) => isHr(viewer);

type PostFacts = { authorId: string; isCompany: boolean; groupId: string | null };

/** The author edits; HR edits company posts too. */
export const canEditPost = (viewer: Viewer, post: PostFacts) =>
  post.authorId === viewer.id || (post.isCompany && isHr(viewer));

/** Deleting is the author's (moderators hide instead). */
export const canDeletePost = (viewer: Viewer, post: PostFacts) => post.authorId === viewer.id;

/** HR pins company and network posts; a group post is pinned by HR or the group's admins. */
export const canPinPost = (viewer: Viewer, post: PostFacts, groupAdmin: boolean) =>
  isHr(viewer) || (post.groupId !== null && groupAdmin);
