import { isHr, type Viewer } from '#server/lib/access/policy';

export const canEditProfile = (viewer: Viewer, memberId: string) => viewer.id === memberId || isHr(viewer);

export const canEditHrRecord = (viewer: Viewer) => isHr(viewer);

/** Who sees the visibility settings of a profile: its owner and HR. */
export const canSeeVisibilitySettings = (viewer: Viewer, memberId: string) =>
  viewer.id === memberId || isHr(viewer);
