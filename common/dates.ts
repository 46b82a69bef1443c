/** Date helpers shared by the server and the web app (pure: "today" is always passed in). */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(iso: string): [number, number, number] | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? [y, mo, d] : null;
}

/**
 * Whole years at the company — the one count for the profile, the pipeline and the ATS handoff.
 * The last day counts as worked (joined 2010-04-01, left 2021-03-31 → 11); while employed, or
 * before a last day still to come, the years completed by `today` (the anniversary day counts).
 * A leap-day joiner completes a year on 28 February worked through, i.e. from 1 March.
 * Null when the first day is unknown or not a date.
 */
export function tenureYears(
  joinedOn: string | null | undefined,
  leftOn: string | null | undefined,
  today: string,
): number | null {
  const start = joinedOn ? parseIsoDate(joinedOn) : null;
  if (!start) return null;
  const last = leftOn && leftOn < today ? parseIsoDate(leftOn) : null;
  // The end is exclusive: the day after the last day worked, or today.
  const endDate = last
    ? new Date(Date.UTC(last[0], last[1] - 1, last[2] + 1))
    : (() => {
        const t = parseIsoDate(today);
        return t ? new Date(Date.UTC(t[0], t[1] - 1, t[2])) : null;
      })();
  if (!endDate) return null;
  const [y1, m1, d1] = start;
  const [y2, m2, d2] = [endDate.getUTCFullYear(), endDate.getUTCMonth() + 1, endDate.getUTCDate()];
  let years = y2 - y1;
  if (m2 < m1 || (m2 === m1 && d2 < d1)) years -= 1;
  return Math.max(0, years);
}

/** Today's date (YYYY-MM-DD) in UTC. */
export const isoToday = (now: Date = new Date()) => now.toISOString().slice(0, 10);

/** YYYY-MM-DD plus `days` (calendar arithmetic, no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The calendar date `now` falls on in `timeZone`, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
