import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdviceList, AdviceRequest, AdviceStats, AdviceTarget } from '#common/advice';
import {
  adviceRequests,
  blocks,
  conversationParticipants,
  conversations,
  messages,
  notifications,
} from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
const clock = fixedClock('2026-12-07T03:00:00Z');
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let hr: Session;
let mentor: Session;
let plainAlumnus: Session;
let employee: Session;
let stranger: Session;

const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp({ clock });
  hr = await signedIn(t, { role: 'alumni_manager' });
  mentor = await signedIn(t, {
    role: 'alumni',
    profile: { mentoring: true, speaking: true, sideWork: false, currentTitle: 'CTO' },
  });
  plainAlumnus = await signedIn(t, {
    role: 'alumni',
    profile: { mentoring: false, speaking: false, sideWork: false },
  });
  employee = await signedIn(t, { role: 'employee', locale: 'en' });
  stranger = await signedIn(t, { role: 'alumni' });
});
afterAll(() => t.close());

const call = (
  method: string,
  path: string,
  cookie?: string,
  json?: unknown,
  lang = 'en',
): Promise<Response> => t.request(path, { method, cookie, json, headers: { 'accept-language': lang } });
const get = (path: string, cookie?: string, lang = 'en') => call('GET', path, cookie, undefined, lang);
const fieldsOf = async (res: Response) =>
  ((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields;
const expectStatus = async (res: Response, status: number) => {
  expect(res.status, await res.clone().text()).toBe(status);
  return res;
};
const request = (over: Record<string, unknown> = {}) => ({
  toId: mentor.member.id,
  kind: 'mentoring',
  topic: 'Moving from sales to product',
  hopes: 'Half an hour on how you made the switch',
  timeFrame: 'this_month',
  ...over,
});
const send = async (from: Session, over: Record<string, unknown> = {}) =>
  (await (
    await expectStatus(await call('POST', '/api/advice-requests', from.cookie, request(over)), 201)
  ).json()) as AdviceRequest;

describe('finding mentors (the directory preset behind /mentors)', () => {
  it('lists members by offer; a member blocked either way is not found', async () => {
    const viewer = await signedIn(t, { role: 'employee' });
    const blocked = await signedIn(t, { role: 'alumni', profile: { sideWork: true } });
    const open = await signedIn(t, { role: 'alumni', profile: { sideWork: true } });
    const ids = async () =>
      (
        (await (
          await expectStatus(
            await get('/api/directory?availability=sideWork&pageSize=50', viewer.cookie),
            200,
          )
        ).json()) as { items: { id: string; sideWork?: boolean }[] }
      ).items.map((m) => m.id);
    expect(await ids()).toEqual(expect.arrayContaining([blocked.member.id, open.member.id]));
    expect(await ids()).not.toContain(mentor.member.id);
    await t.db.insert(blocks).values({ blockerId: blocked.member.id, blockedId: viewer.member.id });
    const after = await ids();
    expect(after).toContain(open.member.id);
    expect(after).not.toContain(blocked.member.id);
  });
});

describe('GET /api/advice-targets/{id}', () => {
  it('shows who and what they offer, and which kinds the viewer may ask', async () => {
    expect((await get(`/api/advice-targets/${mentor.member.id}`)).status).toBe(401);
    const asEmployee = (await (
      await expectStatus(await get(`/api/advice-targets/${mentor.member.id}`, employee.cookie), 200)
    ).json()) as AdviceTarget;
    expect(asEmployee.offers).toEqual({ mentoring: true, sideWork: false, speaking: true });
    expect(asEmployee.kinds).toEqual(['mentoring', 'speaking', 'career_path']);
    const asAlumnus = (await (
      await expectStatus(await get(`/api/advice-targets/${mentor.member.id}`, stranger.cookie), 200)
    ).json()) as AdviceTarget;
    expect(asAlumnus.kinds).toEqual(['mentoring', 'speaking']);
    // Not oneself, not a member who does not exist.
    expect((await get(`/api/advice-targets/${mentor.member.id}`, mentor.cookie)).status).toBe(404);
    expect((await get(`/api/advice-targets/${MISSING}`, mentor.cookie)).status).toBe(404);
  });

  it('404 for a member not listed in the directory', async () => {
    const unlisted = await signedIn(t, { role: 'alumni', consents: [], profile: { mentoring: true } });
    expect((await get(`/api/advice-targets/${unlisted.member.id}`, employee.cookie)).status).toBe(404);
    const res = await call(
      'POST',
      '/api/advice-requests',
      employee.cookie,
      request({ toId: unlisted.member.id }),
    );
    expect(res.status).toBe(404);
  });
});

describe('POST /api/advice-requests', () => {
  it('401 anonymous', async () => {
    expect((await call('POST', '/api/advice-requests', undefined, request())).status).toBe(401);
  });

  it('400 with field messages in the user language for missing and bad fields', async () => {
    const res = await expectStatus(
      await call('POST', '/api/advice-requests', employee.cookie, { toId: mentor.member.id, kind: 'gossip' }),
      400,
    );
    const fields = await fieldsOf(res);
    expect(fields.kind?.[0]).toMatch(/^Must be one of/);
    expect(fields.topic).toEqual(['Required.']);
    expect(fields.hopes).toEqual(['Required.']);
    expect(fields.timeFrame?.[0]).toMatch(/^Must be one of/);
    const ja = await fieldsOf(
      await call(
        'POST',
        '/api/advice-requests',
        employee.cookie,
        request({ topic: '   ', hopes: 'x'.repeat(2001) }),
        'ja',
      ),
    );
    expect(ja.topic).toEqual(['必須項目です。']);
    expect(ja.hopes?.[0]).toMatch(/2000/);
    expect(
      await t.db.select().from(adviceRequests).where(eq(adviceRequests.fromId, employee.member.id)),
    ).toEqual([]);
  });

  it('400 to oneself; 400 for a kind the member does not offer; career path only employee → alumnus', async () => {
    const self = await fieldsOf(
      await expectStatus(await call('POST', '/api/advice-requests', mentor.cookie, request()), 400),
    );
    expect(self.toId).toEqual(['You cannot send a request to yourself.']);
    const notOffered = await fieldsOf(
      await expectStatus(
        await call('POST', '/api/advice-requests', employee.cookie, request({ kind: 'side_work' })),
        400,
      ),
    );
    expect(notOffered.kind).toEqual(['This member does not offer this kind of advice.']);
    const ja = await fieldsOf(
      await call(
        'POST',
        '/api/advice-requests',
        employee.cookie,
        request({ toId: plainAlumnus.member.id }),
        'ja',
      ),
    );
    expect(ja.kind).toEqual(['このメンバーはこの種類の相談を受け付けていません。']);
    // An alumnus cannot ask another alumnus about "the path after us"; an employee cannot ask an employee.
    const alumnusAsks = await fieldsOf(
      await expectStatus(
        await call('POST', '/api/advice-requests', stranger.cookie, request({ kind: 'career_path' })),
        400,
      ),
    );
    expect(alumnusAsks.kind).toEqual(['Employees may ask alumni about their path after the company.']);
    const colleague = await signedIn(t, { role: 'employee' });
    expect(
      (
        await call(
          'POST',
          '/api/advice-requests',
          employee.cookie,
          request({ toId: colleague.member.id, kind: 'career_path' }),
        )
      ).status,
    ).toBe(400);
  });

  it('a career-path request goes to an alumnus who flagged nothing', async () => {
    const sent = await send(employee, {
      toId: plainAlumnus.member.id,
      kind: 'career_path',
      timeFrame: 'flexible',
    });
    expect(sent).toMatchObject({ direction: 'sent', kind: 'career_path', status: 'pending' });
    expect(sent.other.id).toBe(plainAlumnus.member.id);
  });

  it('404 to a member blocked either way', async () => {
    const blocker = await signedIn(t, { role: 'alumni', profile: { mentoring: true } });
    const blocked = await signedIn(t, { role: 'alumni', profile: { mentoring: true } });
    await t.db.insert(blocks).values({ blockerId: blocker.member.id, blockedId: blocked.member.id });
    for (const [from, to] of [
      [blocked, blocker],
      [blocker, blocked],
    ] as const) {
      expect(
        (await call('POST', '/api/advice-requests', from.cookie, request({ toId: to.member.id }))).status,
      ).toBe(404);
      expect((await get(`/api/advice-targets/${to.member.id}`, from.cookie)).status).toBe(404);
    }
  });

  it('409 for a second open request of the same kind to the same member; another kind is fine', async () => {
    const asker = await signedIn(t, { role: 'employee' });
    await send(asker);
    const dup = await expectStatus(await call('POST', '/api/advice-requests', asker.cookie, request()), 409);
    expect(((await dup.json()) as { error: { message: string } }).error.message).toMatch(
      /already have an open/,
    );
    await send(asker, { kind: 'speaking' });
    const rows = await t.db
      .select()
      .from(adviceRequests)
      .where(and(eq(adviceRequests.fromId, asker.member.id), eq(adviceRequests.kind, 'mentoring')));
    expect(rows).toHaveLength(1);
  });

  it('notifies the recipient (advice_request) and is rate-limited', async () => {
    const asker = await signedIn(t, { role: 'employee' });
    const sent = await send(asker, { kind: 'speaking' });
    const told = await t.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, mentor.member.id), eq(notifications.threadKey, `advice:${sent.id}`)),
      );
    expect(told.map((n) => [n.type, n.link])).toEqual([['advice_request', '/advice']]);
    // Ten a day: the 11th is refused whatever its target.
    const targets = await Promise.all(
      Array.from({ length: 10 }, () => signedIn(t, { role: 'alumni', profile: { mentoring: true } })),
    );
    for (const target of targets.slice(0, 9)) await send(asker, { toId: target.member.id });
    const last = targets[9] as Session;
    const refused = await call(
      'POST',
      '/api/advice-requests',
      asker.cookie,
      request({ toId: last.member.id }),
    );
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
  });
});

