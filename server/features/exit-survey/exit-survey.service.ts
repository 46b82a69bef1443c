import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, max, ne, or, sql } from 'drizzle-orm';
import {
  SURVEY_MIN_GROUP,
  SURVEY_TEXT_MAX,
  type SurveyAnswersInput,
  type SurveyGroupBy,
  type SurveyQuestionCreate,
  type SurveyQuestionPatch,
} from '#common/exit-survey';
import type { Db } from '#server/db/client';
import { exitSurveyQuestions, exitSurveyResponses, leaverCases, profiles } from '#server/db/schema/index';
import { findCaseForViewer } from '#server/lib/access/exit-cases';
import type { Viewer } from '#server/lib/access/policy';
import type { Clock } from '#server/lib/clock';
import { AppError, emptyFieldMap, notFound } from '#server/lib/errors';
import { DEFAULT_SURVEY_QUESTIONS } from './exit-survey.defaults';
import { canAnswerSurvey, canReadSurvey } from './exit-survey.policy';

export type QuestionRow = typeof exitSurveyQuestions.$inferSelect;
type Answers = Record<string, number | string>;

/** First use on a new deployment: the default questions, once (fixed ids, no double insert). */
export async function ensureDefaultQuestions(db: Db) {
  const [any] = await db.select({ id: exitSurveyQuestions.id }).from(exitSurveyQuestions).limit(1);
  if (any) return;
  await db.insert(exitSurveyQuestions).values(DEFAULT_SURVEY_QUESTIONS).onConflictDoNothing();
}

/** HR's list: every question, inactive ones included, in survey order. */
export async function listQuestions({ db }: { db: Db }) {
  await ensureDefaultQuestions(db);
  return db
    .select()
    .from(exitSurveyQuestions)
    .orderBy(asc(exitSurveyQuestions.position), asc(exitSurveyQuestions.createdAt));
}

export async function createQuestion({
  db,
  clock,
  input,
}: {
  db: Db;
  clock: Clock;
  input: SurveyQuestionCreate;
}) {
  await ensureDefaultQuestions(db);
  return db.transaction(async (tx) => {
    let position = input.position;
    if (position === undefined) {
      const [last] = await tx.select({ p: max(exitSurveyQuestions.position) }).from(exitSurveyQuestions);
      position = (last?.p ?? 0) + 10;
    }
    const [row] = await tx
      .insert(exitSurveyQuestions)
      .values({
        id: randomUUID(),
        position,
        kind: input.kind,
        promptJa: input.promptJa,
        promptEn: input.promptEn,
        options: input.kind === 'choice' ? input.options : [],
        scaleMax: input.kind === 'scale' ? input.scaleMax : null,
        required: input.required,
        active: input.active,
        createdAt: clock.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  });
}

/** Edits a question; the result must still fit its kind (choice: 2+ options; scale: a maximum). */
export async function updateQuestion({ db, id, input }: { db: Db; id: string; input: SurveyQuestionPatch }) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(exitSurveyQuestions)
      .where(eq(exitSurveyQuestions.id, id))
      .for('update');
    if (!current) throw notFound();
    const next = { ...current, ...input };
    const fields: Record<string, string[]> = emptyFieldMap();
    if (current.kind === 'choice' && next.options.length < 2) fields.options = ['kz.choiceOptions'];
    if (current.kind !== 'choice' && input.options && input.options.length > 0)
      fields.options = ['kz.notForKind'];
    if (current.kind === 'scale' && !next.scaleMax) fields.scaleMax = ['kz.scaleMax'];
    if (current.kind !== 'scale' && input.scaleMax) fields.scaleMax = ['kz.notForKind'];
    const values = next.options.map((o) => o.value);
    if (new Set(values).size !== values.length) fields.options = ['kz.optionDuplicate'];
    if (Object.keys(fields).length > 0) throw new AppError('bad_request', 'error.bad_request', fields);
    const [row] = await tx
      .update(exitSurveyQuestions)
      .set({
        promptJa: next.promptJa,
        promptEn: next.promptEn,
        options: next.options,
        scaleMax: next.scaleMax,
        required: next.required,
        active: next.active,
        position: next.position,
      })
      .where(eq(exitSurveyQuestions.id, id))
      .returning();
    if (!row) throw notFound();
    return row;
  });
}

