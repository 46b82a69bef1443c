import type { Me } from '#common/invitations';
import type { Viewer } from '#server/lib/access/policy';
import type { MeFlags } from './auth.service';

const noFlags: MeFlags = { isManager: false, hasExitCase: false };

/** `consentsReviewedAt` null (the default: a member who just accepted an invitation) = ask now. */
export const presentMe = (
  viewer: Viewer,
  consentsReviewedAt: Date | null = null,
  flags: MeFlags = noFlags,
): Me => ({
  id: viewer.id,
  email: viewer.email,
  role: viewer.role,
  displayName: viewer.displayName,
  locale: viewer.locale,
  consentsReviewedAt: consentsReviewedAt?.toISOString() ?? null,
  isManager: flags.isManager,
  hasExitCase: flags.hasExitCase,
});
