import type { Role } from '#common/roles';
import { isHr, type Viewer } from '#server/lib/access/policy';

/**
 * Who may do what with referrals (decision 019).
 * - Referring: every active member — alumni, employees, leavers and HR (a deactivated account has
 *   no session, so it never gets here).
 * - The referrer's own list and resend: the referrer only, checked in the query
 *   (`referrer_id = viewer`); anyone else's referral does not exist for them (404).
 * - HR's list, the reward rule and "reward paid": HR (admin counts as HR); others 404.
 * - The candidate's data reaches HR only once the candidate consented: the HR query selects it
 *   only for consented rows, and the presenter leaves it out otherwise.
 */
export const REFERRER_ROLES: readonly Role[] = ['alumni', 'employee', 'leaver', 'alumni_manager', 'admin'];

export const canRefer = (viewer: Viewer) => REFERRER_ROLES.includes(viewer.role);
export const canManageReferrals = (viewer: Viewer) => isHr(viewer);
/** The development trigger of the daily job (expiry and retention): admins, never in production. */
export const canRunReferralJobs = (viewer: Viewer, nodeEnv: string) =>
  viewer.role === 'admin' && nodeEnv !== 'production';
