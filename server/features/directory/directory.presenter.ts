import { FIELD_VISIBILITY_RANK } from '#common/access';
import type { DirectoryFacets, MemberCard } from '#common/directory';
import { displayName } from '#common/names';
import { DEFAULT_FIELD_VISIBILITY, DEFAULT_VISIBILITY_LIMITS } from '#common/profile-visibility';
import type { VisibilityMap } from '#common/profiles';
import { type Viewer, viewerTier } from '#server/lib/access/policy';
import { listPhoto } from '#server/lib/member-photos';
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

/**
 * A directory card: names, role and photo always (a photo is shown like the name, decision 041),
 * each other field only if visible to this viewer.
 * Made once per request: what depends only on the viewer and HR's limits (the
 * viewer's tier, and which fields the limits close to that tier anyway) is worked out once per
 * page, not once per card and field. Same rule as `canSeeField(effectiveVisibility(…))`.
 * `photos` holds the page's photo versions (`photoVersionsOf`, one query per page).
 */
export function cardPresenter({
  viewer,
  limits,
  photos,
}: {
  viewer: Viewer;
  limits: VisibilityMap;
  photos: ReadonlyMap<string, string>;
}) {
  const tierRank = FIELD_VISIBILITY_RANK[viewerTier(viewer.role)];
  // Fields the limits leave open to this tier; the member's own choice decides the rest.
  const open = CARD_FIELDS.filter(
    (field) => tierRank <= FIELD_VISIBILITY_RANK[limits[field] ?? DEFAULT_VISIBILITY_LIMITS[field]],
  );
  return (row: CardRow): MemberCard => {
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
      photo: listPhoto(photos, row.id),
    };
    const fields = row.id === viewer.id ? CARD_FIELDS : open;
    const chosen = row.visibility ?? {};
    for (const field of fields) {
      const visibility = chosen[field] ?? DEFAULT_FIELD_VISIBILITY[field];
      if (row.id === viewer.id || tierRank <= FIELD_VISIBILITY_RANK[visibility]) {
        (card as Record<string, unknown>)[field] = row[field];
      }
    }
    return card;
  };
}

const presentFacet = (facet: DirectoryFacets['role']) =>
  facet.map((f) => ({ value: f.value, count: f.count }));

/** The exact count and each facet's values with their counts, for the same query and filters. */
export function presentFacets(facets: DirectoryFacets): DirectoryFacets {
  return {
    total: facets.total,
    role: presentFacet(facets.role),
    department: presentFacet(facets.department),
    industry: presentFacet(facets.industry),
    country: presentFacet(facets.country),
    skill: presentFacet(facets.skill),
    availability: presentFacet(facets.availability),
  };
}
