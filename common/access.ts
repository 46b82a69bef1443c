import { z } from 'zod';
import { CLASSIFICATIONS, FIELD_VISIBILITIES, FIELD_VISIBILITY_RANK } from './reference';
import { RoleSchema } from './roles';

export { CLASSIFICATIONS, FIELD_VISIBILITIES, FIELD_VISIBILITY_RANK };

export const ClassificationSchema = z.enum(CLASSIFICATIONS);
export type Classification = z.infer<typeof ClassificationSchema>;

/**
 * A rule over the viewer's attributes that removes them from an audience, e.g. "alumni who left
 * less than 6 months ago" or "alumni now employed by a listed competitor".
 */
export const AttributeRuleSchema = z.discriminatedUnion('attribute', [
  z.object({
    attribute: z.literal('monthsSinceLeft'),
    op: z.enum(['lt', 'gte']),
    value: z.number().int().min(0).max(1200),
  }),
  z.object({
    attribute: z.literal('currentEmployer'),
    op: z.literal('in'),
    value: z.array(z.string().min(1).max(200)).min(1).max(500),
  }),
]);
export type AttributeRule = z.infer<typeof AttributeRuleSchema>;

export const AudienceSchema = z.object({
  /** When present, only these roles (further narrowed by the classification). */
  roles: z.array(RoleSchema).optional(),
  /** Named members; the only way into a `confidential` item. */
  memberIds: z.array(z.string()).optional(),
  /** When present and not empty, only active members of one of these groups (issue 11). */
  groupIds: z.array(z.string()).optional(),
  /** Viewers matching any of these rules are excluded. */
  excludeWhen: z.array(AttributeRuleSchema).optional(),
});
export type Audience = z.infer<typeof AudienceSchema>;

export const FieldVisibilitySchema = z.enum(FIELD_VISIBILITIES);
export type FieldVisibility = z.infer<typeof FieldVisibilitySchema>;
