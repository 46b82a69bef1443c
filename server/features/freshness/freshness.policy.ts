import { isHr, type Viewer } from '#server/lib/access/policy';

/** HR sees the freshness figures and sets the period. */
export const canManageFreshness = (viewer: Viewer) => isHr(viewer);
