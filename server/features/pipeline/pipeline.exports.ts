/** Hand-offs to the applicant tracking system: webhook and CSV exports. */
import { randomUUID } from 'node:crypto';
import type { PipelineCsvQuery } from '#common/pipeline';
import type { Db } from '#server/db/client';
import { atsExports } from '#server/db/schema/index';
import type { Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';

import { selectCards } from './pipeline.board';
import { requireVisibleCardId } from './pipeline.cards';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

export type AtsExportRow = typeof atsExports.$inferSelect;

/** Queues a webhook export of a visible card (the body is built when it is sent). */
export async function queueAtsWebhook(
  deps: Deps,
  { viewer, cardId }: { viewer: Viewer; cardId: string },
): Promise<AtsExportRow> {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await requireVisibleCardId(tx, { id: cardId });
    const [row] = await tx
      .insert(atsExports)
      .values({
        id: randomUUID(),
        cardId,
        kind: 'webhook',
        status: 'queued',
        data: { cardId },
        actorId: viewer.id,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await audit(tx, {
      actorId: viewer.id,
      action: 'ats_export.webhook',
      subjectType: 'pipeline_card',
      subjectId: cardId,
      data: { exportId: row.id },
      at: now,
    });
    return row;
  });
}

/** Records a CSV hand-off (of the board or of one card): an ats_exports row and an audit row. */
export async function recordCsvExport(
  deps: Deps,
  {
    viewer,
    cardId,
    count,
    filters,
  }: { viewer: Viewer; cardId: string | null; count: number; filters: Partial<PipelineCsvQuery> },
) {
  const { db, clock } = deps;
  const now = clock.now();
  // Ids and codes only: a name fragment typed into the search is personal data, so only its presence.
  const data = {
    count,
    ...(cardId ? { cardId } : {}),
    ...(filters.stage ? { stage: filters.stage } : {}),
    ...(filters.jobId ? { jobId: filters.jobId } : {}),
    ...(filters.source ? { source: filters.source } : {}),
    ...(filters.q ? { nameFilter: true } : {}),
  };
  await db.transaction(async (tx) => {
    const id = randomUUID();
    await tx.insert(atsExports).values({
      id,
      cardId,
      kind: 'csv',
      status: 'delivered',
      attempts: 1,
      data,
      actorId: viewer.id,
      deliveredAt: now,
      createdAt: now,
    });
    await audit(tx, {
      actorId: viewer.id,
      action: 'ats_export.csv',
      subjectType: cardId ? 'pipeline_card' : 'pipeline',
      subjectId: cardId,
      data: { exportId: id, ...data },
      at: now,
    });
  });
}

/** Everything matching a CSV export's filters (no per-column cap). */
export async function selectCardsForCsv(deps: Deps, filters: PipelineCsvQuery) {
  return selectCards(deps.db, {
    filters: {
      ...(filters.jobId ? { jobId: filters.jobId } : {}),
      ...(filters.source ? { source: filters.source } : {}),
      ...(filters.q ? { q: filters.q } : {}),
      ...(filters.stage ? { stage: filters.stage } : {}),
    },
    cap: 100_000,
  });
}
