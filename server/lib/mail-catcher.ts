import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Logger } from './logger';

/** One message the catcher received over SMTP, as delivered (raw) and parsed. */
export interface CaughtMail {
  id: string;
  /** The Message-ID header (what nodemailer reports as `messageId`). */
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  raw: string;
  receivedAt: Date;
}

export interface MailCatcher {
  /** smtp://127.0.0.1:<port>: give it to the mailer as SMTP_URL. */
  url: string;
  port: number;
  /** Newest first, at most `limit`. */
  messages(): CaughtMail[];
  findByMessageId(messageId: string): CaughtMail | undefined;
  close(): Promise<void>;
}

/** Recipients at this domain are refused with 550, so a bounce can be shown in development. */
export const BOUNCE_DOMAIN = 'bounce.invalid';
const MAX_SIZE = 5 * 1024 * 1024;

/**
 * A local SMTP server that keeps what it receives in memory (the last `limit` messages), for
 * development and tests: the app sends real SMTP to it, and the admin outbox shows the raw message
 * that arrived. It never relays anything. Listens on 127.0.0.1 only; port 0 = a free port.
 */
export async function startMailCatcher(
  options: { port?: number; limit?: number; logger?: Logger } = {},
): Promise<MailCatcher> {
  const limit = options.limit ?? 500;
  const caught: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on the loopback interface: no certificate to manage for a development catcher.
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: MAX_SIZE,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().endsWith(`@${BOUNCE_DOMAIN}`)) {
        const error = Object.assign(new Error('5.1.1 Mailbox does not exist'), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            caught.unshift({
              id: randomUUID(),
              messageId: parsed.messageId ?? null,
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              raw,
              receivedAt: new Date(),
            });
            if (caught.length > limit) caught.length = limit;
            callback();
          })
          .catch((error: unknown) => {
            options.logger?.warn('mail catcher could not parse a message', { error: String(error) });
            callback(error instanceof Error ? error : new Error(String(error)));
          });
      });
    },
  });
  server.on('error', (error) => options.logger?.warn('mail catcher error', { error: String(error) }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages: () => [...caught],
    findByMessageId: (messageId) => caught.find((m) => m.messageId === messageId),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
