import { createRoute, z } from '@hono/zod-openapi';
import { OutboxListSchema, OutboxMessageSchema, OutboxQuerySchema } from '../../../common/mail';
import { notFound } from '../../lib/errors';
import { createRouter, errorResponses, jsonContent, requireViewer } from '../../lib/http';
import { canReadOutbox } from './mail.policy';
import { presentOutboxItem, presentOutboxMessage } from './mail.presenter';
import { findOutboxMessage, listOutbox } from './mail.service';

const list = createRoute({
  method: 'get',
  path: '/outbox',
  tags: ['outbox'],
  summary: 'Every email the app sent or will send, newest first (admins and HR)',
  request: { query: OutboxQuerySchema },
  responses: { 200: jsonContent(OutboxListSchema), ...errorResponses },
});

const show = createRoute({
  method: 'get',
  path: '/outbox/{id}',
  tags: ['outbox'],
  summary: 'One email with its text (and the raw delivered message when the local catcher has it)',
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 200: jsonContent(OutboxMessageSchema), ...errorResponses },
});

export const mailRoutes = createRouter()
  .openapi(list, async (c) => {
    const viewer = requireViewer(c);
    const query = c.req.valid('query');
    if (!canReadOutbox(viewer)) throw notFound();
    const { items, nextCursor } = await listOutbox({ db: c.var.deps.db, query });
    return c.json({ items: items.map(presentOutboxItem), nextCursor }, 200);
  })
  .openapi(show, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    if (!canReadOutbox(viewer)) throw notFound();
    const row = await findOutboxMessage({ db: c.var.deps.db, id });
    const caught = row.providerMessageId
      ? c.var.deps.mailCatcher?.findByMessageId(row.providerMessageId)
      : undefined;
    // Mail that never leaves this machine (the development catcher) shows its links: following
    // an invitation from the outbox is how a developer tries the app. Real mail hides them.
    const revealLinks = c.var.deps.mailCatcher !== undefined;
    return c.json(presentOutboxMessage(row, caught, { revealLinks }), 200);
  });
