import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  EventCreateSchema,
  EventListQuerySchema,
  EventPageSchema,
  EventSchema,
  EventUpdateSchema,
  HostRegistrationListSchema,
  MyRegistrationSchema,
  REGISTRATION_STATUSES,
  RegisterSchema,
  RegistrationIdParam,
  SeriesCreateSchema,
  SeriesListSchema,
  SeriesSchema,
  SeriesUpdateSchema,
} from '#common/events';
import {
  type AppEnv,
  authorize,
  body,
  conflict,
  createRouter,
  errorResponses,
  IdParam,
  jsonContent,
  onlyFor,
  requireViewer,
} from '#server/lib/http';
import { register } from './events.desk';
import { canCreateEvents } from './events.policy';
import {
  presentEvent,
  presentEventCard,
  presentHostRegistration,
  presentMyRegistration,
  presentSeries,
  presentSeriesList,
} from './events.presenter';
import { cancelRegistration, claimOffer, decideRegistration, waitlistPosition } from './events.registration';
import {
  cancelEvent,
  createEvent,
  createSeries,
  getEvent,
  getSeries,
  listEvents,
  listRegistrations,
  listSeries,
  publishEvent,
  updateEvent,
  updateSeries,
} from './events.service';

const eventConflict = conflict('Already published or cancelled; no offer to claim; not pending');

const list = createRoute({
  method: 'get',
  path: '/events',
  tags: ['events'],
  summary: 'The calendar: events the viewer may see, upcoming or past, filtered, keyset paged',
  request: { query: EventListQuerySchema },
  responses: { 200: jsonContent(EventPageSchema), ...errorResponses },
});

const detail = createRoute({
  method: 'get',
  path: '/events/{id}',
  tags: ['events'],
  summary: 'One event in the viewer’s audience (drafts: hosts and HR), with the viewer’s registration',
  request: { params: IdParam },
  responses: { 200: jsonContent(EventSchema), ...errorResponses },
});

const create = createRoute({
  middleware: onlyFor(canCreateEvents),
  method: 'post',
  path: '/events',
  tags: ['events'],
  summary: 'Create an event as a draft or published at once (HR)',
  request: body(EventCreateSchema),
  responses: { 201: jsonContent(EventSchema, 'Created'), ...errorResponses },
});

const update = createRoute({
  method: 'patch',
  path: '/events/{id}',
  tags: ['events'],
  summary:
    'Edit an event (hosts and HR); a capacity below the seats taken is refused, a raised one offers seats',
  request: { params: IdParam, ...body(EventUpdateSchema) },
  responses: { 200: jsonContent(EventSchema), ...errorResponses, ...eventConflict },
});

const publish = createRoute({
  method: 'post',
  path: '/events/{id}/publish',
  tags: ['events'],
  summary: 'Publish a draft (hosts and HR)',
  request: { params: IdParam },
  responses: { 200: jsonContent(EventSchema), ...errorResponses, ...eventConflict },
});

const cancel = createRoute({
  method: 'post',
  path: '/events/{id}/cancel',
  tags: ['events'],
  summary: 'Cancel an event (hosts and HR): every registration cancelled, registrants told',
  request: { params: IdParam },
  responses: { 200: jsonContent(EventSchema), ...errorResponses, ...eventConflict },
});

const registrations = createRoute({
  method: 'get',
  path: '/events/{id}/registrations',
  tags: ['events'],
  summary: 'Registrations of an event with the seats taken (hosts and HR)',
  request: { params: IdParam },
  responses: { 200: jsonContent(HostRegistrationListSchema), ...errorResponses },
});

const registerRoute = createRoute({
  method: 'post',
  path: '/events/{id}/registration',
  tags: ['events'],
  summary:
    'Register (with guests and answers): confirmed, waitlisted or pending; a repeat answers the registration that exists',
  request: { params: IdParam, ...body(RegisterSchema) },
  responses: {
    200: jsonContent(MyRegistrationSchema, 'Already registered'),
    201: jsonContent(MyRegistrationSchema, 'Registered'),
    ...errorResponses,
  },
});

const unregister = createRoute({
  method: 'delete',
  path: '/events/{id}/registration',
  tags: ['events'],
  summary: 'Cancel my registration or release my seat: a freed seat is offered to the first in line',
  request: { params: IdParam },
  responses: { 200: jsonContent(MyRegistrationSchema), ...errorResponses },
});

const claim = createRoute({
  method: 'post',
  path: '/events/{id}/registration/claim',
  tags: ['events'],
  summary: 'Claim the seat offered to me before its deadline',
  request: { params: IdParam },
  responses: { 200: jsonContent(MyRegistrationSchema), ...errorResponses, ...eventConflict },
});

const decide = (decision: 'approve' | 'decline') =>
  createRoute({
    method: 'post',
    path: `/events/{id}/registrations/{registrationId}/${decision}`,
    tags: ['events'],
    summary:
      decision === 'approve'
        ? 'Approve a pending registration (hosts and HR): confirmed if it fits, else waitlisted'
        : 'Decline a pending registration (hosts and HR)',
    request: { params: RegistrationIdParam },
    responses: { 200: jsonContent(MyRegistrationSchema), ...errorResponses, ...eventConflict },
  });
const approve = decide('approve');
const decline = decide('decline');

