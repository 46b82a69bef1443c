import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  AtsExportCreateSchema,
  AtsExportSchema,
  AtsInboxSchema,
  PipelineBoardQuerySchema,
  PipelineBoardSchema,
  PipelineCardCsvQuerySchema,
  PipelineCardDetailSchema,
  PipelineCsvQuerySchema,
  PipelineMoveSchema,
  PipelineNoteCreateSchema,
  PipelineNoteSchema,
  PipelineStatsSchema,
  StartJobResultSchema,
} from '#common/pipeline';
import type { Viewer } from '#server/lib/access/policy';
import { toCsv } from '#server/lib/csv';
import type { Env } from '#server/lib/env';
import { AppError, notFound } from '#server/lib/errors';
import {
  type AppEnv,
  authorize,
  body,
  conflict,
  createRouter,
  errorResponses,
  IdParam,
  jsonContent,
  onlyFor,
} from '#server/lib/http';
import {
  ATS_IDEMPOTENCY_HEADER,
  ATS_SIGNATURE_HEADER,
  ATS_TIMESTAMP_HEADER,
  ATS_WEBHOOK_JOB,
  atsWebhookMode,
  atsWebhookTarget,
  devInbox,
  rememberDelivery,
  verifyAtsSignature,
} from './ats';
import { listBoard } from './pipeline.board';
import { addNote, findVisibleCard, getCardDetail } from './pipeline.cards';
import { queueAtsWebhook, recordCsvExport, selectCardsForCsv } from './pipeline.exports';
import { moveCard, runPipelineStart } from './pipeline.hires';
import { t } from './pipeline.messages';
import { canReadDevInbox, canRunDevJobs, canUsePipeline } from './pipeline.policy';
import {
  presentAtsInbox,
  presentBoard,
  presentCardDetail,
  presentCsvRows,
  presentExport,
  presentNote,
  presentStartJobResult,
  presentStats,
} from './pipeline.presenter';
import { getStats } from './pipeline.stats';

const stateConflict = conflict('Not possible in this state');
const csvContent = {
  description: 'CSV (UTF-8 with BOM, for Excel)',
  content: { 'text/csv': { schema: z.string() } },
};

/** Development jobs: admins, outside production. */
const runsDevJobs = (viewer: Viewer, env: Env) => canRunDevJobs(viewer, env.NODE_ENV);
/** The dev ATS inbox: HR, outside production. */
const readsDevInbox = (viewer: Viewer, env: Env) => canReadDevInbox(viewer, env.NODE_ENV);

const board = createRoute({
  middleware: onlyFor(canUsePipeline),
  method: 'get',
  path: '/pipeline',
  tags: ['pipeline'],
  summary:
    'HR’s rehiring board: visible cards by stage (active interests with rehiring consent, consented referrals)',
  request: { query: PipelineBoardQuerySchema },
  responses: { 200: jsonContent(PipelineBoardSchema), ...errorResponses },
});

const stats = createRoute({
  middleware: onlyFor(canUsePipeline),
  method: 'get',
  path: '/pipeline/stats',
  tags: ['pipeline'],
  summary:
    'Rehiring figures for human-capital reporting: hires by year and source, cards per stage, conversion',
  responses: { 200: jsonContent(PipelineStatsSchema), ...errorResponses },
});

const boardCsv = createRoute({
  middleware: onlyFor(canUsePipeline),
  method: 'get',
  path: '/pipeline/export.csv',
  tags: ['pipeline'],
  summary: 'The board (with its filters and an optional stage) as CSV; audited',
  request: { query: PipelineCsvQuerySchema },
  responses: { 200: csvContent, ...errorResponses },
});

const detail = createRoute({
  middleware: onlyFor(canUsePipeline),
  method: 'get',
  path: '/pipeline/{id}',
  tags: ['pipeline'],
  summary:
    'One card: person, history, rehire eligibility, career since leaving, notes, stages, hire, exports (viewing is audited)',
  request: { params: IdParam },
  responses: { 200: jsonContent(PipelineCardDetailSchema), ...errorResponses },
});

