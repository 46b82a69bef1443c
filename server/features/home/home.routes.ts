import { createRoute } from '@hono/zod-openapi';
import {
  ChecklistUpdateSchema,
  HomeEventsQuerySchema,
  HomeEventsSchema,
  HrHomeQuerySchema,
  HrHomeSchema,
  MemberHomeSchema,
} from '#common/home';
import { upcomingEventsFor } from '#server/features/events/events.for-you';
import {
  authorize,
  body,
  createRouter,
  errorResponses,
  jsonContent,
  onlyFor,
  requireViewer,
} from '#server/lib/http';
import { canSeeHrHome } from './home.policy';
import { presentHomeEvents, presentHrHome, presentMemberHome } from './home.presenter';
import { getHrHome, getMemberHome, setChecklistDismissed } from './home.service';

const memberHome = createRoute({
  method: 'get',
  path: '/home',
  tags: ['home'],
  summary:
    'What the member home needs that no other endpoint gives: the getting-started checklist and counts',
  responses: { 200: jsonContent(MemberHomeSchema), ...errorResponses },
});

const checklist = createRoute({
  method: 'put',
  path: '/home/checklist',
  tags: ['home'],
  summary: 'Close (or reopen) my getting-started checklist',
  request: body(ChecklistUpdateSchema),
  responses: { 200: jsonContent(MemberHomeSchema), ...errorResponses },
});

const homeEvents = createRoute({
  method: 'get',
  path: '/home/events',
  tags: ['home'],
  summary:
    'Upcoming events for you (home and feed): the next events the viewer may see, and their own next registration',
  request: { query: HomeEventsQuerySchema },
  responses: { 200: jsonContent(HomeEventsSchema), ...errorResponses },
});

const hrHome = createRoute({
  middleware: onlyFor(canSeeHrHome),
  method: 'get',
  path: '/home/hr',
  tags: ['home'],
  summary: 'HR: the figures that need action (each with its page) and the latest activity',
  request: { query: HrHomeQuerySchema },
  responses: { 200: jsonContent(HrHomeSchema), ...errorResponses },
});

export const homeRoutes = createRouter()
  .openapi(memberHome, async (c) => {
    const viewer = requireViewer(c);
    const data = await getMemberHome(c.var.deps, { viewer });
    return c.json(presentMemberHome(data), 200);
  })
  .openapi(checklist, async (c) => {
    const viewer = requireViewer(c);
    const { dismissed } = c.req.valid('json');
    const data = await setChecklistDismissed(c.var.deps, { viewer, dismissed });
    return c.json(presentMemberHome(data), 200);
  })
  .openapi(homeEvents, async (c) => {
    const viewer = requireViewer(c);
    const { limit } = c.req.valid('query');
    return c.json(presentHomeEvents(await upcomingEventsFor(c.var.deps, { viewer, limit })), 200);
  })
  .openapi(hrHome, async (c) => {
    const viewer = authorize(c, canSeeHrHome);
    const { activity } = c.req.valid('query');
    const data = await getHrHome(c.var.deps, { viewer, activity });
    return c.json(presentHrHome(data), 200);
  });
