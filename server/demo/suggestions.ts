import { inArray } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { users } from '#server/db/schema/index';
import { computeSuggestions, forgetIdf } from '#server/features/suggestions/suggestions.service';
import { systemClock } from '#server/lib/clock';

/** The demo logins whose people to meet are computed in the seed; everyone else's on first read. */
const DEMO_EMAILS = [
  'alumni@kizuna.example',
  'employee@kizuna.example',
  'leaver@kizuna.example',
  'hr@kizuna.example',
  'admin@kizuna.example',
];

/**
 * People to meet for the demo logins (decision 038), computed from the demo members just seeded,
 * so the first visit of /people shows both lists. Other members' lists are computed when they
 * first open the page, and all of them by the nightly job.
 */
export async function seedDemoSuggestions(db: Db): Promise<number> {
  forgetIdf();
  const logins = await db.select({ id: users.id }).from(users).where(inArray(users.email, DEMO_EMAILS));
  let rows = 0;
  for (const { id } of logins) rows += await computeSuggestions({ db, clock: systemClock }, { userId: id });
  return rows;
}
