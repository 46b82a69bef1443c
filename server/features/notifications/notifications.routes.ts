import { createRoute } from '@hono/zod-openapi';
import {
  MarkReadResultSchema,
  MarkReadSchema,
  MuteCreateSchema,
  MuteDeleteQuerySchema,
  MuteListSchema,
  MuteSchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationPreferenceListSchema,
  NotificationPreferencesUpdateSchema,
  UnreadCountSchema,
} from '#common/notifications';
import { body, createRouter, errorResponses, jsonContent, requireViewer } from '#server/lib/http';
import { presentGroup, presentMute, presentPreference } from './notifications.presenter';
import {
  createMute,
  deleteMute,
  listGroups,
  listMutes,
  listPreferences,
  markRead,
  savePreferences,
  unreadCount,
} from './notifications.service';

const list = createRoute({
  method: 'get',
  path: '/notifications',
  tags: ['notifications'],
  summary: 'My notifications grouped per thread and type, newest first (keyset cursor)',
  request: { query: NotificationListQuerySchema },
  responses: { 200: jsonContent(NotificationListSchema), ...errorResponses },
});

const unread = createRoute({
  method: 'get',
  path: '/notifications/unread-count',
  tags: ['notifications'],
  summary: 'How many of my notifications are unread (the bell; one indexed count)',
  responses: { 200: jsonContent(UnreadCountSchema), ...errorResponses },
});

const read = createRoute({
  method: 'post',
  path: '/notifications/read',
  tags: ['notifications'],
  summary: 'Mark my notifications read: some ids, one thread, or all',
  request: body(MarkReadSchema),
  responses: { 200: jsonContent(MarkReadResultSchema), ...errorResponses },
});

const preferences = createRoute({
  method: 'get',
  path: '/notifications/preferences',
  tags: ['notifications'],
  summary: 'My channel per notification type (in-app, email, digest, off)',
  responses: { 200: jsonContent(NotificationPreferenceListSchema), ...errorResponses },
});

const savePrefs = createRoute({
  method: 'put',
  path: '/notifications/preferences',
  tags: ['notifications'],
  summary: 'Choose channels for some types; moderation notices cannot be off',
  request: body(NotificationPreferencesUpdateSchema),
  responses: { 200: jsonContent(NotificationPreferenceListSchema), ...errorResponses },
});

const mutes = createRoute({
  method: 'get',
  path: '/notifications/mutes',
  tags: ['notifications'],
  summary: 'My muted threads and people still in force',
  responses: { 200: jsonContent(MuteListSchema), ...errorResponses },
});

const mute = createRoute({
  method: 'post',
  path: '/notifications/mutes',
  tags: ['notifications'],
  summary: 'Mute a thread or a person of my notifications for a day, a week or until unmuted',
  request: body(MuteCreateSchema),
  responses: { 201: jsonContent(MuteSchema, 'Muted'), ...errorResponses },
});

const unmute = createRoute({
  method: 'delete',
  path: '/notifications/mutes',
  tags: ['notifications'],
  summary: 'End one of my mutes',
  request: { query: MuteDeleteQuerySchema },
  responses: { 204: { description: 'Unmuted' }, ...errorResponses },
});

export const notificationsRoutes = createRouter()
  .openapi(list, async (c) => {
    const viewer = requireViewer(c);
    const { cursor } = c.req.valid('query');
    const { rows, nextCursor } = await listGroups(c.var.deps, { viewer, cursor });
    return c.json({ items: rows.map(presentGroup), nextCursor }, 200);
  })
  .openapi(unread, async (c) => {
    const viewer = requireViewer(c);
    return c.json({ count: await unreadCount(c.var.deps, viewer.id) }, 200);
  })
  .openapi(read, async (c) => {
    const viewer = requireViewer(c);
    const result = await markRead(c.var.deps, { viewer, input: c.req.valid('json') });
    return c.json({ marked: result.marked, unread: result.unread }, 200);
  })
  .openapi(preferences, async (c) => {
    const viewer = requireViewer(c);
    const rows = await listPreferences(c.var.deps, viewer);
    return c.json({ items: rows.map(presentPreference) }, 200);
  })
  .openapi(savePrefs, async (c) => {
    const viewer = requireViewer(c);
    const rows = await savePreferences(c.var.deps, { viewer, input: c.req.valid('json') });
    return c.json({ items: rows.map(presentPreference) }, 200);
  })
  .openapi(mutes, async (c) => {
    const viewer = requireViewer(c);
    const rows = await listMutes(c.var.deps, viewer);
    return c.json({ items: rows.map(presentMute) }, 200);
  })
  .openapi(mute, async (c) => {
    const viewer = requireViewer(c);
    const row = await createMute(c.var.deps, { viewer, input: c.req.valid('json') });
    return c.json(presentMute(row), 201);
  })
  .openapi(unmute, async (c) => {
    const viewer = requireViewer(c);
    const { kind, key } = c.req.valid('query');
    await deleteMute(c.var.deps, { viewer, kind, key });
    return c.body(null, 204);
  });
