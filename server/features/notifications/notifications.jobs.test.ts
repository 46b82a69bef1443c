import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages, notifications, users } from '#server/db/schema';
import { fixedClock } from '#server/lib/clock';
import { createTestMember } from '#tests/factories/index';
import { notifyTest } from '#tests/factories/notifications';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import {
  NOTIFICATIONS_MAIL_JOB,
  notificationMail,
  runNotificationMail,
  scheduleNotificationMail,
} from './notifications.jobs';

failOnConsoleError();
const clock = fixedClock('2026-12-07T03:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const mailTo = (userId: string) => t.db.select().from(mailMessages).where(eq(mailMessages.userId, userId));

describe('the e-mail channel', () => {
  it('mails e-mail rows once per member and run, in their language; leaves in-app and digest rows', async () => {
    const actor = await createTestMember(t, { role: 'employee', canSignIn: false });
    const ja = await createTestMember(t, { role: 'employee', canSignIn: false, locale: 'ja' });
    const en = await createTestMember(t, { role: 'employee', canSignIn: false, locale: 'en' });
    const now = clock.now();
    // mention defaults to email; reaction to in_app; the digest is chosen through a preference.
    await notifyTest(t.db, now, {
      userIds: [ja.id, en.id],
      type: 'mention',
      actorId: actor.id,
      data: { title: '<b>Q3 results</b>' },
    });
    await notifyTest(t.db, now, {
      userIds: [ja.id, en.id],
      type: 'group_invite',
      actorId: actor.id,
      data: { groupName: 'Kansai' },
    });
    await notifyTest(t.db, now, { userIds: [ja.id], type: 'reaction', actorId: actor.id });
    const digestRow = randomUUID();
    await t.db.insert(notifications).values({
      id: digestRow,
      userId: en.id,
      type: 'post_comment',
      threadKey: 'post:d',
      link: '/posts/d',
      channel: 'digest',
      createdAt: now,
    });

    const result = await runNotificationMail(t);
    expect(result.mailed).toBeGreaterThanOrEqual(2);
    const [jaMail] = await mailTo(ja.id);
    const [enMail] = await mailTo(en.id);
    expect((await mailTo(ja.id)).length).toBe(1);
    expect(jaMail?.kind).toBe('notification');
    expect(jaMail?.subject).toContain('新しいお知らせが 2 件');
    expect(jaMail?.text).toContain('「<b>Q3 results</b>」であなたをメンションしました');
    expect(jaMail?.text).toContain('/settings/notifications');
    expect(enMail?.subject).toContain('2 new notifications');
    expect(enMail?.text).toContain('invited you to the group “Kansai”');
    expect(enMail?.text).not.toContain('{');

    const rows = await t.db
      .select()
      .from(notifications)
      .where(inArray(notifications.userId, [ja.id, en.id]));
    for (const row of rows) {
      if (row.channel === 'email') expect(row.mailedAt).not.toBeNull();
      else expect(row.mailedAt, row.channel).toBeNull();
    }
    // A second run has nothing to send.
    expect(await runNotificationMail(t)).toEqual({ members: 0, mailed: 0 });
  });

  it('a deactivated member or a bounced address gets no mail, and the rows are marked', async () => {
    const gone = await createTestMember(t, { role: 'employee', canSignIn: false });
    const bouncing = await createTestMember(t, { role: 'employee', canSignIn: false });
    const now = clock.now();
    await notifyTest(t.db, now, { userIds: [gone.id, bouncing.id], type: 'mention' });
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, gone.id));
    await t.db.insert(mailMessages).values({
      id: randomUUID(),
      kind: 'invitation',
      toAddress: bouncing.email,
      locale: 'en',
      subject: 's',
      text: 't',
      status: 'bounced',
      createdAt: now,
    });
    await runNotificationMail(t);
    expect(await mailTo(gone.id)).toHaveLength(0);
    expect((await mailTo(bouncing.id)).filter((m) => m.kind === 'notification')).toHaveLength(0);
    const rows = await t.db
      .select()
      .from(notifications)
      .where(inArray(notifications.userId, [gone.id, bouncing.id]));
    expect(rows.every((r) => r.mailedAt !== null)).toBe(true);
  });

  it('runs as the queued job (schedule helper) and the mail is delivered', async () => {
    const member = await createTestMember(t, { role: 'employee', canSignIn: false, locale: 'en' });
    await notifyTest(t.db, clock.now(), { userIds: [member.id], type: 'mention', data: { title: 'Launch' } });
    await scheduleNotificationMail(t.queue);
    await t.queue.drain({ names: [NOTIFICATIONS_MAIL_JOB, 'mail.deliver'] });
    const sent = t.mailer.sent.filter((m) => m.to === member.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toBe('Kizuna: Someone mentioned you in “Launch”');
  });

  it('caps the lines of one mail', () => {
    const mail = notificationMail({
      to: 'a@example.com',
      locale: 'en',
      name: 'Aiko',
      userId: 'u',
      baseUrl: 'https://kizuna.example',
      items: Array.from({ length: 13 }, (_, i) => ({
        type: 'post_comment' as const,
        link: `/posts/${i}`,
        data: { title: `Post ${i}` },
        actorName: 'Ken',
      })),
    });
    expect(mail.text).toContain('…and 3 more on Kizuna.');
    expect(mail.text).toContain('https://kizuna.example/posts/9');
    expect(mail.text).not.toContain('https://kizuna.example/posts/10');
  });
});
