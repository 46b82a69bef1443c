import type { Viewer } from '../access/access.policy';

/**
 * The outbox holds every address and every invitation link the app has mailed: only the people
 * who run the network (admins and HR) may read it; for anyone else it does not exist (404).
 */
export const canReadOutbox = (viewer: Viewer) => viewer.role === 'admin' || viewer.role === 'alumni_manager';
