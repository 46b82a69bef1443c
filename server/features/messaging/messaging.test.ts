import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ConversationDetail,
  ConversationList,
  Message,
  MessagePage,
  PeopleReportDetail,
  PeopleReportQueue,
  Sent,
} from '#common/messaging';
import {
  auditEvents,
  blocks,
  connections,
  conversationParticipants,
  mailMessages,
  messages,
  notificationPreferences,
} from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { MESSAGE_MAIL_DELAY_MS, runMessageMail } from './messaging.jobs';

failOnConsoleError();
const clock = fixedClock('2026-11-24T03:00:00Z');
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let hr: Session;
let ann: Session;
let ben: Session;
let cat: Session;
let stranger: Session;
const MISSING = '00000000-0000-4000-8000-000000000000';

const call = (method: string, path: string, cookie?: string, json?: unknown, lang = 'en') =>
  t.request(path, { method, cookie, json, headers: { 'accept-language': lang } });
const expectStatus = async (res: Response, status: number) => {
  expect(res.status, await res.clone().text()).toBe(status);
  return res;
};
const jsonOf = async <T>(res: Response, status = 200) =>
  (await (await expectStatus(res, status)).json()) as T;
const fieldsOf = async (res: Response) =>
  ((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields;
const connect = async (a: string, b: string) => {
  await t.db.insert(connections).values([
    { userId: a, otherId: b },
    { userId: b, otherId: a },
  ]);
};
const start = (from: Session, to: string[], body = 'Hello!', extra: Record<string, unknown> = {}) =>
  call('POST', '/api/conversations', from.cookie, { participantIds: to, body, ...extra });
const tick = (ms = 1000) => clock.set(new Date(clock.now().getTime() + ms));

beforeAll(async () => {
  t = await createTestApp({ clock });
  hr = await signedIn(t, { role: 'alumni_manager' });
  ann = await signedIn(t, { role: 'alumni', profile: { leftOn: '2020-03-31' } });
  ben = await signedIn(t, { role: 'alumni', profile: { leftOn: '2019-03-31' } });
  cat = await signedIn(t, { role: 'employee' });
  stranger = await signedIn(t, { role: 'alumni', profile: { leftOn: '2018-03-31' } });
  await connect(ann.member.id, ben.member.id);
  await connect(ann.member.id, cat.member.id);
});
afterAll(() => t.close());

describe('starting a conversation', () => {
  it('401 anonymous; 400 empty, oversized, oneself, too many — in the reader’s language', async () => {
    expect((await start({ cookie: undefined } as unknown as Session, [ben.member.id])).status).toBe(401);
    expect((await call('GET', '/api/conversations')).status).toBe(401);
    const empty = await expectStatus(await start(ann, [ben.member.id], '   '), 400);
    expect((await fieldsOf(empty)).body?.[0]).toBeTruthy();
    const big = await expectStatus(await start(ann, [ben.member.id], 'x'.repeat(4001)), 400);
    expect((await fieldsOf(big)).body).toEqual(
      ['Must be at most 4000 characters.'].map(() => expect.any(String)),
    );
    const self = await expectStatus(await start(ann, [ann.member.id]), 400);
    expect((await fieldsOf(self)).participantIds).toEqual(['You cannot start a conversation with yourself.']);
    const selfJa = await expectStatus(
      await call(
        'POST',
        '/api/conversations',
        ann.cookie,
        { participantIds: [ann.member.id], body: 'x' },
        'ja',
      ),
      400,
    );
    expect((await fieldsOf(selfJa)).participantIds).toEqual(['自分自身とのメッセージは始められません。']);
    const many = Array.from({ length: 20 }, (_, i) => `user-${i}`);
    expect((await fieldsOf(await expectStatus(await start(ann, many), 400))).participantIds).toBeTruthy();
    expect(await t.db.select().from(messages)).toHaveLength(0);
  });

  it('a member writes to connections only (400 otherwise); unknown members are 404', async () => {
    const res = await expectStatus(await start(ann, [stranger.member.id]), 400);
    expect((await fieldsOf(res)).participantIds).toEqual([
      'You can write to your connections. Connect with this member first.',
    ]);
    await expectStatus(await start(ann, ['no-such-member']), 404);
  });

  it('opens one direct conversation per pair; a double-click stores the message once', async () => {
    const first = await jsonOf<Sent>(await start(ann, [ben.member.id], 'Hi Ben'), 201);
    const again = await jsonOf<Sent>(await start(ann, [ben.member.id], 'Hi Ben'), 201);
    expect(again.conversationId).toBe(first.conversationId);
    expect(again.message.id).toBe(first.message.id);
    const stored = await t.db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, first.conversationId));
    expect(stored).toHaveLength(1);
    tick();
    const fromBen = await jsonOf<Sent>(await start(ben, [ann.member.id], 'Hi Ann'), 201);
    expect(fromBen.conversationId).toBe(first.conversationId);
  });

  it('HR writes to anyone (origin hr); a blocked member is 404 either way', async () => {
    const sent = await jsonOf<Sent>(await start(hr, [stranger.member.id], 'From the alumni office'), 201);
    const detail = await jsonOf<ConversationDetail>(
      await call('GET', `/api/conversations/${sent.conversationId}`, stranger.cookie),
    );
    expect(detail.origin).toBe('hr');
    await t.db.insert(blocks).values({ blockerId: cat.member.id, blockedId: ann.member.id });
    await expectStatus(await start(ann, [cat.member.id]), 404);
    await expectStatus(await start(cat, [ann.member.id]), 404);
    await t.db.delete(blocks).where(eq(blocks.blockerId, cat.member.id));
  });
});

