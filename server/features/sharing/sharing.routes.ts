import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { PostIdParam } from '#common/comments';
import { ShareKitSchema, ShareStatsSchema } from '#common/sharing';
import {
  type AppEnv,
  authorize,
  createRouter,
  errorResponses,
  jsonContent,
  onlyFor,
  requireViewer,
} from '#server/lib/http';
import { localeFromHeader } from '#server/lib/i18n';
import { canSeeShareStats } from './sharing.policy';
import { presentShareKit, presentShareStats } from './sharing.presenter';
import { createShareLink, followShareLink, getShareKit, shareStats } from './sharing.service';

const kit = createRoute({
  method: 'get',
  path: '/posts/{id}/share-link',
  tags: ['sharing'],
  summary: 'The share kit of a company post (ready texts, address) and my personal link if I made one',
  request: { params: PostIdParam },
  responses: { 200: jsonContent(ShareKitSchema), ...errorResponses },
});

const create = createRoute({
  method: 'post',
  path: '/posts/{id}/share-link',
  tags: ['sharing'],
  summary: 'My personal share link for a company post (one per member and post; idempotent)',
  request: { params: PostIdParam },
  responses: { 200: jsonContent(ShareKitSchema), ...errorResponses },
});

const stats = createRoute({
  middleware: onlyFor(canSeeShareStats),
  method: 'get',
  path: '/posts/{id}/share-stats',
  tags: ['sharing'],
  summary: 'How far members carried a post: clicks, links made, top sharers (HR)',
  request: { params: PostIdParam },
  responses: { 200: jsonContent(ShareStatsSchema), ...errorResponses },
});

export const sharingRoutes = createRouter()
  .openapi(kit, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(
      presentShareKit(await getShareKit(c.var.deps, { viewer, postId: id }), c.var.deps.env.BASE_URL),
      200,
    );
  })
  .openapi(create, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const result = await createShareLink(c.var.deps, { viewer, postId: id });
    return c.json(presentShareKit(result, c.var.deps.env.BASE_URL), 200);
  })
  .openapi(stats, async (c) => {
    const viewer = authorize(c, canSeeShareStats);
    const { id } = c.req.valid('param');
    return c.json(presentShareStats(await shareStats(c.var.deps, { viewer, postId: id })), 200);
  });

const NOT_FOUND_PAGE = {
  ja: { title: 'リンクが見つかりません', text: 'このリンクは無効か、共有が終了しています。' },
  en: { title: 'Link not found', text: 'This link is not valid, or the post is no longer shared.' },
};

/**
 * `GET /s/:token`, outside /api and without a session: counts the click and redirects (302) to the
 * post's share address. No cookie is read or set and nothing about the visitor is stored.
 */
export async function shareRedirect(c: Context<AppEnv>) {
  const url = await followShareLink(c.var.deps.db, c.req.param('token') ?? '');
  c.header('cache-control', 'no-store');
  c.header('referrer-policy', 'no-referrer');
  if (url) return c.redirect(url, 302);
  const page = NOT_FOUND_PAGE[localeFromHeader(c.req.header('accept-language'))];
  return c.html(
    `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${page.title}</title></head><body><h1>${page.title}</h1><p>${page.text}</p></body></html>`,
    404,
  );
}
