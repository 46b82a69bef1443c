import { displayName } from '#common/names';
import { effectiveVisibilityMap } from '#common/profile-visibility';
import type { Profile } from '#common/profiles';
import { PROFILE_FIELDS, type VisibilityMap } from '#common/profiles';
import { canSeeField, isHr, type Viewer } from '#server/lib/access/policy';
import { memberPhotoUrl } from '#server/lib/member-photos';
import { canEditProfile, canSeeVisibilitySettings } from './members.policy';
import type { PositionRow, ProfileExtras } from './members.profile-extras';
import type { MemberRow } from './members.service';

const NO_EXTRAS: ProfileExtras = { photoVersion: null, positions: [] };

/**
 * "View as" (decision 041): the owner's profile presented to a stand-in viewer of the other tier —
 * the same presenter and rules, so it shows exactly what that tier sees and never more (nothing
 * owner-only: not their own, not HR).
 */
export function viewAsViewer(owner: Viewer, tier: 'alumni' | 'employee'): Viewer {
  return {
    id: `view-as:${tier}`,
    role: tier,
    email: '',
    displayName: '',
    locale: owner.locale,
    attributes: { leftOn: null, currentEmployer: null },
  };
}

export const presentPosition = (p: PositionRow) => ({
  id: p.id,
  employer: p.employer,
  title: p.title,
  startedOn: p.startedOn,
  endedOn: p.endedOn,
});

/**
 * The only way a profile leaves the server. Names and role always; each other field only when the
 * visibility in force lets this viewer see it — otherwise the key is absent, not blanked.
 */
export function presentProfile({
  viewer,
  member,
  limits,
  extras = NO_EXTRAS,
  viewingAs,
}: {
  viewer: Viewer;
  member: MemberRow;
  limits: VisibilityMap;
  extras?: ProfileExtras;
  /** Set when `viewer` is the stand-in of `viewAsViewer`. */
  viewingAs?: 'alumni' | 'employee';
}): Profile {
  const isOwn = viewer.id === member.userId;
  const inForce = effectiveVisibilityMap(member.visibility, limits);
  const out: Profile = {
    id: member.userId,
    role: member.role,
    displayName: displayName(member),
    familyName: member.familyName,
    givenName: member.givenName,
    familyNameKana: member.familyNameKana,
    givenNameKana: member.givenNameKana,
    familyNameRomaji: member.familyNameRomaji,
    givenNameRomaji: member.givenNameRomaji,
    // A photo is shown like the name, to whoever may see the profile (decision 041).
    photo: extras.photoVersion
      ? {
          small: memberPhotoUrl(member.userId, 'small', extras.photoVersion),
          large: memberPhotoUrl(member.userId, 'large', extras.photoVersion),
        }
      : null,
    canEdit: canEditProfile(viewer, member.userId),
  };
  if (viewingAs) out.viewingAs = viewingAs;
  const values: Record<(typeof PROFILE_FIELDS)[number], unknown> = {
    email: member.email,
    joinedOn: member.joinedOn,
    leftOn: member.leftOn,
    departments: member.departments,
    lastTitle: member.lastTitle,
    office: member.office,
    companyCountry: member.companyCountry,
    currentEmployer: member.currentEmployer,
    currentTitle: member.currentTitle,
    industry: member.industry,
    location: member.location,
    country: member.country,
    languages: member.languages,
    skills: member.skills,
    bio: member.bio,
    links: member.links,
    openToReturn: member.openToReturn,
    sideWork: member.sideWork,
    mentoring: member.mentoring,
    speaking: member.speaking,
  };
  for (const field of PROFILE_FIELDS) {
    if (canSeeField(viewer, inForce[field], isOwn)) (out as Record<string, unknown>)[field] = values[field];
  }
  // The timeline after leaving shows with the current employer: same visibility.
  if (canSeeField(viewer, inForce.currentEmployer, isOwn))
    out.positions = extras.positions.map(presentPosition);
  if (isOwn || isHr(viewer)) out.employeeNumber = member.employeeNumber;
  if (isOwn || isHr(viewer)) out.confirmedAt = member.confirmedAt.toISOString();
  if (canSeeVisibilitySettings(viewer, member.userId)) {
    out.visibility = inForce;
    out.visibilityLimits = limits;
  }
  return out;
}

/** The per-field visibility limits: each profile field the map sets, with its level. */
export function presentVisibilityLimits(limits: VisibilityMap): VisibilityMap {
  const out: VisibilityMap = {};
  for (const [field, level] of Object.entries(limits) as [
    keyof VisibilityMap,
    VisibilityMap[keyof VisibilityMap],
  ][])
    if (level !== undefined) out[field] = level;
  return out;
}
