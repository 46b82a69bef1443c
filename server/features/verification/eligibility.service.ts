import { eq, sql } from 'drizzle-orm';
import { type EligibilityRules, EligibilityRulesSchema } from '../../../common/verification';
import type { Db } from '../../db/client';
import { orgSettings } from '../../db/schema/index';

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
