import { describe, expect, it } from 'vitest';
import type { ConnectionsVisibility } from '#common/connections';
import type { Role } from '#common/roles';
import type { Viewer } from '#server/lib/access/policy';
import { canBeFollowed, canMessage, canSeeConnections } from './connections.policy';

const ROLES: Role[] = ['alumni', 'employee', 'leaver', 'alumni_manager', 'admin'];
const VISIBILITIES: ConnectionsVisibility[] = ['members', 'connections', 'only_me'];
const viewer = (role: Role, id = 'viewer'): Viewer => ({
  id,
  role,
  email: `${id}@example.com`,
  displayName: id,
  locale: 'en',
  attributes: { leftOn: null, currentEmployer: null },
});
const isHrRole = (role: Role) => role === 'alumni_manager' || role === 'admin';

/** The policy table: who sees a member's connections, for every role × setting × relation. */
describe('canSeeConnections', () => {
  it('members: everyone; connections: connected ones; only_me: nobody — the owner and HR always', () => {
    for (const role of ROLES) {
      for (const visibility of VISIBILITIES) {
        for (const connectedWithViewer of [false, true]) {
          const expected =
            isHrRole(role) ||
            visibility === 'members' ||
            (visibility === 'connections' && connectedWithViewer);
          const seen = canSeeConnections(viewer(role), { id: 'owner', visibility, connectedWithViewer });
          expect(seen, `${role} ${visibility} connected=${connectedWithViewer}`).toBe(expected);
          expect(
            canSeeConnections(viewer(role, 'owner'), { id: 'owner', visibility, connectedWithViewer }),
          ).toBe(true);
        }
      }
    }
  });
});

describe('canBeFollowed', () => {
  it('company accounts (HR roles, appointed company posters) and speakers only', () => {
    for (const role of ROLES) {
      for (const isCompanyPoster of [false, true]) {
        for (const speaking of [false, true]) {
          expect(
            canBeFollowed({ role, isCompanyPoster, speaking }),
            `${role} ${isCompanyPoster} ${speaking}`,
          ).toBe(isHrRole(role) || isCompanyPoster || speaking);
        }
      }
    }
  });
});

describe('canMessage', () => {
  it('connected members, or HR to anyone', () => {
    for (const role of ROLES) {
      expect(canMessage(viewer(role), true)).toBe(true);
      expect(canMessage(viewer(role), false)).toBe(isHrRole(role));
    }
  });
});
