import { createRoute } from '@hono/zod-openapi';
import { ErrorBodySchema } from '#common/errors';
import {
  GroupCreateSchema,
  GroupDecisionSchema,
  GroupEventsQuerySchema,
  GroupEventsSchema,
  GroupForYouListSchema,
  GroupForYouQuerySchema,
  GroupInvitationsResultSchema,
  GroupInvitationsSchema,
  GroupListQuerySchema,
  GroupListSchema,
  GroupMemberListSchema,
  GroupMemberParams,
  GroupMemberSchema,
  GroupMembersQuerySchema,
  GroupRequestDecisionSchema,
  GroupRoleSchema,
  GroupSchema,
  GroupUpdateSchema,
} from '#common/groups';
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
import { listGroupEvents } from './groups.events';
import { canManageAllGroups } from './groups.policy';
import {
  presentGroup,
  presentGroupEvents,
  presentGroupInvitations,
  presentGroupList,
  presentGroupMember,
  presentGroupMemberList,
  presentGroupsForYou,
} from './groups.presenter';
import {
  answerInvitation,
  archiveGroup,
  createGroup,
  decideGroup,
  decideRequest,
  findGroup,
  groupsForYou,
  inviteMembers,
  joinGroup,
  leaveGroup,
  listGroupMembers,
  listGroups,
  removeMember,
  setMemberRole,
  updateGroup,
} from './groups.service';

const stateConflict = conflict('The group is not active, or the change would leave it without an admin');
const rateLimited = { 429: jsonContent(ErrorBodySchema, 'Too many requests (see Retry-After)') };
const GroupResponse = { 200: jsonContent(GroupSchema), ...errorResponses, ...stateConflict };

const list = createRoute({
  method: 'get',
  path: '/groups',
  tags: ['groups'],
  summary: 'Groups the viewer may see (policy in the query), searched, by kind, or only mine',
  request: { query: GroupListQuerySchema },
  responses: { 200: jsonContent(GroupListSchema), ...errorResponses },
});

const forYou = createRoute({
  method: 'get',
  path: '/groups/for-you',
  tags: ['groups'],
  summary: 'Groups for me: chapters, former departments, intake year, interests from my profile, with why',
  request: { query: GroupForYouQuerySchema },
  responses: { 200: jsonContent(GroupForYouListSchema), ...errorResponses },
});

const detail = createRoute({
  method: 'get',
  path: '/groups/{id}',
  tags: ['groups'],
  summary: 'One group the viewer may see, with their membership',
  request: { params: IdParam },
  responses: { 200: jsonContent(GroupSchema), ...errorResponses },
});

const create = createRoute({
  method: 'post',
  path: '/groups',
  tags: ['groups'],
  summary:
    'HR creates an official group of any kind (active at once); a member proposes an interest group (pending, HR is told)',
  request: body(GroupCreateSchema),
  responses: { 201: jsonContent(GroupSchema, 'Created'), ...errorResponses, ...rateLimited },
});

const update = createRoute({
  method: 'patch',
  path: '/groups/{id}',
  tags: ['groups'],
  summary: 'Edit a group (HR or its admins; the visibility is HR’s)',
  request: { params: IdParam, ...body(GroupUpdateSchema) },
  responses: GroupResponse,
});

const decide = createRoute({
  middleware: onlyFor(canManageAllGroups),
  method: 'post',
  path: '/groups/{id}/decision',
  tags: ['groups'],
  summary: 'Approve or decline a proposed group, with a note to the proposer (HR)',
  request: { params: IdParam, ...body(GroupDecisionSchema) },
  responses: GroupResponse,
});

const archive = createRoute({
  middleware: onlyFor(canManageAllGroups),
  method: 'post',
  path: '/groups/{id}/archive',
  tags: ['groups'],
  summary: 'Archive an active group: read-only, no more joining (HR)',
  request: { params: IdParam },
  responses: GroupResponse,
});

const join = createRoute({
  method: 'post',
  path: '/groups/{id}/join',
  tags: ['groups'],
  summary:
    'Join: an open group at once, a request-to-join group as a request (its admins are told), an invite-only group only when invited (else 404)',
  request: { params: IdParam },
  responses: GroupResponse,
});

const leave = createRoute({
  method: 'post',
  path: '/groups/{id}/leave',
  tags: ['groups'],
  summary: 'Leave, withdraw a request or decline an invitation; the last admin must hand over first (409)',
  request: { params: IdParam },
  responses: GroupResponse,
});

const acceptInvitation = createRoute({
  method: 'post',
  path: '/groups/{id}/invitation/accept',
  tags: ['groups'],
  summary: 'Accept my invitation to a group (404 without one)',
  request: { params: IdParam },
  responses: GroupResponse,
});

const declineInvitation = createRoute({
  method: 'post',
  path: '/groups/{id}/invitation/decline',
  tags: ['groups'],
  summary: 'Decline my invitation to a group (404 without one)',
  request: { params: IdParam },
  responses: GroupResponse,
});

const members = createRoute({
  method: 'get',
  path: '/groups/{id}/members',
  tags: ['groups'],
  summary: 'Active members of a group, one page; its admins and HR also read requests and invitations',
  request: { params: IdParam, query: GroupMembersQuerySchema },
  responses: { 200: jsonContent(GroupMemberListSchema), ...errorResponses },
});

