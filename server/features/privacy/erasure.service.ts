import { and, eq, getTableColumns, ne, or, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { DEFAULT_ERASURE, type ErasureSettings, ErasureSettingsSchema } from '#common/privacy';
import type { Db } from '#server/db/client';
import {
  accounts,
  erasureSuppressions,
  hrRecords,
  mailMessages,
  pipelineCards,
  profiles,
  users,
} from '#server/db/schema/index';
import { cancelPendingHiresOfCards } from '#server/features/pipeline/pipeline.hires';
import { audit } from '#server/lib/audit';
import { verifyPassword } from '#server/lib/auth';
import type { Clock } from '#server/lib/clock';
import type { Env } from '#server/lib/env';
import { AppError, notFound } from '#server/lib/errors';
import type { DomainHooks } from '#server/lib/hooks';
import { defineSetting, readSetting, writeSetting } from '#server/lib/settings';
import { suppressionHash } from '#server/lib/suppression';
import { type DataSubject, personalTables, type RowLink, theirCards } from './personal-data';

export const ERASURE_KEY = 'erasure';

/** Who asked for the erasure: the member, an admin, or the retention rules. */
export type ErasureActor = { kind: 'self' } | { kind: 'admin'; id: string } | { kind: 'retention' };

type Tx = Db;

/** The organisation's content policy (admin-set); content tables follow it on erasure. */
export const ERASURE_SETTINGS = defineSetting(ERASURE_KEY, ErasureSettingsSchema, () => DEFAULT_ERASURE);

export async function getErasureSettings({ db }: { db: Db }): Promise<ErasureSettings> {
  return readSetting(db, ERASURE_SETTINGS);
}

export async function setErasureSettings({
  db,
  settings,
  actorId,
}: {
  db: Db;
  settings: ErasureSettings;
  actorId: string;
}) {
  await db.transaction(async (tx) => {
    await writeSetting(tx, ERASURE_SETTINGS, settings);
    await audit(tx, {
      actorId,
      action: 'settings.erasure_changed',
      subjectType: 'settings',
      subjectId: ERASURE_KEY,
      data: settings,
    });
  });
  return settings;
}

/**
 * Everything that identifies the member across tables: account email, HR record emails, numbers,
 * and the pipeline cards about them.
 */
export async function findDataSubject(db: Db, { userId }: { userId: string }): Promise<DataSubject | null> {
  const [user] = await db
    .select({ email: users.email, employeeNumber: profiles.employeeNumber })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, userId));
  if (!user) return null;
  const records = await db
    .select({
      employeeNumber: hrRecords.employeeNumber,
      workEmail: hrRecords.workEmail,
      personalEmail: hrRecords.personalEmail,
    })
    .from(hrRecords)
    .where(
      or(
        eq(hrRecords.userId, userId),
        user.employeeNumber ? eq(hrRecords.employeeNumber, user.employeeNumber) : undefined,
      ),
    );
  const emails = new Set([user.email.toLowerCase()]);
  const numbers = new Set(user.employeeNumber ? [user.employeeNumber] : []);
  for (const r of records) {
    numbers.add(r.employeeNumber);
    if (r.workEmail) emails.add(r.workEmail.toLowerCase());
    if (r.personalEmail) emails.add(r.personalEmail.toLowerCase());
  }
  const cards = await db
    .select({ id: pipelineCards.id })
    .from(pipelineCards)
    .where(sql`${pipelineCards.id} in ${theirCards({ userId, emails: [...emails] })}`);
  return { userId, emails: [...emails], employeeNumbers: [...numbers], cardIds: cards.map((c) => c.id) };
}

