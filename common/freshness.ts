import { z } from 'zod';
import { RoleSchema } from './roles';

export const FRESHNESS_MONTHS_MIN = 3;
export const FRESHNESS_MONTHS_MAX = 36;
export const FRESHNESS_MONTHS_DEFAULT = 12;

/** Every N months a member is asked "still at X as Y?". */
export const FreshnessSettingsSchema = z
  .object({ months: z.number().int().min(FRESHNESS_MONTHS_MIN).max(FRESHNESS_MONTHS_MAX) })
  .strict();
export type FreshnessSettings = z.infer<typeof FreshnessSettingsSchema>;

/** The signed-in member's own freshness (home banner). */
export const MyFreshnessSchema = z.object({
  isStale: z.boolean(),
  confirmedAt: z.string(),
  currentEmployer: z.string().nullable(),
  currentTitle: z.string().nullable(),
  months: z.number(),
});
export type MyFreshness = z.infer<typeof MyFreshnessSchema>;

export const FreshnessTokenSchema = z.object({ token: z.string().min(20).max(400) }).strict();

export const FreshnessConfirmedSchema = z.object({ confirmedAt: z.string() });

const Share = z.object({ total: z.number(), stale: z.number(), share: z.number() });

/** HR: how many active profiles were not confirmed within the period, overall and by group. */
export const FreshnessSummarySchema = Share.extend({
  months: z.number(),
  byRole: z.array(Share.extend({ role: RoleSchema })),
  byDepartment: z.array(Share.extend({ department: z.string() })),
});
export type FreshnessSummary = z.infer<typeof FreshnessSummarySchema>;
