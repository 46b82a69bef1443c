import { z } from 'zod';
import { ROLES } from './reference';

export { ROLES };

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const STAFF_ROLES: readonly Role[] = ['alumni_manager', 'admin'];
export const isStaff = (role: Role) => STAFF_ROLES.includes(role);

/**
 * The roles a member of `actorRole` may give someone (invitation, join approval, bulk invite):
 * HR gives member roles only; creating or promoting to a staff role takes an admin (decision 022).
 * The one rule for the server (`canAssignRole`) and for the forms that offer roles.
 */
export function assignableRoles(actorRole: Role): readonly Role[] {
  if (actorRole === 'admin') return ROLES;
  if (actorRole === 'alumni_manager') return ROLES.filter((r) => !isStaff(r));
  return [];
}
