import { and, desc, eq, ilike, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { OutboxQuery } from '#common/mail';
import type { Db } from '#server/db/client';
import { mailMessages } from '#server/db/schema/index';
import { AppError, notFound } from '#server/lib/errors';
import { PRIVATE_RECIPIENT_KINDS } from './mail.policy';

const PAGE_SIZE = 50;

const encodeCursor = (row: { createdAt: Date; id: string }) =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new AppError('bad_request', 'error.bad_request', { cursor: ['v.invalid'] });
  }
  return { createdAt, id };
}

/**
 * The outbox, newest first, keyset-paginated (stable while new mail arrives). The text filter
 * matches the subject, and the address — except a private recipient's (see
 * PRIVATE_RECIPIENT_KINDS) unless `searchPrivateAddresses` (the local development catcher).
 */
export async function listOutbox({
  db,
  query,
  searchPrivateAddresses,
}: {
  db: Db;
  query: OutboxQuery;
  searchPrivateAddresses: boolean;
}) {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(mailMessages.status, query.status));
  if (query.kind) conditions.push(eq(mailMessages.kind, query.kind));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const address = searchPrivateAddresses
      ? ilike(mailMessages.toAddress, pattern)
      : and(
          ilike(mailMessages.toAddress, pattern),
          notInArray(mailMessages.kind, [...PRIVATE_RECIPIENT_KINDS]),
        );
    conditions.push(or(address, ilike(mailMessages.subject, pattern)) as SQL);
  }
  if (query.cursor) {
    const { createdAt, id } = decodeCursor(query.cursor);
    conditions.push(
      sql`(${mailMessages.createdAt}, ${mailMessages.id}) < (${createdAt.toISOString()}::timestamptz, ${id})`,
    );
  }
  const rows = await db
    .select()
    .from(mailMessages)
    .where(and(...conditions))
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(PAGE_SIZE + 1);
  const items = rows.slice(0, PAGE_SIZE);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor(last) : null };
}

export async function findOutboxMessage({ db, id }: { db: Db; id: string }) {
  const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
  if (!row) throw notFound();
  return row;
}
