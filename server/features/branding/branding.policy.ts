import type { Viewer } from '#server/lib/access/policy';

/** The organisation's name and logo speak for the company in every mail: admins only. */
export const canManageBranding = (viewer: Viewer) => viewer.role === 'admin';
