import { eq, type SQL } from 'drizzle-orm';
import { profiles, users } from '#server/db/schema/index';
import { notBlockedWith } from '#server/lib/relations';
import { consentedSql } from './consented';
import { isHr, type Viewer } from './policy';

/**
 * Who may see another member's profile (and so their name and photo), as conditions over
 * `profiles` joined with `users`: every member sees every active member who consented to be listed
 * and is not blocked either way; HR sees everyone (none). A member always sees themself — the
 * caller adds that case (decisions 010, 036, 041).
 */
export function listedToViewerConditions(viewer: Viewer): SQL[] {
  if (isHr(viewer)) return [];
  return [eq(users.status, 'active'), consentedSql('directory'), notBlockedWith(viewer.id, profiles.userId)];
}
