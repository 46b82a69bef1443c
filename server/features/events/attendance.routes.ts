import { createRoute, z } from '@hono/zod-openapi';
import { ErrorBodySchema } from '#common/errors';
import {
  CalendarFeedCreatedSchema,
  CalendarFeedStateSchema,
  CheckInCreateSchema,
  CheckInListSchema,
  CheckInQuerySchema,
  CheckInResultSchema,
  EventAfterRunSchema,
  EventRemindersRunSchema,
  EventStatsQuerySchema,
  EventStatsSchema,
  FeedFileParamSchema,
  FellowAttendeeListSchema,
  MaterialListSchema,
  MaterialsUpdateSchema,
  SurveyAnswerSchema,
  SurveyFormSchema,
  SurveyResultsSchema,
  TicketSchema,
} from '#common/event-attendance';
import { isHr } from '#server/lib/access/policy';
import { clientAddress } from '#server/lib/client-address';
import {
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
import { dispatchMail } from '#server/lib/outbox';
import {
  presentAfterRun,
  presentCheckInList,
  presentCheckInResult,
  presentFeedCreated,
  presentFeedState,
  presentFellows,
  presentMaterials,
  presentRemindersRun,
  presentStats,
  presentSurveyForm,
  presentSurveyResults,
  presentTicket,
} from './attendance.presenter';
import { checkIn, getTicket, listCheckIn } from './events.checkin';
import { createFeed, feedIcs, getFeedState, revokeFeed } from './events.feed';
import { downloadIcs, icsFileName } from './events.ics';
import { canRunEventJobsNow } from './events.policy';
import { EVENT_REMINDERS_JOB, runEventReminders } from './events.reminders';
import {
  answerSurvey,
  EVENT_AFTER_JOB,
  eventStats,
  exportAttendees,
  fellowAttendees,
  getSurveyForm,
  listMaterials,
  runAfterEvents,
  saveMaterials,
  surveyResults,
} from './events.survey';

const tags = ['events'];
const calendarContent = {
  description: 'An iCalendar file (RFC 5545)',
  content: { 'text/calendar': { schema: z.string() } },
};
const rateLimited = {
  429: jsonContent(ErrorBodySchema, 'Too many unknown addresses tried (see Retry-After)'),
};

const calendarFile = createRoute({
  method: 'get',
  path: '/events/{id}/calendar.ics',
  tags,
  summary:
    'The event as a calendar file (UTC times, stable UID); the online link only for a confirmed attendee',
  request: { params: IdParam },
  responses: { 200: calendarContent, ...errorResponses },
});

const feed = createRoute({
  method: 'get',
  path: '/calendar/{file}',
  tags,
  summary:
    'The personal calendar feed `<token>.ics` (no session: the secret token is the credential; 404 unknown or revoked)',
  request: { params: FeedFileParamSchema },
  responses: { 200: calendarContent, ...errorResponses, ...rateLimited },
});

const feedState = createRoute({
  method: 'get',
  path: '/me/calendar-feed',
  tags,
  summary: 'Whether I have a calendar feed (its address is shown only when created)',
  responses: { 200: jsonContent(CalendarFeedStateSchema), ...errorResponses },
});

const feedCreate = createRoute({
  method: 'post',
  path: '/me/calendar-feed',
  tags,
  summary:
    'Create my calendar feed, or replace its address (the old one stops working); the URL is shown once',
  responses: { 201: jsonContent(CalendarFeedCreatedSchema, 'Created'), ...errorResponses },
});

const feedRevoke = createRoute({
  method: 'delete',
  path: '/me/calendar-feed',
  tags,
  summary: 'Revoke my calendar feed',
  responses: { 204: { description: 'Revoked' }, ...errorResponses },
});

const ticket = createRoute({
  method: 'get',
  path: '/events/{id}/ticket',
  tags,
  summary: 'My ticket: the short check-in code and its QR code (404 unless I have a confirmed seat)',
  request: { params: IdParam },
  responses: { 200: jsonContent(TicketSchema), ...errorResponses },
});

const doorList = createRoute({
  method: 'get',
  path: '/events/{id}/check-in',
  tags,
  summary: 'Hosts and HR: confirmed attendees with their check-in state and the live count',
  request: { params: IdParam, query: CheckInQuerySchema },
  responses: { 200: jsonContent(CheckInListSchema), ...errorResponses },
});

const doorCheckIn = createRoute({
  method: 'post',
  path: '/events/{id}/check-in',
  tags,
  summary:
    'Hosts and HR: check an attendee in by code, from 2 hours before the start to the end (idempotent: "already" on a second scan)',
  request: { params: IdParam, ...body(CheckInCreateSchema) },
  responses: { 200: jsonContent(CheckInResultSchema), ...errorResponses },
});

const surveyForm = createRoute({
  method: 'get',
  path: '/events/{id}/survey',
  tags,
  summary: 'The after-event survey for an attendee (its extra question in my language; answered or not)',
  request: { params: IdParam },
  responses: { 200: jsonContent(SurveyFormSchema), ...errorResponses },
});

const surveyAnswer = createRoute({
  method: 'post',
  path: '/events/{id}/survey',
  tags,
  summary: 'Answer the survey: rating 1–5, a comment, the extra question (once)',
  request: { params: IdParam, ...body(SurveyAnswerSchema) },
  responses: {
    201: jsonContent(SurveyFormSchema, 'Answered'),
    ...errorResponses,
    ...conflict('Already answered'),
  },
});

const surveyResultsRoute = createRoute({
  method: 'get',
  path: '/events/{id}/survey/results',
  tags,
  summary: 'Hosts and HR: count, average, distribution and comments (no names)',
  request: { params: IdParam },
  responses: { 200: jsonContent(SurveyResultsSchema), ...errorResponses },
});

const materials = createRoute({
  method: 'get',
  path: '/events/{id}/materials',
  tags,
  summary: 'Slides, recordings, links: for confirmed attendees, hosts and HR',
  request: { params: IdParam },
  responses: { 200: jsonContent(MaterialListSchema), ...errorResponses },
});

const materialsSave = createRoute({
  method: 'put',
  path: '/events/{id}/materials',
  tags,
  summary: 'Hosts and HR: replace the materials (label and http/https address each)',
  request: { params: IdParam, ...body(MaterialsUpdateSchema) },
  responses: { 200: jsonContent(MaterialListSchema), ...errorResponses },
});

const attendeesCsv = createRoute({
  method: 'get',
  path: '/events/{id}/attendees.csv',
  tags,
  summary: 'Hosts and HR: the attendees listed in the directory, as CSV (audited)',
  request: { params: IdParam },
  responses: {
    200: { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses,
  },
});

const fellows = createRoute({
  method: 'get',
  path: '/events/{id}/fellow-attendees',
  tags,
  summary: 'For an attendee: the other attendees listed in the directory (not blocked), to connect with',
  request: { params: IdParam },
  responses: { 200: jsonContent(FellowAttendeeListSchema), ...errorResponses },
});

const stats = createRoute({
  middleware: onlyFor(isHr),
  method: 'get',
  path: '/admin/events/stats',
  tags,
  summary: 'HR: registrations, attendance and no-show rates per event and per series',
  request: { query: EventStatsQuerySchema },
  responses: { 200: jsonContent(EventStatsSchema), ...errorResponses },
});

const devReminders = createRoute({
  middleware: onlyFor(canRunEventJobsNow),
  method: 'post',
  path: `/dev/jobs/${EVENT_REMINDERS_JOB}`,
  tags: ['dev'],
  summary: 'Development only (admin): send the event reminders that are due now (1 day and 1 hour before)',
  responses: { 200: jsonContent(EventRemindersRunSchema), ...errorResponses },
});

const devAfter = createRoute({
  middleware: onlyFor(canRunEventJobsNow),
  method: 'post',
  path: `/dev/jobs/${EVENT_AFTER_JOB}`,
  tags: ['dev'],
  summary:
    'Development only (admin): record the no-shows and send the survey invitations of ended events now',
  responses: { 200: jsonContent(EventAfterRunSchema), ...errorResponses },
});

const calendarHeaders = (fileName: string) => ({
  'content-type': 'text/calendar; charset=utf-8',
  'content-disposition': `attachment; filename="${fileName}"`,
});

export const eventAttendanceRoutes = createRouter()
  .openapi(calendarFile, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = requireViewer(c);
    const ics = await downloadIcs(c.var.deps, { viewer, eventId: id, locale: c.var.locale });
    return c.body(ics, 200, calendarHeaders(icsFileName(id)));
  })
  .openapi(feed, async (c) => {
    const { file } = c.req.valid('param');
    const ics = await feedIcs(c.var.deps, {
      token: file.slice(0, -'.ics'.length),
      // Requests without a socket address (in-process tests) share one key.
      address: clientAddress(c) ?? 'local',
    });
    return c.body(ics, 200, { 'content-type': 'text/calendar; charset=utf-8' });
  })
  .openapi(feedState, async (c) => {
    const viewer = requireViewer(c);
    return c.json(presentFeedState(await getFeedState(c.var.deps, { viewer })), 200);
  })
  .openapi(feedCreate, async (c) => {
    const viewer = requireViewer(c);
    return c.json(presentFeedCreated(await createFeed(c.var.deps, { viewer })), 201);
  })
  .openapi(feedRevoke, async (c) => {
    const viewer = requireViewer(c);
    await revokeFeed(c.var.deps, { viewer });
    return c.body(null, 204);
  })
  .openapi(ticket, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = requireViewer(c);
    return c.json(
      presentTicket(await getTicket(c.var.deps, { viewer, eventId: id, locale: c.var.locale })),
      200,
    );
  })
  .openapi(doorList, async (c) => {
    const { id } = c.req.valid('param');
    const { q } = c.req.valid('query');
    const viewer = requireViewer(c);
    const list = await listCheckIn(c.var.deps, { viewer, eventId: id, q });
    return c.json(presentCheckInList(list, c.var.locale), 200);
  })
  .openapi(doorCheckIn, async (c) => {
    const { id } = c.req.valid('param');
    const { code } = c.req.valid('json');
    const viewer = requireViewer(c);
    const result = await checkIn(c.var.deps, { viewer, eventId: id, code, locale: c.var.locale });
    return c.json(presentCheckInResult(result), 200);
  })
  .openapi(surveyForm, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = requireViewer(c);
    const form = await getSurveyForm(c.var.deps, { viewer, eventId: id, locale: c.var.locale });
    return c.json(presentSurveyForm(form), 200);
  })
  .openapi(surveyAnswer, async (c) => {
    const { id } = c.req.valid('param');
    const answer = c.req.valid('json');
    const viewer = requireViewer(c);
    const form = await answerSurvey(c.var.deps, { viewer, eventId: id, locale: c.var.locale, answer });
    return c.json(presentSurveyForm(form), 201);
  })
  .openapi(surveyResultsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = requireViewer(c);
    const results = await surveyResults(c.var.deps, { viewer, eventId: id, locale: c.var.locale });
    return c.json(presentSurveyResults(results), 200);
  })
  .openapi(materials, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = requireViewer(c);
    const list = await listMaterials(c.var.deps, { viewer, eventId: id, locale: c.var.locale });
    return c.json(presentMaterials(list), 200);
  })
  .openapi(materialsSave, async (c) => {
    const { id } = c.req.valid('param');
    const update = c.req.valid('json');
    const viewer = requireViewer(c);
    const list = await saveMaterials(c.var.deps, { viewer, eventId: id, locale: c.var.locale, update });
    return c.json(presentMaterials(list), 200);
  })
  .openapi(attendeesCsv, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = requireViewer(c);
    const { csv, fileName } = await exportAttendees(c.var.deps, {
      viewer,
      eventId: id,
      locale: c.var.locale,
    });
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
    });
  })
  .openapi(fellows, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = requireViewer(c);
    const list = await fellowAttendees(c.var.deps, { viewer, eventId: id, locale: c.var.locale });
    return c.json(presentFellows(list), 200);
  })
  .openapi(stats, async (c) => {
    const query = c.req.valid('query');
    authorize(c, isHr);
    return c.json(presentStats(await eventStats(c.var.deps, { locale: c.var.locale, query })), 200);
  })
  .openapi(devReminders, async (c) => {
    authorize(c, canRunEventJobsNow);
    const deps = c.var.deps;
    const run = await runEventReminders(deps, { dispatch: (ids) => dispatchMail(deps, ids) });
    return c.json(presentRemindersRun(run), 200);
  })
  .openapi(devAfter, async (c) => {
    authorize(c, canRunEventJobsNow);
    const deps = c.var.deps;
    const run = await runAfterEvents(deps, { dispatch: (ids) => dispatchMail(deps, ids) });
    return c.json(presentAfterRun(run), 200);
  });
