import { describe, expect, it } from 'vitest';
import { deriveRomaji, displayName } from './names';

describe('names', () => {
  it('derives passport-style romaji from kana when none is given', () => {
    expect(deriveRomaji('佐藤', 'さとう', null)).toBe('Sato');
    expect(deriveRomaji('大野', 'おおの', undefined)).toBe('Ono');
    expect(deriveRomaji('田中', 'タナカ', null)).toBe('Tanaka');
    expect(deriveRomaji('田中', 'たなか', 'Tanaka-X')).toBe('Tanaka-X');
    expect(deriveRomaji('Wilson', null, null)).toBe('Wilson');
    expect(deriveRomaji('田中', null, null)).toBeNull();
  });
  it('orders Japanese names family-first and Latin names given-first', () => {
    expect(displayName({ familyName: '田中', givenName: '太郎' })).toBe('田中 太郎');
    expect(displayName({ familyName: 'Wilson', givenName: 'Emma' })).toBe('Emma Wilson');
  });
});