/** Checks the member's own password (deleting an account needs it, not just a session). */
export async function checkPassword({ db, userId, password }: { db: Db; userId: string; password: string }) {
  const [account] = await db
    .select({ password: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')));
  const ok = account?.password ? await verifyPassword({ hash: account.password, password }) : false;
  if (!ok) throw new AppError('bad_request', 'error.bad_request', { password: ['error.wrong_password'] });
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Erases a member (decision 011) in ONE transaction: every row the register links to them is
 * deleted or has its link cleared (content follows the org's keep-content policy), suppression
 * hashes keep imports and invitations from bringing them back, queue jobs that mention them or
 * their mail go, and the user row goes last. Only an audit row without personal values remains.
 * A hire on one of their cards that has not started is cancelled first, as a withdrawal does;
 * one that started stays, anonymised by the register (decision 020).
 */
export async function eraseMember({
  db,
  env,
  clock,
  hooks,
  userId,
  actor,
}: {
  db: Db;
  env: Pick<Env, 'AUTH_SECRET'>;
  clock: Clock;
  hooks: DomainHooks;
  userId: string;
  actor: ErasureActor;
}): Promise<void> {
  const now = clock.now();
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Tx;
    const [user] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!user) throw notFound();
    if (user.role === 'admin') await assertNotLastAdmin(tx, userId);
    const subject = await findDataSubject(tx, { userId });
    if (!subject) throw notFound();
    const { keepContent } = await getErasureSettings({ db: tx });

    const hashes = [...subject.emails, ...subject.employeeNumbers].map((v) => ({
      hash: suppressionHash(env, v),
      createdAt: now,
    }));
    if (hashes.length) await tx.insert(erasureSuppressions).values(hashes).onConflictDoNothing();

    // Their mail's ids, to find the delivery jobs that carry only those ids.
    const mailIds: string[] = [];
    for (const link of personalTables().find((e) => e.table === mailMessages)?.links ?? []) {
      const where = link.where(subject);
      if (!where || link.erase !== 'delete') continue;
      const rows = await tx.select({ id: mailMessages.id }).from(mailMessages).where(where);
      mailIds.push(...rows.map((m) => m.id));
    }

    // Before the register unlinks hires and deletes the cards: a hire that never started is not a
    // position filled — it must not count in the figures or keep the referrer's reward due.
    await cancelPendingHiresOfCards({ db: tx, hooks }, { cardIds: subject.cardIds, now, reason: 'erased' });
    for (const entry of personalTables()) {
      for (const link of entry.links) await eraseLink(tx, entry.table, link, subject, keepContent);
    }
    await deleteJobsMentioning(tx, [userId, ...mailIds, ...subject.emails]);
    await audit(tx, {
      actorId: actor.kind === 'admin' ? actor.id : null,
      action: 'member.erased',
      subjectType: 'member',
      subjectId: null,
      data: { by: actor.kind, role: user.role },
      at: now,
    });
  });
}

async function eraseLink(tx: Tx, table: PgTable, link: RowLink, subject: DataSubject, keepContent: boolean) {
  const where = link.where(subject);
  if (!where) return;
  const erase = link.erase;
  if (erase === 'delete' || ('content' in erase && !keepContent)) {
    await tx.delete(table).where(where);
    return;
  }
  const given = 'content' in erase ? erase.content.anonymise : erase.set;
  const columns = getTableColumns(table);
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    if (!(key in columns)) throw new Error(`personal-data: ${key} is not a column`);
    set[key] = typeof value === 'function' ? value(subject) : value;
  }
  await tx.update(table).set(set).where(where);
}

/**
 * pg-boss keeps jobs (and finished ones in its archive) in its own schema. Job data holds ids
 * only, but a failed job's output may quote an address: anything mentioning them goes.
 */
async function deleteJobsMentioning(tx: Tx, needles: string[]) {
  const [exists] = (
    (await tx.execute(sql`select to_regclass('pgboss.job') is not null as present`)) as unknown as {
      rows: { present: boolean }[];
    }
  ).rows;
  if (!exists?.present || needles.length === 0) return;
  const patterns = needles.map((n) => `%${escapeLike(n)}%`);
  const list = sql.join(
    patterns.map((p) => sql`${p}`),
    sql`, `,
  );
  for (const table of [sql`pgboss.job`, sql`pgboss.archive`]) {
    await tx.execute(
      sql`delete from ${table} where data::text like any (array[${list}]) or coalesce(output::text, '') like any (array[${list}])`,
    );
  }
}

async function assertNotLastAdmin(tx: Tx, userId: string) {
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active'), ne(users.id, userId)))
    .limit(1);
  if (!other) throw new AppError('conflict', 'error.last_admin');
}
