import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import {
  HrImportSchema,
  ImportEncodingSchema,
  ImportErrorsQuerySchema,
  ImportErrorsSchema,
  type ImportMapping,
  ImportMappingInputSchema,
  ImportMappingSchema,
  ImportPreviewSchema,
  ImportUploadQuerySchema,
  suggestMapping,
} from '#common/hr-import';
import { HrRecordFilterSchema, HrRecordSchema } from '#common/hr-records';
import { AppError } from '#server/lib/errors';
import {
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
  cancelImport,
  findImport,
  importErrorsCsv,
  listImportErrors,
  listImports,
  previewImport,
  receiveImport,
  saveMapping,
  startImport,
} from './hr-import.service';
import { canUseHrRecords } from './hr-records.policy';
import {
  presentHrRecord,
  presentImport,
  presentImportErrors,
  presentImportPreview,
} from './hr-records.presenter';
import { listHrRecords } from './hr-records.service';

const tooLarge = {
  413: { description: 'Larger than IMPORT_MAX_BYTES', content: { 'application/json': { schema: z.any() } } },
};
const stateConflict = conflict('Not possible in the import’s state');

/** The path of the streamed upload: app.ts exempts it from the 1 MB JSON body limit. */
export const HR_IMPORT_UPLOAD_PATH = '/api/hr-imports';

const upload = createRoute({
  middleware: onlyFor(canUseHrRecords),
  method: 'post',
  path: '/hr-imports',
  tags: ['hr-records'],
  summary: 'Upload an HR export (CSV, UTF-8 or CP932) as the raw request body (Content-Type: text/csv)',
  description:
    'The body is streamed to disk, never held in memory; larger than IMPORT_MAX_BYTES (default 200 MB) is a 413. The encoding is detected (BOM, valid UTF-8, else CP932) unless given.',
  request: {
    query: ImportUploadQuerySchema,
    body: { content: { 'text/csv': { schema: z.string() } }, required: true },
  },
  responses: { 201: jsonContent(HrImportSchema, 'Uploaded'), ...errorResponses, ...tooLarge },
});

const list = createRoute({
  middleware: onlyFor(canUseHrRecords),
  method: 'get',
  path: '/hr-imports',
  tags: ['hr-records'],
  summary: 'Recent imports, newest first',
  responses: {
    200: jsonContent(z.object({ items: z.array(HrImportSchema), maxBytes: z.number() })),
    ...errorResponses,
  },
});

const get = createRoute({
  middleware: onlyFor(canUseHrRecords),
  method: 'get',
  path: '/hr-imports/{id}',
  tags: ['hr-records'],
  summary: 'An import: status, counts, rows per second and time left',
  request: { params: IdParam },
  responses: { 200: jsonContent(HrImportSchema), ...errorResponses },
});

const preview = createRoute({
  middleware: onlyFor(canUseHrRecords),
  method: 'get',
  path: '/hr-imports/{id}/preview',
  tags: ['hr-records'],
  summary: 'The first 20 rows mapped and validated (mapping: JSON object header → field)',
  request: {
    params: IdParam,
    query: z.object({
      mapping: z.string().max(20_000).optional(),
      encoding: ImportEncodingSchema.optional(),
    }),
  },
  responses: { 200: jsonContent(ImportPreviewSchema), ...errorResponses },
});

const putMapping = createRoute({
  middleware: onlyFor(canUseHrRecords),
  method: 'put',
  path: '/hr-imports/{id}/mapping',
  tags: ['hr-records'],
  summary: 'Confirm the column mapping (and encoding) before starting',
  request: {
    params: IdParam,
    ...body(ImportMappingInputSchema),
  },
  responses: { 200: jsonContent(HrImportSchema), ...errorResponses, ...stateConflict },
});

const start = createRoute({
  middleware: onlyFor(canUseHrRecords),
  method: 'post',
  path: '/hr-imports/{id}/start',
  tags: ['hr-records'],
  summary: 'Start the import in the background',
  request: { params: IdParam },
  responses: { 202: jsonContent(HrImportSchema, 'Queued'), ...errorResponses, ...stateConflict },
});

const cancel = createRoute({
  middleware: onlyFor(canUseHrRecords),
  method: 'post',
  path: '/hr-imports/{id}/cancel',
  tags: ['hr-records'],
  summary: 'Stop an import; rows already imported stay',
  request: { params: IdParam },
  responses: { 200: jsonContent(HrImportSchema), ...errorResponses, ...stateConflict },
});

