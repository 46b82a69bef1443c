import { z } from 'zod';
import { ROLES } from './reference';

export { ROLES };

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const STAFF_ROLES: readonly Role[] = ['alumni_manager', 'admin'];
export const isStaff = (role: Role) => STAFF_ROLES.includes(role);
