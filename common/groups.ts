import { z } from 'zod';
import { EventCardSchema } from './events';
import { QueryBooleanSchema } from './query';

// ---- contracts of the groups endpoints (issue 11, item 1) ---------------------------------------

export const GROUP_KINDS = ['chapter', 'department', 'intake', 'interest'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const GROUP_JOIN_POLICIES = ['open', 'request', 'invite'] as const;
export type GroupJoinPolicy = (typeof GROUP_JOIN_POLICIES)[number];
export const GROUP_STATUSES = ['pending', 'active', 'declined', 'archived'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];
/** Who may see a group: everyone in the network, or employees only (`internal`, never alumni). */
export const GROUP_VISIBILITIES = ['network', 'internal'] as const;
export type GroupVisibility = (typeof GROUP_VISIBILITIES)[number];
export const GROUP_MEMBER_STATES = ['active', 'requested', 'invited'] as const;
export const GROUP_ROLES = ['member', 'admin'] as const;

export const GROUP_MAX_PAGE_SIZE = 50;
export const GROUP_MAX_INVITES = 50;

/** Empty text means "not given": stored as null. */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max).nullable().optional());
const countryCode = z.preprocess(
  (v) => {
    const value = blankToNull(v);
    return typeof value === 'string' ? value.trim().toUpperCase() : value;
  },
  z
    .string()
    .regex(/^[A-Z]{2}$/, { message: 'kz.country' })
    .nullable()
    .optional(),
);
const intakeYear = z.number().int().min(1900).max(2100).nullable().optional();

const groupFields = {
  nameJa: optionalText(120),
  nameEn: optionalText(120),
  descriptionJa: optionalText(4000),
  descriptionEn: optionalText(4000),
  joinPolicy: z.enum(GROUP_JOIN_POLICIES),
  /** Chapters: the country (ISO 3166 alpha-2) and a region or city. */
  country: countryCode,
  region: optionalText(80),
  /** Former-department groups: the department as profiles name it. */
  department: optionalText(80),
  /** Intake groups (同期): the year of joining. */
  intakeYear,
  visibility: z.enum(GROUP_VISIBILITIES),
};

/** The rules across fields (create, or a stored group with an edit applied). */
export function groupRuleIssues(v: {
  nameJa?: string | null;
  nameEn?: string | null;
  kind?: string;
  intakeYear?: number | null;
}): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (!v.nameJa && !v.nameEn) {
    issues.push({ path: 'nameJa', message: 'kz.groupNameRequired' });
    issues.push({ path: 'nameEn', message: 'kz.groupNameRequired' });
  }
  if (v.kind === 'intake' && v.intakeYear == null) {
    issues.push({ path: 'intakeYear', message: 'kz.groupIntakeYear' });
  }
  return issues;
}

const isObject = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null;

/** A new group: HR creates any kind (official, open at once); a member proposes an interest group. */
export const GroupCreateSchema = z
  .object({
    kind: z.enum(GROUP_KINDS),
    ...groupFields,
    joinPolicy: groupFields.joinPolicy.default('open'),
    visibility: groupFields.visibility.default('network'),
  })
  .strict()
  .superRefine(
    (v, ctx) => {
      for (const issue of groupRuleIssues(v)) {
        ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
      }
    },
    { when: isObject },
  );
export type GroupCreate = z.output<typeof GroupCreateSchema>;
export type GroupCreateInput = z.input<typeof GroupCreateSchema>;

/** An edit (HR or the group's admins); the visibility is HR's. */
export const GroupUpdateSchema = z
  .object({
    nameJa: groupFields.nameJa,
    nameEn: groupFields.nameEn,
    descriptionJa: groupFields.descriptionJa,
    descriptionEn: groupFields.descriptionEn,
    joinPolicy: groupFields.joinPolicy.optional(),
    country: groupFields.country,
    region: groupFields.region,
    department: groupFields.department,
    intakeYear: groupFields.intakeYear,
    visibility: groupFields.visibility.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'kz.nothingToChange', path: ['nameJa'] });
export type GroupUpdate = z.output<typeof GroupUpdateSchema>;

/** HR's decision on a proposed group; the note goes to the proposer. */
export const GroupDecisionSchema = z
  .object({
    decision: z.enum(['approve', 'decline']),
    note: optionalText(1000),
  })
  .strict();
export type GroupDecision = z.output<typeof GroupDecisionSchema>;

export const GroupInvitationsSchema = z
  .object({ memberIds: z.array(z.uuid()).min(1).max(GROUP_MAX_INVITES) })
  .strict();

export const GroupRequestDecisionSchema = z.object({ decision: z.enum(['approve', 'decline']) }).strict();

export const GroupRoleSchema = z.object({ role: z.enum(GROUP_ROLES) }).strict();

