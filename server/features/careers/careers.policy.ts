import type { Viewer } from '#server/lib/access/policy';

/**
 * "Where the road leads" is for people still inside (issue 11, item 7): employees, leavers and HR.
 * Alumni are the road: the page does not exist for them (404).
 */
export const canSeeCareerPaths = (viewer: Viewer) => viewer.role !== 'alumni';
