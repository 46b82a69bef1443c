import { isHr, type Viewer } from '#server/lib/access/policy';

/** HR's home: the figures that need action and the latest activity (alumni managers, admins). */
export const canSeeHrHome = (viewer: Viewer) => isHr(viewer);
