/**
 * Wall-clock times in an event's own time zone ↔ instants, for the form's `datetime-local` fields:
 * HR types 19:00 for an event in Asia/Tokyo wherever their browser is.
 */
const wallClockMs = (instant: Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
};

/** `2026-12-20T19:00` read in `timeZone` → an ISO instant (`…Z`); '' stays ''. */
export function zonedToIso(local: string, timeZone: string): string {
  if (!local) return '';
  const [date, time = '00:00'] = local.split('T');
  const [y, m, d] = (date ?? '').split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const asUtc = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  if (Number.isNaN(asUtc)) return local;
  try {
    let guess = asUtc;
    // Two steps settle the offset, also next to a daylight-saving change.
    for (let i = 0; i < 2; i++) guess = asUtc - (wallClockMs(new Date(guess), timeZone) - guess);
    return new Date(guess).toISOString();
  } catch {
    return new Date(asUtc).toISOString();
  }
}

/** An instant → `2026-12-20T19:00` on the wall clock of `timeZone`. */
export function isoToZoned(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  try {
    return new Date(wallClockMs(new Date(iso), timeZone)).toISOString().slice(0, 16);
  } catch {
    return iso.slice(0, 16);
  }
}
