import { isHr, type Viewer } from '#server/lib/access/policy';

/**
 * Who may do what with exit cases (decision 012). Reading a case goes through
 * server/lib/access/exit-cases.ts (`findCaseForViewer`: HR, the named manager or the leaver; everyone else 404).
 * Changing a case, cancelling it, rehire eligibility and reporting lines are HR's (admin counts
 * as HR). Opening a case: HR, or a manager for one of their reports (checked in the service
 * against reporting_lines, inside the same request).
 */
export const canManageCases = (viewer: Viewer) => isHr(viewer);
export const canSetReportingLines = (viewer: Viewer) => isHr(viewer);
/** Dev time travel: admins only, and never in production. */
export const canUseDevTools = (viewer: Viewer, nodeEnv: string) =>
  viewer.role === 'admin' && nodeEnv !== 'production';
