import { z } from 'zod';
import { INDUSTRIES } from './reference';

/**
 * The career conversation and the written proposal (outside path, inside path) of a leaver case.
 * HR and the case's manager write it; the leaver reads it once it is shared and may comment.
 * See docs/decisions/013-exit-proposal-and-survey.md.
 */

const text = (max: number) => z.string().trim().max(max);
const tags = (max: number) => z.array(z.string().trim().min(1).max(80)).max(max);

export const ProposalUpdateSchema = z
  .object({
    heldOn: z.iso.date({ message: 'kz.date' }).nullable(),
    strengths: text(4000).nullable(),
    learned: text(4000).nullable(),
    outsidePath: text(4000).nullable(),
    outsideRoles: tags(20),
    outsideIndustries: z.array(z.enum(INDUSTRIES)).max(INDUSTRIES.length),
    insidePath: text(4000).nullable(),
    insidePositions: tags(20),
  })
  .strict();
export type ProposalUpdate = z.infer<typeof ProposalUpdateSchema>;

export const ProposalCommentSchema = z.object({ comment: z.string().trim().min(1).max(4000) }).strict();
export type ProposalComment = z.infer<typeof ProposalCommentSchema>;

export const ProposalSchema = z.object({
  caseId: z.string(),
  /** False until HR or the manager has saved anything. */
  exists: z.boolean(),
  heldOn: z.string().nullable(),
  strengths: z.string().nullable(),
  learned: z.string().nullable(),
  outsidePath: z.string().nullable(),
  outsideRoles: z.array(z.string()),
  outsideIndustries: z.array(z.string()),
  insidePath: z.string().nullable(),
  insidePositions: z.array(z.string()),
  authorName: z.string().nullable(),
  sharedAt: z.string().nullable(),
  leaverComment: z.string().nullable(),
  leaverCommentedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** What this viewer may do with it. */
  canEdit: z.boolean(),
  canComment: z.boolean(),
});
export type Proposal = z.infer<typeof ProposalSchema>;

/** Smallest group of alumni a suggestion may be built from (no one is identifiable). */
export const SUGGESTION_MIN_GROUP = 3;

const Count = z.object({ value: z.string(), count: z.number() });
export const SuggestionsSchema = z.object({
  /** How many consenting alumni share the leaver's background (0 when fewer than the minimum). */
  matched: z.number(),
  basis: z.object({
    departments: z.array(z.string()),
    skills: z.array(z.string()),
    lastTitle: z.string().nullable(),
  }),
  titles: z.array(Count),
  industries: z.array(Count),
  skills: z.array(Count),
});
export type Suggestions = z.infer<typeof SuggestionsSchema>;