const groupEvents = createRoute({
  method: 'get',
  path: '/groups/{id}/events',
  tags: ['groups'],
  summary: 'The group’s coming events the viewer may see, and whether they may create one for it',
  request: { params: IdParam, query: GroupEventsQuerySchema },
  responses: { 200: jsonContent(GroupEventsSchema), ...errorResponses },
});

const invite = createRoute({
  method: 'post',
  path: '/groups/{id}/invitations',
  tags: ['groups'],
  summary: 'Invite members who may see the group (its admins or HR); each is told',
  request: { params: IdParam, ...body(GroupInvitationsSchema) },
  responses: {
    200: jsonContent(GroupInvitationsResultSchema),
    ...errorResponses,
    ...stateConflict,
    ...rateLimited,
  },
});

const decideJoinRequest = createRoute({
  method: 'post',
  path: '/groups/{id}/requests/{userId}',
  tags: ['groups'],
  summary: 'Approve (the member is told) or decline a request to join (its admins or HR)',
  request: { params: GroupMemberParams, ...body(GroupRequestDecisionSchema) },
  responses: { 200: jsonContent(GroupMemberSchema.nullable()), ...errorResponses, ...stateConflict },
});

const setRole = createRoute({
  method: 'put',
  path: '/groups/{id}/members/{userId}/role',
  tags: ['groups'],
  summary: 'Make an active member an admin or a plain member (its admins or HR); the last admin stays',
  request: { params: GroupMemberParams, ...body(GroupRoleSchema) },
  responses: { 200: jsonContent(GroupMemberSchema), ...errorResponses, ...stateConflict },
});

const remove = createRoute({
  method: 'delete',
  path: '/groups/{id}/members/{userId}',
  tags: ['groups'],
  summary: 'Remove a member, withdraw an invitation or drop a request (its admins or HR)',
  request: { params: GroupMemberParams },
  responses: { 204: { description: 'Removed' }, ...errorResponses, ...stateConflict },
});

export const groupsRoutes = createRouter()
  .openapi(list, async (c) => {
    const viewer = requireViewer(c);
    const query = c.req.valid('query');
    return c.json(presentGroupList(await listGroups(c.var.deps, { viewer, query }), query), 200);
  })
  .openapi(forYou, async (c) => {
    const viewer = requireViewer(c);
    const { limit } = c.req.valid('query');
    return c.json(presentGroupsForYou(await groupsForYou(c.var.deps, { viewer, limit })), 200);
  })
  .openapi(detail, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(presentGroup(await findGroup(c.var.deps, { viewer, id }), viewer), 200);
  })
  .openapi(create, async (c) => {
    const viewer = requireViewer(c);
    const input = c.req.valid('json');
    return c.json(presentGroup(await createGroup(c.var.deps, { viewer, input }), viewer), 201);
  })
  .openapi(update, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(presentGroup(await updateGroup(c.var.deps, { viewer, id, input }), viewer), 200);
  })
  .openapi(decide, async (c) => {
    const viewer = authorize(c, canManageAllGroups);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(presentGroup(await decideGroup(c.var.deps, { viewer, id, input }), viewer), 200);
  })
  .openapi(archive, async (c) => {
    const viewer = authorize(c, canManageAllGroups);
    const { id } = c.req.valid('param');
    return c.json(presentGroup(await archiveGroup(c.var.deps, { viewer, id }), viewer), 200);
  })
  .openapi(join, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(presentGroup(await joinGroup(c.var.deps, { viewer, id }), viewer), 200);
  })
  .openapi(leave, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(presentGroup(await leaveGroup(c.var.deps, { viewer, id }), viewer), 200);
  })
  .openapi(acceptInvitation, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(
      presentGroup(await answerInvitation(c.var.deps, { viewer, id, accept: true }), viewer),
      200,
    );
  })
  .openapi(declineInvitation, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(
      presentGroup(await answerInvitation(c.var.deps, { viewer, id, accept: false }), viewer),
      200,
    );
  })
  .openapi(members, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const result = await listGroupMembers(c.var.deps, { viewer, id, query });
    return c.json(presentGroupMemberList(result, query), 200);
  })
  .openapi(groupEvents, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const { limit } = c.req.valid('query');
    return c.json(presentGroupEvents(await listGroupEvents(c.var.deps, { viewer, id, limit })), 200);
  })
  .openapi(invite, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const { memberIds } = c.req.valid('json');
    return c.json(presentGroupInvitations(await inviteMembers(c.var.deps, { viewer, id, memberIds })), 200);
  })
  .openapi(decideJoinRequest, async (c) => {
    const viewer = requireViewer(c);
    const { id, userId } = c.req.valid('param');
    const { decision } = c.req.valid('json');
    const row = await decideRequest(c.var.deps, { viewer, id, userId, approve: decision === 'approve' });
    return c.json(row ? presentGroupMember(row) : null, 200);
  })
  .openapi(setRole, async (c) => {
    const viewer = requireViewer(c);
    const { id, userId } = c.req.valid('param');
    const { role } = c.req.valid('json');
    return c.json(presentGroupMember(await setMemberRole(c.var.deps, { viewer, id, userId, role })), 200);
  })
  .openapi(remove, async (c) => {
    const viewer = requireViewer(c);
    const { id, userId } = c.req.valid('param');
    await removeMember(c.var.deps, { viewer, id, userId });
    return c.body(null, 204);
  });