/** Active questions plus any inactive one this response answered (nothing answered is hidden). */
async function questionsFor(db: Db, answers: Answers) {
  await ensureDefaultQuestions(db);
  const answered = Object.keys(answers);
  return db
    .select()
    .from(exitSurveyQuestions)
    .where(
      answered.length > 0
        ? or(eq(exitSurveyQuestions.active, true), inArray(exitSurveyQuestions.id, answered))
        : eq(exitSurveyQuestions.active, true),
    )
    .orderBy(asc(exitSurveyQuestions.position), asc(exitSurveyQuestions.createdAt));
}

async function loadResponse(db: Db, caseId: string) {
  const [row] = await db.select().from(exitSurveyResponses).where(eq(exitSurveyResponses.caseId, caseId));
  return row ?? null;
}

/**
 * The survey of a case: HR reads the answers (the view is audited); the leaver reads and edits
 * their own; anyone else (the manager included) gets a 404.
 */
export async function findSurveyForViewer({
  db,
  clock,
  viewer,
  caseId,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  caseId: string;
}) {
  const { row: kase, access } = await findCaseForViewer({ db, clock }, { viewer, caseId, audit: true });
  if (!canReadSurvey(access)) throw notFound();
  const response = await loadResponse(db, caseId);
  // HR reads submitted answers only: a draft is still the leaver's own thinking.
  const answers = access === 'leaver' || response?.submittedAt ? (response?.answers ?? {}) : {};
  return {
    caseId,
    questions: await questionsFor(db, answers),
    answers,
    submittedAt: response?.submittedAt ?? null,
    updatedAt: response?.updatedAt ?? null,
    canAnswer: canAnswerSurvey(access, kase, response?.submittedAt ?? null),
  };
}

/**
 * Checks answers against the questions: unknown question, scale out of range, unknown option,
 * text too long; with `complete`, every required active question must be answered. Errors are
 * keyed `answers.<questionId>` (translation keys). Empty text answers are removed, not stored.
 */
export function checkAnswers(questions: QuestionRow[], answers: Answers, complete: boolean) {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const fields: Record<string, string[]> = emptyFieldMap();
  const clean: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    const key = `answers.${id}`;
    if (!q) {
      fields[key] = ['kz.surveyUnknownQuestion'];
      continue;
    }
    if (q.kind === 'scale') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > (q.scaleMax ?? 5)) {
        fields[key] = ['kz.surveyScale'];
      } else clean[id] = value;
    } else if (q.kind === 'choice') {
      if (typeof value !== 'string' || !q.options.some((o) => o.value === value)) {
        fields[key] = ['kz.surveyOption'];
      } else clean[id] = value;
    } else if (typeof value !== 'string') {
      fields[key] = ['kz.surveyText'];
    } else if (value.length > SURVEY_TEXT_MAX) {
      fields[key] = ['kz.surveyTooLong'];
    } else if (value.trim() !== '') clean[id] = value;
  }
  if (complete) {
    for (const q of questions) {
      if (q.active && q.required && clean[q.id] === undefined && !fields[`answers.${q.id}`]) {
        fields[`answers.${q.id}`] = ['kz.surveyRequired'];
      }
    }
  }
  if (Object.keys(fields).length > 0) throw new AppError('bad_request', 'error.bad_request', fields);
  return clean;
}

