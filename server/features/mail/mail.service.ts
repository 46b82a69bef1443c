import { randomUUID } from 'node:crypto';
import {
  and,
  desc,
  eq,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Locale } from '#common/locale';
import type { OutboxQuery } from '#common/mail';
import type { Db } from '#server/db/client';
import { mailMessages } from '#server/db/schema/index';
import { brandMail, getBrandingNames } from '#server/features/branding/branding.service';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import { isPermanentMailFailure, mailErrorText } from '#server/lib/mail';
import type { JobDefinition } from '#server/lib/queue';
import { PRIVATE_RECIPIENT_KINDS } from './mail.policy';

/** A transaction handle or the database itself. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];
export type MailRow = typeof mailMessages.$inferSelect;

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
/** First attempt + retries (pg-boss's retryLimit below is this minus one). */
export const MAIL_MAX_ATTEMPTS = 6;
/** A message in `sending` longer than this belongs to a worker that died mid-send. */
export const MAIL_CLAIM_LEASE_MS = 10 * 60_000;
/** Never tried: its delivery job was lost (a crash between commit and dispatch). */
const LOST_DISPATCH_MS = 5 * 60_000;
/** Waiting for a retry longer than the longest backoff (30 s · 2⁴ ≈ 8 min): its job was lost. */
const LOST_RETRY_MS = 30 * 60_000;

/**
 * Puts mail in the outbox, inside the caller's transaction: if the action rolls back, no mail.
 * Call `dispatchMail` after the commit; the sweeper delivers anything a crash left behind.
 * `now` (the service's clock) is the creation time; the database's clock otherwise.
 * Every message is signed with the organisation's name here, so no kind of mail can forget it
 * (decision 027); the outbox keeps exactly what is sent.
 */
export async function queueMail(
  db: DbOrTx,
  mail: OutgoingMail | OutgoingMail[],
  options: { now?: Date } = {},
): Promise<string[]> {
  const list = Array.isArray(mail) ? mail : [mail];
  if (list.length === 0) return [];
  const names = await getBrandingNames(db);
  const branded = list.map((m) => brandMail(m, names));
  const rows = branded.map((m) => ({
    id: randomUUID(),
    kind: m.kind,
    toAddress: m.to,
    locale: m.locale,
    subject: m.subject,
    text: m.text,
    html: m.html ?? null,
    userId: m.userId ?? null,
    subjectId: m.subjectId ?? null,
    ...(options.now ? { createdAt: options.now } : {}),
  }));
  await db.insert(mailMessages).values(rows);
  return rows.map((r) => r.id);
}

/** After commit: one delivery job per message (job data is the id only: no personal values). */
export async function dispatchMail(deps: Pick<AppDeps, 'queue'>, ids: string[]): Promise<void> {
  for (const id of ids) await deps.queue.send(MAIL_DELIVER, { mailId: id });
}

/**
 * Withdraws messages about `subjectId` that have not gone out yet (e.g. the old link of a resent
 * or revoked invitation). A message being sent right now is left alone.
 */
export async function cancelQueuedMail(
  db: DbOrTx,
  { subjectId, kind, reason }: { subjectId: string; kind: string; reason: string },
) {
  await db
    .update(mailMessages)
    .set({ status: 'cancelled', lastError: reason })
    .where(
      and(
        eq(mailMessages.subjectId, subjectId),
        eq(mailMessages.kind, kind),
        eq(mailMessages.status, 'queued'),
      ),
    );
}

export type DeliveryStatus = 'queued' | 'sent' | 'failed' | 'bounced';

/**
 * Listener for delivery outcomes (e.g. invitations copy the status HR sees), called in the same
 * transaction as the outbox update. `queued` = a temporary failure that will be retried.
 */
export type DeliveryListener = (
  tx: DbOrTx,
  outcome: {
    mailId: string;
    kind: string;
    subjectId: string | null;
    /** When the message was queued: lets a listener ignore an outcome of a superseded message. */
    queuedAt: Date;
    status: DeliveryStatus;
    error: string | null;
  },
) => Promise<void>;

/**
 * The jobs of this feature (decision 007).
 *
 * `mail.deliver` claims one message — `queued`, or `sending` with a claim older than the lease
 * (its worker died) — sends it and records the outcome. A message being sent right now is never
 * claimed twice, so a re-dispatch cannot send it again. SMTP 5xx → `bounced` at once; a temporary
 * failure (4xx, network) puts it back to `queued` and throws, so pg-boss retries with exponential
 * backoff; after MAIL_MAX_ATTEMPTS it is `failed`. Rate limit: at most MAIL_RATE_PER_SECOND
 * messages fetched per second per process (batch size × 1 s polling).
 *
 * `mail.sweep` (every minute) re-dispatches what a crash left behind: never-tried messages whose
 * job was lost, retries whose job was lost, and expired claims.
 */
