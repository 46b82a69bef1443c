import { eq, or, sql } from 'drizzle-orm';
import type { DigestFrequency } from '#common/digest';
import { DEFAULT_DIGEST_FREQUENCY } from '#common/digest';
import { digestSubscriptions, profiles } from '#server/db/schema/index';
import { consentedSql } from '#server/lib/access/consented';
import type { Viewer } from '#server/lib/access/policy';
import type { AppDeps } from '#server/lib/deps';
import { notFound } from '#server/lib/errors';
import { dispatchMail } from '#server/lib/outbox';
import { hashUnsubscribeToken, sendDigestRange, walkMembers } from './digest.sending';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

export interface DigestSettingsRow {
  frequency: DigestFrequency;
  newsletterConsent: boolean;
  lastSentAt: Date | null;
}

/** The member's digest settings: their frequency (weekly until chosen) and the master switch. */
export async function getDigestSettings(
  deps: Deps,
  { viewer }: { viewer: Viewer },
): Promise<DigestSettingsRow> {
  const [row] = await deps.db
    .select({
      frequency: digestSubscriptions.frequency,
      lastSentAt: digestSubscriptions.lastSentAt,
    })
    .from(digestSubscriptions)
    .where(eq(digestSubscriptions.userId, viewer.id));
  const [consent] = await deps.db
    .select({ newsletter: sql<boolean>`coalesce(${consentedSql('newsletter')}, false)` })
    .from(profiles)
    .where(eq(profiles.userId, viewer.id));
  return {
    frequency: row?.frequency ?? DEFAULT_DIGEST_FREQUENCY,
    lastSentAt: row?.lastSentAt ?? null,
    newsletterConsent: consent?.newsletter ?? false,
  };
}

/** Sets the member's frequency ('off' stops the digest; the consent is left as it is). */
export async function setDigestFrequency(
  deps: Deps,
  { viewer, frequency }: { viewer: Viewer; frequency: DigestFrequency },
): Promise<DigestSettingsRow> {
  const now = deps.clock.now();
  await deps.db
    .insert(digestSubscriptions)
    .values({ userId: viewer.id, frequency, updatedAt: now })
    .onConflictDoUpdate({ target: digestSubscriptions.userId, set: { frequency, updatedAt: now } });
  return getDigestSettings(deps, { viewer });
}

/**
 * The one-click unsubscribe (RFC 8058): the token of the last or the previous digest turns the
 * digest off, without a session. Idempotent: a second click (or the mail client's POST after the
 * person's) answers the same. An unknown token is a 404.
 */
export async function unsubscribeDigest(deps: Deps, { token }: { token: string }): Promise<void> {
  const hash = hashUnsubscribeToken(token);
  const [row] = await deps.db
    .update(digestSubscriptions)
    .set({ frequency: 'off', updatedAt: deps.clock.now() })
    .where(or(eq(digestSubscriptions.tokenHash, hash), eq(digestSubscriptions.previousTokenHash, hash)))
    .returning({ userId: digestSubscriptions.userId });
  if (!row) throw notFound();
}

/**
 * The whole weekly run in this call (the development trigger; the scheduled job queues the ranges
 * instead): every range of members, each sent and its mail dispatched as it goes.
 */
export async function runDigestNow(deps: Pick<AppDeps, 'db' | 'clock' | 'env' | 'queue'>) {
  let mailed = 0;
  const batches = await walkMembers(deps.db, async (range) => {
    const result = await sendDigestRange(deps, { ...range, dispatch: (ids) => dispatchMail(deps, ids) });
    mailed += result.mailed;
  });
  return { batches, mailed };
}