const cardCsv = createRoute({
  middleware: onlyFor(canUsePipeline),
  method: 'get',
  path: '/pipeline/{id}/export.csv',
  tags: ['pipeline'],
  summary: 'One card as CSV; audited',
  request: { params: IdParam, query: PipelineCardCsvQuerySchema },
  responses: { 200: csvContent, ...errorResponses },
});

const move = createRoute({
  middleware: onlyFor(canUsePipeline),
  method: 'post',
  path: '/pipeline/{id}/move',
  tags: ['pipeline'],
  summary: 'Move a card to a stage; "rehired" needs the hire (start date, role, time zone)',
  request: { params: IdParam, ...body(PipelineMoveSchema) },
  responses: { 200: jsonContent(PipelineCardDetailSchema), ...errorResponses, ...stateConflict },
});

const notes = createRoute({
  middleware: onlyFor(canUsePipeline),
  method: 'post',
  path: '/pipeline/{id}/notes',
  tags: ['pipeline'],
  summary: 'Add an HR note to a card',
  request: { params: IdParam, ...body(PipelineNoteCreateSchema) },
  responses: { 201: jsonContent(PipelineNoteSchema, 'Created'), ...errorResponses },
});

const atsExport = createRoute({
  middleware: onlyFor(canUsePipeline),
  method: 'post',
  path: '/pipeline/{id}/ats-export',
  tags: ['pipeline'],
  summary: 'Hand a card to the applicant tracking system by signed webhook (queued, retried)',
  request: { params: IdParam, ...body(AtsExportCreateSchema) },
  responses: { 201: jsonContent(AtsExportSchema, 'Queued'), ...errorResponses, ...stateConflict },
});

const devStart = createRoute({
  middleware: onlyFor(runsDevJobs),
  method: 'post',
  path: '/dev/jobs/pipeline.start',
  tags: ['dev'],
  summary: 'Development only (admin): run the start-date job now',
  responses: { 200: jsonContent(StartJobResultSchema), ...errorResponses },
});

const devInboxReceive = createRoute({
  method: 'post',
  path: '/dev/ats-inbox',
  tags: ['dev'],
  summary:
    'Development only: the built-in ATS webhook receiver (checks X-Kizuna-Signature over X-Kizuna-Timestamp and the body; rejects timestamps more than 5 minutes off)',
  responses: { 204: { description: 'Accepted' }, ...errorResponses },
});

const devInboxList = createRoute({
  middleware: onlyFor(readsDevInbox),
  method: 'get',
  path: '/dev/ats-inbox',
  tags: ['dev'],
  summary: 'Development only (HR): the last payloads the built-in receiver accepted (ids and times)',
  responses: { 200: jsonContent(AtsInboxSchema), ...errorResponses },
});

function csvResponse(c: Context<AppEnv>, rows: string[][], name: string) {
  const text = toCsv(rows);
  return c.body(text, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });
}

const today = (now: Date) => now.toISOString().slice(0, 10);

