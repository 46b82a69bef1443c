/**
 * Live messaging benchmark (issue 12: "a message reaches the other participant's open page p95 ≤
 * 200 ms with 1,000 open connections on one process"): one real HTTP server (`createApp` under
 * @hono/node-server), N open server-sent-event streams (`GET /api/conversations/stream`) held by
 * signed-in members, and a pair who write to each other: each sample is the time from the sender's
 * POST to the message event arriving on the other participant's stream (send → receive, through
 * the commit, the NOTIFY, the per-process fan-out and the participant check).
 *
 * Small by default (50 streams, 30 samples, PGlite in memory): a check of the shape that runs in
 * seconds. The scale is behind a flag and is NOT run by helpers on the shared machine:
 *
 *   npx tsx bench/messages.ts [--streams 50] [--samples 30] [--members 10]
 *   npx tsx bench/messages.ts --full            # 1,000 streams, 300 samples
 *   npx tsx bench/messages.ts --db postgres     # at BENCH_DATABASE_URL (see bench/harness.ts)
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { createApp } from '#server/app';
import { applyMigrations } from '#server/db/migrate';
import { connections } from '#server/db/schema/index';
import { systemClock } from '#server/lib/clock';
import { testEnv } from '#server/lib/env';
import { createLogger } from '#server/lib/logger';
import { createMemoryMailer } from '#server/lib/mail';
import { createQueue } from '#server/lib/queue';
import { createTestMember, signIn } from '#tests/factories/index';
import { ORIGIN, requestAs } from '#tests/setup';
import { benchMain, type DbKind, openBenchDatabase, percentile } from './harness';

const { values: args } = parseArgs({
  options: {
    streams: { type: 'string', default: '50' },
    samples: { type: 'string', default: '30' },
    members: { type: 'string', default: '10' },
    full: { type: 'boolean', default: false },
    db: { type: 'string', default: 'pglite' },
  },
});
const streams = args.full ? 1000 : Number(args.streams);
const samples = args.full ? 300 : Number(args.samples);
const idleMembers = args.full ? 100 : Number(args.members);

/** Reads an SSE body and calls `onMessage` with each `message` event's data. */
async function consume(body: ReadableStream<Uint8Array>, onMessage: (data: string) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (block.split('\n').includes('event: message')) {
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (data) onMessage(data.slice(6));
      }
      end = buffer.indexOf('\n\n');
    }
  }
}

benchMain(async () => {
  const kind = (args.db === 'postgres' ? 'postgres' : 'pglite') as DbKind;
  const { database, dispose } = await openBenchDatabase(kind, { memory: true });
  const abort = new AbortController();
  let server: ReturnType<typeof serve> | undefined;
  try {
    await applyMigrations(database);
    const { db } = database;
    const queue = createQueue({ raw: database.raw, logger: createLogger('silent'), workers: false });
    const app = createApp({ db, env: testEnv(), clock: systemClock, mailer: createMemoryMailer(), queue });
    const t = { db, request: requestAs(app) };
    const member = async () => {
      const m = await createTestMember(t, { role: 'alumni', profile: { leftOn: '2020-03-31' } });
      return { id: m.id, cookie: await signIn(t, m.email) };
    };
    const sender = await member();
    const receiver = await member();
    const idle = [];
    for (let i = 0; i < idleMembers; i++) idle.push(await member());
    await db.insert(connections).values([
      { userId: sender.id, otherId: receiver.id },
      { userId: receiver.id, otherId: sender.id },
    ]);

    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server?.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const headers = (cookie: string) => ({ cookie, origin: ORIGIN, 'content-type': 'application/json' });

    const arrivals = new Map<string, (at: number) => void>();
    const open = async (cookie: string, onMessage: (data: string) => void) => {
      const res = await fetch(`${base}/api/conversations/stream`, {
        headers: headers(cookie),
        signal: abort.signal,
      });
      if (!res.ok || !res.body) throw new Error(`stream: ${res.status}`);
      void consume(res.body, onMessage);
    };
    // The receiver's open page, and N - 1 other open pages of members not in the conversation.
    await open(receiver.cookie, (data) => {
      const { message } = JSON.parse(data) as { message: { body: string } };
      arrivals.get(message.body)?.(performance.now());
    });
    const started = performance.now();
    for (let i = 1; i < streams; i++) {
      const who = idle[i % Math.max(1, idle.length)] ?? sender;
      await open(who.cookie, () => undefined);
    }
    process.stdout.write(`  ${streams} streams open in ${Math.round(performance.now() - started)} ms\n`);

    const first = await fetch(`${base}/api/conversations`, {
      method: 'POST',
      headers: headers(sender.cookie),
      body: JSON.stringify({ participantIds: [receiver.id], body: 'warm-up' }),
    });
    if (first.status !== 201) throw new Error(`start: ${first.status} ${await first.text()}`);
    const { conversationId } = (await first.json()) as { conversationId: string };
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const body = `sample ${i} ${Math.random()}`;
      const arrived = new Promise<number>((resolve, reject) => {
        arrivals.set(body, resolve);
        setTimeout(() => reject(new Error(`sample ${i}: no event in 5 s`)), 5000).unref();
      });
      const sent = performance.now();
      const res = await fetch(`${base}/api/conversations/${conversationId}/messages`, {
        method: 'POST',
        headers: headers(sender.cookie),
        body: JSON.stringify({ body }),
      });
      if (res.status !== 201) throw new Error(`send: ${res.status} ${await res.text()}`);
      latencies.push((await arrived) - sent);
      arrivals.delete(body);
      // Under the 30-a-minute rate limit: reset the sender's window between samples.
      if (i % 25 === 24) await db.execute(sql`delete from rate_limits`);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    process.stdout.write(
      `\n| database | open streams | samples | p50 | p95 | max |\n| --- | --- | --- | --- | --- | --- |\n` +
        `| ${kind} | ${streams} | ${samples} | ${percentile(sorted, 50).toFixed(1)} ms | ${percentile(sorted, 95).toFixed(1)} ms | ${(sorted.at(-1) ?? 0).toFixed(1)} ms |\n`,
    );
  } finally {
    abort.abort();
    server?.close();
    await dispose();
  }
});