const errorsCsv = createRoute({
  middleware: onlyFor(canUseHrRecords),
  method: 'get',
  path: '/hr-imports/{id}/errors.csv',
  tags: ['hr-records'],
  summary: 'The rejected rows: line, employee number, reasons (in the viewer’s language)',
  request: { params: IdParam },
  responses: {
    200: { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses,
  },
});

const errorsList = createRoute({
  middleware: onlyFor(canUseHrRecords),
  method: 'get',
  path: '/hr-imports/{id}/errors',
  tags: ['hr-records'],
  summary: 'The rejected rows, 50 a page: line, employee number, column and reason (viewer’s language)',
  request: { params: IdParam, query: ImportErrorsQuerySchema },
  responses: { 200: jsonContent(ImportErrorsSchema), ...errorResponses },
});

const records = createRoute({
  middleware: onlyFor(canUseHrRecords),
  method: 'get',
  path: '/hr-records',
  tags: ['hr-records'],
  summary: 'HR records with their invitation status (keyset pages of 50 by employee number)',
  request: {
    query: HrRecordFilterSchema.extend({
      cursor: z.string().max(100).optional(),
    }).strict(),
  },
  responses: {
    200: jsonContent(z.object({ items: z.array(HrRecordSchema), nextCursor: z.string().nullable() })),
    ...errorResponses,
  },
});

/** `?mapping=` is JSON in a query string: parsed here so a bad one is a 400 like any other. */
function parseMappingParam(raw: string | undefined): ImportMapping | undefined {
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AppError('bad_request', 'error.bad_request', { mapping: ['v.invalid'] });
  }
  const parsed = ImportMappingSchema.safeParse(value);
  if (!parsed.success) throw new AppError('bad_request', 'error.bad_request', { mapping: ['v.invalid'] });
  return parsed.data;
}

export const hrRecordsRoutes = createRouter()
  .openapi(upload, async (c) => {
    const viewer = authorize(c, canUseHrRecords);
    const { fileName, encoding } = c.req.valid('query');
    const length = c.req.header('content-length');
    const row = await receiveImport({
      ...c.var.deps,
      viewer,
      body: c.req.raw.body,
      fileName,
      encoding,
      contentLength: length ? Number(length) : null,
      locale: c.var.locale,
    });
    return c.json(presentImport(row, c.var.deps.clock.now(), c.var.locale), 201);
  })
  .openapi(list, async (c) => {
    authorize(c, canUseHrRecords);
    const rows = await listImports({ db: c.var.deps.db });
    const now = c.var.deps.clock.now();
    const items = rows.map((r) => presentImport(r, now, c.var.locale));
    return c.json({ items, maxBytes: c.var.deps.env.IMPORT_MAX_BYTES }, 200);
  })
  .openapi(get, async (c) => {
    const { id } = c.req.valid('param');
    authorize(c, canUseHrRecords);
    const row = await findImport({ db: c.var.deps.db, id });
    return c.json(presentImport(row, c.var.deps.clock.now(), c.var.locale), 200);
  })
  .openapi(preview, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    authorize(c, canUseHrRecords);
    const mapping = parseMappingParam(query.mapping);
    const row = await findImport({ db: c.var.deps.db, id });
    const result = await previewImport({
      row,
      env: c.var.deps.env,
      mapping: mapping ?? (row.mapping as ImportMapping | null) ?? suggestMapping(row.headers),
      encoding: query.encoding,
      locale: c.var.locale,
    });
    return c.json(presentImportPreview(result), 200);
  })
  .openapi(putMapping, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    authorize(c, canUseHrRecords);
    const row = await saveMapping({ ...c.var.deps, id, mapping: input.mapping, encoding: input.encoding });
    return c.json(presentImport(row, c.var.deps.clock.now(), c.var.locale), 200);
  })
  .openapi(start, async (c) => {
    const { id } = c.req.valid('param');
    authorize(c, canUseHrRecords);
    const row = await startImport({ ...c.var.deps, id });
    return c.json(presentImport(row, c.var.deps.clock.now(), c.var.locale), 202);
  })
  .openapi(cancel, async (c) => {
    const { id } = c.req.valid('param');
    authorize(c, canUseHrRecords);
    const row = await cancelImport({ ...c.var.deps, id });
    return c.json(presentImport(row, c.var.deps.clock.now(), c.var.locale), 200);
  })
  .openapi(errorsCsv, async (c) => {
    const { id } = c.req.valid('param');
    authorize(c, canUseHrRecords);
    const row = await findImport({ db: c.var.deps.db, id });
    const csv = importErrorsCsv({ db: c.var.deps.db, id: row.id, locale: c.var.locale });
    const name = `${row.fileName.replace(/\.csv$/i, '')}-errors.csv`;
    return c.body(Readable.toWeb(csv) as ReadableStream, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="import-errors.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
  })
  .openapi(errorsList, async (c) => {
    const { id } = c.req.valid('param');
    const { page } = c.req.valid('query');
    authorize(c, canUseHrRecords);
    const row = await findImport({ db: c.var.deps.db, id });
    const errors = await listImportErrors({ db: c.var.deps.db, id: row.id, locale: c.var.locale, page });
    return c.json(presentImportErrors(errors), 200);
  })
  .openapi(records, async (c) => {
    const { cursor, ...filter } = c.req.valid('query');
    authorize(c, canUseHrRecords);
    const page = await listHrRecords({ db: c.var.deps.db, filter, cursor, now: c.var.deps.clock.now() });
    return c.json({ items: page.items.map(presentHrRecord), nextCursor: page.nextCursor }, 200);
  });
