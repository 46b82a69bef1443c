import { isHr, type Viewer } from '#server/lib/access/policy';
import { AppError } from '#server/lib/errors';

/**
 * HR records and their imports are HR's working data (personal data of people who may never
 * join): alumni managers and admins only. Everyone else gets a 404, as if nothing were there.
 */
export function requireHrRecordsAccess(viewer: Viewer): void {
  if (!isHr(viewer)) throw new AppError('not_found');
}