describe('a conversation', () => {
  let id: string;
  beforeAll(async () => {
    tick();
    id = (await jsonOf<Sent>(await start(ann, [cat.member.id], 'Lunch next week?'), 201)).conversationId;
  });

  it('lists mine with unread counts and the badge total; marks read', async () => {
    const list = await jsonOf<ConversationList>(await call('GET', '/api/conversations', cat.cookie));
    const item = list.items.find((c) => c.id === id);
    expect(item).toMatchObject({ unreadCount: 1, lastMessage: 'Lunch next week?', kind: 'direct' });
    expect(item?.participants.map((p) => p.id)).toEqual([ann.member.id]);
    expect(list.totalUnread).toBe(1);
    expect(
      (await jsonOf<{ totalUnread: number }>(await call('GET', '/api/conversations/unread', cat.cookie)))
        .totalUnread,
    ).toBe(1);
    tick();
    await jsonOf(await call('POST', `/api/conversations/${id}/read`, cat.cookie));
    expect(
      (await jsonOf<{ totalUnread: number }>(await call('GET', '/api/conversations/unread', cat.cookie)))
        .totalUnread,
    ).toBe(0);
  });

  it('reads a thread newest last and walks back by keyset', async () => {
    for (let i = 0; i < 55; i++) {
      tick(2500); // under the rate limit (30 a minute)
      await expectStatus(
        await call('POST', `/api/conversations/${id}/messages`, cat.cookie, { body: `n${i}` }),
        201,
      );
    }
    const page = await jsonOf<MessagePage>(
      await call('GET', `/api/conversations/${id}/messages`, ann.cookie),
    );
    expect(page.items).toHaveLength(50);
    expect(page.items.at(-1)?.body).toBe('n54');
    expect(page.items.at(-1)?.isMine).toBe(false);
    const older = await jsonOf<MessagePage>(
      await call(
        'GET',
        `/api/conversations/${id}/messages?before=${encodeURIComponent(page.olderCursor ?? '')}`,
        ann.cookie,
      ),
    );
    expect(older.items.map((m) => m.body)).toEqual(['Lunch next week?', 'n0', 'n1', 'n2', 'n3', 'n4']);
    expect(older.olderCursor).toBeNull();
    await expectStatus(
      await call('GET', `/api/conversations/${id}/messages?before=nonsense`, ann.cookie),
      400,
    );
  });

  it('is 404 for anyone else — another member, HR — and for a missing id', async () => {
    for (const who of [ben, hr, stranger]) {
      await expectStatus(await call('GET', `/api/conversations/${id}`, who.cookie), 404);
      await expectStatus(await call('GET', `/api/conversations/${id}/messages`, who.cookie), 404);
      await expectStatus(
        await call('POST', `/api/conversations/${id}/messages`, who.cookie, { body: 'x' }),
        404,
      );
    }
    await expectStatus(await call('GET', `/api/conversations/${MISSING}`, ann.cookie), 404);
    await expectStatus(await call('GET', '/api/conversations/not-a-uuid', ann.cookie), 400);
  });

  it('mutes (out of the badge) and leaves (404 to read or write afterwards)', async () => {
    tick();
    await call('POST', `/api/conversations/${id}/messages`, cat.cookie, { body: 'ping' });
    const muted = await jsonOf<ConversationDetail>(
      await call('PUT', `/api/conversations/${id}/mute`, ann.cookie, { muted: true }),
    );
    expect(muted.muted).toBe(true);
    const list = await jsonOf<ConversationList>(await call('GET', '/api/conversations', ann.cookie));
    expect(list.items.find((c) => c.id === id)?.unreadCount).toBeGreaterThan(0);
    expect(list.totalUnread).toBe(list.items.filter((c) => !c.muted).reduce((s, c) => s + c.unreadCount, 0));
    await expectStatus(await call('POST', `/api/conversations/${id}/leave`, cat.cookie), 204);
    await expectStatus(
      await call('POST', `/api/conversations/${id}/messages`, cat.cookie, { body: 'still here?' }),
      404,
    );
    await expectStatus(await call('GET', `/api/conversations/${id}`, cat.cookie), 404);
  });
});

