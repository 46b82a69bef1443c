import type { Db } from '#server/db/client';
import { auditEvents } from '#server/db/schema/index';

/** The database or a transaction on it. */
type Executor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * One entry of the audit trail: who did what to whom. `data` holds ids and codes only, never a
 * personal value (an erased member leaves rows whose actor/subject are null). The table is
 * append-only: the database refuses UPDATE and DELETE from the app (decision 029).
 */
export interface AuditEntry {
  /** The member who acted; null for the system (a scheduled job, an import). */
  actorId: string | null;
  /** `<subject>.<verb>`, e.g. `job.published`. */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  data?: Record<string, unknown>;
  /**
   * When it happened: the request's clock, so tests and the trail agree. Omitted, the database's
   * `now()` (the transaction's start) — the settings writers that have no clock.
   */
  at?: Date;
}

/** Appends one entry (or several) to the audit trail, inside the caller's transaction. */
export async function audit(db: Executor, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries as AuditEntry];
  if (list.length === 0) return;
  await db.insert(auditEvents).values(
    list.map((entry) => ({
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      data: entry.data ?? {},
      ...(entry.at ? { createdAt: entry.at } : {}),
    })),
  );
}
