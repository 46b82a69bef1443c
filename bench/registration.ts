/**
 * Events benchmark (issue 13, decision 043):
 * - registration under load: `--attempts` concurrent registrations (distinct members) for one
 *   event of `--seats` seats, through the service (`register`: row lock on the event, seats
 *   counted from the rows). Goal on PostgreSQL: exactly `--seats` confirmed, ≥ 1,000
 *   registrations/s, p95 ≤ 100 ms; PGlite recorded.
 * - the calendar's first page (`listEvents`, upcoming, for an alumnus) at `--members` members and
 *   `--events` events, beside its raw SQL; goal p95 ≤ 30 ms at 300,000 members and 10,000 events.
 *
 *   npx tsx bench/registration.ts --small            (a quick check: 500 attempts, 1,000 events)
 *   npx tsx bench/registration.ts [--attempts 5000] [--seats 100] [--members 300000]
 *     [--events 10000] [--runs 200] [--db pglite|postgres|both] [--no-write]
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { EventListQuerySchema } from '#common/events';
import { type Database, type Db, queryRows } from '#server/db/client';
import { applyMigrations } from '#server/db/migrate';
import { register } from '#server/features/events/events.desk';
import { listEvents } from '#server/features/events/events.service';
import type { Viewer } from '#server/lib/access/policy';
import { fixedClock } from '#server/lib/clock';
import { testEnv } from '#server/lib/env';
import { createLogger } from '#server/lib/logger';
import type { Queue } from '#server/lib/queue';
import {
  benchKinds,
  benchMain,
  type DbKind,
  openBenchDatabase,
  percentile,
  revision,
  runBench,
} from './harness';

const { values: args } = parseArgs({
  options: {
    small: { type: 'boolean', default: false },
    attempts: { type: 'string' },
    seats: { type: 'string' },
    members: { type: 'string' },
    events: { type: 'string' },
    runs: { type: 'string' },
    db: { type: 'string', default: 'pglite' },
    rate: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const SMALL = args.small;
const ATTEMPTS = Number(args.attempts ?? (SMALL ? 500 : 5_000));
const SEATS = Number(args.seats ?? 100);
const MEMBERS = Math.max(2 * ATTEMPTS, Number(args.members ?? (SMALL ? 2_000 : 300_000)));
/** The steady arrival rate of the second run (registrations offered per second). */
const RATE = Number(args.rate ?? 1_000);
const EVENTS = Number(args.events ?? (SMALL ? 1_000 : 10_000));
const RUNS = Number(args.runs ?? (SMALL ? 30 : 200));
const NOW = new Date('2026-12-07T03:00:00Z');
const clock = fixedClock(NOW);
const say = (kind: DbKind, message: string) => process.stdout.write(`  [${kind}] ${message}\n`);
/** Registration sends no job; the queue is never asked. */
const noQueue = { send: async () => null, sendMany: async () => {} } as unknown as Queue;

const viewerOf = (i: number, role: Viewer['role'] = 'alumni'): Viewer => ({
  id: `u${i}`,
  role,
  email: `m${i}@bench.example`,
  displayName: `Member ${i}`,
  locale: 'ja',
  attributes: { leftOn: null, currentEmployer: null },
});

