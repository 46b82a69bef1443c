import { createRoute } from '@hono/zod-openapi';
import {
  ProposalCommentSchema,
  ProposalSchema,
  ProposalUpdateSchema,
  SuggestionsSchema,
} from '#common/exit-proposals';
import {
  body,
  createRouter,
  errorResponses,
  jsonContent,
  requireViewer,
  textIdParam,
} from '#server/lib/http';
import { presentProposal, presentSuggestions } from './exit-proposals.presenter';
import {
  commentOnProposal,
  type findProposalForViewer,
  findProposalOrNoneYet,
  saveProposal,
  shareProposal,
  suggestCareers,
} from './exit-proposals.service';

const CaseParam = textIdParam(64);
const tags = ['exit-proposals'];

const getProposal = createRoute({
  method: 'get',
  path: '/exit-cases/{id}/proposal',
  tags,
  summary: 'The career conversation and proposal (HR, the manager; the leaver once shared, null before)',
  request: { params: CaseParam },
  responses: { 200: jsonContent(ProposalSchema.nullable()), ...errorResponses },
});

const putProposal = createRoute({
  method: 'put',
  path: '/exit-cases/{id}/proposal',
  tags,
  summary: 'Save the conversation notes and the outside / inside paths (HR, the manager)',
  request: {
    params: CaseParam,
    ...body(ProposalUpdateSchema),
  },
  responses: { 200: jsonContent(ProposalSchema), ...errorResponses },
});

const share = createRoute({
  method: 'post',
  path: '/exit-cases/{id}/proposal/share',
  tags,
  summary: 'Show the proposal to the leaver (HR, the manager)',
  request: { params: CaseParam },
  responses: { 200: jsonContent(ProposalSchema), ...errorResponses },
});

const comment = createRoute({
  method: 'post',
  path: '/exit-cases/{id}/proposal/comment',
  tags,
  summary: 'The leaver’s comment on a shared proposal',
  request: {
    params: CaseParam,
    ...body(ProposalCommentSchema),
  },
  responses: { 200: jsonContent(ProposalSchema), ...errorResponses },
});

const suggestions = createRoute({
  method: 'get',
  path: '/exit-cases/{id}/suggestions',
  tags,
  summary: '“People with your background now work as …”: aggregated, consenting alumni only',
  request: { params: CaseParam },
  responses: { 200: jsonContent(SuggestionsSchema), ...errorResponses },
});

const present = (r: Awaited<ReturnType<typeof findProposalForViewer>>) =>
  presentProposal(r.caseId, r.proposal, r.can);

export const exitProposalsRoutes = createRouter()
  .openapi(getProposal, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const result = await findProposalOrNoneYet({ ...c.var.deps, viewer, caseId: id, audit: true });
    return c.json(result && present(result), 200);
  })
  .openapi(putProposal, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const result = await saveProposal({ ...c.var.deps, viewer, caseId: id, input });
    return c.json(present(result), 200);
  })
  .openapi(share, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const result = await shareProposal({ ...c.var.deps, viewer, caseId: id });
    return c.json(present(result), 200);
  })
  .openapi(comment, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const result = await commentOnProposal({ ...c.var.deps, viewer, caseId: id, input });
    return c.json(present(result), 200);
  })
  .openapi(suggestions, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const result = await suggestCareers({ ...c.var.deps, viewer, caseId: id });
    return c.json(presentSuggestions(result), 200);
  });
