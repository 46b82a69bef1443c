import type { MemberCard } from '../../../common/directory';
import { displayName } from '../../../common/names';
import { effectiveVisibility } from '../../../common/profile-visibility';
import type { VisibilityMap } from '../../../common/profiles';
import { canSeeField, type Viewer } from '../access/access.policy';
import type { CardRow } from './directory.service';

const CARD_FIELDS = [
  'departments',
  'lastTitle',
  'currentEmployer',
  'currentTitle',
  'industry',
  'country',
  'skills',
  'openToReturn',
  'sideWork',
  'mentoring',
  'speaking',
] as const;

/** A directory card: names and role always, each other field only if visible to this viewer. */
export function presentMemberCard({
  viewer,
  row,
  limits,
}: {
  viewer: Viewer;
  row: CardRow;
  limits: VisibilityMap;
}): MemberCard {
  const card: MemberCard = {
    id: row.id,
    role: row.role,
    displayName: displayName(row),
    familyName: row.familyName,
    givenName: row.givenName,
    familyNameKana: row.familyNameKana,
    givenNameKana: row.givenNameKana,
    familyNameRomaji: row.familyNameRomaji,
    givenNameRomaji: row.givenNameRomaji,
  };
  const isOwn = row.id === viewer.id;
  for (const field of CARD_FIELDS) {
    if (canSeeField(viewer, effectiveVisibility(field, row.visibility, limits), isOwn)) {
      (card as Record<string, unknown>)[field] = row[field];
    }
  }
  return card;
}
