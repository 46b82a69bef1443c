import type { OutboxItem, OutboxMessage } from '#common/mail';
import type { CaughtMail } from '#server/lib/mail-catcher';
import type { MailRow } from '#server/lib/outbox';
import { PRIVATE_RECIPIENT_KINDS } from './mail.policy';

/**
 * Whether the outbox may show this message as it is: only when it never left this machine (the
 * local development catcher holds it). Everything that really went out is shown with its
 * personal parts masked.
 */
export interface OutboxView {
  isLocal: (row: MailRow) => boolean;
}

const isHiddenRecipient = (row: MailRow, view: OutboxView) =>
  PRIVATE_RECIPIENT_KINDS.includes(row.kind) && !view.isLocal(row);

/** One outbox row for the list: who, what, how it went — not the text. */
export function presentOutboxItem(row: MailRow, view: OutboxView): OutboxItem {
  const recipientHidden = isHiddenRecipient(row, view);
  return {
    id: row.id,
    kind: row.kind,
    to: recipientHidden ? HIDDEN_SECRET : row.toAddress,
    locale: row.locale,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    error: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    recipientHidden,
  };
}

export const HIDDEN_SECRET = '••••••';

/**
 * The secret part of every link that acts for its recipient: accepting an invitation
 * (`/invite/<token>`), answering a referral (`/referral-consent#<token>`) and confirming a
 * profile (`/freshness/confirm?token=<token>`). Kept next to the presenter that uses it; the test
 * builds each link with the mail code's own URL builder, so a changed link shape fails there.
 */
const SECRET = String.raw`[\w.~%-]*[\w~%-]`; // URL-safe characters, never ending a sentence's full stop
const SECRET_LINK_PARTS: readonly RegExp[] = [
  new RegExp(String.raw`(\/invite\/)${SECRET}`, 'g'),
  new RegExp(String.raw`(\/referral-consent#)${SECRET}`, 'g'),
  new RegExp(`([?&]token=)${SECRET}`, 'g'),
];

/** The text with the secret part of every personal link replaced by dots. */
export function hideSecretLinks(text: string): string {
  return SECRET_LINK_PARTS.reduce((out, pattern) => out.replace(pattern, `$1${HIDDEN_SECRET}`), text);
}

/**
 * One message to read: its text and, with the local catcher, what the SMTP server received.
 * HR and admins read the outbox, but a personal link lets whoever holds it act as the recipient
 * (take over an invitation, answer for a referred candidate): unless the message never left this
 * machine, those links are masked — and a private recipient's message is withheld entirely.
 */
export function presentOutboxMessage(
  row: MailRow,
  delivered: CaughtMail | undefined,
  view: OutboxView,
): OutboxMessage {
  const item = presentOutboxItem(row, view);
  const local = view.isLocal(row);
  return {
    ...item,
    text: item.recipientHidden ? '' : local ? row.text : hideSecretLinks(row.text),
    linksHidden: !local,
    delivered: delivered ? { receivedAt: delivered.receivedAt.toISOString(), raw: delivered.raw } : null,
  };
}
