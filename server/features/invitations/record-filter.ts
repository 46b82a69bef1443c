import { and, type SQL, sql } from 'drizzle-orm';
import { normalizeEmployeeNumber } from '#common/employee-number';
import type { HrRecordFilter } from '#common/hr-records';
import { normalizeForSearch } from '#common/search-text';
import { hrRecords, invitations } from '#server/db/schema/index';

/**
 * An invitation for the record that is still open (not accepted, revoked or expired), optionally
 * narrowed by how its last email went. `now` defaults to the database clock.
 */
function openInvitationWhere(now: Date | undefined, delivery: 'any' | 'ok' | 'failed'): SQL {
  const extra =
    delivery === 'ok'
      ? sql`and ${invitations.deliveryStatus} is distinct from 'failed' and ${invitations.deliveryStatus} is distinct from 'bounced'`
      : delivery === 'failed'
        ? sql`and ${invitations.deliveryStatus} in ('failed', 'bounced')`
        : sql``;
  const expires = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  return sql`exists (
    select 1 from ${invitations}
    where ${invitations.hrRecordId} = ${hrRecords.id}
      and ${invitations.acceptedAt} is null and ${invitations.revokedAt} is null
      and ${invitations.expiresAt} > ${expires} ${extra}
  )`;
}

/** The address an invitation for this record goes to: the personal one, else the work one. */
export const recordAddressSql = sql<
  string | null
>`lower(coalesce(nullif(trim(${hrRecords.personalEmail}), ''), nullif(trim(${hrRecords.workEmail}), '')))`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * HrRecordFilter → one SQL condition on `hr_records` (HR records list and bulk invitations use
 * the same, so "invite everyone I see" means exactly the rows on screen). Status:
 * member = has an account; invited = an open invitation whose mail did not fail;
 * failed = an open invitation whose last mail failed or bounced; not_invited = neither.
 */
export function hrRecordFilterWhere(filter: HrRecordFilter, now?: Date): SQL | undefined {
  const conditions: SQL[] = [];
  const q = filter.q?.trim();
  if (q) {
    const normalized = normalizeForSearch(q);
    const lowered = q.toLowerCase();
    conditions.push(sql`(
      ${hrRecords.matchName} like ${`%${escapeLike(normalized)}%`}
      or (char_length(${normalized}) >= 3 and ${normalized} <% ${hrRecords.matchName})
      or ${hrRecords.employeeNumber} = ${normalizeEmployeeNumber(q)}
      or lower(${hrRecords.workEmail}) like ${`${escapeLike(lowered)}%`}
      or lower(${hrRecords.personalEmail}) like ${`${escapeLike(lowered)}%`}
    )`);
  }
  if (filter.department) conditions.push(sql`${filter.department} = any(${hrRecords.departments})`);
  if (filter.leftFrom) conditions.push(sql`${hrRecords.leftOn} >= ${filter.leftFrom}`);
  if (filter.leftTo) conditions.push(sql`${hrRecords.leftOn} <= ${filter.leftTo}`);
  if (filter.hasEmail === true) conditions.push(sql`${recordAddressSql} is not null`);
  if (filter.hasEmail === false) conditions.push(sql`${recordAddressSql} is null`);
  switch (filter.status) {
    case 'member':
      conditions.push(sql`${hrRecords.userId} is not null`);
      break;
    case 'invited':
      conditions.push(sql`${hrRecords.userId} is null and ${openInvitationWhere(now, 'ok')}`);
      break;
    case 'failed':
      conditions.push(sql`${hrRecords.userId} is null and ${openInvitationWhere(now, 'failed')}`);
      break;
    case 'not_invited':
      conditions.push(sql`${hrRecords.userId} is null and not ${openInvitationWhere(now, 'any')}`);
      break;
    default:
      break;
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** The status of one record as `hrRecordFilterWhere` defines it, as a SQL expression. */
export function hrRecordStatusSql(now?: Date): SQL<'not_invited' | 'invited' | 'member' | 'failed'> {
  return sql<'not_invited' | 'invited' | 'member' | 'failed'>`case
    when ${hrRecords.userId} is not null then 'member'
    when ${openInvitationWhere(now, 'failed')} then 'failed'
    when ${openInvitationWhere(now, 'any')} then 'invited'
    else 'not_invited' end`;
}
