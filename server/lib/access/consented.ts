import { type SQL, sql } from 'drizzle-orm';
import type { ConsentPurpose } from '#common/consents';
import { profiles } from '#server/db/schema/index';

/**
 * Consent is enforced inside every query (decision 010): the current answers live in
 * `profiles.consents`, kept in step with the append-only ledger by the consents feature.
 */

/** SQL: has the profile row consented to `purpose`? Use it in the WHERE of any list of members. */
export function consentedSql(purpose: ConsentPurpose): SQL {
  return sql`${profiles.consents} @> array[${purpose}]::text[]`;
}
