import type { Viewer } from '#server/lib/access/policy';

/**
 * Retention rules, the content policy and erasing another member are the operator's (admin's)
 * decisions, not HR's (PRODUCT.md: admin = "audit log, SSO, data retention"). Everyone else gets 404.
 */
export const canManageRetention = (viewer: Viewer) => viewer.role === 'admin';
export const canEraseMembers = (viewer: Viewer) => viewer.role === 'admin';
