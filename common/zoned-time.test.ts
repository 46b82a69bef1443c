import { describe, expect, it } from 'vitest';
import { isoToZoned, zonedToIso } from './zoned-time';

describe('wall-clock times in an event’s zone', () => {
  it('reads 19:00 in Tokyo as 10:00 UTC, and back', () => {
    expect(zonedToIso('2026-12-20T19:00', 'Asia/Tokyo')).toBe('2026-12-20T10:00:00.000Z');
    expect(isoToZoned('2026-12-20T10:00:00.000Z', 'Asia/Tokyo')).toBe('2026-12-20T19:00');
  });

  it('follows daylight saving time in New York', () => {
    expect(zonedToIso('2026-07-01T09:00', 'America/New_York')).toBe('2026-07-01T13:00:00.000Z');
    expect(zonedToIso('2026-12-01T09:00', 'America/New_York')).toBe('2026-12-01T14:00:00.000Z');
  });

  it('leaves an empty field empty', () => {
    expect(zonedToIso('', 'Asia/Tokyo')).toBe('');
    expect(isoToZoned(null, 'Asia/Tokyo')).toBe('');
  });
});
