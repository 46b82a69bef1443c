import { FIELD_VISIBILITY_RANK, type FieldVisibility } from './access';
import { PROFILE_FIELDS, type ProfileField, type VisibilityMap } from './profiles';

/** What a field shows to when the member has not chosen. Cautious for contact and intent. */
export const DEFAULT_FIELD_VISIBILITY: Record<ProfileField, FieldVisibility> = Object.fromEntries(
  PROFILE_FIELDS.map((f) => [f, 'members']),
) as Record<ProfileField, FieldVisibility>;
DEFAULT_FIELD_VISIBILITY.email = 'admins';
DEFAULT_FIELD_VISIBILITY.openToReturn = 'admins';

/** HR's limits: the most open visibility allowed per field. Default: members may open anything. */
export const DEFAULT_VISIBILITY_LIMITS: Record<ProfileField, FieldVisibility> = Object.fromEntries(
  PROFILE_FIELDS.map((f) => [f, 'members']),
) as Record<ProfileField, FieldVisibility>;

const narrower = (a: FieldVisibility, b: FieldVisibility) =>
  FIELD_VISIBILITY_RANK[a] <= FIELD_VISIBILITY_RANK[b] ? a : b;

/** The visibility in force: the member's choice (or the default), never beyond HR's limit. */
export function effectiveVisibility(
  field: ProfileField,
  chosen: VisibilityMap,
  limits: VisibilityMap,
): FieldVisibility {
  const wanted = chosen[field] ?? DEFAULT_FIELD_VISIBILITY[field];
  return narrower(wanted, limits[field] ?? DEFAULT_VISIBILITY_LIMITS[field]);
}

export function effectiveVisibilityMap(chosen: VisibilityMap, limits: VisibilityMap) {
  return Object.fromEntries(PROFILE_FIELDS.map((f) => [f, effectiveVisibility(f, chosen, limits)])) as Record<
    ProfileField,
    FieldVisibility
  >;
}
