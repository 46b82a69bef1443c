import { z } from 'zod';

export const ERROR_CODES = [
  'bad_request',
  'unauthenticated',
  'not_found',
  'conflict',
  'rate_limited',
  'forbidden_origin',
  'payload_too_large',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error shape every endpoint returns. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Per-field messages in the requester's language, keyed by dotted path. */
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
