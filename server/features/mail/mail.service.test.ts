import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#server/app';
import { mailMessages } from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { testEnv } from '#server/lib/env';
import { createLogger } from '#server/lib/logger';
import { createMailer, isPermanentMailFailure, type MailMessage, smtpError } from '#server/lib/mail';
import { startMailCatcher } from '#server/lib/mail-catcher';
import { dispatchMail, findStrandedMail, MAIL_MAX_ATTEMPTS, MAIL_SWEEP, queueMail } from '#server/lib/outbox';
import { createQueue } from '#server/lib/queue';
import { createTestApp, createTestDatabase, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let n = 0;
async function outbox(to?: string) {
  n += 1;
  const [id] = await queueMail(
    t.db,
    {
      kind: 'test',
      to: to ?? `person${n}@example.com`,
      locale: 'en',
      subject: `Hello ${n}`,
      text: `Body ${n}`,
    },
    { now: t.clock.now() },
  );
  return id as string;
}
const row = async (id: string) => {
  const [r] = await t.db.select().from(mailMessages).where(eq(mailMessages.id, id));
  return r as typeof mailMessages.$inferSelect;
};
const sentTo = (to: string) => t.mailer.sent.filter((m) => m.to === to).length;
/** Makes jobs waiting for a retry due now (pg-boss schedules them on the database clock). */
const retryNow = () =>
  t.database.raw.query(
    "update pgboss.job set start_after = now() - interval '1 minute' where name = 'mail.deliver' and state = 'retry'",
  );

describe('mail.deliver', () => {
  it('sends a queued message once and records it', async () => {
    const id = await outbox('once@example.com');
    expect((await row(id)).status).toBe('queued');
    await dispatchMail(t, [id]);
    await t.queue.drain();
    const sent = await row(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(sent.providerMessageId).toMatch(/^memory-/);
    expect(sent.sentAt?.toISOString()).toBe(t.clock.now().toISOString());
    expect(sentTo('once@example.com')).toBe(1);
  });

  it('re-dispatching a message (twice, and after it was sent) never sends it again', async () => {
    const id = await outbox('twice@example.com');
    await dispatchMail(t, [id, id]);
    await dispatchMail(t, [id]);
    await t.queue.drain();
    await dispatchMail(t, [id]);
    await t.queue.drain();
    expect(sentTo('twice@example.com')).toBe(1);
    expect((await row(id)).attempts).toBe(1);
  });

  it('a temporary failure (4xx) is retried with backoff, then sent', async () => {
    const id = await outbox('retry@example.com');
    t.mailer.failNext(smtpError(421, '421 4.7.0 Try again later'));
    await dispatchMail(t, [id]);
    await t.queue.drain();
    expect(await row(id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: '421 4.7.0 Try again later',
    });
    const { rows } = await t.database.raw.query(
      "select start_after > now() as later from pgboss.job where name = 'mail.deliver' and state = 'retry'",
    );
    expect(rows).toEqual([{ later: true }]); // backoff: not due yet
    expect(await t.queue.drain()).toBe(0);
    await retryNow();
    await t.queue.drain();
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(sentTo('retry@example.com')).toBe(1);
  });

  it('a network error on every attempt ends as failed after the last retry', async () => {
    const id = await outbox('down@example.com');
    t.mailer.failNext(
      ...Array.from({ length: MAIL_MAX_ATTEMPTS }, () =>
        Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:25'), { code: 'ECONNECTION' }),
      ),
    );
    await dispatchMail(t, [id]);
    for (let i = 0; i < MAIL_MAX_ATTEMPTS + 2; i++) {
      await t.queue.drain();
      await retryNow();
    }
    expect(await row(id)).toMatchObject({
      status: 'failed',
      attempts: MAIL_MAX_ATTEMPTS,
      lastError: 'connect ECONNREFUSED 10.0.0.1:25',
    });
    expect(sentTo('down@example.com')).toBe(0);
  });

  it('an SMTP 5xx refusal is a bounce at once: no retry', async () => {
    const id = await outbox('gone@bounce.invalid');
    await dispatchMail(t, [id]);
    await t.queue.drain();
    await retryNow();
    expect(await t.queue.drain()).toBe(0);
    const bounced = await row(id);
    expect(bounced).toMatchObject({ status: 'bounced', attempts: 1 });
    expect(bounced.lastError).toMatch(/^550 /);
  });
});

describe('mail.sweep', () => {
  it('re-dispatches a message whose job was lost, but not one being sent right now', async () => {
    const lost = await outbox('lost@example.com'); // queued, never dispatched (crash after commit)
    const busy = await outbox('busy@example.com');
    // Another worker claimed `busy` a minute ago and is talking to the SMTP server.
    await t.db
      .update(mailMessages)
      .set({ status: 'sending', attempts: 1, claimedAt: new Date(t.clock.now().getTime() + 5 * 60_000) })
      .where(eq(mailMessages.id, busy));
    t.clock.advance(6 * 60_000);
    try {
      const stranded = await findStrandedMail(t);
      expect(stranded).toContain(lost);
      expect(stranded).not.toContain(busy);
      await t.queue.send(MAIL_SWEEP, {});
      await t.queue.drain();
      expect(await row(lost)).toMatchObject({ status: 'sent' });
      expect(sentTo('lost@example.com')).toBe(1);
      // Even a direct re-dispatch does not steal a fresh claim.
      await dispatchMail(t, [busy]);
      await t.queue.drain();
      expect(await row(busy)).toMatchObject({ status: 'sending', attempts: 1 });
      expect(sentTo('busy@example.com')).toBe(0);

      // The claim outlives its lease: that worker died mid-send; the sweeper delivers it.
      t.clock.advance(11 * 60_000);
      expect(await findStrandedMail(t)).toContain(busy);
      await t.queue.send(MAIL_SWEEP, {});
      await t.queue.drain();
      expect(await row(busy)).toMatchObject({ status: 'sent', attempts: 2 });
      expect(sentTo('busy@example.com')).toBe(1);
    } finally {
      t.clock.advance(-17 * 60_000);
    }
  });

  it('leaves a message waiting for its retry alone until the retry is overdue', async () => {
    const id = await outbox('waiting@example.com');
    t.mailer.failNext(smtpError(451, '451 Temporary local problem'));
    await dispatchMail(t, [id]);
    await t.queue.drain();
    t.clock.advance(10 * 60_000);
    try {
      expect(await findStrandedMail(t)).not.toContain(id);
      t.clock.advance(25 * 60_000);
      expect(await findStrandedMail(t)).toContain(id);
    } finally {
      t.clock.advance(-35 * 60_000);
    }
  });
});

describe('rate limit', () => {
  it('the worker sends at most MAIL_RATE_PER_SECOND messages per second', async () => {
    const database = await createTestDatabase();
    const times: number[] = [];
    const mailer = {
      async send(_message: MailMessage) {
        times.push(Date.now());
        return { messageId: `m${times.length}` };
      },
    };
    const logger = createLogger('silent');
    const queue = createQueue({ raw: database.raw, logger, workers: true });
    createApp({
      db: database.db,
      env: testEnv({ MAIL_RATE_PER_SECOND: 3 }),
      clock: fixedClock('2026-11-24T03:00:00Z'),
      mailer,
      queue,
      logger,
    });
    await queue.start();
    try {
      const ids = await queueMail(
        database.db,
        Array.from({ length: 7 }, (_, i) => ({
          kind: 'test',
          to: `rate${i}@example.com`,
          locale: 'en' as const,
          subject: 's',
          text: 't',
        })),
      );
      await dispatchMail({ queue }, ids);
      await expect.poll(() => times.length, { timeout: 15_000, interval: 100 }).toBe(7);
      times.sort((a, b) => a - b);
      // Any 4 consecutive sends span at least (almost) a second: never 4 within one second.
      for (let i = 3; i < times.length; i++) {
        expect((times[i] as number) - (times[i - 3] as number)).toBeGreaterThanOrEqual(850);
      }
    } finally {
      await queue.stop();
      await database.close();
    }
  });
});

describe('SMTP through the local catcher', () => {
  it('delivers real SMTP, keeps the raw message, refuses *@bounce.invalid with 550', async () => {
    const catcher = await startMailCatcher({ port: 0 });
    try {
      const mailer = createMailer({
        smtpUrl: catcher.url,
        from: 'Kizuna <no-reply@kizuna.local>',
        logger: createLogger('silent'),
      });
      const info = await mailer.send({
        to: 'catch@example.com',
        subject: 'Kizuna へのご招待',
        text: '佐藤 様\n\nhttp://localhost:3000/invite/abc',
      });
      const caught = catcher.findByMessageId(info?.messageId as string);
      expect(caught).toMatchObject({ to: ['catch@example.com'], subject: 'Kizuna へのご招待' });
      expect(caught?.text).toContain('佐藤 様');
      expect(caught?.raw).toMatch(/^Content-Type: text\/plain; charset=utf-8/im);
      expect(caught?.raw).toContain('Message-ID:');
      expect(catcher.messages()).toHaveLength(1);

      const bounce = await mailer.send({ to: 'x@bounce.invalid', subject: 's', text: 't' }).catch((e) => e);
      expect(bounce).toBeInstanceOf(Error);
      expect(bounce.responseCode).toBe(550);
      expect(isPermanentMailFailure(bounce)).toBe(true);
      expect(catcher.messages()).toHaveLength(1);
    } finally {
      await catcher.close();
    }
    // Nobody listening any more: a temporary failure, to be retried.
    const down = await createMailer({ smtpUrl: catcher.url, from: 'a@b.c', logger: createLogger('silent') })
      .send({ to: 'a@example.com', subject: 's', text: 't' })
      .catch((e) => e);
    expect(down).toBeInstanceOf(Error);
    expect(isPermanentMailFailure(down)).toBe(false);
  });

  it('keeps only the newest messages', async () => {
    const catcher = await startMailCatcher({ port: 0, limit: 2 });
    try {
      const mailer = createMailer({ smtpUrl: catcher.url, from: 'a@b.c', logger: createLogger('silent') });
      for (const i of [1, 2, 3]) await mailer.send({ to: `k${i}@example.com`, subject: `s${i}`, text: 't' });
      expect(catcher.messages().map((m) => m.subject)).toEqual(['s3', 's2']);
    } finally {
      await catcher.close();
    }
  });
});

describe('outbox rows', () => {
  it('are written in the caller transaction: a rollback leaves no mail', async () => {
    await t.db
      .transaction(async (tx) => {
        await queueMail(tx, {
          kind: 'test',
          to: 'rolled@example.com',
          locale: 'ja',
          subject: 's',
          text: 't',
        });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    const [count] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(mailMessages)
      .where(eq(mailMessages.toAddress, 'rolled@example.com'));
    expect(count?.n).toBe(0);
  });
});
