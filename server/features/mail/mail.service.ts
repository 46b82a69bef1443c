import { randomUUID } from 'node:crypto';
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Locale } from '../../../common/invitations';
import type { Db } from '../../db/client';
import { mailMessages } from '../../db/schema/index';
import type { AppDeps } from '../../lib/http';
import type { JobDefinition } from '../../lib/queue';

export interface OutgoingMail {
  /** What it is about (invitation, verification_approved, freshness, retention_warning, …). */
  kind: string;
  to: string;
  locale: Locale;
  subject: string;
  text: string;
  html?: string;
  /** The member it concerns (the row is erased with them). */
  userId?: string | null;
  /** The row that caused it, e.g. an invitation id. */
  subjectId?: string | null;
}

export const MAIL_DELIVER = 'mail.deliver';
export const MAIL_SWEEP = 'mail.sweep';

/**
 * Puts mail in the outbox, inside the caller's transaction: if the action rolls back, no mail.
 * Call `dispatchMail` after the commit; the sweeper delivers anything a crash left behind.
 */
export async function queueMail(db: Db, mail: OutgoingMail | OutgoingMail[]): Promise<string[]> {
  const list = Array.isArray(mail) ? mail : [mail];
  if (list.length === 0) return [];
  const rows = list.map((m) => ({
    id: randomUUID(),
    kind: m.kind,
    toAddress: m.to,
    locale: m.locale,
    subject: m.subject,
    text: m.text,
    html: m.html ?? null,
    userId: m.userId ?? null,
    subjectId: m.subjectId ?? null,
  }));
  await db.insert(mailMessages).values(rows);
  return rows.map((r) => r.id);
}

/** After commit: one delivery job per message (job data is the id only: no personal values). */
export async function dispatchMail(deps: Pick<AppDeps, 'queue'>, ids: string[]): Promise<void> {
  for (const id of ids) await deps.queue.send(MAIL_DELIVER, { mailId: id }, { singletonKey: id });
}

/** Listener for delivery outcomes (e.g. invitations copy the status HR sees). */
export type DeliveryListener = (outcome: {
  kind: string;
  subjectId: string | null;
  status: 'sent' | 'failed';
  error: string | null;
}) => Promise<void>;

/**
 * The jobs of this feature. `mail.deliver` claims one message (queued or failed → sending),
 * sends it and records the outcome; a throw makes pg-boss retry with backoff. `mail.sweep`
 * (every minute) re-dispatches messages left queued or stuck in sending by a killed process.
 */
export function mailJobs(deps: AppDeps, listeners: DeliveryListener[] = []): JobDefinition<never>[] {
  const deliver: JobDefinition<{ mailId: string }> = {
    name: MAIL_DELIVER,
    retryLimit: 5,
    retryDelaySeconds: 30,
    batchSize: deps.env.MAIL_RATE_PER_SECOND,
    pollingIntervalSeconds: 1,
    async handler({ mailId }, job) {
      const [message] = await deps.db
        .update(mailMessages)
        .set({ status: 'sending', attempts: sql`${mailMessages.attempts} + 1` })
        .where(
          and(eq(mailMessages.id, mailId), inArray(mailMessages.status, ['queued', 'sending', 'failed'])),
        )
        .returning();
      if (!message) return; // already sent, bounced, or erased with its member
      try {
        const result = await deps.mailer.send({
          to: message.toAddress,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
        });
        await deps.db
          .update(mailMessages)
          .set({
            status: 'sent',
            sentAt: deps.clock.now(),
            lastError: null,
            providerMessageId: result?.messageId ?? null,
          })
          .where(eq(mailMessages.id, mailId));
        for (const listener of listeners) {
          await listener({ kind: message.kind, subjectId: message.subjectId, status: 'sent', error: null });
        }
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        await deps.db
          .update(mailMessages)
          .set({ status: 'failed', lastError: text })
          .where(eq(mailMessages.id, mailId));
        for (const listener of listeners) {
          await listener({ kind: message.kind, subjectId: message.subjectId, status: 'failed', error: text });
        }
        if (job.retryCount < 5) throw error;
      }
    },
  };
  const sweep: JobDefinition<Record<string, never>> = {
    name: MAIL_SWEEP,
    cron: '* * * * *',
    retryLimit: 0,
    async handler() {
      const cutoff = new Date(deps.clock.now().getTime() - 5 * 60_000);
      const stuck = await deps.db
        .select({ id: mailMessages.id })
        .from(mailMessages)
        .where(
          or(
            and(eq(mailMessages.status, 'queued'), lt(mailMessages.createdAt, cutoff)),
            eq(mailMessages.status, 'sending'),
          ),
        )
        .limit(10_000);
      await dispatchMail(
        deps,
        stuck.map((s) => s.id),
      );
    },
  };
  return [deliver, sweep] as JobDefinition<never>[];
}