export const pipelineRoutes = createRouter()
  .openapi(board, async (c) => {
    authorize(c, canUsePipeline);
    const rows = await listBoard(c.var.deps, c.req.valid('query'));
    return c.json(presentBoard(rows, c.var.deps.clock.now()), 200);
  })
  .openapi(stats, async (c) => {
    authorize(c, canUsePipeline);
    return c.json(presentStats(await getStats(c.var.deps)), 200);
  })
  .openapi(boardCsv, async (c) => {
    const viewer = authorize(c, canUsePipeline);
    const query = c.req.valid('query');
    const rows = await selectCardsForCsv(c.var.deps, query);
    const locale = query.lang ?? c.var.locale;
    const now = c.var.deps.clock.now();
    await recordCsvExport(c.var.deps, { viewer, cardId: null, count: rows.length, filters: query });
    const table = presentCsvRows(rows, { now, locale, t: (key) => t(locale, key) });
    return csvResponse(c, table, `pipeline-${today(now)}.csv`);
  })
  .openapi(detail, async (c) => {
    const viewer = authorize(c, canUsePipeline);
    const { id } = c.req.valid('param');
    const { row, extras } = await getCardDetail(c.var.deps, { viewer, id, audit: true });
    const atsWebhook = atsWebhookMode(c.var.deps.env);
    return c.json(presentCardDetail(row, extras, { now: c.var.deps.clock.now(), atsWebhook }), 200);
  })
  .openapi(cardCsv, async (c) => {
    const viewer = authorize(c, canUsePipeline);
    const { id } = c.req.valid('param');
    const { lang } = c.req.valid('query');
    const now = c.var.deps.clock.now();
    const row = await findVisibleCard(c.var.deps.db, { id });
    const locale = lang ?? c.var.locale;
    await recordCsvExport(c.var.deps, { viewer, cardId: id, count: 1, filters: {} });
    const table = presentCsvRows([row], { now, locale, t: (key) => t(locale, key) });
    return csvResponse(c, table, `pipeline-card-${id.slice(0, 8)}.csv`);
  })
  .openapi(move, async (c) => {
    const viewer = authorize(c, canUsePipeline);
    const { id } = c.req.valid('param');
    await moveCard(c.var.deps, { viewer, id, ...c.req.valid('json') });
    const { row, extras } = await getCardDetail(c.var.deps, { viewer, id });
    const atsWebhook = atsWebhookMode(c.var.deps.env);
    return c.json(presentCardDetail(row, extras, { now: c.var.deps.clock.now(), atsWebhook }), 200);
  })
  .openapi(notes, async (c) => {
    const viewer = authorize(c, canUsePipeline);
    const { id } = c.req.valid('param');
    const note = await addNote(c.var.deps, { viewer, cardId: id, body: c.req.valid('json').body });
    return c.json(presentNote(note), 201);
  })
  .openapi(atsExport, async (c) => {
    const viewer = authorize(c, canUsePipeline);
    const { id } = c.req.valid('param');
    if (atsWebhookMode(c.var.deps.env) === 'not_configured') {
      // Still a 404 for a card HR cannot see; only then "not configured".
      await findVisibleCard(c.var.deps.db, { id });
      throw new AppError('conflict', 'error.pipeline_ats_not_configured');
    }
    const row = await queueAtsWebhook(c.var.deps, { viewer, cardId: id });
    // After commit: the job carries the export id only. The export is recorded either way; if the
    // job cannot be queued now, the ats-sweep job queues it again within minutes.
    try {
      await c.var.deps.queue.send(ATS_WEBHOOK_JOB, { exportId: row.id }, { singletonKey: row.id });
    } catch (error) {
      c.var.deps.logger.warn('ATS webhook not queued; the sweep will retry', {
        exportId: row.id,
        error: String(error),
      });
    }
    return c.json(presentExport({ ...row, actorName: viewer.displayName }), 201);
  })
  .openapi(devStart, async (c) => {
    authorize(c, runsDevJobs);
    return c.json(presentStartJobResult(await runPipelineStart(c.var.deps)), 200);
  })
  .openapi(devInboxReceive, async (c) => {
    const { env, clock } = c.var.deps;
    if (env.NODE_ENV === 'production') throw notFound();
    const target = atsWebhookTarget(env);
    const raw = await c.req.text();
    const signed = {
      signature: c.req.header(ATS_SIGNATURE_HEADER),
      timestamp: c.req.header(ATS_TIMESTAMP_HEADER),
      now: clock.now(),
    };
    if (!target || !verifyAtsSignature(target.secret, raw, signed)) {
      throw new AppError('unauthenticated', 'error.pipeline_ats_bad_signature');
    }
    rememberDelivery(c.var.deps, {
      rawBody: raw,
      idempotencyKey: c.req.header(ATS_IDEMPOTENCY_HEADER),
      now: clock.now(),
    });
    return c.body(null, 204);
  })
  .openapi(devInboxList, async (c) => {
    authorize(c, readsDevInbox);
    return c.json(presentAtsInbox(devInbox(c.var.deps)), 200);
  });
