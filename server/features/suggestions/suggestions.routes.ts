import { createRoute } from '@hono/zod-openapi';
import { SuggestionListSchema, SuggestionQuerySchema } from '#common/suggestions';
import { createRouter, errorResponses, IdParam, jsonContent, requireViewer } from '#server/lib/http';
import { presentSuggestions } from './suggestions.presenter';
import { dismissSuggestion, listSuggestions } from './suggestions.service';

const list = createRoute({
  method: 'get',
  path: '/people/suggestions',
  tags: ['people'],
  summary: 'People to meet: my own suggestions of one list (know | diagonal), each with its terms',
  request: { query: SuggestionQuerySchema },
  responses: { 200: jsonContent(SuggestionListSchema), ...errorResponses },
});

const dismiss = createRoute({
  method: 'post',
  path: '/people/suggestions/{id}/dismiss',
  tags: ['people'],
  summary: '"Not now": hide one of my suggestions (the member id)',
  request: { params: IdParam },
  responses: { 204: { description: 'Hidden' }, ...errorResponses },
});

export const suggestionsRoutes = createRouter()
  .openapi(list, async (c) => {
    const { list: which, limit } = c.req.valid('query');
    const viewer = requireViewer(c);
    const { rows, limits, photos } = await listSuggestions(c.var.deps, { viewer, list: which, limit });
    return c.json(presentSuggestions({ viewer, limits, list: which, photos }, rows), 200);
  })
  .openapi(dismiss, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = requireViewer(c);
    await dismissSuggestion(c.var.deps, { viewer, candidateId: id });
    return c.body(null, 204);
  });
