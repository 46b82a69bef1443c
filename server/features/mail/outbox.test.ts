import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERRAL_CONSENT_MAIL_KIND } from '#common/mail';
import { createApp } from '#server/app';
import type { Database } from '#server/db/client';
import { mailMessages } from '#server/db/schema/index';
import { resetUrl } from '#server/features/account/account.service';
import { confirmUrl } from '#server/features/freshness/freshness.service';
import { acceptUrl } from '#server/features/invitations/invitations.service';
import { consentUrl } from '#server/features/referrals/referral-mail';
import { fixedClock } from '#server/lib/clock';
import { testEnv } from '#server/lib/env';
import { createLogger } from '#server/lib/logger';
import { createMailer } from '#server/lib/mail';
import { type MailCatcher, startMailCatcher } from '#server/lib/mail-catcher';
import { dispatchMail, queueMail } from '#server/lib/outbox';
import { createQueue, type Queue } from '#server/lib/queue';
import { signedIn } from '#tests/factories/index';
import { createTestApp, createTestDatabase, failOnConsoleError, requestAs } from '#tests/setup';
import { HIDDEN_SECRET, hideSecretLinks } from './mail.presenter';

failOnConsoleError();

// The app as `npm start` runs it in development: real SMTP to the local catcher.
let database: Database;
let catcher: MailCatcher;
let queue: Queue;
let t: { db: Database['db']; request: ReturnType<typeof requestAs> };
const clock = fixedClock('2026-11-24T03:00:00Z');
beforeAll(async () => {
  database = await createTestDatabase();
  catcher = await startMailCatcher({ port: 0 });
  const logger = createLogger('silent');
  queue = createQueue({ raw: database.raw, logger, workers: false });
  const env = testEnv({ SMTP_URL: catcher.url });
  const mailer = createMailer({ smtpUrl: catcher.url, from: env.MAIL_FROM, logger });
  const app = createApp({ db: database.db, env, clock, mailer, queue, logger, mailCatcher: catcher });
  await queue.start();
  t = { db: database.db, request: requestAs(app) };
});
afterAll(async () => {
  await queue.stop();
  await catcher.close();
  await database.close();
});

const invite = (cookie: string, email: string) =>
  t.request('/api/invitations', {
    method: 'POST',
    cookie,
    json: { email, role: 'alumni', locale: 'ja', familyName: '田中', givenName: '一郎' },
  });

describe('GET /api/outbox', () => {
  it('401 signed out; 404 for alumni and employees; 200 for HR and admins', async () => {
    expect((await t.request('/api/outbox')).status).toBe(401);
    for (const role of ['alumni', 'employee', 'leaver'] as const) {
      const member = await signedIn(t, { role });
      expect((await t.request('/api/outbox', { cookie: member.cookie })).status).toBe(404);
      const one = await t.request('/api/outbox/00000000-0000-4000-8000-000000000000', {
        cookie: member.cookie,
      });
      expect(one.status).toBe(404);
    }
    for (const role of ['alumni_manager', 'admin'] as const) {
      const staff = await signedIn(t, { role });
      expect((await t.request('/api/outbox', { cookie: staff.cookie })).status).toBe(200);
    }
  });

  it('400 with per-field messages for a bad filter, cursor or id', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    const res = await t.request('/api/outbox?status=lost&kind=Bad%20Kind', {
      cookie: admin.cookie,
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.fields.status[0]).toContain('queued');
    expect(error.fields.kind).toBeDefined();
    expect((await t.request('/api/outbox?cursor=nonsense', { cookie: admin.cookie })).status).toBe(400);
    expect((await t.request('/api/outbox/not-a-uuid', { cookie: admin.cookie })).status).toBe(400);
    expect((await t.request('/api/outbox?unknown=1', { cookie: admin.cookie })).status).toBe(400);
  });

  it('lists what was sent (HR invitation through real SMTP), filters, and opens the delivered message', async () => {
    const hr = await signedIn(t, { role: 'alumni_manager' });
    expect((await invite(hr.cookie, 'ichiro@example.com')).status).toBe(201);
    expect((await invite(hr.cookie, 'nobody@bounce.invalid')).status).toBe(201);
    await queue.drain();

    const all = await (await t.request('/api/outbox?kind=invitation', { cookie: hr.cookie })).json();
    expect(all.items).toHaveLength(2);
    const sent = all.items.find((m: { to: string }) => m.to === 'ichiro@example.com');
    expect(sent).toMatchObject({
      kind: 'invitation',
      status: 'sent',
      attempts: 1,
      error: null,
      locale: 'ja',
      subject: 'Kizuna アルムナイネットワークへのご招待',
    });
    expect(sent).not.toHaveProperty('text');

    const bounced = await (await t.request('/api/outbox?status=bounced', { cookie: hr.cookie })).json();
    expect(bounced.items).toHaveLength(1);
    expect(bounced.items[0]).toMatchObject({ to: 'nobody@bounce.invalid', status: 'bounced' });
    expect(bounced.items[0].error).toMatch(/550 5\.1\.1/);
    const byAddress = await (await t.request('/api/outbox?q=ICHIRO', { cookie: hr.cookie })).json();
    expect(byAddress.items.map((m: { id: string }) => m.id)).toEqual([sent.id]);

    const one = await (await t.request(`/api/outbox/${sent.id}`, { cookie: hr.cookie })).json();
    expect(one.text).toMatch(/^田中 一郎 様/);
    expect(one.text).toMatch(/http:\/\/localhost:3000\/invite\/[\w-]{40,}/);
    expect(one.linksHidden).toBe(false); // the local catcher: mail never left this machine
    expect(one.delivered.raw).toContain('To: ichiro@example.com');
    expect(one.delivered.raw).toMatch(/Subject: =\?UTF-8\?/i);
    const notDelivered = await (
      await t.request(`/api/outbox/${bounced.items[0].id}`, { cookie: hr.cookie })
    ).json();
    expect(notDelivered.delivered).toBeNull();
    // Not held by the catcher (refused by the server): shown as real mail would be.
    expect(notDelivered.linksHidden).toBe(true);
    expect(notDelivered.text).toContain('/invite/••••••');
  });

  it('pages newest first with a cursor, without gaps or repeats', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    const base = clock.now().getTime();
    for (let i = 0; i < 120; i++) {
      await queueMail(
        t.db,
        { kind: 'paging', to: `p${i}@example.com`, locale: 'en', subject: `Page ${i}`, text: 't' },
        { now: new Date(base - i * 1000) },
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/outbox?kind=paging${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { items: { subject: string }[]; nextCursor: string | null } = await (
        await t.request(query, { cookie: admin.cookie })
      ).json();
      seen.push(...page.items.map((m) => m.subject));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => `Page ${i}`));
    await dispatchMail({ queue }, []); // nothing to send: no error
  });
});

