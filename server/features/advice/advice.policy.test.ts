import { describe, expect, it } from 'vitest';
import { ADVICE_KINDS, type AdviceKind } from '#common/advice';
import type { Role } from '#common/roles';
import type { Viewer } from '#server/lib/access/policy';
import { canAskFor, canSeeAdviceStats, type Offers } from './advice.policy';

const ROLES: Role[] = ['alumni', 'employee', 'leaver', 'alumni_manager', 'admin'];
const NONE: Offers = { mentoring: false, sideWork: false, speaking: false };
const ALL: Offers = { mentoring: true, sideWork: true, speaking: true };
const viewer = (role: Role) => ({ id: 'v', role }) as Viewer;

/**
 * The policy table of advice requests (decision 040): every sender role × recipient role × kind,
 * with the recipient offering nothing and everything.
 */
describe('canAskFor', () => {
  const flagged: Record<Exclude<AdviceKind, 'career_path'>, keyof Offers> = {
    mentoring: 'mentoring',
    side_work: 'sideWork',
    speaking: 'speaking',
  };
  it('career_path: employees and leavers ask alumni, whatever the flags; nobody else', () => {
    for (const sender of ROLES) {
      for (const recipient of ROLES) {
        const expected = (sender === 'employee' || sender === 'leaver') && recipient === 'alumni';
        expect(canAskFor('career_path', sender, recipient, NONE), `${sender} → ${recipient}`).toBe(expected);
        expect(canAskFor('career_path', sender, recipient, ALL), `${sender} → ${recipient}`).toBe(expected);
      }
    }
  });
  it('the flagged kinds: exactly when the recipient shows the matching flag, any roles', () => {
    for (const kind of ADVICE_KINDS.filter((k) => k !== 'career_path') as (keyof typeof flagged)[]) {
      for (const sender of ROLES) {
        for (const recipient of ROLES) {
          expect(canAskFor(kind, sender, recipient, NONE)).toBe(false);
          expect(canAskFor(kind, sender, recipient, ALL)).toBe(true);
          expect(canAskFor(kind, sender, recipient, { ...NONE, [flagged[kind]]: true })).toBe(true);
          expect(canAskFor(kind, sender, recipient, { ...ALL, [flagged[kind]]: false })).toBe(false);
        }
      }
    }
  });
});

describe('canSeeAdviceStats', () => {
  it('HR only (alumni_manager, admin)', () => {
    expect(ROLES.filter((r) => canSeeAdviceStats(viewer(r)))).toEqual(['alumni_manager', 'admin']);
  });
});
