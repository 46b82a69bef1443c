import nodemailer from 'nodemailer';
import type { Logger } from './logger';

/** A file sent with a mail (e.g. an event's calendar file, text/calendar). Text content only. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers (e.g. List-Unsubscribe, RFC 8058); the standard ones are the mailer's. */
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
}

export interface Mailer {
  send(message: MailMessage): Promise<{ messageId?: string } | undefined>;
}

/**
 * A refusal by the receiving server (SMTP 5xx, e.g. 550 no such mailbox): retrying cannot help,
 * so the message is `bounced`. Anything else (4xx, connection refused, timeout) is temporary.
 * nodemailer puts the SMTP reply code on the error as `responseCode`.
 */
export function isPermanentMailFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** The text kept in the outbox for a failed attempt (no stack, bounded). */
export function mailErrorText(error: unknown): string {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  const message = error instanceof Error ? error.message : String(error);
  const text = typeof code === 'number' && !message.includes(String(code)) ? `${code} ${message}` : message;
  return text.slice(0, 1000);
}

/**
 * nodemailer over SMTP when SMTP_URL is set (in development server/index.ts points it at the local
 * catcher, server/lib/mail-catcher.ts); otherwise the message is logged, so nothing silently
 * disappears. Queueing, retries and the rate limit are the mail feature's (decision 007).
 */
export function createMailer(options: { smtpUrl?: string; from: string; logger: Logger }): Mailer {
  if (!options.smtpUrl) {
    return {
      async send(message) {
        options.logger.info('mail (not sent: SMTP_URL unset)', { to: message.to, subject: message.subject });
        return undefined;
      },
    };
  }
  // Bounded waits: a send must end well within the outbox claim lease (10 min, outbox.ts),
  // or a second worker could take the message over while this one is still talking.
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({ from: options.from, ...message });
      return { messageId: info.messageId };
    },
  };
}

/** An SMTP-like refusal for tests: `responseCode` as nodemailer sets it. */
export function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * Collects messages in memory; for tests. Like the local catcher, it refuses `*@bounce.invalid`
 * with 550; `failNext` makes the next sends throw (e.g. a 421 or a network error) to test retries.
 */
export function createMemoryMailer(): Mailer & { sent: MailMessage[]; failNext(...errors: Error[]): void } {
  const sent: MailMessage[] = [];
  const failures: Error[] = [];
  return {
    sent,
    failNext(...errors) {
      failures.push(...errors);
    },
    async send(message) {
      const failure = failures.shift();
      if (failure) throw failure;
      if (message.to.toLowerCase().endsWith('@bounce.invalid')) {
        throw smtpError(550, `550 5.1.1 <${message.to}>: Recipient address rejected`);
      }
      sent.push(message);
      return { messageId: `memory-${sent.length}` };
    },
  };
}
