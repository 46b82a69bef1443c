import { z } from 'zod';
import { MemberCardSchema } from './directory';

/**
 * People to meet (issue 12 §2, decision 038): two lists, each suggestion with its score term by
 * term. The web builds the reason sentence from the terms in the viewer's language.
 */
export const SUGGESTION_LISTS = ['know', 'diagonal'] as const;
export type SuggestionList = (typeof SUGGESTION_LISTS)[number];
export const SUGGESTION_MAX_LIMIT = 40;

const weighted = { weight: z.number(), points: z.number() };

export const SuggestionTermSchema = z.discriminatedUnion('kind', [
  /** Both in this former department, their tenures overlapping in these years. */
  z.object({
    kind: z.literal('sameDepartment'),
    department: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    ...weighted,
  }),
  /** Joined in the same year. */
  z.object({ kind: z.literal('sameIntake'), year: z.number().int(), ...weighted }),
  z.object({ kind: z.literal('mutualConnections'), count: z.number().int(), ...weighted }),
  /** Joined this many years before (or after) the viewer. */
  z.object({
    kind: z.literal('generationGap'),
    years: z.number().int(),
    direction: z.enum(['before', 'after']),
    ...weighted,
  }),
  /** Was in a former department the viewer was not in. */
  z.object({ kind: z.literal('otherDepartment'), department: z.string(), ...weighted }),
  /** Now in an industry other than the viewer's. */
  z.object({ kind: z.literal('industry'), industry: z.string(), ...weighted }),
  /** Skills both have (IDF-weighted: a rare shared skill counts more). */
  z.object({ kind: z.literal('sharedSkills'), skills: z.array(z.string()), ...weighted }),
  z.object({ kind: z.literal('sharedLanguages'), languages: z.array(z.string()), ...weighted }),
  /** Same city (location) or, failing that, same country. */
  z.object({
    kind: z.literal('sameLocation'),
    location: z.string().nullable(),
    country: z.string().nullable(),
    ...weighted,
  }),
]);
export type SuggestionTerm = z.infer<typeof SuggestionTermSchema>;
export type SuggestionTermKind = SuggestionTerm['kind'];

export const SuggestionQuerySchema = z
  .object({
    list: z.enum(SUGGESTION_LISTS),
    limit: z.coerce.number().int().min(1).max(SUGGESTION_MAX_LIMIT).default(20),
  })
  .strict();
export type SuggestionQuery = z.output<typeof SuggestionQuerySchema>;

export const SuggestionSchema = z.object({
  member: MemberCardSchema,
  list: z.enum(SUGGESTION_LISTS),
  /** The stored score after fading; the order is the diversity re-rank's, not this. */
  score: z.number(),
  terms: z.array(SuggestionTermSchema),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const SuggestionListSchema = z.object({
  list: z.enum(SUGGESTION_LISTS),
  items: z.array(SuggestionSchema),
});
export type SuggestionListResult = z.infer<typeof SuggestionListSchema>;
