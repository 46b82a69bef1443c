/**
 * The demo organisation: five password logins (one per role) and N fake members from the test
 * factories (STYLE.md: one source of fake data). Used on first start (server/index.ts), by
 * `npm run seed` and by the benchmark.
 */
import { randomUUID } from 'node:crypto';
import { getTableColumns, getTableName, is, SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { CONSENT_PURPOSES, CONSENT_TEXT_VERSION, type ConsentPurpose } from '#common/consent-purposes';
import type { Role } from '#common/roles';
import { type Db, queryRows } from '#server/db/client';
import { accounts, consentEvents, profiles, users } from '#server/db/schema/index';
import { getVisibilityLimits, newMemberRows } from '#server/features/members/members.service';
import { hashPassword } from '#server/lib/auth';
import { seedDemoAdvice } from './advice';
import { seedDemoBranding } from './branding';
import { seedDemoCareers } from './careers';
import { seedDemoComments } from './comments';
import { seedDemoConnections } from './connections';
import { seedDemoEvents } from './events';
import { seedDemoExits } from './exits';
import { ageDemoConfirmations } from './freshness';
import { seedDemoGroups } from './groups';
import { seedDemoHrRecords } from './hr-records';
import { seedDemoJobAlerts } from './job-alerts';
import { seedDemoJobs } from './jobs';
import { DEMO_LOGINS } from './logins';
import { fakeMember, rng } from './member-data';
import { seedDemoMessaging } from './messaging';
import { seedDemoModeration } from './moderation';
import { seedDemoNotifications } from './notifications';
import { seedDemoPipeline } from './pipeline';
import { seedDemoPosts } from './posts';
import { seedDemoProfiles } from './profiles';
import { seedDemoReferrals } from './referrals';
import { seedDemoReturnInterests } from './return-interests';
import { seedDemoSuggestions } from './suggestions';

export const DEMO_PASSWORD = 'kizuna-demo-2026';

export { DEMO_LOGINS } from './logins';

/**
 * A realistic share of consents per purpose (decision 010): most members are listed, fewer want
 * rehiring or business contact. Drawn from their own generator so the members themselves stay
 * the same as before consents existed. Every demo member has answered (reviewed) already.
 */
const CONSENT_SHARE: Record<ConsentPurpose, number> = {
  directory: 0.9,
  rehiring: 0.6,
  business: 0.45,
  newsletter: 0.7,
  events: 0.8,
};
/** The five demo logins are listed and reviewed, so every journey starts where it always did. */
const DEMO_LOGIN_CONSENTS: readonly ConsentPurpose[] = ['directory', 'newsletter', 'events'];

type MemberRows = ReturnType<typeof newMemberRows>;
type SeedRows = {
  user: MemberRows['user'] & { consentsReviewedAt: Date };
  profile: MemberRows['profile'] & { consents: ConsentPurpose[] };
};

function withConsents(rows: MemberRows, consents: ConsentPurpose[], reviewedAt: Date): SeedRows {
  return {
    user: { ...rows.user, consentsReviewedAt: reviewedAt },
    profile: { ...rows.profile, consents },
  };
}

function drawConsents(r: () => number, role: Role): ConsentPurpose[] {
  return CONSENT_PURPOSES.filter((p) => {
    // Rehiring contact is about coming back: most likely from alumni, rarely from people employed.
    const share = p === 'rehiring' && role !== 'alumni' ? 0.2 : CONSENT_SHARE[p];
    return r() < share;
  });
}

/** Has anything been created yet (a member exists)? */
export async function isSeeded({ db }: { db: Db }): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}

/** Members per INSERT statement. */
const BATCH = 1000;
/** From this many members on, secondary indexes are built once after loading (see below). */
const BULK_THRESHOLD = 20_000;
/** The demo is the same every time. */
const DEMO_SEED = 20261124;

/**
 * Creates the demo logins and `members` fake members, then refreshes the planner statistics.
 * Everything happens in one transaction: a failed seed leaves nothing behind.
 *
 * - Search columns are computed at insert time by `newMemberRows`, as for any other member.
 * - Rows go in 1,000 per INSERT, as one JSON parameter unpacked by `json_populate_recordset`:
 *   no 65,535 bind-parameter limit, and 2–3× faster than one parameter per value on both
 *   drivers (the server parses one document instead of ~38,000 parameters).
 * - On PostgreSQL the next batch is generated while the server inserts the previous one.
 * - For a large seed into empty tables, the secondary indexes (GIN over the search documents and
 *   grams, btrees) are dropped first and re-created from their own definitions at the end, as the
 *   PostgreSQL manual advises for bulk loads ("Populating a Database"): building a GIN index once
 *   is much cheaper than growing it row by row. Constraint indexes (keys, unique) stay.
 * - Only the demo logins get passwords: argon2 is slow on purpose.
 */
