import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { BrandingNamesSchema, BrandingSchema, LOGO_MAX_BYTES } from '#common/branding';
import { AppError, notFound } from '#server/lib/errors';
import { authorize, body, createRouter, errorResponses, jsonContent, onlyFor } from '#server/lib/http';
import { canManageBranding } from './branding.policy';
import { presentBranding } from './branding.presenter';
import { getBranding, getLogo, removeLogo, setBrandingNames, setLogo } from './branding.service';

/** The logo upload is exempt from the API's JSON body limit: this route answers a too-large file itself. */
export const BRANDING_LOGO_UPLOAD_PATH = '/api/branding/logo';

const logoLimit = bodyLimit({
  maxSize: LOGO_MAX_BYTES,
  onError: () =>
    Promise.reject(new AppError('bad_request', 'error.bad_request', { logo: ['v.logoTooLarge'] })),
});

const get = createRoute({
  method: 'get',
  path: '/branding',
  tags: ['settings'],
  summary:
    "The organisation's display name (ja/en) and logo URL (public: e-mails and signed-out pages show them)",
  responses: { 200: jsonContent(BrandingSchema), ...errorResponses },
});

const putNames = createRoute({
  method: 'put',
  path: '/branding',
  tags: ['settings'],
  summary: "Set the organisation's display name in Japanese and English (admins)",
  middleware: onlyFor(canManageBranding),
  request: body(BrandingNamesSchema),
  responses: { 200: jsonContent(BrandingSchema), ...errorResponses },
});

const binary = z.string().openapi({ format: 'binary' });

const LOGO_BODY_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

const putLogo = createRoute({
  method: 'put',
  path: '/branding/logo',
  tags: ['settings'],
  summary:
    'Upload the logo: PNG, JPEG or WebP up to 1 MB as the raw body; stored re-encoded as a PNG of at most 512×512 (admins)',
  middleware: [onlyFor(canManageBranding), logoLimit] as const,
  request: {
    body: {
      content: {
        'image/png': { schema: binary },
        'image/jpeg': { schema: binary },
        'image/webp': { schema: binary },
      },
      required: true,
    },
  },
  responses: { 200: jsonContent(BrandingSchema), ...errorResponses },
});

const deleteLogo = createRoute({
  method: 'delete',
  path: '/branding/logo',
  tags: ['settings'],
  summary: 'Remove the logo (admins)',
  middleware: onlyFor(canManageBranding),
  responses: { 200: jsonContent(BrandingSchema), ...errorResponses },
});

const logo = createRoute({
  method: 'get',
  path: '/branding/logo.png',
  tags: ['settings'],
  summary: 'The logo as PNG (public; ETag; immutable when asked for with its current ?v=)',
  request: { query: z.object({ v: z.string().max(64).optional() }) },
  responses: {
    200: { description: 'PNG', content: { 'image/png': { schema: binary } } },
    304: { description: 'Not modified' },
    ...errorResponses,
  },
});

export const brandingRoutes = createRouter()
  .openapi(get, async (c) => c.json(presentBranding(await getBranding(c.var.deps.db)), 200))
  .openapi(putNames, async (c) => {
    const viewer = authorize(c, canManageBranding);
    const names = c.req.valid('json');
    await setBrandingNames({ db: c.var.deps.db, names, actorId: viewer.id });
    return c.json(presentBranding(await getBranding(c.var.deps.db)), 200);
  })
  .openapi(putLogo, async (c) => {
    const viewer = authorize(c, canManageBranding);
    // The logo is a raw image body: any other declared type (a form, text) is refused unread.
    const declared = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!LOGO_BODY_TYPES.has(declared)) {
      throw new AppError('bad_request', 'error.bad_request', { logo: ['v.logoFormat'] });
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(presentBranding(await setLogo({ db: c.var.deps.db, bytes, actorId: viewer.id })), 200);
  })
  .openapi(deleteLogo, async (c) => {
    const viewer = authorize(c, canManageBranding);
    return c.json(presentBranding(await removeLogo({ db: c.var.deps.db, actorId: viewer.id })), 200);
  })
  .openapi(logo, async (c) => {
    const { v } = c.req.valid('query');
    const found = await getLogo(c.var.deps.db);
    if (!found) throw notFound();
    const etag = `"${found.etag}"`;
    // A versioned URL never changes content; the bare URL (in mail) is revalidated each time.
    c.header('Cache-Control', v === found.etag ? 'public, max-age=31536000, immutable' : 'public, no-cache');
    c.header('ETag', etag);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    c.header('Content-Type', 'image/png');
    return c.body(new Uint8Array(found.bytes), 200);
  });
