import { REFERRAL_CONSENT_MAIL_KIND } from '#common/mail';
import type { Viewer } from '#server/lib/access/policy';

/**
 * The outbox holds every address and every invitation link the app has mailed: only the people
 * who run the network (admins and HR) may read it; for anyone else it does not exist (404).
 */
export const canReadOutbox = (viewer: Viewer) => viewer.role === 'admin' || viewer.role === 'alumni_manager';

/**
 * Mail to people who have not agreed to be known to HR: a referred candidate is asked first, and
 * until they answer "yes" nothing about them may reach HR (decision 019) — the outbox included.
 */
export const PRIVATE_RECIPIENT_KINDS: readonly string[] = [REFERRAL_CONSENT_MAIL_KIND];