export async function seedDemo({
  db,
  members,
  log,
}: {
  db: Db;
  members: number;
  log?: (message: string) => void;
}): Promise<{ members: number; ms: number }> {
  const started = performance.now();
  const say = (message: string) =>
    log?.(`${message} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const limits = await getVisibilityLimits({ db });
  const r = rng(DEMO_SEED);
  const consentRandom = rng(DEMO_SEED + 1);
  const logins = DEMO_LOGINS.map((login, index) =>
    fakeMember(r, index + 1, {
      id: randomUUID(),
      email: login.email,
      role: login.role,
      locale: 'ja',
      names: login.names,
      profile: { employeeNumber: `E${String(index + 1).padStart(6, '0')}`, ...login.profile },
    }),
  );
  const hashes = await Promise.all(logins.map(() => hashPassword(DEMO_PASSWORD)));
  const isPostgres = isNodePostgres(db);

  await db.transaction(async (tx) => {
    const bulk = members >= BULK_THRESHOLD && !(await hasProfiles(tx));
    const indexes = bulk ? await dropSecondaryIndexes(tx) : [];

    const now = new Date();
    await tx.execute(
      insertMembers(
        logins.map((m) =>
          withConsents(
            newMemberRows(m, limits),
            m.role === 'alumni' || m.role === 'leaver'
              ? [...DEMO_LOGIN_CONSENTS, 'rehiring', 'business']
              : [...DEMO_LOGIN_CONSENTS],
            now,
          ),
        ),
      ),
    );
    await tx.insert(accounts).values(
      logins.map((m, index) => ({
        id: randomUUID(),
        accountId: m.id,
        providerId: 'credential',
        userId: m.id,
        password: hashes[index],
        createdAt: now,
        updatedAt: now,
      })),
    );

    let pending: Promise<unknown> = Promise.resolve();
    const first = logins.length + 1;
    for (let start = 0; start < members; start += BATCH) {
      const count = Math.min(BATCH, members - start);
      const rows = Array.from({ length: count }, (_, k) => {
        const member = fakeMember(r, first + start + k);
        return withConsents(newMemberRows(member, limits), drawConsents(consentRandom, member.role), now);
      });
      await pending;
      // A drizzle query runs each time it is awaited: run it once, into a real promise, awaited
      // on the next turn (until then, a failure must not count as unhandled).
      pending = Promise.resolve(tx.execute(insertMembers(rows)));
      pending.catch(() => {});
      if (!isPostgres) await pending;
      if ((start / BATCH) % 50 === 49) say(`inserted ${start + count} of ${members} members`);
    }
    await pending;
    // The ledger rows behind the answers: one per purpose and member, in one statement.
    await tx.execute(seedConsentLedger());
    say('wrote the consent ledger');
    if (indexes.length > 0) {
      say(`inserted ${members} members; building ${indexes.length} indexes`);
      await tx.execute(sql.raw(`set local maintenance_work_mem = '${isPostgres ? '1GB' : '256MB'}'`));
      for (const definition of indexes) await tx.execute(sql.raw(definition));
    }
  });
  // The organisation's name and logo first: the demo mail below is signed with them.
  await seedDemoBranding(db);
  // HR records: alumni not yet members (to invite) and the records of some seeded members.
  await seedDemoHrRecords(db, { count: Math.min(300, Math.max(50, Math.round(members / 10))) });
  await seedDemoExits(db);
  // Jobs and rehiring (decision 015): jobs first; interests and referrals put cards on the board.
  await seedDemoJobs(db);
  await seedDemoReturnInterests(db);
  await seedDemoReferrals(db);
  await seedDemoPipeline(db);
  await seedDemoJobAlerts(db);
  // Groups and chapters (issue 11): official chapters, departments, intakes, interests.
  await seedDemoGroups(db);
  // Events (issue 13): the 未来塾 series and a meetup for the Tokyo chapter, after the groups.
  await seedDemoEvents(db);
  // Alumni with a common road and their career stories, for /careers/paths (issue 11).
  await seedDemoCareers(db);
  // Timelines after leaving (issue 12 §5).
  await seedDemoProfiles(db);
  // Posts after the groups (a group post needs its group), then comments and reactions on them.
  await seedDemoPosts(db);
  await seedDemoComments(db);
  // People (issue 12): alumni@ has connections, a request waiting with a note, and follows HR.
  await seedDemoConnections(db);
  await ageDemoConfirmations(db);
  // After the community's posts and comments: a few open reports for HR's moderation queue.
  await seedDemoModeration(db);
  // Mentoring and advice requests (issue 12 §4): two waiting for an answer from employee@.
  await seedDemoAdvice(db);
  // Conversations of alumni@ and employee@ (issue 12), one with an unread reply.
  await seedDemoMessaging(db);
  // Last: the notifications point at what exists by now.
  await seedDemoNotifications(db);
  // People to meet for the demo logins, from the members seeded above (decision 038).
  await seedDemoSuggestions(db);
  say('committed; vacuum analyze');
  // VACUUM also sets the visibility map (index-only scans) and cannot run in a transaction.
  await db.execute(sql.raw('vacuum analyze'));
  return { members: logins.length + members, ms: Math.round(performance.now() - started) };
}

type Rows = SeedRows[];

/** One statement for a batch: the users, then their profiles (the FK is checked at its end). */
function insertMembers(rows: Rows): SQL {
  return sql`with new_users as (${jsonInsert(
    users,
    rows.map((row) => row.user),
  )}) ${jsonInsert(
    profiles,
    rows.map((row) => row.profile),
  )}`;
}

/**
 * `insert into t (cols) select cols from json_populate_recordset(null::t, $1)`: the columns are
 * the table's columns present in any row (the others take their SQL defaults); a row without one
 * of them gets the column's default as drizzle knows it (a JSON null would bypass it).
 */
function jsonInsert(table: PgTable, rows: Record<string, unknown>[]): SQL {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) =>
    rows.some((row) => row[key] !== undefined),
  );
  const names = sql.raw(columns.map(([, column]) => `"${column.name}"`).join(', '));
  const records = rows.map((row) =>
    Object.fromEntries(columns.map(([key, column]) => [column.name, row[key] ?? defaultFor(column)])),
  );
  const name = sql.raw(`"${getTableName(table)}"`);
  return sql`insert into ${name} (${names}) select ${names} from json_populate_recordset(null::${name}, ${JSON.stringify(records)}::json)`;
}

function defaultFor(column: PgColumn): unknown {
  if (column.default !== undefined && !is(column.default, SQL)) return column.default;
  return column.columnType === 'PgArray' ? [] : null;
}

const SEEDED_TABLES = [getTableName(users), getTableName(profiles), getTableName(consentEvents)];

/** Every seeded member's answers as ledger rows (source 'seed', at their review time). */
function seedConsentLedger(): SQL {
  const purposes = sql.join(
    CONSENT_PURPOSES.map((p) => sql`${p}`),
    sql`, `,
  );
  return sql`insert into ${consentEvents} (user_id, purpose, granted, text_version, locale, source, created_at)
    select p.user_id, x.purpose, p.consents @> array[x.purpose], ${CONSENT_TEXT_VERSION}, u.locale, 'seed', u.consents_reviewed_at
    from ${profiles} p
    join ${users} u on u.id = p.user_id
    cross join unnest(array[${purposes}]::text[]) as x(purpose)
    where u.consents_reviewed_at is not null
      and not exists (select 1 from ${consentEvents} e where e.user_id = p.user_id)`;
}

async function hasProfiles(db: Db) {
  const rows = await db.select({ id: profiles.userId }).from(profiles).limit(1);
  return rows.length > 0;
}

/** Drops the seeded tables' indexes that back no constraint; returns their definitions. */
async function dropSecondaryIndexes(db: Db): Promise<string[]> {
  const rows = await queryRows<{ name: string; definition: string }>(
    db,
    sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
        where i.schemaname = current_schema() and i.tablename in (${sql.join(
          SEEDED_TABLES.map((t) => sql`${t}`),
          sql`, `,
        )})
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
        order by i.indexname`,
  );
  for (const row of rows) await db.execute(sql.raw(`drop index "${row.name}"`));
  return rows.map((row) => row.definition);
}

/** node-postgres can run a query while this process builds the next batch; PGlite shares our thread. */
function isNodePostgres(db: Db) {
  return (db as unknown as { $client: unknown }).$client instanceof pg.Pool;
}
