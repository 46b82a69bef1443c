import { isHr, type Viewer } from '#server/lib/access/policy';

/**
 * Who may moderate (issue 11): HR (alumni_manager, admin). Anyone else gets a 404 for the queue,
 * the acts, the suspensions and the notes, never a 403. Reporting is any member's, but only of a
 * post or comment they can see (checked in the query with `visiblePostsWhere`).
 */
export const canModerate = (viewer: Viewer) => isHr(viewer);