describe('the first-message limit', () => {
  it('a member no longer connected sends one message until the other replies', async () => {
    const dan = await signedIn(t, { role: 'alumni', profile: { leftOn: '2021-03-31' } });
    await connect(ben.member.id, dan.member.id);
    tick();
    const { conversationId } = await jsonOf<Sent>(await start(ben, [dan.member.id], 'First'), 201);
    // Dan never replied; they are no longer connected.
    await t.db.delete(connections).where(eq(connections.userId, ben.member.id));
    await t.db.delete(connections).where(eq(connections.otherId, ben.member.id));
    tick();
    const res = await expectStatus(
      await call('POST', `/api/conversations/${conversationId}/messages`, ben.cookie, { body: 'Second' }),
      409,
    );
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/once they reply/);
    const detail = await jsonOf<ConversationDetail>(
      await call('GET', `/api/conversations/${conversationId}`, ben.cookie),
    );
    expect(detail).toMatchObject({ canWrite: false, writeBlockedReason: 'awaiting_reply' });
    tick();
    await expectStatus(
      await call('POST', `/api/conversations/${conversationId}/messages`, dan.cookie, { body: 'Reply' }),
      201,
    );
    tick();
    await expectStatus(
      await call('POST', `/api/conversations/${conversationId}/messages`, ben.cookie, { body: 'Second' }),
      201,
    );
    await connect(ann.member.id, ben.member.id).catch(() => undefined);
  });
});