export function mailJobs(deps: AppDeps, listeners: DeliveryListener[] = []): JobDefinition<never>[] {
  const notify = async (tx: DbOrTx, message: MailRow, status: DeliveryStatus, error: string | null) => {
    for (const listener of listeners) {
      await listener(tx, {
        mailId: message.id,
        kind: message.kind,
        subjectId: message.subjectId,
        queuedAt: message.createdAt,
        status,
        error,
      });
    }
  };

  const deliver: JobDefinition<{ mailId: string }> = {
    name: MAIL_DELIVER,
    retryLimit: MAIL_MAX_ATTEMPTS - 1,
    retryDelaySeconds: 30,
    expireInSeconds: 5 * 60,
    batchSize: deps.env.MAIL_RATE_PER_SECOND,
    pollingIntervalSeconds: 1,
    async handler({ mailId }) {
      const now = deps.clock.now();
      const [message] = await deps.db
        .update(mailMessages)
        .set({ status: 'sending', attempts: sql`${mailMessages.attempts} + 1`, claimedAt: now })
        .where(
          and(
            eq(mailMessages.id, mailId),
            or(
              eq(mailMessages.status, 'queued'),
              and(
                eq(mailMessages.status, 'sending'),
                lt(mailMessages.claimedAt, new Date(now.getTime() - MAIL_CLAIM_LEASE_MS)),
              ),
            ),
          ),
        )
        .returning();
      if (!message) return; // sent, being sent, bounced, cancelled, or erased with its member
      let result: { messageId?: string } | undefined;
      try {
        result = await deps.mailer.send({
          to: message.toAddress,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
        });
      } catch (error) {
        const text = mailErrorText(error);
        const permanent = isPermanentMailFailure(error);
        const status = permanent ? 'bounced' : message.attempts >= MAIL_MAX_ATTEMPTS ? 'failed' : 'queued';
        await deps.db.transaction(async (tx) => {
          await tx
            .update(mailMessages)
            .set({ status, lastError: text })
            .where(and(eq(mailMessages.id, mailId), eq(mailMessages.status, 'sending')));
          await notify(tx, message, status, text);
        });
        if (status === 'queued') throw error; // pg-boss retries with backoff
        return;
      }
      await deps.db.transaction(async (tx) => {
        await tx
          .update(mailMessages)
          .set({
            status: 'sent',
            sentAt: deps.clock.now(),
            lastError: null,
            providerMessageId: result?.messageId ?? null,
          })
          .where(eq(mailMessages.id, mailId));
        await notify(tx, message, 'sent', null);
      });
    },
  };

  const sweep: JobDefinition<Record<string, never>> = {
    name: MAIL_SWEEP,
    cron: '* * * * *',
    retryLimit: 0,
    async handler() {
      const ids = await findStrandedMail(deps);
      await dispatchMail(deps, ids);
    },
  };
  return [deliver, sweep] as JobDefinition<never>[];
}

/** Messages a crash left without a delivery job (see `mail.sweep`). */
export async function findStrandedMail(deps: Pick<AppDeps, 'db' | 'clock'>, limit = 10_000) {
  const now = deps.clock.now().getTime();
  const rows = await deps.db
    .select({ id: mailMessages.id })
    .from(mailMessages)
    .where(
      or(
        and(
          eq(mailMessages.status, 'queued'),
          isNull(mailMessages.claimedAt),
          lt(mailMessages.createdAt, new Date(now - LOST_DISPATCH_MS)),
        ),
        and(
          eq(mailMessages.status, 'queued'),
          isNotNull(mailMessages.claimedAt),
          lt(mailMessages.claimedAt, new Date(now - LOST_RETRY_MS)),
        ),
        and(
          eq(mailMessages.status, 'sending'),
          lt(mailMessages.claimedAt, new Date(now - MAIL_CLAIM_LEASE_MS)),
        ),
      ),
    )
    .orderBy(mailMessages.createdAt)
    .limit(limit);
  return rows.map((r) => r.id);
}

const PAGE_SIZE = 50;

const encodeCursor = (row: { createdAt: Date; id: string }) =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new AppError('bad_request', 'error.bad_request', { cursor: ['v.invalid'] });
  }
  return { createdAt, id };
}

/**
 * The outbox, newest first, keyset-paginated (stable while new mail arrives). The text filter
 * matches the subject, and the address — except a private recipient's (see
 * PRIVATE_RECIPIENT_KINDS) unless `searchPrivateAddresses` (the local development catcher).
 */
export async function listOutbox({
  db,
  query,
  searchPrivateAddresses,
}: {
  db: Db;
  query: OutboxQuery;
  searchPrivateAddresses: boolean;
}) {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(mailMessages.status, query.status));
  if (query.kind) conditions.push(eq(mailMessages.kind, query.kind));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const address = searchPrivateAddresses
      ? ilike(mailMessages.toAddress, pattern)
      : and(
          ilike(mailMessages.toAddress, pattern),
          notInArray(mailMessages.kind, [...PRIVATE_RECIPIENT_KINDS]),
        );
    conditions.push(or(address, ilike(mailMessages.subject, pattern)) as SQL);
  }
  if (query.cursor) {
    const { createdAt, id } = decodeCursor(query.cursor);
    conditions.push(
      sql`(${mailMessages.createdAt}, ${mailMessages.id}) < (${createdAt.toISOString()}::timestamptz, ${id})`,
    );
  }
  const rows = await db
    .select()
    .from(mailMessages)
    .where(and(...conditions))
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(PAGE_SIZE + 1);
  const items = rows.slice(0, PAGE_SIZE);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor(last) : null };
}

export async function findOutboxMessage({ db, id }: { db: Db; id: string }) {
  const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
  if (!row) throw notFound();
  return row;
}

/** Outbox rows by id (for tests and scripts). */
export async function mailByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(mailMessages).where(inArray(mailMessages.id, ids));
}
