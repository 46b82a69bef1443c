import { describe, expect, it } from 'vitest';
import { POST_AUDIENCE_PRESETS, type PostAudienceInput } from '#common/posts';
import type { Role } from '#common/roles';
import { canView, type Viewer } from '#server/lib/access/policy';
import { audienceOfPost, canPinPost, governedFromPostAudience, inFeedScope } from './posts.policy';

const NOW = new Date('2026-11-24T03:00:00Z');
const viewer = (role: Role, groupIds: string[] = []): Viewer => ({
  id: `v-${role}-${groupIds.join('')}`,
  role,
  email: 'v@example.com',
  displayName: 'V',
  locale: 'ja',
  attributes: { leftOn: role === 'alumni' ? '2020-03-31' : null, currentEmployer: null },
  groupIds,
});

/** Who each preset reaches (the table of issue 11): an internal post never reaches an alumnus. */
const TABLE: [PostAudienceInput, Role, string[], boolean][] = [
  [{ preset: 'everyone' }, 'alumni', [], true],
  [{ preset: 'everyone' }, 'employee', [], true],
  [{ preset: 'alumni' }, 'alumni', [], true],
  [{ preset: 'alumni' }, 'employee', [], false],
  [{ preset: 'alumni' }, 'alumni_manager', [], true],
  [{ preset: 'employees' }, 'alumni', [], false],
  [{ preset: 'employees' }, 'alumni', ['g1'], false],
  [{ preset: 'employees' }, 'employee', [], true],
  [{ preset: 'employees' }, 'leaver', [], true],
  [{ preset: 'group', groupId: 'g1' }, 'alumni', ['g1'], true],
  [{ preset: 'group', groupId: 'g1' }, 'alumni', ['g2'], false],
  [{ preset: 'group', groupId: 'g1' }, 'employee', [], false],
  [{ preset: 'group', groupId: 'g1' }, 'leaver', [], false],
  // HR moderates what members read: it reads every group's posts (its feed keeps to its groups).
  [{ preset: 'group', groupId: 'g1' }, 'admin', [], true],
  [{ preset: 'group', groupId: 'g1' }, 'alumni_manager', [], true],
];

describe('post audiences', () => {
  it.each(TABLE)('%o reaches %s in %o: %s', (input, role, groups, expected) => {
    const governed = governedFromPostAudience(input);
    expect(canView(viewer(role, groups), { ...governed, ownerId: 'author' }, NOW)).toBe(expected);
  });

  it('the author always sees their post; presets round-trip', () => {
    for (const preset of POST_AUDIENCE_PRESETS) {
      const input = preset === 'group' ? { preset, groupId: 'g1' } : { preset };
      const governed = governedFromPostAudience(input);
      expect(audienceOfPost(governed)).toEqual({ preset, groupId: preset === 'group' ? 'g1' : null });
      const author = viewer('alumni');
      expect(canView(author, { ...governed, ownerId: author.id }, NOW)).toBe(true);
    }
  });

  it('HR pins anything; a group admin only the group’s posts', () => {
    const post = { authorId: 'a', isCompany: false, groupId: null };
    expect(canPinPost(viewer('alumni_manager'), post, false)).toBe(true);
    expect(canPinPost(viewer('alumni'), post, true)).toBe(false);
    expect(canPinPost(viewer('alumni'), { ...post, groupId: 'g1' }, true)).toBe(true);
    expect(canPinPost(viewer('alumni'), { ...post, groupId: 'g1' }, false)).toBe(false);
  });
});

describe('feed scope', () => {
  it('HR’s feed and digest keep to the groups it joined; for others the policy already decides', () => {
    const groupPost = { groupId: 'g1' };
    const networkPost = { groupId: null };
    for (const role of ['alumni_manager', 'admin'] as const) {
      expect(inFeedScope(viewer(role), groupPost)).toBe(false);
      expect(inFeedScope(viewer(role, ['g1']), groupPost)).toBe(true);
      expect(inFeedScope(viewer(role), networkPost)).toBe(true);
    }
    for (const role of ['alumni', 'employee', 'leaver'] as const) {
      expect(inFeedScope(viewer(role), groupPost)).toBe(true);
    }
  });
});
