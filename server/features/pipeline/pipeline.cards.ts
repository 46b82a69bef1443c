/** Pipeline cards: opening and reopening a card for a source, a visible card, its page and notes. */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PipelineStage } from '#common/rehiring-reference';
import type { Db } from '#server/db/client';
import {
  atsExports,
  auditEvents,
  hires,
  pipelineCards,
  pipelineNotes,
  profiles,
  referrals,
  returnInterests,
  users,
} from '#server/db/schema/index';
import type { Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { notFound } from '#server/lib/errors';

import { type CardRow, cardVisibleSql, selectCards } from './pipeline.board';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

export type CardSource =
  | { source: 'interest'; interestId: string; userId: string; jobId: string | null }
  | { source: 'referral'; referralId: string; userId: string | null; jobId: string | null };

/**
 * Puts a return interest or a consented referral on HR's rehiring board, once: a second call for
 * the same source returns the existing card (the source column is unique), so a repeated or
 * concurrent request never makes two cards. Run it inside the caller's transaction.
 */
export async function openPipelineCard(
  tx: Db,
  input: CardSource & { actorId: string | null; now: Date },
): Promise<{ id: string; created: boolean }> {
  const { actorId, now } = input;
  const id = randomUUID();
  const sourceColumn = input.source === 'interest' ? pipelineCards.interestId : pipelineCards.referralId;
  const sourceId = input.source === 'interest' ? input.interestId : input.referralId;
  const [inserted] = await tx
    .insert(pipelineCards)
    .values({
      id,
      source: input.source,
      interestId: input.source === 'interest' ? input.interestId : null,
      referralId: input.source === 'referral' ? input.referralId : null,
      userId: input.userId,
      jobId: input.jobId,
      stage: 'interested',
      stageChangedAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: sourceColumn })
    .returning({ id: pipelineCards.id });
  if (inserted) {
    await audit(tx, {
      actorId,
      action: 'pipeline_card.opened',
      subjectType: 'pipeline_card',
      subjectId: id,
      data: { source: input.source, sourceId, jobId: input.jobId },
      at: now,
    });
    return { id, created: true };
  }
  const [existing] = await tx
    .select({ id: pipelineCards.id })
    .from(pipelineCards)
    .where(eq(sourceColumn, sourceId));
  if (!existing) throw new Error(`pipeline card for ${input.source} ${sourceId} vanished`);
  return { id: existing.id, created: false };
}

/**
 * The stage of the card of each given referral (for the referrer's coarse status). Referrals
 * without a card (no consent yet) are absent from the map.
 */
export async function cardStagesForReferrals(
  db: Db,
  { referralIds }: { referralIds: string[] },
): Promise<Map<string, PipelineStage>> {
  if (referralIds.length === 0) return new Map();
  const rows = await db
    .select({ referralId: pipelineCards.referralId, stage: pipelineCards.stage })
    .from(pipelineCards)
    .where(inArray(pipelineCards.referralId, referralIds));
  return new Map(rows.flatMap((r) => (r.referralId ? [[r.referralId, r.stage] as const] : [])));
}

/**
 * A withdrawn interest was raised again (return-interests, in its transaction): its card comes
 * back as a fresh "interested" card rather than in the column HR left it in — unless it is
 * "rehired" (a hire that started stays a hire). Who moved it is nobody (`stageChangedBy` null);
 * the audit row says why. Returns whether the card moved.
 */
export async function reopenPipelineCard(
  tx: Db,
  { interestId, now }: { interestId: string; now: Date },
): Promise<{ moved: boolean }> {
  const [card] = await tx
    .select({ id: pipelineCards.id, stage: pipelineCards.stage })
    .from(pipelineCards)
    .where(eq(pipelineCards.interestId, interestId))
    .for('update');
  if (!card || card.stage === 'interested' || card.stage === 'rehired') return { moved: false };
  await tx
    .update(pipelineCards)
    .set({ stage: 'interested', stageChangedAt: now, stageChangedBy: null })
    .where(eq(pipelineCards.id, card.id));
  await audit(tx, {
    actorId: null,
    action: 'pipeline_card.moved',
    subjectType: 'pipeline_card',
    subjectId: card.id,
    data: { from: card.stage, to: 'interested', reason: 'interest_renewed' },
    at: now,
  });
  return { moved: true };
}

/** One visible card, or a 404 (for HR and for the ATS worker acting for HR alike). */
export async function findVisibleCard(db: Db, { id }: { id: string }): Promise<CardRow> {
  const [row] = await selectCards(db, { filters: { id } });
  if (!row) throw notFound();
  return row;
}

/** Is the card on the board for HR right now? (The cheap check before a write.) */
export async function requireVisibleCardId(db: Db, { id }: { id: string }) {
  const [row] = await db
    .select({ id: pipelineCards.id })
    .from(pipelineCards)
    .leftJoin(returnInterests, eq(returnInterests.id, pipelineCards.interestId))
    .leftJoin(referrals, eq(referrals.id, pipelineCards.referralId))
    .leftJoin(profiles, eq(profiles.userId, pipelineCards.userId))
    .where(and(eq(pipelineCards.id, id), cardVisibleSql()));
  if (!row) throw notFound();
}

const noteAuthor = alias(users, 'note_author');

export interface CardExtras {
  notes: {
    id: string;
    body: string;
    authorId: string | null;
    authorName: string | null;
    createdAt: Date;
  }[];
  events: {
    action: string;
    data: Record<string, unknown>;
    actorId: string | null;
    actorName: string | null;
    createdAt: Date;
  }[];
  hire: (typeof hires.$inferSelect & { recordedByName: string | null }) | null;
  exports: (typeof atsExports.$inferSelect & { actorName: string | null })[];
}

/** Notes, stage history (from the audit log), the hire and the ATS exports of a card. */
export async function loadCardExtras(db: Db, { cardId }: { cardId: string }): Promise<CardExtras> {
  const notes = await db
    .select({
      id: pipelineNotes.id,
      body: pipelineNotes.body,
      authorId: pipelineNotes.authorId,
      authorName: noteAuthor.name,
      createdAt: pipelineNotes.createdAt,
    })
    .from(pipelineNotes)
    .leftJoin(noteAuthor, eq(noteAuthor.id, pipelineNotes.authorId))
    .where(eq(pipelineNotes.cardId, cardId))
    .orderBy(asc(pipelineNotes.createdAt), asc(pipelineNotes.id));
  const events = await db
    .select({
      action: auditEvents.action,
      data: auditEvents.data,
      actorId: auditEvents.actorId,
      actorName: noteAuthor.name,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .leftJoin(noteAuthor, eq(noteAuthor.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.subjectType, 'pipeline_card'),
        eq(auditEvents.subjectId, cardId),
        inArray(auditEvents.action, ['pipeline_card.opened', 'pipeline_card.moved']),
      ),
    )
    .orderBy(asc(auditEvents.id));
  const [hire] = await db
    .select({ hire: hires, recordedByName: noteAuthor.name })
    .from(hires)
    .leftJoin(noteAuthor, eq(noteAuthor.id, hires.recordedBy))
    .where(eq(hires.cardId, cardId));
  const exports = await db
    .select({ row: atsExports, actorName: noteAuthor.name })
    .from(atsExports)
    .leftJoin(noteAuthor, eq(noteAuthor.id, atsExports.actorId))
    .where(eq(atsExports.cardId, cardId))
    .orderBy(desc(atsExports.createdAt), desc(atsExports.id))
    .limit(50);
  return {
    notes,
    events,
    hire: hire ? { ...hire.hire, recordedByName: hire.recordedByName } : null,
    exports: exports.map((e) => ({ ...e.row, actorName: e.actorName })),
  };
}

/** A card's page for HR; opening it is written to the audit log (ids only). */
export async function getCardDetail(
  deps: Deps,
  { viewer, id, audit: audited = false }: { viewer: Viewer; id: string; audit?: boolean },
) {
  const { db, clock } = deps;
  const row = await findVisibleCard(db, { id });
  if (audited) {
    await audit(db, {
      actorId: viewer.id,
      action: 'pipeline_card.viewed',
      subjectType: 'pipeline_card',
      subjectId: id,
      data: { userId: row.card.userId },
      at: clock.now(),
    });
  }
  return { row, extras: await loadCardExtras(db, { cardId: id }) };
}

/** HR adds a note to a visible card. */
export async function addNote(
  deps: Deps,
  { viewer, cardId, body }: { viewer: Viewer; cardId: string; body: string },
) {
  const { db, clock } = deps;
  const now = clock.now();
  const noteId = randomUUID();
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await requireVisibleCardId(tx, { id: cardId });
    await tx.insert(pipelineNotes).values({ id: noteId, cardId, authorId: viewer.id, body, createdAt: now });
    await audit(tx, {
      actorId: viewer.id,
      action: 'pipeline_note.added',
      subjectType: 'pipeline_card',
      subjectId: cardId,
      data: { noteId },
      at: now,
    });
  });
  return {
    id: noteId,
    body,
    authorId: viewer.id,
    authorName: viewer.displayName,
    createdAt: now,
  };
}