describe('live delivery (server-sent events)', () => {
  it('delivers a new message to the other participant’s stream only, and replays after Last-Event-ID', async () => {
    await expectStatus(await call('GET', '/api/conversations/stream'), 401);
    const eve = await signedIn(t, { role: 'alumni', profile: { leftOn: '2022-03-31' } });
    const fay = await signedIn(t, { role: 'alumni', profile: { leftOn: '2022-03-31' } });
    await connect(eve.member.id, fay.member.id);
    tick();
    const { conversationId } = await jsonOf<Sent>(await start(eve, [fay.member.id], 'opening'), 201);
    const open = async (who: Session, lastEventId?: string) => {
      const controller = new AbortController();
      const res = await t.app.request('/api/conversations/stream', {
        headers: { cookie: who.cookie, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
        signal: controller.signal,
      });
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      let buffer = '';
      const next = async (event: string, timeoutMs = 3000) => {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const blocks = buffer.split('\n\n');
          const complete = blocks.slice(0, -1);
          const at = complete.findIndex((b) => b.split('\n').includes(`event: ${event}`));
          if (at >= 0) {
            const block = complete[at] ?? '';
            buffer = blocks.slice(at + 1).join('\n\n');
            const field = (name: string) =>
              block
                .split('\n')
                .find((line) => line.startsWith(`${name}: `))
                ?.slice(name.length + 2) ?? null;
            return { id: field('id'), data: JSON.parse(field('data') ?? 'null') };
          }
          if (Date.now() > deadline) return null;
          const chunk = await Promise.race([
            reader.read(),
            new Promise<null>((r) => setTimeout(() => r(null), Math.max(1, deadline - Date.now()))),
          ]);
          if (!chunk || chunk.done) return null;
          buffer += new TextDecoder().decode(chunk.value);
        }
      };
      expect(await next('ready')).not.toBeNull();
      return { next, close: () => controller.abort() };
    };
    const fayStream = await open(fay);
    const outsider = await open(ann);
    tick();
    const sent = await jsonOf<Message>(
      await call('POST', `/api/conversations/${conversationId}/messages`, eve.cookie, { body: 'live!' }),
      201,
    );
    const got = await fayStream.next('message');
    expect(got?.data).toMatchObject({
      conversationId,
      message: { id: sent.id, body: 'live!', isMine: false },
    });
    expect(await outsider.next('message', 300)).toBeNull();
    fayStream.close();
    outsider.close();
    // A reconnect with Last-Event-ID gets what it missed.
    tick();
    await call('POST', `/api/conversations/${conversationId}/messages`, eve.cookie, { body: 'while away' });
    const again = await open(fay, got?.id ?? undefined);
    expect((await again.next('message'))?.data.message.body).toBe('while away');
    again.close();
  });
});

describe('the batched e-mail', () => {
  it('one mail per conversation after a few minutes, none again until read; muted and off send nothing', async () => {
    const gil = await signedIn(t, { role: 'alumni', profile: { leftOn: '2022-03-31' } });
    const hal = await signedIn(t, { role: 'alumni', profile: { leftOn: '2022-03-31' } });
    const ivy = await signedIn(t, { role: 'alumni', profile: { leftOn: '2022-03-31' } });
    await connect(gil.member.id, hal.member.id);
    await connect(gil.member.id, ivy.member.id);
    await t.db
      .insert(notificationPreferences)
      .values({ userId: ivy.member.id, type: 'message', channel: 'off' });
    tick();
    const { conversationId } = await jsonOf<Sent>(await start(gil, [hal.member.id], 'one'), 201);
    await jsonOf<Sent>(await start(gil, [ivy.member.id], 'to ivy'), 201);
    tick();
    await call('POST', `/api/conversations/${conversationId}/messages`, gil.cookie, { body: 'two' });
    const mailsTo = (email: string) =>
      t.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    await runMessageMail(t);
    expect(await mailsTo(hal.member.email)).toHaveLength(0); // not yet: a few minutes first
    tick(MESSAGE_MAIL_DELAY_MS + 1000);
    await runMessageMail(t);
    await runMessageMail(t);
    const mails = await mailsTo(hal.member.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/2/);
    expect(mails[0]?.text).toContain(`/messages/${conversationId}`);
    expect(mails[0]?.text).not.toContain('two');
    expect(await mailsTo(ivy.member.email)).toHaveLength(0);
    // More messages: no second mail until Hal reads.
    tick();
    await call('POST', `/api/conversations/${conversationId}/messages`, gil.cookie, { body: 'three' });
    tick(MESSAGE_MAIL_DELAY_MS + 1000);
    await runMessageMail(t);
    expect(await mailsTo(hal.member.email)).toHaveLength(1);
    await call('POST', `/api/conversations/${conversationId}/read`, hal.cookie);
    tick();
    await call('POST', `/api/conversations/${conversationId}/messages`, gil.cookie, { body: 'four' });
    await call('PUT', `/api/conversations/${conversationId}/mute`, hal.cookie, { muted: true });
    tick(MESSAGE_MAIL_DELAY_MS + 1000);
    await runMessageMail(t);
    expect(await mailsTo(hal.member.email)).toHaveLength(1);
    await call('PUT', `/api/conversations/${conversationId}/mute`, hal.cookie, { muted: false });
    await runMessageMail(t);
    expect(await mailsTo(hal.member.email)).toHaveLength(2);
  });
});

