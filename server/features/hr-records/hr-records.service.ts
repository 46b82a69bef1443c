import { and, asc, gt, sql } from 'drizzle-orm';
import type { HrRecordFilter } from '#common/hr-records';
import type { Db } from '#server/db/client';
import { hrRecords } from '#server/db/schema/index';
import { hrRecordFilterWhere, hrRecordStatusSql } from '#server/features/invitations/record-filter';

export const HR_RECORDS_PAGE = 50;

/**
 * One page of HR records matching the filter (the same filter as bulk invitations), in employee
 * number order with keyset pagination: `cursor` is the last employee number of the previous page.
 */
export async function listHrRecords({
  db,
  filter,
  cursor,
  limit = HR_RECORDS_PAGE,
  now,
}: {
  db: Db;
  filter: HrRecordFilter;
  cursor?: string;
  limit?: number;
  now: Date;
}) {
  const rows = await db
    .select({
      id: hrRecords.id,
      employeeNumber: hrRecords.employeeNumber,
      familyName: hrRecords.familyName,
      givenName: hrRecords.givenName,
      familyNameKana: hrRecords.familyNameKana,
      givenNameKana: hrRecords.givenNameKana,
      familyNameRomaji: hrRecords.familyNameRomaji,
      givenNameRomaji: hrRecords.givenNameRomaji,
      workEmail: hrRecords.workEmail,
      personalEmail: hrRecords.personalEmail,
      joinedOn: hrRecords.joinedOn,
      leftOn: hrRecords.leftOn,
      departments: hrRecords.departments,
      lastTitle: hrRecords.lastTitle,
      office: hrRecords.office,
      leaveReason: hrRecords.leaveReason,
      locale: hrRecords.locale,
      userId: hrRecords.userId,
      updatedAt: hrRecords.updatedAt,
      status: hrRecordStatusSql(now),
    })
    .from(hrRecords)
    .where(and(hrRecordFilterWhere(filter, now), cursor ? gt(hrRecords.employeeNumber, cursor) : undefined))
    .orderBy(asc(hrRecords.employeeNumber))
    .limit(limit + 1);
  const hasMore = rows.length > limit;
  const items = rows.slice(0, limit);
  return { items, nextCursor: hasMore ? (items.at(-1)?.employeeNumber ?? null) : null };
}

/** How many records match (for "invite all N"); capped so a broad filter stays cheap. */
export async function countHrRecords({ db, filter, now }: { db: Db; filter: HrRecordFilter; now: Date }) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(hrRecords)
    .where(hrRecordFilterWhere(filter, now));
  return row?.n ?? 0;
}

export type HrRecordListRow = Awaited<ReturnType<typeof listHrRecords>>['items'][number];
