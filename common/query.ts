import { z } from 'zod';

/**
 * A yes/no query parameter: `true`/`1` or `false`/`0`; anything else is a 400 (decision 024).
 * Never `z.coerce.boolean()`, which reads the string "false" as true. A JSON body may send the
 * boolean itself (the same filter is also posted, e.g. bulk invitations).
 */
export const QueryBooleanSchema = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])], { error: 'kz.boolean' })
  .transform((v) => v === true || v === 'true' || v === '1');
