import type { Survey, SurveyQuestion, SurveySummary } from '#common/exit-survey';
import type { QuestionRow, summarizeSurvey } from './exit-survey.service';

export function presentQuestion(q: QuestionRow): SurveyQuestion {
  return {
    id: q.id,
    position: q.position,
    kind: q.kind,
    promptJa: q.promptJa,
    promptEn: q.promptEn,
    options: q.options.map(({ value, ja, en }) => ({ value, ja, en })),
    scaleMax: q.scaleMax,
    required: q.required,
    active: q.active,
  };
}

/** Only called for HR or the leaver themself (exit-survey.policy); answers are theirs to see. */
export function presentSurvey(s: {
  caseId: string;
  questions: QuestionRow[];
  answers: Record<string, number | string>;
  submittedAt: Date | null;
  updatedAt: Date | null;
  canAnswer: boolean;
}): Survey {
  return {
    caseId: s.caseId,
    questions: s.questions.map(presentQuestion),
    answers: { ...s.answers },
    submittedAt: s.submittedAt?.toISOString() ?? null,
    updatedAt: s.updatedAt?.toISOString() ?? null,
    canAnswer: s.canAnswer,
  };
}

export function presentSummary(
  s: Awaited<ReturnType<typeof summarizeSurvey>>,
  minGroup: number,
): SurveySummary {
  return {
    groupBy: s.groupBy,
    minGroup,
    questions: s.questions.map(presentQuestion),
    groups: s.groups.map((g) => ({
      key: g.key,
      suppressed: g.suppressed,
      responses: g.suppressed ? null : g.responses,
      questions: g.suppressed ? [] : g.questions,
    })),
  };
}