const seriesList = createRoute({
  middleware: onlyFor(canCreateEvents),
  method: 'get',
  path: '/event-series',
  tags: ['events'],
  summary: 'Every series (HR)',
  responses: { 200: jsonContent(SeriesListSchema), ...errorResponses },
});

const seriesDetail = createRoute({
  method: 'get',
  path: '/event-series/{id}',
  tags: ['events'],
  summary: 'A series page: the series and its events the viewer may see',
  request: { params: IdParam },
  responses: { 200: jsonContent(SeriesSchema), ...errorResponses },
});

const seriesCreate = createRoute({
  middleware: onlyFor(canCreateEvents),
  method: 'post',
  path: '/event-series',
  tags: ['events'],
  summary: 'Create a series (HR)',
  request: body(SeriesCreateSchema),
  responses: { 201: jsonContent(SeriesSchema, 'Created'), ...errorResponses },
});

const seriesUpdate = createRoute({
  middleware: onlyFor(canCreateEvents),
  method: 'patch',
  path: '/event-series/{id}',
  tags: ['events'],
  summary: 'Edit a series (HR)',
  request: { params: IdParam, ...body(SeriesUpdateSchema) },
  responses: { 200: jsonContent(SeriesSchema), ...errorResponses },
});

/** The event as the viewer now sees it (after a write). */
async function presented(c: Context<AppEnv>, id: string) {
  const viewer = requireViewer(c);
  return presentEvent(await getEvent(c.var.deps, { viewer, id }), c.var.deps.clock.now());
}

export const eventsRoutes = createRouter()
  .openapi(list, async (c) => {
    const viewer = requireViewer(c);
    const query = c.req.valid('query');
    const page = await listEvents(c.var.deps, { viewer, query });
    return c.json({ items: page.rows.map(presentEventCard), nextCursor: page.nextCursor }, 200);
  })
  .openapi(detail, async (c) => {
    requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(await presented(c, id), 200);
  })
  .openapi(create, async (c) => {
    const viewer = authorize(c, canCreateEvents);
    const row = await createEvent(c.var.deps, { viewer, input: c.req.valid('json') });
    return c.json(await presented(c, row.id), 201);
  })
  .openapi(update, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    await updateEvent(c.var.deps, { viewer, id, input: c.req.valid('json'), locale: c.var.locale });
    return c.json(await presented(c, id), 200);
  })
  .openapi(publish, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    await publishEvent(c.var.deps, { viewer, id });
    return c.json(await presented(c, id), 200);
  })
  .openapi(cancel, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    await cancelEvent(c.var.deps, { viewer, id });
    return c.json(await presented(c, id), 200);
  })
  .openapi(registrations, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const result = await listRegistrations(c.var.deps, { viewer, id });
    const counts = Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, 0])) as Record<
      (typeof REGISTRATION_STATUSES)[number],
      number
    >;
    for (const r of result.rows) counts[r.registration.status] += 1;
    return c.json(
      { items: result.rows.map(presentHostRegistration), seatsTaken: result.seatsTaken, counts },
      200,
    );
  })
  .openapi(registerRoute, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const { registration, created } = await register(c.var.deps, {
      viewer,
      eventId: id,
      input: c.req.valid('json'),
      locale: c.var.locale,
    });
    const position = await waitlistPosition(c.var.deps.db, registration);
    return created
      ? c.json(presentMyRegistration(registration, position), 201)
      : c.json(presentMyRegistration(registration, position), 200);
  })
  .openapi(unregister, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const row = await cancelRegistration(c.var.deps, { viewer, eventId: id });
    return c.json(presentMyRegistration(row, null), 200);
  })
  .openapi(claim, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const row = await claimOffer(c.var.deps, { viewer, eventId: id });
    return c.json(presentMyRegistration(row, null), 200);
  })
  .openapi(approve, async (c) => {
    const viewer = requireViewer(c);
    const { id, registrationId } = c.req.valid('param');
    const row = await decideRegistration(c.var.deps, {
      viewer,
      eventId: id,
      registrationId,
      decision: 'approve',
    });
    return c.json(presentMyRegistration(row, await waitlistPosition(c.var.deps.db, row)), 200);
  })
  .openapi(decline, async (c) => {
    const viewer = requireViewer(c);
    const { id, registrationId } = c.req.valid('param');
    const row = await decideRegistration(c.var.deps, {
      viewer,
      eventId: id,
      registrationId,
      decision: 'decline',
    });
    return c.json(presentMyRegistration(row, null), 200);
  })
  .openapi(seriesList, async (c) => {
    authorize(c, canCreateEvents);
    return c.json(presentSeriesList(await listSeries(c.var.deps)), 200);
  })
  .openapi(seriesDetail, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const { series, rows } = await getSeries(c.var.deps, { viewer, id });
    return c.json(presentSeries(series, rows), 200);
  })
  .openapi(seriesCreate, async (c) => {
    const viewer = authorize(c, canCreateEvents);
    const series = await createSeries(c.var.deps, { viewer, input: c.req.valid('json') });
    return c.json(presentSeries(series, []), 201);
  })
  .openapi(seriesUpdate, async (c) => {
    const viewer = authorize(c, canCreateEvents);
    const { id } = c.req.valid('param');
    await updateSeries(c.var.deps, { viewer, id, input: c.req.valid('json') });
    const { series, rows } = await getSeries(c.var.deps, { viewer, id });
    return c.json(presentSeries(series, rows), 200);
  });
