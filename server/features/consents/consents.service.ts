import { desc, eq } from 'drizzle-orm';
import {
  CONSENT_PURPOSES,
  CONSENT_TEXT_VERSION,
  type ConsentAnswers,
  type ConsentPurpose,
  type ConsentSource,
} from '#common/consents';
import type { Locale } from '#common/locale';
import type { Db } from '#server/db/client';
import { consentEvents, profiles, users } from '#server/db/schema/index';
import type { AppDeps } from '#server/lib/deps';
import { notFound } from '#server/lib/errors';

/**
 * The consent ledger (decision 010). `consent_events` is append-only: an answer is never updated
 * or deleted (only erasure of the whole account removes it). The current answers are copied to
 * `profiles.consents` in the same transaction, and every feature enforces them with
 * `consentedSql(purpose)` inside its own query: no join, no second source of truth.
 */

export type ConsentEventRow = typeof consentEvents.$inferSelect;

/**
 * Records a member's answers: appends one ledger row per purpose whose answer differs from the
 * latest one in the ledger (a first answer, yes or no, is always recorded), copies the granted
 * purposes to profiles.consents and marks the consents reviewed. Run it inside the caller's
 * transaction; the profile row is locked first so two saves at once cannot interleave.
 * Returns the ledger rows it appended.
 */
export async function recordConsents(
  { db: tx, hooks }: Pick<AppDeps, 'db' | 'hooks'>,
  {
    userId,
    answers,
    source,
    locale,
    now,
  }: { userId: string; answers: ConsentAnswers; source: ConsentSource; locale: Locale; now: Date },
): Promise<ConsentEventRow[]> {
  const [locked] = await tx
    .select({ userId: profiles.userId })
    .from(profiles)
    .where(eq(profiles.userId, userId))
    .for('update');
  if (!locked) throw notFound();

  const latest = await latestAnswers(tx, userId);
  const changed = CONSENT_PURPOSES.filter((p) => latest.get(p)?.granted !== answers[p]);
  const appended =
    changed.length === 0
      ? []
      : await tx
          .insert(consentEvents)
          .values(
            changed.map((purpose) => ({
              userId,
              purpose,
              granted: answers[purpose],
              textVersion: CONSENT_TEXT_VERSION,
              locale,
              source,
              createdAt: now,
            })),
          )
          .returning();

  const granted = CONSENT_PURPOSES.filter((p) => answers[p]);
  await tx.update(profiles).set({ consents: granted }).where(eq(profiles.userId, userId));
  // A purpose withdrawn is announced in this transaction: e.g. rehiring contact withdrawn → the
  // member leaves HR's board now, and a hire not yet started on one of their interest cards is
  // cancelled (decision 017, server/hooks.ts), so consenting again cannot revive it.
  const withdrawn = appended.filter((e) => !e.granted).map((e) => e.purpose);
  if (withdrawn.length > 0) await hooks.consentWithdrawn(tx, { userId, purposes: withdrawn, now });
  await tx.update(users).set({ consentsReviewedAt: now }).where(eq(users.id, userId));
  return appended;
}

/** The latest ledger row per purpose: insertion order (the id) decides, not the clock. */
async function latestAnswers(db: Db, userId: string) {
  const rows = await db
    .selectDistinctOn([consentEvents.purpose])
    .from(consentEvents)
    .where(eq(consentEvents.userId, userId))
    .orderBy(consentEvents.purpose, desc(consentEvents.id));
  return new Map(rows.map((r) => [r.purpose, r]));
}

export interface ConsentOverview {
  reviewedAt: Date | null;
  granted: ConsentPurpose[];
  latest: Map<ConsentPurpose, ConsentEventRow>;
  history: ConsentEventRow[];
}

/** What the member agreed to: the current copy, the latest answer per purpose and the whole ledger. */
export async function findMyConsents({ db, userId }: { db: Db; userId: string }): Promise<ConsentOverview> {
  const [row] = await db
    .select({ reviewedAt: users.consentsReviewedAt, consents: profiles.consents })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) throw notFound();
  const history = await db
    .select()
    .from(consentEvents)
    .where(eq(consentEvents.userId, userId))
    .orderBy(desc(consentEvents.id));
  const latest = new Map<ConsentPurpose, ConsentEventRow>();
  for (const event of history) if (!latest.has(event.purpose)) latest.set(event.purpose, event);
  return { reviewedAt: row.reviewedAt, granted: row.consents, latest, history };
}

/** Saves the member's own answers (first sign-in or settings page) in one transaction. */
export async function saveMyConsents(
  { db, hooks }: Pick<AppDeps, 'db' | 'hooks'>,
  { userId, answers, locale, now }: { userId: string; answers: ConsentAnswers; locale: Locale; now: Date },
): Promise<ConsentOverview> {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ reviewedAt: users.consentsReviewedAt })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    // The first answers come from the welcome step; every later change from the settings page.
    const source: ConsentSource = user?.reviewedAt ? 'settings' : 'first_sign_in';
    await recordConsents({ db: tx as unknown as Db, hooks }, { userId, answers, source, locale, now });
  });
  return findMyConsents({ db, userId });
}
