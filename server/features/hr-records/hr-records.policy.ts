import { isHr, type Viewer } from '#server/lib/access/policy';

/**
 * HR records and their imports are HR's working data (personal data of people who may never
 * join): alumni managers and admins only. Everyone else gets a 404, as if nothing were there.
 */
export const canUseHrRecords = (viewer: Viewer) => isHr(viewer);
