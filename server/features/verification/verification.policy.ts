import { isHr, type Viewer } from '#server/lib/access/policy';

/** HR (alumni managers and admins) decide join requests and set the eligibility rules. */
export const canManageJoinRequests = (viewer: Viewer) => isHr(viewer);
