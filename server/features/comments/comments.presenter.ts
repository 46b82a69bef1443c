import type { Comment, CommentPage, ReactionState, Reactors } from '#common/comments';
import type { Viewer } from '#server/lib/access/policy';
import type { CommentRow, CommentThreadRows } from './comments.service';
import type { ReactionStateRow } from './reactions.service';

/**
 * The only way a comment leaves the server. A placeholder (deleted, or hidden from someone other
 * than its author) carries neither author nor text; the moderator's reason and the Markdown source
 * go to the author alone.
 */
export function presentComment(row: CommentRow, viewer: Viewer): Comment {
  const isMine = row.authorId === viewer.id;
  const state = row.deletedAt ? 'deleted' : row.hiddenAt ? 'hidden' : 'visible';
  const placeholder = state === 'deleted' || (state === 'hidden' && !isMine);
  return {
    id: row.id,
    postId: row.postId,
    parentId: row.parentId,
    state,
    author: placeholder ? null : { id: row.authorId, displayName: row.authorName ?? '' },
    bodyHtml: placeholder ? null : row.bodyHtml,
    bodyMarkdown: placeholder || !isMine ? null : row.bodyMarkdown,
    hiddenReason: state === 'hidden' && isMine ? row.hiddenReason : null,
    isMine: isMine && state !== 'deleted',
    createdAt: row.createdAt.toISOString(),
    editedAt: placeholder || !row.editedAt ? null : row.editedAt.toISOString(),
  };
}

export function presentCommentPage(rows: CommentThreadRows, viewer: Viewer): CommentPage {
  return {
    items: rows.items.map(({ comment, replies }) => ({
      ...presentComment(comment, viewer),
      replies: replies.map((r) => presentComment(r, viewer)),
    })),
    nextCursor: rows.nextCursor,
    commentCount: rows.post.commentCount,
  };
}

/** Counts without the zeros a removal leaves behind. */
const presentCounts = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => typeof n === 'number' && n > 0));

export const presentReactionState = (state: ReactionStateRow): ReactionState => ({
  counts: presentCounts(state.counts),
  mine: state.mine,
});

export const presentReactors = (state: ReactionStateRow & { reactors: Reactors['reactors'] }): Reactors => ({
  counts: presentCounts(state.counts),
  mine: state.mine,
  reactors: state.reactors.map((r) => ({
    reaction: r.reaction,
    members: r.members.map((m) => ({ id: m.id, displayName: m.displayName })),
  })),
});
