import type { Viewer } from '#server/lib/access/policy';

/**
 * Who may do what with return interests (出戻り意向, decision 015).
 *
 * - Raising, changing, listing and withdrawing an interest is for alumni only: people employed
 *   today (employees, leavers before their last day, HR, admins) have nothing to come back to.
 *   Everyone else gets a 404 from every endpoint, never a 403.
 * - A member reaches only their own interests: every query is scoped to `user_id = viewer.id`,
 *   so another member's interest id is a 404 as well.
 * - HR never reads interests through these endpoints. HR sees an interest only on the rehiring
 *   board, and only while it is active AND the member consents to 'rehiring'
 *   (`consentedSql('rehiring')` in the board's one query). Withdrawing the interest or the consent
 *   hides it from HR in the same request. The member is told when HR cannot see it.
 */
export const canRaiseReturnInterest = (viewer: Viewer) => viewer.role === 'alumni';
