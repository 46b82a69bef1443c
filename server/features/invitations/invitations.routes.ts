import { createRoute, z } from '@hono/zod-openapi';
import { ErrorBodySchema } from '#common/errors';
import {
  InvitationAcceptSchema,
  InvitationBatchAcceptedSchema,
  InvitationBatchSchema,
  InvitationCreateSchema,
  InvitationListQuerySchema,
  InvitationListSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  InvitationsFromRecordsSchema,
  MeSchema,
} from '#common/invitations';
import { presentMe } from '#server/features/auth/auth.presenter';
import { findViewer } from '#server/features/members/members.service';
import { isHr } from '#server/lib/access/policy';
import { AppError, notFound } from '#server/lib/errors';
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
import { rateLimiter } from '#server/lib/rate-limit';
import { createInvitationBatch, findInvitationBatch } from './invitation-batches';
import {
  presentBatchAccepted,
  presentInvitation,
  presentInvitationBatch,
  presentInvitationPreview,
} from './invitations.presenter';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
} from './invitations.service';

const TokenParam = z.object({ token: z.string().min(20).max(100) });
const usedOrExpired = conflict('Used or expired');

const list = createRoute({
  middleware: onlyFor(isHr),
  method: 'get',
  path: '/invitations',
  tags: ['invitations'],
  summary: 'Invitations, newest first, with how their email went (HR and admins)',
  request: { query: InvitationListQuerySchema },
  responses: { 200: jsonContent(InvitationListSchema), ...errorResponses },
});

const fromRecords = createRoute({
  middleware: onlyFor(isHr),
  method: 'post',
  path: '/invitations/from-records',
  tags: ['invitations'],
  summary: 'Invite HR records (a list of ids or a filter); the work runs in the background',
  request: body(InvitationsFromRecordsSchema),
  responses: { 202: jsonContent(InvitationBatchAcceptedSchema, 'Queued'), ...errorResponses },
});

/** Resends per invitation and hour. */
export const INVITATION_RESEND_LIMIT = { max: 3, windowMs: 60 * 60_000 };

const batchStatus = createRoute({
  middleware: onlyFor(isHr),
  method: 'get',
  path: '/invitations/batches/{id}',
  tags: ['invitations'],
  summary: 'Progress of a bulk invitation (HR), so the records list can refresh when it is done',
  request: { params: IdParam },
  responses: { 200: jsonContent(InvitationBatchSchema), ...errorResponses },
});

const resend = createRoute({
  middleware: onlyFor(isHr),
  method: 'post',
  path: '/invitations/{id}/resend',
  tags: ['invitations'],
  summary: 'New link, new expiry, new email (the old link stops working); returns the link once',
  request: { params: IdParam },
  responses: {
    200: jsonContent(InvitationSchema),
    ...errorResponses,
    ...usedOrExpired,
    429: jsonContent(ErrorBodySchema, 'Resent too often (see Retry-After)'),
  },
});

const revoke = createRoute({
  middleware: onlyFor(isHr),
  method: 'post',
  path: '/invitations/{id}/revoke',
  tags: ['invitations'],
  summary: 'Withdraw an invitation: the link stops working, an unsent email is not sent',
  request: { params: IdParam },
  responses: { 200: jsonContent(InvitationSchema), ...errorResponses, ...usedOrExpired },
});

const create = createRoute({
  middleware: onlyFor(isHr),
  method: 'post',
  path: '/invitations',
  tags: ['invitations'],
  summary: 'Invite a person (HR and admins); mails the link and returns it once',
  request: body(InvitationCreateSchema),
  responses: { 201: jsonContent(InvitationSchema, 'Created'), ...errorResponses, ...usedOrExpired },
});

const preview = createRoute({
  method: 'get',
  path: '/invitations/accept/{token}',
  tags: ['invitations'],
  summary: 'What the invitee sees before setting a password (no sign-in needed)',
  request: { params: TokenParam },
  responses: { 200: jsonContent(InvitationPreviewSchema), ...errorResponses, ...usedOrExpired },
});

const accept = createRoute({
  method: 'post',
  path: '/invitations/accept/{token}',
  tags: ['invitations'],
  summary: 'Accept: set a password, become a member and get signed in',
  request: {
    params: TokenParam,
    ...body(InvitationAcceptSchema),
  },
  responses: { 201: jsonContent(MeSchema, 'Signed in'), ...errorResponses, ...usedOrExpired },
});

export const invitationsRoutes = createRouter()
  .openapi(list, async (c) => {
    authorize(c, isHr);
    const query = c.req.valid('query');
    const now = c.var.deps.clock.now();
    const { items, nextCursor } = await listInvitations({ db: c.var.deps.db, now, query });
    return c.json({ items: items.map((r) => presentInvitation(r, now)), nextCursor }, 200);
  })
  .openapi(fromRecords, async (c) => {
    const viewer = authorize(c, isHr);
    const input = c.req.valid('json');
    const result = await createInvitationBatch({ ...c.var.deps, viewer, input });
    return c.json(presentBatchAccepted(result), 202);
  })
  .openapi(batchStatus, async (c) => {
    authorize(c, isHr);
    const { id } = c.req.valid('param');
    const batch = await findInvitationBatch({ db: c.var.deps.db, id });
    if (!batch) throw notFound();
    return c.json(presentInvitationBatch(batch), 200);
  })
  .openapi(resend, async (c) => {
    const viewer = authorize(c, isHr);
    const { id } = c.req.valid('param');
    // Each resend mails the invitee: a double click is fine, a loop is not (decision 025).
    await rateLimiter(
      c.var.deps,
      'invitation-resend',
      INVITATION_RESEND_LIMIT,
      'error.invitation_resend_limited',
    ).take(id, c.var.deps.clock.now());
    const { row, acceptUrl } = await resendInvitation({ ...c.var.deps, viewer, id });
    return c.json(presentInvitation(row, c.var.deps.clock.now(), acceptUrl), 200);
  })
  .openapi(revoke, async (c) => {
    authorize(c, isHr);
    const { id } = c.req.valid('param');
    const row = await revokeInvitation({ ...c.var.deps, id });
    return c.json(presentInvitation(row, c.var.deps.clock.now()), 200);
  })
  .openapi(create, async (c) => {
    const viewer = authorize(c, isHr);
    const input = c.req.valid('json');
    const { row, acceptUrl } = await createInvitation({ ...c.var.deps, viewer, input });
    return c.json(presentInvitation(row, c.var.deps.clock.now(), acceptUrl), 201);
  })
  .openapi(preview, async (c) => {
    const { token } = c.req.valid('param');
    const row = await previewInvitation({ db: c.var.deps.db, token, clock: c.var.deps.clock });
    return c.json(presentInvitationPreview(row), 200);
  })
  .openapi(accept, async (c) => {
    const { token } = c.req.valid('param');
    const input = c.req.valid('json');
    const { db, clock, auth } = c.var.deps;
    const { userId, email } = await acceptInvitation({ db, token, input, clock });
    const signIn = await auth.api.signInEmail({
      body: { email, password: input.password },
      headers: c.req.raw.headers,
      asResponse: true,
    });
    for (const cookie of signIn.headers.getSetCookie()) c.header('Set-Cookie', cookie, { append: true });
    const viewer = await findViewer({ db, userId });
    if (!viewer) throw new AppError('internal');
    return c.json(presentMe(viewer), 201);
  });