async function seed(db: Db) {
  await db.execute(sql`insert into users (id, name, email, role, locale, status)
    select 'u' || i, 'Member ' || i, 'm' || i || '@bench.example',
      case when i % 10 = 0 then 'employee' else 'alumni' end, 'ja', 'active'
    from generate_series(1, ${MEMBERS}) i`);
  await db.execute(sql`insert into groups (id, kind, name_ja, name_en, status, official, classification, audience, search_text)
    select 'g' || i, 'chapter', '支部 ' || i, 'Chapter ' || i, 'active', true, 'network', '{}'::jsonb, 'chapter ' || i
    from generate_series(1, 50) i`);
  // Events over two years around NOW: a fifth internal, a tenth for a group, a tenth drafts.
  await db.execute(sql`insert into events (id, kind, format, language, status, title_ja, title_en, starts_at, ends_at,
      time_zone, capacity, classification, audience, group_id)
    select 'e' || i, case when i % 3 = 0 then 'lecture' else 'meetup' end,
      (array['in_person', 'online', 'hybrid'])[1 + i % 3], case when i % 4 = 0 then 'en' else 'ja' end,
      case when i % 10 = 0 then 'draft' else 'published' end,
      'イベント ' || i, 'Event ' || i,
      ${NOW.toISOString()}::timestamptz + ((i - ${Math.floor(EVENTS / 2)}::int) * interval '1 hour' * ${(2 * 365 * 24) / EVENTS}::float8),
      ${NOW.toISOString()}::timestamptz + ((i - ${Math.floor(EVENTS / 2)}::int) * interval '1 hour' * ${(2 * 365 * 24) / EVENTS}::float8) + interval '2 hours',
      'Asia/Tokyo', 50,
      case when i % 5 = 0 then 'internal' else 'network' end,
      case when i % 10 = 3 then jsonb_build_object('groupIds', jsonb_build_array('g' || (1 + i % 50))) else '{}'::jsonb end,
      case when i % 10 = 3 then 'g' || (1 + i % 50) else null end
    from generate_series(1, ${EVENTS}) i`);
  await db.execute(sql`insert into events (id, kind, format, status, title_ja, starts_at, ends_at, time_zone, capacity)
    values ('target', 'lecture', 'in_person', 'published', '未来塾', ${new Date(NOW.getTime() + 7 * 86_400_000).toISOString()}::timestamptz,
      ${new Date(NOW.getTime() + 7 * 86_400_000 + 7_200_000).toISOString()}::timestamptz, 'Asia/Tokyo', ${SEATS})`);
  await db.execute(sql`insert into events (id, kind, format, status, title_ja, starts_at, ends_at, time_zone, capacity)
    values ('steady', 'meetup', 'in_person', 'published', 'ナナメ交流会', ${new Date(NOW.getTime() + 8 * 86_400_000).toISOString()}::timestamptz,
      ${new Date(NOW.getTime() + 8 * 86_400_000 + 7_200_000).toISOString()}::timestamptz, 'Asia/Tokyo', ${SEATS})`);
  await db.execute(sql`analyze`);
}

interface Result {
  kind: DbKind;
  confirmed: number;
  waitlisted: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  steady: { p50: number; p95: number; max: number; confirmed: number };
  calendar: { p50: number; p95: number; rawP50: number; rawP95: number; items: number };
}

