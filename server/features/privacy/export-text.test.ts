import { describe, expect, it } from 'vitest';
import { columnLabel } from './export-text';

describe('export column labels', () => {
  it('name a profile field as the profile page does', () => {
    expect(columnLabel('office', 'ja')).toBe('勤務地（事業所）');
    expect(columnLabel('openToReturn', 'ja')).toBe('出戻り歓迎');
    expect(columnLabel('familyNameKana', 'en')).toBe('Family name (kana)');
  });

  it('name an HR record field as the HR import does', () => {
    expect(columnLabel('workEmail', 'ja')).toBe('社用メール');
    expect(columnLabel('leaveReason', 'en')).toBe('Leave reason');
  });

  it('label the columns no screen shows here', () => {
    expect(columnLabel('providerId', 'ja')).toBe('ログイン方法');
    expect(columnLabel('providerId', 'en')).toBe('Provider id');
    expect(columnLabel('someNewColumn', 'ja')).toBe('someNewColumn');
  });
});
