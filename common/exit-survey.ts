import { z } from 'zod';

/**
 * Exit survey: questions configured by HR (ja + en), answered by the leaver. Answers are HR-only;
 * analytics aggregate groups of SURVEY_MIN_GROUP or more. See decision 013.
 */

export const SURVEY_KINDS = ['scale', 'choice', 'text'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
/** Groups smaller than this are never shown in the summary. */
export const SURVEY_MIN_GROUP = 5;
export const SURVEY_TEXT_MAX = 4000;
export const SURVEY_GROUP_BYS = ['none', 'reasonCategory', 'department', 'year'] as const;
export type SurveyGroupBy = (typeof SURVEY_GROUP_BYS)[number];

const prompt = z.string().trim().min(1).max(500);
const OptionSchema = z
  .object({
    value: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[a-z0-9_]+$/, { message: 'kz.optionValue' }),
    ja: z.string().trim().min(1).max(200),
    en: z.string().trim().min(1).max(200),
  })
  .strict();
export type SurveyOption = z.infer<typeof OptionSchema>;

const QuestionFields = {
  promptJa: prompt,
  promptEn: prompt,
  options: z.array(OptionSchema).max(20),
  scaleMax: z.number().int().min(2).max(10).nullable(),
  required: z.boolean(),
  active: z.boolean(),
  position: z.number().int().min(0).max(1000),
};

/** Choice questions need two or more options with distinct values; scale questions a maximum. */
function checkShape(
  q: { kind?: SurveyKind; options?: SurveyOption[]; scaleMax?: number | null },
  ctx: z.RefinementCtx,
) {
  if (q.kind === 'choice') {
    if (!q.options || q.options.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'kz.choiceOptions' });
    }
  }
  if (q.kind === 'scale' && (q.scaleMax === null || q.scaleMax === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['scaleMax'], message: 'kz.scaleMax' });
  }
  const values = (q.options ?? []).map((o) => o.value);
  if (new Set(values).size !== values.length) {
    ctx.addIssue({ code: 'custom', path: ['options'], message: 'kz.optionDuplicate' });
  }
}

export const SurveyQuestionCreateSchema = z
  .object({
    kind: z.enum(SURVEY_KINDS),
    ...QuestionFields,
    options: QuestionFields.options.default([]),
    scaleMax: QuestionFields.scaleMax.default(null),
    required: z.boolean().default(false),
    active: z.boolean().default(true),
    position: QuestionFields.position.optional(),
  })
  .strict()
  .superRefine(checkShape);
export type SurveyQuestionCreate = z.infer<typeof SurveyQuestionCreateSchema>;

/** The kind never changes once created (answers were given to it); everything else may. */
export const SurveyQuestionPatchSchema = z
  .object({
    promptJa: prompt.optional(),
    promptEn: prompt.optional(),
    options: QuestionFields.options.optional(),
    scaleMax: QuestionFields.scaleMax.optional(),
    required: z.boolean().optional(),
    active: z.boolean().optional(),
    position: QuestionFields.position.optional(),
  })
  .strict();
export type SurveyQuestionPatch = z.infer<typeof SurveyQuestionPatchSchema>;

export const SurveyQuestionSchema = z.object({
  id: z.string(),
  position: z.number(),
  kind: z.enum(SURVEY_KINDS),
  promptJa: z.string(),
  promptEn: z.string(),
  options: z.array(z.object({ value: z.string(), ja: z.string(), en: z.string() })),
  scaleMax: z.number().nullable(),
  required: z.boolean(),
  active: z.boolean(),
});
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;
export const SurveyQuestionListSchema = z.object({ items: z.array(SurveyQuestionSchema) });

/** questionId → number (scale), option value (choice) or text. Checked against the questions. */
export const SurveyAnswersSchema = z.record(
  z.string().min(1).max(64),
  z.union([z.number().int(), z.string().max(SURVEY_TEXT_MAX)]),
);
export const SurveyAnswersInputSchema = z.object({ answers: SurveyAnswersSchema }).strict();
export type SurveyAnswersInput = z.infer<typeof SurveyAnswersInputSchema>;

/** A case's survey: for the leaver their own answers, for HR the answers; never for anyone else. */
export const SurveySchema = z.object({
  caseId: z.string(),
  questions: z.array(SurveyQuestionSchema),
  answers: z.record(z.string(), z.union([z.number(), z.string()])),
  submittedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  canAnswer: z.boolean(),
});
export type Survey = z.infer<typeof SurveySchema>;

export const SurveySummaryQuerySchema = z.object({
  groupBy: z.enum(SURVEY_GROUP_BYS).default('none'),
});

const QuestionSummary = z.object({
  questionId: z.string(),
  /** scale: number of answers and their mean. */
  average: z.number().nullable(),
  answered: z.number(),
  /** choice: answers per option value. */
  optionCounts: z.record(z.string(), z.number()),
});
export const SurveySummaryGroupSchema = z.object({
  key: z.string(),
  /** Groups below SURVEY_MIN_GROUP: no count, no answers — only this marker. */
  suppressed: z.boolean(),
  responses: z.number().nullable(),
  questions: z.array(QuestionSummary),
});
export const SurveySummarySchema = z.object({
  groupBy: z.enum(SURVEY_GROUP_BYS),
  minGroup: z.number(),
  questions: z.array(SurveyQuestionSchema),
  groups: z.array(SurveySummaryGroupSchema),
});
export type SurveySummary = z.infer<typeof SurveySummarySchema>;