const page = z.coerce.number().int().min(1).max(10_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(GROUP_MAX_PAGE_SIZE).default(20);

export const GroupListQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    kind: z.enum(GROUP_KINDS).optional(),
    /** Only groups I am an active member of (any state of the group, so a proposer sees theirs). */
    mine: QueryBooleanSchema.optional(),
    /** Default `active`; HR reads `pending` for approvals (others see only their own proposals). */
    status: z.enum(GROUP_STATUSES).optional(),
    page,
    pageSize,
  })
  .strict();
export type GroupListQuery = z.output<typeof GroupListQuerySchema>;

export const GroupMembersQuerySchema = z
  .object({
    /** `requested` and `invited` are the group admins' (and HR's) only. */
    state: z.enum(GROUP_MEMBER_STATES).default('active'),
    page,
    pageSize,
  })
  .strict();
export type GroupMembersQuery = z.output<typeof GroupMembersQuerySchema>;

export const GroupMemberParams = z.object({ id: z.uuid(), userId: z.uuid() });

// ---- answers -----------------------------------------------------------------------------------

const PersonRefSchema = z.object({ id: z.string(), displayName: z.string() });

export const GroupCardSchema = z.object({
  id: z.string(),
  kind: z.enum(GROUP_KINDS),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  descriptionJa: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  joinPolicy: z.enum(GROUP_JOIN_POLICIES),
  status: z.enum(GROUP_STATUSES),
  official: z.boolean(),
  visibility: z.enum(GROUP_VISIBILITIES),
  country: z.string().nullable(),
  region: z.string().nullable(),
  department: z.string().nullable(),
  intakeYear: z.number().int().nullable(),
  memberCount: z.number().int(),
  createdAt: z.string(),
  /** The viewer's row: active member, asked to join, invited; null when none. */
  myState: z.enum(GROUP_MEMBER_STATES).nullable(),
  myRole: z.enum(GROUP_ROLES).nullable(),
});
export type GroupCard = z.infer<typeof GroupCardSchema>;

export const GroupSchema = GroupCardSchema.extend({
  /** HR or an admin of the group: edit, invite, decide requests, set roles. */
  canManage: z.boolean(),
  /** HR: approve or decline a proposal, archive. */
  canDecide: z.boolean(),
  /** Who proposed or created it (for HR and the group's admins; null for others). */
  createdBy: PersonRefSchema.nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Pending requests and invitations (the group's admins and HR; 0 for others). */
  requestCount: z.number().int(),
});
export type Group = z.infer<typeof GroupSchema>;

export const GroupListSchema = z.object({
  items: z.array(GroupCardSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  hasMore: z.boolean(),
});
export type GroupList = z.infer<typeof GroupListSchema>;

export const GROUP_REASONS = ['country', 'location', 'department', 'intake', 'skills'] as const;
export const GroupReasonSchema = z.object({ kind: z.enum(GROUP_REASONS), value: z.string() });
export type GroupReason = z.infer<typeof GroupReasonSchema>;

export const GroupForYouSchema = z.object({
  group: GroupCardSchema,
  reasons: z.array(GroupReasonSchema),
});
export const GroupForYouListSchema = z.object({ items: z.array(GroupForYouSchema) });
export type GroupForYouList = z.infer<typeof GroupForYouListSchema>;
export const GroupForYouQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(20).default(6) })
  .strict();

export const GroupMemberSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.enum(GROUP_ROLES),
  state: z.enum(GROUP_MEMBER_STATES),
  joinedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type GroupMember = z.infer<typeof GroupMemberSchema>;

export const GroupMemberListSchema = z.object({
  items: z.array(GroupMemberSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** How many the list names (pages run over these). */
  total: z.number().int(),
  hasMore: z.boolean(),
  /** Members not listed in the directory, counted but not named ("and N others"). */
  others: z.number().int(),
});
export type GroupMemberList = z.infer<typeof GroupMemberListSchema>;

export const GroupInvitationsResultSchema = z.object({
  invited: z.array(z.string()),
  /** Asked to join already: the invitation approved them at once. */
  added: z.array(z.string()),
  /** Already a member or already invited: nothing changed. */
  unchanged: z.array(z.string()),
});
export type GroupInvitationsResult = z.infer<typeof GroupInvitationsResultSchema>;

// ---- the group's coming events (issue 13 §6) ----------------------------------------------------

export const GroupEventsQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(20).default(5) })
  .strict();
export type GroupEventsQuery = z.infer<typeof GroupEventsQuerySchema>;

export const GroupEventsSchema = z.object({
  /** The group's published coming events the viewer may see, soonest first. */
  items: z.array(EventCardSchema),
  /** The viewer may create an event for this group (its page links to the form, preset). */
  canCreate: z.boolean(),
});
export type GroupEvents = z.infer<typeof GroupEventsSchema>;
