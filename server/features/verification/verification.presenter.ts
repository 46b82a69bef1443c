import { displayName } from '#common/names';
import type { EligibilityRules, JoinCandidate, JoinRequest, KnownLeaveReasons } from '#common/verification';
import type { HydratedRequest } from './verification.service';

const joinNames = (a: string | null, b: string | null) => (a && b ? `${a} ${b}` : (a ?? b));

/** A join request for HR: what the requester typed, the candidate records and the decision. */
export function presentJoinRequest({ row, decidedByName, flags, candidates }: HydratedRequest): JoinRequest {
  return {
    id: row.id,
    status: row.status,
    displayName: displayName(row),
    familyName: row.familyName,
    givenName: row.givenName,
    familyNameKana: row.familyNameKana,
    givenNameKana: row.givenNameKana,
    familyNameRomaji: row.familyNameRomaji,
    givenNameRomaji: row.givenNameRomaji,
    email: row.email,
    employeeNumber: row.employeeNumber,
    workEmail: row.workEmail,
    joinedOn: row.joinedOn,
    leftOn: row.leftOn,
    message: row.message,
    locale: row.locale,
    flags,
    candidates: candidates.map(
      (c): JoinCandidate => ({
        recordId: c.record.id,
        displayName: displayName(c.record),
        kana: joinNames(c.record.familyNameKana, c.record.givenNameKana),
        romaji: joinNames(c.record.givenNameRomaji, c.record.familyNameRomaji),
        employeeNumber: c.record.employeeNumber,
        joinedOn: c.record.joinedOn,
        leftOn: c.record.leftOn,
        departments: c.record.departments,
        score: c.score,
        isExact: c.isExact,
        facts: c.facts,
        warnings: c.warnings,
        isMember: c.record.userId !== null,
      }),
    ),
    decision: row.decision,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: decidedByName,
    decisionNote: row.decisionNote,
    invitationId: row.invitationId,
    matchRecordId: row.matchRecordId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The rules under which a join request is approved without HR. */
export function presentEligibilityRules(rules: EligibilityRules): EligibilityRules {
  return {
    minTenureMonths: rules.minTenureMonths,
    excludedLeaveReasons: [...rules.excludedLeaveReasons],
    allowCurrentEmployees: rules.allowCurrentEmployees,
  };
}

/** The leave-reason codes found in HR records, for the rules' picker. */
export const presentKnownLeaveReasons = (codes: string[]): KnownLeaveReasons => ({ items: [...codes] });