async function timeRuns(runs: number, work: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function run(kind: DbKind, database: Database): Promise<Result> {
  const { db } = database;
  await applyMigrations(database);
  say(kind, `seeding ${MEMBERS.toLocaleString('en')} members and ${EVENTS.toLocaleString('en')} events`);
  await seed(db);
  const deps = { db, clock, queue: noQueue, logger: createLogger('silent'), env: testEnv() };

  say(kind, `${ATTEMPTS.toLocaleString('en')} concurrent registrations for ${SEATS} seats`);
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: ATTEMPTS }, async (_, i) => {
      const t0 = performance.now();
      await register(deps, {
        viewer: viewerOf(i + 1),
        eventId: 'target',
        input: { guests: 0, answers: {} },
        locale: 'ja',
      });
      latencies.push(performance.now() - t0);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const counts = await queryRows<{ status: string; n: number }>(
    db,
    sql`select status, count(*)::int as n from event_registrations where event_id = 'target' group by status`,
  );
  const count = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
  if (count('confirmed') !== SEATS)
    throw new Error(`overbooked or underbooked: ${count('confirmed')} confirmed`);

  say(
    kind,
    `${ATTEMPTS.toLocaleString('en')} registrations arriving at ${RATE.toLocaleString('en')}/s for ${SEATS} seats`,
  );
  const steady: number[] = [];
  const begun = performance.now();
  await Promise.all(
    Array.from({ length: ATTEMPTS }, async (_, i) => {
      const due = begun + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const t0 = performance.now();
      await register(deps, {
        viewer: viewerOf(ATTEMPTS + i + 1),
        eventId: 'steady',
        input: { guests: 0, answers: {} },
        locale: 'ja',
      });
      steady.push(performance.now() - t0);
    }),
  );
  steady.sort((a, b) => a - b);
  const [steadyCount] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from event_registrations where event_id = 'steady' and status = 'confirmed'`,
  );
  if (Number(steadyCount?.n) !== SEATS) throw new Error(`steady: ${steadyCount?.n} confirmed`);

  say(kind, `calendar first page, ${RUNS} runs`);
  const query = EventListQuerySchema.parse({});
  const viewer = viewerOf(3);
  let items = 0;
  const api = await timeRuns(RUNS, async () => {
    items = (await listEvents({ db, clock }, { viewer, query })).rows.length;
  });
  const raw = await timeRuns(RUNS, () =>
    queryRows(
      db,
      sql`select * from events where status = 'published' and ends_at > ${NOW.toISOString()}::timestamptz
          and starts_at > ${new Date(NOW.getTime() - 14 * 86_400_000).toISOString()}::timestamptz
          and classification in ('public', 'network') order by starts_at, id limit 21`,
    ),
  );
  return {
    kind,
    confirmed: count('confirmed'),
    waitlisted: count('waitlisted'),
    seconds,
    perSecond: ATTEMPTS / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    steady: {
      p50: percentile(steady, 50),
      p95: percentile(steady, 95),
      max: steady[steady.length - 1] ?? 0,
      confirmed: Number(steadyCount?.n),
    },
    calendar: { p50: api.p50, p95: api.p95, rawP50: raw.p50, rawP95: raw.p95, items },
  };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

function report(results: Result[]): string {
  return [
    `Run ${new Date().toISOString().slice(0, 10)} at ${revision()}; ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GB.`,
    '',
    `Registration (the desk, decision 043): ${ATTEMPTS.toLocaleString('en')} attempts by distinct members for ${SEATS} seats, (a) all at once — the burst's throughput; its latencies are mostly the wait in line, (b) arriving steadily at ${RATE.toLocaleString('en')}/s — the latency a member sees at that load. Goal on PostgreSQL: exactly ${SEATS} confirmed, ≥ 1,000/s, p95 ≤ 100 ms.`,
    '',
    '| database | confirmed | waitlisted | (a) took (s) | (a) registrations/s | (a) p50 | (a) p95 | (b) confirmed | (b) p50 | (b) p95 | (b) max |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.kind} | ${r.confirmed} | ${r.waitlisted} | ${r.seconds.toFixed(2)} | ${r.perSecond.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.steady.confirmed} | ${ms(r.steady.p50)} | ${ms(r.steady.p95)} | ${ms(r.steady.max)} |`,
    ),
    '',
    `Calendar first page (upcoming, an alumnus) at ${MEMBERS.toLocaleString('en')} members and ${EVENTS.toLocaleString('en')} events, ${RUNS} runs (goal p95 ≤ 30 ms at 300,000 / 10,000):`,
    '',
    '| database | items | API p50 | API p95 | raw SQL p50 | raw SQL p95 |',
    '| --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.kind} | ${r.calendar.items} | ${ms(r.calendar.p50)} | ${ms(r.calendar.p95)} | ${ms(r.calendar.rawP50)} | ${ms(r.calendar.rawP95)} |`,
    ),
  ].join('\n');
}

benchMain(() =>
  runBench({
    kinds: benchKinds(args.db),
    open: (kind) => openBenchDatabase(kind, { poolSize: 20, memory: kind === 'pglite' && SMALL }),
    run,
    report,
    write: !args['no-write'] && !SMALL,
    marker: 'registration',
    heading: '## Events: registration under load and the calendar (bench/registration.ts)',
  }),
);