/** Saves the leaver's answers: a draft, or with `submit` the final answers (required checked). */
export async function saveSurvey({
  db,
  clock,
  viewer,
  caseId,
  input,
  submit,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  caseId: string;
  input: SurveyAnswersInput;
  submit: boolean;
}) {
  const { row: kase, access } = await findCaseForViewer({ db, clock }, { viewer, caseId });
  if (access !== 'leaver') throw notFound();
  const now = clock.now();
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ submittedAt: exitSurveyResponses.submittedAt })
      .from(exitSurveyResponses)
      .where(eq(exitSurveyResponses.caseId, caseId))
      .for('update');
    if (!canAnswerSurvey(access, kase, current?.submittedAt ?? null)) {
      throw new AppError('conflict', 'error.survey_submitted');
    }
    const questions = await questionsFor(tx as unknown as Db, input.answers);
    const answers = checkAnswers(questions, input.answers, submit);
    const values = { answers, updatedAt: now, submittedAt: submit ? now : null };
    await tx
      .insert(exitSurveyResponses)
      .values({ caseId, ...values })
      .onConflictDoUpdate({ target: exitSurveyResponses.caseId, set: values });
  });
  return findSurveyForViewer({ db, clock, viewer, caseId });
}

type SummaryRow = { answers: Answers; reason: string; department: string | null; year: number };

/**
 * Anonymised analytics over submitted surveys: per group, the mean of scale answers, counts per
 * option and how many wrote text (never the text). A group of fewer than SURVEY_MIN_GROUP
 * responses shows nothing but a `suppressed` marker — not even its count.
 */
export async function summarizeSurvey({ db, groupBy }: { db: Db; groupBy: SurveyGroupBy }) {
  await ensureDefaultQuestions(db);
  const questions = await db
    .select()
    .from(exitSurveyQuestions)
    .orderBy(asc(exitSurveyQuestions.position), asc(exitSurveyQuestions.createdAt));
  const rows: SummaryRow[] = await db
    .select({
      answers: exitSurveyResponses.answers,
      reason: leaverCases.reasonCategory,
      department: sql<string | null>`${profiles.departments}[1]`,
      year: sql<number>`extract(year from ${leaverCases.lastDay})::int`,
    })
    .from(exitSurveyResponses)
    .innerJoin(leaverCases, eq(leaverCases.id, exitSurveyResponses.caseId))
    .leftJoin(profiles, eq(profiles.userId, leaverCases.userId))
    .where(and(isNotNull(exitSurveyResponses.submittedAt), ne(leaverCases.status, 'cancelled')));

  const keyOf = (r: SummaryRow) =>
    groupBy === 'reasonCategory'
      ? r.reason
      : groupBy === 'department'
        ? (r.department ?? '')
        : groupBy === 'year'
          ? String(r.year)
          : 'all';
  const groups = new Map<string, SummaryRow[]>();
  for (const r of rows) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
  if (groupBy === 'none' && groups.size === 0) groups.set('all', []);

  return {
    groupBy,
    questions,
    groups: [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, members]) => {
        if (members.length < SURVEY_MIN_GROUP)
          return { key, suppressed: true, responses: null, questions: [] };
        return {
          key,
          suppressed: false,
          responses: members.length,
          questions: questions.map((q) => {
            const given = members.map((m) => m.answers[q.id]).filter((v) => v !== undefined);
            const numbers = given.filter((v): v is number => typeof v === 'number');
            const optionCounts: Record<string, number> = {};
            if (q.kind === 'choice') {
              for (const o of q.options) optionCounts[o.value] = 0;
              for (const v of given) if (typeof v === 'string') optionCounts[v] = (optionCounts[v] ?? 0) + 1;
            }
            return {
              questionId: q.id,
              answered: given.length,
              average:
                q.kind === 'scale' && numbers.length > 0
                  ? Math.round((numbers.reduce((a, b) => a + b, 0) / numbers.length) * 100) / 100
                  : null,
              optionCounts,
            };
          }),
        };
      }),
  };
}
