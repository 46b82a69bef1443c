/**
 * The outbox: the mechanism every feature uses to send mail (queue inside the action's
 * transaction, dispatch after the commit, deliver and retry in a job, cancel what is superseded).
 * The admin outbox page is the mail feature (server/features/mail).
 */
import { randomUUID } from 'node:crypto';
import { type AnyColumn, and, eq, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Locale } from '#common/locale';
import type { Db } from '#server/db/client';
import { mailMessages } from '#server/db/schema/index';
import type { AppDeps } from './deps';
import { isPermanentMailFailure, type MailAttachment, mailErrorText } from './mail';
import { brandMail, readOrgNames } from './org-identity';
import type { JobDefinition } from './queue';

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
  /** Extra headers of this message (e.g. List-Unsubscribe and List-Unsubscribe-Post, RFC 8058). */
  headers?: Record<string, string>;
  /** Files sent with it (an event's .ics): kept in the row's `headers` (see ATTACHMENTS_HEADER). */
  attachments?: MailAttachment[];
  /** The member it concerns (the row is erased with them). */
  userId?: string | null;
  /** The row that caused it, e.g. an invitation id. */
  subjectId?: string | null;
}

export const MAIL_DELIVER = 'mail.deliver';
/**
 * The outbox row keeps a message's attachments (small text files: calendar files) as JSON under
 * this reserved key of its `headers` column, so the row still holds exactly what is sent without
 * a column of its own; delivery takes the key out and hands the files to the mailer.
 */
export const ATTACHMENTS_HEADER = 'X-Kizuna-Attachments';

/** Headers and attachments of a message, as the row stores them. */
export function storedHeaders(
  mail: Pick<OutgoingMail, 'headers' | 'attachments'>,
): Record<string, string> | null {
  const headers = { ...(mail.headers ?? {}) };
  if (mail.attachments && mail.attachments.length > 0)
    headers[ATTACHMENTS_HEADER] = JSON.stringify(mail.attachments);
  return Object.keys(headers).length > 0 ? headers : null;
}

/** The row's `headers` split back into real headers and the attachments. */
export function splitStoredHeaders(stored: Record<string, string> | null): {
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
} {
  if (!stored) return {};
  const { [ATTACHMENTS_HEADER]: files, ...headers } = stored;
  return {
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(files ? { attachments: JSON.parse(files) as MailAttachment[] } : {}),
  };
}
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
  return insertPreparedMail(db, await prepareMail(db, mail, options));
}

/** A message branded and ready for the outbox, not yet written. */
export type PreparedMail = typeof mailMessages.$inferInsert & { id: string };

/**
 * `queueMail` in two steps, for a caller that must hold a lock briefly: brand the messages (one
 * read) before taking it, insert them under it (decision 043).
 */
export async function prepareMail(
  db: DbOrTx,
  mail: OutgoingMail | OutgoingMail[],
  options: { now?: Date } = {},
): Promise<PreparedMail[]> {
  const list = Array.isArray(mail) ? mail : [mail];
  if (list.length === 0) return [];
  const names = await readOrgNames(db);
  return list
    .map((m) => brandMail(m, names))
    .map((m) => ({
      id: randomUUID(),
      kind: m.kind,
      toAddress: m.to,
      locale: m.locale,
      subject: m.subject,
      text: m.text,
      html: m.html ?? null,
      headers: storedHeaders(m),
      userId: m.userId ?? null,
      subjectId: m.subjectId ?? null,
      ...(options.now ? { createdAt: options.now } : {}),
    }));
}

export async function insertPreparedMail(db: DbOrTx, rows: readonly PreparedMail[]): Promise<string[]> {
  if (rows.length === 0) return [];
  await db.insert(mailMessages).values([...rows]);
  return rows.map((r) => r.id);
}

/** For mail texts: the expiry of a link as the recipient reads it, in the company's time zone (Japan). */
export function formatExpiry(expiresAt: Date, locale: Locale): string {
  const date = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(expiresAt);
  return locale === 'ja' ? `${date}（日本時間）` : `${date} (Japan time)`;
}

/** After commit: one delivery job per message (job data is the id only: no personal values). */
export async function dispatchMail(deps: Pick<AppDeps, 'queue'>, ids: string[]): Promise<void> {
  await deps.queue.sendMany(
    MAIL_DELIVER,
    ids.map((mailId) => ({ mailId })),
  );
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
          ...splitStoredHeaders(message.headers),
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

/** Outbox rows by id (for tests and scripts). */
export async function mailByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(mailMessages).where(inArray(mailMessages.id, ids));
}

/**
 * SQL: the member's current address is deliverable, as far as the outbox knows — the last mail to
 * it that reached an end (sent or bounced) did not bounce. A bounce (SMTP 5xx) means the receiving
 * server refused the address; a later successful send (the address was fixed) lifts it. For
 * mailings a member did not ask for one by one (the digest), so a dead address is not retried
 * every week. Uses mail_messages_user_idx.
 */
export function deliverableAddressSql(userId: AnyColumn, email: AnyColumn): SQL {
  return sql`coalesce((
    select m.status <> 'bounced' from ${mailMessages} m
    where m.user_id = ${userId} and lower(m.to_address) = lower(${email}) and m.status in ('sent', 'bounced')
    order by m.created_at desc limit 1), true)`;
}