describe('personal links when mail really leaves the machine (no local catcher)', () => {
  const env = testEnv();
  const token = 'tok_ABCdef-123_456789012345678901234567890123';

  it('masks the secret of every link that acts for its recipient, and nothing else', () => {
    const text = [
      `Accept: ${acceptUrl(env, token)}`,
      `Answer: ${consentUrl(env, token)}.`,
      `Confirm (${confirmUrl(env, `${token}.x.y`)})`,
      `Reset: ${resetUrl(env, token)}`,
      `Profile: ${env.BASE_URL}/members/abc/edit?tab=career`,
    ].join('\n');
    const hidden = hideSecretLinks(text);
    expect(hidden).not.toContain('tok_');
    expect(hidden).toBe(
      [
        `Accept: ${env.BASE_URL}/invite/${HIDDEN_SECRET}`,
        `Answer: ${env.BASE_URL}/referral-consent#${HIDDEN_SECRET}.`,
        `Confirm (${env.BASE_URL}/freshness/confirm?token=${HIDDEN_SECRET})`,
        `Reset: ${env.BASE_URL}/reset-password?token=${HIDDEN_SECRET}`,
        `Profile: ${env.BASE_URL}/members/abc/edit?tab=career`,
      ].join('\n'),
    );
  });

  it('HR reads the invitation without its link; the invitee still receives it whole', async () => {
    const app = await createTestApp();
    try {
      const hr = await signedIn(app, { role: 'alumni_manager' });
      const res = await app.request('/api/invitations', {
        method: 'POST',
        cookie: hr.cookie,
        json: {
          email: 'hidden@example.com',
          role: 'alumni',
          locale: 'en',
          familyName: 'Sato',
          givenName: 'Ken',
        },
      });
      expect(res.status).toBe(201);
      const list = await (
        await app.request('/api/outbox?q=hidden@example.com', { cookie: hr.cookie })
      ).json();
      const one = await (await app.request(`/api/outbox/${list.items[0].id}`, { cookie: hr.cookie })).json();
      expect(one.linksHidden).toBe(true);
      expect(one.text).toContain(`${app.env.BASE_URL}/invite/${HIDDEN_SECRET}`);
      const [stored] = await app.db.select().from(mailMessages).where(eq(mailMessages.id, one.id));
      const link = stored?.text.match(/\/invite\/([\w-]{40,})/);
      expect(link).not.toBeNull();
      expect(one.text).not.toContain(link?.[1]);
      expect(JSON.stringify(one)).not.toContain(link?.[1]);
    } finally {
      await app.close();
    }
  });

  it('a referred candidate asked for consent: HR sees neither the address nor the text, nor finds them', async () => {
    const app = await createTestApp();
    try {
      const address = 'quiet.candidate@example.org';
      const secretText = 'SECRET-REASON for Ms Quiet';
      await queueMail(
        app.db,
        {
          kind: REFERRAL_CONSENT_MAIL_KIND,
          to: address,
          locale: 'en',
          subject: 'Asked-for-consent',
          text: secretText,
        },
        { now: app.clock.now() },
      );
      for (const role of ['alumni_manager', 'admin'] as const) {
        const staff = await signedIn(app, { role });
        const bySubject = await (
          await app.request('/api/outbox?q=Asked-for-consent', { cookie: staff.cookie })
        ).json();
        expect(bySubject.items).toHaveLength(1);
        expect(bySubject.items[0]).toMatchObject({ to: HIDDEN_SECRET, recipientHidden: true });
        const byAddress = await (
          await app.request(`/api/outbox?q=${address}`, { cookie: staff.cookie })
        ).json();
        expect(byAddress.items).toEqual([]);
        const res = await app.request(`/api/outbox/${bySubject.items[0].id}`, { cookie: staff.cookie });
        const raw = await res.text();
        expect(raw).not.toContain(address);
        expect(raw).not.toContain('SECRET-REASON');
        expect(JSON.parse(raw)).toMatchObject({ recipientHidden: true, text: '' });
      }
      // Other kinds keep their address (HR invites people it already knows).
      await queueMail(
        app.db,
        { kind: 'invitation', to: 'known@example.org', locale: 'en', subject: 'Invite', text: 'x' },
        { now: app.clock.now() },
      );
      const hr = await signedIn(app, { role: 'alumni_manager' });
      const known = await (
        await app.request('/api/outbox?q=known@example.org', { cookie: hr.cookie })
      ).json();
      expect(known.items[0]).toMatchObject({ to: 'known@example.org', recipientHidden: false });
    } finally {
      await app.close();
    }
  });
});
