/**
 * Exit management lists and the field audience table, free of zod so the web bundle can import
 * them. See docs/decisions/012-exit-management.md.
 */

/** Why someone leaves (HR-only). Labels come from web/i18n. */
export const REASON_CATEGORIES = [
  'career_change',
  'family',
  'study',
  'retirement',
  'health',
  'relocation',
  'contract_end',
  'other',
] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

/** Derived stage of a case, in order. */
export const CASE_STAGES = [
  'announced',
  'conversation',
  'survey',
  'checklist',
  'ready',
  'completed',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_STATUSES = ['open', 'completed', 'cancelled'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const REHIRE_ELIGIBILITIES = ['eligible', 'not_eligible', 'needs_review'] as const;
export type RehireEligibility = (typeof REHIRE_ELIGIBILITIES)[number];

export const NETWORK_DECISIONS = ['pending', 'joined', 'declined'] as const;
export type NetworkDecision = (typeof NETWORK_DECISIONS)[number];

/** How a viewer relates to a case. `hr` = alumni_manager or admin. Everyone else gets a 404. */
export const CASE_ACCESSES = ['hr', 'manager', 'leaver'] as const;
export type CaseAccess = (typeof CASE_ACCESSES)[number];

/**
 * Who may see which part of a case. A presenter drops a field (the key is absent from the JSON)
 * when the viewer's access is not listed. `proposal` reaches the leaver only once shared.
 */
export const EXIT_FIELD_AUDIENCE = {
  reasonCategory: ['hr'],
  reasonNote: ['hr'],
  rehireEligibility: ['hr'],
  rehireReason: ['hr'],
  surveyAnswers: ['hr'],
  proposal: ['hr', 'manager', 'leaver'],
  checklist: ['hr', 'manager', 'leaver'],
  lastDay: ['hr', 'manager', 'leaver'],
} as const satisfies Record<string, readonly CaseAccess[]>;
export type ExitField = keyof typeof EXIT_FIELD_AUDIENCE;

/** Whether `access` may see `field` (admin counts as hr). */
export function exitFieldVisible(field: ExitField, access: CaseAccess): boolean {
  return (EXIT_FIELD_AUDIENCE[field] as readonly CaseAccess[]).includes(access);
}

export const DEFAULT_EXIT_TIME_ZONE = 'Asia/Tokyo';

// ---- time: "the last day has ended in the case's time zone" ----------------------------------

/** Milliseconds the wall clock in `timeZone` is ahead of UTC at `at`. */
export function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The calendar date (YYYY-MM-DD) at `at` in `timeZone`. */
export function dateIn(at: Date, timeZone: string): string {
  return new Date(at.getTime() + zoneOffsetMs(at, timeZone)).toISOString().slice(0, 10);
}

/** The instant `day` (YYYY-MM-DD) ends in `timeZone`: midnight at the start of the next day there. */
export function dayEndsAt(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(y, m - 1, d + 1);
  // Two passes settle the offset even when a DST change happens around that midnight.
  let instant = wallMidnight - zoneOffsetMs(new Date(wallMidnight), timeZone);
  instant = wallMidnight - zoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** Whether the last day has ended in the case's time zone at `now`. */
export const lastDayEnded = (lastDay: string, timeZone: string, now: Date) =>
  now.getTime() >= dayEndsAt(lastDay, timeZone).getTime();
