import type { z } from 'zod';
// The server's own translation of zod issues (common/, shared with the server), so a message in
// the browser is word for word the one a round trip would give. Only form pages (lazy chunks) load it.
import { fieldErrors } from '#common/validation-messages';
import { currentLanguage } from './api';

export type FieldErrorMap = Record<string, string[]>;

/**
 * Parses `values` with the same schema the server uses, before the request: the parsed data, or
 * the per-field messages in the user's language, keyed as the server keys them (`a.b` for nested
 * fields, `_` for the whole), so a form shows them where it shows the server's. Usage:
 * `const checked = validateWithSchema(Schema, body); if (!checked.ok) return setErrors(checked.fields);`
 */
export function validateWithSchema<S extends z.ZodType>(
  schema: S,
  values: unknown,
  locale: 'ja' | 'en' = currentLanguage(),
): { ok: true; data: z.output<S> } | { ok: false; fields: FieldErrorMap } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, fields: fieldErrors(result.error.issues, locale) };
}
