import { createRoute } from '@hono/zod-openapi';
import { OutboxListSchema, OutboxMessageSchema, OutboxQuerySchema } from '#common/mail';
import { authorize, createRouter, errorResponses, IdParam, jsonContent, onlyFor } from '#server/lib/http';
import type { MailCatcher } from '#server/lib/mail-catcher';
import type { MailRow } from '#server/lib/outbox';
import { canReadOutbox } from './mail.policy';
import { type OutboxView, presentOutboxItem, presentOutboxMessage } from './mail.presenter';
import { findOutboxMessage, listOutbox } from './mail.service';

const list = createRoute({
  middleware: onlyFor(canReadOutbox),
  method: 'get',
  path: '/outbox',
  tags: ['outbox'],
  summary: 'Every email the app sent or will send, newest first (admins and HR)',
  request: { query: OutboxQuerySchema },
  responses: { 200: jsonContent(OutboxListSchema), ...errorResponses },
});

const show = createRoute({
  middleware: onlyFor(canReadOutbox),
  method: 'get',
  path: '/outbox/{id}',
  tags: ['outbox'],
  summary: 'One email with its text (and the raw delivered message when the local catcher has it)',
  request: { params: IdParam },
  responses: { 200: jsonContent(OutboxMessageSchema), ...errorResponses },
});

const caughtCopy = (catcher: MailCatcher | undefined, row: MailRow) =>
  row.providerMessageId ? catcher?.findByMessageId(row.providerMessageId) : undefined;

/**
 * Mail the local development catcher holds never left this machine: the outbox shows it whole
 * (following an invitation from the outbox is how a developer tries the app). Anything else —
 * real mail, or mail not delivered — is shown with its personal parts masked.
 */
const outboxView = (catcher: MailCatcher | undefined): OutboxView => ({
  isLocal: (row) => caughtCopy(catcher, row) !== undefined,
});

export const mailRoutes = createRouter()
  .openapi(list, async (c) => {
    authorize(c, canReadOutbox);
    const query = c.req.valid('query');
    const view = outboxView(c.var.deps.mailCatcher);
    const { items, nextCursor } = await listOutbox({
      db: c.var.deps.db,
      query,
      // A private recipient's address is not searchable either: a hit would confirm the referral.
      searchPrivateAddresses: c.var.deps.mailCatcher !== undefined,
    });
    return c.json({ items: items.map((row) => presentOutboxItem(row, view)), nextCursor }, 200);
  })
  .openapi(show, async (c) => {
    authorize(c, canReadOutbox);
    const { id } = c.req.valid('param');
    const row = await findOutboxMessage({ db: c.var.deps.db, id });
    const view = outboxView(c.var.deps.mailCatcher);
    return c.json(presentOutboxMessage(row, caughtCopy(c.var.deps.mailCatcher, row), view), 200);
  });