describe('deciding and withdrawing', () => {
  it('the recipient accepts: a mentoring conversation opens with the request and the answer', async () => {
    const asker = await signedIn(t, { role: 'employee', locale: 'en' });
    const sent = await send(asker);
    // Only the recipient decides; the sender, a stranger and HR get 404.
    for (const who of [asker, stranger, hr]) {
      expect(
        (await call('POST', `/api/advice-requests/${sent.id}/decision`, who.cookie, { decision: 'accept' }))
          .status,
      ).toBe(404);
    }
    expect(
      (await call('POST', `/api/advice-requests/${sent.id}/decision`, undefined, { decision: 'accept' }))
        .status,
    ).toBe(401);
    const bad = await fieldsOf(
      await expectStatus(
        await call('POST', `/api/advice-requests/${sent.id}/decision`, mentor.cookie, { decision: 'maybe' }),
        400,
      ),
    );
    expect(bad.decision?.[0]).toMatch(/^Must be one of/);
    const accepted = (await (
      await expectStatus(
        await call('POST', `/api/advice-requests/${sent.id}/decision`, mentor.cookie, {
          decision: 'accept',
          message: 'Happy to — how about Thursday?',
        }),
        200,
      )
    ).json()) as AdviceRequest;
    expect(accepted).toMatchObject({
      status: 'accepted',
      direction: 'received',
      responseMessage: 'Happy to — how about Thursday?',
    });
    const conversationId = accepted.conversationId as string;
    expect(conversationId).toBeTruthy();
    const [conversation] = await t.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    expect(conversation?.origin).toBe('mentoring');
    const people = await t.db
      .select({ userId: conversationParticipants.userId })
      .from(conversationParticipants)
      .where(eq(conversationParticipants.conversationId, conversationId));
    expect(people.map((p) => p.userId).sort()).toEqual([asker.member.id, mentor.member.id].sort());
    const said = await t.db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversationId))
      .orderBy(messages.createdAt);
    expect(said.map((m) => m.authorId)).toEqual([asker.member.id, mentor.member.id]);
    expect(said[0]?.body).toContain('Moving from sales to product');
    expect(said[0]?.body).toContain('This month');
    expect(said[1]?.body).toBe('Happy to — how about Thursday?');
    const told = await t.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, asker.member.id), eq(notifications.type, 'advice_request_decided')),
      );
    expect(told.map((n) => n.link)).toEqual([`/messages/${conversationId}`]);
    // Decided once only.
    expect(
      (await call('POST', `/api/advice-requests/${sent.id}/decision`, mentor.cookie, { decision: 'decline' }))
        .status,
    ).toBe(409);
    expect((await call('POST', `/api/advice-requests/${sent.id}/withdraw`, asker.cookie)).status).toBe(409);
    // A new request of the same kind may follow once the first is no longer open.
    await send(asker);
  });

  it('the recipient declines with a message; no conversation', async () => {
    const asker = await signedIn(t, { role: 'alumni' });
    const sent = await send(asker, { kind: 'speaking' });
    const declined = (await (
      await expectStatus(
        await call('POST', `/api/advice-requests/${sent.id}/decision`, mentor.cookie, {
          decision: 'decline',
          message: '',
        }),
        200,
      )
    ).json()) as AdviceRequest;
    expect(declined).toMatchObject({ status: 'declined', conversationId: null, responseMessage: null });
  });

  it('the sender withdraws; others get 404', async () => {
    const asker = await signedIn(t, { role: 'alumni' });
    const sent = await send(asker);
    expect((await call('POST', `/api/advice-requests/${sent.id}/withdraw`)).status).toBe(401);
    for (const who of [mentor, stranger, hr]) {
      expect((await call('POST', `/api/advice-requests/${sent.id}/withdraw`, who.cookie)).status).toBe(404);
    }
    const withdrawn = (await (
      await expectStatus(await call('POST', `/api/advice-requests/${sent.id}/withdraw`, asker.cookie), 200)
    ).json()) as AdviceRequest;
    expect(withdrawn.status).toBe('withdrawn');
    expect(
      (await call('POST', `/api/advice-requests/${sent.id}/decision`, mentor.cookie, { decision: 'accept' }))
        .status,
    ).toBe(409);
  });
});

