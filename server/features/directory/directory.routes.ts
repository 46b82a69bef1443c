import { createRoute } from '@hono/zod-openapi';
import { DirectoryFacetsSchema, DirectoryQuerySchema, DirectoryResultSchema } from '#common/directory';
import { getStaleSearchAfter, getVisibilityLimits } from '#server/features/members/members.service';
import { isHr } from '#server/lib/access/policy';
import { notFound } from '#server/lib/errors';
import { createRouter, errorResponses, jsonContent, requireViewer } from '#server/lib/http';
import { cachedFacets } from './directory.cache';
import { cardPresenter } from './directory.presenter';
import { directoryFacets, searchDirectory } from './directory.service';

const search = createRoute({
  method: 'get',
  path: '/directory',
  tags: ['directory'],
  summary: 'Search members (names in kanji/kana/romaji, employers, titles, skills, bios) with filters',
  request: { query: DirectoryQuerySchema },
  responses: { 200: jsonContent(DirectoryResultSchema), ...errorResponses },
});

const facets = createRoute({
  method: 'get',
  path: '/directory/facets',
  tags: ['directory'],
  summary: 'Facet counts for the same query and filters',
  request: { query: DirectoryQuerySchema },
  responses: { 200: jsonContent(DirectoryFacetsSchema), ...errorResponses },
});

const today = (now: Date) => now.toISOString().slice(0, 10);

export const directoryRoutes = createRouter()
  .openapi(search, async (c) => {
    const viewer = requireViewer(c);
    const query = c.req.valid('query');
    if (query.scope === 'all' && !isHr(viewer)) throw notFound();
    const { db, clock } = c.var.deps;
    const limits = await getVisibilityLimits({ db });
    const staleAfter = await getStaleSearchAfter({ db, viewer });
    const result = await searchDirectory({
      db,
      viewer,
      limits,
      staleAfter,
      query,
      today: today(clock.now()),
    });
    return c.json(
      {
        items: result.items.map(cardPresenter({ viewer, limits })),
        page: query.page,
        pageSize: query.pageSize,
        hasMore: result.hasMore,
      },
      200,
    );
  })
  .openapi(facets, async (c) => {
    const viewer = requireViewer(c);
    const query = c.req.valid('query');
    if (query.scope === 'all' && !isHr(viewer)) throw notFound();
    const { db, clock } = c.var.deps;
    const limits = await getVisibilityLimits({ db });
    const staleAfter = await getStaleSearchAfter({ db, viewer });
    const args = { viewer, limits, staleAfter, query, today: today(clock.now()) };
    return c.json(await cachedFacets(db, args, () => directoryFacets({ db, ...args })), 200);
  });