describe('reporting a message, and HR’s review', () => {
  it('a participant reports; HR reads the conversation only through the report, audited; then acts', async () => {
    tick();
    const { conversationId, message } = await jsonOf<Sent>(await start(hr, [ben.member.id], 'HR hello'), 201);
    tick();
    const bad = await jsonOf<Message>(
      await call('POST', `/api/conversations/${conversationId}/messages`, ben.cookie, { body: 'rude words' }),
      201,
    );
    // bad input, anonymous, not a participant, own message
    await expectStatus(
      await call('POST', `/api/messages/${bad.id}/report`, hr.cookie, { category: 'nope' }),
      400,
    );
    await expectStatus(
      await call('POST', `/api/messages/${bad.id}/report`, undefined, { category: 'spam' }),
      401,
    );
    await expectStatus(
      await call('POST', `/api/messages/${bad.id}/report`, stranger.cookie, { category: 'spam' }),
      404,
    );
    await expectStatus(
      await call('POST', `/api/messages/${message.id}/report`, hr.cookie, { category: 'spam' }),
      400,
    );

    // Ann and Ben's conversation: HR cannot read it, until a report.
    const annBen = (
      await jsonOf<ConversationList>(await call('GET', '/api/conversations', ann.cookie))
    ).items.find((c) => c.participants.some((p) => p.id === ben.member.id));
    expect(annBen).toBeDefined();
    await expectStatus(await call('GET', `/api/conversations/${annBen?.id}/messages`, hr.cookie), 404);
    const page = await jsonOf<MessagePage>(
      await call('GET', `/api/conversations/${annBen?.id}/messages`, ann.cookie),
    );
    const fromBen = page.items.find((m) => !m.isMine);
    const ack = await jsonOf<{ id: string }>(
      await call('POST', `/api/messages/${fromBen?.id}/report`, ann.cookie, {
        category: 'harassment',
        note: 'not ok',
      }),
      201,
    );
    const twice = await jsonOf<{ id: string }>(
      await call('POST', `/api/messages/${fromBen?.id}/report`, ann.cookie, { category: 'harassment' }),
      201,
    );
    expect(twice.id).toBe(ack.id);

    // The queue: HR only.
    await expectStatus(await call('GET', '/api/admin/people-reports', ann.cookie), 404);
    await expectStatus(await call('GET', '/api/admin/people-reports'), 401);
    await expectStatus(await call('GET', `/api/admin/people-reports/${ack.id}`, ann.cookie), 404);
    const queue = await jsonOf<PeopleReportQueue>(await call('GET', '/api/admin/people-reports', hr.cookie));
    expect(queue.items.map((r) => r.id)).toContain(ack.id);
    expect(queue.counts.open).toBeGreaterThanOrEqual(1);
    await expectStatus(await call('GET', '/api/admin/people-reports?status=weird', hr.cookie), 400);

    const detail = await jsonOf<PeopleReportDetail>(
      await call('GET', `/api/admin/people-reports/${ack.id}`, hr.cookie),
    );
    expect(detail).toMatchObject({
      kind: 'message',
      member: { id: ben.member.id },
      reportedMessageId: fromBen?.id,
    });
    expect(detail.conversation?.messages.map((m) => m.id)).toContain(fromBen?.id);
    const audited = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'conversation.read_for_report'),
          eq(auditEvents.subjectId, annBen?.id ?? ''),
        ),
      );
    expect(audited).toHaveLength(1);
    expect(audited[0]?.actorId).toBe(hr.member.id);
    // Still no way in through the conversation routes.
    await expectStatus(await call('GET', `/api/conversations/${annBen?.id}`, hr.cookie), 404);

    await expectStatus(
      await call('POST', `/api/admin/people-reports/${ack.id}/decision`, hr.cookie, { decision: 'ban' }),
      400,
    );
    await expectStatus(
      await call('POST', `/api/admin/people-reports/${ack.id}/decision`, ann.cookie, { decision: 'dismiss' }),
      404,
    );
    const decided = await jsonOf<PeopleReportDetail>(
      await call('POST', `/api/admin/people-reports/${ack.id}/decision`, hr.cookie, {
        decision: 'suspend',
        days: 3,
        note: 'cool off',
      }),
    );
    expect(decided.status).toBe('actioned');
    await expectStatus(
      await call('POST', `/api/admin/people-reports/${ack.id}/decision`, hr.cookie, { decision: 'dismiss' }),
      409,
    );
    // A suspended member cannot send messages.
    tick();
    await expectStatus(
      await call('POST', `/api/conversations/${annBen?.id}/messages`, ben.cookie, { body: 'again' }),
      409,
    );
  });
});

