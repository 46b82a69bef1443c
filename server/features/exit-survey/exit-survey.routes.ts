import { createRoute, z } from '@hono/zod-openapi';
import {
  SURVEY_MIN_GROUP,
  SurveyAnswersInputSchema,
  SurveyQuestionCreateSchema,
  SurveyQuestionListSchema,
  SurveyQuestionPatchSchema,
  SurveyQuestionSchema,
  SurveySchema,
  SurveySummaryQuerySchema,
  SurveySummarySchema,
} from '#common/exit-survey';
import { isHr } from '#server/lib/access/policy';
import {
  authorize,
  body,
  conflict,
  createRouter,
  errorResponses,
  jsonContent,
  onlyFor,
  requireViewer,
  textIdParam,
} from '#server/lib/http';
import { presentQuestion, presentSummary, presentSurvey } from './exit-survey.presenter';
import {
  createQuestion,
  findSurveyForViewer,
  listQuestions,
  saveSurvey,
  summarizeSurvey,
  updateQuestion,
} from './exit-survey.service';

const CaseParam = textIdParam(64);
const QuestionParam = z.object({ questionId: z.string().min(1).max(64) });
const tags = ['exit-survey'];
const submitted = conflict('Already submitted');

const listQ = createRoute({
  middleware: onlyFor(isHr),
  method: 'get',
  path: '/exit-survey/questions',
  tags,
  summary: 'Exit survey questions, inactive ones included (HR)',
  responses: { 200: jsonContent(SurveyQuestionListSchema), ...errorResponses },
});
const createQ = createRoute({
  middleware: onlyFor(isHr),
  method: 'post',
  path: '/exit-survey/questions',
  tags,
  summary: 'Add a question: scale, choice or text, in Japanese and English (HR)',
  request: body(SurveyQuestionCreateSchema),
  responses: { 201: jsonContent(SurveyQuestionSchema, 'Created'), ...errorResponses },
});
const patchQ = createRoute({
  middleware: onlyFor(isHr),
  method: 'patch',
  path: '/exit-survey/questions/{questionId}',
  tags,
  summary: 'Edit, reorder, require or deactivate a question; its kind stays (HR)',
  request: {
    params: QuestionParam,
    ...body(SurveyQuestionPatchSchema),
  },
  responses: { 200: jsonContent(SurveyQuestionSchema), ...errorResponses },
});
const summary = createRoute({
  middleware: onlyFor(isHr),
  method: 'get',
  path: '/exit-survey/summary',
  tags,
  summary: `Anonymised results of submitted surveys; groups under ${SURVEY_MIN_GROUP} are suppressed (HR)`,
  request: { query: SurveySummaryQuerySchema },
  responses: { 200: jsonContent(SurveySummarySchema), ...errorResponses },
});
const getSurvey = createRoute({
  method: 'get',
  path: '/exit-cases/{id}/survey',
  tags,
  summary: 'The exit survey of a case: the leaver’s own answers, or HR reading them',
  request: { params: CaseParam },
  responses: { 200: jsonContent(SurveySchema), ...errorResponses },
});
const putSurvey = createRoute({
  method: 'put',
  path: '/exit-cases/{id}/survey',
  tags,
  summary: 'Save the leaver’s answers as a draft (the leaver)',
  request: {
    params: CaseParam,
    ...body(SurveyAnswersInputSchema),
  },
  responses: { 200: jsonContent(SurveySchema), ...errorResponses, ...submitted },
});
const submitSurvey = createRoute({
  method: 'post',
  path: '/exit-cases/{id}/survey/submit',
  tags,
  summary: 'Submit the answers (required questions checked); no changes afterwards (the leaver)',
  request: {
    params: CaseParam,
    ...body(SurveyAnswersInputSchema),
  },
  responses: { 200: jsonContent(SurveySchema), ...errorResponses, ...submitted },
});

export const exitSurveyRoutes = createRouter()
  .openapi(listQ, async (c) => {
    authorize(c, isHr);
    const rows = await listQuestions({ db: c.var.deps.db });
    return c.json({ items: rows.map(presentQuestion) }, 200);
  })
  .openapi(createQ, async (c) => {
    authorize(c, isHr);
    const input = c.req.valid('json');
    const row = await createQuestion({ ...c.var.deps, input });
    return c.json(presentQuestion(row), 201);
  })
  .openapi(patchQ, async (c) => {
    authorize(c, isHr);
    const { questionId } = c.req.valid('param');
    const input = c.req.valid('json');
    const row = await updateQuestion({ db: c.var.deps.db, id: questionId, input });
    return c.json(presentQuestion(row), 200);
  })
  .openapi(summary, async (c) => {
    authorize(c, isHr);
    const { groupBy } = c.req.valid('query');
    const result = await summarizeSurvey({ db: c.var.deps.db, groupBy });
    return c.json(presentSummary(result, SURVEY_MIN_GROUP), 200);
  })
  .openapi(getSurvey, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const result = await findSurveyForViewer({ ...c.var.deps, viewer, caseId: id });
    return c.json(presentSurvey(result), 200);
  })
  .openapi(putSurvey, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const result = await saveSurvey({ ...c.var.deps, viewer, caseId: id, input, submit: false });
    return c.json(presentSurvey(result), 200);
  })
  .openapi(submitSurvey, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const result = await saveSurvey({ ...c.var.deps, viewer, caseId: id, input, submit: true });
    return c.json(presentSurvey(result), 200);
  });
