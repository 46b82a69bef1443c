import type { OutboxItem, OutboxMessage } from '../../../common/mail';
import type { CaughtMail } from '../../lib/mail-catcher';
import type { MailRow } from './mail.service';

/** One outbox row for the list: who, what, how it went — not the text. */
export function presentOutboxItem(row: MailRow): OutboxItem {
  return {
    id: row.id,
    kind: row.kind,
    to: row.toAddress,
    locale: row.locale,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    error: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/** One message to read: its text and, with the local catcher, what the SMTP server received. */
export function presentOutboxMessage(row: MailRow, delivered: CaughtMail | undefined): OutboxMessage {
  return {
    ...presentOutboxItem(row),
    text: row.text,
    delivered: delivered ? { receivedAt: delivered.receivedAt.toISOString(), raw: delivered.raw } : null,
  };
}