describe('reading requests', () => {
  it('lists received and sent for the pair; 404 by id for anyone else, HR included', async () => {
    const asker = await signedIn(t, { role: 'employee' });
    const sent = await send(asker, { topic: 'Secret topic' });
    expect((await get('/api/advice-requests')).status).toBe(401);
    const mine = (await (
      await expectStatus(await get('/api/advice-requests', asker.cookie), 200)
    ).json()) as AdviceList;
    expect(mine.sent.map((r) => r.id)).toEqual([sent.id]);
    expect(mine.received).toEqual([]);
    const theirs = (await (
      await expectStatus(await get('/api/advice-requests', mentor.cookie), 200)
    ).json()) as AdviceList;
    const got = theirs.received.find((r) => r.id === sent.id);
    expect(got).toMatchObject({
      direction: 'received',
      topic: 'Secret topic',
      other: { id: asker.member.id },
    });
    expect((await get(`/api/advice-requests/${sent.id}`, mentor.cookie)).status).toBe(200);
    expect((await get(`/api/advice-requests/${sent.id}`, asker.cookie)).status).toBe(200);
    expect((await get(`/api/advice-requests/${sent.id}`)).status).toBe(401);
    for (const who of [hr, stranger]) {
      expect((await get(`/api/advice-requests/${sent.id}`, who.cookie)).status).toBe(404);
    }
    expect((await get('/api/advice-requests/not-a-uuid', mentor.cookie)).status).toBe(400);
    // A block hides the request from both sides.
    await t.db.insert(blocks).values({ blockerId: mentor.member.id, blockedId: asker.member.id });
    expect((await get(`/api/advice-requests/${sent.id}`, mentor.cookie)).status).toBe(404);
    expect((await get(`/api/advice-requests/${sent.id}`, asker.cookie)).status).toBe(404);
    expect(
      (await call('POST', `/api/advice-requests/${sent.id}/decision`, mentor.cookie, { decision: 'accept' }))
        .status,
    ).toBe(404);
    await t.db.delete(blocks).where(eq(blocks.blockerId, mentor.member.id));
  });
});