describe('leaving keeps the participant row', () => {
  it('a left participant is not a recipient any more', async () => {
    const rows = await t.db
      .select()
      .from(conversationParticipants)
      .where(eq(conversationParticipants.userId, cat.member.id));
    expect(rows.some((r) => r.leftAt !== null)).toBe(true);
  });
});

describe('a group conversation', () => {
  it('with two connections and a name; a non-connection among them is a 400 and nothing is stored; one leaves, the others carry on', async () => {
    const host = await signedIn(t, { role: 'alumni' });
    const one = await signedIn(t, { role: 'alumni' });
    const two = await signedIn(t, { role: 'alumni' });
    const outsider = await signedIn(t, { role: 'alumni' });
    await connect(host.member.id, one.member.id);
    await connect(host.member.id, two.member.id);

    const refused = await expectStatus(
      await call(
        'POST',
        '/api/conversations',
        host.cookie,
        { participantIds: [one.member.id, outsider.member.id], title: '勉強会', body: 'はじめまして' },
        'ja',
      ),
      400,
    );
    expect((await fieldsOf(refused)).participantIds).toEqual([
      'メッセージはつながっているメンバーに送れます。先につながりを申請してください。',
    ]);
    expect(await t.db.select().from(messages).where(eq(messages.authorId, host.member.id))).toHaveLength(0);

    const sent = await jsonOf<Sent>(
      await start(host, [one.member.id, two.member.id], 'Welcome, both', { title: 'Study group' }),
      201,
    );
    const seen = await jsonOf<ConversationDetail>(
      await call('GET', `/api/conversations/${sent.conversationId}`, two.cookie),
    );
    expect([seen.kind, seen.title, seen.unreadCount]).toEqual(['group', 'Study group', 1]);
    expect(seen.participants.map((p) => p.id).sort()).toEqual([host.member.id, one.member.id].sort());
    await expectStatus(await call('GET', `/api/conversations/${sent.conversationId}`, outsider.cookie), 404);

    // The two others are not connected with each other, yet both write in the group.
    tick();
    const path = `/api/conversations/${sent.conversationId}`;
    await expectStatus(await call('POST', `${path}/messages`, one.cookie, { body: 'Hi all' }), 201);
    await expectStatus(await call('POST', `${path}/leave`, two.cookie), 204);
    await expectStatus(await call('GET', path, two.cookie), 404);
    await expectStatus(await call('POST', `${path}/messages`, two.cookie, { body: 'Still here?' }), 404);
    const after = await jsonOf<ConversationDetail>(await call('GET', path, host.cookie));
    expect(after.participants.map((p) => p.id)).toEqual([one.member.id]);
  });
});
