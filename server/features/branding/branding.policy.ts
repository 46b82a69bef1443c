import type { Viewer } from '#server/features/access/access.policy';

/** The organisation's name and logo speak for the company in every mail: admins only. */
export const canManageBranding = (viewer: Viewer) => viewer.role === 'admin';
