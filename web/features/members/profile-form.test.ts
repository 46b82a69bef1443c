import { describe, expect, it } from 'vitest';
import type { Profile } from '#common/profiles';
import { newLinkRow, splitList, toFormValues, toUpdate } from './profile-form';

const profile: Profile = {
  id: 'm1',
  role: 'alumni',
  displayName: '佐藤 花子',
  familyName: '佐藤',
  givenName: '花子',
  familyNameKana: 'さとう',
  givenNameKana: 'はなこ',
  familyNameRomaji: 'Sato',
  givenNameRomaji: 'Hanako',
  employeeNumber: 'E1',
  joinedOn: '2010-04-01',
  leftOn: '2020-03-31',
  departments: ['営業部'],
  skills: ['Go'],
  bio: 'hello',
  links: [{ label: 'Blog', url: 'https://example.com' }],
  openToReturn: false,
  visibility: { bio: 'members' },
  visibilityLimits: { bio: 'members' },
  photo: null,
  canEdit: true,
};

describe('profile edit form', () => {
  it('splits lists on ASCII, ideographic and full-width commas', () => {
    expect(splitList('Go, Rust、TypeScript，  , SQL')).toEqual(['Go', 'Rust', 'TypeScript', 'SQL']);
  });

  it('shows vocabulary skills in the reader’s language; an untouched list is not sent', () => {
    const withSales = { ...profile, skills: ['Sales', 'Go'] };
    const ja = toFormValues(withSales, 'ja');
    expect(ja.skills).toBe('営業, Go');
    expect(toFormValues(withSales, 'en').skills).toBe('Sales, Go');
    expect(toUpdate(withSales, ja, { ...ja }, { canEditHrRecord: false })).toEqual({});
    expect(
      toUpdate(withSales, ja, { ...ja, skills: '営業, Go, Rust' }, { canEditHrRecord: false }).skills,
    ).toEqual(['営業', 'Go', 'Rust']);
  });

  it('sends nothing when nothing changed', () => {
    const initial = toFormValues(profile);
    expect(toUpdate(profile, initial, { ...initial }, { canEditHrRecord: false })).toEqual({});
  });

  it('sends only changed keys, empty text as null, and keeps a typed romaji', () => {
    const initial = toFormValues(profile);
    const values = {
      ...initial,
      bio: '  ',
      skills: 'Go, Rust',
      openToReturn: true,
      visibility: { bio: 'employees' as const },
    };
    expect(toUpdate(profile, initial, values, { canEditHrRecord: false })).toEqual({
      bio: null,
      skills: ['Go', 'Rust'],
      openToReturn: true,
      visibility: { bio: 'employees' },
      familyNameRomaji: 'Sato',
      givenNameRomaji: 'Hanako',
    });
  });

  it('lets the server derive romaji again when the kana changed', () => {
    const initial = toFormValues(profile);
    const update = toUpdate(
      profile,
      initial,
      { ...initial, familyNameKana: 'かとう' },
      { canEditHrRecord: false },
    );
    expect(update).toEqual({ familyNameKana: 'かとう', givenNameRomaji: 'Hanako' });
  });

  it('never sends HR-record fields for a member, and sends them for HR', () => {
    const initial = toFormValues(profile);
    const values = { ...initial, leftOn: '2021-03-31', employeeNumber: 'E2' };
    expect(toUpdate(profile, initial, values, { canEditHrRecord: false })).toEqual({});
    expect(toUpdate(profile, initial, values, { canEditHrRecord: true })).toMatchObject({
      leftOn: '2021-03-31',
      employeeNumber: 'E2',
    });
  });

  it('drops empty link rows and sends half-filled ones for the server to check', () => {
    const initial = toFormValues(profile);
    const links = [...initial.links, newLinkRow(), newLinkRow('Talk', '')];
    expect(toUpdate(profile, initial, { ...initial, links }, { canEditHrRecord: false }).links).toEqual([
      { label: 'Blog', url: 'https://example.com' },
      { label: 'Talk', url: '' },
    ]);
  });

  it('does not send fields the viewer cannot see (absent from the profile)', () => {
    const { bio: _bio, ...withoutBio } = profile;
    const initial = toFormValues(withoutBio);
    expect(toUpdate(withoutBio, initial, { ...initial, bio: 'x' }, { canEditHrRecord: false })).toEqual({});
  });
});
