import { displayName } from '#common/names';
import { effectiveVisibilityMap } from '#common/profile-visibility';
import type { Profile } from '#common/profiles';
import { PROFILE_FIELDS, type VisibilityMap } from '#common/profiles';
import { canSeeField, isHr, type Viewer } from '#server/lib/access/policy';
import { canEditProfile, canSeeVisibilitySettings } from './members.policy';
import type { MemberRow } from './members.service';

/**
 * The only way a profile leaves the server. Names and role always; each other field only when the
 * visibility in force lets this viewer see it — otherwise the key is absent, not blanked.
 */
export function presentProfile({
  viewer,
  member,
  limits,
}: {
  viewer: Viewer;
  member: MemberRow;
  limits: VisibilityMap;
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
    canEdit: canEditProfile(viewer, member.userId),
  };
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
