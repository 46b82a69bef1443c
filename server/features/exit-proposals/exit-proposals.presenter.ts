import type { Proposal, Suggestions } from '#common/exit-proposals';
import type { ProposalRow } from './exit-proposals.service';

/** The proposal as its viewer may see it; an absent row is an empty, unsaved proposal. */
export function presentProposal(
  caseId: string,
  row: (ProposalRow & { authorName: string | null }) | null,
  can: { edit: boolean; comment: boolean },
): Proposal {
  return {
    caseId,
    exists: row !== null,
    heldOn: row?.heldOn ?? null,
    strengths: row?.strengths ?? null,
    learned: row?.learned ?? null,
    outsidePath: row?.outsidePath ?? null,
    outsideRoles: row?.outsideRoles ?? [],
    outsideIndustries: row?.outsideIndustries ?? [],
    insidePath: row?.insidePath ?? null,
    insidePositions: row?.insidePositions ?? [],
    authorName: row?.authorName ?? null,
    sharedAt: row?.sharedAt?.toISOString() ?? null,
    leaverComment: row?.leaverComment ?? null,
    leaverCommentedAt: row?.leaverCommentedAt?.toISOString() ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    canEdit: can.edit,
    canComment: can.comment,
  };
}

export function presentSuggestions(s: Suggestions): Suggestions {
  return {
    matched: s.matched,
    basis: { departments: s.basis.departments, skills: s.basis.skills, lastTitle: s.basis.lastTitle },
    titles: s.titles.map(({ value, count }) => ({ value, count })),
    industries: s.industries.map(({ value, count }) => ({ value, count })),
    skills: s.skills.map(({ value, count }) => ({ value, count })),
  };
}
