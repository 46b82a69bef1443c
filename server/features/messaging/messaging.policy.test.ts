import { describe, expect, it } from 'vitest';
import type { Viewer } from '#server/lib/access/policy';
import { canReviewPeopleReports, firstMessageAllows, mayStartWithAnyone } from './messaging.policy';

const viewer = (role: Viewer['role']): Viewer => ({
  id: 'v',
  role,
  email: 'v@example.com',
  displayName: 'V',
  locale: 'en',
  attributes: { leftOn: null, currentEmployer: null },
});

describe('who may write to whom (decision 039)', () => {
  it('HR starts a conversation with anyone and reviews people reports; nobody else does', () => {
    for (const role of ['alumni_manager', 'admin'] as const) {
      expect(mayStartWithAnyone(viewer(role))).toBe(true);
      expect(canReviewPeopleReports(viewer(role))).toBe(true);
    }
    for (const role of ['alumni', 'employee', 'leaver'] as const) {
      expect(mayStartWithAnyone(viewer(role))).toBe(false);
      expect(canReviewPeopleReports(viewer(role))).toBe(false);
    }
  });

  const base = {
    authorIsHr: false,
    kind: 'direct' as const,
    origin: 'member' as const,
    connected: false,
    authorHasWritten: true,
    othersHaveWritten: false,
  };
  it.each([
    ['a connection writes freely', { connected: true }, true],
    ['a non-connection sends a first message', { authorHasWritten: false }, true],
    ['a non-connection waits for a reply after it', {}, false],
    ['once the other replied, the conversation is open', { othersHaveWritten: true }, true],
    ['HR is not limited', { authorIsHr: true }, true],
    ['a mentoring conversation is not limited', { origin: 'mentoring' as const }, true],
    ['an HR conversation is not limited', { origin: 'hr' as const }, true],
    ['a group is not limited (its members were connections when added)', { kind: 'group' as const }, true],
  ])('%s', (_name, change, expected) => {
    expect(firstMessageAllows({ ...base, ...change })).toBe(expected);
  });
});
