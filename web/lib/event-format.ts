/** How an event's time and title read in the viewer's language (events, home, groups, the feed: decision 044). */
import { eventTitle } from '#common/events';
import { useLanguage } from '#web/lib/format';

/** The viewer's own time zone (the browser's). */
export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * An event's time range in a zone: 「2026年12月20日(日) 19:00–21:00」 / "Sun, Dec 20, 2026, 7:00 – 9:00 PM".
 */
export function formatRange(lang: 'ja' | 'en', startsAt: string, endsAt: string, timeZone: string): string {
  const fmt = new Intl.DateTimeFormat(lang, {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
  });
  try {
    return fmt.formatRange(new Date(startsAt), new Date(endsAt));
  } catch {
    return `${fmt.format(new Date(startsAt))} – ${fmt.format(new Date(endsAt))}`;
  }
}

/** Is the viewer somewhere the event's clock reads differently? */
export function sameOffset(timeZone: string, at: string): boolean {
  const instant = new Date(at);
  const wall = (zone: string) => new Date(instant.toLocaleString('en-US', { timeZone: zone })).getTime();
  return wall(timeZone) === wall(viewerTimeZone());
}

export function useEventFormat() {
  const lang = useLanguage();
  return {
    lang,
    title: (e: { titleJa: string | null; titleEn: string | null }) => eventTitle(e, lang),
    text: (ja: string | null, en: string | null) => (lang === 'ja' ? (ja ?? en) : (en ?? ja)) ?? '',
    range: (e: { startsAt: string; endsAt: string; timeZone: string }, zone = e.timeZone) =>
      formatRange(lang, e.startsAt, e.endsAt, zone),
    dateTime: (iso: string, timeZone?: string) =>
      new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
        new Date(iso),
      ),
  };
}