describe('GET /api/advice-stats', () => {
  it('HR sees counts by kind, state and month and the acceptance rate — no contents, no names', async () => {
    expect((await get('/api/advice-stats')).status).toBe(401);
    expect((await get('/api/advice-stats', employee.cookie)).status).toBe(404);
    expect((await get('/api/advice-stats', mentor.cookie)).status).toBe(404);
    const res = await expectStatus(await get('/api/advice-stats', hr.cookie), 200);
    const text = await res.clone().text();
    const stats = (await res.json()) as AdviceStats;
    const all = await t.db.select().from(adviceRequests);
    expect(stats.total).toBe(all.length);
    const count = (list: { value: string; count: number }[], v: string) =>
      list.find((c) => c.value === v)?.count ?? 0;
    expect(count(stats.byKind, 'career_path')).toBe(all.filter((r) => r.kind === 'career_path').length);
    const accepted = all.filter((r) => r.status === 'accepted').length;
    const declined = all.filter((r) => r.status === 'declined').length;
    expect(count(stats.byStatus, 'accepted')).toBe(accepted);
    expect(stats.acceptanceRate).toBeCloseTo(accepted / (accepted + declined));
    expect(stats.byMonth).toEqual([{ month: '2026-12', total: all.length, accepted, declined }]);
    // Nothing of any request's text or pair.
    for (const r of all) {
      expect(text).not.toContain(r.topic);
      expect(text).not.toContain(r.fromId);
      expect(text).not.toContain(r.toId);
    }
  });
});
