import { asc, eq, isNotNull, sql } from 'drizzle-orm';
import { type EligibilityRules, EligibilityRulesSchema } from '#common/verification';
import type { Db } from '#server/db/client';
import { hrRecords, orgSettings } from '#server/db/schema/index';

const RULES_KEY = 'verification.eligibility';

/** Until HR sets rules: anyone who has left may join; current employees join by invitation. */
export const DEFAULT_ELIGIBILITY_RULES: EligibilityRules = {
  minTenureMonths: 0,
  excludedLeaveReasons: [],
  allowCurrentEmployees: false,
};

/** HR's eligibility rules for join requests (org_settings, one jsonb value). */
export async function getEligibilityRules({ db }: { db: Db }): Promise<EligibilityRules> {
  const [row] = await db
    .select({ value: orgSettings.value })
    .from(orgSettings)
    .where(eq(orgSettings.key, RULES_KEY));
  const parsed = EligibilityRulesSchema.safeParse({
    ...DEFAULT_ELIGIBILITY_RULES,
    ...(row?.value as object),
  });
  return parsed.success ? parsed.data : DEFAULT_ELIGIBILITY_RULES;
}

export async function setEligibilityRules({ db, rules }: { db: Db; rules: EligibilityRules }) {
  const value = { ...rules, excludedLeaveReasons: [...new Set(rules.excludedLeaveReasons)] };
  await db
    .insert(orgSettings)
    .values({ key: RULES_KEY, value })
    .onConflictDoUpdate({ target: orgSettings.key, set: { value, updatedAt: sql`now()` } });
  return value;
}

/** Distinct, non-blank `hr_records.leave_reason` codes, sorted (at most 100), for the rules form. */
export async function listKnownLeaveReasons({ db }: { db: Db }): Promise<string[]> {
  const rows = await db
    .selectDistinct({ code: hrRecords.leaveReason })
    .from(hrRecords)
    .where(isNotNull(hrRecords.leaveReason))
    .orderBy(asc(hrRecords.leaveReason))
    .limit(100);
  const codes = rows.map((r) => r.code?.trim() ?? '').filter((code) => code !== '');
  // Sorted here, not by the database collation, so the order is the same everywhere.
  return [...new Set(codes)].sort();
}
