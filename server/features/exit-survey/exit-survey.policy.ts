import { exitFieldVisible } from '#common/exits-reference';
import type { CaseAccess, CaseRow } from '#server/lib/access/exit-cases';

/**
 * Survey answers are HR-only (EXIT_FIELD_AUDIENCE.surveyAnswers), with one exception: the leaver
 * sees and edits their own answers until they submit, and sees what they submitted. Managers
 * never see them — not even whether a question was answered. Decision 013.
 */
export const canReadSurvey = (access: CaseAccess) =>
  exitFieldVisible('surveyAnswers', access) || access === 'leaver';

/** Only the leaver answers, on a case that was not cancelled, until they submit. */
export const canAnswerSurvey = (access: CaseAccess, row: CaseRow, submittedAt: Date | null) =>
  access === 'leaver' && row.status !== 'cancelled' && submittedAt === null;
