import { createRoute } from '@hono/zod-openapi';
import {
  DirectoryFacetsSchema,
  type DirectoryQuery,
  DirectoryQuerySchema,
  DirectoryResultSchema,
} from '#common/directory';
import { getStaleSearchAfter, getVisibilityLimits } from '#server/features/members/members.service';
import { isHr, type Viewer } from '#server/lib/access/policy';
import { authorize, createRouter, errorResponses, jsonContent } from '#server/lib/http';
import { photoVersionsOf } from '#server/lib/member-photos';
import { cachedFacets } from './directory.cache';
import { cardPresenter, presentFacets } from './directory.presenter';
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

/** Every member searches the members they may see; the whole membership (`scope=all`) is HR's. */
const allowsScope = (scope: DirectoryQuery['scope']) => (viewer: Viewer) => scope !== 'all' || isHr(viewer);

const today = (now: Date) => now.toISOString().slice(0, 10);

export const directoryRoutes = createRouter()
  .openapi(search, async (c) => {
    const query = c.req.valid('query');
    const viewer = authorize(c, allowsScope(query.scope));
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
    // Beside the search, not inside it: the search's statements are benchmarked as they are.
    const photos = await photoVersionsOf(
      db,
      viewer,
      result.items.map((r) => r.id),
    );
    return c.json(
      {
        items: result.items.map(cardPresenter({ viewer, limits, photos })),
        page: query.page,
        pageSize: query.pageSize,
        hasMore: result.hasMore,
      },
      200,
    );
  })
  .openapi(facets, async (c) => {
    const query = c.req.valid('query');
    const viewer = authorize(c, allowsScope(query.scope));
    const { db, clock } = c.var.deps;
    const limits = await getVisibilityLimits({ db });
    const staleAfter = await getStaleSearchAfter({ db, viewer });
    const args = { viewer, limits, staleAfter, query, today: today(clock.now()) };
    const found = await cachedFacets(db, args, () => directoryFacets({ db, ...args }));
    return c.json(presentFacets(found), 200);
  });
