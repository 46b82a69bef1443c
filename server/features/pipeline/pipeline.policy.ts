import { isHr, type Viewer } from '#server/lib/access/policy';

/**
 * Who may use the rehiring pipeline (decision 017): HR only — alumni managers and admins. Every
 * other viewer gets a 404 for every pipeline endpoint (never a 403: the board does not exist for
 * them), including the person a card is about.
 */
export const canUsePipeline = (viewer: Viewer) => isHr(viewer);

/** Dev triggers (run the start job now): admins only, and never in production. */
export const canRunDevJobs = (viewer: Viewer, nodeEnv: string) =>
  viewer.role === 'admin' && nodeEnv !== 'production';

/** The development ATS inbox's list: HR, never in production. */
export const canReadDevInbox = (viewer: Viewer, nodeEnv: string) => isHr(viewer) && nodeEnv !== 'production';
