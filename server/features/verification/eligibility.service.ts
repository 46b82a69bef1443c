import { asc, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { type EligibilityRules, EligibilityRulesSchema } from '#common/verification';
import type { Db } from '#server/db/client';
import { hrRecords } from '#server/db/schema/index';
import { defineSetting, readSetting, writeSetting } from '#server/lib/settings';

const RULES_KEY = 'verification.eligibility';

/** Until HR sets rules: anyone who has left may join; current employees join by invitation. */
export const DEFAULT_ELIGIBILITY_RULES: EligibilityRules = {
  minTenureMonths: 0,
  excludedLeaveReasons: [],
  allowCurrentEmployees: false,
};

/**
 * HR's eligibility rules for join requests (one jsonb value); a stored value missing a rule added
 * since takes that rule's default.
 */
export const ELIGIBILITY_RULES = defineSetting<EligibilityRules>(
  RULES_KEY,
  z.preprocess((value) => ({ ...DEFAULT_ELIGIBILITY_RULES, ...(value as object) }), EligibilityRulesSchema),
  () => DEFAULT_ELIGIBILITY_RULES,
);

export async function getEligibilityRules({ db }: { db: Db }): Promise<EligibilityRules> {
  return readSetting(db, ELIGIBILITY_RULES);
}

export async function setEligibilityRules({ db, rules }: { db: Db; rules: EligibilityRules }) {
  const value = { ...rules, excludedLeaveReasons: [...new Set(rules.excludedLeaveReasons)] };
  await writeSetting(db, ELIGIBILITY_RULES, value);
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
